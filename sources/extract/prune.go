package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hintKind is what an element's class or id says it holds.
type hintKind int

const (
	hintNone hintKind = iota
	// hintCaption: captions, photo credits, bylines and date lines:
	// always short.
	hintCaption
	// hintFurniture: related stories, share bars, newsletter boxes,
	// advertisements, tags, author notes: short or mostly links.
	hintFurniture
	// hintMedia: a photo, gallery or video box; removed when it holds
	// media and little text (its caption).
	hintMedia
	// hintComments: a comment thread or its reply form, whatever its size.
	hintComments
)

// hintWords maps the words found in class names and ids to what they mark.
// Class names are split at every character that is not a letter or digit,
// so "e-image__meta" gives "e", "image", "meta".
var hintWords = withWords(map[string]hintKind{
	"caption": hintCaption, "captions": hintCaption, "figcaption": hintCaption,
	"credit": hintCaption, "credits": hintCaption, "photocredit": hintCaption,
	"imagecredit": hintCaption, "byline": hintCaption, "bylines": hintCaption,
	"dateline": hintNone, "timestamp": hintCaption, "meta": hintCaption,
	"author": hintCaption, "authors": hintCaption, "dek": hintCaption,
	"standfirst": hintCaption, "strapline": hintCaption,

	"photo": hintMedia, "photos": hintMedia, "image": hintMedia, "images": hintMedia,
	"img": hintMedia, "picture": hintMedia, "media": hintMedia, "gallery": hintMedia,
	"slideshow": hintMedia, "video": hintMedia, "figure": hintMedia, "thumbnail": hintMedia,

	"related": hintFurniture, "recommended": hintFurniture, "recommendations": hintFurniture,
	"newsletter": hintFurniture, "newsletters": hintFurniture, "subscribe": hintFurniture,
	"subscription": hintFurniture, "signup": hintFurniture, "promo": hintFurniture,
	"promotion": hintFurniture, "share": hintFurniture, "sharing": hintFurniture,
	"sharebar": hintFurniture, "advert": hintFurniture,
	"advertisement": hintFurniture, "ad": hintFurniture, "ads": hintFurniture,
	"adsense": hintFurniture, "dfp": hintFurniture, "sponsor": hintFurniture,
	"sponsored": hintFurniture, "outbrain": hintFurniture, "taboola": hintFurniture,
	"bio": hintFurniture, "breadcrumb": hintFurniture, "breadcrumbs": hintFurniture,
	"tags": hintFurniture, "tag": hintFurniture, "popular": hintFurniture,
	"trending": hintFurniture, "readmore": hintFurniture, "cookie": hintFurniture,
	"consent": hintFurniture, "gdpr": hintFurniture, "toolbar": hintFurniture,
	"affiliate": hintFurniture, "disclosure": hintFurniture,
	// star ratings and "rate this article" boxes, and the box that stands
	// in for a paywalled body's rest
	"rating": hintFurniture, "ratings": hintFurniture, "paywall": hintFurniture,

	"comment": hintComments, "comments": hintComments, "commentlist": hintComments,
	"respond": hintComments, "disqus": hintComments,
}, localCommentWords, hintComments)

// localCommentWords are the class and id words of comment threads named
// in the site's own language; they count as "comments" does.
var localCommentWords = []string{"kommentar", "kommentare", "commentaires", "comentarios", "commenti", "reacties", "komentarze"}

// withWords adds each of words to m with the value v and returns m.
func withWords[V any](m map[string]V, words []string, v V) map[string]V {
	for _, w := range words {
		m[w] = v
	}
	return m
}

// Limits on what a hinted element may hold and still be removed, so that a
// class name never takes the article with it.
const (
	maxCaptionChars   = 400
	maxFurnitureChars = 1500
	maxFurnitureText  = 500
)

// prune removes, before the extractor scores the page, what is furniture
// by its markup: figure captions and figures that hold only media,
// elements whose class or id names them as captions, credits, bylines,
// related stories, share bars, newsletter boxes, advertisements or tags,
// and comment threads (by class, id or schema.org type). An element that
// holds the headline (the <h1> that gives the title) is the article's own
// container whatever its class says ("tag-travel has-post-thumbnail"), and
// stays.
func prune(root *html.Node, title string) {
	keep := headlineAncestors(root, title)
	var doomed, brs []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if keep[n] {
			return true
		}
		switch n.DataAtom {
		case atom.Html, atom.Body, atom.Head, atom.Article, atom.Main:
			return true
		case atom.Script, atom.Style, atom.Template:
			return false
		case atom.Br:
			brs = append(brs, n)
			return false
		case atom.Figcaption:
			doomed = append(doomed, n)
			return false
		case atom.Figure:
			if isMediaFigure(n) {
				doomed = append(doomed, n)
				return false
			}
		}
		if isHidden(n) && proseParagraphs(n, 2) < 2 {
			doomed = append(doomed, n)
			return false
		}
		switch classHint(n) {
		case hintComments:
			if isCommentThread(n) {
				doomed = append(doomed, n)
				return false
			}
		case hintCaption:
			if len(textOf(n)) <= maxCaptionChars && proseParagraphs(n, 1) < 1 {
				doomed = append(doomed, n)
				return false
			}
		case hintMedia:
			if isMediaBox(n) {
				doomed = append(doomed, n)
				return false
			}
		case hintFurniture:
			t, l := textAndLinkChars(n)
			// A paragraph of prose without links is text, whatever its class
			// says ("js-readmore" folds a long paragraph behind a toggle).
			if l*2 >= t || t-l <= maxFurnitureText && proseParagraphs(n, 2) < 2 && !(n.DataAtom == atom.P && l == 0 && t >= 150) {
				doomed = append(doomed, n)
				return false
			}
		}
		return true
	})
	for _, n := range doomed {
		removeNode(n)
	}
	// The extractor turns runs of <br> into paragraphs and can join the
	// words on either side; a space after each keeps them apart.
	for _, br := range brs {
		if br.Parent != nil {
			br.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, br.NextSibling)
		}
	}
}

// classHint reads what an element's class, id and schema.org type say
// about it.
func classHint(n *html.Node) hintKind {
	if t := strings.ToLower(attr(n, "itemtype")); strings.HasSuffix(t, "/comment") || strings.HasSuffix(t, "/usercomments") {
		return hintComments
	}
	cls, id := attr(n, "class"), attr(n, "id")
	if cls == "" && id == "" {
		return hintNone
	}
	kind := hintNone
	for _, w := range strings.FieldsFunc(strings.ToLower(cls+" "+id), notAlnum) {
		k, ok := hintWords[w]
		if !ok && (strings.Contains(w, "caption") || strings.Contains(w, "credit")) {
			k = hintCaption // "newsCaption", "photocredits"
		}
		if k != hintNone && (kind == hintNone || k < kind) {
			kind = k
		}
	}
	return kind
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

// isMediaBox reports whether an element named as a photo or video box holds
// media and no more text than a caption.
func isMediaBox(n *html.Node) bool {
	return isMediaFigure(n) && len(textOf(n)) <= maxCaptionChars && proseParagraphs(n, 1) < 1
}

// isMediaFigure reports whether a figure holds an image, video or embed and
// little text besides its caption.
func isMediaFigure(n *html.Node) bool {
	media := false
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.Img, atom.Picture, atom.Video, atom.Iframe, atom.Svg, atom.Audio, atom.Object, atom.Embed:
				media = true
			}
		}
		return !media
	})
	return media && len(textOf(n)) <= maxFurnitureChars
}

// textAndLinkChars counts the letters and digits under n, and those inside
// links.
func textAndLinkChars(n *html.Node) (text, links int) {
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			k := countWordChars(c.Data)
			text += k
			if hasAncestorUntil(c, n, atom.A) {
				links += k
			}
		}
		return c.Type != html.ElementNode || c.DataAtom != atom.Script && c.DataAtom != atom.Style
	})
	return text, links
}

// hasAncestorUntil reports whether c has an ancestor element a, looking no
// higher than stop.
func hasAncestorUntil(c, stop *html.Node, a atom.Atom) bool {
	for p := c.Parent; p != nil && p != stop; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return stop.DataAtom == a
}

// proseParagraphs counts, up to max, the paragraphs under n that read as
// article text: long enough and mostly not links.
func proseParagraphs(n *html.Node, max int) int {
	count := 0
	walk(n, func(c *html.Node) bool {
		if count >= max {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			t, l := textAndLinkChars(c)
			if t >= 150 && l*3 < t {
				count++
			}
			return false
		}
		return true
	})
	return count
}

// headlineAncestors returns the elements that hold the page's headline:
// the <h1>s whose text is the title, or the first <h1> when none is.
func headlineAncestors(root *html.Node, title string) map[*html.Node]bool {
	var h1s []*html.Node
	want := squash(title)
	walk(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			h1s = append(h1s, n)
			return false
		}
		return n.Type != html.ElementNode || n.DataAtom != atom.Script && n.DataAtom != atom.Style
	})
	var marked []*html.Node
	for _, h := range h1s {
		if want != "" && squash(textOf(h)) == want {
			marked = append(marked, h)
		}
	}
	if len(marked) == 0 && len(h1s) > 0 {
		marked = h1s[:1]
	}
	keep := map[*html.Node]bool{}
	for _, h := range marked {
		for p := h.Parent; p != nil; p = p.Parent {
			keep[p] = true
		}
	}
	return keep
}

// isCommentThread reports whether an element named as comments is a thread
// of readers' comments: typed as such by schema.org, or holding a form to
// write one, or the names, avatars and reply links of two or more
// commenters. A live report whose entries a site calls "comments" has
// none of these.
func isCommentThread(n *html.Node) bool {
	if t := strings.ToLower(attr(n, "itemtype")); strings.HasSuffix(t, "/comment") || strings.HasSuffix(t, "/usercomments") {
		return true
	}
	people := 0
	form := false
	walk(n, func(c *html.Node) bool {
		if c.Type != html.ElementNode || form {
			return false
		}
		switch c.DataAtom {
		case atom.Form, atom.Textarea:
			form = true
			return false
		case atom.Script, atom.Style:
			return false
		}
		if c != n && (hasToken(attr(c, "itemprop"), "author") || commenterWord(c)) {
			people++
		}
		return true
	})
	return form || people >= 2
}

// commenterWord reports whether an element's class or id names a
// commenter's name, avatar or reply link.
func commenterWord(n *html.Node) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), notAlnum) {
		switch w {
		case "author", "avatar", "reply", "fn", "vcard", "username", "user", "says":
			return true
		}
	}
	return false
}

// isHidden reports whether an element is not shown to a reader: the hidden
// attribute, an inline style that hides it, or the class names that
// stylesheets use for text meant for screen readers only.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	if st := strings.ToLower(attr(n, "style")); st != "" {
		st = strings.ReplaceAll(st, " ", "")
		if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
			return true
		}
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "screenreader-only", "element-invisible":
			return true
		}
	}
	return false
}
