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
func FragmentBlocks(content string) []doc.Block {
	if strings.TrimSpace(content) == "" {
		return nil
	}
	if !strings.Contains(content, "<") {
		return clean.PlainText(content)
	}
	nodes, err := html.ParseFragment(strings.NewReader(content), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return clean.PlainText(content)
	}
	var blocks []doc.Block
	var cur strings.Builder
	flush := func(kind doc.Kind) {
		if t := doc.Fold(cur.String()); t != "" {
			blocks = append(blocks, doc.Block{Kind: kind, Text: t})
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 200 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "figure", "figcaption", "noscript", "iframe", "svg", "form", "button":
				return
			case "br":
				cur.WriteByte(' ')
				return
			case "h1", "h2", "h3", "h4", "h5", "h6":
				flush(doc.Paragraph)
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, depth+1)
				}
				flush(doc.Heading)
				return
			case "p", "div", "li", "blockquote", "section", "article", "ul", "ol", "table", "tr", "pre":
				flush(doc.Paragraph)
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c, depth+1)
				}
				flush(doc.Paragraph)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	for _, n := range nodes {
		walk(n, 0)
	}
	flush(doc.Paragraph)
	return clean.Blocks(blocks)
}
