package quote

import "strings"

// Evidence says how the speaker of a quotation was found. A brief shows a
// quotation only when its speaker rests on the text's own syntax or on a
// pronoun resolved close by (see Quote.Attributed); the rest are kept for
// evaluation with what was guessed.
type Evidence uint8

const (
	// NoEvidence: no speaker was found.
	NoEvidence Evidence = iota
	// Cue: a speech cue in the quotation's own sentence names the
	// speaker ("…," said X / X said: "…" / according to X / "…" — X),
	// or the block layout signs it.
	Cue
	// CueBefore: the sentence right before ends with a speech cue that
	// names the speaker ("…, said X, a spokesman." then the quotation).
	CueBefore
	// Continued: the quotation carries on the one before it, in the same
	// or the next sentence, with nobody else named in between.
	Continued
	// Pronoun: a pronoun ("he said") resolved in the same or the
	// previous sentence to the one person there who agrees with it in
	// number and gender, with no other fitting person closer.
	Pronoun
	// Guess: a pronoun resolved further back or against competition, or
	// the subject of the sentence before; often right, not shown.
	Guess
)

// String names the evidence for evaluation output.
func (e Evidence) String() string {
	switch e {
	case Cue:
		return "cue"
	case CueBefore:
		return "cue-before"
	case Continued:
		return "continued"
	case Pronoun:
		return "pronoun"
	case Guess:
		return "guess"
	}
	return "none"
}

// Attributed reports whether a brief may show the quotation as said by
// its Speaker: the evidence is syntax or a pronoun resolved close by, and
// the speaker is a name, or a description that says who (“a Bank of Japan
// official”, “one U.S. source”), not one that only points back (“the
// statement”, “the official”); a quotation with no cue of its own after
// one in the sentence before only when that cue names someone.
func (q Quote) Attributed() bool {
	if q.Speaker == "" || q.Vague || genericFirmName(q.Speaker) {
		return false
	}
	switch q.Evidence {
	case Cue, Continued, Pronoun:
		return true
	case CueBefore:
		// "Some analysts said rates would rise. "…"": a quotation with no
		// cue of its own goes to the one named in the cue before it, not
		// to a description, which names nobody in particular.
		return !q.Described
	}
	return false
}

// genericFirmName reports a speaker made only of words any firm's name
// may end in ("Co Inc", "Re", "Bank", "Group"): the tail of a name whose
// head was read as something else (a place, another clause), or a piece
// of the speaker's body. It names no one in particular, so a brief does
// not show it.
func genericFirmName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 0 && strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if !has(firmWords, lw) && !has(genericFirmWords, lw) {
			return false
		}
	}
	return true
}

// genericFirmWords, beside firmWords, end a firm's name without naming
// one: "Swiss Re", "Merrill Lynch and Co", "World Bank".
var genericFirmWords = set("re and & company corporation bank fund group holdings trust partners",
	"associates brothers securities capital insurance")

// vagueDescription reports whether the description in tokens [x, y) is
// no speaker a reader could place: its head is not a noun for a person, a
// group, a body or a document ("a fresh debate over …", a clause), or it
// only points back to someone ("the official", "the statement", "The
// government") with no name of a body or place in it. "A Bank of Japan
// official", "one U.S. source" and "an analyst" say who.
func (d *doc) vagueDescription(x, y int) bool {
	head, named := d.descriptionHead(x, y)
	if head < 0 {
		return true
	}
	if d.lower(x) == "the" && d.onlyWords(x+1, y, pointingBodies) {
		return true // "the Chamber", "the Ministry": the body named before
	}
	if d.lower(x) == "the" && y == x+2 && d.isDemonym(x+1) {
		return true // "the Argentine": someone named before, by nationality
	}
	if has(documentWords, d.lower(head)) && !d.capitalIn(x, y) {
		return true // "A statement from the companies": the ones named before
	}
	if named {
		return false // "the Treasury statement", "a Bank of Japan official"
	}
	switch d.lower(x) {
	case "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my":
		return true
	}
	return isPossessive(d.lower(x)) || has(pronouns, d.lower(x))
}

// capitalIn reports a capitalised word in tokens [a, b) other than the
// first (a name of a body or place in a description).
func (d *doc) capitalIn(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if d.toks[k].kind == word && d.toks[k].upper {
			return true
		}
	}
	return false
}

// pointingBodies are words for a kind of body that, after "the" and
// alone, point back to the one the article named ("the Chamber said").
var pointingBodies = set("ministry department chamber bank agency committee company firm group office",
	"association union council board federation institute organisation organization corporation fund")

// onlyWords reports whether tokens [a, b) are words, all in ws.
func (d *doc) onlyWords(a, b int, ws map[string]struct{}) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		if d.toks[k].kind != word || !has(ws, d.lower(k)) {
			return false
		}
	}
	return true
}

// descriptionHead returns the head noun of a description: the last word
// before a preposition, a participle or a relative pronoun ("a spokesman
// for the ministry" → spokesman), when that word names a person, a group,
// a body or a document, or is part of a capitalised name ("the Italian
// Treasury"); else -1. named reports a capitalised word before the head
// (a body or place: "a Bank of Japan official").
func (d *doc) descriptionHead(x, y int) (head int, named bool) {
	if x+2 < y && d.lower(x) == "one" && d.lower(x+1) == "of" {
		// "one of the TNO researchers behind the project"
		x += 2
		for x < y && d.toks[x].kind == word && (has(determiners, d.lower(x)) || isPossessive(d.str(d.toks[x]))) && x+1 < y {
			x++
		}
		h, _ := d.descriptionHead(x, y)
		return h, true
	}
	end := y
	for k := x + 1; k < y; k++ {
		t := d.toks[k]
		if t.kind != word || t.upper {
			continue
		}
		lw := d.lower(k)
		participle := (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed")) && len(lw) > 5 && k+1 < y && d.toks[k+1].kind == word && has(closedClass, d.lower(k+1))
		if lw == "and" && d.nounsBeforeRole(k+1, y) {
			continue // "operations and safety editor": two fields of one role
		}
		if has(closedClass, lw) && !has(determiners, lw) || lw == "who" || participle {
			end = k
			break
		}
	}
	for k := end - 1; k >= x; k-- {
		if d.toks[k].kind != word {
			continue
		}
		lw := stripPossessive(d.lower(k))
		if !isSpeakerNoun(lw) && !(d.toks[k].upper && k > x) {
			if !(d.toks[k].upper && k == x && end-x == 1) {
				return -1, false // "a fresh debate", "Kazakh attitudes"
			}
		}
		for j := x + 1; j < k; j++ {
			if d.toks[j].kind == word && d.toks[j].upper {
				named = true
			}
		}
		if d.toks[k].upper && k > x {
			named = true
		}
		return k, named
	}
	return -1, false
}

// nounsBeforeRole reports whether tokens from k hold one or two plain
// lower-case nouns and then a role word ("safety editor", "investment
// strategist").
func (d *doc) nounsBeforeRole(k, y int) bool {
	for j := k; j < y && j < k+3; j++ {
		t := d.toks[j]
		if t.kind != word || t.upper {
			return false
		}
		lw := d.lower(j)
		if isRole(lw) {
			return j > k
		}
		if has(closedClass, lw) || looksVerbal(lw) || strings.HasSuffix(lw, "ly") {
			return false
		}
	}
	return false
}

// isSpeakerNoun reports whether a lower-case noun can head the description
// of a speaker: a role, a kind of person, a group or a body, or a document
// a body speaks through.
func isSpeakerNoun(lw string) bool {
	if isRole(lw) || has(pluralWords, lw) || has(orgWords, lw) || has(speakerNouns, lw) {
		return true
	}
	if s, ok := strings.CutSuffix(lw, "s"); ok && (isRole(s) || has(speakerNouns, s) || has(orgWords, s)) {
		return true
	}
	if s, ok := strings.CutSuffix(lw, "men"); ok && isRole(s+"man") {
		return true
	}
	return false
}

// speakerNouns are general nouns for people and the documents bodies
// speak through, beyond the titles of roleWords.
var speakerNouns = set(
	"source banker trader dealer broker economist analyst diplomat observer expert",
	"industry market government ministry embassy company firm bank committee panel",
	"statement report communique letter memo document newspaper paper radio agency",
	"resident voter worker farmer student teacher driver owner citizen witness man woman",
	"democrat republican tory conservative socialist liberal nationalist unionist",
	"person people participant delegate negotiator insider veteran critic supporter",
	"executive manager investor consultant researcher scientist engineer lawyer",
	"team side camp group union federation association council",
	"counterpart colleague successor predecessor partner rival opponent ally friend member",
	"nephew niece son daughter wife husband brother sister widow mother father cousin",
)
