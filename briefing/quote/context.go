package quote

import (
	"sort"
	"strings"
)

// mergeContinuations joins quotations that the article presents as one:
// a split quotation around its cue ("A," she said, "B.") and quoted
// sentences or paragraphs that follow an attributed quotation with no
// words of narrative in between ("A," she said. "B." / next paragraph "C.").
func (d *doc) mergeContinuations(cands []cand, sent *sentIndex) {
	last := -1
	for i := range cands {
		cd := &cands[i]
		if cd.drop {
			continue
		}
		if last >= 0 {
			prev := &cands[last]
			if d.continues(prev, cd, sent) {
				prev.text = joinQuotations(prev.text, cd.text)
				prev.e = cd.e
				prev.sp.parts = append(prev.sp.parts, cd.sp.parts...)
				prev.close = cd.close
				prev.words += cd.words
				if cd.att.kind == cueAfter && prev.att.kind != cueAfter {
					prev.att = cd.att
				}
				cd.drop = true
				continue
			}
		}
		last = i
	}
}

// continues reports whether cd carries on the quotation prev.
func (d *doc) continues(prev, cd *cand, sent *sentIndex) bool {
	if prev.close < 0 || prev.att.kind == noCue || prev.partial {
		return false // a fragment inside reported speech is never joined to what follows
	}
	switch cd.att.kind {
	case cueBefore, cueFrame:
		// "A," she said, "B.": one cue serves both parts.
		return prev.att.kind == cueAfter && cd.att.verb == prev.att.verb
	case noCue:
		if cd.partial {
			return false
		}
	default:
		return false
	}
	if !d.opensUpper(cd.open) && cd.para == prev.para {
		return false
	}
	from := prev.close + 1
	if prev.att.kind == cueAfter && prev.att.end > from {
		from = prev.att.end
	}
	if cd.para > prev.para+1 {
		return false
	}
	// Only the rest of the cue's own sentence may stand in between.
	s0 := sent.of(prev.close)
	for k := from; k < cd.open; k++ {
		if d.toks[k].kind == word && !d.toks[k].inQuote && sent.of(k) != s0 {
			return false
		}
	}
	return true
}

// speakerOf fills the speaker and role of a quotation and says on what
// evidence.
func (d *doc) speakerOf(c *cast, sent *sentIndex, cd *cand, q *Quote, before *Quote) {
	w := cd.att.spk
	ev := Cue
	if cd.att.kind == noCue {
		if before != nil && before.Speaker != "" {
			q.Speaker, q.Role, q.Vague, q.Person, q.Described = before.Speaker, before.Role, before.Vague, before.Person, before.Described
			q.Evidence = Guess
			if before.Evidence != Guess && !d.otherNameBetween(c, before.Speaker, before.End, cd.open) {
				q.Evidence = Continued
			}
			return
		}
		w, ev = d.contextSpeaker(c, sent, cd)
	}
	if w.kind == described && w.vague {
		// "the Crown Prince", "the Chamber": the one person or body named
		// before with that title or name.
		if idx := c.resolveTitle(w.name, cd.open); idx >= 0 {
			w = c.namedAt(idx, cd.open)
		}
	}
	if w.kind == described && !w.vague && d.definitePerson(w) {
		// "the New Jersey Democrat said", "the U.S. Ambassador said": a
		// definite description of a person with a name in it may refer
		// back to someone the article named with that title.
		if idx := c.resolveTitle(w.name, cd.open); idx >= 0 && !c.people[idx].org {
			w = c.namedAt(idx, cd.open)
		} else if lw := stripPossessive(d.lower(w.end - 1)); has(partyMembers, lw) || has(namedOffices, lw) {
			// "the New Jersey Democrat", "the Utah senator" stand in for a
			// name; "the ABN economist" may introduce someone the article
			// never names.
			if idx := c.onlyPersonBefore(d, sent, cd.open, w.name); idx >= 0 {
				w = c.namedAt(idx, cd.open)
			} else {
				w.vague = true
			}
		}
	}
	if w.kind == described && !w.vague && w.tok >= 0 && w.end > w.tok && w.end <= len(d.toks) {
		// "the USX chairman said", "The Toyota executive said": a role
		// qualified by a body's name, for the one person the article gave
		// a role with that body in it.
		if idx := c.bodyRoleHolder(d, w.tok, w.end, cd.open); idx >= 0 {
			w = c.namedAt(idx, cd.open)
		}
	}
	if w.kind == described && !w.vague && w.tok >= 0 && w.end > w.tok && w.end <= len(d.toks) && d.lower(w.tok) == "the" && has(partyMembers, stripPossessive(d.lower(w.end-1))) {
		// "the Georgia Democrat" that the article's cast does not settle:
		// it points back to someone, and says not whom.
		w.vague = true
	}
	if w.kind == described && !w.vague && (d.definiteOffice(w) || d.barePlural(w) || d.bareTitle(w)) {
		// Not shown: "The Toyota executive said", "The Archbishop of
		// Canterbury said" (one office's holder, whom the rules above did
		// not settle to a name the article gives); "prosecutors said" (a
		// group, not one who spoke these words); "Group Economics Adviser
		// at Westbank said" (a title where its holder's name should be).
		w.vague = true
	}
	if w.guess {
		ev = Guess
	}
	switch w.kind {
	case named, described:
		q.Speaker, q.Role, q.Vague, q.Evidence = w.name, w.role, w.vague, ev
		given := w.kind == named && givenAndTitle(w.name, w.role)
		if w.person >= 0 && c.people[w.person].body() && !given {
			q.Role = "" // a body speaks for itself: "the official Kenya News Agency KNA"
		}
		q.Person = w.kind == named && (d.personName(c, w) || given) || w.kind == described && honorificFirst(w.name)
		q.Described = w.kind == described && !honorificFirst(w.name)
		if w.kind == named && !q.Person && (bodyRole(q.Role) || ownedByPronoun(q.Role)) || namesOthers(q.Role) {
			// "Marsh, the insurance firm": a body speaks for itself;
			// "Vantex, its chairman and another executive": a list of
			// the body's people after its name, no one's role.
			q.Role = ""
		}
	case pronoun:
		idx, near := -1, false
		if w.pron == "who" {
			idx = c.nearest(w.tok)
			near = idx >= 0
		} else {
			idx, near = c.resolve(d, w.tok, w.pron, sent)
		}
		if idx >= 0 {
			q.Speaker, q.Role = c.people[idx].name, c.roleNear(idx, w.tok)
			if c.people[idx].body() {
				q.Role = ""
			}
			q.Person = !c.people[idx].org && w.pron != "it" // a pronoun's person: "he" or "she" says so
			q.Evidence = Guess
			if near && ev == Cue {
				q.Evidence = Pronoun
			}
		}
	}
}

// otherNameBetween reports whether someone other than speaker is named
// outside quotations between byte offset from and token to.
func (d *doc) otherNameBetween(c *cast, speaker string, from, to int) bool {
	m := sort.Search(len(c.mentions), func(i int) bool { return d.toks[c.mentions[i].tok].s >= from })
	for ; m < len(c.mentions) && c.mentions[m].tok < to; m++ {
		if c.people[c.mentions[m].who].name != speaker {
			return true
		}
	}
	return false
}

// nearest returns the person named last before token i, or -1.
func (c *cast) nearest(i int) int {
	if lo := c.firstMentionFrom(i); lo > 0 {
		return c.mentions[lo-1].who
	}
	return -1
}

// firstMentionFrom returns the index of the first mention at token i or
// after it (len(c.mentions) if none); the mentions before it are those
// named before i.
func (c *cast) firstMentionFrom(i int) int {
	return sort.Search(len(c.mentions), func(m int) bool { return c.mentions[m].tok >= i })
}

// contextSpeaker finds the speaker of a quotation that has no cue: the
// person named in the sentence before it (when that sentence introduces
// it, or is in the same or the previous paragraph).
func (d *doc) contextSpeaker(c *cast, sent *sentIndex, cd *cand) (who, Evidence) {
	s := sent.of(cd.open)
	if s == 0 {
		return who{person: -1}, NoEvidence
	}
	prevStart := sent.start[s-1]
	prevEnd := sent.start[s] // exclusive
	if prevEnd <= prevStart || d.toks[prevStart].para < cd.para-1 {
		return who{person: -1}, NoEvidence
	}
	// "A banker close to the sale said "…"": the quotation's own sentence
	// gives it a speaker whose words were not read; the one named in the
	// sentence before is someone else.
	// A pronoun there ("He did not give details but said, "…"") points
	// back, and is read below.
	cueOwn, pron := false, false
	for k := sent.start[s]; k < cd.open; k++ {
		if d.toks[k].inQuote || d.toks[k].kind != word {
			continue
		}
		cueOwn = cueOwn || d.isCueVerb(k)
		pron = pron || has(pronouns, d.lower(k))
	}
	if cueOwn && !pron {
		return who{person: -1}, NoEvidence
	}
	// A speech cue in the previous sentence: "…, said Ana Ruiz, an
	// advocate." then the quotation.
	for k := prevStart; k < prevEnd; k++ {
		if d.toks[k].inQuote || !d.isCueVerb(k) {
			continue
		}
		// "…, said Ana Ruiz": the phrase after the verb speaks only when
		// the verb comes first in its clause, not in "Trump offered his
		// congratulations".
		inverted := k == prevStart || d.toks[k-1].kind == mark || d.isPunct(k-1, ",")
		if b := d.npAfter(k+1, d.clauseEnd(k+1)); inverted && b > k+1 {
			if w := d.phrase(c, k+1, b); w.kind == named || w.kind == described {
				return w, CueBefore
			}
		}
		if w := d.subjectBefore(c, prevStart, prevStart, k); w.kind != noSpeaker {
			if d.citedAs(prevStart, w.tok) {
				// "As Lord Marsh accepted, …": a clause that cites him,
				// not one that introduces what follows.
				continue
			}
			if w.kind == pronoun {
				return w, Guess
			}
			return w, CueBefore
		}
	}
	// The subject of the previous sentence, if it names a person.
	for k := prevStart; k < prevEnd; k++ {
		if d.toks[k].inQuote || !d.isCapWord(k) {
			if d.toks[k].kind == word && !d.toks[k].inQuote {
				switch d.lower(k) {
				case "he", "she", "they":
					if k == prevStart || k == prevStart+1 {
						if idx, _ := c.resolve(d, k, d.lower(k), sent); idx >= 0 {
							return who{kind: named, name: c.people[idx].name, role: c.people[idx].role, person: idx}, Guess
						}
					}
				}
			}
			continue
		}
		idx := c.mentionAt(k)
		if idx >= 0 {
			p := c.people[idx]
			return who{kind: named, name: p.name, role: p.role, person: idx}, Guess
		}
	}
	return who{person: -1}, NoEvidence
}

// citedAs reports a subject at token t (a title or honorific before it
// aside) that follows "as" ("As Lord Marsh accepted, …").
func (d *doc) citedAs(lo, t int) bool {
	k := t - 1
	for k >= lo && k > t-5 && d.toks[k].kind == word && d.toks[k].upper && d.lower(k) != "as" {
		k--
	}
	return k >= lo && d.toks[k].kind == word && d.lower(k) == "as"
}

// mentionAt returns the person mentioned by a name run containing token
// k, or -1.
func (c *cast) mentionAt(k int) int {
	lo := c.firstMentionFrom(k)
	// The mention token is the first word of the name, which may lie a
	// few tokens after k (after a title).
	if lo < len(c.mentions) && c.mentions[lo].tok-k <= 4 {
		return c.mentions[lo].who
	}
	return -1
}

// bodyRole reports a role that describes a body with a common noun, not
// a person's post or a body's name ("insurance firm", "a subsidiary of
// Kestrel Corp"; not "Discount Corp").
func bodyRole(role string) bool {
	fs := strings.Fields(role)
	if len(fs) == 0 {
		return false
	}
	if d := strings.ToLower(fs[0]); d == "a" || d == "an" || d == "the" {
		fs = fs[1:]
	}
	for i, f := range fs {
		if f == "of" || f == "at" || f == "for" {
			fs = fs[:i] // "a subsidiary of …": the head before the preposition
			break
		}
	}
	if len(fs) == 0 {
		return false
	}
	last := fs[len(fs)-1]
	if last != strings.ToLower(last) {
		return false // "Discount Corp": the body's name, an affiliation
	}
	return has(bodyKinds, last) || has(orgWords, last) || last == "subsidiary" || last == "unit" || last == "affiliate"
}

// honorificFirst reports a speaker written with an honorific before a
// name ("Mr Dean", where "Dean" also reads as a title).
func honorificFirst(name string) bool {
	fs := strings.Fields(name)
	if len(fs) < 2 {
		return false
	}
	_, ok := honorifics[strings.ToLower(strings.TrimSuffix(fs[0], "."))]
	return ok
}

// barePlural reports a description that is one plural noun for people
// and nothing else ("prosecutors", "Bankers", "Officials").
func (d *doc) barePlural(w who) bool {
	if w.tok < 0 || w.end != w.tok+1 || w.end > len(d.toks) || d.toks[w.tok].kind != word {
		return false
	}
	lw := d.lower(w.tok)
	return len(lw) > 3 && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !has(orgWords, lw) && !isAcronym(d.str(d.toks[w.tok]))
}

// bareTitle reports a description that is a title with no determiner
// and no name, headed by one person's role ("Group Economics Adviser at
// Westbank", "Windows product manager", "said head of research at
// Kettle Bank", "Ann Lee, chief economist at Kettle Bank, said" read
// without the name): the article names that person elsewhere, or the
// words are a heading. So is a long title read as one description with
// the name at its end ("visiting Chairman of Northern Motors Roger
// Smythe"): the person's role is not read apart from the name, and a
// brief shows a person's words only with one. Plurals ("Texaco sources",
// "Lawmakers", "analysts") and descriptions that open with a determiner
// are not bare titles.
func (d *doc) bareTitle(w who) bool {
	if w.tok < 0 || w.end <= w.tok || w.end > len(d.toks) || d.toks[w.tok].kind != word || has(determiners, d.lower(w.tok)) || honorificFirst(w.name) {
		return false
	}
	h, _ := d.descriptionHead(w.tok, w.end)
	if h < 0 || d.toks[h].kind != word {
		return false
	}
	lw := d.lower(h)
	return isRole(lw) && !strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "people") && !has(orgWords, lw)
}

// personName reports whether a named speaker is a person rather than a
// body: an honorific says so; the cast says so when it holds the name,
// for one word only with a gender seen for it; a name the cast does not
// hold (from a cue read apart, or the block layout) is a body when it is
// one word, a word of it names a kind of body or it is written in
// capitals ("USDA").
func (d *doc) personName(c *cast, w who) bool {
	if honorificFirst(w.name) {
		return true
	}
	fs := strings.Fields(w.name)
	if w.person >= 0 {
		p := &c.people[w.person]
		// One word with nothing that says person ("Monsanto",
		// "Rockwell"): as likely a firm as a surname.
		return !p.org && (len(fs) > 1 || p.votes[male]+p.votes[female] > 0 || d.namedInFull(w.name))
	}
	if len(fs) < 2 {
		return false
	}
	for _, f := range fs {
		if has(orgWords, strings.ToLower(f)) {
			return false
		}
	}
	return strings.ToUpper(w.name) != w.name
}

// namedInFull reports a one-word name that the article gives elsewhere as
// part of a person's full name: after a known given name ("Ola Berg"),
// or as the first of two capitalised words after a title ("Deputy
// Ministers Wang Dao and …"). Such a speaker is a surname, not a firm.
func (d *doc) namedInFull(name string) bool {
	lw := strings.ToLower(name)
	if has(orgWords, lw) || has(firmWords, lw) || has(bodyEndings, lw) {
		return false
	}
	for k := 1; k+1 < len(d.toks); k++ {
		t := d.toks[k]
		if t.kind != word || t.inQuote || t.low != lw || !t.upper || d.isTitleWord(k) {
			continue
		}
		// The name ends at the word (or at a suffix, "Jr", "III"): "Paul Mellon Family
		// Interests", "Willis Faber Plc" are bodies' names.
		ends := !d.isCapWord(k+1) || has(generationSuffixes, strings.TrimSuffix(d.lower(k+1), "."))
		if ends && d.isCapWord(k-1) && d.givenNameAt(k-1) && !d.isTitleWord(k-1) {
			return true // "Ola Berg"
		}
		if ends && k >= 2 && d.isPunct(k-1, ".") && d.toks[k-2].kind == word && d.toks[k-2].place == notPlace && personInitials(d.str(d.toks[k-2])) {
			// "R. T. Mahon, a lawyer for the airline,": initials and a
			// person's role after the name; "J.P. Morgan and Co",
			// "L.M. Ericsson of Sweden" are firms.
			if d.personNounAfter(k + 1) {
				return true
			}
		}
		if k+2 < len(d.toks) && d.isCapWord(k+1) && !d.isCapWord(k+2) && d.toks[k-1].kind == word && !isPossessive(d.str(d.toks[k-1])) && (isRole(d.lower(k-1)) || isRole(strings.TrimSuffix(d.lower(k-1), "s"))) {
			n := d.lower(k + 1)
			if !d.isTitleWord(k+1) && !has(orgWords, n) && !has(firmWords, n) && !has(bodyEndings, n) && d.toks[k+1].place == notPlace {
				return true // "Deputy Ministers Wang Dao and …"
			}
		}
	}
	return false
}

// body reports a speaker that is a body, named with a word for one
// ("Kenya News Agency KNA"), not a person with initials after the name
// ("Brian Monteith MSP").
func (p *person) body() bool {
	if !p.org {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(p.name)) {
		if has(orgWords, w) {
			return true
		}
	}
	return false
}

// definitePerson reports a description that opens with "the", names a
// place and is headed by a word for a person, not a body or a document
// ("the New Jersey Democrat", "the U.S. Ambassador"; not "the Treasury
// statement", "the Bank of England"). PolNeAR's gold keeps descriptions
// without a place ("the Republican nominee") as the speaker; they stay
// as they are.
func (d *doc) definitePerson(w who) bool {
	if w.tok < 0 || w.end <= w.tok || w.end > len(d.toks) || d.lower(w.tok) != "the" {
		return false
	}
	h, _ := d.descriptionHead(w.tok, w.end)
	if h < 0 || h != w.end-1 {
		return false
	}
	place := false
	for k := w.tok + 1; k < h; k++ {
		if d.toks[k].place != notPlace {
			place = true
		}
	}
	lw := stripPossessive(d.lower(h))
	if !place && has(partyMembers, lw) && h > w.tok+1 {
		// "the Nebarska Democrat": capitalised words before a party
		// member, none a title or a body, name where the member is from
		// (a place the gazetteer does not know, or misspelt).
		place = true
		for k := w.tok + 1; k < h; k++ {
			if !d.isCapWord(k) || d.isTitleWord(k) || has(orgWords, d.lower(k)) || isRole(d.lower(k)) {
				place = false
			}
		}
	}
	return place && (isRole(lw) || has(partyMembers, lw)) && !has(orgWords, lw) && !has(documentWords, lw)
}

// partyMembers are nouns for a member of a party, which name one person
// and never a body ("the Ohio Democrat").
var partyMembers = set("democrat republican tory conservative socialist liberal nationalist unionist")

// definiteOffice reports a definite description headed by one person's
// office ("the Toyota executive", "The Archbishop of Canterbury"), not by
// a noun for someone a story often leaves unnamed ("the Foreign Ministry
// spokesman", "the Shanghai official"), a group, a body or a document.
func (d *doc) definiteOffice(w who) bool {
	if w.tok < 0 || w.end <= w.tok || w.end > len(d.toks) || d.lower(w.tok) != "the" {
		return false
	}
	h, _ := d.descriptionHead(w.tok, w.end)
	if h < 0 || d.toks[h].kind != word {
		return false
	}
	if d.toks[h].upper && h == w.end-1 && d.placesOnly(w.tok+1, h) {
		return false // "the Scottish Executive": a body's name
	}
	lw := stripPossessive(d.lower(h))
	return isRole(lw) && !has(unnamedSpeakers, lw) && !strings.HasSuffix(lw, "s") && !has(orgWords, lw) && !has(documentWords, lw)
}

// placesOnly reports whether tokens [a, b) are one or more places or
// demonyms and nothing else.
func (d *doc) placesOnly(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if d.toks[k].kind == word && !d.isDemonym(k) {
			return false
		}
		n++
	}
	return n > 0 // "the Scottish Executive"; not "The Judge"
}

// unnamedSpeakers are nouns for people whom news stories often quote
// without a name: "the spokesman", "the official", "the source".
var unnamedSpeakers = set("spokesman spokeswoman spokesperson official source diplomat analyst economist",
	"dealer trader banker broker expert observer aide insider executive-level delegate")

// namedOffices are offices whose holder a news story names: after "the"
// and a place ("the Utah senator", "the U.S. Ambassador") they point back
// to someone named before, unlike "the Shanghai official".
var namedOffices = set("senator congressman congresswoman representative governor mayor ambassador envoy",
	"minister premier chancellor president chairman chairwoman commissioner")

// documentWords are what bodies speak through, not people.
var documentWords = set("statement report communique letter memo document newspaper paper radio agency")

// onlyPersonBefore returns the one person (not a body) named in the three
// sentences before token i, when there is exactly one and the
// description agrees with what is known of them; else -1.
func (c *cast) onlyPersonBefore(d *doc, sent *sentIndex, i int, desc string) int {
	s := sent.of(i)
	lo := 0
	if s >= 3 {
		lo = sent.start[s-3]
	}
	found := -1
	for k := c.firstMentionFrom(i) - 1; k >= 0 && c.mentions[k].tok >= lo; k-- {
		p := c.mentions[k].who
		if c.people[p].org {
			continue
		}
		if found >= 0 && found != p {
			return -1
		}
		found = p
	}
	if found >= 0 && !c.genderAgrees(found, desc) {
		return -1
	}
	return found
}

// bodyRoleHolder reads a definite description [x, y) made of "the", the
// capitalised name of a body ("USX", "K Mart", "Toyota") and a role noun
// ("chairman", "executive"), and returns the one person named before
// token i whose role in the article holds that body's name and that role
// noun; else -1. Party words, demonyms and places are no body's
// name here ("the Republican nominee" stays as written).
func (c *cast) bodyRoleHolder(d *doc, x, y, i int) int {
	if y-x < 3 || d.lower(x) != "the" || d.toks[y-1].kind != word || d.toks[y-1].upper || !isRole(d.lower(y-1)) {
		return -1
	}
	var body []string
	for k := x + 1; k < y-1; k++ {
		t := d.toks[k]
		if t.kind == punct && (d.isPunct(k, ".") || d.isPunct(k, "&")) {
			continue
		}
		if t.kind != word || !t.upper || has(roleModifiers, t.low) || t.place != notPlace || isRole(t.low) {
			return -1
		}
		body = append(body, t.low)
	}
	if len(body) == 0 {
		return -1
	}
	found := -1
	for k := c.firstMentionFrom(i) - 1; k >= 0; k-- {
		m := c.mentions[k]
		p := &c.people[m.who]
		if p.org {
			continue
		}
		hit := false
		for _, r := range []string{m.role, p.role} {
			if r == "" {
				continue
			}
			lr := " " + strings.ToLower(strings.NewReplacer(",", " ", "<", " ", ">", " ", "(", " ", ")", " ").Replace(r)) + " "
			all := true
			for _, b := range body {
				if !strings.Contains(lr, " "+b+" ") {
					all = false
				}
			}
			if all && strings.Contains(lr, " "+d.lower(y-1)+" ") {
				hit = true // the same role noun: "chairman" for "USX Corp chairman"
			}
		}
		if !hit {
			continue
		}
		if found >= 0 && found != m.who {
			return -1
		}
		found = m.who
	}
	return found
}

// namedAt is person idx of the cast as the speaker, with the role the
// article gives them nearest token at.
func (c *cast) namedAt(idx, at int) who {
	return who{kind: named, name: c.people[idx].name, role: c.roleNear(idx, at), person: idx}
}

// ownedByPronoun reports a role that opens with "its" or "their" ("its
// chairman and another executive"): beside a body's name it names the
// body's people, listed after it, not the body.
func ownedByPronoun(role string) bool {
	f := strings.Fields(strings.ToLower(role))
	return len(f) > 1 && (f[0] == "its" || f[0] == "their")
}

// namesOthers reports a role that joins two people with "and" ("its
// chairman and another executive", "the minister and his deputy"): a
// list, not one person's role.
func namesOthers(role string) bool {
	f := strings.Fields(strings.ToLower(role))
	for i := 1; i+1 < len(f); i++ {
		if f[i] == "and" {
			switch f[i+1] {
			case "another", "other", "its", "their", "his", "her":
				return true
			}
		}
	}
	return false
}

// personInitials reports a person's initials before a surname: one or
// two capital letters, joined by full stops ("T", "D.J"), not a country's
// ("U.S", "U.K", "U.N").
func personInitials(w string) bool {
	switch w {
	case "U.S", "U.K", "U.N", "E.U":
		return false
	}
	if t := strings.TrimSuffix(w, "."); len(t) == 1 {
		return t[0] >= 'A' && t[0] <= 'Z' // "T", "T."
	}
	return isInitials(w) && strings.Count(strings.TrimSuffix(w, "."), ".") == 1 // "D.J"
}

// personNounAfter reports a comma at token c followed, within three
// lower-case words, by a noun for a person ("…, a lawyer representing",
// "…, chief economist"): the name before it is a person's.
func (d *doc) personNounAfter(c int) bool {
	if !d.isPunct(c, ",") {
		return false
	}
	for k := c + 1; k < len(d.toks) && k <= c+3; k++ {
		t := d.toks[k]
		if t.kind != word || t.upper {
			return false
		}
		if isRole(t.low) || isSpeakerNoun(t.low) {
			return true
		}
	}
	return false
}

// givenAndTitle reports a two-word name that opens with a known given name,
// beside a role headed by a person's title ("Jim Press, vice president
// and chief operating officer of …"): a person, though the surname is a
// word bodies' names end in.
func givenAndTitle(name, role string) bool {
	fs := strings.Fields(name)
	if len(fs) != 2 || role == "" || bodyRole(role) {
		return false
	}
	if _, ok := givenNameGender(strings.ToLower(fs[0])); !ok {
		return false
	}
	h := strings.Fields(roleHead(role))
	if len(h) > 0 && (h[0] == "a" || h[0] == "an" || h[0] == "the") {
		h = h[1:]
	}
	for _, w := range h {
		if isRole(w) {
			return true
		}
	}
	return false
}

// addedBySame gives a quotation whose cue is "added" with a definite
// description of one person ("…," added the Danish-born researcher) to
// the named person quoted right before it, with the description as the
// role when the article gave none: "added" goes on with the same
// speaker, whom the description stands for.
func (d *doc) addedBySame(cd *cand, q, last *Quote) {
	if cd.att.kind != cueAfter || cd.att.verb < 0 || d.lower(cd.att.verb) != "added" || !q.Described && !q.Vague || !last.Person || last.Speaker == "" || last.Evidence == Guess {
		return
	}
	w := cd.att.spk
	if w.tok < 0 || w.end <= w.tok+1 || w.end > len(d.toks) || d.lower(w.tok) != "the" {
		return
	}
	h := d.lower(w.end - 1)
	if !isRole(h) && !isSpeakerNoun(h) || strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") {
		return
	}
	role := last.Role
	if role == "" {
		role = q.Speaker
	}
	q.Speaker, q.Role, q.Person, q.Described, q.Vague = last.Speaker, role, true, false, false
}
