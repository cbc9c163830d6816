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
	var out []string
	var b strings.Builder
	flush := func() {
		w := strings.Trim(b.String(), "'")
		b.Reset()
		if w != "" && !stopwords[w] {
			out = append(out, w)
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '\u2019') && b.Len() > 0:
			b.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}

// CountWords counts the runs of letters and digits in s, function words
// included: the length of a sentence as a reader sees it.
func CountWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
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

func toSet(words string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
