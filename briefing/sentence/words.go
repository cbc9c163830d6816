package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the content words of s for similarity measures: runs of
// letters and digits, lower-cased, with an apostrophe kept inside a word
// ("government's", "don't"; the curly ’ becomes '), and common English
// function words dropped (see IsStopword). Hyphens and other punctuation
// separate words: "Indo-Pacific" gives "indo" and "pacific".
func Words(s string) []string {
	out := make([]string, 0, len(s)/8+1)
	start := -1   // start of the current word, -1 between words
	plain := true // the word so far is lower-case ASCII: s[start:i] as it is
	for i := 0; i <= len(s); {
		var r rune
		size := 1
		var inWord bool
		switch {
		case i == len(s):
			inWord = false
		case s[i] < utf8.RuneSelf:
			c := s[i]
			r = rune(c)
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' && start >= 0
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u2019' && start >= 0
		}
		switch {
		case inWord && start < 0:
			start, plain = i, true
			fallthrough
		case inWord:
			if r >= utf8.RuneSelf || ('A' <= r && r <= 'Z') {
				plain = false
			}
		case start >= 0:
			out = appendWord(out, s[start:i], plain)
			start = -1
		}
		i += size
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendWord appends the word w, lower-cased with ’ as ', trimmed of
// apostrophes, unless it is empty or a stopword. plain says w is already
// lower-case ASCII.
func appendWord(out []string, w string, plain bool) []string {
	if !plain {
		if lower, ok := lowerASCII(w); ok {
			// The common case, a capitalised word: look the stopwords up
			// before allocating its lower-case form.
			if len(w) <= maxStopwordLen && stopwords[string(lower.b[:len(w)])] {
				return out
			}
			w = string(lower.b[:len(w)])
		} else {
			w = strings.Map(func(r rune) rune {
				if r == '\u2019' {
					return '\''
				}
				return unicode.ToLower(r)
			}, w)
		}
	}
	w = strings.Trim(w, "'")
	if w == "" || len(w) <= maxStopwordLen && stopwords[w] {
		return out
	}
	return append(out, w)
}

// shortWord holds a lower-cased word of up to 32 bytes without allocating.
type shortWord struct{ b [32]byte }

// lowerASCII lower-cases w if it is ASCII and short.
func lowerASCII(w string) (shortWord, bool) {
	var sw shortWord
	if len(w) > len(sw.b) {
		return sw, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return sw, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		sw.b[i] = c
	}
	return sw, true
}

// CountWords counts the runs of letters and digits in s, function words
// included: the length of a sentence as a reader sees it.
func CountWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		var w bool
		if c := s[i]; c < utf8.RuneSelf {
			w = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			w = unicode.IsLetter(r) || unicode.IsDigit(r)
			i += size
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// IsStopword reports whether w (lower case) is a function word that Words
// drops.
func IsStopword(w string) bool { return stopwords[w] }

// stopwords are English function words: pronouns, determiners, auxiliary
// verbs, prepositions, conjunctions and a few adverbs, plus the pieces
// that contractions leave when split at the apostrophe.
var stopwords = toSet(`
i me my myself we our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs
themselves
what which who whom whose this that these those
am is are was were be been being have has had having do does did doing
a an the
and but if or nor because as until while so than too very
of at by for with about against between into through during before after
above below to from up down in out on off over under again further
then once here there when where why how
all any both each few more most other some such no not only own same
can will just should now
s t d ll m o re ve y
`)

// maxStopwordLen is the length of the longest stopword, "themselves".
const maxStopwordLen = 10

func toSet(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
