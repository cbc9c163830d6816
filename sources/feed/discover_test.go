package feed

import (
	"net/url"
	"slices"
	"testing"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, url string
		want            []string
	}{
		{
			name: "rss and atom links, relative and absolute",
			page: `<!DOCTYPE html><html><head>
				<link rel="stylesheet" href="/site.css">
				<link rel="alternate" type="application/rss+xml" title="All stories" href="/feed/">
				<link rel="alternate" type="application/atom+xml" href="https://example.org/atom.xml">
				<link rel="alternate" hreflang="fr" href="/fr/">
				</head><body></body></html>`,
			url:  "https://example.org/world/",
			want: []string{"https://example.org/feed/", "https://example.org/atom.xml"},
		},
		{
			name: "json feed, rdf and a charset parameter",
			page: `<head><link rel="alternate" type="application/feed+json" href="feed.json">` +
				`<link rel="alternate" type="application/rdf+xml" href="index.rdf">` +
				`<link rel="alternate" type="application/rss+xml; charset=utf-8" href="rss"></head>`,
			url:  "https://example.org/blog/",
			want: []string{"https://example.org/blog/feed.json", "https://example.org/blog/index.rdf", "https://example.org/blog/rss"},
		},
		{
			name: "case, extra rel tokens and repeats",
			page: `<LINK REL="Alternate Home" TYPE="APPLICATION/RSS+XML" HREF="/rss.xml">` +
				`<link rel="alternate" type="application/rss+xml" href="https://example.org/rss.xml">`,
			url:  "https://example.org/",
			want: []string{"https://example.org/rss.xml"},
		},
		{
			name: "generic xml comes after specific types",
			page: `<link rel="alternate" type="text/xml" href="/old.xml"><link rel="alternate" type="application/atom+xml" href="/new.atom">`,
			url:  "https://example.org/",
			want: []string{"https://example.org/new.atom", "https://example.org/old.xml"},
		},
		{
			name: "base href",
			page: `<head><base href="https://cdn.example.net/site/"><link rel="alternate" type="application/rss+xml" href="feed.xml"></head>`,
			url:  "https://example.org/",
			want: []string{"https://cdn.example.net/site/feed.xml"},
		},
		{
			name: "rel=feed",
			page: `<link rel="feed" href="/updates">`,
			url:  "https://example.org/",
			want: []string{"https://example.org/updates"},
		},
		{
			name: "not feeds: oembed, wordpress rest json, stylesheet, anchors",
			page: `<link rel="alternate" type="application/json+oembed" href="/oembed">` +
				`<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">` +
				`<link rel="stylesheet alternate" type="application/rss+xml" href="/odd">` +
				`<a href="/feed.xml" type="application/rss+xml">RSS</a>`,
			url:  "https://example.org/",
			want: nil,
		},
		{
			name: "unsafe or empty hrefs dropped",
			page: `<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">` +
				`<link rel="alternate" type="application/rss+xml" href="">` +
				`<link rel="alternate" type="application/rss+xml">`,
			url:  "https://example.org/",
			want: nil,
		},
		{
			name: "no page URL: only absolute links survive",
			page: `<link rel="alternate" type="application/rss+xml" href="/rss"><link rel="alternate" type="application/rss+xml" href="https://example.org/abs">`,
			url:  "",
			want: []string{"https://example.org/abs"},
		},
		{name: "empty", page: "", url: "https://example.org/", want: nil},
		{name: "a feed, not a page", page: string(readFixture(t, "rss20.xml")), url: "https://example.org/", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Discover([]byte(tt.page), tt.url)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Discover = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiscoverOnFixturePage(t *testing.T) {
	got := Discover(readFixture(t, "html-page.html"), "https://harbourtimes.example/world")
	want := []string{"https://harbourtimes.example/world/feed/"}
	if !slices.Equal(got, want) {
		t.Errorf("Discover = %q, want %q", got, want)
	}
}

// FuzzDiscover reads pages of any shape: no panic, and every feed found is
// an absolute http(s) URL, listed once.
func FuzzDiscover(f *testing.F) {
	f.Add([]byte(`<head><base href="https://example.org/news/"><link rel="alternate" type="application/rss+xml" href="rss"></head>`), "https://example.org/")
	f.Add([]byte(`<link rel=feed href="//cdn.example/f"><link rel="alternate" type="text/xml" href="javascript:x">`), "")
	f.Add([]byte(`<base href=":"><link rel="alternate" type="application/atom+xml" href="a b">`), "http://[::1")
	f.Fuzz(func(t *testing.T, page []byte, pageURL string) {
		seen := map[string]bool{}
		for _, link := range Discover(page, pageURL) {
			u, err := url.Parse(link)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("Discover gave %q, not an absolute http(s) URL (%v)", link, err)
			}
			if seen[link] {
				t.Errorf("Discover gave %q twice", link)
			}
			seen[link] = true
		}
	})
}
