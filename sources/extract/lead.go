package extract

import (
	"strings"

	"attache/sources/clean"
	"attache/sources/doc"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A readability extractor keeps the one container it scores best, with
// some of its siblings. Sites often put part of the article outside it: a
// lead paragraph or an intro box between the headline and the body, a
// recipe's ingredients in a table above its method, the body's paragraphs
// in a series of wrappers that only the article element holds together.
// The surroundings of the reading, read from the pruned page before the
// extractor changes it, put that text back.

// leadBudget is how many letters after the headline the lead window holds.
const leadBudget = 4000

// surroundings is what the pruned page holds around the reading.
type surroundings struct {
	page *Page
	// description is the page's description: a block that repeats it is the
	// standfirst, which is left where the reading leaves it (the page
	// benchmarks disagree on it).
	description string
	// segs are the blocks that follow the headline, up to leadBudget
	// letters; marked[i] says segs[i] lies in a region marked as furniture,
	// keys[i] is its squashed text.
	segs   []segment
	marked []bool
	keys   []string
	// ingredients are the squashed items of the recipe the page declares
	// in its JSON-LD.
	ingredients map[string]bool
	// body are the blocks of the one element marked as the article's body
	// (itemprop="articleBody"), nil if there is none.
	body []segment
}

// readSurroundings reads the surroundings from the pruned tree.
func readSurroundings(root *html.Node, page *Page, m *metadata) *surroundings {
	s := &surroundings{page: page, body: microBody(root),
		description: firstNonEmpty(m.metas["og:description"], m.metas["description"], m.metas["twitter:description"])}
	if len(m.jsonLD.ingredients) > 0 {
		s.ingredients = make(map[string]bool, len(m.jsonLD.ingredients))
		for _, in := range m.jsonLD.ingredients {
			s.ingredients[squash(in)] = true
		}
	}
	h := headlineNode(root, page.Title)
	if h == nil {
		return s
	}
	up := map[*html.Node]bool{}
	for p := h.Parent; p != nil; p = p.Parent {
		up[p] = true
	}
	sg := &segmenter{}
	total := 0
	for cur := following(h); cur != nil && total < leadBudget; cur = following(cur) {
		from := len(sg.segs)
		sg.visit(cur, segment{tag: atom.Body}, false)
		sg.flush()
		for _, x := range sg.segs[from:] {
			total += x.chars
		}
	}
	s.segs = sg.segs
	s.marked = make([]bool, len(s.segs))
	s.keys = make([]string, len(s.segs))
	neutral := layoutWords(up)
	for i, x := range s.segs {
		s.keys[i] = squash(x.text)
		s.marked[i] = markedBelow(x.node, up, neutral)
	}
	return s
}

// markedBelow reports whether n or one of its ancestors below the
// headline's ancestors is marked as furniture by its name, class or id.
func markedBelow(n *html.Node, stop map[*html.Node]bool, neutral map[string]bool) bool {
	for p := n; p != nil && !stop[p]; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if _, all := ownMarks(p, neutral); all > 0 || classHint(p) != hintNone {
			return true
		}
	}
	return false
}

// headlineNode returns the <h1> that gives the page's title, else the
// first <h1>, or nil.
func headlineNode(root *html.Node, title string) *html.Node {
	var first, match *html.Node
	want := squash(title)
	walk(root, func(n *html.Node) bool {
		if match != nil || n.Type != html.ElementNode {
			return match == nil
		}
		switch n.DataAtom {
		case atom.H1:
			if first == nil {
				first = n
			}
			if want != "" && squash(textOf(n)) == want {
				match = n
			}
			return false
		case atom.Script, atom.Style, atom.Template:
			return false
		}
		return true
	})
	if match != nil {
		return match
	}
	return first
}

// following returns the node after n's subtree in document order.
func following(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// probeKey returns the opening of a block's squashed text, for finding it.
func probeKey(text string) string {
	k := squash(text)
	if len(k) > 40 {
		k = k[:40]
		for len(k) > 0 && k[len(k)-1]&0xc0 == 0x80 {
			k = k[:len(k)-1]
		}
		if len(k) > 0 && k[len(k)-1] >= 0xc0 {
			k = k[:len(k)-1]
		}
	}
	return k
}

// complete returns a reading completed from its surroundings: the marked
// article body in its place when that holds it and much more, and the
// text between the headline and the reading put before it.
func (s *surroundings) complete(blocks []doc.Block) []doc.Block {
	return s.lead(s.widen(blocks))
}

// lead puts back before a reading the paragraphs, and a declared recipe's
// ingredients, that the page shows between its headline and the reading's
// first block, outside regions marked as furniture.
func (s *surroundings) lead(blocks []doc.Block) []doc.Block {
	if len(blocks) == 0 || len(s.segs) == 0 {
		return blocks
	}
	start := -1
	for bi := 0; bi < min(3, len(blocks)) && start < 0; bi++ {
		probe := probeKey(blocks[bi].Text)
		if len(probe) < 12 {
			continue
		}
		for i, k := range s.keys {
			// A block of the reading may join lines that <br> cut apart.
			if strings.Contains(k, probe) || len(k) >= 12 && strings.HasPrefix(probe, k) {
				start = i
				break
			}
		}
	}
	if start <= 0 {
		return blocks
	}
	// Text the reading already holds (it may have begun before the
	// headline) is not put back twice.
	have := make(map[string]bool, len(blocks))
	for _, b := range blocks {
		have[probeKey(b.Text)] = true
	}
	var pre []segment
	for i := 0; i < start; i++ {
		x := s.segs[i]
		if s.marked[i] || !keepSegment(x, s.page) || !(leadLike(x) || s.ingredients[s.keys[i]]) ||
			isStandfirst(x.text, s.description) || have[probeKey(x.text)] {
			continue
		}
		pre = append(pre, x)
	}
	if len(pre) == 0 {
		return blocks
	}
	return append(clean.Blocks(keptBlocks(pre, s.page)), blocks...)
}

// leadLike reports whether a block between the headline and the reading
// reads as the article's own prose: a paragraph, not a heading, list item
// or table cell, of some length, mostly not links, and not a teaser cut
// short.
func leadLike(s segment) bool {
	if s.kind == doc.Heading || s.list || s.cell || s.chars < 50 || s.links*3 >= s.chars {
		return false
	}
	t := strings.TrimSpace(s.text)
	return !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…")
}

// isStandfirst reports whether a text is the page's description word for
// word: the standfirst that a template repeats from it. A paragraph that
// only opens like the description (one cut short for it, or one that
// opens a description running on into the body) is the article's lead.
func isStandfirst(text, description string) bool {
	desc := wordsOf(description)
	if len(desc) < 6 {
		return false
	}
	w := wordsOf(text)
	return len(w) == len(desc) && samePrefix(w, desc)
}
