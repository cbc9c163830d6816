package extract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that Extract never panics, that it either fails with
// one of its errors or returns a page, and that the text it returns is
// valid UTF-8 without empty blocks.
func FuzzExtract(f *testing.F) {
	if fixture, err := os.ReadFile(filepath.Join("testdata", "summit.html")); err == nil {
		f.Add(fixture, "text/html")
	}
	f.Add([]byte("<html><body><p>Short.</p></body></html>"), "")
	f.Add([]byte("<div><div><div><p>x</div></span></table>"), "text/html; charset=shift_jis")
	f.Add([]byte("\xef\xbb\xbf<meta charset=euc-kr><p>\xb0\xa1\xb3\xaa</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-02-05"}]}</script>`), "")
	f.Add([]byte("Title\n\n0\n\nText."), "text/plain")
	f.Add([]byte("0\xff"), "")        // a stray byte at the end once passed for a cut-off rune
	f.Add([]byte("\ufeff\xad0"), "0") // a UTF-8 byte order mark once let invalid bytes through
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		p, err := Options{MaxBytes: 1 << 20}.Extract(body, "https://news.example/2024/02/05/x", contentType)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrNoArticle) &&
				!errors.Is(err, ErrTooLarge) {
				// A parse failure is the only other outcome.
				if p != nil {
					t.Fatalf("page with unexpected error %v", err)
				}
			}
			if !errors.Is(err, ErrNoArticle) {
				return
			}
		}
		if p == nil {
			t.Fatal("nil page without error")
		}
		for _, b := range p.Blocks {
			if b.Text == "" {
				t.Fatal("empty block")
			}
			if !utf8.ValidString(b.Text) {
				t.Fatalf("invalid UTF-8 in %q", b.Text)
			}
		}
		for _, s := range []string{p.Title, p.Byline, p.Site, p.Lang, p.CanonicalURL} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in metadata %q", s)
			}
		}
	})
}
