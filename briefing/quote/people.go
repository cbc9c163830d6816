package quote

import (
	"sort"
	"strings"
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
	lo := c.firstMentionFrom(i)
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
