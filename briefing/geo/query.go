package geo

import (
	"strings"
	"time"
)

// maxQueryWords bounds the words ParseWords reads; the rest go to Rest.
const maxQueryWords = 2000

// qword is one folded word of a query and the query word it came from.
type qword struct {
	w    string
	from int
}

// ParseWords reads query words, whatever their case and diacritics
// ("japan", "SOUTH", "korea", "Türkiye"), into codes: names, demonyms,
// capitals, bodies and leaders' names at the date, the longest
// multi-word name first ("south korea", "united states", "g 7"). Context
// rules of running text do not apply: "jordan", "chad", "turkey" and "us"
// are countries here. Words of places that name no state ("new mexico",
// "south china sea") stay in Rest, like every word that names nothing.
func (g *Gazetteer) ParseWords(words []string, at time.Time) Parsed {
	var qs []qword
	for i, word := range words {
		if i >= maxQueryWords {
			break
		}
		prevEnd := -1
		for pos := 0; ; {
			t, ok := nextToken(word, pos)
			if !ok {
				break
			}
			w := word[t.start:t.end]
			pos = t.end
			// "japan's": the possessive is not a word of its own.
			if w == "s" || w == "S" {
				if prevEnd >= 0 && isApostrophe(word[prevEnd:t.start]) {
					continue
				}
			}
			prevEnd = t.end
			qs = append(qs, qword{w: fold(w), from: i})
		}
	}
	named := make([]bool, len(words))
	var p Parsed
	seen := map[string]bool{}
	for i := 0; i < len(qs); {
		ph := g.longestQuery(qs[i:])
		if ph == nil {
			i++
			continue
		}
		code := ""
		switch ph.kind {
		case kindEntity:
			code = ph.code
		case kindPerson:
			code = g.personCode(ph, at)
		}
		if code == "" {
			// A place or a name that stands for nobody at the date: its
			// words are topic words.
			i += len(ph.words)
			continue
		}
		for k := 0; k < len(ph.words); k++ {
			named[qs[i+k].from] = true
		}
		if !seen[code] {
			seen[code] = true
			p.Codes = append(p.Codes, code)
		}
		i += len(ph.words)
	}
	for i, w := range words {
		if i < len(named) && named[i] {
			continue
		}
		if w = strings.TrimSpace(w); w != "" {
			p.Rest = append(p.Rest, w)
		}
	}
	return p
}

// longestQuery finds the longest phrase that the folded words start with.
func (g *Gazetteer) longestQuery(qs []qword) *phrase {
	for _, id := range g.index.folded[qs[0].w] {
		ph := &g.index.phrases[id]
		if len(ph.words) > len(qs) {
			continue
		}
		ok := true
		for k := 1; k < len(ph.words); k++ {
			if ph.folds[k] != qs[k].w {
				ok = false
				break
			}
		}
		if ok {
			return ph
		}
	}
	return nil
}
