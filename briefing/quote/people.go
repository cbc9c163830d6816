package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// person is someone (or an organisation) named in the article.
type person struct {
	name    string // the fullest form seen ("Fumio Kishida")
	role    string // the first role seen with the name
	last    string // lower-case last word of the name
	org     bool
	votes   [4]int // evidence for each gender
	evident bool   // a title, role or cue shows it is a person or body
	// givenVoted: the given name's gender has been counted.
	givenVoted bool
	// theBody: named after "the" ("the Pear Builders Network"), as bodies
	// are and people are not.
	theBody bool
}

func (p *person) gender() gender {
	if p.org {
		return plural
	}
	m, f := p.votes[male], p.votes[female]
	switch {
	case m > f:
		return male
	case f > m:
		return female
	}
	return unknownGender
}

// mention is one place a person is named, outside quotations, with the
// role the text gives them there ("" when none).
type mention struct {
	tok  int
	who  int
	role string
	poss bool // a possessive ("Baker's statements"), rarely the one who speaks next
}

// cast is the set of people an article names, in order of mention.
type cast struct {
	pending  []mention // speakers found while reading cues, merged by settle
	people   []person
	byLast   map[string]int // the person last registered with a last name
	byFirst  map[string]int
	byFull   map[string]int // people by full name
	mentions []mention
}

func newCast() *cast {
	return &cast{byLast: map[string]int{}, byFirst: map[string]int{}, byFull: map[string]int{}}
}

// register records a person for a name run and returns its index, or -1
// when the run holds no name.
func (c *cast) register(d *doc, r nameRun, evident bool) int {
	name := d.nameText(r)
	if name == "" {
		return -1
	}
	words := strings.Fields(name)
	core := nameCore(words) // "James Robinson III": the surname is "Robinson"
	last := strings.ToLower(core[len(core)-1])
	first := strings.ToLower(words[0])
	for _, w := range core[:len(core)-1] {
		if _, ok := honorifics[strings.ToLower(w)]; !ok {
			first = strings.ToLower(w) // "Sheikh Ali al-Sabah", later "Ali"
			break
		}
	}
	idx := -1
	if i, ok := c.byFull[strings.ToLower(name)]; ok && len(words) > 1 {
		idx = i // "Frank Fiorina" again, after "Carly Fiorina"
	} else if i, ok := c.byLast[last]; ok {
		idx = i
	} else if len(words) == 1 {
		if i, ok := c.byFirst[first]; ok && !c.people[i].org && !c.people[i].theBody {
			idx = i // "Ali" after "Sheikh Ali al-Sabah"; never "Pear" for "Pear Developer Network"
		} else if i := c.misspelt(last); i >= 0 {
			idx = i // "Mr Marvoic" after "Lena Marovic": the article's slip
		}
	}
	if idx >= 0 {
		p := &c.people[idx]
		// A longer form of the same name wins ("Ruiz" -> "Ana Ruiz").
		if g, ok := givenNameGender(strings.ToLower(words[0])); ok && len(words) > 1 && g != unknownGender && p.gender() != unknownGender && p.gender() != g && !p.org {
			idx = -1 // "Maria Lindqvist" after "President Lindqvist" (he): another person
		} else if cn := strings.Join(core, " "); len(words) > 1 && len(name) > len(p.name) && strings.HasSuffix(strings.ToLower(cn), strings.ToLower(p.name)) {
			p.name = name
		} else if len(words) > 1 && !strings.EqualFold(name, p.name) && !strings.HasSuffix(strings.ToLower(p.name), strings.ToLower(name)) && !strings.HasSuffix(strings.ToLower(strings.Join(nameCore(strings.Fields(p.name)), " ")), strings.ToLower(cn)) {
			// A different person with the same last name.
			idx = -1
		}
	}
	if idx < 0 {
		c.people = append(c.people, person{name: name, last: last, org: r.org})
		idx = len(c.people) - 1
		if len(words) > 1 {
			c.byFull[strings.ToLower(name)] = idx
		}
		c.byLast[last] = idx
		if len(words) > 1 {
			if _, ok := c.byFirst[first]; !ok {
				c.byFirst[first] = idx
			}
		}
	}
	p := &c.people[idx]
	if evident {
		p.evident = true
	}
	if len(words) > 2 && r.a > 0 && d.toks[r.a-1].kind == word && d.lower(r.a-1) == "the" {
		p.theBody = true
	}
	if r.hasHonor && r.honorific != unknownGender {
		p.votes[r.honorific] += 5
	}
	if role := d.roleText(r); role != "" {
		if p.role == "" {
			p.role = role
		}
		p.voteRole(role)
	}
	if r.nameA < r.b && !p.givenVoted {
		// The given name's statistics count once; what the text says
		// (titles, roles, pronouns) counts at every mention.
		if g, ok := givenNameGender(d.lower(r.nameA)); ok && r.b-r.nameA > 1 {
			p.votes[g] += 2
			p.givenVoted = true
		}
	}
	return idx
}

// nameCore is a name's words without the generational suffix that
// closes it ("Jr.", "Sr", "III"), when a given name and a surname stand
// before it: "James Robinson III" is "Robinson" at a later mention.
func nameCore(words []string) []string {
	if len(words) < 3 {
		return words
	}
	if has(generationSuffixes, strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))) {
		return words[:len(words)-1]
	}
	return words
}

// generationSuffixes close a person's name after the surname.
var generationSuffixes = set("jr sr ii iii iv")

// misspelt returns the one person named before whose last name is lw
// with two neighbouring letters swapped ("marvoic" for "marovic"), the
// commonest slip in typing a name, or -1. Short names are left alone:
// two different people's names of five letters or fewer differ so too
// often.
func (c *cast) misspelt(lw string) int {
	if len(lw) < 6 {
		return -1
	}
	found := -1
	for i := range c.people {
		p := &c.people[i]
		if p.org || len(p.last) != len(lw) || p.last == lw || !swapOf(p.last, lw) || !strings.Contains(p.name, " ") {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// swapOf reports whether b is a with exactly two neighbouring letters
// swapped.
func swapOf(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func (p *person) voteRole(role string) {
	for w := range strings.FieldsSeq(role) {
		w = strings.Trim(w, ",.")
		if strings.ContainsFunc(w, unicode.IsUpper) {
			w = strings.ToLower(w)
		}
		if g, ok := genderedWords[w]; ok {
			p.votes[g] += 5
		}
	}
}

// collect finds the people the article names outside quotations and
// records each mention.
func (c *cast) collect(d *doc) {
	type pending struct {
		r   nameRun
		tok int
		// title: a lone word that is also a title word ("White",
		// "King"); it names only a person already named in full.
		title bool
	}
	var weak []pending
	for pi := range d.paras {
		p := d.paras[pi]
		if p.heading {
			continue
		}
		for i := p.t0; i < p.t1; i++ {
			if d.toks[i].inQuote || !d.isCapWord(i) {
				continue
			}
			r := d.runAt(i, p.t1)
			if r.b <= i {
				continue
			}
			i = r.b - 1
			if r.nameA >= r.b {
				if d.loneTitleSurname(r) {
					// "Edna White, analyst with …", then "said White":
					// a surname that is also a title word, read as the
					// person's only when that person is named in full.
					weak = append(weak, pending{r: nameRun{a: r.a, b: r.b, nameA: r.a, roleA: r.a}, tok: r.a, title: true})
				}
				continue
			}
			if d.allPlace(r.nameA, r.b) || d.nounAsName(r.nameA, r.b) || d.onlyWords(r.nameA, r.b, firmWords) || d.shouted(r.nameA, r.b) {
				continue // "Japan", "Peking": places, never people; "A U.S. Banker"; "GmbH"
			}
			if r.nameA == r.a && r.a > 0 && d.lower(r.a-1) == "the" && d.onlyWords(r.nameA, r.b, pointingBodies) {
				continue // "the Bank said": the body named before, not a name
			}
			n, ab := r.b-r.nameA, r.b
			if n > 2 && has(generationSuffixes, d.lower(r.b-1)) {
				n-- // "James P. Kennedy Jr": the suffix makes no body of the name
				if d.isPunct(ab, ".") && ab+1 < len(d.toks) && d.isPunct(ab+1, ",") {
					ab++ // "Jr., the U.S. attorney,": the appositive after the suffix's dot
				}
			}
			evident := r.titleSeen || r.org && n <= 4 || (r.givenFound && n >= 2 && n <= 4) || d.speechAfter(r.b) && !d.strayOpener(r) || d.speechBefore(r.a) ||
				n >= 2 && n <= 4 && (d.appositiveRole(ab, n >= 2) != "" || d.afterRoleComma(r.a))
			if n > 4 && !(r.org && n <= 7) {
				continue // a long body's name: "States of Malaya Chamber of Mines"
			}
			if evident {
				if who := c.register(d, r, true); who >= 0 {
					role := d.roleText(r)
					if app := d.appositiveRole(ab, r.b-r.nameA >= 2); app != "" && (role == "" || strings.HasPrefix(app, role) || courtesyTitle(role)) {
						role = app
					}
					if role == "" {
						role = d.roleBeforeComma(r.a)
						if role != "" && r.b < len(d.toks) && d.toks[r.b].kind == word && d.prepObjectBefore(r.a, role) {
							// "after the arrest of a former senator, Harris
							// said": the title is the object of a
							// preposition in the clause before, someone
							// else's; "her defence minister, George
							// Yeoman, said" sets the name off on both sides.
							role = ""
						}
					}
					if r.b-r.nameA >= 2 && !r.org && (role == "" || r.roleA < r.nameA && !strings.ContainsAny(role[1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
						// "Neale Goldston-Morris of Sydney broker <Bain and Co Ltd> said";
						// "Retail analyst Mark Tully of Dresdner Bank": the body
						// completes the title.
						if prep, body, ok := d.affiliationAfter(r.b, d.affiliationEnd(r.b)); ok {
							role = withAffiliation(role, prep, body)
						} else if body, ok := d.employerAfter(r.b, d.affiliationEnd(r.b)); ok && role != "" && isSpeakerNoun(strings.ToLower(lastWord(role))) {
							role = withAffiliation(role, "of", body) // "Aviation analyst Nick Brul of BNP Paribas"
						}
					}
					if role != "" {
						p := &c.people[who]
						if p.role == "" {
							p.role = role
						}
						p.voteRole(role)
					}
					c.mentions = append(c.mentions, mention{tok: r.nameA, who: who, role: role, poss: isPossessive(d.str(d.toks[r.b-1]))})
					c.pronounVote(d, who, r.b)
				}
				continue
			}
			weak = append(weak, pending{r: r, tok: r.nameA})
		}
	}
	// Second pass: bare surnames and names of people seen elsewhere.
	defer c.describedBefore(d)
	defer c.describedSubjects(d)
	if len(weak) == 0 {
		return
	}
	var extra []mention
	for _, w := range weak {
		name := d.nameText(w.r)
		words := strings.Fields(name)
		last := strings.ToLower(words[len(words)-1])
		idx, ok := c.byLast[last]
		if w.title && !ok {
			continue // never a given name: "King" is no "King Fahd"
		}
		if !ok && len(words) == 1 {
			idx, ok = c.byFirst[last]
		}
		if ok && len(words) == 1 {
			// "Fiorina" means the Fiorina named last before it, not a
			// husband named further on.
			for k, n := c.firstMentionFrom(w.tok)-1, 0; k >= 0 && n < 200; k, n = k-1, n+1 {
				if p := c.mentions[k].who; c.people[p].last == last && !c.people[p].org {
					idx = p
					break
				}
			}
		}
		if !ok || !c.people[idx].evident || w.title && (c.people[idx].org || len(strings.Fields(c.people[idx].name)) < 2) {
			continue
		}
		if p := &c.people[idx]; len(words) > 1 && !p.org && len(name) > len(p.name) && strings.HasSuffix(strings.ToLower(name), " "+strings.ToLower(p.name)) && givenOrInitials(strings.Fields(strings.TrimSuffix(name, p.name))) {
			p.name = name // "T. Boone Pickens" named in full before "Pickens said"
		}
		extra = append(extra, mention{tok: w.tok, who: idx, poss: isPossessive(d.str(d.toks[w.r.b-1]))})
	}
	c.mentions = mergeMentions(c.mentions, extra)
}

// givenOrInitials reports words that are all initials ("T.") or known
// given names, so that they complete a surname ("T. Boone" before
// "Pickens"), unlike a title or a description ("Broker", "Houston-based").
func givenOrInitials(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z' {
			continue
		}
		if _, ok := givenNameGender(strings.ToLower(w)); !ok {
			return false
		}
	}
	return true
}

// describedSubjects finds sentences that open with a definite
// description of a person as their subject right after a sentence whose
// subject is a person ("Michael Howard has launched an attack on …. The
// Tory leader said …"): the description stands for that person, and is
// their role in the article's words.
func (c *cast) describedSubjects(d *doc) {
	var extra []mention
	prev, start := -1, 0
	for i := range d.toks {
		if !d.toks[i].sentEnd {
			continue
		}
		if prev >= 0 && d.toks[start].para <= d.toks[prev].para+1 {
			if x, y, ok := d.describedSubjectAt(start, i+1); ok {
				if p, ok := c.subjectOf(d, prev, start); ok && !c.topOfficeOfOther(d, p, d.text[d.toks[x].s:d.toks[y-1].e]) && c.personLike(d, p) {
					role := d.text[d.toks[x+1].s:d.toks[y-1].e]
					if c.genderAgrees(p, role) {
						if r := c.resolveTitle(d.text[d.toks[x].s:d.toks[y-1].e], x); r < 0 || r == p {
							extra = append(extra, mention{tok: x, who: p, role: role})
						}
					}
				}
			}
		}
		prev, start = start, i+1
	}
	if len(extra) > 0 {
		c.mentions = mergeMentions(c.mentions, extra)
	}
}

// personLike reports whether p is named somewhere in full or with an
// honorific ("Michael Howard", "Mr Blunkett"), not only by one word that
// may be a firm's ("Standard said").
func (c *cast) personLike(d *doc, p int) bool {
	if strings.Contains(c.people[p].name, " ") {
		return true
	}
	for _, m := range c.mentions {
		if m.who == p && d.afterHonorific(m.tok) {
			return true
		}
	}
	return false
}

// topOfficeOfOther reports a description of a country's top office
// ("the prime minister", "the president") when the article names another
// person whom the gazetteer knows to hold such an office at its date
// ("Mr Blunkett was joined by Tony Blair …. The prime minister said"):
// the description is that person's, not p's.
func (c *cast) topOfficeOfOther(d *doc, p int, desc string) bool {
	f := strings.Fields(strings.ToLower(desc))
	top := false
	for _, w := range f {
		if has(topOffices, w) {
			top = true
		}
	}
	if !top {
		return false
	}
	for _, m := range c.mentions {
		if m.who != p && m.tok < len(d.toks) && d.toks[m.tok].leader {
			return true
		}
	}
	return false
}

// topOffices head the titles of the holders of a country's top offices.
var topOffices = set("president premier prime chancellor king queen emperor")

// subjectOf returns the person named as the subject of the sentence that
// starts at token a (and ends before b): the first person named, with at
// most a title before the name.
func (c *cast) subjectOf(d *doc, a, b int) (int, bool) {
	m := c.firstMentionFrom(a)
	if m >= len(c.mentions) || c.mentions[m].tok >= b || c.mentions[m].poss {
		return -1, false
	}
	p := c.mentions[m].who
	if c.people[p].org {
		return -1, false
	}
	s := d.skipIntro(a, c.mentions[m].tok)
	for k := s; k < c.mentions[m].tok; k++ {
		t := d.toks[k]
		if t.kind == word && !t.upper && !d.isTitleWord(k) && !has(determiners, t.low) {
			return -1, false
		}
	}
	return p, true
}

// genderAgrees reports whether a role's gendered words ("spokeswoman")
// agree with what is known of person p.
func (c *cast) genderAgrees(p int, role string) bool {
	g := c.people[p].gender()
	if g == unknownGender {
		return true
	}
	for w := range strings.FieldsSeq(strings.ToLower(role)) {
		if rg, ok := genderedWords[w]; ok && rg != g {
			return false
		}
	}
	return true
}

// appositiveRole reads a role set off by commas right after a name
// ("Chris Hale, platinum marketing director for Harrow Metals, said",
// "Ana Ruiz, a spokeswoman for the ministry, said"), or "".
func (d *doc) appositiveRole(b int, fullName bool) string {
	if !d.isPunct(b, ",") || b+1 >= len(d.toks) || d.toks[b+1].para != d.toks[b].para {
		return ""
	}
	end := d.clauseEnd(b + 1)
	e := d.nextComma(b+1, end)
	cop := b + 2 // the token after "who" and its copula ("is", "will be")
	if b+2 < len(d.toks) && d.lower(b+1) == "who" {
		switch d.lower(b + 2) {
		case "is", "was", "remains", "becomes", "became":
			cop = b + 3
		case "will", "would", "has", "had":
			if b+3 < len(d.toks) && (d.lower(b+3) == "be" || d.lower(b+3) == "been") {
				cop = b + 4
			}
		}
	}
	if cop > b+2 && cop < len(d.toks) && has(determiners, d.lower(cop)) {
		// "Baroness Royd, who was the first woman to be Speaker, said":
		// a relative clause that only says what the person is.
		for k := cop + 1; k < len(d.toks) && k < cop+15 && d.toks[k].para == d.toks[b].para && !d.toks[k].inQuote; k++ {
			if d.isPunct(k, ",") {
				return d.appositiveRoleIn(cop, k)
			}
			if d.toks[k].kind != word {
				break
			}
		}
		return ""
	}
	if cop > b+2 && cop < len(d.toks) {
		// "Ed Lane, who is chairman of the accounts committee,", "Ana
		// Ruiz, who is also Mexico's chief debt negotiator.", "Roger
		// Hemming, who will be chairman of the new company,": a title
		// without an article, closed by a comma or the sentence's end.
		x := cop
		if d.lower(x) == "also" {
			x++
		}
		if x < len(d.toks) && d.toks[x].kind == word && (!d.toks[x].upper && isRole(d.lower(x)) || has(roleModifiers, d.lower(x)) && !d.toks[x].upper || isPossessive(d.str(d.toks[x])) && d.toks[x].upper) {
			for k := x + 1; k < len(d.toks) && k < x+14 && d.toks[k].para == d.toks[b].para && !d.toks[k].inQuote; k++ {
				if d.isPunct(k, ",") || k == end {
					if d.roleHeaded(x, k) && !d.verbalIn(x, k) {
						return d.appositiveRoleIn(x, k)
					}
					return ""
				}
			}
		}
		return ""
	}
	// The appositive ends at its closing comma or at the speech verb; in
	// the second case the name must be a full one: in "… in the Gulf, a
	// senior official said" the description is the subject, not an
	// appositive.
	for k := b + 1; k < e; k++ {
		if k > b+2 && (d.spacedHyphen(k) || d.isPunct(k, "—") || d.isPunct(k, "–")) {
			e = k // "chief executive of Wippit - a peer to peer service which …"
			break
		}
		if d.toks[k].kind == word && !d.toks[k].upper && has(appositiveEnders, d.lower(k)) && k > b+2 {
			e = k // "an assistant U.S. trade representative just back from …"
			break
		}
		if fullName && k > b+2 && d.presentVerbAfterName(k) {
			e = k // "Ann Simpson, marketing manager at Snappy Prints believes the …"
			break
		}
		if d.isCueVerb(k) || d.toks[k].kind == word && !d.toks[k].upper && has(finiteAux, d.lower(k)) {
			// "Jarek Kujda, one of the project's founding members has been …"
			if !fullName {
				return ""
			}
			e = k
			break
		}
	}
	x := b + 1
	if x+1 < e && d.toks[x].kind == word && d.lower(x) == "also" {
		x++ // "Ivan Horvat, also a Deputy Prime Minister, said"
	}
	if fullName && d.isPunct(e, ",") {
		// "Christopher Brougham, regional manager, rescheduling unit, at
		// Lloyds Bank Plc, said": segments without a verb up to the cue.
		k := e
		fe := -1      // the end of a firm's name cut by the comma: "Smith Barney, Harris Upham and Co."
		names := true // the segments after the first comma so far are capitalised words only ("Tabak" of "Miller, Tabak, Hirsch and Co.")
		for n := 0; n < 3; n++ {
			m := d.nextComma(k+1, end)
			if names && fe < 0 && m <= end && d.toks[e-1].kind == word && d.toks[e-1].upper && d.firmTail(k+1, m) && (m < end || n > 0 && d.isPunct(m, ".")) {
				fe = m
			}
			names = names && m-k-1 >= 1 && m-k-1 <= 2 && d.capsOnly(k+1, m)
			if m >= end && m > k+2 && m-x <= 16 {
				// "chief economist of Schroeder, Munchmeyer, Hengst
				// Investment GmbH said": the firm's name runs on to the
				// cue verb, with no comma before it.
				for c := k + 2; c < end && c < k+8; c++ {
					if d.isCueVerb(c) {
						if d.plainSegment(k+1, c) && d.firmTail(k+1, c) && d.appositiveRoleIn(x, e) != "" {
							return trimRole(d.text[d.toks[x].s:d.toks[c-1].e])
						}
						break
					}
				}
			}
			if m == k+1 || m-x > 16 || !d.plainSegment(k+1, m) {
				break
			}
			if d.lower(k+1) == "in" && !d.toks[k+1].upper && (d.lower(k+2) == "a" || d.lower(k+2) == "an") && m+1 < end && d.isCueVerb(m+1) {
				// "chairman of the bank, in a letter to staff, said": how
				// the words came, not the person's role.
				return d.appositiveRoleIn(x, e)
			}
			if m >= end && n == 0 && d.isPunct(m, ".") && d.listTail(k+1, m) && d.hasWord(x, e, "of") != d.hasWord(x, e, "for") {
				// "director of European parts, service and logistics.":
				// the complement of the title is a list; the role ends
				// with the list, at the sentence's end.
				if d.appositiveRoleIn(x, e) != "" {
					return trimRole(d.text[d.toks[x].s:d.toks[m-1].e])
				}
				break
			}
			if m >= end {
				// "a native of San Diego, California.": a place's state or country
				if m-k-1 <= 2 && d.toks[k+1].upper && d.appositiveRoleIn(x, e) != "" {
					return trimRole(d.text[d.toks[x].s:d.toks[m-1].e])
				}
				break
			}
			if m+1 < end && d.isCueVerb(m+1) {
				if d.appositiveRoleIn(x, e) != "" {
					return trimRole(d.text[d.toks[x].s:d.toks[m-1].e])
				}
				break
			}
			k = m
		}
		if fe > 0 && d.appositiveRoleIn(x, e) != "" {
			return trimRole(d.text[d.toks[x].s:d.toks[fe-1].e])
		}
	}
	if e-x > 3 && d.isPunct(e-1, ")") {
		// "president of the Brazilian Association of Citrus Juice
		// Industries (Abrassuco),": the body's initials close it.
		m := e - 2
		for m > x && e-m < 6 && !d.isPunct(m, "(") {
			m--
		}
		if d.isPunct(m, "(") {
			if role := d.appositiveRoleIn(x, m); role != "" {
				return trimRole(d.text[d.toks[x].s:d.toks[e-1].e])
			}
			if d.lower(x) != "of" && d.lower(x) != "from" {
				return ""
			} // "from the Consumer Gadget Association (CGA)": an affiliation, below
		}
	}
	if role := d.appositiveRoleIn(x, e); role != "" {
		if t := d.quotedTitleAt(e); t > e && e == end {
			// "author of the EF Hutton publication "Global Crop
			// News," said": the title the role names is part of it.
			return d.text[d.toks[x].s:d.toks[t].e]
		}
		return role
	}
	if e-x > 14 && d.isPunct(e, ",") {
		// "campaign manager of a group lobbying to keep the old line from
		// Dunmore to the coast open,": too long to show whole; the title
		// before a complement that only sketches the body ("of a group").
		for k := x + 1; k+1 < e && k < x+5; k++ {
			if d.toks[k].kind == word && !d.toks[k].upper && has(titlePreps, d.lower(k)) {
				if lw := d.lower(k + 1); (lw == "a" || lw == "an") && !d.toks[k+1].upper {
					return d.appositiveRoleIn(x, k)
				}
				break
			}
		}
	}
	if d.toks[x].kind == word && (d.lower(x) == "of" || d.lower(x) == "from") && (d.isPunct(e, ",") || e == end && d.isPunct(e, ".") || fullName && e < end && d.isCueVerb(e)) {
		// "Lennart Jans, of the Volvo board, said", "…," said Ola Berg,
		// of Eastfield Young Conservatives.", "Ana Ruiz, from the
		// Consumer Gadget Association (CGA) told": the body is the
		// affiliation; a place ("of Torfaen") is not.
		if _, _, ok := d.affiliationAfter(x, e); ok {
			return trimRole(d.text[d.toks[x].s:d.toks[e-1].e]) // "of the Volvo board", as the article sets it off
		}
	}
	// "a research director at Gartner and someone who has followed …":
	// the role before an "and" that opens another description.
	for k := x + 2; k+1 < e; k++ {
		if d.toks[k].kind == word && d.lower(k) == "and" && (has(determiners, d.lower(k+1)) || has(indefinitePeople, d.lower(k+1))) {
			return d.appositiveRoleIn(x, k)
		}
		if d.toks[k].kind == word && d.lower(k) == "and" && has(determiners, d.lower(x)) && !d.verbalIn(x, k) && d.appositiveRoleIn(k+1, e) != "" {
			// "a dietitian and Director of Consumer Affairs for the
			// council": a description and a title, both the person's.
			return trimRole(d.text[d.toks[x].s:d.toks[e-1].e])
		}
	}
	return ""
}

// capsOnly reports whether tokens [a, b) are all capitalised words.
func (d *doc) capsOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind != word || !d.toks[k].upper {
			return false
		}
	}
	return a < b
}

// presentVerbAfterName reports a lower-case verb at token k right after a
// capitalised word, with "that" or a determiner after it ("Snappy Prints
// believes the …", "Kestrel thinks that …"): the appositive before it
// has ended and the sentence's verb begun.
func (d *doc) presentVerbAfterName(k int) bool {
	if k+1 >= len(d.toks) || d.toks[k].kind != word || d.toks[k].upper || d.toks[k-1].kind != word || !d.toks[k-1].upper || isPossessive(d.str(d.toks[k-1])) {
		return false
	}
	lw := d.lower(k)
	if !has(speechVerbs, lw) && !has(frameVerbs, lw) && !(strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && len(lw) > 3) {
		return false
	}
	next := d.lower(k + 1)
	return next == "that" || has(determiners, next) && !d.toks[k+1].upper
}

// quotedTitleAt returns the closing mark of a short title in quotation
// marks opening at token k ("Global Crop News,"), capitalised words
// only, followed by a speech verb or a comma, or -1.
func (d *doc) quotedTitleAt(k int) int {
	if k >= len(d.toks) || d.toks[k].kind != mark || !d.toks[k].canOpen {
		return -1
	}
	words := 0
	for j := k + 1; j < len(d.toks) && j < k+10; j++ {
		t := d.toks[j]
		switch {
		case t.kind == mark:
			if j+1 < len(d.toks) && words > 0 && (d.isCueVerb(j+1) || d.isPunct(j+1, ",")) {
				return j
			}
			return -1
		case t.kind == word:
			if !t.upper && !has(titleSmallWords, t.low) {
				return -1
			}
			words++
		case !d.isPunct(j, ",") && !d.isPunct(j, "."):
			return -1
		}
	}
	return -1
}

// indefinitePeople open a description of someone by what they did
// ("someone who has followed the firm").
var indefinitePeople = set("someone somebody anyone one")

// plainSegment reports whether tokens [a, b) are words of a noun phrase
// or an affiliation: no verb, no relative pronoun, no number alone.
func (d *doc) plainSegment(a, b int) bool {
	if b-a > 8 || d.toks[a].kind != word || isRelative(d.lower(a)) || has(pronouns, d.lower(a)) || has(determiners, d.lower(a)) || b-a == 1 && isNumber(d.str(d.toks[a])) {
		return false
	}
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind == mark || t.kind == punct && !d.isPunct(k, "<") && !d.isPunct(k, ">") && !d.isPunct(k, ".") && !d.isPunct(k, "&") {
			return false
		}
		if t.kind == word && !t.upper && (looksVerbal(d.lower(k)) || d.isCueVerb(k)) {
			return false
		}
	}
	return true
}

// appositiveRoleIn reads tokens [x, e) as a role in apposition, or "".
func (d *doc) appositiveRoleIn(x, e int) string {
	if e-x > 2 && d.isPunct(e-1, ">") && d.toks[e-2].kind == word {
		// "a spokesman for <Unzan Mine Co>": the wire's mark closes it
		if d.appositiveRoleIn(x, e-1) == "" {
			return ""
		}
		return trimRole(d.text[d.toks[x].s:d.toks[e-1].e])
	}
	if e-x < 1 || e-x > 14 || d.toks[x].kind != word || has(pronouns, d.lower(x)) || isRelative(d.lower(x)) {
		return ""
	}
	if !d.goodDescription(x, e) || d.vagueDescription(x, e) && !d.roleHeaded(x, e) && !d.startsDescription(x) {
		return ""
	}
	if h, _ := d.descriptionHead(x, e); (h < 0 || !isRole(d.lower(h)) && !isSpeakerNoun(d.lower(h))) && !isRole(d.lower(e-1)) && !isSpeakerNoun(d.lower(e-1)) {
		return "" // neither "a spokesman for the ministry" nor "a QC and law professor"
	}
	return trimRole(d.text[d.toks[x].s:d.toks[e-1].e])
}

// afterRoleComma reports whether a comma and a noun for a person stand
// right before token a ("Her counterpart, Hiroshi Tanaka,").
func (d *doc) afterRoleComma(a int) bool {
	return a >= 2 && d.isPunct(a-1, ",") && d.toks[a-2].kind == word && !d.toks[a-2].upper && (isRole(d.lower(a-2)) || isSpeakerNoun(d.lower(a-2)))
}

// roleBeforeComma reads a title set before a name with a comma ("her
// defence minister, George Yeoman"), without its determiner, or "".
func (d *doc) roleBeforeComma(a int) string {
	if a < 2 || !d.isPunct(a-1, ",") || d.toks[a-2].kind != word {
		return ""
	}
	if !isRole(d.lower(a - 2)) {
		// "Secretary of State for the Economy, Guillermo De la Dehesa,":
		// a formal title opening the sentence.
		k := a - 2
		for k > 0 && a-k < 10 && d.toks[k-1].kind == word && d.toks[k-1].para == d.toks[a].para && !d.toks[k-1].sentEnd && !d.toks[k-1].inQuote &&
			(d.toks[k-1].upper && !has(closedClass, d.lower(k-1)) || has(titleJoiners, d.lower(k-1))) {
			k--
		}
		if (k == 0 || d.toks[k-1].sentEnd || d.toks[k-1].para != d.toks[a].para) && d.toks[k].upper && isRole(d.lower(k)) && d.toks[a-2].upper {
			return d.text[d.toks[k].s:d.toks[a-2].e]
		}
		return d.headedRoleBeforeComma(a)
	}
	ra := d.titleBefore(a - 1)
	opens := ra < a-2 && (ra == 0 || d.toks[ra-1].sentEnd || d.toks[ra-1].para != d.toks[a].para) && d.toks[ra].upper
	if !opens && (ra >= a-1 || ra == 0 || d.toks[ra-1].kind != word || !has(determiners, d.lower(ra-1))) {
		// only after a determiner ("her defence minister,") or opening the
		// sentence with more than the role word ("Energy and mines
		// minister,", "Peru's president,")
		return d.headedRoleBeforeComma(a)
	}
	return d.text[d.toks[ra].s:d.toks[a-2].e]
}

// headedRoleBeforeComma reads a role with its complement set before a
// name with a comma, after a determiner ("the head of ECGD's
// international debt division, Gerry Breach,"), or "".
func (d *doc) headedRoleBeforeComma(a int) string {
	for k := a - 2; k > 0 && a-k < 12; k-- {
		t := d.toks[k-1]
		if t.kind != word || t.sentEnd || t.inQuote || t.para != d.toks[a].para {
			return ""
		}
		if has(determiners, d.lower(k-1)) && !t.upper || d.lower(k-1) == "the" {
			if isRole(d.lower(k)) && d.roleHeaded(k, a-1) && !d.verbalIn(k, a-1) {
				return d.text[d.toks[k].s:d.toks[a-2].e]
			}
			// "The BBC's correspondent in Jakarta, Ana Ruiz,", "the
			// political department head at the ministry, Ana Ruiz,": an
			// owner or plain qualifiers before the role word.
			h := k
			for h < a-2 && h-k < 4 && d.toks[h].kind == word && !isRole(d.lower(h)) &&
				(isPossessive(d.str(d.toks[h])) || !d.toks[h].upper && !has(closedClass, d.lower(h)) && !looksVerbal(d.lower(h))) {
				h++
			}
			if h > k && isRole(d.lower(h)) && (d.roleHeaded(h, a-1) || h == a-2) && !d.verbalIn(h, a-1) {
				return d.text[d.toks[k].s:d.toks[a-2].e]
			}
			return ""
		}
	}
	return ""
}

// appositiveEnders end a role in apposition: what follows is about the
// person, not the role ("just back from talks", "who …").
var appositiveEnders = set("just who which whose currently recently now")

// finiteAux are verbs that end a subject's appositive ("…, one of the
// founding members has been …").
var finiteAux = set("is was are were has had have will would")

// titleJoiners stand between the capitalised words of a formal title.
var titleJoiners = set("of for the and")

// resolveTitle finds the one person or body named before token i whom a
// definite description stands for: "the Crown Prince" for the person
// named with the role "Saudi Arabia's Crown Prince", "the Chamber" for
// "the States of Malaya Chamber of Mines". It returns -1 when nobody, or
// more than one, fits.
func (c *cast) resolveTitle(desc string, i int) int {
	f := strings.Fields(strings.ToLower(desc))
	if len(f) < 2 || f[0] != "the" {
		return -1
	}
	t := strings.Join(f[1:], " ")
	found := -1
	for k := c.firstMentionFrom(i) - 1; k >= 0; k-- {
		m := c.mentions[k]
		p := &c.people[m.who]
		hit := endsWithWords(roleHead(m.role), t) || endsWithWords(roleHead(p.role), t) ||
			p.org && containsWords(strings.ToLower(p.name), t) && has(orgWords, f[len(f)-1])
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

// roleHead is a role without what follows its head noun, lower-cased:
// "president" of "President of the Lisbon Council", "wife" of "wife of
// the president".
func roleHead(role string) string {
	r := strings.ToLower(role)
	for _, sep := range []string{" of ", " for ", " at ", " with ", " in ", " to ", ","} {
		if i := strings.Index(r, sep); i >= 0 {
			r = r[:i]
		}
	}
	return strings.TrimSpace(r)
}

// endsWithWords reports whether s ends with the words t.
func endsWithWords(s, t string) bool {
	return s != "" && (s == t || strings.HasSuffix(s, " "+t))
}

// containsWords reports whether s holds the words t.
func containsWords(s, t string) bool {
	return s == t || strings.HasPrefix(s, t+" ") || strings.HasSuffix(s, " "+t) || strings.Contains(s, " "+t+" ")
}

// roleNear returns the role the text gives person who at the mention
// nearest before token i (else the nearest after it), or the first role
// seen.
func (c *cast) roleNear(who, i int) string {
	lo := c.firstMentionFrom(i)
	for k := lo - 1; k >= 0; k-- {
		if m := c.mentions[k]; m.who == who && m.role != "" {
			return m.role
		}
	}
	for k := lo; k < len(c.mentions); k++ {
		if m := c.mentions[k]; m.who == who && m.role != "" {
			return m.role
		}
	}
	return c.people[who].role
}

func mergeMentions(a, b []mention) []mention {
	out := make([]mention, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i].tok <= b[j].tok {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// loneTitleSurname reports a run of one capitalised word that is a title
// word ("White", "King", "Green"), not after a determiner or a
// capitalised word, with a speech verb right before or after it ("said
// White", "King said"): the place of a speaker's surname, not of a
// title, which stands before a name.
func (d *doc) loneTitleSurname(r nameRun) bool {
	if r.b-r.a != 1 || d.toks[r.a].kind != word || !d.toks[r.a].upper || d.isDemonym(r.a) || isAcronym(d.str(d.toks[r.a])) {
		return false
	}
	if k := r.a - 1; k >= 0 && d.toks[k].kind == word && d.toks[k].para == d.toks[r.a].para && (d.toks[k].upper || has(determiners, d.lower(k))) {
		return false
	}
	return d.speechBefore(r.a) || d.speechAfter(r.b)
}

// speechAfter reports whether a speech verb follows token i closely
// ("Smith said", "Smith, a spokesman, said").
func (d *doc) speechAfter(i int) bool {
	for k := i; k < len(d.toks) && k < i+3; k++ {
		t := d.toks[k]
		if t.kind != word {
			if d.isPunct(k, ",") && k == i {
				// appositive: ", a spokesman for X, said" or ", 53, said"
				if k+1 < len(d.toks) && d.toks[k+1].kind == word && (has(determiners, d.lower(k+1)) || isRole(d.lower(k+1)) || d.isCueVerb(k+1)) {
					return true // ", a spokesman for X, said", ", said"
				}
			}
			return false
		}
		lw := d.lower(k)
		if has(speechVerbs, lw) {
			return true
		}
		if !has(cueFillers, lw) {
			return false
		}
	}
	return false
}

// strayOpener reports a one-word run that opens its sentence, where any
// word is capitalised, and that the text never capitalises elsewhere
// ("Management has stated"), or is followed by a verb that is a speech
// verb only at times ("Work will begin on Monday"): no evidence of a
// person. "Kohl said" still is, when "Chancellor Kohl" or "…, Kohl
// added" stands elsewhere.
func (d *doc) strayOpener(r nameRun) bool {
	if r.b-r.nameA != 1 || r.nameA != r.a || !d.opensSentence(r.a) {
		return false
	}
	if lw := d.lower(r.a); !d.capitalisedMidSentence(lw) && !isAcronym(d.str(d.toks[r.a])) && !(r.b < len(d.toks) && has(plainSaid, d.lower(r.b))) {
		if _, given := givenNameGender(lw); !given {
			return true // "Management has repeatedly stated": capitalised only where any word is
		}
	}
	return d.weakOpener(r)
}

// weakOpener reports a one-word run opening its sentence before a verb
// that is a speech verb only at times ("Work will begin", "Consumer
// demand rose").
func (d *doc) weakOpener(r nameRun) bool {
	if r.b-r.nameA != 1 || r.nameA != r.a || !d.opensSentence(r.a) {
		return false
	}
	for k := r.b; k < len(d.toks) && k < r.b+3; k++ {
		if d.toks[k].kind != word {
			return false
		}
		if lw := d.lower(k); has(speechVerbs, lw) {
			return has(nounish, lw) || has(weakSpeech, lw)
		}
	}
	return false
}

// plainSaid are the verbs of "McLenney said", which make the word
// before them a speaker wherever it stands.
var plainSaid = set("said says told tells added adds")

// weakSpeech are speech verbs that more often say something else
// ("Work will begin", "Prices continued to fall").
var weakSpeech = set("begin began continue continues continued agree agreed remember remembered wonder wondered state states")

// opensSentence reports whether token k is the first of its sentence.
func (d *doc) opensSentence(k int) bool {
	return k == 0 || d.toks[k-1].sentEnd || d.toks[k-1].para != d.toks[k].para
}

// pronounVote looks at the rest of the sentence after a name for a
// personal pronoun and counts it as gender evidence ("Ruiz said she").
func (c *cast) pronounVote(d *doc, who, from int) {
	p := d.toks[from-1].para
	for k := from; k < len(d.toks) && k < from+12; k++ {
		t := d.toks[k]
		if t.para != p || t.kind == mark || t.inQuote {
			return
		}
		if t.kind == punct && (d.text[t.s:t.e] == "." || d.text[t.s:t.e] == ";") {
			// "Ana Ruiz spoke first. She said …": a sentence that opens
			// with a pronoun goes on about the person just named.
			if t.sentEnd && k+1 < len(d.toks) && d.toks[k+1].para == p && c.firstPersonOfSentence(d, who, from) {
				switch {
				case d.sentenceOpensWith(k+1, "he"):
					c.people[who].votes[male]++
				case d.sentenceOpensWith(k+1, "she"):
					c.people[who].votes[female]++
				}
			}
			return
		}
		if t.kind != word {
			continue
		}
		if t.upper && d.isCapWord(k) {
			return // another name: no longer clear whom the pronoun means
		}
		switch d.lower(k) {
		case "he", "his", "him", "himself":
			c.people[who].votes[male]++
			return
		case "she", "her", "hers", "herself":
			c.people[who].votes[female]++
			return
		}
	}
}

// firstPersonOfSentence reports whether person who, named just before
// token from, is the first person named in that sentence (its subject,
// most often): no other name run stands between the sentence start and
// the name.
func (c *cast) firstPersonOfSentence(d *doc, who, from int) bool {
	k := from - 1
	for k > 0 && !d.toks[k-1].sentEnd && d.toks[k-1].para == d.toks[from-1].para {
		k--
	}
	m := c.firstMentionFrom(k)
	return m < len(c.mentions) && c.mentions[m].who == who
}

// resolve finds the person a pronoun at token i stands for: the first
// fitting person named in the nearest sentence before it (the subject of
// that sentence wins over later names), skipping quotations. It returns
// -1 when nobody fits. near reports evidence close by: the person is
// named in the pronoun's sentence or the one before (sentences that open
// with the same pronoun, going on about the same person, do not count),
// agrees with the pronoun in number and gender, and is the only such
// person there.
func (c *cast) resolve(d *doc, i int, pron string, sent *sentIndex) (idx int, near bool) {
	sentOf := sent.of
	want := unknownGender
	switch pron {
	case "he", "him", "his":
		want = male
	case "she", "her", "hers":
		want = female
	case "they", "them", "their", "it", "its", "which":
		want = plural
	case "i", "we", "you":
		return -1, false
	}
	lo := c.firstMentionFrom(i)
	best, bestSent, bestExact, bestPoss, bestTok := -1, -1, false, false, -1
	exactPeople := 0 // distinct people of the right gender in bestSent
	var seen []int
	speaking, speakers := -1, 0 // the fitting person who is the subject of a speech verb there
	steps := 0
	skipSent, modSent := -1, -1
	for k := lo - 1; k >= 0 && steps < 400; k-- {
		steps++
		m := c.mentions[k]
		s := sentOf(m.tok)
		if bestSent >= 0 && s != bestSent {
			break
		}
		if s == skipSent {
			continue
		}
		if s != sentOf(i) && bestSent < 0 && d.opensWithPronoun(m.tok, pron) {
			// "He had protested Berg's plan …": the sentence goes on about the
			// same person, and its names are not that person.
			skipSent = s
			continue
		}
		if m.tok > 0 && d.toks[m.tok-1].kind == word && has(tellVerbs, d.lower(m.tok-1)) {
			// "A spokesman told Ana Ruiz …": the one told is not the one
			// who goes on speaking.
			continue
		}
		if s == sentOf(i) && m.tok < i && d.frontedObject(m.tok, i) {
			// "Asked about the fall of party chief Wu Tao, he said": a person
			// named inside the clause that opens the sentence, as the object
			// of a preposition, is not the one the pronoun after it means.
			continue
		}
		if modSent >= 0 && s != modSent && best < 0 {
			// The sentence before names its subject in words the cast
			// does not hold ("Nintendo has said that the NTSC edition
			// …"): a body named further back is not the one.
			break
		}
		if want == plural && d.modifierAt(m.tok) {
			// "the NTSC edition of the game": a name that only modifies a
			// noun is not what "it" stands for.
			modSent = s
			continue
		}
		p := &c.people[m.who]
		g := p.gender()
		fits := false
		exact := false
		switch want {
		case plural:
			fits = p.org
			exact = fits
		case male, female:
			fits = !p.org && (g == want || g == unknownGender)
			exact = g == want
		default:
			fits = !p.org
		}
		if !fits {
			continue
		}
		if !slicesContains(seen, m.who) {
			seen = append(seen, m.who)
			if exact || want == unknownGender {
				exactPeople++
			}
		}
		if exact && d.speaksAt(m.tok) && speaking != m.who {
			speaking = m.who
			speakers++
		}
		// Within one sentence the earliest fitting name wins, but a name
		// of the right gender beats one of unknown gender.
		if best < 0 || exact || !bestExact {
			if !(bestExact && !exact) {
				best, bestSent, bestExact, bestPoss, bestTok = m.who, s, exact, m.poss, m.tok
			}
		}
	}
	if best < 0 {
		return -1, false
	}
	if speakers == 1 && len(seen) > 1 {
		// "After talks with President Waller, Mr Benning said …",
		// "Trump's misinformation may be strategic, said Jeffery
		// Hemsley": of the people in the sentence, the one who speaks.
		best, exactPeople, seen = speaking, 1, []int{speaking}
		bestExact, bestPoss = true, false
	}
	// "Bill hurled the kitchen sink at Sanders. But the former president
	// showed restraint. "…," he said.": a sentence between whose subject
	// is a person described, not named, may be the one the pronoun
	// means; unless the description points back to the same person,
	// nobody is given.
	if want == male || want == female {
		for s := bestSent + 1; s < sentOf(i); s++ {
			if desc, ok := d.describedSubject(sent.start[s], sent.start[s+1]); ok && c.resolveTitle(desc, sent.start[s]) != best {
				return -1, false
			}
		}
	}
	// Sentences between that open with the same pronoun go on about the
	// same person: "Smith spoke. He said X. "Y," he said."
	chain := 0
	for s := bestSent + 1; s < sentOf(i); s++ {
		if d.sentenceOpensWith(sent.start[s], pron) {
			chain++
		}
	}
	if d.unnamedSubjectBefore(c, sent.start[bestSent], bestTok, d.speaksAt(bestTok) || d.speechBefore(bestTok)) {
		// "Trump went after Bush, calling him …. He says …": the subject
		// the article names but the cast does not know may be the one.
		return best, false
	}
	// Agreeing: the right gender, or no gender known and nobody else
	// fitting there.
	agrees := bestExact && exactPeople == 1 || c.people[best].gender() == unknownGender && exactPeople == 0
	near = agrees && !bestPoss && len(seen) == 1 && sentOf(i)-bestSent-chain <= 1
	if near && bestSent != sentOf(i) {
		// "It is clear that he won't stand in Ruiz's way": the same
		// pronoun before the name there stands for someone else; so does
		// one after it when the person named does not speak ("At a
		// conference hosted by Gordon Brown, he said …").
		speaks := d.speechAfter(d.runAt(bestTok, len(d.toks)).b)
		for k := sent.start[bestSent]; k < sent.start[bestSent+1] && k < i; k++ {
			if k != bestTok && d.toks[k].kind == word && !d.toks[k].inQuote && d.toks[k].low == pron && (k < bestTok || !speaks) {
				near = false
				break
			}
		}
	}
	return best, near
}

// employerAfter reads "of" and capitalised words, no place, closing at
// end ("of BNP Paribas"): after an analyst's or an economist's name, the
// firm they work for.
func (d *doc) employerAfter(k, end int) (string, bool) {
	if k+1 >= end || d.toks[k].kind != word || d.lower(k) != "of" || end-k > 5 {
		return "", false
	}
	for j := k + 1; j < end; j++ {
		if !d.isCapWord(j) {
			return "", false
		}
	}
	if d.allPlace(k+1, end) {
		return "", false
	}
	return d.text[d.toks[k+1].s:d.toks[end-1].e], true
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// speaksAt reports whether the person named at token tok is the one who
// speaks in that clause: a finite speech verb after the name ("Ruiz
// said"), not a participle ("Ruiz claiming …"), or an inverted cue before
// it (", argued Mr Ruiz").
func (d *doc) speaksAt(tok int) bool {
	b := d.runAt(tok, len(d.toks)).b
	if d.speechAfter(b) {
		for k := b; k < len(d.toks) && k < b+3; k++ {
			if d.toks[k].kind == word && has(speechVerbs, d.lower(k)) {
				return !strings.HasSuffix(d.lower(k), "ing")
			}
		}
		return true
	}
	for j := tok - 1; j >= 1 && j >= tok-3; j-- {
		t := d.toks[j]
		if t.kind != word || t.para != d.toks[tok].para {
			return false
		}
		if !t.upper && has(speechVerbs, d.lower(j)) {
			return d.isPunct(j-1, ",")
		}
		if !d.honorificAt(j) && !d.isTitleWord(j) {
			return false
		}
	}
	return false
}

// frontedObject reports whether the name at token tok stands, with its
// title, right after a preposition inside a clause that opens the
// sentence and ends with a comma right before the pronoun at token i.
func (d *doc) frontedObject(tok, i int) bool {
	if i < 1 || !d.isPunct(i-1, ",") {
		return false
	}
	for k := tok; k < i-1; k++ {
		if d.toks[k].kind == mark || d.toks[k].inQuote || d.toks[k].sentEnd {
			return false
		}
	}
	a := d.titleBefore(tok)
	for a > 0 && d.toks[a-1].kind == word && has(determiners, d.lower(a-1)) {
		a--
	}
	if a == 0 || d.toks[a-1].kind != word || d.toks[a-1].upper {
		return false
	}
	return has(titlePreps, d.lower(a-1)) || has(adjunctPreps, d.lower(a-1))
}

// adjunctPreps open a phrase about someone rather than by them.
var adjunctPreps = set("about after against before over under between towards toward than")

// unnamedSubjectBefore reports whether the sentence starting at token a
// opens, before token tok, with a capitalised word that is no person the
// cast knows, no place and no intro word, followed by what reads as its
// verb: a subject the pronoun may mean.
//
// When the person found speaks there ("…, observed Jack Boorman"), a
// capitalised word that the text never capitalises elsewhere is only a
// sentence's first word ("Real losses have been suffered").
func (d *doc) unnamedSubjectBefore(c *cast, a, tok int, speaks bool) bool {
	a = d.skipIntro(a, tok)
	for k := a; k < tok; k++ {
		t := d.toks[k]
		if t.kind != word || t.inQuote {
			continue
		}
		if !d.isCapWord(k) {
			return false
		}
		r := d.runAt(k, tok)
		if r.b >= tok || r.nameA >= r.b || d.allPlace(r.nameA, r.b) || c.mentionAt(r.nameA) >= 0 || d.weakOpener(r) || speaks && d.strayOpener(r) {
			return false // "Consumer demand rose": no person
		}
		n := d.toks[r.b]
		return n.kind == word && !n.upper && !has(closedClass, n.low) && !isRole(n.low) && !has(roleModifiers, n.low) && !isPossessive(d.str(d.toks[r.b-1]))
	}
	return false
}

// describedSubject reads a sentence [a, b) that opens with a definite
// description of a person as its subject ("But the former president
// showed …") and returns the description.
func (d *doc) describedSubject(a, b int) (string, bool) {
	x, y, ok := d.describedSubjectAt(a, b)
	if !ok {
		return "", false
	}
	return d.text[d.toks[x].s:d.toks[y-1].e], true
}

// describedSubjectAt is describedSubject's token range, from "the" to the
// role word.
func (d *doc) describedSubjectAt(a, b int) (int, int, bool) {
	k := a
	for k < b && (d.toks[k].kind != word || has(introTrimCap, d.toks[k].low)) {
		if d.toks[k].kind == mark {
			return 0, 0, false
		}
		k++
	}
	if k >= b || d.toks[k].low != "the" || d.toks[k].inQuote {
		return 0, 0, false
	}
	plain := true // only title words so far: "the prime minister"
	for m := k + 1; m < b && m < k+6; m++ {
		t := d.toks[m]
		if t.kind != word {
			return 0, 0, false
		}
		if isRole(t.low) && !t.upper || t.low == "man" || t.low == "woman" {
			if m+1 < b && d.toks[m+1].kind == word && !d.toks[m+1].upper && isRole(d.toks[m+1].low) && has(roleModifiers, t.low) {
				continue // "the prime minister", "the vice president": the head comes last
			}
			if m+1 < b && d.toks[m+1].kind == word && !d.toks[m+1].upper && (d.predicateAt(m+1) || plain && looksVerbal(d.toks[m+1].low)) {
				return k, m + 1, true // "The Tory leader said", "The prime minister was speaking"
			}
			return 0, 0, false
		}
		if !has(roleModifiers, t.low) && t.upper {
			return 0, 0, false
		}
		if !t.upper && !has(roleModifiers, t.low) {
			plain = false // "The statement said ministers had …"
		}
	}
	return 0, 0, false
}

func slicesContains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// speechBefore reports whether a speech verb stands right before token i
// ("said Smith").
func (d *doc) speechBefore(i int) bool {
	k := i - 1
	if k < 0 || d.toks[k].kind != word || d.toks[k].upper || d.toks[k].para != d.toks[i].para {
		return false
	}
	return has(speechVerbs, d.lower(k))
}

// settle merges the mentions found while reading cues into the sorted
// list of mentions.
func (c *cast) settle() {
	if len(c.pending) == 0 {
		return
	}
	sort.Slice(c.pending, func(i, j int) bool { return c.pending[i].tok < c.pending[j].tok })
	merged := mergeMentions(c.mentions, c.pending)
	out := merged[:0]
	for i, m := range merged {
		if i > 0 && m.tok == out[len(out)-1].tok {
			continue
		}
		out = append(out, m)
	}
	c.mentions = out
	c.pending = c.pending[:0]
}

// opensWithPronoun reports whether the sentence holding token i starts
// with the personal pronoun pron (he, she).
func (d *doc) opensWithPronoun(i int, pron string) bool {
	if pron != "he" && pron != "she" {
		return false
	}
	p := d.paras[d.toks[i].para]
	k := i
	for k > p.t0 && !d.toks[k-1].sentEnd {
		k--
	}
	for k < i && (d.toks[k].kind != word || has(introTrimCap, d.toks[k].low)) {
		k++
	}
	return k < i && d.toks[k].low == pron
}

// sentenceOpensWith reports whether the sentence starting at token k opens
// with the personal pronoun pron ("He added …", "But she said …").
func (d *doc) sentenceOpensWith(k int, pron string) bool {
	if pron != "he" && pron != "she" {
		return false
	}
	for k < len(d.toks) && (d.toks[k].kind != word || has(introTrimCap, d.toks[k].low)) {
		if d.toks[k].sentEnd {
			return false
		}
		k++
	}
	return k < len(d.toks) && d.toks[k].low == pron
}

// listTail reports whether tokens [a, b) close a list with "and": a few
// lower-case words, "and" between them ("service and logistics",
// "digital radio and archives").
func (d *doc) listTail(a, b int) bool {
	if b-a < 3 || b-a > 5 || d.lower(a) == "and" || d.lower(b-1) == "and" {
		return false
	}
	ands := 0
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind != word || t.upper || t.inQuote || has(closedClass, t.low) && t.low != "and" || looksVerbal(t.low) && !strings.HasSuffix(t.low, "ing") {
			return false
		}
		if t.low == "and" {
			ands++
		}
	}
	return ands == 1
}

// modifierAt reports a one-word name at token k between an article and a
// lower-case noun ("the NTSC edition", "a Sony console"): it modifies the
// noun and names no one who speaks.
func (d *doc) modifierAt(k int) bool {
	if k < 1 || k+1 >= len(d.toks) || d.toks[k-1].kind != word || d.toks[k+1].kind != word {
		return false
	}
	if lw := d.lower(k - 1); lw != "the" && lw != "a" && lw != "an" {
		return false
	}
	n := d.toks[k+1]
	return !n.upper && !n.inQuote && !has(closedClass, n.low) && !looksVerbal(n.low) && !d.isCueVerb(k+1) && !isRole(n.low) && !isSpeakerNoun(n.low)
}

// prepObjectBefore reports a role read before the name at token a (and
// its comma) that stands, with its determiner, right after a preposition
// ("of a former city official, Harris said").
func (d *doc) prepObjectBefore(a int, role string) bool {
	if a < 2 {
		return false
	}
	end := d.toks[a-2].e
	k := a - 2
	for k > 0 && d.toks[k].s > end-len(role) {
		k--
	}
	if d.toks[k].s != end-len(role) {
		return false
	}
	for n := 0; n < 2 && k > 0; n++ {
		k--
		t := d.toks[k]
		if t.kind != word || t.upper {
			return false
		}
		if has(determiners, t.low) {
			continue
		}
		// "According to its Paris lawyer, Ana Ruiz of …": the cue's
		// own speaker.
		return has(rolePreps, t.low) && !(t.low == "to" && k > 0 && d.lower(k-1) == "according")
	}
	return false
}

// rolePreps open a phrase whose object is no subject's appositive.
var rolePreps = set("of for to with by from at in on against after about before over under")
