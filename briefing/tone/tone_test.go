package tone

import (
	"slices"
	"sync"
	"testing"
	"time"

	"attache/briefing/geo"
)

var (
	gazOnce  sync.Once
	gaz      *geo.Gazetteer
	zeroTime time.Time
)

func finder(t *testing.T) *Finder {
	t.Helper()
	gazOnce.Do(func() {
		g, err := geo.New()
		if err != nil {
			t.Fatalf("geo.New: %v", err)
		}
		gaz = g
	})
	return NewFinder(gaz)
}

func sentence(t *testing.T, text string, pair [2]string) Sentence {
	f := finder(t)
	at := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	return Sentence{Text: text, Pair: pair, Parties: f.Parties(text, at)}
}

func TestClassify(t *testing.T) {
	c := New()
	tests := []struct {
		text string
		pair [2]string
		want Class
	}{
		// Deeds done, and the same deeds only intended or possible.
		{"Washington imposed tariffs of 100 pct on Japanese computers on Friday.", [2]string{"US", "JP"}, MaterialConflict},
		// "The United States may impose tariffs" is verbal conflict by
		// the guide; the rule reading says so (TestRuleReadings), but the
		// model trained on 1,627 lines reads it as neither, since in the
		// dev set a "may" mostly holds an outsider's guess: a known miss
		// (briefing/tone/RESULTS.md).
		{"Washington threatened to impose sanctions on Tokyo over the chip pact.", [2]string{"US", "JP"}, VerbalConflict},
		{"Japan has extended a 24 billion yen loan to Bangladesh, officials said.", [2]string{"JP", "BD"}, MaterialCooperation},
		{"Japan agreed to lend Bangladesh 24 billion yen next year.", [2]string{"JP", "BD"}, VerbalCooperation},
		// Negation, refusal and denial.
		{"Brazil refused to sign the rescheduling agreement with France.", [2]string{"BR", "FR"}, VerbalConflict},
		{"Iran denied attacking the Saudi tanker in the Gulf.", [2]string{"IR", "SA"}, VerbalConflict},
		{"Italy lifted its ban on Japanese rice imports.", [2]string{"IT", "JP"}, MaterialCooperation},
		// Words against each other.
		{"Greece accused Turkish warplanes of violating its airspace.", [2]string{"GR", "TR"}, VerbalConflict},
		{"Canada welcomed the American decision on softwood lumber.", [2]string{"CA", "US"}, VerbalCooperation},
		{"Soviet and American negotiators held talks in Geneva on missiles.", [2]string{"SU", "US"}, VerbalCooperation},
		// Force.
		{"Iraqi warplanes attacked two Iranian oil platforms on Monday.", [2]string{"IQ", "IR"}, MaterialConflict},
		// Neither: figures, currencies, venues, sides listed together.
		{"Japanese exports to the United States rose 5 pct in March.", [2]string{"JP", "US"}, Neither},
		{"The bank raised 50 mln Swiss francs for its Japanese clients.", [2]string{"CH", "JP"}, Neither},
		{"Britain and France criticised the proposed tax on vegetable oils.", [2]string{"GB", "FR"}, Neither},
		{"The treaty was signed by Germany's chancellor in Rome.", [2]string{"DE", "IT"}, Neither},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := c.Classify(sentence(t, tc.text, tc.pair))
			if got.Class != tc.want {
				t.Errorf("got %s (cue %q, %s), want %s\n%s", got.Class, got.Cue, got.Reading, tc.want, c.Explain(sentence(t, tc.text, tc.pair)))
			}
		})
	}
}

func TestTagEvidence(t *testing.T) {
	c := New()
	text := "Washington imposed tariffs of 100 pct on Japanese computers on Friday."
	tag := c.Classify(sentence(t, text, [2]string{"US", "JP"}))
	if tag.Sentence != text {
		t.Errorf("Sentence = %q, want the sentence verbatim", tag.Sentence)
	}
	if tag.Cue == "" || text[tag.CueStart:tag.CueEnd] != tag.Cue {
		t.Errorf("Cue %q at [%d,%d) is not the text's words there", tag.Cue, tag.CueStart, tag.CueEnd)
	}
	if tag.Actor != "US" || tag.Target != "JP" {
		t.Errorf("roles = %s on %s, want US on JP", tag.Actor, tag.Target)
	}
}

// A sentence that names the pair only through the one before it shows
// both as its evidence, so that a reader sees whom "they" are; the cue's
// offsets stay in the sentence itself.
func TestTagEvidenceCarriesTheContextItLeansOn(t *testing.T) {
	c := New()
	f := finder(t)
	prev := "Delegations from Ghana and Togo met in Accra on Tuesday."
	text := "They agreed to reopen the border crossing at Aflao next month."
	pair := [2]string{"GH", "TG"}
	tag := c.Classify(Sentence{Text: text, Context: prev, Pair: pair, Parties: f.Parties(text, zeroTime), ContextParties: f.Parties(prev, zeroTime)})
	if tag.Class == Neither {
		t.Fatalf("class = neither, want a tone: %+v", tag)
	}
	if want := prev + " " + text; tag.Sentence != want {
		t.Errorf("Sentence = %q, want %q", tag.Sentence, want)
	}
	if tag.Cue == "" || text[tag.CueStart:tag.CueEnd] != tag.Cue {
		t.Errorf("Cue %q at [%d,%d) is not the sentence's words there", tag.Cue, tag.CueStart, tag.CueEnd)
	}
	// Naming both sides itself, a sentence stands alone.
	own := "Ghana and Togo agreed to reopen the border crossing at Aflao next month."
	tag = c.Classify(Sentence{Text: own, Context: prev, Pair: pair, Parties: f.Parties(own, zeroTime), ContextParties: f.Parties(prev, zeroTime)})
	if tag.Class == Neither || tag.Sentence != own {
		t.Errorf("sentence naming both: %v %q, want a tone and the sentence alone", tag.Class, tag.Sentence)
	}
}

// The agent of a passive cue acts ("imposed by"); a "by" that belongs to
// another phrase of the sentence names no actor of the cue.
func TestPassiveRoles(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		text          string
		pair          [2]string
		actor, target string
	}{
		{"Japanese computers were hit with tariffs imposed by the United States.", [2]string{"JP", "US"}, "US", "JP"},
		{"Two Hungarian diplomats were expelled by Romania on Friday.", [2]string{"HU", "RO"}, "RO", "HU"},
		{"Chilean growers welcomed a ruling by the Peruvian trade ministry that lifted the fruit ban.", [2]string{"CL", "PE"}, "CL", "PE"},
		{"Vietnam bought 200,000 tonnes of Thai rice, with final approval by the Thai commerce ministry still awaited.", [2]string{"VN", "TH"}, "VN", "TH"},
		{"Turkish troops shelled positions held by Syrian forces near the border overnight.", [2]string{"TR", "SY"}, "TR", "SY"},
	} {
		tag := c.Classify(sentence(t, tc.text, tc.pair))
		if tag.Class == Neither {
			t.Errorf("%q: neither, want a tone", tc.text)
			continue
		}
		if tag.Actor != tc.actor || tag.Target != tc.target {
			t.Errorf("%q: %s (%s on %s), want %s on %s", tc.text, tag.Class, tag.Actor, tag.Target, tc.actor, tc.target)
		}
	}
}

func TestHistoricalParties(t *testing.T) {
	f := finder(t)
	at := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	ps := f.Parties("Moscow and Bonn signed a trade pact, the Soviet Union and West Germany said.", at)
	var codes []string
	for _, p := range ps {
		codes = append(codes, p.Code)
	}
	want := []string{"SU", "DE", "SU", "DE"}
	if len(codes) != len(want) {
		t.Fatalf("codes = %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("codes = %v, want %v", codes, want)
		}
	}
	if !SameParty("SU", "RU") || SameParty("SU", "US") {
		t.Error("SameParty: SU and RU are one party, SU and US are not")
	}
}

func TestClassRoundTrip(t *testing.T) {
	for _, c := range Classes {
		got, err := ParseClass(c.String())
		if err != nil || got != c {
			t.Errorf("ParseClass(%q) = %v, %v", c.String(), got, err)
		}
	}
	if _, err := ParseClass("war"); err == nil {
		t.Error("ParseClass(war): want an error")
	}
}

func TestBaseForms(t *testing.T) {
	tests := map[string]string{"imposed": "impose", "banned": "ban", "talks": "talks", "accusing": "accuse", "sanctions": "sanction", "bought": "buy", "pressing": "press"}
	for in, want := range tests {
		w := newWord(in, 0, len(in))
		if !w.is(want) {
			t.Errorf("%q: base forms %v lack %q", in, w.lemmas[:w.n], want)
		}
	}
}

func TestStoryLeansOnItsLede(t *testing.T) {
	tags := []Tag{{Class: MaterialConflict, Cue: "imposed"}, {Class: Neither}, {Class: VerbalConflict}, {Class: VerbalConflict}}
	st := Story(tags)
	if st.Class != MaterialConflict || st.Evidence.Cue != "imposed" {
		t.Errorf("story = %s from %q, want material conflict from the lede", st.Class, st.Evidence.Cue)
	}
	if st.Counts[VerbalConflict] != 2 || st.Counts[Neither] != 1 {
		t.Errorf("counts = %v", st.Counts)
	}
	if got := Story([]Tag{{Class: Neither}, {Class: Neither}}); got.Class != Neither || got.Evidence.Sentence != "" {
		t.Errorf("a story of neither sentences = %+v", got)
	}
	if got := Story([]Tag{{Class: Neither}, {Class: VerbalCooperation}, {Class: VerbalConflict}, {Class: VerbalConflict}}); got.Class != VerbalConflict {
		t.Errorf("two conflict sentences after one cooperation = %s, want verbal conflict", got.Class)
	}
}

// TestRuleReadings checks the rule reading alone (what the model is
// trained over) on what one party asks of the other, and on yielding.
func TestRuleReadings(t *testing.T) {
	c := NewRules(DefaultOptions())
	tests := []struct {
		text string
		pair [2]string
		want Class
	}{
		// What one side wants of the other is a demand, not its own
		// intent to cooperate.
		{"The United States wants Japan to open its markets to American rice.", [2]string{"US", "JP"}, VerbalConflict},
		{"U.S. legislators called on Japan to open its financial markets.", [2]string{"US", "JP"}, VerbalConflict},
		// A party's own "may" is a threat.
		{"The United States may impose tariffs on Japanese computers next month.", [2]string{"US", "JP"}, VerbalConflict},
		// Its own wish stays an intent.
		{"Japan wants to open its markets to American rice next year.", [2]string{"JP", "US"}, VerbalCooperation},
		// Eliminating a measure is yielding.
		{"Japan agreed to eliminate quotas on U.S. beef.", [2]string{"JP", "US"}, VerbalCooperation},
		{"Japan eliminated its quotas on U.S. beef in April.", [2]string{"JP", "US"}, MaterialCooperation},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := c.Classify(sentence(t, tc.text, tc.pair))
			if got.Class != tc.want {
				t.Errorf("got %s (cue %q, %s), want %s\n%s", got.Class, got.Cue, got.Reading, tc.want, c.Explain(sentence(t, tc.text, tc.pair)))
			}
		})
	}
}

// TestAddressedCapital: a capital written to or heard from is its
// government; one where something happens, or a market, is a place.
func TestAddressedCapital(t *testing.T) {
	tests := []struct {
		text  string
		pair  [2]string
		sides int
	}{
		{"The United States was awaiting a response from New Delhi.", [2]string{"US", "IN"}, 2},
		{"Greece withdrew its request to Washington to close the base.", [2]string{"GR", "US"}, 2},
		{"Greek and Turkish officials met in Washington on Monday.", [2]string{"GR", "US"}, 1},
		{"Japanese banks moved funds to the London market.", [2]string{"JP", "GB"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := sentence(t, tc.text, tc.pair)
			sides := map[int]bool{}
			for _, m := range pairMentions(s.Text, tokens(s.Text), s.Parties, s.Pair) {
				sides[m.side] = true
			}
			if len(sides) != tc.sides {
				t.Errorf("%d sides named, want %d", len(sides), tc.sides)
			}
		})
	}
}

// TestOneSideCuesAreFeatures: a sentence naming one side gives the rule
// reading's neither, but its cues reach the learned layer.
func TestOneSideCuesAreFeatures(t *testing.T) {
	s := sentence(t, "Japan accused the visiting delegation of unfair trade practices.", [2]string{"JP", "US"})
	if got := NewRules(DefaultOptions()).Classify(s); got.Class != Neither {
		t.Errorf("rule reading = %s, want neither with one side named", got.Class)
	}
	fs := Featurize([]Sentence{s}, DefaultOptions())[0]
	if !slices.Contains(fs, "one:verbal_conflict:done") {
		t.Errorf("features %v lack one:verbal_conflict:done", fs)
	}
}

// TestMeasuresUndoneAndPenalties: a measure said after it to have been
// lifted is yielding; penalties are a measure like tariffs.
func TestMeasuresUndoneAndPenalties(t *testing.T) {
	c := NewRules(DefaultOptions())
	tests := []struct {
		text string
		pair [2]string
		want Class
	}{
		{"U.S. sanctions imposed on India in 1998 were lifted last year.", [2]string{"US", "IN"}, MaterialCooperation},
		{"Washington imposed penalties on Japanese electronic goods last week.", [2]string{"US", "JP"}, MaterialConflict},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := c.Classify(sentence(t, tc.text, tc.pair))
			if got.Class != tc.want {
				t.Errorf("got %s (cue %q, %s), want %s\n%s", got.Class, got.Cue, got.Reading, tc.want, c.Explain(sentence(t, tc.text, tc.pair)))
			}
		})
	}
}

// A verbal act in a sentence one side says is that side's, though the
// other is named first; a deed of the class stays with whoever did it.
func TestSpeakerActsInItsVerbalActs(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		text          string
		pair          [2]string
		class         Class
		actor, target string
	}{
		{"The European Commission said Washington should back Kiev's bid to join the trade body.", [2]string{"EU", "US"}, VerbalCooperation, "EU", "US"},
		{"Japan has agreed to open its rice market to American growers, the U.S. Agriculture Department said.", [2]string{"US", "JP"}, VerbalCooperation, "JP", "US"},
	} {
		got := c.Classify(sentence(t, tc.text, tc.pair))
		if got.Class != tc.class || got.Actor != tc.actor || got.Target != tc.target {
			t.Errorf("%q: %s (%s on %s), want %s (%s on %s)", tc.text, got.Class, got.Actor, got.Target, tc.class, tc.actor, tc.target)
		}
	}
}

// Fund managers are people who manage money, not a fund given: "fund" is
// no aid there, in the plural as in the singular.
func TestFundManagersAreNoAid(t *testing.T) {
	f := finder(t)
	at := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	text, ctx := "They will remain a Japanese mainstay, fund managers said.", "However, few see holdings in U.S. Treasuries dwindling."
	s := Sentence{Text: text, Context: ctx, Pair: [2]string{"US", "JP"}, Parties: f.Parties(text, at), ContextParties: f.Parties(ctx, at)}
	if got := New().Classify(s); got.Class != Neither {
		t.Errorf("%q after %q: %s (cue %q), want neither", text, ctx, got.Class, got.Cue)
	}
}

// The place of a dateline is where a story was filed, not a party to it;
// a hyphenated pair at the start is no dateline. A clause the narrator
// adds after a comma is not the speaker's.
func TestDatelinesAndNarratorsClauses(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		text          string
		pair          [2]string
		actor, target string
	}{
		{"TOKYO (Reuters) - The United States imposed tariffs on Japanese computers.", [2]string{"JP", "US"}, "US", "JP"},
		{"PARIS, May 4 (AP) — Washington imposed new duties on French cheese.", [2]string{"FR", "US"}, "US", "FR"},
		{"U.S.-Japanese tariffs imposed by Washington on Tokyo's chips took effect.", [2]string{"US", "JP"}, "US", "JP"},
		{"SEOUL (Wire) - South Korean President Lee Min told Japan's foreign minister that the two should cooperate, as the minister criticised Seoul over fishing rights.", [2]string{"KR", "JP"}, "JP", "KR"},
	} {
		got := c.Classify(sentence(t, tc.text, tc.pair))
		if got.Actor != tc.actor || got.Target != tc.target {
			t.Errorf("%q: %s (%s on %s, cue %q), want %s on %s", tc.text, got.Class, got.Actor, got.Target, got.Cue, tc.actor, tc.target)
		}
	}
}
