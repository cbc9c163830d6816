package feed

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainText is the visible text of an HTML fragment (or of plain text with
// entities), with whitespace, non-breaking spaces included, folded to
// single spaces. Script and style contents are dropped.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style:
				skip++
			}
			b.WriteByte(' ') // tags separate words: "<p>a</p><p>b</p>"
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Script, atom.Style:
				skip = max(0, skip-1)
			}
			b.WriteByte(' ')
		}
	}
}

// wordCount counts words in plain text. Scripts written without spaces
// (Chinese, Japanese, Thai…) count one word per two characters, so that a
// full article in them is not taken for a teaser.
func wordCount(text string) int {
	n := 0
	for _, w := range strings.Fields(text) {
		dense := 0
		for _, r := range w {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
				dense++
			}
		}
		n += max(1, dense/2)
	}
	return n
}
