package geo

import (
	"math"
	"time"
)

// found is a mention, kept small, with what the rules need to judge it
// afterwards.
type found struct {
	Code       string
	Start, End int32
	via        uint8 // index in vias
	rule       rule
}

// vias are the values of Mention.Via by index.
var vias = [...]string{ViaName, ViaDemonym, ViaCapital, ViaLeader, ViaBody}

func viaIndex(via string) uint8 {
	for i, v := range vias {
		if v == via {
			return uint8(i)
		}
	}
	return 0
}

// scan holds the state of one pass over a text.
type scan struct {
	g  *Gazetteer
	s  string
	at time.Time
	la [maxWords + 2]tok // look-ahead: la[0] is the word being tried
	n  int               // words in la
	// stateSeen: a "Georgia" was read as the US state from its context.
	stateSeen bool
}

// fill makes sure la holds at least k+1 words; false at the end of text.
func (sc *scan) fill(k int) bool {
	for sc.n <= k {
		t, ok := nextToken(sc.s, sc.la[sc.n-1].end)
		if !ok {
			return false
		}
		sc.la[sc.n] = t
		sc.n++
	}
	return true
}

func (sc *scan) word(t tok) string { return sc.s[t.start:t.end] }

// Mentions returns the places where running text names an entity, in text
// order, read at the date (which decides whom a leader's name stands for).
func (g *Gazetteer) Mentions(text string, at time.Time) []Mention {
	fs := g.scanText(text, at)
	if len(fs) == 0 {
		return nil
	}
	out := make([]Mention, len(fs))
	for i, f := range fs {
		out[i] = Mention{Code: f.Code, Start: int(f.Start), End: int(f.End), Surface: text[f.Start:f.End], Via: vias[f.via]}
	}
	assignSenses(text, out)
	return out
}

func (g *Gazetteer) scanText(text string, at time.Time) []found {
	if len(text) > math.MaxInt32 {
		text = text[:math.MaxInt32] // offsets are kept in 32 bits
	}
	sc := scan{g: g, s: text, at: at}
	var out []found
	var prev, prev2 tok // the two words before the current one
	hasPrev, hasPrev2 := false, false
	pos := 0
	for {
		t, ok := nextToken(text, pos)
		if !ok {
			break
		}
		cands := sc.candidates(t)
		consumed := 1
		if len(cands) > 0 {
			sc.la[0], sc.n = t, 1
			best := -1
			for _, id := range cands {
				if sc.matches(&g.index.phrases[id]) {
					best = int(id)
					break
				}
			}
			if best >= 0 {
				ph := &g.index.phrases[best]
				consumed = len(ph.words)
				if f, ok := sc.judge(ph, prev, hasPrev, prev2, hasPrev2, out); ok {
					out = append(out, f)
				}
			}
		}
		if consumed == 1 {
			prev2, hasPrev2 = prev, hasPrev
			prev, hasPrev = t, true
			pos = t.end
			continue
		}
		last := sc.la[consumed-1]
		prev2, hasPrev2 = sc.la[consumed-2], true
		prev, hasPrev = last, true
		pos = last.end
	}
	g.foreignOnce.Do(func() { g.foreign = newForeignIndex(g.entities) })
	out = mergeFound(out, g.foreign.scan(text))
	if len(out) == 0 {
		return nil
	}
	return sc.settle(out)
}

// mergeFound adds to the mentions found in English those found in other
// languages that do not overlap them, in text order.
func mergeFound(english, other []found) []found {
	if len(other) == 0 {
		return english
	}
	out := make([]found, 0, len(english)+len(other))
	i := 0
	for _, o := range other {
		for i < len(english) && english[i].Start < o.Start {
			out = append(out, english[i])
			i++
		}
		overlaps := (i > 0 && english[i-1].End > o.Start) || (i < len(english) && english[i].Start < o.End)
		if !overlaps {
			out = append(out, o)
		}
	}
	return append(out, english[i:]...)
}

// candidates returns the phrases that may start at t, longest first.
func (sc *scan) candidates(t tok) []int32 {
	ix := &sc.g.index
	w := sc.word(t)
	switch {
	case t.cap:
		if c := ix.exact[w]; c != nil {
			return c
		}
		if t.caps && len(w) > 1 {
			return ix.upper[w]
		}
	case t.lower:
		if ix.mayStartLower(w) {
			return ix.lowerW[w]
		}
	}
	return nil
}

// matches tells whether the phrase's words follow from la[0] on.
func (sc *scan) matches(ph *phrase) bool {
	if !sc.fill(len(ph.words) - 1) {
		return false
	}
	for k := 1; k < len(ph.words); k++ {
		t := sc.la[k]
		if !gapOK(sc.s, sc.la[k-1].end, t.start, ph.gaps[k-1]) {
			return false
		}
		w := sc.word(t)
		switch {
		case w == ph.words[k]:
		case ph.lower&(1<<k) != 0 && asciiEqualFold(w, ph.words[k]):
		case t.caps && w == ph.upper[k]:
		default:
			return false
		}
	}
	return true
}

// judge decides what a matched phrase names, if anything.
func (sc *scan) judge(ph *phrase, prev tok, hasPrev bool, prev2 tok, hasPrev2 bool, before []found) (found, bool) {
	n := len(ph.words)
	start, end := sc.la[0].start, sc.la[n-1].end
	f := found{Start: int32(start), End: int32(end), via: ph.viaIdx, rule: ph.rule}
	switch ph.kind {
	case kindPlace:
		return f, false
	}
	ctx := context{sc: sc, n: n, prev: prev, hasPrev: hasPrev, prev2: prev2, hasPrev2: hasPrev2, before: before}
	if ph.kind == kindPerson {
		f.Code = sc.g.personCode(ph, sc.at)
		// A surname inside another person's name: "Anwar Gargash",
		// "Francesca Albanese", "Antonio Conte".
		if f.Code != "" && surnameOnly(ph) && ctx.personName() {
			return f, false
		}
		return f, f.Code != ""
	}
	f.Code = ph.code
	if ph.via == ViaCapital && ctx.followedByUSState(ph.code) {
		return f, false
	}
	switch ph.rule {
	case rulePersonLike:
		if ctx.personName() {
			return f, false
		}
	case ruleGeorgia:
		if sc.s[start:end] == "Georgia" {
			if ctx.personName() {
				return f, false
			}
			if ctx.georgiaState() {
				sc.stateSeen = true
				return f, false
			}
		}
	case ruleSecurity:
		if ctx.nationalCouncil() {
			return f, false
		}
	case rulePronoun:
		if ctx.headlinePronoun() {
			return f, false
		}
	case ruleWho:
		if ctx.headlineWord() {
			return f, false
		}
	}
	return f, true
}

// surnameOnly tells whether a person phrase is only ever a surname.
func surnameOnly(ph *phrase) bool {
	for _, w := range ph.who {
		if !w.short {
			return false
		}
	}
	return true
}

// asciiEqualFold compares two words ignoring ASCII case.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x|0x20 != y|0x20 || x|0x20 < 'a' || x|0x20 > 'z' {
			return false
		}
	}
	return true
}
