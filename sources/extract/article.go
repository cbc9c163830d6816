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
	"golang.org/x/net/html/atom"
)

// articleBlocks finds the article in a parsed page and returns its cleaned
// blocks. The tree is changed. When pruning and the extractor leave almost
// nothing, it tries again on a fresh tree without pruning, and then takes
// the page's paragraphs as they stand; the longest result wins.
func articleBlocks(text string, root *html.Node, base *url.URL, page *Page, m *metadata, o Options) []doc.Block {
	extractor := o.Extractor
	minArticleLetters := o.Tuning.minLetters()
	if extractor == nil {
		extractor = Readability
	}
	description := firstNonEmpty(m.metas["og:description"], m.metas["description"], m.metas["twitter:description"])
	prune(root)
	best := blocksFrom(extractor, root, base, page, description)
	if letters(best) >= minArticleLetters {
		return best
	}
	attempts := []func() []doc.Block{
		func() []doc.Block { // the extractor alone, on the page as it came
			fresh, err := parseHTML(text)
			if err != nil {
				return nil
			}
			return blocksFrom(extractor, fresh, base, page, description)
		},
		func() []doc.Block { // the page's own paragraphs
			fresh, err := parseHTML(text)
			if err != nil {
				return nil
			}
			prune(fresh)
			return paragraphBlocks(fresh, page)
		},
	}
	for _, attempt := range attempts {
		if got := attempt(); letters(got) > letters(best) {
			best = got
		}
		if letters(best) >= minArticleLetters {
			break
		}
	}
	return best
}

// blocksFrom runs an extractor and turns what it found into clean blocks.
func blocksFrom(extractor func(*html.Node, *url.URL) (*html.Node, error), root *html.Node,
	base *url.URL, page *Page, description string) []doc.Block {
	node, err := extractor(root, base)
	if err != nil || node == nil {
		return nil
	}
	return cleanSegments(dropDek(segments(node), description), page)
}

func cleanSegments(segs []segment, page *Page) []doc.Block {
	blocks := make([]doc.Block, 0, len(segs))
	for _, s := range segs {
		if keepSegment(s, page) {
			blocks = append(blocks, doc.Block{Kind: s.kind, Text: s.text})
		}
	}
	return clean.Blocks(blocks)
}

// paragraphBlocks is the last resort: the paragraphs and headings of the
// page's <article> or <main> (else its body) that are mostly not links.
func paragraphBlocks(root *html.Node, page *Page) []doc.Block {
	scope := root
	for _, a := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if n := findElement(root, a); n != nil {
			scope = n
			break
		}
	}
	var segs []segment
	for _, s := range segments(scope) {
		switch s.tag {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.Blockquote, atom.Li, atom.Pre:
			if s.links*2 < s.chars {
				segs = append(segs, s)
			}
		}
	}
	return cleanSegments(segs, page)
}

// findElement returns the first element of kind a under root.
func findElement(root *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == a {
			found = n
			return false
		}
		return true
	})
	return found
}

// letters counts the letters and digits of blocks.
func letters(blocks []doc.Block) int {
	n := 0
	for _, b := range blocks {
		n += countWordChars(b.Text)
	}
	return n
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
