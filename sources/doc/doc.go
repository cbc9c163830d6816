// Package doc defines the block format in which Attaché keeps article text.
//
// Stored article text is a sequence of blocks separated by one blank line.
// A paragraph block is plain text; a heading block starts with "## ". The
// format survives a round trip through Format and Parse, reads well as
// markdown, and lets later stages (sentence splitting, quote finding) tell
// section headings from body text without guessing.
package doc

import "strings"

// Kind says what a block is.
type Kind int

const (
	// Paragraph is body text.
	Paragraph Kind = iota
	// Heading is a section heading inside the article.
	Heading
)

// HeadingPrefix marks a heading block in the stored text.
const HeadingPrefix = "## "

// Block is one paragraph or heading of an article.
type Block struct {
	Kind Kind
	Text string
}

// Format joins blocks into the stored text form. Whitespace inside each
// block is folded to single spaces; empty blocks are dropped.
func Format(blocks []Block) string {
	var b strings.Builder
	for _, blk := range blocks {
		text := Fold(blk.Text)
		if text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if blk.Kind == Heading {
			b.WriteString(HeadingPrefix)
		}
		b.WriteString(text)
	}
	return b.String()
}

// Parse splits stored text back into blocks. Any run of blank lines
// separates blocks; single newlines inside a block are folded to spaces.
func Parse(text string) []Block {
	var blocks []Block
	for _, part := range splitBlankLines(text) {
		kind := Paragraph
		if strings.HasPrefix(part, HeadingPrefix) {
			kind = Heading
			part = part[len(HeadingPrefix):]
		}
		part = Fold(part)
		if part == "" {
			continue
		}
		blocks = append(blocks, Block{Kind: kind, Text: part})
	}
	return blocks
}

// Paragraphs returns the text of the paragraph blocks only.
func Paragraphs(text string) []string {
	var out []string
	for _, b := range Parse(text) {
		if b.Kind == Paragraph {
			out = append(out, b.Text)
		}
	}
	return out
}

// Fold trims s and replaces every run of white space with one space.
func Fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func splitBlankLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var parts []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return parts
}
