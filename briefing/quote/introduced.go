package quote

import "strings"

// Many articles give a person's role before they name the person: the
// lead sentence speaks of "Wales's health minister" or ends ", the
// chairman of the Coffee Board, said.", and the next sentence names
// "Maria Dunlop" with no title. The description is that person's role in
// the article's words, when nothing else could be meant: the person is
// first named right after it, with no role anywhere in the article, no
// other person is named from the description to the name, and the
// description agrees with what is known of the person's gender.

// describedBefore gives such roles to the first mentions of the people
// they introduce.
func (c *cast) describedBefore(d *doc) {
	var starts []int
	for i := range d.toks {
		if i == 0 || d.toks[i-1].sentEnd {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(d.toks))
	for s := 0; s+2 < len(starts); s++ {
		a, b := starts[s], starts[s+1]
		if a >= b || d.paras[d.toks[a].para].heading {
			continue
		}
		desc, ok := d.personDescribedIn(a, b)
		if !ok {
			continue
		}
		// The first person named after the description; bodies named on
		// the way ("the Coffee Board", its initials) and places after "in"
		// do not count.
		m := c.firstMentionFrom(a)
		for m < len(c.mentions) && (c.people[c.mentions[m].who].org || isAcronym(c.people[c.mentions[m].who].name) || d.afterPlacePrep(c.mentions[m].tok)) {
			m++ // "the Coffee Board", "CMB", "talks in Geneva"
		}
		if m >= len(c.mentions) {
			return
		}
		if c.mentions[m].tok < b {
			continue // someone is named in the description's sentence
		}
		mn := c.mentions[m]
		p := &c.people[mn.who]
		if p.org || p.role != "" || mn.poss || d.toks[mn.tok].para > d.toks[b-1].para+1 || !strings.Contains(p.name, " ") && !d.afterHonorific(mn.tok) {
			continue // a person named in full or with an honorific ("Lord Woolf"): "Bredero shares fell" names a firm
		}
		// Named within the next two sentences, as the first name there
		// (sentences inside a quotation do not count: "…. They have no
		// evidence," said Ana Ruiz).
		if n := d.plainSentencesBetween(starts, s+1, mn.tok); n > 2 {
			continue
		}
		if !d.opensWithName(mn.tok) {
			continue
		}
		if c.roleless(mn.who) && c.genderAgrees(mn.who, desc) && c.firstOf(mn.who) == m && !c.topOfficeOfOther(d, mn.who, desc) {
			if strings.HasPrefix(desc, "the ") {
				if r := c.resolveTitle(desc, a); r >= 0 && r != mn.who {
					continue
				}
			}
			c.mentions[m].role = desc
			p.role = desc
		}
	}
}

// plainSentencesBetween counts the sentences from starts[from] that
// begin before token tok and do not open inside a quotation.
func (d *doc) plainSentencesBetween(starts []int, from, tok int) int {
	n := 0
	for s := from; s < len(starts) && starts[s] <= tok; s++ {
		if k := starts[s]; k < len(d.toks) && !d.toks[k].inQuote && !(d.toks[k].kind == mark && k+1 < len(d.toks) && d.toks[k+1].inQuote && d.toks[k].canOpen && !d.toks[k].canClose) {
			n++
		}
	}
	return n
}

// afterPlacePrep reports a name right after "in", "at", "from" …: most
// often a place or a body, not a person introduced.
func (d *doc) afterPlacePrep(tok int) bool {
	return tok > 0 && d.toks[tok-1].kind == word && has(placePreps, d.lower(tok-1))
}

// afterHonorific reports an honorific right before the name at token tok
// ("Lord Woolf", "Mr. Hale").
func (d *doc) afterHonorific(tok int) bool {
	k := tok - 1
	if k > 0 && d.isPunct(k, ".") {
		k--
	}
	return k >= 0 && d.honorificAt(k)
}

// roleless reports whether no mention of person p gives a role.
func (c *cast) roleless(p int) bool {
	for _, m := range c.mentions {
		if m.who == p && m.role != "" {
			return false
		}
	}
	return true
}

// firstOf returns the index of the first mention of person p.
func (c *cast) firstOf(p int) int {
	for k, m := range c.mentions {
		if m.who == p {
			return k
		}
	}
	return -1
}

// opensWithName reports whether the name at token tok is the first thing
// its sentence says, quotations and a title word aside ("Maria Dunlop
// was speaking …", "\"…,\" R. Okello said"): the subject, most often.
func (d *doc) opensWithName(tok int) bool {
	k := tok - 1
	for k >= 0 && !d.toks[k].sentEnd {
		t := d.toks[k]
		if t.kind == word && !t.inQuote && !d.honorificAt(k) && !(d.isPunct(k+1, ".") && d.honorificAt(k)) {
			return false
		}
		if t.kind == punct && !t.inQuote && !d.isPunct(k, ",") && !d.isPunct(k, ".") {
			return false
		}
		k--
	}
	return true
}

// personDescribedIn reads the sentence [a, b) for a person described,
// not named, as its subject ("Wales's health minister has told …", "An
// EU spokesman in Washington dismissed …") or as the speaker closing it
// ("…, the chairman of the state-run Coffee Board said."), and returns
// the description.
func (d *doc) personDescribedIn(a, b int) (string, bool) {
	for a < b && (d.toks[a].kind != word || has(introTrimCap, d.toks[a].low)) {
		if d.toks[a].kind == mark {
			return "", false
		}
		a++
	}
	if a >= b {
		return "", false
	}
	// A described subject opening the sentence.
	if x := a; describingDeterminer(d.lower(x)) || isPossessive(d.str(d.toks[x])) && d.toks[x].upper {
		if y, ok := d.describedRole(x, b); ok && d.predicateAt(y) {
			return descText(d, x, y), true
		}
	}
	// A described speaker closing it: ", the chairman of X said."
	e := b - 1
	for e > a && d.toks[e].kind == punct {
		e--
	}
	for e > a && (has(timeWords, d.lower(e)) || d.lower(e) == "on" || d.lower(e) == "last" || d.lower(e) == "today" || d.lower(e) == "yesterday") {
		e--
	}
	if e <= a || d.toks[e].kind != word || !has(plainSaid, d.lower(e)) {
		return "", false
	}
	k := e
	if d.isPunct(k-1, ",") {
		k-- // ", the chairman of the Board, CMB, said"
	}
	for {
		c := k - 1
		for c > a && !d.isPunct(c, ",") {
			c--
		}
		if c <= a {
			return "", false
		}
		// ", CMB, said": the body's initials set off inside the description.
		if k-c == 2 && isAcronym(d.str(d.toks[c+1])) {
			k = c
			continue
		}
		x := c + 1
		if x < k && describingDeterminer(d.lower(x)) {
			if y, ok := d.describedRole(x, e); ok && (y == k || y == e) {
				return descText(d, x, y), true
			}
		}
		return "", false
	}
}

// describingDeterminer opens a description that says who someone is by
// itself: "the", "a", "an"; not "its chief executive", whose owner the
// role would leave out.
func describingDeterminer(lw string) bool {
	return lw == "the" || lw == "a" || lw == "an"
}

// describedRole reads a description of a person from token x, ending
// before b: a determiner or an owner's possessive, modifiers, a role
// word, and perhaps its complement ("of the state-run Coffee Board, CMB",
// "for the outlawed organization", "in Washington"). It returns where
// the description ends.
func (d *doc) describedRole(x, b int) (int, bool) {
	h := -1
	k := x + 1
	for ; k < b && k < x+7; k++ {
		t := d.toks[k]
		if t.kind != word || t.inQuote {
			break
		}
		if isPossessive(d.str(t)) && isRole(stripPossessive(t.low)) {
			return 0, false // "the prime minister's office": the office, not the person
		}
		if !t.upper && isRole(t.low) {
			h = k
			if k+1 < b && d.toks[k+1].kind == word && !d.toks[k+1].upper && isRole(d.toks[k+1].low) {
				continue // "vice president", "campaign manager"
			}
			break
		}
		if !t.upper && (has(closedClass, t.low) && !has(roleModifiers, t.low) || looksVerbal(t.low)) {
			return 0, false
		}
	}
	if h < 0 || h+1 < b && d.toks[h+1].kind == word && isPossessive(d.str(d.toks[h+1])) {
		return 0, false // "the prime minister's office said": not the person
	}
	y := h + 1
	if y < b && d.toks[y].kind == word && has(titlePreps, d.lower(y)) && !d.toks[y].upper {
		// The complement: up to the verb, over a set-off acronym.
		m := y + 1
		for m < b && m < y+12 {
			t := d.toks[m]
			if d.isPunct(m, ",") && m+2 < b && isAcronym(d.str(d.toks[m+1])) && d.isPunct(m+2, ",") {
				m += 3
				continue
			}
			adjective := has(determiners, d.lower(m-1)) || strings.HasSuffix(t.low, "-run") // "the outlawed organization", "the state-run board"
			if t.kind != word || t.inQuote || !t.upper && (looksVerbal(t.low) && !adjective || has(speechVerbs, t.low) || has(cueFillers, t.low)) && !has(determiners, t.low) {
				break
			}
			m++
		}
		if m > y+1 {
			y = m
		}
	}
	return y, true
}

// descText is the description [x, y) as a role: a capitalised article
// opening the sentence is written small; a comma before it is dropped.
func descText(d *doc, x, y int) string {
	for y > x && d.toks[y-1].kind == punct {
		y--
	}
	s := d.text[d.toks[x].s:d.toks[y-1].e]
	switch {
	case strings.HasPrefix(s, "The "), strings.HasPrefix(s, "A "), strings.HasPrefix(s, "An "):
		s = strings.ToLower(s[:1]) + s[1:]
	}
	return trimRole(s)
}
