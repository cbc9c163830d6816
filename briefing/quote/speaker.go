package quote

import "strings"

// whoKind says how a speaker is given in the text.
type whoKind uint8

const (
	noSpeaker whoKind = iota
	named             // a name ("Fumio Kishida")
	described         // a description ("a White House spokesman")
	pronoun           // a pronoun, to be resolved
)

// who is a speaker as read from a noun phrase.
type who struct {
	kind   whoKind
	name   string // name or description
	role   string
	pron   string // the pronoun, for kind == pronoun
	tok    int    // token of the head, for pronoun resolution
	person int    // index in the cast, or -1
	vague  bool   // a description that only points back ("the official")
	end    int    // the token after a description
	guess  bool   // read from further away than the cue's own clause
}

// segment is a comma-separated stretch of a noun phrase.
type segment struct{ a, b int }

// phrase reads the noun phrase in tokens [a, b) as a speaker. The phrase
// may hold an appositive ("Giorgia Meloni, Italy's prime minister") and
// coordinated names ("Admiral A, chief of staff, and Admiral B").
func (d *doc) phrase(c *cast, a, b int) who {
	// "Asked about its plans a spokesman said": a fronted clause opened by
	// "Asked", with no comma, before a description of the speaker.
	if d.toks[a].kind == word && d.toks[a].upper && d.lower(a) == "asked" && b-a > 3 {
		for j := b - 2; j > a+1; j-- {
			if d.toks[j].kind != word || d.isPunct(j, ",") {
				break
			}
			if has(determiners, d.lower(j)) && !d.toks[j].upper && d.roleHeaded(j, b) && !d.verbalIn(j, b) {
				a = j
				break
			}
		}
	}
	// Trim fillers and punctuation at both ends.
	for a < b && (d.toks[a].kind != word || has(introTrim, d.lower(a)) || has(clauseBreakers, d.lower(a)) || d.toks[a].upper && has(introWords, d.lower(a)) && !has(determiners, d.lower(a)) ||
		a+1 < b && (has(timeWords, d.lower(a)) || has(months, d.lower(a))) && d.toks[a+1].kind == word) {
		a++ // "On Wednesday Irish Transport Minister Martin Cullen said"
	}
	for b > a && (d.toks[b-1].kind != word || has(cueFillers, d.lower(b-1)) || d.tickerSuffix(b-1)) {
		if d.isPunct(b-1, ">") || d.tickerSuffix(b-1) {
			// "Hong Kong Land Co Ltd <HKLD.HK>": the ticker after a name.
			k := b - 1
			for k > a && !d.isPunct(k, "<") && b-k < 6 {
				k--
			}
			if d.isPunct(k, "<") && k > a && d.toks[k-1].kind == word && d.toks[k-1].upper && d.onlyTicker(k+1, b) {
				b = k
				continue
			}
		}
		if d.isPunct(b-1, ")") {
			// Drop a trailing parenthesis: "Hale (D-Ohio)".
			k := b - 1
			for k > a && !d.isPunct(k, "(") {
				k--
			}
			b = k
			continue
		}
		b--
	}
	if a >= b || d.placesJoined(a, b) {
		return who{person: -1} // "Italy and Canada have agreed": places, no speaker
	}
	if b-a <= 3 && partyTag(d.text[d.toks[a].s:d.toks[b-1].e]) {
		return who{person: -1} // "(R-Texas)": the party and state of the one named before
	}
	// "Commenting on the country's debt Fernandez said", "Leaving a
	// Brussels summit Mr Blair said": a participle clause before the name,
	// with no comma, is no part of the speaker.
	if d.toks[a].kind == word && d.toks[a].upper && len(d.lower(a)) > 5 && strings.HasSuffix(d.lower(a), "ing") && !has(closedClass, d.lower(a)) {
		k := b
		for k > a+1 && (d.isCapWord(k-1) || d.honorificAt(k-1) || d.isPunct(k-1, ".") && k-2 > a && d.toks[k-2].upper) {
			k--
		}
		if k < b && k > a+1 && d.toks[k-1].kind == word && !d.toks[k-1].upper && !d.onlyPunct(a, b) {
			comma := false
			for j := a; j < k; j++ {
				if d.isPunct(j, ",") {
					comma = true
				}
			}
			if !comma && !d.verbalIn(a+1, k) {
				a = k // not "Acting CFTC Chairman Kalo Hineman said CFTC"
			}
		}
	}
	// "Du Plessis in disclosing the agreement said": what the speaker was
	// doing is no part of the name.
	for k := a + 1; k+1 < b; k++ {
		if d.toks[k].kind == word && !d.toks[k].upper && has(gerundPreps, d.lower(k)) && d.toks[k+1].kind == word && !d.toks[k+1].upper && strings.HasSuffix(d.lower(k+1), "ing") && d.toks[k-1].kind == word && d.toks[k-1].upper {
			b = k
			break
		}
	}
	// "said Bolster of the state's drilling activity": what the name
	// spoke of is no part of it.
	for k := a + 1; k+2 < b; k++ {
		if d.lower(k) == "of" && d.isCapWord(k-1) && !d.isTitleWord(k-1) && !has(orgWords, d.lower(k-1)) && d.topicAfter(k+1, b) {
			b = k
			break
		}
	}
	if b-a == 1 {
		lw := d.lower(a)
		if has(pronouns, lw) {
			return who{kind: pronoun, pron: lw, tok: a, person: -1}
		}
		if lw == "another" {
			// "Another added": someone not named, and not the one quoted
			// before; no speaker to show.
			return who{kind: described, name: d.str(d.toks[a]), tok: a, end: b, person: -1, vague: true}
		}
	}
	// Split at top-level commas.
	var segs []segment
	s := a
	depth := 0
	for k := a; k < b; k++ {
		switch {
		case d.isPunct(k, "("):
			depth++
		case d.isPunct(k, ")"):
			if depth > 0 {
				depth--
			}
		case depth == 0 && d.isPunct(k, ",") && k > a && d.toks[k-1].kind == word && d.toks[k-1].upper && d.firmAhead(k+1, b):
			// "Levesque, Beaubien Inc": a firm's name with a comma
		case depth == 0 && (d.isPunct(k, ",") || d.isPunct(k, "—") || d.isPunct(k, "–") || d.spacedHyphen(k)):
			if k > s {
				segs = append(segs, segment{s, k})
			}
			s = k + 1
		case depth == 0 && k > s+1 && k+2 < b && d.toks[k].kind == word && d.lower(k) == "and" && d.fullNameEndsAt(k-1):
			// "JP Morgan chief executive William Harding and chief
			// operating officer James Dillon": two titled people; the
			// "and" opens the second segment.
			segs = append(segs, segment{s, k})
			s = k
		}
	}
	if s < b {
		segs = append(segs, segment{s, b})
	}
	if n := len(segs); n > 1 && d.firmOwnerSegments(segs) {
		// "said Brandt, Kessler, Vogt's Hartmann": a firm's name with
		// commas owns the person named after it.
		segs = segs[n-1:]
	}
	var names []who
	var roles []string
	var titled []bool // the name had its title before it in its segment
	var desc who
	lastWasName := false
	lastWasRole := false
	roleEndsBody := false // the role just read ends in a body's name
	for si, sg := range segs {
		x, y := sg.a, sg.b
		conj := false
		if lastWasRole && si == len(segs)-1 && y-x <= 2 && d.toks[x].kind == word && d.toks[x].upper && d.toks[y-1].kind == word {
			// "a native of San Diego, California": the place goes on
			roles[len(roles)-1] += ", " + d.text[d.toks[x].s:d.toks[y-1].e]
			continue
		}
		lastWasRole = false
		for x < y && d.toks[x].kind == word && (d.lower(x) == "and" || d.lower(x) == "&") {
			x++
			conj = true
		}
		if x >= y {
			continue
		}
		lw := d.lower(x)
		if lw == "who" || lw == "which" || lw == "whose" {
			continue // a relative clause
		}
		if y-x == 1 && has(pronouns, lw) {
			return who{kind: pronoun, pron: lw, tok: x, person: -1}
		}
		if p, ok := contractedPronoun(lw); ok {
			// "It’s denouncing …": a pronoun, not a description.
			return who{kind: pronoun, pron: p, tok: x, person: -1}
		}
		if isNumber(d.str(d.toks[x])) && y-x == 1 {
			continue // an age: "Ola Berg, 53, a security guard"
		}
		if y-x <= 3 && partyTag(d.text[d.toks[x].s:d.toks[y-1].e]) {
			// "Rep. Joe Barton, R-Texas, said": the party and state of the
			// name before, its role when it has none.
			if len(names) > 0 && roles[len(roles)-1] == "" {
				roles[len(roles)-1] = d.text[d.toks[x].s:d.toks[y-1].e]
			}
			continue
		}
		if len(names) > 0 && !conj && lastWasName && (d.isTitleWord(x) || isRole(d.lower(x))) && !d.isDemonym(x) && d.titleSegment(x, y) {
			// "Ravi Menon, senior vice president Aerolux", "Glen Wood,
			// Vice President of Deutsche Securities": a title, perhaps
			// ending in the name of a firm, is the role of the name
			// before it, in the article's words at this mention.
			roles[len(roles)-1] = trimRole(d.text[d.toks[x].s:d.toks[y-1].e])
			lastWasName = false
			roleEndsBody = d.toks[y-1].kind == word && d.toks[y-1].upper
			continue
		}
		if len(names) > 0 && !conj && si == len(segs)-1 && roles[len(roles)-1] != "" && !lastWasName && d.listTail(x, y) && containsWords(roles[len(roles)-1], "of") != containsWords(roles[len(roles)-1], "for") {
			// "director of European parts, service and logistics": the
			// title's complement is a list that runs on after its comma.
			roles[len(roles)-1] += ", " + d.text[d.toks[x].s:d.toks[y-1].e]
			continue
		}
		if d.placesJoined(x, y) {
			lastWasName = false
			continue // "…, Italy and Greece": places, no speaker
		}
		w, ok := d.nameIn(c, x, y)
		if !ok {
			w, ok = d.ownerOfDocument(c, x, y)
		}
		if ok {
			if len(names) > 0 && !conj {
				// Two names side by side without "and": "Berg, Hale
				// said" names the later; "Ruiz, in Toledo, Ohio"
				// keeps the first.
				if lastWasName {
					names[len(names)-1], roles[len(roles)-1] = w, w.role
				}
				continue
			}
			lastWasName = true
			names = append(names, w)
			roles = append(roles, w.role)
			titled = append(titled, w.role != "" && w.tok > x)
			continue
		}
		// A description.
		lastWasName = false
		if d.allPlace(x, y) {
			continue // "Iran said": a place is no speaker
		}
		if !d.goodDescription(x, y) {
			continue
		}
		text := d.text[d.toks[x].s:d.toks[y-1].e]
		if len(names) > 0 && d.describesBody(x, y) {
			continue // "…, a Brussels-based citizen action group": the body, not the person
		}
		if len(names) > 0 && roleEndsBody && roles[len(roles)-1] != "" && has(determiners, d.lower(x)) {
			// "Yao Lin, president of Chi Hwa Steel Co, a leading steel
			// maker": a description after a role ending in a body's name
			// describes the body.
			continue
		}
		if len(names) > 0 && roles[len(roles)-1] != "" && d.firmTail(x, y) {
			// "president of Goldmark, Sachs and Co": the firm's name goes on
			// after its comma.
			roles[len(roles)-1] += ", " + text
			continue
		}
		if len(names) > 0 && roles[len(roles)-1] == "" || len(names) > 0 && d.startsDescription(x) && (d.roleHeaded(x, y) || !titled[len(titled)-1]) ||
			len(names) > 0 && courtesyTitle(roles[len(roles)-1]) && d.roleHeaded(x, y) {
			// A description that is no role ("one of the most successful
			// men in business") does not replace a title before the name.
			roles[len(roles)-1] = trimRole(text)
			lastWasRole = d.lower(y-1) != "and" && d.hasPrepPlace(x, y)
			roleEndsBody = d.toks[y-1].kind == word && d.toks[y-1].upper && !lastWasRole
			continue
		}
		if b, ok := d.bodyOfDocument(x, y); ok {
			// "A North Korean Foreign Ministry statement said": the body
			// speaks through its statement.
			desc = who{kind: described, name: b, tok: x, end: y, person: -1}
			continue
		}
		desc = who{kind: described, name: text, tok: x, end: y, person: -1, vague: d.vagueDescription(x, y)}
	}
	if len(names) == 0 {
		return desc
	}
	if desc.kind == described && len(names) == 1 && names[0].role == "" && roles[0] == "" && (d.roleHeaded(desc.tok, desc.end) || desc.end <= names[0].tok && d.titleBeforeComma(desc.tok, desc.end)) {
		roles[0] = trimRole(desc.name) // "RNID technology director, Guido Gybels"
	}
	if len(names) == 1 {
		w := names[0]
		w.role = roles[0]
		if w.person >= 0 && w.role != "" && c.people[w.person].role == "" {
			c.people[w.person].role = w.role
		}
		return w
	}
	// Coordinated speakers.
	var ns, rs []string
	for i, w := range names {
		ns = append(ns, w.name)
		if roles[i] != "" {
			rs = append(rs, roles[i])
		}
	}
	return who{kind: named, name: strings.Join(ns, " and "), role: strings.Join(rs, " and "), tok: names[0].tok, person: names[0].person}
}

// partyTag reports a US party-and-state tag ("R-Texas", "D-N.Y."), which
// follows a lawmaker's name and names no one itself.
func partyTag(s string) bool {
	if len(s) < 4 || s[1] != '-' || !strings.ContainsRune("RDI", rune(s[0])) {
		return false
	}
	return s[2] >= 'A' && s[2] <= 'Z' && !strings.ContainsAny(s, " ")
}

// onlyTicker reports whether tokens [a, b) (up to a closing ">") are a
// ticker: capitalised codes joined by dots, no spaces ("HKLD.HK", "PBI").
func (d *doc) onlyTicker(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		t := d.toks[k]
		switch {
		case d.isPunct(k, ">"):
			return n > 0 && k == b-1
		case d.isPunct(k, "."):
		case t.kind == word && strings.ToUpper(d.str(t)) == d.str(t):
			n++
		default:
			return false
		}
		if k > a && d.toks[k-1].e != t.s {
			return false
		}
	}
	return n > 0
}

// firmOwnerSegments reports segments that are a firm's name cut by
// commas and ending in a possessive before a name ("Brandt", "Kessler",
// "Vogt's Hartmann"): capitalised words only, no title or role word, and
// a last segment of an owner's possessive and one or two name words.
func (d *doc) firmOwnerSegments(segs []segment) bool {
	last := segs[len(segs)-1]
	p := -1
	for k := last.a; k < last.b; k++ {
		if !d.isCapWord(k) || d.isTitleWord(k) || isRole(d.lower(k)) {
			return false
		}
		if isPossessive(d.str(d.toks[k])) {
			p = k
		}
	}
	if p < 0 || last.b-p-1 < 1 || last.b-p-1 > 2 {
		return false
	}
	for _, sg := range segs[:len(segs)-1] {
		if sg.b-sg.a > 3 {
			return false
		}
		for k := sg.a; k < sg.b; k++ {
			if !d.isCapWord(k) || d.isTitleWord(k) || isRole(d.lower(k)) || d.honorificAt(k) {
				return false
			}
		}
	}
	return true
}

// placesJoined reports places joined by "and" or commas ("Italy and
// Canada", "France, Italy and Canada"): no speaker.
func (d *doc) placesJoined(a, b int) bool {
	places, joins := 0, 0
	for k := a; k < b; k++ {
		t := d.toks[k]
		switch {
		case t.kind == word && t.low == "and":
			joins++
		case t.kind == word && t.low == "the":
		case t.kind == word && t.place != notPlace:
			if k == a || d.toks[k-1].place == notPlace {
				places++ // one place per run of place words
			}
		case d.isPunct(k, ",") || d.isPunct(k, "."):
		default:
			return false
		}
	}
	return places >= 2 && joins > 0
}

// courtesyTitle reports a title before the name that is a rank, not a
// post ("Professor Ana Ruiz"): a post the article gives in apposition
// ("project leader at Dunmore", "head of materials testing") is the role
// shown instead.
func courtesyTitle(role string) bool {
	return has(courtesyTitles, strings.ToLower(strings.TrimSuffix(role, ".")))
}

var courtesyTitles = set("professor prof dr doctor")

// gerundPreps open a phrase of what someone was doing ("in disclosing").
var gerundPreps = set("in by while when on after before")

// introTrim are lower-case words dropped from the start of a phrase.
var introTrim = set("and but so then also as while")

// introTrimCap are capitalised words dropped from the start of a phrase.
var introTrimCap = set("and but so then also yet still")

func trimRole(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",;:")
	for _, pr := range []string{"He", "She", "They", "It"} {
		// "analyst at Advest Inc. He said": the firm's last dot ended the
		// sentence too.
		if i := strings.Index(s, ". "+pr); i > 0 {
			if rest := s[i+2+len(pr):]; rest == "" || rest[0] == ' ' {
				s = s[:i]
				break
			}
		}
	}
	if i := strings.LastIndexByte(s, '('); i >= 0 && !strings.Contains(s[i:], ")") {
		// "former host and VJ (video jockey": a bracket the role's end
		// cut open is left out with what it holds.
		s = strings.TrimRight(strings.TrimSpace(s[:i]), ",;:")
	}
	// "<Bache Securities Ltd>": the wire's mark for a company name; a
	// ticker in it ("<PBI>", "<RAFF.PA>") after the name is left out.
	if strings.ContainsAny(s, "<>") {
		s = strings.TrimSpace(dropTickers(s))
		s = strings.NewReplacer("<", "", ">", "").Replace(s)
	}
	return s
}

// dropTickers removes the wire's marks that hold only a ticker, after a
// name ("Pitney Bowes Inc <PBI>"): capitals and dots, no space.
func dropTickers(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], ">")
		if j < 0 {
			break
		}
		in := s[i+1 : i+j]
		if i > 0 && in != "" && strings.Trim(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789") == "" {
			b.WriteString(strings.TrimRight(s[:i], " "))
		} else {
			b.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func isNumber(s string) bool {
	return allDigits(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), ".", ""))
}

// startsDescription reports whether token x opens a description that can
// stand in apposition ("a spokesman", "Italy's prime minister").
func (d *doc) startsDescription(x int) bool {
	lw := d.lower(x)
	return has(determiners, lw) || isRole(lw) || has(roleModifiers, lw) || d.isDemonym(x) || isPossessive(d.str(d.toks[x]))
}

// nameIn finds the name in tokens [x, y) when the stretch is a name with
// an optional title ("Japanese Prime Minister Fumio Kishida", "Mr. Berg",
// "Sen. Maria Hale (D-Ohio)"). Descriptions with a capitalised word
// inside ("a White House spokesman", "Ruiz's campaign") are not names.
func (d *doc) nameIn(c *cast, x, y int) (who, bool) {
	// Skip a parenthesis at the end.
	for y > x && (d.isPunct(y-1, ")") || d.toks[y-1].kind != word) {
		if d.isPunct(y-1, ")") {
			k := y - 1
			for k > x && !d.isPunct(k, "(") {
				k--
			}
			y = k
			continue
		}
		y--
	}
	if y <= x {
		return who{}, false
	}
	// "de Blasio": a name that opens with its particle.
	if y-x >= 2 && has(nameParticles, d.lower(x)) && !d.toks[x].upper && d.isCapWord(x+1) && (x == 0 || !d.toks[x-1].upper) {
		r := d.runAt(x+1, y)
		if r.b == y && r.nameA == x+1 && !d.allPlace(x+1, y) && !isPossessive(d.str(d.toks[y-1])) {
			r.nameA, r.a = x, x
			if idx := c.register(d, r, true); idx >= 0 {
				c.pending = append(c.pending, mention{tok: x, who: idx})
				return who{kind: named, name: c.people[idx].name, role: c.roleNear(idx, x), tok: x, person: idx}, true
			}
		}
	}
	// Leading lower-case role words: "presidential candidate Ana Ruiz".
	k := x
	for k < y && d.toks[k].kind == word && !d.toks[k].upper {
		lw := d.lower(k)
		if !(isRole(lw) || has(roleModifiers, lw) || d.isDemonym(k) || lw == "the") {
			return d.titledName(c, x, y)
		}
		k++
	}
	if k >= y {
		return who{}, false
	}
	if !d.isCapWord(k) && !d.honorificAt(k) {
		if k == x && has(determiners, d.lower(k)) {
			// "The company's chief executive Ana Ruiz": a title that
			// opens with a capitalised determiner.
			return d.titledName(c, x, y)
		}
		return who{}, false
	}
	r := d.runAt(k, y)
	affiliation := ""
	if r.b+1 < y && d.lower(r.b) == "of" && (d.isCapWord(r.b+1) || d.lower(r.b+1) == "the" && r.b+2 < y && d.isCapWord(r.b+2)) && !d.isTitleWord(r.b-1) {
		if _, body, ok := d.affiliationAfter(r.b, y); ok {
			affiliation = body // "Steve Cerier of Manufacturers Hanover Trust Co"
		}
		y = r.b // "Ana Ruiz of Toledo", "Paul Hoffer of the Lisbon Forum"
	} else if r.b+1 < y && r.b > k && has(affiliationPreps, d.lower(r.b)) && !d.isTitleWord(r.b-1) {
		// "Richard Cohen at Brown Baldwin Nisker Ltd", "David Noone from
		// Intervoice", "Nick Knight of brokers James Capel": the body the
		// person works for.
		if _, body, ok := d.affiliationAfter(r.b, y); ok {
			affiliation, y = body, r.b
		} else if r.givenFound && !r.titleSeen && r.nameA == r.a && y-r.b-1 <= 4 && d.capsOnly(r.b+1, y) {
			// "Dan Noonan from Voxline": a person's name alone (it opens
			// with a given name, no title before it), then words that
			// do not say whether they name a firm or a town; the person
			// is named, the words after the name are not part of it.
			y = r.b
		}
	}
	if r.b == y && r.a == x && y-x == 1 && r.nameA >= r.b {
		// "said White": a surname that is also a title word, which the
		// cast read as a person named in full before ("Edna White").
		if lo := c.firstMentionFrom(x); lo < len(c.mentions) && c.mentions[lo].tok == x {
			if idx := c.mentions[lo].who; !c.people[idx].org {
				return who{kind: named, name: c.people[idx].name, role: c.roleNear(idx, x), tok: x, person: idx}, true
			}
		}
	}
	if r.b != y || r.nameA >= r.b {
		return d.titledName(c, x, y)
	}
	if isPossessive(d.str(d.toks[y-1])) || d.allPlace(r.nameA, r.b) || d.nounAsName(r.nameA, r.b) || d.onlyWords(r.nameA, r.b, firmWords) || d.shouted(r.nameA, r.b) {
		return who{}, false
	}
	if r.nameA > x && d.lower(r.nameA-1) == "the" && d.onlyWords(r.nameA, r.b, pointingBodies) {
		return who{}, false // "the Chamber": a description that points back
	}
	if r.a > x && d.lower(r.a-1) == "the" && r.b-r.nameA <= 3 {
		// "the Ohio Democrat", "the New Jersey Republican": capitalised
		// words ending in a word for a person, after "the", describe.
		if lw := d.lower(r.b - 1); isSpeakerNoun(lw) && !has(orgWords, lw) && !has(documentWords, lw) {
			return who{}, false
		}
	}
	name := d.nameText(r)
	if name == "" {
		return who{}, false
	}
	idx := c.register(d, r, true)
	if idx >= 0 {
		c.pending = append(c.pending, mention{tok: r.nameA, who: idx})
	}
	w := who{kind: named, name: name, role: d.roleText(r), tok: r.nameA, person: idx}
	if w.role == "" && affiliation != "" && !r.org {
		w.role = affiliation
	}
	if idx >= 0 {
		w.name = c.people[idx].name
		if w.role == "" && !c.people[idx].org {
			w.role = c.roleNear(idx, r.nameA)
		}
		if courtesyTitle(w.role) {
			// "Professor Ruiz told the BBC" after "Professor Ana Ruiz,
			// project leader at Dunmore": the post given before.
			if rn := c.roleNear(idx, r.nameA); rn != "" && !courtesyTitle(rn) {
				w.role = rn
			}
		}
	}
	return w, true
}

// titledName reads tokens [x, y) as a title made of body names and role
// words followed by a name ("White House spokesman Marlin Fitz", "DSM
// chairman Hans Lindt", "Mexican finance minister Ana Ruiz of Puebla"):
// the name is the speaker, the title its role.
func (d *doc) titledName(c *cast, x, y int) (who, bool) {
	if y-x < 3 {
		return who{}, false
	}
	// "… of Maryland": a place after the name is not part of it; a body
	// after it is the affiliation that completes the title ("Retail
	// analyst Mark Tully of Dresdner Bank").
	affiliation := ""
	for k := y - 2; k > x+1; k-- {
		if d.toks[k].kind == word && d.lower(k) == "of" && d.isCapWord(k-1) && d.isCapWord(k+1) {
			if d.allPlace(k+1, y) || d.isCapWord(k+1) && y-k <= 3 && !has(orgWords, d.lower(y-1)) {
				if _, body, ok := d.affiliationAfter(k, y); ok && !d.allPlace(k+1, y) {
					affiliation = body
				}
				y = k
			}
			break
		}
	}
	n := y
	for n > x {
		t := d.toks[n-1]
		given := t.kind == word && t.upper && n < y && d.toks[n].upper && (func() bool { _, ok := givenNameGender(d.lower(n - 1)); return ok }() ||
			n-2 >= x && d.toks[n-2].kind == word && !d.toks[n-2].upper && isRole(d.lower(n-2))) // "chief economist Will Buttrose"
		// "… chairman Gordon White", "… governor Mervyn King": a last
		// word that is also a title word, after a name word, ends the name.
		lastName := n == y && n-2 > x && d.isCapWord(n-1) && d.isCapWord(n-2) && !d.isTitleWord(n-2)
		if t.kind == word && (d.isCapWord(n-1) || d.honorificAt(n-1) || given) && (!d.isTitleWord(n-1) || lastName) || d.isPunct(n-1, ".") && n-2 > x && d.toks[n-2].kind == word && d.toks[n-2].upper {
			n--
			continue
		}
		if t.kind == word && has(nameParticles, d.lower(n-1)) && n < y {
			n--
			continue
		}
		break
	}
	ofThe := -1 // "leader of the Commons Oliver Heald": the object of the title, then the name
	if n > x+3 && y-n >= 3 && d.lower(n-1) == "the" && d.lower(n-2) == "of" && isRole(d.lower(n-3)) {
		for j := n + 1; j < y-1; j++ {
			if _, ok := givenNameGender(d.lower(j)); ok {
				if _, prev := givenNameGender(d.lower(j - 1)); !prev {
					ofThe, n = n-2, j
				}
				break
			}
		}
	}
	h := n // "BZW chairman Sir Martin Jacombe": the title ends before "Sir"
	if n < y && d.isPunct(n, ".") {
		n++ // "Committee chairman Sen. Paul Sarbanes": the title's abbreviation dot
	}
	for n < y && (d.honorificAt(n) || n > h && d.isPunct(n, ".") && d.honorificAt(n-1)) {
		n++ // "Sir Martin", "Dr. Ana Ruiz"
	}
	if n <= x || h <= x || n >= y || y-n > 4 || d.toks[n].kind != word {
		return who{}, false
	}
	if !d.looseTitle(x, h, n, y) {
		ofRole := h-3 >= x && d.lower(h-2) == "of" && isRole(d.lower(h-3)) && d.toks[h-1].kind == word && !d.toks[h-1].upper && !has(determiners, d.lower(h-1)) // not "leader of the North Hunt"
		if ofThe >= 0 {
			ofRole, h = true, ofThe+2 // titleBefore(h-2) starts from the "of"
		}
		if d.toks[h-1].kind != word || !isRole(d.lower(h-1)) && !isSpeakerNoun(d.lower(h-1)) && !ofRole {
			return who{}, false // the title ends in a role word: "… spokesman", "secretary of state"
		}
		ra := d.titleBefore(h)
		for ra > x && d.toks[ra-1].kind == word && has(determiners, d.lower(ra-1)) {
			ra--
		}
		if ofRole {
			ra = d.titleBefore(h - 2)
			for ra > x && d.toks[ra-1].kind == word && has(determiners, d.lower(ra-1)) {
				ra--
			}
		}
		if ra > x || !d.hasRoleWord(ra, h) && !isSpeakerNoun(d.lower(h-1)) {
			return who{}, false
		}
		if ofThe >= 0 {
			h = n // the title runs on to the name
		}
	}
	r := d.splitRun(n, y)
	if r.nameA != n || d.allPlace(n, y) || r.org || d.nounAsName(n, y) {
		return who{}, false
	}
	name := d.nameText(r)
	if name == "" || isPossessive(d.str(d.toks[y-1])) {
		return who{}, false
	}
	idx := c.register(d, r, true)
	if idx >= 0 {
		c.pending = append(c.pending, mention{tok: n, who: idx})
		name = c.people[idx].name
	}
	role := d.text[d.toks[x].s:d.toks[h-1].e]
	if h < n && d.isPunct(h, ".") {
		role += "." // "Sen."
	}
	if rest, ok := strings.CutPrefix(role, "The "); ok {
		role = "the " + rest // shown after the name: "Ana Ruiz, the firm's lawyer"
	}
	if affiliation != "" && !strings.ContainsAny(role[1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		role = withAffiliation(role, "of", affiliation)
	}
	if lw := d.lower(h - 1); !d.toks[h-1].upper && !isRole(lw) && (has(orgWords, lw) || has(bodyKinds, lw)) {
		role = "" // "investment bank Merrill Lynch said": the kind of body speaking, no one's role
	}
	if idx >= 0 && c.people[idx].role == "" && role != "" {
		c.people[idx].role = role
	}
	return who{kind: named, name: name, role: role, tok: n, person: idx}, true
}

// looseTitle reports whether tokens [x, h) read as a long title before
// the name [n, y) even where titleBefore stops inside it ("Shadow
// spokesman for sport Hugh Ross", "Federation of Chilean Industry (FCI)
// president Pedro Alvarez da Silva"): the name opens with a known given
// name and has two to four words, the title opens with a capital or a
// title word, holds a role word and no verb, and ends in a noun, never in
// a function word ("the wife of John Hale" is a description).
func (d *doc) looseTitle(x, h, n, y int) bool {
	if y-n < 2 || y-n > 4 || h-x < 2 || d.toks[n].kind != word || d.toks[h-1].kind != word {
		return false
	}
	if _, ok := givenNameGender(d.lower(n)); !ok {
		return false
	}
	last := d.lower(h - 1)
	if has(closedClass, last) || looksVerbal(last) || has(nameParticles, last) || isPossessive(d.str(d.toks[h-1])) {
		return false
	}
	if !(d.toks[x].kind == word && (d.toks[x].upper || d.isTitleWord(x))) || !d.hasRoleWord(x, h) || d.verbalIn(x, h) {
		return false
	}
	for k := x; k < h; k++ {
		t := d.toks[k]
		if t.inQuote || t.kind == mark || t.kind == punct && !d.isPunct(k, "(") && !d.isPunct(k, ")") && !d.isPunct(k, "&") {
			return false
		}
	}
	// "adviser to President Vladimir Putin": a preposition followed only
	// by title words makes the name its object, not the speaker.
	for k := h - 1; k >= x; k-- {
		if d.toks[k].kind == word && !d.toks[k].upper && has(titlePreps, d.lower(k)) {
			for m := k + 1; m < h; m++ {
				if !d.isTitleWord(m) {
					return true
				}
			}
			return false
		}
	}
	return true
}

// affiliationPreps put a body after a name ("of", "at", "from", "with").
var affiliationPreps = set("of at from with")

// titlePreps join a title to what it is over ("minister for culture").
var titlePreps = set("of for to at with from by in on")

func (d *doc) honorificAt(k int) bool {
	if d.toks[k].kind != word {
		return false
	}
	_, ok := honorifics[d.lower(k)]
	return ok
}

// verbalIn reports whether tokens [a, b) hold a word that looks like a
// verb, which shows a clause rather than a description.
func (d *doc) verbalIn(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind == word && !d.toks[k].upper {
			lw := d.lower(k)
			if k > a && k+1 < b && strings.HasSuffix(lw, "ed") && has(participleObjects, d.lower(k+1)) && !d.toks[k-1].upper {
				continue // "a source involved in", "a document filed by"
			}
			if k > a && strings.HasSuffix(lw, "ed") && d.toks[k-1].kind == word && isPossessive(d.str(d.toks[k-1])) {
				continue // "Telenord's fixed line division": an adjective after the owner
			}
			if looksVerbal(lw) || has(speechVerbs, lw) && (!has(nounish, lw) || !(k > a && d.toks[k-1].kind == word && d.toks[k-1].upper) || d.isCueVerb(k)) {
				return true
			}
		}
	}
	return false
}

// goodDescription reports whether tokens [x, y) read as a description of a
// speaker ("a White House spokesman", "the former Maryland governor").
func (d *doc) goodDescription(x, y int) bool {
	if !d.npStart(x) && !isNumber(d.str(d.toks[x])) && !d.roleHeaded(x, y) || d.verbalIn(x, y) {
		return false
	}
	if has(auxOpeners, d.lower(x)) {
		return false // "Should it become a firm offer": a clause, no speaker
	}
	content := 0
	for k := x; k < y; k++ {
		t := d.toks[k]
		if t.kind != word {
			continue
		}
		lw := d.lower(k)
		if !t.upper && strings.HasSuffix(lw, "ly") && !isRole(lw) && lw != "family" && lw != "ally" {
			return false
		}
		if !has(determiners, lw) && !has(closedClass, lw) {
			content++
		}
	}
	last := d.lower(y - 1)
	if d.toks[y-1].kind != word || has(closedClass, last) && !has(pronouns, last) && d.str(d.toks[y-1]) != "US" || has(determiners, last) {
		return false
	}
	return content > 0
}

// auxOpeners open a clause, never a description of a speaker.
var auxOpeners = set("should would could will can must may might shall did does do is was were are has have had if unless")

// firmTail reports whether tokens [x, y) finish a firm's name cut by a
// comma: capitalised words ending in a company word ("Sachs and Co").
func (d *doc) firmTail(x, y int) bool {
	if y-x > 1 && d.isPunct(y-1, ".") {
		y-- // "Harris Upham and Co."
	}
	if !d.toks[x].upper || d.toks[y-1].kind != word || !has(firmWords, d.lower(y-1)) {
		return false
	}
	for k := x; k < y; k++ {
		if d.toks[k].kind == word && !d.toks[k].upper && d.lower(k) != "and" {
			return false
		}
	}
	return true
}

var firmWords = set("co inc ltd corp plc llc ag sa nv spa gmbh bv")

// spacedHyphen reports a hyphen standing for a dash: " - ".
func (d *doc) spacedHyphen(k int) bool {
	return d.isPunct(k, "-") && k > 0 && k+1 < len(d.toks) && d.toks[k-1].e < d.toks[k].s && d.toks[k].e < d.toks[k+1].s
}

// titleSegment reports whether tokens [x, y) read as a title, perhaps
// with the body it belongs to ("Vice President of Deutsche Securities
// Japan", "senior vice president Aerolux"): title words up to a role
// word, then only "of", "the" and capitalised words.
func (d *doc) titleSegment(x, y int) bool {
	k := x
	for k < y && d.toks[k].kind == word && (d.isTitleWord(k) || isRole(d.lower(k))) {
		k++
	}
	if k == x || !d.hasRoleWord(x, k) {
		return false
	}
	for ; k < y; k++ {
		t := d.toks[k]
		if t.kind == word && !t.upper && d.lower(k) != "of" && d.lower(k) != "the" && d.lower(k) != "and" {
			return false
		}
	}
	return true
}

// describesBody reports whether a description is headed by a word for a
// body ("a Brussels-based citizen action group", "the country's largest
// bank"): it describes an organisation, never the person's role.
func (d *doc) describesBody(x, y int) bool {
	h, _ := d.descriptionHead(x, y)
	if h < 0 || d.toks[h].upper {
		return false
	}
	lw := d.lower(h)
	// "the creditor banks", "the officials": many, never one person's role.
	return (has(orgWords, lw) || has(orgWords, strings.TrimSuffix(lw, "s")) || has(pluralWords, lw)) && !isRole(lw)
}

// roleHeaded reports whether tokens [x, y) are a lower-case title headed
// by a role word ("platinum marketing director for Harrow Metals Plc").
func (d *doc) roleHeaded(x, y int) bool {
	if x >= y || d.toks[x].kind != word || d.toks[x].upper && !d.isTitleWord(x) && !isPossessive(d.str(d.toks[x])) && !has(determiners, d.lower(x)) {
		return false
	}
	if lw := d.lower(x); has(closedClass, lw) && !has(determiners, lw) && !has(roleModifiers, lw) {
		return false // ", at HBOS Treasury Services": an affiliation, no role
	}
	h, _ := d.descriptionHead(x, y)
	return h >= 0 && (isRole(d.lower(h)) || isSpeakerNoun(d.lower(h)) && !has(orgWords, d.lower(h)))
}

var participleObjects = set("in by at with for on from to")

// contractedPronoun reads "it’s", "he's", "they’re" as their pronoun.
func contractedPronoun(lw string) (string, bool) {
	for _, sep := range []string{"’", "'"} {
		if i := strings.Index(lw, sep); i > 0 && has(pronouns, lw[:i]) {
			return lw[:i], true
		}
	}
	return "", false
}

// ownerOfDocument reads "Mr Varo's statement said" as said by the person
// who speaks through the document: the name before the possessive.
func (d *doc) ownerOfDocument(c *cast, x, y int) (who, bool) {
	if y-x < 2 || d.toks[y-1].kind != word || !has(ownedDocuments, d.lower(y-1)) || d.toks[y-2].kind != word || !isPossessive(d.str(d.toks[y-2])) {
		return who{}, false
	}
	k := x
	if d.lower(k) == "the" {
		k++
	}
	if k >= y-1 || !d.isCapWord(k) {
		return who{}, false
	}
	r := d.runAt(k, y-1)
	if r.b != y-1 || r.nameA >= r.b || r.org || d.allPlace(r.nameA, r.b) || has(orgWords, stripPossessive(d.lower(r.b-1))) {
		return who{}, false // a body's statement stays the speaker as written
	}
	idx := c.register(d, r, true)
	if idx < 0 || c.people[idx].org {
		return who{}, false
	}
	c.pending = append(c.pending, mention{tok: r.nameA, who: idx})
	w := who{kind: named, name: c.people[idx].name, role: d.roleText(r), tok: r.nameA, person: idx}
	if w.role == "" {
		w.role = c.roleNear(idx, r.nameA)
	}
	return w, true
}

// ownedDocuments are what a person or body speaks through ("Mr Varo's
// statement said").
var ownedDocuments = set("statement letter message note memo website blog communique")

// bodyOfDocument reads a description headed by a document and qualified
// only by a capitalised body's name ("a North Korean Foreign Ministry
// statement") as that body; a bare place ("a U.S. statement") or a
// person's name is not read so.
func (d *doc) bodyOfDocument(x, y int) (string, bool) {
	if y-x < 3 || d.toks[y-1].kind != word || d.toks[y-1].upper || !has(ownedDocuments, d.lower(y-1)) || !has(determiners, d.lower(x)) {
		return "", false
	}
	org := false
	for k := x + 1; k < y-1; k++ {
		t := d.toks[k]
		if t.kind != word || !t.upper || isPossessive(d.str(t)) {
			return "", false
		}
		if has(orgWords, d.lower(k)) {
			org = true
		}
	}
	if !org || y-x == 3 {
		return "", false // "a Union statement": which union is not said
	}
	return d.text[d.toks[x+1].s:d.toks[y-2].e], true
}

// topicAfter reports whether tokens [k, b) read as a topic rather than a
// body: lower-case words holding a lower-case possessive ("the state's
// drilling activity"), with no capitalised word.
func (d *doc) topicAfter(k, b int) bool {
	poss := false
	for j := k; j < b; j++ {
		t := d.toks[j]
		if t.kind != word || t.upper {
			return false
		}
		if isPossessive(d.str(t)) {
			poss = true
		}
	}
	return poss
}

// titleBeforeComma reports a description [x, y) that reads as a title set
// before a name with a comma: it ends in a lower-case role noun and holds
// no verb ("RNID technology director", "Opera spokeswoman").
func (d *doc) titleBeforeComma(x, y int) bool {
	if y <= x || y >= len(d.toks) || !d.isPunct(y, ",") || d.toks[y-1].kind != word || d.toks[y-1].upper {
		return false
	}
	lw := d.lower(y - 1)
	if h, _ := d.descriptionHead(x, y); h != y-1 {
		return false // "an article by China's counsellor in its embassy": headed by "article"
	}
	return (isRole(lw) || isSpeakerNoun(lw) && !has(orgWords, lw) && !has(documentWords, lw)) && !d.verbalIn(x, y)
}
