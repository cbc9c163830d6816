package feed

import (
	"bytes"
	"mime"
	"strings"
)

// Sniff reports whether a fetched body is a feed rather than a page, by its
// content type (application/rss+xml, application/atom+xml,
// application/feed+json) or, whatever the type says, by what it is: an XML
// document whose root is <rss>, <rdf:RDF> or <feed>, or JSON that names a
// jsonfeed.org version. kind is "RSS", "Atom" or "JSON Feed" (or "feed"
// when only the content type says so). It reads the start of the body
// only and never expands entities.
func Sniff(body []byte, contentType string) (kind string, ok bool) {
	if normalized, err := normalizeEncoding(body); err == nil {
		body = normalized
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 {
		switch trimmed[0] {
		case '{':
			if checkJSONFeed(trimmed) == nil {
				return "JSON Feed", true
			}
		case '<':
			if root, err := rootElement(trimmed); err == nil {
				switch strings.ToLower(root) {
				case "rss", "rdf":
					return "RSS", true
				case "feed":
					return "Atom", true
				}
			}
		}
	}
	media, _, _ := mime.ParseMediaType(contentType)
	switch media {
	case "application/rss+xml", "application/rdf+xml":
		if !looksLikeHTML(trimmed) {
			return "RSS", true
		}
	case "application/atom+xml":
		if !looksLikeHTML(trimmed) {
			return "Atom", true
		}
	case "application/feed+json":
		return "JSON Feed", true
	}
	return "", false
}
