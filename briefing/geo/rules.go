package geo

import (
	"strings"
)

// context is what the rules may read around a matched name: la[0:n] in the
// scan are its words, prev and prev2 the two words before it, before the
// mentions found so far.
type context struct {
	sc                *scan
	n                 int
	prev, prev2       tok
	hasPrev, hasPrev2 bool
	before            []found
}

func (c *context) word(t tok) string { return c.sc.s[t.start:t.end] }

// next returns the word after the name, skipping a possessive "'s".
func (c *context) next(skipPossessive bool) (tok, bool) {
	sc := c.sc
	if !sc.fill(c.n) {
		return tok{}, false
	}
	t := sc.la[c.n]
	if skipPossessive && c.word(t) == "s" && isApostrophe(sc.s[sc.la[c.n-1].end:t.start]) {
		if !sc.fill(c.n + 1) {
			return tok{}, false
		}
		return sc.la[c.n+1], true
	}
	return t, true
}

func isApostrophe(gap string) bool { return gap == "'" || gap == "’" }

// entityWord tells whether w alone names an entity ("Israel", "U.S.").
func (c *context) entityWord(w string) bool {
	for _, id := range c.sc.g.index.exact[w] {
		ph := &c.sc.g.index.phrases[id]
		if len(ph.words) == 1 && ph.kind == kindEntity {
			return true
		}
	}
	return false
}

// personName tells whether a name that is also a given name or surname
// ("Jordan", "Chad", "Paris") is part of a person's name here: "Michael
// Jordan", "Jordan Peterson", "Chad Smith", "Paris Hilton". Title-case
// headlines do not count as evidence.
func (c *context) personName() bool {
	s := c.sc.s
	start := c.sc.la[0].start
	title := -1
	isTitle := func() bool {
		if title < 0 {
			title = 0
			if titleLine(s, start) {
				title = 1
			}
		}
		return title == 1
	}
	if c.hasPrev && c.prev.cap && onlySpace(s, c.prev.end, start) {
		pw := c.word(c.prev)
		if givenNames[pw] {
			return true
		}
		if !countryPreceders[pw] && !c.entityWord(pw) && !sentenceStart(s, c.prev.start) && !isTitle() {
			return true
		}
	}
	if t, ok := c.next(false); ok && t.cap && onlySpace(s, c.sc.la[c.n-1].end, t.start) {
		nw := c.word(t)
		if !countryFollowers[nw] && !c.entityWord(nw) && !isTitle() {
			return true
		}
	}
	return false
}

// georgiaState tells whether "Georgia" is the US state from its words
// around: "Atlanta, Georgia", "the state of Georgia", "Georgia voters",
// "Georgia's governor".
func (c *context) georgiaState() bool {
	s := c.sc.s
	start := c.sc.la[0].start
	if c.hasPrev && c.hasPrev2 && asciiEqualFold(c.word(c.prev), "of") && onlySpace(s, c.prev.end, start) &&
		stateOf[strings.ToLower(c.word(c.prev2))] {
		return true
	}
	if c.hasPrev && strings.TrimSpace(s[c.prev.end:start]) == "," && georgiaCities[c.word(c.prev)] {
		return true
	}
	if t, ok := c.next(true); ok && stateFollowers[c.word(t)] {
		return true
	}
	return false
}

// nationalCouncil tells whether "Security Council" belongs to a country
// named just before it ("Russia's Security Council", "Iranian Security
// Council") rather than to the UN.
func (c *context) nationalCouncil() bool {
	if !c.hasPrev || len(c.before) == 0 {
		return false
	}
	s := c.sc.s
	start := c.sc.la[0].start
	if !onlySpace(s, c.prev.end, start) {
		return false
	}
	anchor := c.prev
	if c.word(c.prev) == "s" && c.hasPrev2 && isApostrophe(s[c.prev2.end:c.prev.start]) {
		anchor = c.prev2
	}
	last := c.before[len(c.before)-1]
	return int(last.End) == anchor.end && last.Code != "UN"
}

// headlinePronoun tells whether "US" is the pronoun of an all-capitals
// headline: "LET US", "TELL US", "ALL OF US".
func (c *context) headlinePronoun() bool {
	if !c.hasPrev || !c.prev.caps {
		return false
	}
	pw := c.word(c.prev)
	if pronounVerbs[pw] {
		return true
	}
	return pw == "OF" && c.hasPrev2 && quantifiers[c.word(c.prev2)]
}

// headlineWord tells whether "WHO" stands among other all-capitals words,
// where it is more likely the pronoun than the organisation.
func (c *context) headlineWord() bool {
	s := c.sc.s
	capsWord := func(t tok) bool {
		w := c.word(t)
		return t.caps && len(w) >= 3 && !c.entityWord(w)
	}
	if c.hasPrev && onlySpace(s, c.prev.end, c.sc.la[0].start) && capsWord(c.prev) {
		return true
	}
	if t, ok := c.next(false); ok && onlySpace(s, c.sc.la[c.n-1].end, t.start) && capsWord(t) {
		return true
	}
	return false
}

// followedByUSState tells whether a capital is a US town of the same name:
// "Paris, Texas", "Moscow, Idaho", "Athens, Georgia".
func (c *context) followedByUSState(code string) bool {
	if code == "GE" {
		return false
	}
	t, ok := c.next(false)
	if !ok || strings.TrimSpace(c.sc.s[c.sc.la[c.n-1].end:t.start]) != "," {
		return false
	}
	w := c.word(t)
	if usStates[w] {
		return true
	}
	seconds, ok := usStateSecond[w]
	if !ok || !c.sc.fill(c.n+1) {
		return false
	}
	t2 := c.sc.la[c.n+1]
	return onlySpace(c.sc.s, t.end, t2.start) && strings.Contains(seconds, " "+c.word(t2)+" ")
}

// sentenceStart tells whether the word at i opens a sentence, a line or
// the text.
func sentenceStart(s string, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch c := s[k]; c {
		case ' ', '\t', '"', '\'', '(', '[', '*', '#', '>', '-', '\r':
			continue
		case 0x9C, 0x98, 0x94, 0x93: // “ ‘ — – (last byte)
			if k >= 2 && s[k-2] == 0xE2 && s[k-1] == 0x80 {
				k -= 2
				continue
			}
			return false
		case '.', '!', '?', ':', ';', '\n', '|':
			return true
		default:
			return false
		}
	}
	return true
}

// titleLine tells whether the line around i is a short title-case line (a
// headline), where capitals are no evidence of a name.
func titleLine(s string, i int) bool {
	const reach = 200
	ls := strings.LastIndexByte(s[max(0, i-reach):i], '\n')
	if ls < 0 {
		if i > reach {
			return false
		}
		ls = 0
	} else {
		ls += max(0, i-reach) + 1
	}
	le := strings.IndexByte(s[i:min(len(s), i+reach)], '\n')
	if le < 0 {
		if len(s)-i > reach {
			return false
		}
		le = len(s)
	} else {
		le += i
	}
	line := s[ls:le]
	words, lower := 0, 0
	for pos := 0; ; {
		t, ok := nextToken(line, pos)
		if !ok {
			break
		}
		pos = t.end
		if !t.cap && !t.lower {
			continue
		}
		words++
		if t.lower && !smallWords[line[t.start:t.end]] {
			lower++
		}
	}
	return words >= 3 && lower == 0
}

// settle applies the rules that need the whole text: Georgia the state,
// the two Congos, turkey the bird.
func (sc *scan) settle(fs []found) []found {
	var georgia, turkey, congo, korea bool
	codes := map[string]bool{}
	for _, f := range fs {
		switch f.rule {
		case ruleGeorgia:
			georgia = true
		case ruleTurkey:
			turkey = true
		case ruleCongo:
			congo = true
		case ruleKorea:
			korea = true
		default:
			codes[f.Code] = true
		}
	}
	dropGeorgia := georgia && (sc.stateSeen || containsWord(sc.s, georgiaStateCues)) &&
		!codes["GE"] && !codes["AM"] && !codes["AZ"] && !containsWord(sc.s, georgiaCountryCues)
	dropTurkey := turkey && !codes["TR"] && containsWord(strings.ToLower(sc.s), birdCues)
	congoCode := "CD"
	if congo && codes["CG"] && !codes["CD"] {
		congoCode = "CG"
	}
	koreaCode := "KR"
	if korea && codes["KP"] && !codes["KR"] {
		koreaCode = "KP"
	}
	out := fs[:0]
	for _, f := range fs {
		switch {
		case f.rule == ruleKorea:
			f.Code = koreaCode
		case f.rule == ruleGeorgia && dropGeorgia, f.rule == ruleTurkey && dropTurkey:
			continue
		case f.rule == ruleCongo:
			f.Code = congoCode
		}
		out = append(out, f)
	}
	return out
}

// containsWord tells whether s holds one of the words or phrases as whole
// words.
func containsWord(s string, words []string) bool {
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			j := i + len(w)
			if (i == 0 || !asciiWord[s[i-1]]) && (j == len(s) || !asciiWord[s[j]]) {
				return true
			}
			from = i + 1
		}
	}
	return false
}
