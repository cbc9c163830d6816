package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"attache/sources/clean"
	"attache/sources/doc"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// articleBlocks finds the article in a parsed page and returns its cleaned
// blocks. The tree is changed.
func articleBlocks(root *html.Node, base *url.URL, page *Page, m *metadata,
	extractor func(*html.Node, *url.URL) (*html.Node, error)) []doc.Block {
	prune(root)
	if extractor == nil {
		extractor = Readability
	}
	node, err := extractor(root, base)
	if err != nil || node == nil {
		return nil
	}
	segs := segments(node)
	segs = dropDek(segs, firstNonEmpty(m.metas["og:description"], m.metas["description"], m.metas["twitter:description"]))
	blocks := make([]doc.Block, 0, len(segs))
	for _, s := range segs {
		if keepSegment(s, page) {
			blocks = append(blocks, doc.Block{Kind: s.kind, Text: s.text})
		}
	}
	return clean.Blocks(blocks)
}

// Readability finds the article with go-readability (a port of Mozilla's
// Readability), the default extractor. It changes the tree.
func Readability(root *html.Node, pageURL *url.URL) (*html.Node, error) {
	parser := readability.NewParser()
	parser.DisableJSONLD = true
	art, err := parser.ParseAndMutate(root, pageURL)
	if err != nil {
		return nil, fmt.Errorf("extract: readability: %w", err)
	}
	return art.Node, nil
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

// dropDek removes a standfirst that opens the extracted text: the page's
// description repeated in a block that stands apart from the body: in
// another container than the block after it and than the blocks that hold
// most of the text. A
// first paragraph of the body that sites copy into their description
// shares that container and stays.
func dropDek(segs []segment, description string) []segment {
	if len(segs) < 2 || description == "" {
		return segs
	}
	desc := wordsOf(description)
	if len(desc) < 6 {
		return segs
	}
	first := wordsOf(segs[0].text)
	if len(first) < 6 || !samePrefix(first, desc) {
		return segs
	}
	parent := func(s segment) *html.Node {
		if s.node == nil {
			return nil
		}
		return s.node.Parent
	}
	own := parent(segs[0])
	if own != nil && own != parent(segs[1]) && own != mainContainer(segs[1:]) {
		return segs[1:]
	}
	return segs
}

// mainContainer returns the element whose child blocks hold the most text.
func mainContainer(segs []segment) *html.Node {
	chars := map[*html.Node]int{}
	var best *html.Node
	for _, s := range segs {
		if s.node == nil || s.node.Parent == nil {
			continue
		}
		p := s.node.Parent
		chars[p] += s.chars
		if best == nil || chars[p] > chars[best] {
			best = p
		}
	}
	return best
}

// samePrefix reports whether the shorter word list opens the longer one.
func samePrefix(a, b []string) bool {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// wordsOf splits s into its runs of letters and digits, case kept.
func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
