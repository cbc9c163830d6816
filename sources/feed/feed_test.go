package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtures are the feeds in testdata that parse, with the URL each is
// taken to come from.
var fixtures = []struct {
	file, url string
}{
	{"rss091.xml", "http://mfa.example.org/press/rss.xml"},
	{"rss092.xml", "https://capitalwire.example/rss"},
	{"rss10.rdf", "https://nordicpost.example/rss"},
	{"rss20.xml", "https://harbourtimes.example/world/feed/"},
	{"atom.xml", "https://lequai.example/diplomatie/atom.xml"},
	{"jsonfeed.json", "https://screview.example/pacific/feed.json"},
	{"duplicate-guids.xml", "https://gulfledger.example/feed"},
	{"windows-1252.xml", "https://cafe-europeen.example/rss"},
	{"undeclared-latin1.xml", "https://diario-atlantico.example/rss"},
	{"mislabelled-utf8.xml", "https://zuercher-blatt.example/rss"},
	{"utf16.xml", "https://epitheorisi.example/atom"},
	{"shift_jis.xml", "https://gaiko-shinpo.example/rss"},
	{"bom.xml", "https://bog.example/rss"},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseGolden compares each parsed fixture, as JSON, with its golden
// file (go test -run TestParseGolden -update rewrites them).
func TestParseGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, fx.file), fx.url)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // keep the raw HTML readable
			enc.SetIndent("", "  ")
			if err := enc.Encode(f); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", "golden", fx.file+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Parse(%s) differs from %s:\ngot:\n%s", fx.file, golden, got)
			}
		})
	}
}

func parseFixture(t *testing.T, file string) *Feed {
	t.Helper()
	for _, fx := range fixtures {
		if fx.file == file {
			f, err := Parse(readFixture(t, file), fx.url)
			if err != nil {
				t.Fatalf("Parse(%s): %v", file, err)
			}
			return f
		}
	}
	t.Fatalf("no fixture %s", file)
	return nil
}

func titles(f *Feed) []string {
	var out []string
	for _, it := range f.Items {
		out = append(out, it.Title)
	}
	return out
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		link      string
		language  string
		items     int
		firstURL  string
		firstAuth string
	}{
		{"rss091.xml", "Ministère des Affaires étrangères - Communiqués", "http://mfa.example.org/press/", "en", 2, "http://mfa.example.org/press/2025-118.html", ""},
		{"rss092.xml", "Capital Wire: Diplomacy", "https://capitalwire.example/diplomacy", "", 2, "https://capitalwire.example/diplomacy/unsc-mandate", ""},
		{"rss10.rdf", "Nordic Post: Foreign News", "https://nordicpost.example/foreign", "sv", 2, "https://nordicpost.example/foreign/nato-baltic", "Ingrid Holm"},
		{"rss20.xml", "Harbour Times — World", "https://harbourtimes.example/world/", "en-gb", 4, "https://harbourtimes.example/world/2025/06/03/japan-italy-defence/", "Marta Ricci"},
		{"atom.xml", "Le Quai — Diplomatie", "https://lequai.example/diplomatie/", "fr", 2, "https://lequai.example/diplomatie/2025/06/france-inde-espace", "Claire Dubois, Arjun Mehta"},
		{"jsonfeed.json", "Southern Cross Review: Pacific", "https://screview.example/pacific/", "en-AU", 2, "https://screview.example/pacific/pif-leaders", "Mele Tupou"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := parseFixture(t, tt.file)
			if f.Title != tt.title || f.Link != tt.link || f.Language != tt.language {
				t.Errorf("feed = %q, %q, %q; want %q, %q, %q", f.Title, f.Link, f.Language, tt.title, tt.link, tt.language)
			}
			if len(f.Items) != tt.items {
				t.Fatalf("got %d items %q, want %d", len(f.Items), titles(f), tt.items)
			}
			if got := f.Items[0]; got.URL != tt.firstURL || got.Author != tt.firstAuth {
				t.Errorf("first item URL, author = %q, %q; want %q, %q", got.URL, got.Author, tt.firstURL, tt.firstAuth)
			}
		})
	}
}

func TestParseRSS20Items(t *testing.T) {
	f := parseFixture(t, "rss20.xml")
	want := []Item{
		{
			GUID:      "harbourtimes-48211",
			URL:       "https://harbourtimes.example/world/2025/06/03/japan-italy-defence/",
			Title:     "Japan and Italy agree to deepen defence-industrial ties",
			Author:    "Marta Ricci",
			Published: time.Date(2025, 6, 3, 0, 40, 0, 0, time.UTC),
		},
		{
			GUID:      "harbourtimes-48190",
			URL:       "https://harbourtimes.example/world/2025/06/02/asean-ministers/?utm_source=rss",
			Title:     "ASEAN foreign ministers to meet in Kuala Lumpur & discuss the sea code",
			Author:    "Daniel Osei",
			Published: time.Date(2025, 6, 2, 16, 5, 0, 0, time.UTC),
		},
		{ // no <link>: the permalink guid is the URL
			GUID:      "https://harbourtimes.example/world/2025/06/01/g7-envoys/",
			URL:       "https://harbourtimes.example/world/2025/06/01/g7-envoys/",
			Title:     "G7 envoys gather ahead of the summit",
			Published: time.Date(2025, 6, 1, 7, 0, 0, 0, time.UTC),
		},
		{ // a path relative to the feed URL; no guid: the URL stands in
			GUID:  "https://harbourtimes.example/world/feed/opinion/quiet-diplomacy.html",
			URL:   "https://harbourtimes.example/world/feed/opinion/quiet-diplomacy.html",
			Title: "Editorial: the quiet diplomacy of small states",
		},
	}
	for i, w := range want {
		got := f.Items[i]
		got.Summary, got.Content = "", "" // checked below
		if got != w {
			t.Errorf("item %d =\n%+v\nwant\n%+v", i, got, w)
		}
	}
	first := f.Items[0]
	if !strings.HasPrefix(first.Content, "<p>ROME — Japan and Italy on Tuesday") || !strings.Contains(first.Content, "<blockquote>") {
		t.Errorf("content should be the raw HTML of content:encoded, got %.80q", first.Content)
	}
	if first.Summary != "<p>Ministers meeting in Rome signed a framework on joint fighter work&hellip;</p>" {
		t.Errorf("summary = %q, want the raw description", first.Summary)
	}
}

func TestParseRelativeLinks(t *testing.T) {
	tests := []struct {
		name, feedURL, link, want string
	}{
		{"root-relative", "https://example.org/news/rss.xml", "/a/1", "https://example.org/a/1"},
		{"path-relative", "https://example.org/news/rss.xml", "a/1", "https://example.org/news/a/1"},
		{"parent", "https://example.org/news/rss.xml", "../a/1", "https://example.org/a/1"},
		{"scheme-relative", "https://example.org/rss", "//cdn.example.net/a/1", "https://cdn.example.net/a/1"},
		{"absolute kept", "https://example.org/rss", "http://other.example/a", "http://other.example/a"},
		{"split over lines", "https://example.org/rss", "https://example.org/a/\n   1", "https://example.org/a/1"},
		{"javascript dropped", "https://example.org/rss", "javascript:alert(1)", ""},
		{"mailto dropped", "https://example.org/rss", "mailto:desk@example.org", ""},
		{"no feed URL: the channel link is the base", "", "/a/1", "https://site.example/a/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `<rss version="2.0"><channel><title>T</title><link>https://site.example/</link>` +
				`<item><title>x</title><link>` + xmlEscape(tt.link) + `</link></item></channel></rss>`
			f, err := Parse([]byte(body), tt.feedURL)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := f.Items[0].URL; got != tt.want {
				t.Errorf("URL = %q, want %q", got, tt.want)
			}
		})
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func TestParseAtomBaseAndDates(t *testing.T) {
	f := parseFixture(t, "atom.xml")
	a, b := f.Items[0], f.Items[1]
	if a.Title != "France and India sign a roadmap on space co-operation" {
		t.Errorf("HTML title = %q, want its text", a.Title)
	}
	if want := time.Date(2025, 6, 2, 16, 30, 0, 0, time.UTC); !a.Published.Equal(want) || a.Published.Location() != time.UTC {
		t.Errorf("published = %v, want %v in UTC", a.Published, want)
	}
	if want := time.Date(2025, 6, 3, 5, 45, 0, 0, time.UTC); !a.Updated.Equal(want) {
		t.Errorf("updated = %v, want %v", a.Updated, want)
	}
	if a.Content != "<p>PARIS — France and India signed a roadmap on Monday.</p>" {
		t.Errorf("content = %q, want the unescaped HTML", a.Content)
	}
	// xml:base on the entry wins over the feed URL.
	if b.URL != "https://lequai.example/europe/enlargement-timetable" {
		t.Errorf("xml:base link = %q", b.URL)
	}
	// Only <updated>: it stands for the publication time too.
	if want := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC); !b.Published.Equal(want) || !b.Updated.Equal(want) {
		t.Errorf("published, updated = %v, %v; want both %v", b.Published, b.Updated, want)
	}
}

func TestParseDuplicateGUIDs(t *testing.T) {
	f := parseFixture(t, "duplicate-guids.xml")
	want := []struct{ guid, title string }{
		{"https://gulfledger.example/a/1001", "Oman hosts indirect talks (updated)"},
		{"https://gulfledger.example/a/1002", "Qatar mediates prisoner exchange"},
	}
	if len(f.Items) != len(want) {
		t.Fatalf("got %d items %q, want %d", len(f.Items), titles(f), len(want))
	}
	for i, w := range want {
		if f.Items[i].GUID != w.guid || f.Items[i].Title != w.title {
			t.Errorf("item %d = %q %q, want %q %q", i, f.Items[i].GUID, f.Items[i].Title, w.guid, w.title)
		}
	}
}

func TestParseEncodings(t *testing.T) {
	tests := []struct {
		file, title, item string
	}{
		{"rss091.xml", "Ministère des Affaires étrangères - Communiqués", "Statement on the ceasefire talks"},
		{"windows-1252.xml", "Café Européen – Politique", "“Une Europe qui protège”: le sommet de Bruxelles"},
		{"undeclared-latin1.xml", "Diário Atlântico", "Cimeira luso-brasileira em Brasília"},
		{"mislabelled-utf8.xml", "Zürcher Blatt — Ausland", "Außenminister treffen sich in Genf"},
		{"utf16.xml", "Ελληνική Επιθεώρηση", "Σύνοδος υπουργών Εξωτερικών στην Αθήνα"},
		{"shift_jis.xml", "東京外交新報", "日伊防衛相会談、協力拡大で合意"},
		{"bom.xml", "Byte Order Gazette", "A feed that starts with a byte-order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := parseFixture(t, tt.file)
			if f.Title != tt.title {
				t.Errorf("title = %q, want %q", f.Title, tt.title)
			}
			if len(f.Items) == 0 || f.Items[0].Title != tt.item {
				t.Errorf("items = %q, want the first to be %q", titles(f), tt.item)
			}
		})
	}
	f := parseFixture(t, "windows-1252.xml")
	if want := "Le budget de défense atteint 150 milliards d’€… selon la Commission."; f.Items[0].Summary != want {
		t.Errorf("summary = %q, want %q", f.Items[0].Summary, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		kind    error
		message string
	}{
		{"html page", readFixture(t, "html-page.html"), ErrNotAFeed, "feed: https://news.example/feed: this URL serves an HTML page, not a feed"},
		{"html without doctype", []byte("<html><body><p>Hello</p></body></html>"), ErrNotAFeed, "this URL serves an HTML page, not a feed"},
		{"html fragment that is not XML", []byte("<head><meta charset=utf-8><title>x</title><body>"), ErrNotAFeed, "this URL serves an HTML page, not a feed"},
		{"truncated XML", readFixture(t, "truncated.xml"), ErrMalformed, "the feed's XML is malformed: XML syntax error on line 10: unexpected EOF"},
		{"empty", readFixture(t, "empty.xml"), ErrEmpty, "the server sent an empty body, not a feed"},
		{"nothing at all", nil, ErrEmpty, "empty body"},
		{"bom only", []byte("\xef\xbb\xbf"), ErrEmpty, "empty body"},
		{"sitemap", readFixture(t, "sitemap.xml"), ErrNotAFeed, "this URL serves an XML document with root <urlset>, not an RSS or Atom feed"},
		{"json that is not a feed", readFixture(t, "not-jsonfeed.json"), ErrNotAFeed, "this URL serves JSON that is not a JSON Feed"},
		{"broken json", readFixture(t, "broken.json"), ErrMalformed, "the JSON Feed is malformed"},
		{"plain text", readFixture(t, "plain.txt"), ErrNotAFeed, `neither RSS, Atom nor JSON Feed (it starts with "Service temporarily unavailable. Please…")`},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, ErrNotAFeed, "neither RSS, Atom nor JSON Feed"},
		{"unknown encoding label", []byte(`<?xml version="1.0" encoding="klingon-1"?><rss version="2.0"><channel><title>K`), ErrMalformed, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, "https://news.example/feed")
			if f != nil {
				t.Errorf("Parse returned a feed %+v with the error", f)
			}
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error = %v, want kind %v", err, tt.kind)
			}
			for _, other := range []error{ErrEmpty, ErrNotAFeed, ErrMalformed} {
				if other != tt.kind && errors.Is(err, other) {
					t.Errorf("error %v is also %v", err, other)
				}
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("message = %q, want it to contain %q", err, tt.message)
			}
			var fe *Error
			if !errors.As(err, &fe) || fe.URL != "https://news.example/feed" {
				t.Errorf("error %v is not an *Error naming the URL", err)
			}
		})
	}
}

func TestParseEmptyFeedIsNotAnError(t *testing.T) {
	f, err := Parse([]byte(`<rss version="2.0"><channel><title>Quiet desk</title></channel></rss>`), "")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if f.Title != "Quiet desk" || len(f.Items) != 0 {
		t.Errorf("got %+v, want a titled feed with no items", f)
	}
}

func FuzzParse(f *testing.F) {
	for _, fx := range fixtures {
		f.Add(readFixture(f, fx.file))
	}
	for _, name := range []string{"html-page.html", "truncated.xml", "sitemap.xml", "broken.json", "not-jsonfeed.json"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := Parse(body, "https://fuzz.example/feed")
		if err != nil {
			if feed != nil {
				t.Fatalf("feed and error both returned: %v", err)
			}
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotAFeed) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("error of no known kind: %v", err)
			}
			return
		}
		seen := make(map[string]bool)
		for _, it := range feed.Items {
			if it.GUID != "" {
				if seen[it.GUID] {
					t.Fatalf("GUID %q repeated", it.GUID)
				}
				seen[it.GUID] = true
			}
			if it.URL != "" && !isAbsoluteHTTP(it.URL) {
				t.Fatalf("item URL %q is not an absolute http(s) URL", it.URL)
			}
			_ = Teaser(it)
		}
	})
}
