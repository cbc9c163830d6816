package summary

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"attache/briefing/sentence"
	"attache/sources/doc"
)

var testNow = time.Date(2025, 6, 13, 9, 0, 0, 0, time.UTC)

// arcticFocus stands in for the request "canada norway": how much a
// sentence names the two countries (by name, demonym or leader).
func arcticFocus(s string) float64 {
	f := 0.0
	for _, names := range [][]string{
		{"Canada", "Canadian", "Ottawa", "Halvorsen"},
		{"Norway", "Norwegian", "Oslo", "Solberg-Dahl"},
	} {
		for _, n := range names {
			if strings.Contains(s, n) {
				f += 0.5
				break
			}
		}
	}
	return f
}

// andesFocus stands in for the request "chile peru".
func andesFocus(s string) float64 {
	f := 0.0
	for _, n := range []string{"Chile", "Peru"} {
		if strings.Contains(s, n) {
			f += 0.5
		}
	}
	return f
}

func arcticDocs(t *testing.T) []Doc {
	return []Doc{
		{Text: readFixture(t, "arctic-partnership.txt"), Published: testNow.Add(-20 * time.Hour), Weight: 0.9},
		{Text: readFixture(t, "arctic-wire.txt"), Published: testNow.Add(-22 * time.Hour), Weight: 0.8},
		{Text: readFixture(t, "andes-fisheries.txt"), Published: testNow.Add(-70 * time.Hour), Weight: 0.2},
	}
}

// checkPicks asserts what holds for every Multi result: verbatim
// sentences, grouped by article and in article order within one, no
// furniture, no repeated fact, within the limits.
func checkPicks(t *testing.T, docs []Doc, opt Options, picks []Pick) {
	t.Helper()
	limit := opt.Sentences
	if limit == 0 {
		limit = DefaultSentences
	}
	if len(picks) > limit {
		t.Errorf("got %d picks, limit %d", len(picks), limit)
	}
	chars := 0
	seenDoc := make(map[int]bool)
	for i, p := range picks {
		s := p.Sentence
		if p.Doc < 0 || p.Doc >= len(docs) {
			t.Fatalf("pick %d: doc %d out of range", i, p.Doc)
		}
		if docs[p.Doc].Text[s.Start:s.End] != s.Text {
			t.Errorf("pick %d: Text %q is not docs[%d].Text[%d:%d]", i, s.Text, p.Doc, s.Start, s.End)
		}
		if i > 0 && picks[i-1].Doc == p.Doc && picks[i-1].Sentence.Index >= s.Index {
			t.Errorf("picks %d and %d of doc %d are not in article order", i-1, i, p.Doc)
		}
		if i > 0 && picks[i-1].Doc != p.Doc && seenDoc[p.Doc] {
			t.Errorf("pick %d: doc %d comes back after another doc", i, p.Doc)
		}
		seenDoc[p.Doc] = true
		if s.Heading || !endsSentence(s.Text) {
			t.Errorf("pick %d is no body sentence: %q", i, s.Text)
		}
		for _, f := range fixtureFurniture {
			if prefix, ok := strings.CutSuffix(f, "..."); s.Text == f || ok && strings.HasPrefix(s.Text, prefix) {
				t.Errorf("pick %d is furniture: %q", i, s.Text)
			}
		}
		if strings.HasPrefix(s.Text, "By ") || strings.HasPrefix(s.Text, "OTTAWA") || strings.HasPrefix(s.Text, "LIMA") ||
			strings.HasPrefix(s.Text, "Reporting by") || strings.HasPrefix(s.Text, "Our Standards") {
			t.Errorf("pick %d holds a byline, dateline or credit: %q", i, s.Text)
		}
		for j := range i {
			if o := bigramOverlap(picks[j].Sentence.Text, s.Text); o >= 0.5 {
				t.Errorf("picks %d and %d share %.0f%% of their word pairs: %q / %q", j, i, 100*o, picks[j].Sentence.Text, s.Text)
			}
		}
		if i > 0 {
			chars++
		}
		chars += utf8.RuneCountInString(doc.Fold(s.Text))
	}
	if opt.MaxChars > 0 && chars > opt.MaxChars {
		t.Errorf("summary is %d characters, budget %d", chars, opt.MaxChars)
	}
	var ss []sentence.Sentence
	for _, p := range picks {
		if p.Doc == 0 {
			ss = append(ss, p.Sentence)
		}
	}
	checkSummary(t, docs[0].Text, ss, fixtureFurniture, fixtureRepeats)
}

func TestMultiProperties(t *testing.T) {
	docs := arcticDocs(t)
	for _, opt := range []Options{
		{Now: testNow},
		{Sentences: 3, Focus: arcticFocus, Now: testNow},
		{Sentences: 8, Focus: arcticFocus, Now: testNow},
		{Sentences: 20, Focus: arcticFocus},
		{Sentences: 20, MaxChars: 600, Focus: arcticFocus, Now: testNow},
		{Sentences: 6, MaxChars: 300},
		{Sentences: 6, Focus: andesFocus, Now: testNow},
	} {
		picks := Multi(docs, opt)
		if len(picks) == 0 {
			t.Errorf("%+v: no picks", opt)
		}
		checkPicks(t, docs, opt, picks)
	}
}

func TestMultiFocus(t *testing.T) {
	docs := arcticDocs(t)
	for i := range docs { // as alike as articles can be, but for their text
		docs[i].Weight, docs[i].Published = 1, testNow
	}
	picks := Multi(docs, Options{Sentences: 3, Focus: andesFocus, Now: testNow})
	for _, p := range picks {
		if p.Doc != 2 {
			t.Errorf("focus on Chile and Peru picked %q from doc %d", p.Sentence.Text, p.Doc)
		}
	}
	picks = Multi(docs, Options{Sentences: 5, Focus: arcticFocus, Now: testNow})
	for _, p := range picks {
		if p.Doc == 2 {
			t.Errorf("focus on Canada and Norway picked %q from the fisheries article", p.Sentence.Text)
		}
		if arcticFocus(p.Sentence.Text) == 0 {
			t.Errorf("focus on Canada and Norway picked %q, which names neither", p.Sentence.Text)
		}
	}
}

func TestMultiDuplicateArticles(t *testing.T) {
	// The same story twice, word for word, from two outlets: its facts
	// are said once, and from the newer copy.
	text := readFixture(t, "arctic-partnership.txt")
	docs := []Doc{
		{Text: text, Published: testNow.Add(-48 * time.Hour), Weight: 1},
		{Text: text, Published: testNow.Add(-2 * time.Hour), Weight: 1},
	}
	opt := Options{Sentences: 8, Focus: arcticFocus, Now: testNow}
	picks := Multi(docs, opt)
	if len(picks) < 5 {
		t.Fatalf("got %d picks, want 5 or more", len(picks))
	}
	checkPicks(t, docs, opt, picks)
	for _, p := range picks {
		if p.Doc != 1 {
			t.Errorf("picked %q from the older copy", p.Sentence.Text)
		}
	}
	// And the more relevant copy wins when both are as old.
	docs[0].Published, docs[0].Weight, docs[1].Weight = docs[1].Published, 1, 0.3
	for _, p := range Multi(docs, opt) {
		if p.Doc != 0 {
			t.Errorf("picked %q from the less relevant copy", p.Sentence.Text)
		}
	}
}

func TestMultiBudget(t *testing.T) {
	docs := arcticDocs(t)
	for _, budget := range []int{60, 120, 250, 400, 1000} {
		opt := Options{Sentences: 10, MaxChars: budget, Focus: arcticFocus, Now: testNow}
		picks := Multi(docs, opt)
		checkPicks(t, docs, opt, picks)
		if budget >= 250 && len(picks) == 0 {
			t.Errorf("budget %d: no picks", budget)
		}
	}
	if picks := Multi(docs, Options{MaxChars: 10}); len(picks) != 0 {
		t.Errorf("budget 10: got %d picks, want none (no sentence is that short)", len(picks))
	}
}

func TestMultiReadingOrder(t *testing.T) {
	docs := arcticDocs(t)
	picks := Multi(docs, Options{Sentences: 6, Focus: arcticFocus, Now: testNow})
	if len(picks) < 2 {
		t.Fatalf("got %d picks", len(picks))
	}
	best := 0
	for i, p := range picks {
		if p.Score > picks[best].Score {
			best = i
		}
	}
	if picks[best].Doc != picks[0].Doc {
		t.Errorf("the best pick (%q, doc %d) is not in the first article of the summary (doc %d)",
			picks[best].Sentence.Text, picks[best].Doc, picks[0].Doc)
	}
}

func TestMultiBadInput(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		opt  Options
		want int
	}{
		{"no docs", nil, Options{}, 0},
		{"empty docs", []Doc{{}, {Text: "  \n\n "}}, Options{}, 0},
		{"furniture only", []Doc{{Text: "0\n\nComments are closed.\n\nExit mobile version"}}, Options{}, 0},
		{"no marks", []Doc{{Text: "leaders meet in rome as trade talks resume"}}, Options{}, 1},
		{"odd focus", []Doc{{Text: "The envoy met the minister in Rome on Monday. Trade talks resumed after two weeks."}},
			Options{Focus: func(string) float64 { return math.NaN() }}, 2},
		{"negative focus and weights", []Doc{{Text: "The envoy met the minister in Rome on Monday.", Weight: -3},
			{Text: "Trade talks resumed after a pause of two weeks.", Weight: 7}},
			Options{Focus: func(string) float64 { return -1 }, Sentences: -2, MaxChars: -5}, 2},
		{"future and undated", []Doc{{Text: "The envoy met the minister in Rome on Monday.", Published: testNow.Add(time.Hour)},
			{Text: "Trade talks resumed after a pause of two weeks."}}, Options{Now: testNow}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Multi(tt.docs, tt.opt)
			if len(got) != tt.want {
				t.Errorf("got %d picks, want %d", len(got), tt.want)
			}
			for _, p := range got {
				if math.IsNaN(p.Score) || math.IsInf(p.Score, 0) {
					t.Errorf("score %v for %q", p.Score, p.Sentence.Text)
				}
			}
		})
	}
}

func TestMultiSeedPage(t *testing.T) {
	data, err := readSeed()
	if err != nil {
		t.Skipf("seed page not available: %v", err)
	}
	focus := func(s string) float64 {
		f := 0.0
		if strings.Contains(s, "Japan") {
			f += 0.5
		}
		if strings.Contains(s, "Ital") {
			f += 0.5
		}
		return f
	}
	docs := []Doc{{Text: data}}
	for n := 1; n <= 12; n++ {
		opt := Options{Sentences: n, Focus: focus}
		picks := Multi(docs, opt)
		if len(picks) == 0 {
			t.Fatalf("n=%d: no picks", n)
		}
		var ss []sentence.Sentence
		for _, p := range picks {
			ss = append(ss, p.Sentence)
			if !endsSentence(p.Sentence.Text) {
				t.Errorf("n=%d: picked %q, no complete sentence", n, p.Sentence.Text)
			}
		}
		checkSummary(t, data, ss, []string{"0", "Comments are closed.", "Copyright...", "Exit mobile version"}, nil)
	}
}
