package extract

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCleanTitle(t *testing.T) {
	cases := []struct{ title, site, host, h1, want string }{
		{"Tokyo and Rome sign pact | The Harbour Ledger", "The Harbour Ledger", "", "", "Tokyo and Rome sign pact"},
		{"The Harbour Ledger - Tokyo and Rome sign pact", "The Harbour Ledger", "", "", "Tokyo and Rome sign pact"},
		{"Tokyo and Rome sign pact - World - Harbour Ledger", "", "harbourledger.com", "", "Tokyo and Rome sign pact"},
		{"Tokyo and Rome sign pact – ledger.example", "", "www.ledger.example", "", "Tokyo and Rome sign pact"},
		{"Review: Tokyo and Rome sign maritime pact : The Ledger Review", "The Ledger Review", "", "", "Review: Tokyo and Rome sign maritime pact"},
		{"Opinion | Why the G7 handover matters", "", "", "", "Why the G7 handover matters"},
		{"Tokyo and Rome sign maritime pact ahead of G7 | World | Ledger", "", "", "", "Tokyo and Rome sign maritime pact ahead of G7"},
		{"Tokyo and Rome sign pact, officials say", "The Ledger", "", "", "Tokyo and Rome sign pact, officials say"},
		// A dash inside a headline stays when nothing marks a site name.
		{"Japan - Italy talks end early", "", "", "", "Japan - Italy talks end early"},
		{"Kishida and Meloni agree on drills - a first for both navies", "", "", "", "Kishida and Meloni agree on drills - a first for both navies"},
		{"Tokyo and Rome sign pact - Extra text here", "", "", "Tokyo and Rome sign pact", "Tokyo and Rome sign pact"},
		{"  Spaced   out  ", "", "", "", "Spaced out"},
		{"", "Site", "", "", ""},
	}
	for _, c := range cases {
		if got := cleanTitle(c.title, c.site, c.host, c.h1); got != c.want {
			t.Errorf("cleanTitle(%q, site %q, host %q, h1 %q) = %q, want %q", c.title, c.site, c.host, c.h1, got, c.want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	cases := []struct{ in, want string }{
		{"By Marta Bellini", "Marta Bellini"},
		{"by Marta Bellini and Kenji Arai", "Marta Bellini and Kenji Arai"},
		{"Bryan Doe @bryandoe Nov 18, 2019 at 9:24 pm ET • 2 min read", "Bryan Doe"},
		{"Associated Press November 19, 2019, 9:02 AM", "Associated Press"},
		{"Madeline Roe | November 18, 2019 12:01 PM Print this article", "Madeline Roe"},
		{"Example Wire services Published 11:11 PM EST Nov 19, 2019", "Example Wire services"},
		{"Analysis by Jane Roe, Example Editor-at-large", "Jane Roe, Example Editor-at-large"},
		{"Jane Roe Monday, November 18, 2019", "Jane Roe"},
		{"https://www.example.com/people/jane", ""},
		{"   ", ""},
	}
	for _, c := range cases {
		if got := cleanByline(c.in); got != c.want {
			t.Errorf("cleanByline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	cases := map[string]string{"en_US": "en-US", "EN-gb": "en-GB", "ko": "ko", "zh-Hant-TW": "zh-Hant-TW", "": "", "12": "", "en, fr": "en"}
	for in, want := range cases {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveURL(t *testing.T) {
	base, _ := url.Parse("https://news.example/world/story.html")
	cases := []struct {
		base *url.URL
		ref  string
		want string
	}{
		{base, "/world/2024/pact?ref=home", "https://news.example/world/2024/pact?ref=home"},
		{base, "https://other.example/a", "https://other.example/a"},
		{base, "javascript:void(0)", ""},
		{nil, "/relative", ""},
		{nil, "http://abs.example/x", "http://abs.example/x"},
		{base, "", ""},
	}
	for _, c := range cases {
		if got := resolveURL(c.base, c.ref); got != c.want {
			t.Errorf("resolveURL(%v, %q) = %q, want %q", c.base, c.ref, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string // RFC 3339, or "" for no date
	}{
		{"2024-02-05T09:30:00+01:00", "2024-02-05T09:30:00+01:00"},
		{"2024-02-05T08:15:00Z", "2024-02-05T08:15:00Z"},
		{"2024-02-05T08:15:00.123Z", "2024-02-05T08:15:00.123Z"},
		{"2024-02-05T09:30:00+0100", "2024-02-05T09:30:00+01:00"},
		{"2024-02-05 09:30:00", "2024-02-05T09:30:00Z"},
		{"2024-02-05", "2024-02-05T00:00:00Z"},
		{"Mon, 05 Feb 2024 09:30:00 GMT", "2024-02-05T09:30:00Z"},
		{"February 5, 2024", "2024-02-05T00:00:00Z"},
		{"1707121800", "2024-02-05T08:30:00Z"},
		{"1707121800000", "2024-02-05T08:30:00Z"},
		{"0001-01-01T00:00:00Z", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, c := range cases {
		got, ok := parseDate(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %v, want no date", c.in, got)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339, c.want)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", c.in, got, ok, want)
		}
	}
}

func TestDateInURL(t *testing.T) {
	cases := []struct{ url, want string }{
		{"https://www.example.com/2019/11/18/investing/markets/index.html", "2019-11-18"},
		{"https://www.example.com/news/2019-11-18-markets-rally", "2019-11-18"},
		{"https://www.example.com/news/20191118/markets.html", "2019-11-18"},
		{"https://www.example.com/2019/11/markets", ""},
		{"https://www.example.com/columnists/201911181077343476-royal/", ""},
		{"https://www.example.com/2019/13/45/odd", ""},
		{"https://www.example.com/2019/02/30/odd", ""},
		{"https://www.example.com/story?date=2019/11/18", ""},
		{"", ""},
	}
	for _, c := range cases {
		got, ok := DateInURL(c.url)
		if c.want == "" {
			if ok {
				t.Errorf("DateInURL(%q) = %v, want none", c.url, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("DateInURL(%q) = %v, %v; want %s", c.url, got, ok, c.want)
		}
	}
}

// Each source of the publication time, alone, and the order of trust when
// several are present.
func TestPublishedOrderOfTrust(t *testing.T) {
	const (
		ld   = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-01T10:00:00Z"}</script>`
		meta = `<meta property="article:published_time" content="2024-02-02T10:00:00Z">`
		tag  = `<time datetime="2024-02-03T10:00:00Z">3 Feb</time>`
		url  = "https://news.example/2024/02/04/story"
	)
	cases := []struct {
		name, head, body, url string
		want, from            string
	}{
		{"json-ld", ld, "", "", "2024-02-01", FromJSONLD},
		{"meta", meta, "", "", "2024-02-02", FromMeta},
		{"time", "", tag, "", "2024-02-03", FromTime},
		{"url", "", "", url, "2024-02-04", FromURL},
		{"json-ld beats the rest", ld + meta, tag, url, "2024-02-01", FromJSONLD},
		{"meta beats time and url", meta, tag, url, "2024-02-02", FromMeta},
		{"time beats url", "", tag, url, "2024-02-03", FromTime},
		{"a time marked as published beats an earlier one", "", `<time datetime="2024-03-09">x</time><time itemprop="datePublished" datetime="2024-02-05">y</time>`, "", "2024-02-05", FromTime},
		{"unreadable json-ld falls through", `<script type="application/ld+json">{"datePublished":"soon"}</script>` + meta, "", "", "2024-02-02", FromMeta},
		{"none", "", "<p>No date here.</p>", "https://news.example/story", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html := "<html><head>" + c.head + "</head><body>" + c.body + "</body></html>"
			root, err := parseHTML(html)
			if err != nil {
				t.Fatal(err)
			}
			got, from := published(readMetadata(root), c.url)
			if from != c.from {
				t.Errorf("from = %q, want %q", from, c.from)
			}
			if c.want == "" {
				if !got.IsZero() {
					t.Errorf("published = %v, want none", got)
				}
				return
			}
			if got.Format("2006-01-02") != c.want {
				t.Errorf("published = %v, want %s", got, c.want)
			}
		})
	}
}

func TestParseJSONLD(t *testing.T) {
	scripts := []string{
		`not json at all`,
		`<![CDATA[{"@context":"https://schema.org","@graph":[
			{"@type":"WebPage","name":"Section page","datePublished":"2020-01-01","inLanguage":"fr"},
			{"@type":["NewsArticle"],"headline":"The headline","datePublished":"2024-02-05T08:15:00Z",
			 "author":[{"@type":"Person","name":"Marta Bellini"},"Kenji Arai",{"name":"https://x.example/p"}],
			 "publisher":{"@type":"Organization","name":"The Ledger"},
			 "mainEntityOfPage":{"@id":"https://news.example/story"}}]}]]>`,
		"{\"@type\":\"BlogPosting\",\"headline\":\"Raw\nnewline\"}",
	}
	got := parseJSONLD(scripts)
	want := ldInfo{
		headline:  "The headline",
		published: "2024-02-05T08:15:00Z",
		authors:   []string{"Marta Bellini", "Kenji Arai"},
		publisher: "The Ledger",
		lang:      "fr",
		url:       "https://news.example/story",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseJSONLD = %+v, want %+v", got, want)
	}
	if got := parseJSONLD([]string{strings.Repeat("[", 100000)}); !reflect.DeepEqual(got, ldInfo{}) {
		t.Errorf("deep JSON: %+v", got)
	}
}
