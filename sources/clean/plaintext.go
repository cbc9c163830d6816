package clean

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/sources/doc"
)

var (
	markdownHeading = lazyRegexp(`^#{1,6}[ \t]+`)
	// setextUnderline is a markdown heading's underline ("====", "----").
	setextUnderline = lazyRegexp(`^(=+|-+)[ \t]*$`)
	// charRef is a character reference left in text copied out of HTML:
	// numeric ("&#233;", "&#xE9;") or one of the few names text uses.
	charRef = lazyRegexp(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|quot|apos|lt|gt|nbsp);`)
	// roleWords mark a line as a speaker's role ("Japanese Prime Minister").
	roleWords = lazyRegexp(`(?i)\b(minister|president|secretary|spokes(man|woman|person)|ambassador|chancellor|premier|chair(man|woman|person)?|director|chief|ceo|founder|leader|governor|mayor|senator|representative|envoy|general|commissioner|official|adviser|advisor|head|deputy|king|queen|prince|pope|professor|analyst|editor|officer|member|speaker|rapporteur)\b`)
)

// PlainText reads the body of a .txt or .md article, where blocks are
// separated by blank lines, into blocks, and cleans them with Blocks.
//
// A one-line block that reads as a title (short, no sentence punctuation,
// followed by text) becomes a heading, and so does a markdown heading
// ("# ...", or a line underlined with "===" or "---"). The lines that name
// the speaker of a block quote stay paragraphs: a short line right after a
// paragraph of quoted speech ending in a comma ("Fumio Kishida Japanese
// Prime Minister"), the role line after such a name line, and a block of a
// name line and a role line. Quote finding reads them.
//
// When s begins with the article's title, the title comes out as the first
// heading; SplitTitle separates it first for callers that store it apart.
func PlainText(s string) []doc.Block {
	parts := splitBlocks(UnescapeRefs(s))
	textAfter := textFollows(parts)
	blocks := make([]doc.Block, 0, len(parts))
	speakerNext := false // the previous block was quoted speech or a speaker
	for i, part := range parts {
		lines := part
		if m := markdownHeading().FindString(lines[0]); m != "" && len(lines) == 1 {
			blocks = append(blocks, doc.Block{Kind: doc.Heading, Text: strings.TrimRight(strings.TrimSpace(lines[0][len(m):]), "# \t")})
			speakerNext = false
			continue
		}
		if len(lines) == 2 && setextUnderline().MatchString(strings.TrimSpace(lines[1])) && looksLikeTitle(lines[0]) {
			blocks = append(blocks, doc.Block{Kind: doc.Heading, Text: strings.TrimSpace(lines[0])})
			speakerNext = false
			continue
		}
		text := doc.Fold(strings.Join(lines, " "))
		kind := doc.Paragraph
		switch {
		case speakerNext && isSpeakerLine(text):
			// A speaker line, or the role line after the name line.
			speakerNext = !roleWords().MatchString(text) && utf8.RuneCountInString(text) <= 40
		case len(lines) == 2 && isSpeakerLine(doc.Fold(lines[0])) && roleWords().MatchString(lines[1]):
			// A name line and a role line.
			speakerNext = false
		case len(lines) == 1 && looksLikeTitle(text) && textAfter[i]:
			kind = doc.Heading
			speakerNext = false
		default:
			speakerNext = strings.HasSuffix(strings.TrimRight(text, "\"'”’ "), ",")
		}
		blocks = append(blocks, doc.Block{Kind: kind, Text: text})
	}
	return Blocks(blocks)
}

// SplitTitle separates the first non-empty line of a plain-text article
// (without a markdown "#") from the rest of it.
func SplitTitle(s string) (title, rest string) {
	s = strings.TrimLeft(strings.ReplaceAll(s, "\r\n", "\n"), " \t\n")
	line, rest, _ := strings.Cut(s, "\n")
	line = strings.TrimSpace(markdownHeading().ReplaceAllString(line, ""))
	if strings.HasPrefix(strings.TrimSpace(rest), "=") || strings.HasPrefix(strings.TrimSpace(rest), "-") {
		if u, r, _ := strings.Cut(strings.TrimLeft(rest, " \t"), "\n"); setextUnderline().MatchString(strings.TrimSpace(u)) {
			rest = r
		}
	}
	return doc.Fold(line), rest
}

// splitBlocks splits text at blank lines into blocks of trimmed lines.
func splitBlocks(s string) [][]string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var parts [][]string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				parts = append(parts, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts
}

// looksLikeTitle reports whether a line reads as a heading: short, starting
// with a capital or a digit, and not ending like a sentence or a clause.
func looksLikeTitle(line string) bool {
	line = strings.TrimSpace(line)
	n := utf8.RuneCountInString(line)
	if n == 0 || n > 120 || len(words(line)) > 14 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Han, r) &&
		!unicode.Is(unicode.Hangul, r) && !unicode.Is(unicode.Hiragana, r) && !unicode.Is(unicode.Katakana, r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ',', ';', '!', '"', '”', '’', '。', '、', '，':
		return false
	}
	return true
}

// textFollows reports, for each block, whether some later block is running
// text, so that a title-like line is a heading rather than a trailing line
// of furniture. One pass from the end keeps a long file of short lines
// linear.
func textFollows(parts [][]string) []bool {
	after := make([]bool, len(parts))
	seen := false
	for i := len(parts) - 1; i >= 0; i-- {
		after[i] = seen
		if len(parts[i]) > 1 || !looksLikeTitle(parts[i][0]) {
			seen = true
		}
	}
	return after
}

// isSpeakerLine reports whether a line can name a speaker or a role: short,
// capitalised, and not a sentence.
func isSpeakerLine(line string) bool {
	n := len(words(line))
	if n == 0 || n > 10 {
		return false
	}
	return looksLikeTitle(line) && !strings.HasSuffix(line, ":")
}

// UnescapeRefs turns the character references of text copied out of HTML
// ("communiqu&#233;") into the characters they name. Only complete
// references are read, so "AT&T" or "R&D;" stay as written, and a
// reference to a control character or to nothing stays as written too.
func UnescapeRefs(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charRef().ReplaceAllStringFunc(s, func(ref string) string {
		r := []rune(html.UnescapeString(ref))
		if len(r) != 1 || r[0] == utf8.RuneError || (unicode.IsControl(r[0]) && r[0] != '\t') {
			return ref
		}
		return string(r)
	})
}
