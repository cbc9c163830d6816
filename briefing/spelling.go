package briefing

import "strings"

// spellingPairs are American and British spellings of the same word that
// the endings rules below do not derive.
var spellingPairs = map[string]string{
	"program": "programme", "programs": "programmes",
	"center": "centre", "centers": "centres",
	"labor": "labour", "favor": "favour", "honor": "honour", "neighbor": "neighbour",
	"neighbors": "neighbours", "color": "colour", "harbor": "harbour", "endeavor": "endeavour",
	"catalog": "catalogue", "dialog": "dialogue", "analog": "analogue",
	"fulfill": "fulfil", "enroll": "enrol", "traveling": "travelling", "traveled": "travelled",
	"counselor": "counsellor", "jewelry": "jewellery", "aluminum": "aluminium",
}

// spellingEndings turn an American ending into the British one.
var spellingEndings = [][2]string{
	{"ization", "isation"}, {"izations", "isations"}, {"izing", "ising"}, {"ized", "ised"}, {"izes", "ises"}, {"ize", "ise"},
	{"yzing", "ysing"}, {"yzed", "ysed"}, {"yze", "yse"},
	{"ense", "ence"}, {"enses", "ences"},
}

// spellings returns a word with its other spellings ("defense" gives
// "defense" and "defence"; "organisation" gives "organization" too), so
// that a request in either finds articles in both.
func spellings(w string) []string {
	out := []string{w}
	add := func(v string) {
		for _, x := range out {
			if x == v {
				return
			}
		}
		out = append(out, v)
	}
	for us, uk := range spellingPairs {
		switch w {
		case us:
			add(uk)
		case uk:
			add(us)
		}
	}
	for _, e := range spellingEndings {
		if len(w) > len(e[0])+2 && strings.HasSuffix(w, e[0]) {
			add(w[:len(w)-len(e[0])] + e[1])
		}
		if len(w) > len(e[1])+2 && strings.HasSuffix(w, e[1]) {
			add(w[:len(w)-len(e[1])] + e[0])
		}
	}
	return out
}

// searchWords turns topic terms into the store's full-text words, each
// with its other spellings as alternatives ("defense|defence").
func searchWords(terms []string) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = strings.Join(spellings(t), "|")
	}
	return out
}
