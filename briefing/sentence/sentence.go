// Package sentence splits article text into sentences and words.
//
// The input is an article in the block format of attache/sources/doc:
// blocks separated by blank lines, headings prefixed "## ". Plain text
// works too: a text with no blank lines is one paragraph. Every Sentence
// keeps its byte offsets, so its Text is always the verbatim slice
// input[Start:End]; nothing is rewritten, joined or invented.
//
// Boundaries are found by rule, not by a trained model: a run of . ! ? or
// an ellipsis, optionally followed by closing quotes or brackets, then
// white space, then something that can begin a sentence (not a lower-case
// letter). A single period after a title ("Mr.", "Adm."), a month ("Jan."),
// "No." before a number, an initial ("George W. Bush") or a dotted acronym
// ("U.S.", "J.D.") ends a sentence only where the next word is one that
// usually opens a sentence ("The", "He", ...). Decimals and money ("3.5%",
// "$1.2bn") never split because no space follows their period.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/sources/doc"
)

// Sentence is one sentence of a document, or one heading.
type Sentence struct {
	// Text is the sentence verbatim: Text == input[Start:End]. It is
	// trimmed of surrounding white space; inner line breaks are kept.
	Text string
	// Start and End are byte offsets into the text given to Split.
	Start, End int
	// Para is the index of the block (paragraph or heading) that holds the
	// sentence, counting every block of the document from 0, as
	// doc.Parse would number them.
	Para int
	// Index is the position of the sentence in the document, from 0,
	// headings included.
	Index int
	// Heading is true for a heading block ("## ..."); its Text is the
	// heading without the prefix. Headings are never merged with body text.
	Heading bool
}

// Split returns the sentences of text in order. Empty or blank text gives
// no sentences; text without any sentence mark gives one sentence per
// block. Split never panics, whatever the bytes.
func Split(text string) []Sentence {
	out := make([]Sentence, 0, min(len(text)/100+1, 1<<12))
	para := 0
	for _, b := range blocks(text) {
		if strings.HasPrefix(text[b.start:b.end], doc.HeadingPrefix) {
			s, e := trim(text, b.start+len(doc.HeadingPrefix), b.end)
			if s < e {
				out = append(out, Sentence{Text: text[s:e], Start: s, End: e, Para: para, Index: len(out), Heading: true})
				para++
			}
			continue
		}
		n := len(out)
		out = splitBlock(text, b.start, b.end, para, out)
		if len(out) > n {
			para++
		}
	}
	return out
}

// span is a half-open byte range of the input.
type span struct{ start, end int }

// blocks finds the runs of non-blank lines. A blank line holds only white
// space; "\r\n" line ends are fine since '\r' is white space.
func blocks(text string) []span {
	out := make([]span, 0, min(strings.Count(text, "\n\n")+1, 1<<12))
	start := -1 // start of the current block, -1 when between blocks
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		blank := strings.TrimSpace(text[lineStart:lineEnd]) == ""
		switch {
		case blank && start >= 0:
			out = append(out, span{start, lineStart})
			start = -1
		case !blank && start < 0:
			start = lineStart
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// splitBlock appends the sentences of the paragraph text[start:end].
func splitBlock(text string, start, end, para int, out []Sentence) []Sentence {
	emit := func(s, e int) {
		s, e = trim(text, s, e)
		if s < e {
			out = append(out, Sentence{Text: text[s:e], Start: s, End: e, Para: para, Index: len(out)})
		}
	}
	segStart := start
	quoted := quotedSpans(text, start, end)
	q := 0 // the first quoted span that does not end before i
	i := start
	for i < end {
		n := terminatorLen(text, i, end)
		if n == 0 {
			i++
			continue
		}
		termStart := i
		// The whole run of terminators: "?!", "...", "…".
		j := i
		for j < end {
			m := terminatorLen(text, j, end)
			if m == 0 {
				break
			}
			j += m
		}
		k := j
		for k < end {
			m := closerLen(text, k, end)
			if m == 0 {
				break
			}
			k += m
		}
		if k >= end {
			break // the block ends here anyway
		}
		r, size := utf8.DecodeRuneInString(text[k:end])
		if !unicode.IsSpace(r) {
			i = j // "3.5", "U.S.-led", "example.com"
			continue
		}
		next := k + size
		for next < end {
			r, size := utf8.DecodeRuneInString(text[next:end])
			if !unicode.IsSpace(r) {
				break
			}
			next += size
		}
		if next >= end {
			break
		}
		for q < len(quoted) && quoted[q].end <= termStart {
			q++
		}
		inQuote := q < len(quoted) && quoted[q].start < termStart && k < quoted[q].end
		if !inQuote && isBoundary(text, segStart, termStart, j, k, next, end) {
			emit(segStart, k)
			segStart = next
		}
		i = next
	}
	emit(segStart, end)
	return out
}

// maxQuotedSentence bounds a quotation kept inside one sentence: longer
// quotations (a whole statement read out) are split as usual.
const maxQuotedSentence = 600

// quotedSpans returns the stretches of text[start:end] between a double
// quotation mark that opens and the one that closes it ("…" or “…”), in
// order, as byte ranges from the opening mark to just after the closing
// one. A sentence never ends inside one of them, so that no sentence is
// left with an open quotation mark. A mark with no partner in the block,
// and quotations longer than maxQuotedSentence, give no span.
func quotedSpans(text string, start, end int) []span {
	var out []span
	open := -1
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\u201c' || r == '"' && open < 0 && opensQuote(text, start, i):
			open = i
		case (r == '\u201d' || r == '"') && open >= 0:
			if i+size-open <= maxQuotedSentence {
				out = append(out, span{open, i + size})
			}
			open = -1
		}
		i += size
	}
	return out
}

// opensQuote reports whether the straight mark at i opens a quotation: it
// starts the block or follows white space or an opening bracket.
func opensQuote(text string, start, i int) bool {
	if i == start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{-\u2014:", r)
}

// isBoundary decides whether the terminators text[termStart:termEnd],
// followed by closers up to closeEnd and white space up to next, end a
// sentence that began at segStart.
func isBoundary(text string, segStart, termStart, termEnd, closeEnd, next, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[next:end])
	if unicode.IsLower(r) || strings.ContainsRune(",;:)]}", r) {
		return false // "Why?" he asked. / "e.g. this"
	}
	if termEnd-termStart != 1 || text[termStart] != '.' || closeEnd != termEnd {
		return true // ! ? … ... or a period inside closing quotes
	}
	word := wordBefore(text, segStart, termStart)
	nextWord := wordAfter(text, next, end)
	kind := abbreviationKind(word)
	if i := strings.LastIndexAny(word, "-–"); kind == notAbbrev && i >= 0 {
		kind = abbreviationKind(word[i+1:]) // "Vice-Adm."
	}
	switch kind {
	case abbrevTitle:
		return false
	case abbrevBeforeNumber:
		return !startsWithDigit(nextWord) && opensSentence(nextWord)
	case abbrevOther:
		return opensSentence(nextWord)
	}
	if isInitial(word) || isDottedAcronym(word) {
		return opensSentence(nextWord)
	}
	return true
}

// wordBefore returns the token that ends just before the period at dot,
// without leading opening quotes or brackets ("(U.S" from "(U.S.").
func wordBefore(text string, segStart, dot int) string {
	s := dot
	for s > segStart {
		r, size := utf8.DecodeLastRuneInString(text[segStart:s])
		if unicode.IsSpace(r) {
			break
		}
		s -= size
	}
	return strings.TrimLeft(text[s:dot], "\"'([{\u201c\u2018\u00ab")
}

// wordAfter returns the token that starts at next, without opening quotes,
// and without trailing punctuation.
func wordAfter(text string, next, end int) string {
	e := next
	for e < end {
		r, size := utf8.DecodeRuneInString(text[e:end])
		if unicode.IsSpace(r) {
			break
		}
		e += size
	}
	return strings.TrimRight(text[next:e], ".,;:!?\"')]}\u201d\u2019")
}

func startsWithDigit(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// isInitial reports a single upper-case letter: the "W" of "George W. Bush".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// isDottedAcronym reports letters joined by periods, the final period
// excluded: "U.S", "J.D", "a.m", "U.K".
func isDottedAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	letter := true // expecting a letter next
	for _, r := range w {
		switch {
		case letter && unicode.IsLetter(r):
			letter = false
		case !letter && r == '.':
			letter = true
		default:
			return false
		}
	}
	return !letter
}

// terminatorLen is the byte length of a sentence terminator at text[i], or 0.
func terminatorLen(text string, i, end int) int {
	switch text[i] {
	case '.', '!', '?':
		return 1
	}
	if strings.HasPrefix(text[i:end], "\u2026") { // …
		return len("\u2026")
	}
	return 0
}

// closerLen is the byte length of a closing quote or bracket at text[i], or 0.
func closerLen(text string, i, end int) int {
	switch text[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	}
	for _, c := range []string{"\u201d", "\u2019", "\u00bb"} { // ” ’ »
		if strings.HasPrefix(text[i:end], c) {
			return len(c)
		}
	}
	return 0
}

// trim narrows text[s:e] to exclude white space at both ends.
func trim(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
