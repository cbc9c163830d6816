package briefing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/briefing/sentence"
	"attache/sources/doc"
)

// Snippet returns the passage of an article's text that shows why it
// matched a search: the first sentence holding one of the words (in any
// case, or with a common English ending: "talk" finds "talks"), cut to
// about width runes around the first match, with every matching word
// marked *like this*. With no words, or none found, it is the article's
// first sentence. White space is folded; "…" marks a cut.
func Snippet(text string, words []string, width int) string {
	if width < 40 {
		width = 40
	}
	var stems []string
	for _, w := range words {
		for _, v := range spellings(strings.ToLower(w)) {
			if v = strings.Trim(v, ".,;:!?\"'()"); v != "" {
				stems = append(stems, stem(v))
			}
		}
	}
	sents := sentence.Split(text)
	if len(sents) == 0 {
		return ""
	}
	pick := -1
	for i, s := range sents {
		if !s.Heading && len(matches(s.Text, stems)) > 0 {
			pick = i
			break
		}
	}
	if pick < 0 {
		for i, s := range sents {
			if !s.Heading {
				pick = i
				break
			}
		}
		if pick < 0 {
			return ""
		}
	}
	s := doc.Fold(sents[pick].Text)
	spans := matches(s, stems)
	// Cut to width around the first match.
	from, to := 0, len(s)
	if utf8.RuneCountInString(s) > width {
		at := 0
		if len(spans) > 0 {
			at = spans[0][0]
		}
		from = backRunes(s, at, width/3)
		to = min(len(s), from+byteSpan(s[from:], width))
		from, to = wordStart(s, from), wordEnd(s, to)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, sp := range spans {
		if sp[0] < from || sp[1] > to {
			continue
		}
		b.WriteString(s[pos:sp[0]])
		b.WriteString("*" + s[sp[0]:sp[1]] + "*")
		pos = sp[1]
	}
	b.WriteString(s[pos:to])
	if to < len(s) {
		b.WriteString("…")
	}
	return b.String()
}

// matches finds the words of s that start with one of the stems, as byte
// spans.
func matches(s string, stems []string) [][2]int {
	if len(stems) == 0 {
		return nil
	}
	var out [][2]int
	start := -1
	for i, r := range s + " " {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			w := strings.ToLower(s[start:i])
			for _, st := range stems {
				if strings.HasPrefix(w, st) && len(w) <= len(st)+4 {
					out = append(out, [2]int{start, i})
					break
				}
			}
			start = -1
		}
	}
	return out
}

// backRunes steps back n runes from byte i of s.
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// byteSpan is the length in bytes of the first n runes of s.
func byteSpan(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// wordStart moves i forward to the start of a word (unless it is one).
func wordStart(s string, i int) int {
	if i == 0 {
		return 0
	}
	for i < len(s) && s[i-1] != ' ' {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// wordEnd moves i back to the end of a word (unless it is one), and
// before any punctuation that would dangle before "…".
func wordEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && s[i] != ' ' {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return len(strings.TrimRight(s[:i], " ,;:-"))
}
