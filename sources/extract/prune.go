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
)

// hintWords maps the words found in class names and ids to what they mark.
// Class names are split at every character that is not a letter or digit,
// so "e-image__meta" gives "e", "image", "meta".
var hintWords = map[string]hintKind{
	"caption": hintCaption, "captions": hintCaption, "figcaption": hintCaption,
	"credit": hintCaption, "credits": hintCaption, "photocredit": hintCaption,
	"imagecredit": hintCaption, "byline": hintCaption, "bylines": hintCaption,
	"dateline": hintNone, "timestamp": hintCaption, "meta": hintCaption,
	"author": hintCaption, "authors": hintCaption,

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
}

// Limits on what a hinted element may hold and still be removed, so that a
// class name never takes the article with it.
const (
	maxCaptionChars   = 400
	maxFurnitureChars = 1500
	maxFurnitureText  = 500
)

// prune removes, before the extractor scores the page, what is furniture
// by its markup: figure captions and figures that hold only media, and
// elements whose class or id names them as captions, credits, bylines,
// related stories, share bars, newsletter boxes, advertisements or tags.
func prune(root *html.Node) {
	var doomed []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html, atom.Body, atom.Head, atom.Article, atom.Main:
			return true
		case atom.Script, atom.Style, atom.Template:
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
		switch classHint(n) {
		case hintCaption:
			if len(textOf(n)) <= maxCaptionChars && proseParagraphs(n, 1) < 1 {
				doomed = append(doomed, n)
				return false
			}
		case hintFurniture:
			t, l := textAndLinkChars(n)
			if l*2 >= t || t-l <= maxFurnitureText && proseParagraphs(n, 2) < 2 {
				doomed = append(doomed, n)
				return false
			}
		}
		return true
	})
	for _, n := range doomed {
		removeNode(n)
	}
}

// classHint reads what an element's class and id say about it.
func classHint(n *html.Node) hintKind {
	cls, id := attr(n, "class"), attr(n, "id")
	if cls == "" && id == "" {
		return hintNone
	}
	kind := hintNone
	for _, w := range strings.FieldsFunc(strings.ToLower(cls+" "+id), notAlnum) {
		if k := hintWords[w]; k > kind {
			kind = k
		}
	}
	return kind
}

func notAlnum(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
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
