// Package tone tells cooperation from conflict in sentences about a pair
// of countries, in GDELT's four quad classes plus neither: verbal
// cooperation (talks, praise, pledges, agreements announced), material
// cooperation (aid given, treaties signed, trade done, measures lifted),
// verbal conflict (criticism, accusations, demands, threats, refusals,
// disputes) and material conflict (sanctions and tariffs imposed,
// expulsions, seizures, attacks, fighting).
//
// It is a reading by rule, not a trained model: a lexicon of cues written
// from the CAMEO and PLOVER event categories, and rules for what holds a
// cue — negation ("did not impose"), intent and modality ("may impose",
// "agreed to lend"), refusal ("refused to sign"), denial ("denied
// attacking"), reversal ("lifted the ban") and conditions ("if the U.S.
// imposed"). A cue counts for a pair only where the sentence names both
// parties as parties (not as a currency, a venue or a firm's name) and
// not merely listed side by side doing the same thing to a third. Every
// Tag keeps its sentence and the words that decided it, and says who acts
// on whom where the sentence says it.
//
// A story's tone is the balance of its sentences' tags (Story).
package tone

import (
	"strings"
)

// Sentence is what Classify reads: a sentence, the one before it (to
// resolve "the two sides" or "it"), the pair, and the parties the
// sentence and its context name (from a Finder).
type Sentence struct {
	Text    string
	Context string
	Pair    [2]string
	// Parties and ContextParties are Finder.Parties of Text and Context.
	Parties        []Party
	ContextParties []Party
}

// Tag is the tone of one sentence for a pair, with its evidence.
type Tag struct {
	Class Class
	// Actor and Target are the pair's codes in the order the sentence
	// gives them (who acts on whom), empty where it does not say.
	Actor, Target string
	// Cue is the words that decided the class, verbatim from Text, and
	// CueStart/CueEnd their byte offsets in it; empty for Neither.
	Cue              string
	CueStart, CueEnd int
	// Reading says how the cue was held: "done", "intended", "negated",
	// "refused", "denied", "hypothetical", "reversed" or "opposed".
	Reading string
	// Sentence is the evidence, verbatim.
	Sentence string
}

var moodNames = [...]string{"done", "intended", "negated", "refused", "denied", "hypothetical", "reversed", "opposed"}

// Classifier reads sentences with the lexicon. It is safe for concurrent
// use; the zero value is not ready, use New.
type Classifier struct {
	ix  *lexIndex
	opt Options
}

// New returns a Classifier with the built-in lexicon and DefaultOptions.
func New() *Classifier { return &Classifier{ix: newLexIndex(lexicon), opt: DefaultOptions()} }

// weight ranks cues of different kinds found in one sentence: acts and
// statements decide over the nouns of measures, states and topics.
func (c *Classifier) weight(k cueKind) float64 {
	switch k {
	case measure:
		return c.opt.MeasureWeight
	case state:
		return c.opt.StateWeight
	}
	return 3
}

// Classify tags one sentence for its pair.
func (c *Classifier) Classify(s Sentence) Tag {
	tag := Tag{Sentence: s.Text}
	ws := tokens(s.Text)
	ms := pairMentions(s.Text, ws, s.Parties, s.Pair)
	sides := [2]bool{}
	for _, m := range ms {
		sides[m.side] = true
	}
	if !sides[0] || !sides[1] {
		// One side is only in the context ("It said ...") or nowhere: the
		// sentence may still speak of the pair through a reference.
		if !refersBack(ws, s, sides) {
			return tag
		}
	}
	mutualSentence := false
	for i := range ws {
		if mutualWords[ws[i].Lower] {
			mutualSentence = true
		}
	}
	join := apart
	if sides[0] && sides[1] {
		join = closestJoin(ws, ms)
	}
	best, bestScore := -1, 0.0
	var bestClass Class
	var bestMood mood
	found := c.ix.findCues(ws)
	for k, m := range found {
		if join == listed && !m.cue.mutual && !mutualSentence {
			continue
		}
		md := moodOf(ws, m)
		cl := shift(m.cue.class, m.cue.kind, md)
		if cl == Neither {
			// A negated or hypothetical cue speaks for neither, and
			// keeps a weaker cue from speaking instead.
			cl = Neither
		}
		score := c.weight(m.cue.kind) - 0.01*float64(m.trigger())
		if score > bestScore {
			best, bestScore, bestClass, bestMood = k, score, cl, md
		}
	}
	if best < 0 {
		return tag
	}
	m := found[best]
	tag.Class = bestClass
	tag.Reading = moodNames[bestMood]
	tag.CueStart, tag.CueEnd = ws[m.trigger()].Start, ws[m.last()].End
	tag.Cue = s.Text[tag.CueStart:tag.CueEnd]
	if bestClass != Neither {
		tag.Actor, tag.Target = roles(ws, ms, m, s.Pair)
	}
	return tag
}

// closestJoin is how the nearest mentions of the two sides stand.
func closestJoin(ws []word, ms []mention) joining {
	best := apart
	dist := 1 << 30
	for _, a := range ms {
		for _, b := range ms {
			if a.side != 0 || b.side != 1 {
				continue
			}
			d := a.first - b.first
			if d < 0 {
				d = -d
			}
			if d < dist {
				dist = d
				best = joinedAs(ws, a, b)
			}
		}
	}
	return best
}

// referWords open a sentence that goes on about parties just named.
var referWords = set("it they he she its their both the this these that")

// refersBack reports whether a sentence naming one side (or none) speaks
// of the other through its context: the context names the missing side
// and the sentence opens with a reference ("It said", "The two sides").
func refersBack(ws []word, s Sentence, sides [2]bool) bool {
	if len(ws) == 0 || !referWords[ws[0].Lower] {
		return false
	}
	for side := 0; side < 2; side++ {
		if sides[side] {
			continue
		}
		ok := false
		for _, p := range s.ContextParties {
			if SameParty(p.Code, s.Pair[side]) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// roles says who acts on whom: the side named nearest before the cue acts
// (or the one after "by"), the other side is acted on.
func roles(ws []word, ms []mention, m match, pair [2]string) (actor, target string) {
	t := m.trigger()
	actorSide := -1
	nearest := -1
	for _, x := range ms {
		if x.end <= t && x.first > nearest {
			nearest, actorSide = x.first, x.side
		}
	}
	for _, x := range ms {
		if x.first > t && x.first >= 1 && (ws[x.first-1].Lower == "by" || x.first >= 2 && ws[x.first-2].Lower == "by" && ws[x.first-1].Lower == "the") {
			actorSide = x.side
		}
	}
	if actorSide < 0 {
		return "", ""
	}
	other := 1 - actorSide
	for _, x := range ms {
		if x.side == other {
			return pair[actorSide], pair[other]
		}
	}
	return pair[actorSide], ""
}

// String is the tag as a line: "verbal conflict (JP on US): “deeply
// disappointed”".
func (t Tag) String() string {
	var b strings.Builder
	b.WriteString(t.Class.Words())
	if t.Actor != "" && t.Target != "" {
		b.WriteString(" (" + t.Actor + " on " + t.Target + ")")
	}
	if t.Cue != "" {
		b.WriteString(": “" + t.Cue + "”")
	}
	return b.String()
}
