package quote

import "strings"

// The gazetteer knows countries, capitals and demonyms; the states of a
// federation are places too, and never speakers ("a town hall in
// Worcester, Massachusetts"; "…," he said, not Massachusetts). These are
// general geography: the fifty US states and the District of Columbia,
// the Canadian provinces and the Australian states. Washington is left
// to the gazetteer, which reads it as the US government's seat.
var regionNames = []string{
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
	"Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
	"Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
	"Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
	"New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
	"Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
	"Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
	"Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
	"New Brunswick", "Newfoundland", "Queensland", "New South Wales", "Tasmania",
	"Western Australia", "South Australia",
}

// regionIndex maps the lower-case first word of a region's name to the
// lower-case words of the names that start with it.
var regionIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for _, n := range regionNames {
		w := strings.Fields(strings.ToLower(n))
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

// markRegions marks the capitalised words that name a region as a place,
// unless the gazetteer marked them already.
func (d *doc) markRegions() {
	for i := 0; i < len(d.toks); i++ {
		t := d.toks[i]
		if t.kind != word || !t.upper || t.place != notPlace {
			continue
		}
		names, ok := regionIndex[t.low]
		if !ok {
			continue
		}
		for _, n := range names {
			if d.matchWords(i, n) {
				for k := i; k < i+len(n); k++ {
					d.toks[k].place = placeName
				}
				i += len(n) - 1
				break
			}
		}
	}
}

// matchWords reports whether the words from token i are ws, capitalised
// except for "of".
func (d *doc) matchWords(i int, ws []string) bool {
	if i+len(ws) > len(d.toks) {
		return false
	}
	for k, w := range ws {
		t := d.toks[i+k]
		if t.kind != word || t.low != w || !t.upper && w != "of" {
			return false
		}
	}
	return true
}
