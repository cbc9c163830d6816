package extract

import (
	"net/url"

	"attache/sources/clean"
	"attache/sources/doc"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// articleBlocks finds the article in a parsed page and returns its cleaned
// blocks. The tree is changed.
func articleBlocks(root *html.Node, base *url.URL, page *Page) []doc.Block {
	prune(root)
	parser := readability.NewParser()
	parser.DisableJSONLD = true
	art, err := parser.ParseAndMutate(root, base)
	if err != nil || art.Node == nil {
		return nil
	}
	segs := segments(art.Node)
	blocks := make([]doc.Block, 0, len(segs))
	for _, s := range segs {
		if keepSegment(s, page) {
			blocks = append(blocks, doc.Block{Kind: s.kind, Text: s.text})
		}
	}
	return clean.Blocks(blocks)
}

// keepSegment decides from the markup whether a segment is article text.
func keepSegment(s segment, page *Page) bool {
	if s.kind == doc.Heading && page.Title != "" && squash(s.text) == squash(page.Title) {
		return false
	}
	// A block that is all link is a pointer to another page: a related
	// story, a "read more", a tag. Long linked passages are kept.
	if s.chars > 0 && s.links*10 >= s.chars*9 && s.chars < 300 {
		return false
	}
	return true
}
