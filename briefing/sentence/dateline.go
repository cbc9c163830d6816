package sentence

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// datelineRE matches what may be a dateline opening a sentence: "TOKYO
// (Reuters) - ", "ROME, Jan 15 (AP) — ", "WASHINGTON — ".
var datelineRE = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,[\p{L} .]{2,30}?)?(?:,?\s*\p{L}{3,9}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\))?\s*[-–—]{1,2}\s+`)

// Dateline returns the length in bytes of the dateline that opens text
// (where the story was filed: "TOKYO (Reuters) - "), 0 when there is
// none. A dateline names its place in capitals, in four words at most,
// and carries an agency, a date or an em dash before a capital: "NATO –
// Russia relations soured." and "NATO — the alliance met" are none.
func Dateline(text string) int {
	if !startsUpper(text, 3) {
		return 0
	}
	loc := datelineRE.FindStringIndex(text)
	if loc == nil || loc[1] >= len(text) {
		return 0
	}
	head := text[:loc[1]]
	if !strings.ContainsAny(head, "(0123456789—") && !strings.Contains(head, "--") {
		return 0
	}
	if i := strings.IndexAny(head, "(,-–—"); i > 0 {
		head = head[:i]
	}
	if strings.IndexFunc(head, unicode.IsLower) >= 0 || CountWords(head) > 4 {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(text[loc[1]:]); unicode.IsLower(r) {
		return 0
	}
	return loc[1]
}

// startsUpper reports whether t begins with n upper-case letters.
func startsUpper(t string, n int) bool {
	for _, r := range t {
		if n == 0 {
			return true
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n--
	}
	return n == 0
}
