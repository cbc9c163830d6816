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
// blocks. The tree is changed. The page is pruned of furniture and handed
// to the extractor; when that reading is short, or could have been tipped
// to the wrong part of the page by the pruning, the extractor also reads
// the page as it came, and when the readings disagree the evidence of the
// page (see choose.go) picks among them and the page's own paragraphs
// under its headline. The reading that stands is completed from what
// surrounds it (see lead.go): the page's marked article body when it holds
// the reading and much more, and the text between the headline and the
// reading.
func articleBlocks(root *html.Node, base *url.URL, page *Page, m *metadata, o Options) []doc.Block {
	extractor := o.Extractor
	if extractor == nil {
		extractor = Readability
	}
	t := o.Tuning
	// The standfirst (the description repeated above the body) is what a
	// reader sees under the headline, and stays unless told otherwise.
	description := ""
	if t.DropStandfirst {
		description = firstNonEmpty(m.metas["og:description"], m.metas["description"], m.metas["twitter:description"])
	}
	// The page as it came, for the second reading: copying the tree costs
	// a small part of parsing the page again.
	fresh := cloneTree(root)
	prune(root, page.Title)
	// What lies around the reading is read before the extractor changes
	// the tree; it completes whichever reading stands.
	near := readSurroundings(root, page, m)
	first := blocksFrom(extractor, root, base, page, description)
	la := letters(first)
	if la >= t.secondReading() {
		return near.complete(first)
	}
	ev := newEvidence(fresh, page.Title, m.h1, m.jsonLD.body)
	short := la < t.minLetters()
	astray := ev.markedShare(first) >= 0.8
	var own *html.Node
	if short || astray {
		own = cloneTree(fresh) // for the page's own paragraphs
	}
	// The second reading is compared before it is cleaned, and cleaned only
	// when it is a candidate.
	raw := keptBlocks(readSegments(extractor, fresh, base, description), page)
	a, b := newCandidate("pruned", first), newCandidate("as it came", raw)
	ab, ba := containment(a.bag, b.bag), containment(b.bag, a.bag)
	if !short && !astray && (letters(raw) == 0 || ab >= 0.5 && ba >= t.agreement()) {
		// The readings agree, or the second found nothing.
		return near.complete(ev.trim(first))
	}
	second := clean.Blocks(raw)
	b = newCandidate("as it came", second)
	ab = containment(a.bag, b.bag)
	cs := []*candidate{a, b}
	if ab >= 0.5 {
		// The second reading holds the first and more: the more may be
		// article text that the pruning cost, or the furniture it removed.
		if rest := minus(second, a.bag); letters(rest) >= 100 {
			cs = append(cs, newCandidate("as it came, less the pruned reading", rest))
		}
	}
	if own != nil {
		if blocks := paragraphBlocks(own, page, m.h1); letters(blocks) > 0 {
			cs = append(cs, newCandidate("the page's paragraphs", blocks))
		}
	}
	pick := ev.choose(cs, t.margin())
	return near.complete(ev.trim(pick.blocks))
}

// blocksFrom runs an extractor and turns what it found into clean blocks.
func blocksFrom(extractor func(*html.Node, *url.URL) (*html.Node, error), root *html.Node,
	base *url.URL, page *Page, description string) []doc.Block {
	return cleanSegments(readSegments(extractor, root, base, description), page)
}

// readSegments runs an extractor and cuts what it found into segments,
// without a standfirst that repeats the description.
func readSegments(extractor func(*html.Node, *url.URL) (*html.Node, error), root *html.Node,
	base *url.URL, description string) []segment {
	node, err := extractor(root, base)
	if err != nil || node == nil {
		return nil
	}
	return dropDek(segments(node), description)
}

func cleanSegments(segs []segment, page *Page) []doc.Block {
	return clean.Blocks(keptBlocks(segs, page))
}

// keptBlocks returns the segments that the markup says are article text,
// as blocks.
func keptBlocks(segs []segment, page *Page) []doc.Block {
	blocks := make([]doc.Block, 0, len(segs))
	for i, s := range segs {
		if keepSegment(wholeBlock(segs, i), page) {
			blocks = append(blocks, doc.Block{Kind: s.kind, Text: s.text})
		}
	}
	return blocks
}

// paragraphBlocks is the last resort: the paragraphs and headings that
// are mostly not links, under the headline's container (the nearest
// ancestor of the headline that holds some prose besides it), else in the
// page's <article> or <main>, else its body. The tree is changed.
func paragraphBlocks(root *html.Node, page *Page, h1 string) []doc.Block {
	scope := headlineScope(root, page.Title, h1)
	for _, a := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if scope != nil {
			break
		}
		scope = findElement(root, a)
	}
	if scope == nil {
		scope = root
	}
	prune(scope, page.Title)
	var segs []segment
	for _, s := range segments(scope) {
		switch s.tag {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.Blockquote, atom.Li, atom.Pre, atom.Div:
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

// wholeBlock returns segment i with the letters and links of all the lines
// of its block element when <br> cut that element into several segments:
// a line that is one link inside a paragraph of text is part of the text
// (an address under a name), and is judged with it.
func wholeBlock(segs []segment, i int) segment {
	s := segs[i]
	if s.node == nil {
		return s
	}
	lo, hi := i, i+1
	for lo > 0 && segs[lo-1].node == s.node {
		lo--
	}
	for hi < len(segs) && segs[hi].node == s.node {
		hi++
	}
	if hi-lo == 1 {
		return s
	}
	s.chars, s.links = 0, 0
	for _, o := range segs[lo:hi] {
		s.chars += o.chars
		s.links += o.links
	}
	return s
}
