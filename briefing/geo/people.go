package geo

import (
	"time"
)

// person is one term of office with the names that stand for it.
type person struct {
	Person
	office string
	full   []string // full names: always tag the country
	short  []string // surnames: tag from the start of the first term on
}

func (p *person) inOffice(at time.Time) bool {
	return !at.Before(p.From) && (p.To.IsZero() || at.Before(p.To))
}

// resolve picks whom a name stands for at the date: the person in office,
// else the one who left office most recently, else (full names only) the
// one whose first term is nearest ahead. A zero date picks the latest
// term. It returns -1 when the name stands for nobody at the date.
func (g *Gazetteer) resolve(who []pname, at time.Time) int32 {
	if at.IsZero() {
		best := int32(-1)
		for _, w := range who {
			if best < 0 || g.people[w.person].From.After(g.people[best].From) {
				best = w.person
			}
		}
		return best
	}
	for _, w := range who {
		if g.people[w.person].inOffice(at) {
			return w.person
		}
	}
	best := int32(-1)
	for _, w := range who {
		p := &g.people[w.person]
		if p.To.IsZero() || p.To.After(at) {
			continue
		}
		if best < 0 || p.To.After(g.people[best].To) {
			best = w.person
		}
	}
	if best >= 0 {
		return best
	}
	for _, w := range who {
		if w.short {
			continue
		}
		p := &g.people[w.person]
		if best < 0 || p.From.Before(g.people[best].From) {
			best = w.person
		}
	}
	return best
}

// Person tells who a full name or surname ("Kishida", "fumio kishida";
// case and diacritics do not matter) stands for at the date: the holder of
// an office then, or, when nobody of that name held an office at the date,
// the one who left office most recently, with a Role that starts with
// "former ". A name whose first term starts after the date, or that is not
// in the data, gives false.
func (g *Gazetteer) Person(name string, at time.Time) (Person, bool) {
	words, _ := tokenize(name)
	if len(words) == 0 || len(words) > maxWords {
		return Person{}, false
	}
	for i := range words {
		words[i] = fold(words[i])
	}
	var who []pname
	for _, id := range g.index.folded[words[0]] {
		ph := &g.index.phrases[id]
		if ph.kind == kindPerson && equalWords(ph.folds, words) {
			who = ph.who
			break
		}
	}
	if who == nil {
		return Person{}, false
	}
	// Person never reaches ahead of the date, even for a full name.
	var past []pname
	for _, w := range who {
		if at.IsZero() || !g.people[w.person].From.After(at) {
			past = append(past, w)
		}
	}
	i := g.resolve(past, at)
	if i < 0 {
		return Person{}, false
	}
	p := g.people[i].Person
	if !at.IsZero() && !g.people[i].inOffice(at) {
		p.Role = "former " + p.Role
	}
	return p, true
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// personCode is the code a person name stands for at the date, or "".
func (g *Gazetteer) personCode(ph *phrase, at time.Time) string {
	i := g.resolve(ph.who, at)
	if i < 0 {
		return ""
	}
	return g.people[i].Code
}
