package sources

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"attache/sources/clean"
	"attache/sources/doc"
)

// FragmentBlocks turns the HTML (or plain text) of a feed item's content
// into cleaned blocks: paragraphs, list items and quotes become paragraphs,
// h1-h6 become headings, and scripts, styles and figures are dropped.
// Markup nested deeper than the HTML parser accepts is read tag by tag
// instead, with the same rules, so that its text is kept and its tags are
// not.
func FragmentBlocks(content string) []doc.Block {
	if strings.TrimSpace(content) == "" {
		return nil
	}
	if !strings.Contains(content, "<") {
		return clean.PlainText(content)
	}
	var fb fragmentBuilder
	nodes, err := html.ParseFragment(strings.NewReader(content), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		fb.tokens(content)
	} else {
		for _, n := range nodes {
			fb.walk(n, 0)
		}
	}
	fb.flush(doc.Paragraph)
	return clean.Blocks(fb.blocks)
}

// fragmentTag says what an element does to the blocks of a fragment.
type fragmentTag int

const (
	inlineTag  fragmentTag = iota // its text joins the current block
	skippedTag                    // it and its content are left out
	breakTag                      // <br>: a space
	headingTag                    // h1-h6: a heading block
	blockTag                      // p, div, li…: a paragraph block
)

func classifyTag(a atom.Atom) fragmentTag {
	switch a {
	case atom.Script, atom.Style, atom.Figure, atom.Figcaption, atom.Noscript, atom.Iframe, atom.Svg, atom.Form, atom.Button:
		return skippedTag
	case atom.Br:
		return breakTag
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return headingTag
	case atom.P, atom.Div, atom.Li, atom.Blockquote, atom.Section, atom.Article, atom.Ul, atom.Ol, atom.Table, atom.Tr, atom.Pre:
		return blockTag
	}
	return inlineTag
}

// maxFragmentDepth bounds the recursion over a parsed fragment; the parser
// already refuses documents with more than 512 open elements.
const maxFragmentDepth = 1024

// fragmentBuilder gathers the blocks of a fragment as its text is read.
type fragmentBuilder struct {
	blocks []doc.Block
	cur    strings.Builder
}

func (fb *fragmentBuilder) flush(kind doc.Kind) {
	if t := doc.Fold(fb.cur.String()); t != "" {
		fb.blocks = append(fb.blocks, doc.Block{Kind: kind, Text: t})
	}
	fb.cur.Reset()
}

// walk reads a parsed fragment.
func (fb *fragmentBuilder) walk(n *html.Node, depth int) {
	if depth > maxFragmentDepth {
		return
	}
	children := func() {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			fb.walk(c, depth+1)
		}
	}
	switch n.Type {
	case html.TextNode:
		fb.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		switch classifyTag(n.DataAtom) {
		case skippedTag:
			return
		case breakTag:
			fb.cur.WriteByte(' ')
			return
		case headingTag:
			fb.flush(doc.Paragraph)
			children()
			fb.flush(doc.Heading)
			return
		case blockTag:
			fb.flush(doc.Paragraph)
			children()
			fb.flush(doc.Paragraph)
			return
		}
	}
	children()
}

// tokens reads a fragment that the parser refused, tag by tag: block tags
// end blocks, the text of skipped elements is dropped, and the rest of the
// text is kept.
func (fb *fragmentBuilder) tokens(content string) {
	z := html.NewTokenizer(strings.NewReader(content))
	skip := map[atom.Atom]int{} // skipped elements open
	skipping := 0
	heading := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.TextToken:
			if skipping == 0 {
				fb.cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch classifyTag(a) {
			case skippedTag:
				if tt == html.StartTagToken {
					skip[a]++
					skipping++
				}
			case breakTag:
				fb.cur.WriteByte(' ')
			case headingTag:
				fb.flush(doc.Paragraph)
				heading++
			case blockTag:
				fb.flush(fb.kind(heading))
			}
		case html.EndTagToken:
			switch classifyTag(a) {
			case skippedTag:
				if skip[a] > 0 {
					skip[a]--
					skipping--
				}
			case headingTag:
				fb.flush(doc.Heading)
				heading = max(0, heading-1)
			case blockTag:
				fb.flush(fb.kind(heading))
			}
		}
	}
}

func (fb *fragmentBuilder) kind(heading int) doc.Kind {
	if heading > 0 {
		return doc.Heading
	}
	return doc.Paragraph
}
