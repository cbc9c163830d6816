package extract

import (
	"strings"
	"unicode/utf8"

	"attache/sources/doc"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A readability extractor scores the page's containers and keeps the best
// one; on a short article its pick is fragile, and removing furniture
// first (which is what makes our result cleaner than the library's) can
// tip it over to another container: a comment thread, an author box, a
// newsletter form. So the pipeline reads the page twice when its first
// result could be wrong: once pruned and once as it came. When the two
// readings share most of their words the pruned one stands; when they
// point at different parts of the page, structural evidence decides which
// part is the article.

// candidate is one reading of where the article is.
type candidate struct {
	name   string // what reading it is, for reading the code and debugging
	blocks []doc.Block
	bag    map[string]int
	score  float64 // filled by weigh
}

func newCandidate(name string, blocks []doc.Block) *candidate {
	return &candidate{name: name, blocks: blocks, bag: wordBag(blocks)}
}

// wordBag counts the lower-cased words of blocks.
func wordBag(blocks []doc.Block) map[string]int {
	m := map[string]int{}
	for _, b := range blocks {
		for _, w := range wordsOf(strings.ToLower(b.Text)) {
			m[w]++
		}
	}
	return m
}

// bagOf counts the lower-cased words of a text.
func bagOf(s string) map[string]int {
	m := map[string]int{}
	for _, w := range wordsOf(strings.ToLower(s)) {
		m[w]++
	}
	return m
}

// containment is the share of a's words (counted with repeats) that b
// holds.
func containment(a, b map[string]int) float64 {
	total, shared := 0, 0
	for w, n := range a {
		total += n
		shared += min(n, b[w])
	}
	if total == 0 {
		return 0
	}
	return float64(shared) / float64(total)
}

// pageText is the text of a page in document order, with where each of
// its text nodes starts and the furniture marks around each (counted
// before the tree changes: strong ones, and all), for finding where a
// block came from.
type pageText struct {
	text          string
	starts        []int
	strong, marks []int
}

// linearText indexes the text of the tree under root; marks are counted on
// the elements below those in stop.
func linearText(root *html.Node, stop map[*html.Node]bool) *pageText {
	pt := &pageText{}
	// The marks of each element and its ancestors below stop, counted
	// once per element from its parent's.
	type count struct{ strong, all int }
	counts := map[*html.Node]count{}
	neutral := layoutWords(stop)
	var b strings.Builder
	walk(root, func(n *html.Node) bool {
		switch n.Type {
		case html.ElementNode:
			if skippedElements[n.DataAtom] && n.DataAtom != atom.Html {
				return false
			}
			var c count
			if p := n.Parent; p != nil && !stop[p] {
				c = counts[p]
			}
			if !stop[n] {
				st, all := ownMarks(n, neutral)
				c.strong += st
				c.all += all
			}
			counts[n] = c
			return true
		case html.TextNode:
			t := strings.Join(strings.Fields(n.Data), " ")
			if t == "" {
				return false
			}
			c := counts[n.Parent]
			pt.starts = append(pt.starts, b.Len())
			pt.strong = append(pt.strong, c.strong)
			pt.marks = append(pt.marks, c.all)
			b.WriteString(t)
			b.WriteByte(' ')
		}
		return true
	})
	pt.text = b.String()
	return pt
}

// find returns the offset of the first stretch of text that opens s, and
// the index of the text node it starts in.
func (pt *pageText) find(s string) (int, int) {
	probe := s
	if len(probe) > 48 {
		probe = probe[:48]
		for len(probe) > 0 && !utf8.RuneStart(probe[len(probe)-1]) {
			probe = probe[:len(probe)-1]
		}
	}
	// Text nodes split words where inline elements begin; the first few
	// words are enough to place a block.
	for len(probe) >= 12 {
		if i := strings.Index(pt.text, probe); i >= 0 {
			lo, hi := 0, len(pt.starts)
			for lo+1 < hi {
				mid := (lo + hi) / 2
				if pt.starts[mid] <= i {
					lo = mid
				} else {
					hi = mid
				}
			}
			if len(pt.starts) == 0 {
				return i, -1
			}
			return i, lo
		}
		if j := strings.LastIndexByte(probe[:len(probe)-1], ' '); j > 0 {
			probe = probe[:j]
		} else {
			break
		}
	}
	return -1, -1
}

// Furniture marks are the words of class names and ids, the element
// names and the schema.org types that mark a region as something other
// than the article. Strong marks name comment threads and author boxes;
// weak marks name forms, sidebars, widgets, footers and related lists,
// which page builders also put on the article's own containers.
var (
	strongMarks = withWords(map[string]bool{
		"comment": true, "comments": true, "commentlist": true, "respond": true, "disqus": true,
		"author": true, "bio": true, "biography": true, "authorbox": true,
	}, localCommentWords, true)
	commentWords = withWords(map[string]bool{"comment": true, "comments": true, "commentlist": true},
		localCommentWords, true)
	weakMarks = map[string]bool{
		"reply": true, "replies": true, "about": true, "profile": true, "newsletter": true,
		"subscribe": true, "signup": true, "sidebar": true, "widget": true, "footer": true,
		"related": true,
	}
)

// ownMarks counts the furniture marks of one element: its name (form,
// aside, footer, nav), its class and id words, and the schema.org types of
// comments and people. A class of comments counts only on a thread of
// readers' comments. The weak words in neutral (those of the headline's
// own wrappers, see layoutWords) do not count.
func ownMarks(p *html.Node, neutral map[string]bool) (strong, all int) {
	switch p.DataAtom {
	case atom.Form, atom.Aside, atom.Footer, atom.Nav:
		all++
	case atom.Body, atom.Html:
		return 0, 0
	}
	if t := strings.ToLower(attr(p, "itemtype")); strings.HasSuffix(t, "/comment") ||
		strings.HasSuffix(t, "/usercomments") || strings.HasSuffix(t, "/person") {
		strong++
		all++
	}
	cls, id := attr(p, "class"), attr(p, "id")
	if cls == "" && id == "" {
		return strong, all
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(cls+" "+id), notAlnum) {
		if neutral[w] && !strongMarks[w] {
			continue
		}
		if strongMarks[w] && (!commentWords[w] || isCommentThread(p)) {
			strong++
			all++
			break
		}
		if weakMarks[w] {
			all++
			break
		}
	}
	return strong, all
}

// evidence is what the page says about where its article is.
type evidence struct {
	pt      *pageText
	titleAt int            // offset of the headline in the page's text, -1 if not found
	ldBody  map[string]int // words of the JSON-LD articleBody, nil if it has none
}

func newEvidence(root *html.Node, title, h1, ldBody string) *evidence {
	ev := &evidence{pt: linearText(root, headlineAncestors(root, title)), titleAt: -1}
	for _, t := range []string{h1, title} {
		if t = strings.Join(strings.Fields(t), " "); len(t) >= 12 {
			if i, _ := ev.pt.find(t); i >= 0 {
				ev.titleAt = i
				break
			}
		}
	}
	if countWordChars(ldBody) >= 200 {
		ev.ldBody = bagOf(ldBody)
	}
	return ev
}

// weigh scores a candidate by where each of its blocks stands on the
// page: its letters count for it when the block comes after the headline
// in a region without furniture marks, and against it when the block sits
// in a comment thread, an author box, a form, a sidebar or a footer, or
// before the headline. A page's JSON-LD articleBody, when it has one,
// outweighs the rest: the candidate is scored by how well it matches it.
func (ev *evidence) weigh(c *candidate) {
	c.score = 0
	for _, b := range c.blocks {
		n := float64(countWordChars(b.Text))
		at, node := ev.pt.find(b.Text)
		switch {
		case at < 0:
			c.score += n / 2 // rewritten by cleaning, or split across elements
		case node >= 0 && ev.pt.marks[node] > 0:
			c.score -= n
		case ev.titleAt >= 0 && at < ev.titleAt:
			c.score -= n / 2
		default:
			c.score += n
		}
	}
	if ev.ldBody != nil && len(c.bag) > 0 {
		p, r := containment(c.bag, ev.ldBody), containment(ev.ldBody, c.bag)
		if p+r > 0 {
			total := 0
			for _, k := range ev.ldBody {
				total += k
			}
			c.score += 4 * float64(total) * (2 * p * r / (p + r))
		}
	}
}

// choose returns the candidate the evidence favours; the first one (the
// pruned reading) stands unless another scores higher by the margin, a
// share of the first one's letters.
func (ev *evidence) choose(cs []*candidate, margin float64) *candidate {
	for _, c := range cs {
		ev.weigh(c)
	}
	best := cs[0]
	need := margin * float64(letters(cs[0].blocks))
	for _, c := range cs[1:] {
		if c.score > best.score+need {
			best = c
		}
	}
	return best
}

// minus returns the blocks of bs whose words are mostly not in bag.
func minus(bs []doc.Block, bag map[string]int) []doc.Block {
	var out []doc.Block
	for _, b := range bs {
		if containment(bagOf(b.Text), bag) < 0.5 {
			out = append(out, b)
		}
	}
	return out
}

// headlineScope returns the nearest ancestor of the page's headline (the
// <h1> that gives the title, else the first <h1>) that holds some prose
// besides it, or nil when the page has no headline.
func headlineScope(root *html.Node, title, h1 string) *html.Node {
	var first, match *html.Node
	walk(root, func(n *html.Node) bool {
		if match != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			if first == nil {
				first = n
			}
			if t := squash(textOf(n)); t != "" && (t == squash(title) || t == squash(h1) && first == n) {
				match = n
			}
			return false
		}
		return true
	})
	if match == nil {
		match = first
	}
	if match == nil {
		return nil
	}
	own := countWordChars(textOf(match))
	for p := match.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode || p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			return nil
		}
		if t, l := textAndLinkChars(p); t-l-own >= 150 {
			return p
		}
	}
	return nil
}

// trim removes from a reading the blocks that the page shows before its
// headline, at the reading's start (a sidebar or a header the extractor
// took in with a short article), and the blocks that sit in comment
// threads and author boxes.
func (ev *evidence) trim(blocks []doc.Block) []doc.Block {
	out := make([]doc.Block, 0, len(blocks))
	lead := true
	for _, b := range blocks {
		at, node := ev.pt.find(b.Text)
		if at >= 0 && node >= 0 && ev.pt.strong[node] > 0 {
			continue
		}
		if lead && at >= 0 && ev.titleAt >= 0 && at < ev.titleAt {
			continue
		}
		if at >= 0 {
			lead = false
		}
		out = append(out, b)
	}
	if letters(out) == 0 {
		return blocks
	}
	return out
}

// markedShare is the share of a reading's letters that the page shows in
// regions with furniture marks (forms, sidebars, footers, comment threads).
func (ev *evidence) markedShare(blocks []doc.Block) float64 {
	total, marked := 0, 0
	for _, b := range blocks {
		n := countWordChars(b.Text)
		total += n
		if at, node := ev.pt.find(b.Text); at >= 0 && node >= 0 && ev.pt.marks[node] > 0 {
			marked += n
		}
	}
	if total == 0 {
		return 0
	}
	return float64(marked) / float64(total)
}

// authorHeadings are the headings that open a note about the author, in
// the corpus's languages.
var authorHeadings = map[string]bool{
	"about the author": true, "about the authors": true, "über den autor": true,
	"über die autorin": true, "über die autoren": true, "zum autor": true, "zur autorin": true,
	"zur person": true, "à propos de l'auteur": true, "à propos de l’auteur": true,
	"sobre el autor": true, "sobre la autora": true, "sull'autore": true, "sull’autore": true,
	"sobre o autor": true, "over de auteur": true, "o autorze": true,
}

// maxAuthorNote is the most text an author's note may hold after its
// heading; a longer run of text after such a heading is left alone.
const maxAuthorNote = 1500

// dropAuthorNote removes a note about the author that closes a reading: a
// heading such as "About the author", or "About" and the byline's name,
// and the little text after it.
func dropAuthorNote(blocks []doc.Block, byline string) []doc.Block {
	name := strings.ToLower(strings.Join(strings.Fields(byline), " "))
	for i := len(blocks) - 1; i >= 1 && i >= len(blocks)-6; i-- {
		b := blocks[i]
		if b.Kind != doc.Heading && countWordChars(b.Text) > 40 {
			continue
		}
		h := strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(b.Text, ": ")), " "))
		if !authorHeadings[h] && !(name != "" && (h == "about "+name || h == "über "+name)) {
			continue
		}
		if letters(blocks[i+1:]) <= maxAuthorNote {
			return blocks[:i]
		}
	}
	return blocks
}

// layoutWords returns the class and id words of the headline's own
// containers: a page whose headline sits in a "widget" or beside a
// "sidebar" class uses those words for its layout, and they mark nothing
// there.
func layoutWords(up map[*html.Node]bool) map[string]bool {
	m := map[string]bool{}
	for n := range up {
		if n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), notAlnum) {
			m[w] = true
		}
	}
	return m
}
