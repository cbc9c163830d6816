package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what a page says about itself, gathered in one pass over the
// tree before the extractor changes it.
type metadata struct {
	lang      string
	title     string // <title>
	h1        string // first <h1>
	metas     map[string]string
	canonical string
	jsonLD    ldInfo
	times     []timeTag
	byline    string // from the markup: rel=author, itemprop=author, .byline
}

// timeTag is a <time datetime> element and whether the page marks it as the
// publication time.
type timeTag struct {
	datetime  string
	published bool
}

// metaKeys are the <meta> names and properties kept, lower-cased.
var metaKeys = map[string]bool{
	"og:title": true, "twitter:title": true, "og:site_name": true, "og:url": true,
	"og:locale": true, "application-name": true, "author": true, "article:author": true,
	"byl": true, "dc.creator": true, "sailthru.author": true, "parsely-author": true,
	"content-language": true, "description": true, "og:description": true,
	"twitter:description":    true,
	"article:published_time": true, "og:article:published_time": true,
	"article:published": true, "datepublished": true, "pubdate": true, "publishdate": true,
	"publish-date": true, "publish_date": true, "dc.date.issued": true, "dc.date": true,
	"dcterms.date": true, "dcterms.created": true, "date": true, "sailthru.date": true,
	"parsely-pub-date": true, "article.published": true, "article_date_original": true,
	"original-publish-date": true, "cxenseparse:recs:publishtime": true,
	"og:published_time": true, "pub_date": true, "dc.date.created": true,
}

// publishedMetaKeys are the <meta> keys that carry a publication time, most
// trusted first.
var publishedMetaKeys = []string{
	"article:published_time", "og:article:published_time", "article:published",
	"og:published_time", "datepublished", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.created", "dc.date.created", "original-publish-date",
	"article_date_original", "cxenseparse:recs:publishtime", "publishdate",
	"publish-date", "publish_date", "pub_date", "pubdate", "article.published",
	"dcterms.date", "dc.date", "date",
}

// readMetadata walks the page once and keeps the parts metadata needs.
func readMetadata(doc *html.Node) *metadata {
	m := &metadata{metas: map[string]string{}}
	var ldScripts []string
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Html:
			if m.lang == "" {
				m.lang = attr(n, "lang")
				if m.lang == "" {
					m.lang = attr(n, "xml:lang")
				}
			}
		case atom.Title:
			if m.title == "" && !hasAncestor(n, func(p *html.Node) bool { return p.DataAtom == atom.Svg }) {
				m.title = textOf(n)
			}
			return false
		case atom.H1:
			if m.h1 == "" {
				m.h1 = textOf(n)
			}
		case atom.Meta:
			m.addMeta(n)
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				ldScripts = append(ldScripts, n.FirstChild.Data)
			}
			return false
		case atom.Style, atom.Template, atom.Noscript:
			return false
		case atom.Time:
			if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && len(m.times) < 20 {
				pub := hasToken(strings.ToLower(attr(n, "itemprop")), "datepublished") ||
					attr(n, "pubdate") != "" || hasAttr(n, "pubdate") ||
					classHas(n, "publish") || classHas(n, "posted")
				m.times = append(m.times, timeTag{datetime: dt, published: pub})
			}
		}
		if m.byline == "" && isAuthorElement(n) && !inComments(n) {
			if t := textOf(n); len(t) > 0 && len(t) < 120 {
				m.byline = t
			}
		}
		return true
	})
	m.jsonLD = parseJSONLD(ldScripts)
	return m
}

func (m *metadata) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")} {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" || !metaKeys[k] {
			continue
		}
		if _, seen := m.metas[k]; !seen {
			m.metas[k] = content
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether a space-separated attribute value holds tok.
func hasToken(val, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(val)) {
		if f == tok {
			return true
		}
	}
	return false
}

// classHas reports whether the class or id of n contains word.
func classHas(n *html.Node, word string) bool {
	return strings.Contains(strings.ToLower(attr(n, "class")), word) ||
		strings.Contains(strings.ToLower(attr(n, "id")), word)
}

var authorClass = regexp.MustCompile(`(?i)(^|[\s_-])(byline|author|author-name|contributor)($|[\s_-])`)

// isAuthorElement reports whether n is marked as naming the article's author.
func isAuthorElement(n *html.Node) bool {
	if hasToken(attr(n, "rel"), "author") || hasToken(attr(n, "itemprop"), "author") {
		return true
	}
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link || n.DataAtom == atom.Body ||
		n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Html {
		return false
	}
	return authorClass.MatchString(attr(n, "class"))
}

// Title separators between a headline and the site's name, strongest first.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " » ", " · ", " • "}

// cleanTitle removes a site name or section added before or after the
// headline ("Headline | Site", "Site - Headline", "Headline - Section -
// Site", "Opinion | Headline").
func cleanTitle(title, site, host, h1 string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return ""
	}
	if h1 != "" && h1 != title && (len(strings.Fields(h1)) >= 2 || utf8.RuneCountInString(h1) >= 4) &&
		strings.HasPrefix(title, h1) {
		rest := strings.TrimSpace(title[len(h1):])
		if startsWithSeparator(rest) {
			return h1
		}
	}
	// The site's name at either end goes, whatever separates it.
	for changed := true; changed; {
		changed = false
		for _, sep := range append(titleSeparators, ": ") {
			if i := strings.LastIndex(title, sep); i > 0 && namesSite(title[i+len(sep):], site, host) {
				title, changed = strings.TrimSpace(title[:i]), true
			}
			if i := strings.Index(title, sep); i > 0 && sep != ": " && namesSite(title[:i], site, host) {
				title, changed = strings.TrimSpace(title[i+len(sep):]), true
			}
		}
	}
	for _, sep := range titleSeparators {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		// Short trailing parts after a real headline are sections and site
		// names; a dash needs more evidence than a pipe.
		maxWords := 4
		if sep == " - " || sep == " – " || sep == " — " {
			maxWords = 3
		}
		for len(parts) > 1 && len(strings.Fields(parts[len(parts)-1])) <= maxWords &&
			len(strings.Fields(strings.Join(parts[:len(parts)-1], sep))) >= 4 {
			parts = parts[:len(parts)-1]
		}
		// A one- or two-word section before a pipe: "Opinion | Headline".
		if sep == " | " && len(parts) > 1 && len(strings.Fields(parts[0])) <= 2 &&
			len(strings.Fields(strings.Join(parts[1:], sep))) >= 4 {
			parts = parts[1:]
		}
		return strings.TrimSpace(strings.Join(parts, sep))
	}
	return title
}

func startsWithSeparator(s string) bool {
	for _, sep := range titleSeparators {
		if strings.HasPrefix(" "+s, sep) {
			return true
		}
	}
	return false
}

// namesSite reports whether a title part is the site's name or host.
func namesSite(part, site, host string) bool {
	p := squash(part)
	if p == "" {
		return false
	}
	if s := squash(site); s != "" && (p == s || strings.Contains(p, s) && len(p) <= len(s)+8) {
		return true
	}
	if h := squash(strings.TrimPrefix(host, "www.")); h != "" {
		if p == h || strings.TrimSuffix(h, tld(host)) == p {
			return true
		}
	}
	return false
}

// squash lower-cases s and keeps only its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tld returns the squashed last label of a host ("com" for www.x.com).
func tld(host string) string {
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		return squash(host[i+1:])
	}
	return ""
}

// bylinePrefix is the word that introduces the names.
var bylinePrefix = regexp.MustCompile(`(?i)^((written|posted|story|words|analysis|opinion|review|interview|reporting|text|photos|report)\s+by|by|von|par|por)[:\s]+`)

// bylineEnd is where the names stop: a handle, a date, a time stamp, a
// separator, a "read time".
var bylineEnd = regexp.MustCompile(`(?i)\s@\w|\s[|•·]\s|\s(published|updated|posted|last updated|print this|\d+\s+min(ute)?s?\s+read)\b|\s(on\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s|\s(on\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s\d{1,4}[/.:-]\d|\s\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s\d{4}\b`)

// cleanByline trims a byline to the names it gives.
func cleanByline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = bylinePrefix.ReplaceAllString(s, "")
	// The match starts at the space before the stop, which in s is one
	// byte earlier than in " "+s.
	if loc := bylineEnd.FindStringIndex(" " + s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]-1]
	}
	s = strings.Trim(s, " |,;:-–—.")
	if s == "" || len(s) > 120 || strings.Contains(s, "://") || strings.HasPrefix(s, "www.") {
		return ""
	}
	return s
}

// normalizeLang turns "en_US" and "EN-us" into "en-US".
func normalizeLang(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if i := strings.IndexAny(s, " ,;"); i >= 0 {
		s = s[:i]
	}
	if s == "" || len(s) > 35 {
		return ""
	}
	parts := strings.Split(s, "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) == 2 {
			parts[i] = strings.ToUpper(parts[i])
		}
	}
	for _, r := range parts[0] {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return strings.Join(parts, "-")
}

// resolveURL makes ref absolute against base; only http and https are kept.
func resolveURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// inComments reports whether n sits in a comment section, where names are
// those of readers.
func inComments(n *html.Node) bool {
	return hasAncestor(n, func(p *html.Node) bool {
		return classHas(p, "comment") || classHas(p, "respond") || classHas(p, "disqus")
	})
}
