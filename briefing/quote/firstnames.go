package quote

import (
	_ "embed"
	"strings"
)

// givenNamesText is a general list of given names with the sex the source
// gives them to; givennames.txt says where it comes from and how it was
// reduced. It serves as weak evidence that a capitalised pair is a person
// and as a gender cue when the text itself gives none.
//
//go:embed givennames.txt
var givenNamesText string

// givenNames maps a lower-case given name to its gender (unknownGender for
// names given to both sexes). It is a constant table, built once.
var givenNames = parseGivenNames(givenNamesText)

func parseGivenNames(text string) map[string]gender {
	m := make(map[string]gender, 9000)
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		name, sex, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		switch sex {
		case "m":
			m[name] = male
		case "f":
			m[name] = female
		default:
			m[name] = unknownGender
		}
	}
	return m
}

// givenNameGender returns the gender a given name suggests and whether
// the name is a known given name at all.
func givenNameGender(w string) (gender, bool) {
	g, ok := givenNames[w]
	return g, ok
}
