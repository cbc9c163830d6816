package geo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxWords bounds the words of one name; longer names are not indexed.
const maxWords = 12

// phrase kinds.
const (
	kindEntity uint8 = iota // names an entity
	kindPlace               // a place that contains a name but names no state
	kindPerson              // a person's full name or surname
)

// rule marks the names that need their context read before they count.
type rule uint8

const (
	ruleNone       rule = iota
	rulePersonLike      // also a given name or surname: "Jordan", "Chad", "Paris"
	ruleGeorgia         // Georgia the country or the US state
	ruleTurkey          // the country or the bird
	ruleCongo           // plain "Congo": DR Congo unless only the Republic is named
	ruleKorea           // plain "Korea": South Korea unless only the North is named
	ruleSecurity        // "Security Council": the UN's unless a country's
	rulePronoun         // "US" in an all-capitals headline may be "us"
	ruleWho             // "WHO" in an all-capitals headline may be "who"
)

// phrase is one indexed name: its words as written, upper-cased and folded.
type phrase struct {
	words  []string
	upper  []string
	folds  []string
	gaps   []uint8 // punctuation allowed between word i and i+1
	lower  uint16  // bit i: word i is lower-case in the data and matches in any case
	kind   uint8
	via    string
	viaIdx uint8   // index of via in vias
	code   string  // kindEntity
	rule   rule    // kindEntity
	who    []pname // kindPerson
}

// pname is one person a name may stand for.
type pname struct {
	person int32
	short  bool // a surname, not the full name
}

// index finds phrases by their first word.
type index struct {
	phrases []phrase
	exact   map[string][]int32 // first word as written (capitalised)
	upper   map[string][]int32 // first word upper-cased, for ALL-CAPS text
	lowerW  map[string][]int32 // first word written in lower case ("von der Leyen")
	folded  map[string][]int32 // first word folded, for query words
	lowLen  [32]uint8          // lowLen[letter] bit n: some lower-case first word starts with letter and has n bytes
}

// ruleFor gives the context rules of entity names, by the name as written.
var ruleFor = map[string]rule{
	"Jordan":           rulePersonLike,
	"Chad":             rulePersonLike,
	"Washington":       rulePersonLike,
	"Paris":            rulePersonLike,
	"Sofia":            rulePersonLike,
	"Santiago":         rulePersonLike,
	"Wellington":       rulePersonLike,
	"Finn":             rulePersonLike,
	"Dane":             rulePersonLike,
	"Turkey":           ruleTurkey,
	"Congo":            ruleCongo,
	"Congolese":        ruleCongo,
	"Korea":            ruleKorea,
	"Korean":           ruleKorea,
	"Koreans":          ruleKorea,
	"Security Council": ruleSecurity,
	"US":               rulePronoun,
	"WHO":              ruleWho,
}

// noFold lists folded forms that are ordinary English words.
var noFold = map[string]bool{"Store": true, "Male": true}

type builder struct {
	ix    *index
	byKey map[string]int32
}

func (g *Gazetteer) buildIndex(places []string) {
	b := builder{ix: &g.index, byKey: map[string]int32{}}
	for _, p := range places {
		b.add(p, func(ph *phrase) { ph.kind, ph.code, ph.who = kindPlace, "", nil })
	}
	for i, p := range g.people {
		i := int32(i)
		add := func(name string, short bool) {
			for _, v := range variants(name) {
				b.add(v, func(ph *phrase) {
					if ph.kind != kindPerson {
						ph.kind, ph.code, ph.who = kindPerson, "", nil
					}
					ph.via = ViaLeader
					for _, w := range ph.who {
						if w.person == i {
							return
						}
					}
					ph.who = append(ph.who, pname{person: i, short: short})
				})
			}
		}
		for _, n := range p.full {
			add(n, false)
		}
		for _, n := range p.short {
			add(n, true)
		}
	}
	for _, e := range g.entities {
		nameVia := ViaName
		if e.Kind == Body {
			nameVia = ViaBody
		}
		lists := []struct {
			names []string
			via   string
		}{{e.Names, nameVia}, {e.Capitals, ViaCapital}, {demonymForms(e.Demonyms), ViaDemonym}}
		for _, l := range lists {
			for _, n := range l.names {
				r := ruleFor[n]
				if e.Code == "GE" && strings.HasPrefix(n, "Georgia") {
					r = ruleGeorgia
				}
				for _, v := range variants(n) {
					code, via := e.Code, l.via
					b.add(v, func(ph *phrase) {
						ph.kind, ph.code, ph.via, ph.rule, ph.who = kindEntity, code, via, r, nil
					})
				}
			}
		}
	}
	ix := &g.index
	for i := range ix.phrases {
		ix.phrases[i].viaIdx = viaIndex(ix.phrases[i].via)
	}
	ix.exact = map[string][]int32{}
	ix.upper = map[string][]int32{}
	ix.lowerW = map[string][]int32{}
	ix.folded = map[string][]int32{}
	for i := range ix.phrases {
		ph := &ix.phrases[i]
		id := int32(i)
		w := ph.words[0]
		if ph.lower&1 != 0 {
			ix.lowerW[w] = append(ix.lowerW[w], id)
			if c := w[0] | 0x20; c >= 'a' && c <= 'z' && len(w) < 8 {
				ix.lowLen[c-'a'] |= 1 << len(w)
			}
		} else {
			ix.exact[w] = append(ix.exact[w], id)
		}
		ix.upper[ph.upper[0]] = append(ix.upper[ph.upper[0]], id)
		ix.folded[ph.folds[0]] = append(ix.folded[ph.folds[0]], id)
	}
	longestFirst := func(m map[string][]int32) {
		for _, ids := range m {
			sort.SliceStable(ids, func(a, b int) bool {
				return len(ix.phrases[ids[a]].words) > len(ix.phrases[ids[b]].words)
			})
		}
	}
	longestFirst(ix.exact)
	longestFirst(ix.upper)
	longestFirst(ix.lowerW)
	longestFirst(ix.folded)
}

// add indexes name (or finds it) and lets set fill in what it stands for.
// A later claim on the same words overrides an earlier one.
func (b *builder) add(name string, set func(*phrase)) {
	words, gaps := tokenize(name)
	if len(words) == 0 || len(words) > maxWords {
		return
	}
	key := strings.Join(words, " ")
	if id, ok := b.byKey[key]; ok {
		ph := &b.ix.phrases[id]
		for k := range gaps {
			ph.gaps[k] |= gaps[k]
		}
		set(ph)
		return
	}
	ph := phrase{words: words, gaps: gaps}
	for k, w := range words {
		ph.upper = append(ph.upper, strings.ToUpper(w))
		ph.folds = append(ph.folds, fold(w))
		if isLowerWord(w) {
			ph.lower |= 1 << k
		}
	}
	set(&ph)
	b.byKey[key] = int32(len(b.ix.phrases))
	b.ix.phrases = append(b.ix.phrases, ph)
}

// isLowerWord tells whether w starts with a lower-case letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// variants returns a name as written, without diacritics, and capitalised
// when it starts in lower case ("von der Leyen" -> "Von der Leyen").
func variants(name string) []string {
	out := []string{name}
	if f := stripMarks(name); f != name && !noFold[f] {
		out = append(out, f)
	}
	for _, v := range out {
		r, size := utf8.DecodeRuneInString(v)
		if unicode.IsLower(r) {
			out = append(out, string(unicode.ToUpper(r))+v[size:])
		}
	}
	return out
}

// demonymForms adds the plurals of demonyms ("Emirati" -> "Emiratis");
// those ending in -ese, -sh, -ch, -ss, -s or -man have none.
func demonymForms(ds []string) []string {
	out := append([]string(nil), ds...)
	for _, d := range ds {
		switch {
		case strings.HasSuffix(d, "ese"), strings.HasSuffix(d, "sh"), strings.HasSuffix(d, "ch"),
			strings.HasSuffix(d, "s"), strings.HasSuffix(d, "man"), strings.HasSuffix(d, "men"):
		default:
			out = append(out, d+"s")
		}
	}
	return out
}

// mayStartLower tells cheaply whether a lower-case word can start a name.
func (ix *index) mayStartLower(w string) bool {
	c := w[0] | 0x20
	if c < 'a' || c > 'z' || len(w) >= 8 {
		return false
	}
	return ix.lowLen[c-'a']&(1<<len(w)) != 0
}
