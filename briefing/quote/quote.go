// Package quote finds what people said in an article: direct quotations in
// straight or curly double marks (over one or several paragraphs, split
// around a cue), quoted fragments inside reported speech, and blocks of
// speech laid out without marks and followed by lines naming the speaker
// and the speaker's role. Each quotation gets its speaker, from the cue
// around it ("said X", "X told reporters", "according to X", "X: …"), from
// the sentence before, or, for a pronoun, from the nearest fitting person
// named before it; and a role, from titles and appositives.
//
// Find is pure and runs in time linear in the length of the text. It reads
// Attaché's stored block format (blocks separated by blank lines, headings
// starting "## ") and raw text with paragraphs on separate lines.
package quote

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"attache/briefing/geo"
)

// Places tells where a text names countries, capitals, demonyms and
// international bodies; *geo.Gazetteer is one. Knowing them, Find reads
// "Japanese" in "Japanese Prime Minister" as part of a role, and never
// gives a place ("Iran", "Peking", "Turkey's NATO") as a speaker.
type Places interface {
	Mentions(text string, at time.Time) []geo.Mention
}

// Options are what Find may know beyond the text.
type Options struct {
	// Places marks place names; nil knows none.
	Places Places
	// Date is the article's date, for the places of that time.
	Date time.Time
}

// Quote is one thing a person said, as the article quotes it.
type Quote struct {
	// Text is the quoted words, verbatim, without the marks; the parts of
	// a split or multi-paragraph quotation are joined by one space.
	Text string
	// Speaker is a name ("Fumio Kishida"), or a description when the
	// article names nobody ("a White House spokesman"); pronouns are
	// resolved to the nearest fitting named person; "" when unknown.
	Speaker string
	// Role is the speaker's role from a title, an appositive or the block
	// layout ("Japanese Prime Minister"); "" when unknown.
	Role string
	// Partial marks a fragment quoted inside a sentence of reported speech.
	Partial bool
	// Evidence says how the speaker was found; Attributed tells whether a
	// brief may show the quotation.
	Evidence Evidence
	// Vague marks a speaker that is a description pointing back to
	// someone ("the official") or no speaker at all, not a name or a
	// description that says who.
	Vague bool
	// Person marks a speaker that is a named person, not a body ("the
	// Foreign Ministry", "Reuters") or a description ("a spokesman"): a
	// brief shows a person's words only with a role (see briefing).
	Person bool
	// Described marks a speaker that is a description ("a spokesman",
	// "some analysts"), not a name.
	Described bool
	// Start and End are the byte offsets of the quoted text in the input
	// (from the first quoted word to the last).
	Start, End int
	// Para is the index of the paragraph where the quotation starts,
	// counting non-blank lines.
	Para int
}

// cand is a quotation being attributed.
type cand struct {
	sp      span
	open    int // token of the first opening mark
	close   int // token of the last closing mark, or -1
	att     attribution
	text    string
	s, e    int
	para    int
	words   int
	partial bool
	drop    bool
}

// Find returns the quotations in text, in the order they appear, knowing
// no place names; FindWith is the same with a gazetteer.
func Find(text string) []Quote { return FindWith(text, Options{}) }

// FindWith returns the quotations in text, in the order they appear.
func FindWith(text string, o Options) []Quote {
	if !hasQuoteSigns(text) {
		return nil
	}
	d := parse(text)
	if o.Places != nil {
		d.markPlaces(o.Places.Mentions(text, o.Date))
	}
	d.markRegions()
	spans := d.pair()
	d.sentences()
	sent := d.sentenceIndex()
	c := newCast()
	c.collect(d)

	cands := make([]cand, 0, len(spans))
	for _, sp := range spans {
		cd := d.newCand(sp)
		if cd.text == "" {
			continue
		}
		cands = append(cands, cd)
	}
	for i := range cands {
		d.attribute(c, sent, cands, i)
	}
	d.mergeContinuations(cands, sent)
	cands = append(cands, d.layoutQuotes(c)...)

	c.settle()
	var out []Quote
	prev := -1
	for i := range cands {
		cd := &cands[i]
		if cd.drop {
			continue
		}
		q := Quote{Text: cd.text, Start: cd.s, End: cd.e, Para: cd.para, Partial: cd.partial}
		var before *Quote
		if prev >= 0 && cands[prev].close >= 0 && cd.att.kind == noCue && sent.of(cands[prev].close) >= sent.of(cd.open)-1 {
			before = &out[len(out)-1]
		}
		d.speakerOf(c, sent, cd, &q, before)
		if prev >= 0 && cands[prev].close >= 0 && len(out) > 0 && sent.of(cands[prev].close) >= sent.of(cd.open)-1 {
			d.addedBySame(cd, &q, &out[len(out)-1])
		}
		out = append(out, q)
		if cd.att.kind != cueLayout {
			prev = i
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// hasQuoteSigns is a fast check that the text can hold a quotation.
func hasQuoteSigns(text string) bool {
	return strings.ContainsAny(text, "\"“”„‟«»") || strings.Contains(text, ",\n")
}

// sentenceIndex numbers the sentences; sent.of(tok) gives a token's
// sentence and sent.start[s] the first token of sentence s.
type sentIndex struct {
	id    []int32
	start []int
}

func (s *sentIndex) of(tok int) int { return int(s.id[tok]) }

func (d *doc) sentenceIndex() *sentIndex {
	si := &sentIndex{id: make([]int32, len(d.toks))}
	cur := int32(0)
	si.start = append(si.start, 0)
	for i := range d.toks {
		si.id[i] = cur
		if d.toks[i].sentEnd {
			cur++
			si.start = append(si.start, i+1)
		}
	}
	return si
}

func (d *doc) newCand(sp span) cand {
	cd := cand{sp: sp, open: sp.first().open, close: sp.last().close, para: sp.first().para}
	for _, pt := range sp.parts {
		if pt.e > pt.s {
			cd.text = joinParts(cd.text, d.text[pt.s:pt.e])
		}
	}
	cd.s, cd.e = sp.first().s, sp.last().e
	cd.words = countWords(cd.text)
	cd.att.verb = -1
	return cd
}

// joinParts appends the next part of a quotation to the text so far. When
// the part starts a new sentence after a comma ("A," she said. "B."), the
// comma belonged to the attribution between them, and the parts join as
// "A … B"; otherwise with one space.
func joinParts(text, part string) string {
	if text == "" {
		return part
	}
	if strings.HasSuffix(text, ",") && startsUpper(part) {
		return strings.TrimSuffix(text, ",") + " … " + part
	}
	return text + " " + part
}

// joinQuotations appends a quotation that carries on the one before it.
// Two quoted sentences ("A." she said. "B.") are separate quotations: an
// ellipsis marks what stood between them, so that nothing reads as one
// sentence that was two. Only a sentence split around its cue ("A," she
// said, "b …") is joined with a space.
func joinQuotations(text, next string) string {
	t := strings.TrimRight(text, " ")
	if strings.HasSuffix(t, ",") && !startsUpper(next) {
		return t + " " + next
	}
	if strings.HasSuffix(t, ",") {
		return strings.TrimSuffix(t, ",") + " … " + next
	}
	return t + " … " + next
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// attribute finds the cue and speaker of candidate i.
func (d *doc) attribute(c *cast, sent *sentIndex, cands []cand, i int) {
	cd := &cands[i]
	lo := sent.start[sent.of(cd.open)]
	if pt := d.paras[cd.para]; lo < pt.t0 {
		lo = pt.t0
	}
	sentLo := lo
	// Do not read back past an earlier quotation in the same sentence.
	for k := cd.open - 1; k >= lo; k-- {
		if d.toks[k].kind == mark && d.toks[k].canClose && !d.toks[k].inQuote {
			lo = k + 1
			break
		}
	}
	if cd.close >= 0 {
		a := d.afterCue(c, cd.close+1, false)
		if a.kind != noCue && !(d.embeddedTerm(lo, cd) && a.verb >= 0 && d.wordsAfterVerb(a.verb, d.clauseEnd(cd.close+1))) && !d.colonAfterSentence(cd, a) {
			cd.att = a
		}
	}
	if cd.att.kind == cueAfter && relays(cd.att.spk) {
		// "A Foreign Ministry statement said it hoped talks would "…," the
		// agency said": the agency passes on what the ministry said; the
		// speaker inside the sentence is the one quoted.
		if a := d.beforeCue(c, sentLo, lo, cd.open); a.kind != noCue && (a.spk.kind == named || a.spk.kind == described) && !relays(a.spk) {
			cd.att = a
		}
	}
	if cd.att.kind == noCue {
		if a := d.beforeCue(c, sentLo, lo, cd.open); a.kind != noCue {
			cd.att = a
		}
	}
	if cd.att.kind == noCue {
		hi := len(d.toks)
		if cd.close >= 0 {
			hi = d.clauseEnd(cd.close + 1)
			if d.isPunct(cd.close-1, ".") || d.isPunct(cd.close-1, "?") || d.isPunct(cd.close-1, "!") {
				hi = cd.close + 1 // the quotation ended its sentence: "according to" after it is another's
			}
		}
		if w, ok := d.accordingTo(c, lo, hi); ok {
			cd.att = attribution{kind: cueAccord, spk: w, verb: -1}
		}
	}
	if cd.att.kind == noCue && cd.close >= 0 && d.endsParagraph(cd.close) {
		if pi := d.toks[cd.close].para; pi+1 < len(d.paras) {
			if name, role, ok := d.signatureAfterQuote(pi + 1); ok {
				cd.att = attribution{kind: cueDash, verb: -1, direct: true, spk: who{kind: named, name: name, role: role, person: -1}}
			}
		}
	}
	// "The ferries," said Tomas Berg, "will run …": the rest of a sentence
	// split around an inverted cue shares that cue.
	if cd.att.kind == noCue && i > 0 {
		p := &cands[i-1]
		if p.att.kind == cueAfter && p.close >= 0 && p.att.end > p.close && p.att.end <= cd.open && d.toks[cd.open].para == d.toks[p.close].para && d.onlyPunct(p.att.end, cd.open) {
			cd.att = attribution{kind: cueBefore, spk: p.att.spk, verb: p.att.verb, end: cd.open, direct: true}
		}
	}
	if cd.att.kind != noCue && cd.words <= 4 && d.namingBefore(cd.open) {
		// "known as a "put option"", "the so-called "decapitation
		// strategy"": a term the article names, which nobody is quoted
		// saying.
		cd.att = attribution{kind: noCue, verb: -1}
	}
	// Fragments and titles.
	inSentence := d.wordsBefore(lo, cd.open) || cd.close >= 0 && d.wordsAfterInClause(cd.close+1, cd.att)
	cd.partial = !d.opensUpper(cd.open) && inSentence || cd.att.kind == cueFrame
	switch {
	case cd.att.kind == noCue:
		if cd.words < 5 || inSentence && !d.opensUpper(cd.open) || d.titleLike(cd) {
			cd.drop = true
		}
	case d.titleLike(cd):
		cd.drop = true
	case cd.words <= 3 && (cd.att.kind == cueFrame || cd.att.kind == cueAccord):
		cd.drop = cd.words <= 1
	}
}

// colonAfterSentence reports a cue after a quotation that ended its own
// sentence, where the cue opens a new sentence and ends in a colon
// ("…Valley?" Replying to her, Mr Price said: "…"): it introduces the
// quotation after it, not the one before.
func (d *doc) colonAfterSentence(cd *cand, a attribution) bool {
	if a.end-1 <= cd.close || !d.isPunct(a.end-1, ":") {
		return false
	}
	return d.isPunct(cd.close-1, ".") || d.isPunct(cd.close-1, "?") || d.isPunct(cd.close-1, "!")
}

// relays reports a speaker that is a news outlet passing on what others
// said ("the agency", "the New China News Agency", "state radio").
func relays(w who) bool {
	f := strings.Fields(strings.ToLower(w.name))
	return len(f) > 0 && has(relayWords, strings.Trim(f[len(f)-1], ".,"))
}

var relayWords = set("agency newspaper paper daily radio television tv broadcaster")

// namingBefore reports words right before the opening mark at token open
// that name a term rather than quote speech: "known as (a)", "so-called",
// "nicknamed".
func (d *doc) namingBefore(open int) bool {
	k := open - 1
	if k >= 0 && d.toks[k].kind == word && (d.lower(k) == "a" || d.lower(k) == "an" || d.lower(k) == "the") {
		k--
	}
	if k < 0 || d.toks[k].kind != word || d.toks[k].para != d.toks[open].para {
		return false
	}
	switch d.lower(k) {
	case "so-called", "nicknamed":
		return true // not "what he termed", "what he dubbed": his own words
	case "as":
		return k > 0 && d.lower(k-1) == "known"
	}
	return false
}

// embeddedTerm reports a short fragment quoted inside its sentence and
// run straight on ("the party's much vaunted "decapitation strategy" Lord
// Rennard said it was not a term he used"): no comma or stop closes it,
// so a speech verb after it that goes on with its own clause is no cue of
// the fragment.
func (d *doc) embeddedTerm(lo int, cd *cand) bool {
	if cd.words > 4 || d.opensUpper(cd.open) || !d.wordsBefore(lo, cd.open) {
		return false
	}
	j := cd.close + 1
	if j >= len(d.toks) || d.toks[j].kind != word || d.toks[j].para != d.toks[cd.close].para {
		return false
	}
	t := strings.TrimSpace(cd.text)
	return t != "" && !strings.ContainsAny(t[len(t)-1:], ",.?!;:")
}

// wordsAfterVerb reports whether words follow cue verb v in its clause
// (ending at end): "said it was not a term …".
func (d *doc) wordsAfterVerb(v, end int) bool {
	for k := v + 1; k < end; k++ {
		if d.toks[k].kind == word {
			return true
		}
	}
	return false
}

// wordsBefore reports whether words of the sentence stand before the
// opening mark (the quotation sits inside a sentence).
func (d *doc) wordsBefore(lo, open int) bool {
	for k := lo; k < open; k++ {
		if d.toks[k].kind == word && !d.toks[k].inQuote {
			return true
		}
	}
	return false
}

// wordsAfterInClause reports whether the clause goes on after the closing
// mark with words that are not the cue ("called it "X" for years").
func (d *doc) wordsAfterInClause(j int, a attribution) bool {
	if j >= len(d.toks) || d.toks[j].para != d.toks[j-1].para {
		return false
	}
	if a.kind == cueAfter || a.kind == cueDash || a.kind == cueAccord {
		return false
	}
	end := d.clauseEnd(j)
	for k := j; k < end; k++ {
		if d.toks[k].kind == word {
			return true
		}
	}
	return false
}

// titleLike reports whether a short quotation reads as a title or name
// ("Saturday Night Live", "Meet the Press") rather than speech.
func (d *doc) titleLike(cd *cand) bool {
	if cd.words > 8 || len(cd.sp.parts) > 1 {
		return false
	}
	t := strings.TrimSpace(cd.text)
	if t == "" {
		return true
	}
	switch t[len(t)-1] {
	case '.', '?', '!', ',':
		return false
	}
	caps, small := 0, 0
	for _, w := range strings.Fields(t) {
		r := firstRune(w)
		switch {
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			caps++
		case has(titleSmallWords, strings.ToLower(w)):
			small++
		default:
			return false
		}
	}
	return caps >= 2 || caps == 1 && cd.words == 1 && d.afterPossessive(cd.open)
}

var titleSmallWords = set("a an the of and or in on at to for with by from is vs. vs")

func (d *doc) afterPossessive(open int) bool {
	return open > 0 && d.toks[open-1].kind == word && isPossessive(d.str(d.toks[open-1]))
}

// onlyPunct reports whether tokens [a, b) are all punctuation.
func (d *doc) onlyPunct(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind != punct {
			return false
		}
	}
	return true
}

// endsParagraph reports whether only punctuation follows token k in its
// paragraph.
func (d *doc) endsParagraph(k int) bool {
	p := d.paras[d.toks[k].para]
	for j := k + 1; j < p.t1; j++ {
		if d.toks[j].kind != punct {
			return false
		}
	}
	return true
}
