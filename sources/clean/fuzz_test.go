package clean

import (
	"strings"
	"testing"
	"unicode/utf8"

	"attache/sources/doc"
)

// FuzzBlocks checks that Blocks never panics, keeps only blocks it was
// given (folded), in their order, and never returns an empty block.
func FuzzBlocks(f *testing.F) {
	f.Add("Japan and Italy agreed.\n0\nComments are closed.\nJapan and Italy agreed.")
	f.Add("Related\nA headline\nAnother headline\nText, at last.")
	f.Add("Photo: X/Y\n(Reporting by A; Editing by B)\n© 2024\n\xff\xfe")
	f.Add(strings.Repeat("word ", 500) + "\n" + strings.Repeat("word ", 500))
	f.Fuzz(func(t *testing.T, s string) {
		var in []doc.Block
		for i, line := range strings.Split(s, "\n") {
			kind := doc.Paragraph
			if i%3 == 1 {
				kind = doc.Heading
			}
			in = append(in, doc.Block{Kind: kind, Text: line})
		}
		out := Blocks(in)
		j := 0
		for _, b := range out {
			if b.Text == "" {
				t.Fatalf("empty block in output")
			}
			for j < len(in) && (doc.Fold(in[j].Text) != b.Text || in[j].Kind != b.Kind) {
				j++
			}
			if j == len(in) {
				t.Fatalf("output block %q is not an input block in order", b.Text)
			}
			j++
		}
	})
}

// FuzzPlainText checks that PlainText never panics and returns valid,
// non-empty blocks whose words all come from the input.
func FuzzPlainText(f *testing.F) {
	f.Add("Title\n\n0\n\nWhat happened\n\nText of the article,\n\nJane Roe\nMinister\n\nComments are closed.")
	f.Add("# Heading\n\n## Another\n\n===\n\n---")
	f.Add("\r\n\r\n\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range PlainText(s) {
			if b.Text == "" {
				t.Fatal("empty block")
			}
			if utf8.ValidString(s) && !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", b.Text)
			}
			for _, w := range strings.Fields(b.Text) {
				if !strings.Contains(s, strings.Trim(w, "#")) {
					t.Fatalf("word %q is not in the input", w)
				}
			}
		}
	})
}
