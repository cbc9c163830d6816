package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tok is one word of text: letters, digits and combining marks, or a run of
// single letters joined by periods ("U.S.", "E.U."). Apostrophes, hyphens
// and everything else separate words, so "Japan's" is "Japan" and "s".
type tok struct {
	start, end int
	cap        bool // the first letter is upper-case
	caps       bool // every letter is upper-case (and there is one)
	lower      bool // the first letter is lower-case
}

// asciiWord marks the ASCII bytes that belong to words.
var asciiWord = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// nextToken returns the first word of s at or after byte i.
func nextToken(s string, i int) (tok, bool) {
	n := len(s)
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i >= n {
		return tok{}, false
	}
	t := tok{start: i}
	up, low, first := 0, 0, true
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			switch {
			case c >= 'A' && c <= 'Z':
				up++
				if first {
					t.cap, first = true, false
				}
			case c >= 'a' && c <= 'z':
				low++
				if first {
					t.lower, first = true, false
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsUpper(r):
			up++
			if first {
				t.cap, first = true, false
			}
		case unicode.IsLetter(r):
			if unicode.IsLower(r) {
				low++
			}
			if first {
				t.lower, first = true, false
			}
		case unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		default:
			t.end = i
			t.caps = up > 0 && low == 0
			return t, true
		}
		i += size
	}
	// A single letter followed by ".X" with X a single letter: an
	// abbreviation such as U.S., U.K., E.U., D.C.
	if i-t.start == 1 && isASCIILetter(s[t.start]) {
		j := i
		for j+1 < n && s[j] == '.' && isASCIILetter(s[j+1]) && (j+2 >= n || (s[j+2] < utf8.RuneSelf && !asciiWord[s[j+2]])) {
			if s[j+1] >= 'A' && s[j+1] <= 'Z' {
				up++
			} else {
				low++
			}
			j += 2
		}
		if j > i {
			if j < n && s[j] == '.' {
				j++
			}
			i = j
		}
	}
	t.end = i
	t.caps = up > 0 && low == 0
	return t, true
}

// tokenize splits a name from the data into words, with the punctuation
// found between each pair (gapPeriod, gapComma).
func tokenize(s string) (words []string, gaps []uint8) {
	pos := 0
	prevEnd := -1
	for {
		t, ok := nextToken(s, pos)
		if !ok {
			return words, gaps
		}
		if prevEnd >= 0 {
			var g uint8
			for _, c := range s[prevEnd:t.start] {
				switch c {
				case '.':
					g |= gapPeriod
				case ',':
					g |= gapComma
				}
			}
			gaps = append(gaps, g)
		}
		words = append(words, s[t.start:t.end])
		prevEnd = t.end
		pos = t.end
	}
}

// The punctuation a phrase allows between two of its words, beyond spaces,
// one line break, hyphens, dashes and apostrophes.
const (
	gapPeriod uint8 = 1 << iota
	gapComma
)

// gapOK tells whether s[a:b], the text between two words, may join the
// words of one name.
func gapOK(s string, a, b int, allow uint8) bool {
	if b-a > 8 {
		return false
	}
	lines := 0
	for k := a; k < b; k++ {
		switch s[k] {
		case ' ', '\t', '-', '\'', '\r':
		case '\n':
			lines++
			if lines > 1 {
				return false
			}
		case '.':
			if allow&gapPeriod == 0 {
				return false
			}
		case ',':
			if allow&gapComma == 0 {
				return false
			}
		case 0xC2: // no-break space
			if k+1 >= b || s[k+1] != 0xA0 {
				return false
			}
			k++
		case 0xE2: // ‘ ’ ‐ ‑ – —
			if k+2 >= b || s[k+1] != 0x80 {
				return false
			}
			switch s[k+2] {
			case 0x98, 0x99, 0x90, 0x91, 0x93, 0x94:
			default:
				return false
			}
			k += 2
		default:
			return false
		}
	}
	return true
}

// onlySpace tells whether s[a:b] is one to three spaces (two words side by
// side in a phrase, not across punctuation).
func onlySpace(s string, a, b int) bool {
	if b <= a || b-a > 3 {
		return false
	}
	for k := a; k < b; k++ {
		if s[k] != ' ' {
			return false
		}
	}
	return true
}

// fold lower-cases s and strips diacritics ("Erdoğan" -> "erdogan").
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	return strings.ToLower(stripMarks(s))
}

// stripMarks removes diacritics and spells out the letters that carry them
// inside ("ø", "ł", "ı", "đ"), keeping case.
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ı':
			r = 'i'
		case 'İ':
			r = 'I'
		case 'ø':
			r = 'o'
		case 'Ø':
			r = 'O'
		case 'ł':
			r = 'l'
		case 'Ł':
			r = 'L'
		case 'đ':
			r = 'd'
		case 'Đ':
			r = 'D'
		case 'ß':
			b.WriteString("ss")
			continue
		case 'ʻ', 'ʼ', '’', '‘':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}
