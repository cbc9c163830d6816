package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/sources/doc"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// segment is one block of text cut from the extracted article, with what
// the markup said about it.
type segment struct {
	kind  doc.Kind
	text  string
	chars int        // letters and digits in text
	links int        // letters and digits inside links
	tag   atom.Atom  // the block element holding the text
	list  bool       // inside a list item
	quote bool       // inside a blockquote
	cell  bool       // inside a table cell
	node  *html.Node // the block element holding the text
}

// blockElements start a new block of text.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Ul: true, atom.Caption: true, atom.Summary: true, atom.Menu: true,
	atom.Body: true, atom.Html: true,
}

// skippedElements hold no article text.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
	atom.Head: true, atom.Title: true,
	// ruby annotations: the reading printed small above the text
	atom.Rt: true, atom.Rp: true,
}

// segmenter cuts a tree into segments.
type segmenter struct {
	segs  []segment
	buf   strings.Builder
	chars int
	links int
	ctx   segment
	depth int
}

// segments cuts the article tree into blocks of text: one for each
// paragraph, heading, list item or line of a block broken by <br>.
func segments(root *html.Node) []segment {
	s := &segmenter{}
	s.visit(root, segment{tag: atom.Body}, false)
	s.flush()
	return s.segs
}

func (s *segmenter) flush() {
	text := strings.Join(strings.Fields(s.buf.String()), " ")
	if text != "" {
		seg := s.ctx
		seg.text = text
		seg.chars = s.chars
		seg.links = s.links
		s.segs = append(s.segs, seg)
	}
	s.buf.Reset()
	s.chars, s.links = 0, 0
}

func (s *segmenter) visit(n *html.Node, ctx segment, inLink bool) {
	switch n.Type {
	case html.TextNode:
		if s.buf.Len() == 0 {
			s.ctx = ctx
		}
		s.buf.WriteString(n.Data)
		k := countWordChars(n.Data)
		s.chars += k
		if inLink {
			s.links += k
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		if skippedElements[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			s.flush()
			return
		case atom.A:
			// A link to another page; an anchor within this one (a
			// heading's permalink) is text like any other.
			if href := strings.TrimSpace(attr(n, "href")); href != "" && !(len(href) > 1 && href[0] == '#') && !mailOrPhone(href) {
				inLink = true
			}
		case atom.Td, atom.Th:
			// Cells of a row make one block, one space apart.
			if s.buf.Len() == 0 {
				s.ctx = ctx
			}
			s.buf.WriteByte(' ')
			ctx.cell = true
		}
		if blockElements[n.DataAtom] {
			s.flush()
			ctx.tag = n.DataAtom
			ctx.node = n
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				ctx.kind = doc.Heading
			case atom.Li, atom.Dd, atom.Dt:
				ctx.list = true
			case atom.Blockquote:
				ctx.quote = true
			}
		}
	}
	s.depth++
	if s.depth < 600 {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.visit(c, ctx, inLink)
		}
	}
	s.depth--
	if n.Type == html.ElementNode && blockElements[n.DataAtom] {
		s.flush()
	}
}

// countWordChars counts the letters and digits of s.
func countWordChars(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// mailOrPhone reports whether a link writes a mail or calls a number: an
// address given in the text, not a pointer to another page.
func mailOrPhone(href string) bool {
	if len(href) < 4 {
		return false
	}
	h := strings.ToLower(href[:min(len(href), 7)])
	return strings.HasPrefix(h, "mailto:") || strings.HasPrefix(h, "tel:")
}
