package feed

import (
	"bytes"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types with which pages advertise feeds, most
// specific first; text/xml and application/xml are accepted after them.
var feedTypes = map[string]int{
	"application/rss+xml":   0,
	"application/atom+xml":  0,
	"application/feed+json": 0,
	"application/rdf+xml":   0,
	"application/x-rss+xml": 0,
	"text/xml":              1,
	"application/xml":       1,
}

// Discover returns the feed URLs that an HTML page advertises with
// <link rel="alternate" type="application/rss+xml" href="…"> and its Atom,
// RSS 1.0 and JSON Feed kin (or rel="feed"), made absolute against the
// page's <base href> or pageURL, without repeats, in page order with the
// specifically typed ones first. It returns nil when there is none.
func Discover(body []byte, pageURL string) []string {
	base, _ := url.Parse(strings.TrimSpace(pageURL))
	var found [2][]string
	seen := make(map[string]bool)
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		tag := atom.Lookup(name)
		if tag != atom.Link && tag != atom.Base {
			continue
		}
		attrs := attributes(z)
		if tag == atom.Base {
			if u, err := url.Parse(strings.TrimSpace(attrs["href"])); err == nil && attrs["href"] != "" {
				if base != nil {
					u = base.ResolveReference(u)
				}
				if u.IsAbs() {
					base = u
				}
			}
			continue
		}
		rank, ok := linkRank(attrs["rel"], attrs["type"])
		if !ok {
			continue
		}
		link := resolve(base, attrs["href"])
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		found[rank] = append(found[rank], link)
	}
	if len(found[0])+len(found[1]) == 0 {
		return nil
	}
	return append(found[0], found[1]...)
}

// linkRank says whether a <link> with these rel and type attributes
// advertises a feed, and how specifically (0 before 1).
func linkRank(rel, typ string) (int, bool) {
	var alternate, feed bool
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		switch r {
		case "alternate":
			alternate = true
		case "feed":
			feed = true
		case "stylesheet", "icon":
			return 0, false
		}
	}
	mt, _, err := mime.ParseMediaType(typ)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(typ))
	}
	rank, known := feedTypes[mt]
	switch {
	case (alternate || feed) && known:
		return rank, true
	case feed && mt == "":
		return 1, true
	}
	return 0, false
}

// attributes reads the current tag's attributes, keys lowercased.
func attributes(z *html.Tokenizer) map[string]string {
	attrs := make(map[string]string, 4)
	for {
		key, val, more := z.TagAttr()
		attrs[strings.ToLower(string(key))] = string(val)
		if !more {
			return attrs
		}
	}
}
