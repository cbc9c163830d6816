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

// mention is one place a person is named, outside quotations.
type mention struct {
	tok int
	who int
}

// cast is the set of people an article names, in order of mention.
type cast struct {
	pending  []mention // speakers found while reading cues, merged by settle
	people   []person
	byLast   map[string]int
	byFirst  map[string]int
	mentions []mention
}

func newCast() *cast {
	return &cast{byLast: map[string]int{}, byFirst: map[string]int{}}
}

// nameRun is a run of capitalised words read as [role] name.
type nameRun struct {
	a, b       int // token range of the whole run [a, b)
	nameA      int // first token of the name; nameA == b when there is no name
	roleA      int // first token of the role (may lie before a), == nameA when none
	honorific  gender
	hasHonor   bool
	org        bool
	titleSeen  bool // a role word or honorific precedes the name
	givenFound bool // the name starts with a known given name
}

// isCapWord reports whether token i is a capitalised word that can be part
// of a name or title.
func (d *doc) isCapWord(i int) bool {
	t := d.toks[i]
	if t.kind != word || !t.upper {
		return false
	}
	return !has(closedClass, d.lower(i)) || has(honorifics2, d.lower(i))
}

var honorifics2 = set("mr mrs ms dr st jr sr")

// runAt reads a name run starting at token i (which must be a capitalised
// word) and returns it. The run stops at the paragraph end, punctuation
// other than the dot of an abbreviation or initial, and lower-case words
// other than name particles and "of" between title words.
func (d *doc) runAt(i, limit int) nameRun {
	p := d.paras[d.toks[i].para]
	if limit > p.t1 {
		limit = p.t1
	}
	j := i
	for j < limit {
		t := d.toks[j]
		if t.inQuote || t.kind == mark {
			break
		}
		if t.kind == word {
			lw := d.lower(j)
			if d.isCapWord(j) {
				j++
				continue
			}
			// Lower-case joiners between capitalised words.
			if (has(nameParticles, lw) || lw == "of") && j+1 < limit && d.isCapWord(j+1) && j > i {
				j++
				continue
			}
			break
		}
		// The dot of "Mr." or "J." stays inside the run.
		if d.isPunct(j, ".") && j > i && j+1 < limit && d.isCapWord(j+1) && d.toks[j-1].kind == word && (isAbbrev(d, j-1) || has(abbreviations, d.lower(j-1))) {
			j++
			continue
		}
		break
	}
	return d.splitRun(i, j)
}

// splitRun splits tokens [a, b) into a role part and a name part.
func (d *doc) splitRun(a, b int) nameRun {
	// "Jason Gilbert of Cheyenne": a name before "of" keeps the name.
	for k := b - 2; k > a; k-- {
		if d.toks[k].kind == word && d.lower(k) == "of" {
			if d.toks[k-1].kind == word && !isTitleWord(d.lower(k-1)) && !has(orgWords, d.lower(k-1)) && !has(orgWords, d.lower(b-1)) {
				r := d.splitRun(a, k)
				r.b = k
				return r
			}
			break
		}
	}
	r := nameRun{a: a, b: b, nameA: b, roleA: b}
	// The name is the trailing stretch of words that are not titles.
	k := b
	for k > a {
		t := d.toks[k-1]
		if t.kind != word {
			// The dot of an initial stays in the name: "Robert P. Casey".
			if d.isPunct(k-1, ".") && k-2 > a && d.toks[k-2].kind == word && len(d.toks[k-2].low) == 1 && d.toks[k-2].upper {
				k--
				continue
			}
			break
		}
		lw := d.lower(k - 1)
		if isTitleWord(lw) || lw == "of" {
			// "Steve King": a title word ends the name only when a
			// given name or other name word stands right before it.
			if k == b && k-1 > a && d.toks[k-2].kind == word && !isTitleWord(d.lower(k-2)) && d.toks[k-2].upper && lw != "of" {
				k--
				continue
			}
			break
		}
		if _, ok := honorifics[lw]; ok {
			break
		}
		k--
	}
	// Drop leading particles and dots from the name.
	for k < b && (d.toks[k].kind != word || !d.toks[k].upper) {
		k++
	}
	r.nameA = k
	// Honorific or role before the name.
	if k > a {
		h := k - 1
		if d.isPunct(h, ".") {
			h--
		}
		if h >= a {
			if g, ok := honorifics[d.lower(h)]; ok {
				r.honorific, r.hasHonor = g, true
				r.titleSeen = true
			}
		}
		for x := a; x < k; x++ {
			if d.toks[x].kind == word && has(roleWords, d.lower(x)) {
				r.titleSeen = true
			}
		}
	}
	r.roleA = k
	// The role: title words of the run before the name, extended left over
	// lower-case role words ("presidential candidate").
	{
		ra := a
		for x := a; x < k; x++ {
			if d.honorificAt(x) {
				ra = k // "Mr. Trump": an honorific is no role
				break
			}
		}
		for ra > 0 && d.toks[ra-1].para == d.toks[a].para && d.toks[ra-1].kind == word && !d.toks[ra-1].inQuote {
			lw := d.lower(ra - 1)
			if has(roleWords, lw) || (has(roleModifiers, lw) && lw != "the" && lw != "of" && lw != "and" && lw != "for" && lw != "to" && lw != "at") || has(demonyms, lw) || isPossessive(d.str(d.toks[ra-1])) && d.toks[ra-1].upper {
				ra--
				continue
			}
			break
		}
		if ra < k && d.hasRoleWord(ra, k) {
			r.roleA = ra
			r.titleSeen = true
		}
	}
	for x := r.nameA; x < b; x++ {
		lw := d.lower(x)
		if has(orgWords, lw) || isAcronym(d.str(d.toks[x])) {
			r.org = true
		}
	}
	if r.nameA < b {
		if _, ok := givenNameGender(d.lower(r.nameA)); ok {
			r.givenFound = true
		}
	}
	return r
}

func isTitleWord(lw string) bool {
	return has(roleWords, lw) || has(demonyms, lw) || has(roleModifiers, lw) && lw != "the" && lw != "and" && lw != "for" && lw != "to" && lw != "at" && lw != "of"
}

func (d *doc) hasRoleWord(a, b int) bool {
	for x := a; x < b; x++ {
		if d.toks[x].kind == word && has(roleWords, d.lower(x)) {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s"} {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' && r != '&' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// nameText is the name of a run without honorifics or possessive endings.
func (d *doc) nameText(r nameRun) string {
	if r.nameA >= r.b {
		return ""
	}
	s := d.text[d.toks[r.nameA].s:d.toks[r.b-1].e]
	return stripPossessive(s)
}

// roleText is the role of a run ("Japanese Prime Minister"), if any.
func (d *doc) roleText(r nameRun) string {
	if r.roleA >= r.nameA {
		return ""
	}
	e := r.nameA - 1
	if d.toks[e].kind == punct && d.text[d.toks[e].s:d.toks[e].e] != "." {
		e--
	}
	if e < r.roleA {
		return ""
	}
	return d.text[d.toks[r.roleA].s:d.toks[e].e]
}

// register records a person for a name run and returns its index, or -1
// when the run holds no name.
func (c *cast) register(d *doc, r nameRun, evident bool) int {
	name := d.nameText(r)
	if name == "" {
		return -1
	}
	words := strings.Fields(name)
	last := strings.ToLower(words[len(words)-1])
	first := strings.ToLower(words[0])
	idx := -1
	if i, ok := c.byLast[last]; ok {
		idx = i
	} else if len(words) == 1 {
		if i, ok := c.byFirst[first]; ok {
			idx = i
		}
	}
	if idx >= 0 {
		p := &c.people[idx]
		// A longer form of the same name wins ("Clinton" -> "Hillary Clinton").
		if len(words) > 1 && len(name) > len(p.name) && strings.HasSuffix(strings.ToLower(name), strings.ToLower(p.name)) {
			p.name = name
		} else if len(words) > 1 && !strings.EqualFold(name, p.name) && !strings.HasSuffix(strings.ToLower(p.name), strings.ToLower(name)) {
			// A different person with the same last name.
			idx = -1
		}
	}
	if idx < 0 {
		c.people = append(c.people, person{name: name, last: last, org: r.org})
		idx = len(c.people) - 1
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
	if r.hasHonor && r.honorific != unknownGender {
		p.votes[r.honorific] += 5
	}
	if role := d.roleText(r); role != "" {
		if p.role == "" {
			p.role = role
		}
		p.voteRole(role)
	}
	if r.nameA < r.b {
		if g, ok := givenNameGender(d.lower(r.nameA)); ok && r.b-r.nameA > 1 {
			p.votes[g] += 2
		}
	}
	return idx
}

func (p *person) voteRole(role string) {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if g, ok := genderedWords[strings.Trim(w, ",.")]; ok {
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
				continue
			}
			n := r.b - r.nameA
			evident := r.titleSeen || r.org && n <= 4 || (r.givenFound && n >= 2 && n <= 4) || d.speechAfter(r.b) || d.speechBefore(r.a)
			if n > 4 {
				continue
			}
			if evident {
				if who := c.register(d, r, true); who >= 0 {
					c.mentions = append(c.mentions, mention{tok: r.nameA, who: who})
					c.pronounVote(d, who, r.b)
				}
				continue
			}
			weak = append(weak, pending{r: r, tok: r.nameA})
		}
	}
	// Second pass: bare surnames and names of people seen elsewhere.
	if len(weak) == 0 {
		return
	}
	var extra []mention
	for _, w := range weak {
		name := d.nameText(w.r)
		words := strings.Fields(name)
		last := strings.ToLower(words[len(words)-1])
		idx, ok := c.byLast[last]
		if !ok && len(words) == 1 {
			idx, ok = c.byFirst[last]
		}
		if !ok || !c.people[idx].evident {
			continue
		}
		extra = append(extra, mention{tok: w.tok, who: idx})
	}
	c.mentions = mergeMentions(c.mentions, extra)
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

// speechAfter reports whether a speech verb follows token i closely
// ("Smith said", "Smith, a spokesman, said").
func (d *doc) speechAfter(i int) bool {
	for k := i; k < len(d.toks) && k < i+3; k++ {
		t := d.toks[k]
		if t.kind != word {
			if d.isPunct(k, ",") && k == i {
				// appositive: ", a spokesman for X, said" or ", 53, said"
				if k+1 < len(d.toks) && d.toks[k+1].kind == word && (has(determiners, d.lower(k+1)) || has(roleWords, d.lower(k+1))) {
					return true
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

// pronounVote looks at the rest of the sentence after a name for a
// personal pronoun and counts it as gender evidence ("Kelly said she").
func (c *cast) pronounVote(d *doc, who, from int) {
	p := d.toks[from-1].para
	for k := from; k < len(d.toks) && k < from+12; k++ {
		t := d.toks[k]
		if t.para != p || t.kind == mark || t.inQuote {
			return
		}
		if t.kind == punct && (d.text[t.s:t.e] == "." || d.text[t.s:t.e] == ";") {
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

// resolve finds the person a pronoun at token i stands for: the first
// fitting person named in the nearest sentence before it (the subject of
// that sentence wins over later names), skipping quotations. It returns
// -1 when nobody fits.
func (c *cast) resolve(d *doc, i int, pron string, sentOf func(int) int) int {
	want := unknownGender
	switch pron {
	case "he", "him", "his":
		want = male
	case "she", "her", "hers":
		want = female
	case "they", "them", "their", "it", "its", "which":
		want = plural
	case "i", "we", "you":
		return -1
	}
	// Binary search the last mention before i.
	lo, hi := 0, len(c.mentions)
	for lo < hi {
		m := (lo + hi) / 2
		if c.mentions[m].tok < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	best, bestSent, bestExact := -1, -1, false
	steps := 0
	skipSent := -1
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
			// "He had protested Trump …": the sentence goes on about the
			// same person, and its names are not that person.
			skipSent = s
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
		// Within one sentence the earliest fitting name wins, but a name
		// of the right gender beats one of unknown gender.
		if best < 0 || exact || !bestExact {
			if !(bestExact && !exact) {
				best, bestSent, bestExact = m.who, s, exact
			}
		}
	}
	return best
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
