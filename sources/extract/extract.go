// Package extract turns a saved or fetched web page into the article it
// carries: its title, byline, outlet, language, canonical URL, publication
// time (and where that came from) and its text as paragraphs and headings.
//
// It is pure: it takes the page's bytes and never fetches. The page is
// decoded (byte order mark, valid UTF-8, declared charset checked against
// the bytes, then detection), parsed with golang.org/x/net/html, stripped of
// captions and site furniture, handed to a readability extractor, cut into
// blocks, and cleaned by package clean.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"

	"attache/sources/clean"
	"attache/sources/doc"

	"golang.org/x/net/html"
)

// Page is what ingest stores for one article page.
type Page struct {
	Title        string
	Byline       string
	Site         string
	Lang         string
	CanonicalURL string
	Published    time.Time
	// PublishedFrom says where Published came from: "json-ld", "meta",
	// "time", "url", or "" when the page gives no date.
	PublishedFrom string
	Blocks        []doc.Block
}

// Text returns the page's article text in the stored block form.
func (p *Page) Text() string { return doc.Format(p.Blocks) }

// DefaultMaxBytes is the largest page Extract reads unless told otherwise.
// News pages are rarely above 2 MB; the cap keeps memory bounded.
const DefaultMaxBytes = 8 << 20

// Errors that callers may branch on with errors.Is.
var (
	// ErrTooLarge means the page is bigger than the size cap.
	ErrTooLarge = errors.New("extract: page too large")
	// ErrEmpty means the page has no content at all.
	ErrEmpty = errors.New("extract: empty page")
	// ErrNotHTML means the bytes are binary data, not a web page.
	ErrNotHTML = errors.New("extract: not an HTML page")
	// ErrNoArticle means the page was read but holds no article text (a
	// cookie wall, a page that needs JavaScript, an index page). Extract
	// returns the page's metadata along with it.
	ErrNoArticle = errors.New("extract: no article text found")
)

// Options tunes Extract. The zero value uses the defaults.
type Options struct {
	// MaxBytes caps the page size; 0 means DefaultMaxBytes.
	MaxBytes int
	// Extractor finds the article in the parsed page, after captions and
	// furniture were pruned, and returns the element that holds it (nil
	// when there is none). It may change the tree. Nil means Readability.
	// It is a seam for measuring other extractors in the same pipeline.
	Extractor func(root *html.Node, pageURL *url.URL) (*html.Node, error)
	// Tuning holds thresholds chosen by cross-validation; zero means the
	// defaults.
	Tuning Tuning
}

// Extract reads an article page with the default options. pageURL (may be
// empty) resolves relative links and supplies a date when the page has
// none; contentType is the HTTP Content-Type, if known.
func Extract(body []byte, pageURL, contentType string) (*Page, error) {
	return Options{}.Extract(body, pageURL, contentType)
}

// Extract reads an article page. See the package doc for the steps.
func (o Options) Extract(body []byte, pageURL, contentType string) (*Page, error) {
	max := o.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if len(body) > max {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(body), max)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, ErrEmpty
	}
	if err := checkBinary(body, contentType); err != nil {
		return nil, err
	}
	base, _ := url.Parse(pageURL)
	if base != nil && (base.Scheme != "http" && base.Scheme != "https" || base.Host == "") {
		base = nil
	}
	dec := decode(body, contentType)
	if isPlainText(contentType) {
		// A text article: its first line is the title.
		title, rest := clean.SplitTitle(dec.text)
		page := &Page{Title: title, Blocks: clean.PlainText(rest)}
		if base != nil {
			page.CanonicalURL = base.String()
		}
		page.Published, page.PublishedFrom = published(&metadata{}, pageURL)
		if len(page.Blocks) == 0 {
			return page, ErrNoArticle
		}
		return page, nil
	}
	root, err := parseHTML(dec.text)
	if err != nil {
		return nil, err
	}
	meta := readMetadata(root)
	page := pageMetadata(meta, base, pageURL)
	page.Blocks = dropAuthorNote(articleBlocks(root, base, page, meta, o), page.Byline)
	if len(page.Blocks) == 0 {
		return page, ErrNoArticle
	}
	return page, nil
}

// pageMetadata fills a Page's fields from what the page says of itself.
func pageMetadata(m *metadata, base *url.URL, pageURL string) *Page {
	p := &Page{}
	host := ""
	if base != nil {
		host = strings.ToLower(base.Hostname())
	}
	p.Site = firstNonEmpty(m.metas["og:site_name"], m.jsonLD.publisher, m.metas["application-name"])
	p.Site = strings.Join(strings.Fields(p.Site), " ")
	if strings.Contains(p.Site, "://") {
		p.Site = "" // a URL given as the name: the host says it better
	}
	p.CanonicalURL = resolveURL(base, m.canonical)
	if p.CanonicalURL == "" {
		p.CanonicalURL = resolveURL(base, m.metas["og:url"])
	}
	if p.CanonicalURL == "" {
		p.CanonicalURL = resolveURL(base, m.jsonLD.url)
	}
	if host == "" && p.CanonicalURL != "" {
		if u, err := url.Parse(p.CanonicalURL); err == nil {
			host = strings.ToLower(u.Hostname())
		}
	}
	if p.Site == "" && host != "" {
		p.Site = strings.TrimPrefix(host, "www.")
	}
	title := firstNonEmpty(m.metas["og:title"], m.metas["twitter:title"], m.jsonLD.headline, m.title, m.h1)
	p.Title = cleanTitle(title, p.Site, host, m.h1)
	p.Lang = normalizeLang(firstNonEmpty(m.lang, m.metas["content-language"], m.jsonLD.lang, m.metas["og:locale"]))
	if len(m.jsonLD.authors) > 0 {
		p.Byline = cleanByline(strings.Join(dedupe(m.jsonLD.authors), ", "))
	}
	for _, k := range []string{"author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"} {
		if p.Byline != "" {
			break
		}
		if v := cleanByline(m.metas[k]); v != "" && !strings.EqualFold(v, p.Site) {
			p.Byline = v
		}
	}
	if p.Byline == "" {
		p.Byline = cleanByline(m.byline)
	}
	if pageURL == "" {
		pageURL = p.CanonicalURL
	}
	p.Published, p.PublishedFrom = published(m, firstNonEmpty(pageURL, p.CanonicalURL))
	return p
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[strings.ToLower(x)] {
			seen[strings.ToLower(x)] = true
			out = append(out, x)
		}
	}
	return out
}

// isPlainText reports whether the server says the body is plain text or
// markdown rather than HTML.
func isPlainText(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/plain" || mt == "text/markdown")
}

// binaryMagic are the openings of common non-HTML files.
var binaryMagic = []struct {
	prefix string
	what   string
}{
	{"%PDF-", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"GIF8", "a GIF image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"PK\x03\x04", "a ZIP archive"},
	{"\x1f\x8b", "gzip-compressed data"},
	{"RIFF", "a media file"},
	{"\x00\x00\x00", "binary data"},
}

// checkBinary refuses bytes that are not text: known file signatures, a
// non-HTML content type, or control characters in the opening bytes.
func checkBinary(body []byte, contentType string) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(body, []byte(m.prefix)) {
			return fmt.Errorf("%w: the bytes are %s", ErrNotHTML, m.what)
		}
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		if strings.HasPrefix(mt, "image/") || strings.HasPrefix(mt, "video/") ||
			strings.HasPrefix(mt, "audio/") || mt == "application/pdf" ||
			mt == "application/zip" || mt == "application/octet-stream" && !looksLikeText(body) {
			return fmt.Errorf("%w: content type %s", ErrNotHTML, mt)
		}
	}
	if _, _, n := bomEncoding(body); n == 2 {
		return nil // UTF-16 text has NUL bytes by nature
	}
	if !looksLikeText(body) {
		return fmt.Errorf("%w: the bytes look like binary data", ErrNotHTML)
	}
	return nil
}

// looksLikeText reports whether the opening bytes are mostly text: few NUL
// and control bytes.
func looksLikeText(body []byte) bool {
	head := body
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		if c == 0 || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	return ctrl*20 <= len(head)
}
