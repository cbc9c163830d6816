package extract

import (
	"strings"

	"attache/sources/clean"
	"attache/sources/doc"

	"golang.org/x/net/html"
)

// microBody returns the segments of the one element the page marks as its
// article's body with schema.org microdata (itemprop="articleBody"), or nil.
func microBody(root *html.Node) []segment {
	var found []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if hasToken(strings.ToLower(attr(n, "itemprop")), "articlebody") {
			found = append(found, n)
			return false
		}
		return true
	})
	if len(found) != 1 {
		return nil
	}
	return segments(found[0])
}

// widen returns the page's marked article body in place of a reading when
// the body holds the reading (80% of its words) and a fifth more besides:
// the extractor kept one part of a body whose paragraphs sit in separate
// wrappers, or a table inside it.
func (s *surroundings) widen(blocks []doc.Block) []doc.Block {
	if len(s.body) == 0 {
		return blocks
	}
	bb := clean.Blocks(keptBlocks(s.body, s.page))
	lr, lb := letters(blocks), letters(bb)
	if lb < lr+lr/5+200 || containment(wordBag(blocks), wordBag(bb)) < 0.8 {
		return blocks
	}
	return bb
}
