// Package feed turns the bytes of an RSS (0.91, 0.92, 1.0, 2.0), Atom or
// JSON Feed document into Attaché's Feed and Item values, and finds the
// feeds that an HTML page advertises. It never fetches: package fetch
// brings the bytes, and the page extractor turns item HTML into text.
//
// Parse resolves item links against the feed's URL, collapses items that
// repeat a GUID, decodes feeds in legacy encodings (windows-1252, ISO-8859-1
// and the like, declared or not), and says plainly what is wrong with a
// body that is not a feed: empty, an HTML page, or broken XML or JSON.
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"
	"golang.org/x/net/html/charset"
)

// Item is one entry of a feed.
type Item struct {
	GUID    string // the feed's id for the item; its URL when it gives none
	URL     string // absolute http(s) link to the article; "" when none
	Title   string // plain text
	Summary string // raw, often HTML (RSS description, Atom summary)
	Content string // raw, often HTML (content:encoded, Atom content, JSON content_html or content_text)
	Author  string // names, comma-separated
	// Published is when the item was published, or last updated when the
	// feed gives only that; zero when the feed gives neither. UTC.
	Published time.Time
	Updated   time.Time // zero when not given. UTC.
}

// Feed is a parsed feed.
type Feed struct {
	Title    string // plain text
	Link     string // the site's home page, absolute; "" when none
	Language string
	Items    []Item // in feed order, one per GUID
}

// Kinds of failure, for errors.Is. Every error that Parse returns is an
// *Error that wraps exactly one of them.
var (
	// ErrEmpty: the body is empty or only whitespace.
	ErrEmpty = errors.New("empty body")
	// ErrNotAFeed: the body is something else, typically an HTML page.
	ErrNotAFeed = errors.New("not a feed")
	// ErrMalformed: the body is meant to be a feed but is broken XML or JSON.
	ErrMalformed = errors.New("malformed feed")
)

// Error is a feed that could not be read. Its message is a sentence a
// person understands.
type Error struct {
	URL    string // the feed URL given to Parse
	Reason string // e.g. "this URL serves an HTML page, not a feed"
	Kind   error  // ErrEmpty, ErrNotAFeed or ErrMalformed
	Cause  error  // the parser's own error, when there is one
}

// Error is the reason, with the feed's URL when known.
func (e *Error) Error() string {
	if e.URL == "" {
		return "feed: " + e.Reason
	}
	return "feed: " + e.URL + ": " + e.Reason
}

// Unwrap gives the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}

// Parse reads an RSS, Atom or JSON Feed document fetched from feedURL (used
// to resolve relative links and in error messages; it may be empty).
func Parse(body []byte, feedURL string) (f *Feed, err error) {
	fail := func(kind error, cause error, reason string, args ...any) (*Feed, error) {
		return nil, &Error{URL: feedURL, Reason: fmt.Sprintf(reason, args...), Kind: kind, Cause: cause}
	}
	defer func() {
		// The feed library is third-party code fed outside input: a panic
		// in it must cost one feed, not the process.
		if r := recover(); r != nil {
			f, err = fail(ErrMalformed, nil, "the feed could not be read (parser failure: %v)", r)
		}
	}()

	body, err = normalizeEncoding(body)
	if err != nil {
		return fail(ErrMalformed, err, "the feed's text encoding could not be read: %v", err)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return fail(ErrEmpty, nil, "the server sent an empty body, not a feed")
	}

	var kind gofeed.FeedType
	switch trimmed[0] {
	case '{':
		kind = gofeed.FeedTypeJSON
		if err := checkJSONFeed(trimmed); err != nil {
			return nil, withURL(err, feedURL)
		}
	case '<':
		root, err := rootElement(trimmed)
		if err != nil {
			if looksLikeHTML(trimmed) {
				return fail(ErrNotAFeed, nil, "this URL serves an HTML page, not a feed")
			}
			return fail(ErrMalformed, err, "the feed's XML is malformed: %v", err)
		}
		switch strings.ToLower(root) {
		case "rss", "rdf":
			kind = gofeed.FeedTypeRSS
		case "feed":
			kind = gofeed.FeedTypeAtom
		case "html", "head", "body":
			return fail(ErrNotAFeed, nil, "this URL serves an HTML page, not a feed")
		default:
			if looksLikeHTML(trimmed) {
				return fail(ErrNotAFeed, nil, "this URL serves an HTML page, not a feed")
			}
			return fail(ErrNotAFeed, nil, "this URL serves an XML document with root <%s>, not an RSS or Atom feed", root)
		}
	default:
		return fail(ErrNotAFeed, nil, "this URL serves something that is neither RSS, Atom nor JSON Feed (it starts with %q)", preview(trimmed))
	}

	gf, err := parseAs(kind, trimmed)
	if err != nil {
		if kind == gofeed.FeedTypeJSON {
			return fail(ErrMalformed, err, "the JSON Feed is malformed: %v", err)
		}
		return fail(ErrMalformed, err, "the feed's XML is malformed: %v", err)
	}
	return convert(gf, feedURL), nil
}

// parseAs runs the library's parser for a format already recognised, and
// its translator to the common feed shape.
func parseAs(kind gofeed.FeedType, body []byte) (*gofeed.Feed, error) {
	r := bytes.NewReader(body)
	switch kind {
	case gofeed.FeedTypeRSS:
		rf, err := (&rss.Parser{}).Parse(r)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultRSSTranslator{}).Translate(rf)
	case gofeed.FeedTypeAtom:
		af, err := (&atom.Parser{}).Parse(r)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultAtomTranslator{}).Translate(af)
	default:
		jf, err := (&jsonfeed.Parser{}).Parse(r)
		if err != nil {
			return nil, err
		}
		return (&gofeed.DefaultJSONTranslator{}).Translate(jf)
	}
}

// withURL fills in the URL of an *Error made before it was known.
func withURL(err error, feedURL string) error {
	var fe *Error
	if errors.As(err, &fe) {
		fe.URL = feedURL
	}
	return err
}

// checkJSONFeed tells a JSON Feed (which names its version) from other JSON.
func checkJSONFeed(body []byte) error {
	var head struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return &Error{Reason: fmt.Sprintf("the JSON Feed is malformed: %v", err), Kind: ErrMalformed, Cause: err}
	}
	if !strings.Contains(head.Version, "jsonfeed.org/version/") {
		return &Error{Reason: "this URL serves JSON that is not a JSON Feed (it has no jsonfeed.org version)", Kind: ErrNotAFeed}
	}
	return nil
}

// rootElement returns the local name of the first element of an XML
// document, reading leniently as the feed parser does.
func rootElement(body []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, nil
		}
	}
}

// looksLikeHTML reports whether the start of a body is an HTML page.
func looksLikeHTML(body []byte) bool {
	head := bytes.ToLower(body[:min(len(body), 2048)])
	for _, marker := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(head, []byte(marker)) {
			return true
		}
	}
	return false
}

// preview is the first few characters of a body, for a message.
func preview(b []byte) string {
	s := strings.ToValidUTF8(string(b[:min(len(b), 40)]), "?")
	if len(b) > 40 {
		s = strings.TrimSpace(s) + "…"
	}
	return s
}

// convert maps gofeed's feed to ours: plain-text titles, absolute links,
// UTC times and one item per GUID.
func convert(gf *gofeed.Feed, feedURL string) *Feed {
	base := baseURL(feedURL, gf.Link)
	f := &Feed{
		Title:    plainText(gf.Title),
		Link:     resolve(base, gf.Link),
		Language: strings.TrimSpace(gf.Language),
		Items:    make([]Item, 0, len(gf.Items)),
	}
	seen := make(map[string]int, len(gf.Items)) // GUID -> index in f.Items
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := convertItem(gi, base)
		if it.GUID == "" {
			f.Items = append(f.Items, it)
			continue
		}
		if i, dup := seen[it.GUID]; dup {
			// Keep the newer version of a repeated item, in the place of
			// the first.
			if newer(it, f.Items[i]) {
				f.Items[i] = it
			}
			continue
		}
		seen[it.GUID] = len(f.Items)
		f.Items = append(f.Items, it)
	}
	return f
}

func convertItem(gi *gofeed.Item, base *url.URL) Item {
	it := Item{
		GUID:    strings.TrimSpace(gi.GUID),
		Title:   plainText(gi.Title),
		Summary: strings.TrimSpace(gi.Description),
		Content: strings.TrimSpace(gi.Content),
		Author:  authors(gi.Authors),
	}
	it.URL = resolve(base, gi.Link)
	for _, l := range gi.Links {
		if it.URL != "" {
			break
		}
		it.URL = resolve(base, l)
	}
	if it.URL == "" && isAbsoluteHTTP(it.GUID) {
		it.URL = it.GUID // an RSS guid is a permalink unless it says otherwise
	}
	if it.GUID == "" {
		it.GUID = it.URL
	}
	if gi.UpdatedParsed != nil {
		it.Updated = gi.UpdatedParsed.UTC()
	}
	if gi.PublishedParsed != nil {
		it.Published = gi.PublishedParsed.UTC()
	} else {
		it.Published = it.Updated
	}
	return it
}

// newer reports whether a is a later version of the same item than b.
func newer(a, b Item) bool {
	return latest(a).After(latest(b))
}

func latest(it Item) time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

func authors(ps []*gofeed.Person) string {
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		name := plainText(p.Name)
		if name == "" {
			name = strings.TrimSpace(p.Email)
		}
		if name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// baseURL is what relative links are resolved against: the feed's own URL,
// else the site link it declares, when absolute.
func baseURL(feedURL, siteLink string) *url.URL {
	for _, s := range []string{feedURL, siteLink} {
		u, err := url.Parse(strings.TrimSpace(s))
		if err == nil && u.IsAbs() && u.Host != "" {
			return u
		}
	}
	return nil
}

// resolve makes link absolute against base and keeps it only when it is
// an http or https URL.
func resolve(base *url.URL, link string) string {
	link = strings.Join(strings.Fields(link), "") // links broken over lines
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func isAbsoluteHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
