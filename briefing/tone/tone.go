// Package tone tells cooperation from conflict in sentences about a pair
// of countries, in GDELT's four quad classes plus neither: verbal
// cooperation (talks, praise, pledges, agreements announced), material
// cooperation (aid given, treaties signed, trade done, measures lifted),
// verbal conflict (criticism, accusations, demands, threats, refusals,
// disputes) and material conflict (sanctions and tariffs imposed,
// expulsions, seizures, attacks, fighting).
//
// It reads by rule first: a lexicon of cues written from the CAMEO and
// PLOVER event categories, and rules for what holds a cue — negation
// ("did not impose"), intent and modality ("may impose", "agreed to
// lend"), refusal ("refused to sign"), denial ("denied
// attacking"), reversal ("lifted the ban") and conditions ("if the U.S.
// imposed"). A cue counts for a pair only where the sentence names both
// parties as parties (not as a currency, a venue or a firm's name) and
// not merely listed side by side doing the same thing to a third. Every
// Tag keeps its sentence and the words that decided it, and says who acts
// on whom where the sentence says it.
//
// A learned layer (Model) then weighs that reading with the sentence's
// words, trained on a labelled dev set and embedded in the package; the
// evidence of a tag stays the rule's cue for the class chosen.
//
// A story's tone is the balance of its sentences' tags (Story).
package tone

import (
	"fmt"
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
	// "refused", "denied", "hypothetical", "reversed", "opposed",
	// "demanded", "speculative" or "considered"; "learned" when no rule
	// cue stands for the class: the words together decided it, and Cue,
	// Actor and Target are empty.
	Reading string
	// Sentence is the evidence, verbatim: the sentence, after the one
	// before it where the sentence names a side only through it ("They
	// also agreed ..."), so that the evidence shows the pair it is about.
	// Cue, CueStart and CueEnd are in the sentence itself.
	Sentence string
}

var moodNames = [...]string{"done", "intended", "negated", "refused", "denied", "hypothetical", "reversed", "opposed", "demanded", "speculative", "considered"}

// Classifier reads sentences with the lexicon. It is safe for concurrent
// use; the zero value is not ready, use New.
type Classifier struct {
	lex *lexIndex
	opt Options
	// model, when set, decides the class over the rule reading; ix is
	// its weights numbered for reading.
	model *Model
	ix    *modelIndex
}

// New returns a Classifier with the built-in lexicon and the trained
// model embedded in the package (see Model): the rule reading, weighed by
// what the labelled dev set taught.
func New() *Classifier {
	m := embeddedModel()
	if m == nil {
		return NewRules(DefaultOptions())
	}
	return NewLearned(m)
}

// NewRules returns a Classifier that reads by rule alone, with the
// options: the reading the model is trained over.
func NewRules(o Options) *Classifier {
	return &Classifier{lex: newLexIndex(lexicon), opt: o}
}

// NewLearned returns a Classifier that decides with the model m over its
// rule reading.
func NewLearned(m *Model) *Classifier {
	ix := embeddedIndex()
	if m != embeddedModel() || ix == nil {
		ix = indexModel(m)
	}
	return &Classifier{lex: newLexIndex(lexicon), opt: m.Options, model: m, ix: ix}
}

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

// maxWords bounds the words of a sentence that are read.
const maxWords = 200

// Classify tags one sentence for its pair.
func (c *Classifier) Classify(s Sentence) Tag {
	r := c.analyse(s)
	if c.model != nil {
		return c.decideLearned(r)
	}
	return c.decide(r)
}

// evidence is the text a tone tag shows: the sentence, after the one
// before it when it names a side only through that one.
func (r *reading) evidence() string {
	if r.viaContext && r.s.Context != "" {
		return r.s.Context + " " + r.s.Text
	}
	return r.s.Text
}

// reading is what a sentence holds before the tunable choices are made:
// its candidate cues, each with its class as the sentence holds it.
type reading struct {
	s     Sentence
	ws    []word
	ms    []mention
	cands []candidate
	// oneSide: the sentence names only one side and does not refer back
	// to the other; its cues are read for the learned layer to weigh,
	// but the rule reading gives neither.
	oneSide bool
	// viaContext: the sentence names a side only through the one before
	// it ("It said", "The two sides").
	viaContext bool
}

// candidate is one cue that may speak for the pair.
type candidate struct {
	m     match
	class Class
	mood  mood
	// dist is the larger of the distances, in words, from the cue to the
	// nearest mention of each side (0 when a side is the speaker or the
	// sentence names the pair as one).
	dist int
	// between: the cue stands between the sides or joins them.
	between bool
	// sub: the cue is in a subordinate clause ("after the raids").
	sub bool
}

func (c *Classifier) analyse(s Sentence) *reading {
	r := &reading{s: s, ws: tokens(s.Text)}
	if len(r.ws) > maxWords {
		// No sentence runs this long; a text that does is read as far as
		// a sentence would go.
		r.ws = r.ws[:maxWords]
	}
	ws := r.ws
	r.ms = pairMentions(s.Text, ws, s.Parties, s.Pair)
	sides := [2]bool{}
	for _, m := range r.ms {
		sides[m.side] = true
	}
	both := bothSides(ws)
	if !sides[0] || !sides[1] {
		// One side is only in the context ("It said ...") or nowhere: the
		// sentence may still speak of the pair through a reference.
		if !both && !refersBack(ws, s, sides) {
			if !sides[0] && !sides[1] {
				return r
			}
			r.oneSide = true
		} else {
			r.viaContext = true
		}
	}
	mutualSentence := both
	for i := range ws {
		if mutualWords[ws[i].Lower] {
			mutualSentence = true
		}
	}
	join, joinAt := apart, 0
	if sides[0] && sides[1] {
		join, joinAt = closestJoin(ws, r.ms)
	}
	sub := subordinate(ws)
	for _, m := range c.lex.findCues(ws) {
		if join == listed && !mutualSentence && (!m.cue.mutual || m.trigger() < joinAt && !listedAgents(ws, r.ms, m)) {
			// Listed side by side, the two only share what is said of
			// them, unless the cue joins them and they are its subject.
			continue
		}
		if join == listed && m.cue.mutual && m.trigger() > joinAt && !listStartsClause(ws, r.ms) {
			// "visit Rome and West Berlin ... the Venice summit": the
			// listed pair is an object, not the summit's parties.
			continue
		}
		md := moodOf(ws, m)
		if m.cue.kind == measure && md == done && !m.cue.mutual && !governed(ws, m, r.ms) {
			// "their Brazilian loans", "Argentine supplies": a noun of
			// money or goods with nothing saying it was given is a fact.
			continue
		}
		if statistic(ws) && tradeCue(ws, m) {
			// "In 1986 Australia sold 428 mln dlrs' worth of goods to
			// India": a year's figures, not a deal.
			continue
		}
		cd := candidate{m: m, mood: md, class: shift(m.cue.class, m.cue.kind, md), sub: sub[m.trigger()], between: true}
		if sides[0] && sides[1] {
			cd.dist = distance(r.ms, m)
			cd.between = between(ws, r.ms, m, join)
		}
		r.cands = append(r.cands, cd)
	}
	return r
}

// decide picks the cue that speaks for the sentence: the heaviest one
// close enough to both sides, acts and statements over nouns, the main
// clause over a subordinate one, a deed done over words when tuned so.
func (c *Classifier) decide(r *reading) Tag {
	tag := Tag{Sentence: r.s.Text}
	if r.oneSide {
		return tag
	}
	best, bestScore := -1, 0.0
	for k, cd := range r.cands {
		if cd.dist > c.opt.LinkDistance {
			continue
		}
		if score := c.ruleScore(cd); score > bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return tag
	}
	return c.tagFrom(r, r.cands[best])
}

// ruleScore ranks a candidate cue: acts and statements over nouns, one
// between the sides over one beside them, the main clause over a
// subordinate one, early over late.
func (c *Classifier) ruleScore(cd candidate) float64 {
	score := c.weight(cd.m.cue.kind) - 0.01*float64(cd.m.trigger())
	if !cd.between {
		score -= c.opt.BetweenPenalty
	}
	if cd.class.Material() && cd.mood == done {
		score += c.opt.MaterialBonus
	}
	if cd.sub {
		score -= c.opt.SubPenalty
	}
	return score
}

// tagFrom is the tag a candidate cue gives: its class, how it is held,
// its words and who acts on whom.
func (c *Classifier) tagFrom(r *reading, cd candidate) Tag {
	tag := Tag{Sentence: r.evidence()}
	ws := r.ws
	tag.Class = cd.class
	tag.Reading = moodNames[cd.mood]
	tag.CueStart, tag.CueEnd = ws[cd.m.trigger()].Start, ws[cd.m.last()].End
	tag.Cue = r.s.Text[tag.CueStart:tag.CueEnd]
	if tag.Class != Neither {
		tag.Actor, tag.Target = roles(ws, r.ms, cd.m, tag.Class, r.s.Pair)
	}
	return tag
}

// subordinators open a clause that is not the sentence's main one.
var subordinators = set("despite although though after before because whereas since following amid when unless which who while")

// subordinate marks the words of subordinate clauses: from a
// subordinator to the next semicolon, or to the next comma when the
// clause opens the sentence ("After the raids, Iran vowed ...").
func subordinate(ws []word) []bool {
	out := make([]bool, len(ws))
	in, opening := false, false
	for i := range ws {
		w := ws[i].Lower
		switch {
		case w == ";" || w == ":":
			in = false
		case w == "," && opening:
			in, opening = false, false
		case subordinators[w]:
			in = true
			opening = i <= 1
		}
		out[i] = in
	}
	return out
}

// listStartsClause reports whether the sides listed together open their
// clause ("Britain and Japan held talks", "..., and France and Italy
// agreed") rather than follow a verb or a preposition ("visit Rome and
// Bonn", "talks with Argentina and the Philippines").
func listStartsClause(ws []word, ms []mention) bool {
	first := len(ws)
	for _, x := range ms {
		if x.first < first {
			first = x.first
		}
	}
	for i := first - 1; i >= 0; i-- {
		w := ws[i].Lower
		switch {
		case ws[i].Punct, w == "and", w == "but", w == "that", w == "while", w == "both", sayWords[w]:
			return true
		case w == "the" || ws[i].Cap:
			continue
		}
		return false
	}
	return true
}

// giveWords govern a noun of money or goods as given ("extended a
// loan", "approved credits", "accepted bids") or of a measure as imposed
// ("implementation of a tariff", "new sanctions").
var giveWords = set("grant extend provide give receive approve sign accept win get obtain complete make arrange " +
	"secure offer disburse pledge announce reallocate transfer allocate raise award conclude increase new additional fresh " +
	"impose imposition implement implementation introduce introduction enforce launch mount stage carry wage continue " +
	"step escalate further retaliatory punitive heavy")

// governed reports whether a noun of money or goods is said to be given:
// a verb of giving before it, or "to"/"for"/"from" a side right after it
// ("loans to Brazil").
func governed(ws []word, m match, ms []mention) bool {
	t := m.trigger()
	for i := t - 1; i >= 0 && i >= t-4; i-- {
		if ws[i].Punct {
			break
		}
		if anyBase(&ws[i], giveWords) {
			return true
		}
	}
	// "U.S. sanctions", "Iraqi attacks": a side named just before.
	for _, x := range ms {
		if x.end <= t && x.end >= t-2 {
			return true
		}
	}
	for i := m.last() + 1; i < len(ws) && i <= m.last()+2; i++ {
		switch ws[i].Lower {
		case "to", "for", "from", "on", "against", "by", "of", "with":
			for _, x := range ms {
				if x.first > i && x.first <= i+4 {
					return true
				}
			}
		}
	}
	return false
}

// statWords mark a sentence of figures over a period.
var statWords = set("worth pct percent share surplus deficit annual annually totalled totaled amounted")

// statistic reports whether the sentence gives a period's figures: "in
// 1986", "last year", "this year", with an amount ("worth", "pct").
func statistic(ws []word) bool {
	period, figure := false, false
	for i := range ws {
		w := ws[i].Lower
		if statWords[w] {
			figure = true
		}
		if (w == "last" || w == "this") && i+1 < len(ws) && ws[i+1].Lower == "year" {
			period = true
		}
		if w == "in" && i+1 < len(ws) && len(ws[i+1].Lower) == 4 && (strings.HasPrefix(ws[i+1].Lower, "19") || strings.HasPrefix(ws[i+1].Lower, "20")) &&
			!(i+2 < len(ws) && ws[i+2].Start == ws[i+1].End) {
			// A calendar year, not a season ("in the 1986/87 marketing
			// year" is how commodity purchases are dated).
			period = true
		}
		if strings.HasSuffix(w, "%") || w == "third" || w == "half" || w == "quarter" {
			figure = true
		}
	}
	return period && figure || period && hasNumber(ws)
}

func hasNumber(ws []word) bool {
	for i := range ws {
		if w := ws[i].Lower; w != "" && w[0] >= '0' && w[0] <= '9' && len(w) != 4 {
			return true
		}
	}
	return false
}

// tradeCue reports whether a cue is one of trade done: bought, sold,
// exported, shipped.
func tradeCue(ws []word, m match) bool {
	return m.cue.class == MaterialCooperation && anyBase(&ws[m.trigger()], verbOnlyWords)
}

// listedAgents reports whether the sides listed after a mutual cue are its
// agents ("cooperation by the United States, West Germany and Japan",
// "talks between Japan and Italy") rather than its objects ("talks with
// Argentina and the Philippines").
func listedAgents(ws []word, ms []mention, m match) bool {
	first := len(ws)
	for _, x := range ms {
		if x.first > m.last() && x.first < first {
			first = x.first
		}
	}
	for i := first - 1; i > m.last() && i >= first-3; i-- {
		switch ws[i].Lower {
		case "by", "between", "among", "amongst":
			return true
		}
	}
	return false
}

// distance is the larger of the distances from the cue to each side.
func distance(ms []mention, m match) int {
	near := [2]int{1 << 20, 1 << 20}
	for _, x := range ms {
		if x.speaker {
			near[x.side] = 0
			continue
		}
		for _, sl := range m.slots {
			d := 0
			switch {
			case sl < x.first:
				d = x.first - sl
			case sl >= x.end:
				d = sl - x.end + 1
			}
			if d < near[x.side] {
				near[x.side] = d
			}
		}
	}
	return max(near[0], near[1])
}

// Explain lists every cue the sentence holds and what became of it: the
// reading behind a Tag, for whoever checks it.
func (c *Classifier) Explain(s Sentence) string {
	var b strings.Builder
	ws := tokens(s.Text)
	ms := pairMentions(s.Text, ws, s.Parties, s.Pair)
	for _, x := range ms {
		fmt.Fprintf(&b, "[side %d: %s] ", x.side, s.Text[ws[x.first].Start:ws[x.end-1].End])
	}
	join, at := closestJoin(ws, ms)
	fmt.Fprintf(&b, "join=%d@%d both=%v\n", join, at, bothSides(ws))
	for _, cd := range c.analyse(s).cands {
		m := cd.m
		fmt.Fprintf(&b, "    cue %q (%s, kind %d, mutual %v) mood=%s -> %s dist=%d between=%v sub=%v\n", s.Text[ws[m.trigger()].Start:ws[m.last()].End],
			m.cue.class, m.cue.kind, m.cue.mutual, moodNames[cd.mood], cd.class, cd.dist, cd.between, cd.sub)
	}
	return b.String()
}

// between reports whether the cue stands between the two sides, one named
// before it (who acts) and the other after it (on whom), or joins them as
// a pair ("U.S.-Japan talks", "talks between Japan and Italy", "Britain
// and Japan held talks").
func between(ws []word, ms []mention, m match, join joining) bool {
	t := m.trigger()
	var before, after [2]bool
	for _, x := range ms {
		if x.end <= t || x.speaker {
			before[x.side] = true
		}
		if x.first > t {
			after[x.side] = true
		}
	}
	if before[0] && after[1] || before[1] && after[0] {
		return true
	}
	switch join {
	case compound:
		// "U.S.-Japan talks", "talks between Japan and Italy": a cue of
		// the pair as one, or one right next to the compound.
		if m.cue.mutual {
			return true
		}
		for _, x := range ms {
			if abs(x.first-t) <= 3 || abs(x.end-1-t) <= 3 {
				return true
			}
		}
		return false
	case listed:
		// "Britain and Japan held talks": the listed pair is the subject
		// of a cue that joins them.
		return m.cue.mutual && before[0] && before[1]
	}
	// A passive deed names both after it: "cargoes were sold to China
	// by London traders".
	return t > 0 && passiveBe[ws[t-1].Lower] && (strings.HasSuffix(ws[t].Lower, "ed") || irregular[ws[t].Lower] != "") && after[0] && after[1]
}

var passiveBe = set("is are was were be been being")

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// bothSides reports whether the sentence speaks of the pair as one: "both
// countries", "the two sides", "the two governments".
func bothSides(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i].Lower == "both" || ws[i].Lower == "two") && (ws[i+1].is("country") || ws[i+1].is("side") || ws[i+1].is("government") || ws[i+1].is("nation") || ws[i+1].Lower == "countries") {
			return true
		}
	}
	return false
}

// closestJoin is how the nearest mentions of the two sides stand, and
// the word where the later of the two ends.
func closestJoin(ws []word, ms []mention) (joining, int) {
	best, at := apart, 0
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
				at = max(a.end, b.end)
			}
		}
	}
	return best, at
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

// roles says who acts on whom: by where the sides stand about the cue
// (placedRoles), but a verbal act in a sentence one side says is that
// side's.
func roles(ws []word, ms []mention, m match, cl Class, pair [2]string) (actor, target string) {
	actor, target = placedRoles(ws, ms, m, pair)
	if actor == "" || target == "" || cl != VerbalConflict && cl != VerbalCooperation {
		return actor, target
	}
	// A verbal act in a sentence one side says is the speaker's: its
	// words ("blame", "alleged", "should back"), its stance ("U.S.
	// concern") or its charge of a deed ("the Japanese have not stopped
	// dumping", read as verbal conflict). A deed of the class itself
	// stays with whoever did it ("Japan has agreed to help ..., the U.S.
	// Defence Secretary said").
	// A clause the narrator adds after a comma ("..., as Blinken pressed
	// Beijing to ...") is not what the speaker says.
	if sp := speakerSide(ms); sp >= 0 && !(m.cue.kind == deed && m.cue.class == cl) && !narrated(ws, m.trigger()) {
		return pair[sp], pair[1-sp]
	}
	return actor, target
}

// narrated reports whether the word at t stands in a clause that a
// comma and "as", "while" or "whereas" open.
func narrated(ws []word, t int) bool {
	for i := t - 1; i > 0; i-- {
		if narratorClause[ws[i].Lower] && ws[i-1].Lower == "," {
			return true
		}
		if ws[i].Lower == ";" {
			return false
		}
	}
	return false
}

var narratorClause = set("as while whereas")

// speakerSide is the side of the sentence's speaker mentions ("..., the
// U.S. Agriculture Department said"), or -1 when neither or both speak.
func speakerSide(ms []mention) int {
	side := -1
	for _, x := range ms {
		if x.speaker {
			if side >= 0 && side != x.side {
				return -1
			}
			side = x.side
		}
	}
	return side
}

// placedRoles reads who acts on whom from where the sides stand: the
// side named first before the cue acts (or the speaker, or the agent of
// a passive cue: "imposed by"), the other side is acted on.
func placedRoles(ws []word, ms []mention, m match, pair [2]string) (actor, target string) {
	t := m.trigger()
	if m.cue.mutual {
		// Talks, agreements, wars: both act; say who only when one side
		// stands before the cue and the other after it.
		var before, after [2]bool
		for _, x := range ms {
			if x.end <= t {
				before[x.side] = true
			} else if x.first > t {
				after[x.side] = true
			}
		}
		if before[0] && before[1] || !(before[0] && after[1] || before[1] && after[0]) {
			return "", ""
		}
	}
	// The actor is the side named first before the cue, as the subject
	// of its clause ("Mexico summoned the Canadian ambassador to
	// protest"), or the one after "by".
	actorSide := -1
	for _, x := range ms {
		if x.end <= t && !x.speaker {
			actorSide = x.side
			break
		}
	}
	if actorSide < 0 {
		for _, x := range ms {
			if x.speaker {
				actorSide = x.side
				break
			}
		}
	}
	if by := agentAt(ws, m); by >= 0 {
		for _, x := range ms {
			if x.first == by || x.first == by+1 && ws[by].Lower == "the" {
				actorSide = x.side
			}
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

// agentAt returns where the agent of a passive cue begins: the word after
// a "by" that follows the cue ("tariffs imposed by the United States",
// "were expelled by Poland"), or -1. A "by" further on belongs to
// another phrase ("welcomed a decision by the U.S. Commerce
// Department", "positions held by Syrian forces") and names no agent of
// the cue.
func agentAt(ws []word, m match) int {
	k := m.last() + 1
	if k < len(ws) && participle(ws[k].Lower) {
		// A noun cue and its participle: "tariffs imposed by".
		k++
	}
	if k+1 < len(ws) && ws[k].Lower == "by" {
		return k + 1
	}
	return -1
}

// participle reports whether a word reads as a past participle: a
// regular one in -ed or a common irregular one of the acts the cues
// name.
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

var irregularParticiples = set("taken made given held sent shot struck hit brought sought won lent sold bought put set laid cut beaten drawn driven thrown seen told")
