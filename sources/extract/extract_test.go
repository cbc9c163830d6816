package extract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"attache/sources/doc"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes a page the way the golden files hold it.
func render(p *Page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nbyline: %s\nsite: %s\nlang: %s\ncanonical: %s\npublished: %s (%s)\n\n",
		p.Title, p.Byline, p.Site, p.Lang, p.CanonicalURL, p.Published.Format(time.RFC3339), p.PublishedFrom)
	b.WriteString(p.Text())
	b.WriteString("\n")
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// The fixture is a news page of our own with the furniture of real ones:
// a cookie banner, navigation, a share bar with a counter, a captioned
// photo, a "Read more" line, a block quote with its speaker, an
// advertisement marker, a repeated paragraph, a newsletter box, related
// stories, tags, comments and a footer.
func TestExtractGolden(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "summit.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(body, "https://ledger.example/world/story?utm_source=feed", "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "summit.golden", render(p))
	var headings []string
	for _, b := range p.Blocks {
		if b.Kind == doc.Heading {
			headings = append(headings, b.Text)
		}
	}
	if want := []string{"A carrier group heads east", "Wider ties"}; strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q, want %q", headings, want)
	}
}

func TestExtractShiftJISPage(t *testing.T) {
	html := `<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">` +
		`<title>日伊首脳会談 | 港新聞</title></head><body><nav><a href="/">ホーム</a></nav><article><h1>日伊首脳会談</h1>` +
		strings.Repeat("<p>"+japaneseText+"</p>", 3) + `</article></body></html>`
	body, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(html))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(body, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "日伊首脳会談" || p.Lang != "ja" {
		t.Errorf("title %q lang %q", p.Title, p.Lang)
	}
	if !strings.Contains(p.Text(), "安全保障と防衛の分野で協力を強化") {
		t.Errorf("text not readable: %.200q", p.Text())
	}
}

func TestExtractPlainText(t *testing.T) {
	body := []byte("Tokyo and Rome Agree\n\n0\n\nThe ministers met on Monday and agreed to hold drills.\n\nExit mobile version\n")
	p, err := Extract(body, "https://ledger.example/2024/02/05/agree.txt", "text/plain; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Tokyo and Rome Agree" {
		t.Errorf("title = %q", p.Title)
	}
	if got, want := p.Text(), "The ministers met on Monday and agreed to hold drills."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if p.PublishedFrom != FromURL || p.Published.Format("2006-01-02") != "2024-02-05" {
		t.Errorf("published %v from %q", p.Published, p.PublishedFrom)
	}
}

func TestExtractBadInput(t *testing.T) {
	garbage := make([]byte, 64<<10)
	rand.New(rand.NewSource(1)).Read(garbage)
	cookieWall := []byte(`<html><head><title>Before you continue</title></head><body>
		<div class="consent"><h1>Before you continue</h1>
		<p>We use cookies and data to deliver and maintain our services. By continuing to browse you accept our cookie policy.</p>
		<button>Accept all</button><button>Reject all</button></div></body></html>`)
	cases := []struct {
		name string
		body []byte
		ct   string
		want error
	}{
		{"empty", nil, "", ErrEmpty},
		{"blank", []byte(" \n\t "), "", ErrEmpty},
		{"too large", bytes.Repeat([]byte("<p>x</p>"), 20<<20/8+1), "", ErrTooLarge},
		{"binary garbage", garbage, "text/html", ErrNotHTML},
		{"png served as html", append([]byte("\x89PNG\r\n\x1a\n"), garbage[:100]...), "text/html", ErrNotHTML},
		{"gzip served as html", []byte("\x1f\x8b\x08\x00garbage"), "", ErrNotHTML},
		{"pdf content type", []byte("%PDF-1.7"), "application/pdf", ErrNotHTML},
		{"cookie wall", cookieWall, "", ErrNoArticle},
		{"markup without text", []byte("<html><body><div><span></span></div></body></html>"), "", ErrNoArticle},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Extract(c.body, "", c.ct)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if errors.Is(err, ErrNoArticle) && (p == nil || len(p.Blocks) != 0) {
				t.Errorf("want metadata and no blocks with ErrNoArticle, got %+v", p)
			}
		})
	}
}

func TestExtractSizeCapOption(t *testing.T) {
	body := []byte("<html><body><p>" + strings.Repeat("word ", 400) + "</p></body></html>")
	if _, err := (Options{MaxBytes: 1000}).Extract(body, "", ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if _, err := (Options{MaxBytes: 1 << 20}).Extract(body, "", ""); err != nil {
		t.Errorf("err = %v under the cap", err)
	}
}

// A page nested 100,000 elements deep is read without a panic, without
// losing its text, and in bounded memory.
func TestExtractDeepNesting(t *testing.T) {
	const depth = 100000
	text := "The ministers agreed on Monday to hold joint naval drills in the western Pacific this summer, officials said."
	var b strings.Builder
	b.WriteString("<html><body>")
	for i := 0; i < depth; i++ {
		b.WriteString("<div>")
	}
	for i := 0; i < 5; i++ {
		b.WriteString("<p>" + text + "</p>")
	}
	for i := 0; i < depth; i++ {
		b.WriteString("</div>")
	}
	b.WriteString("</body></html>")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	p, err := Extract([]byte(b.String()), "", "")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text(), text) {
		t.Errorf("text lost: %.200q", p.Text())
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d MB", alloc>>20)
	if alloc > 64<<20 {
		t.Errorf("allocated %d MB for a %d KB page", alloc>>20, b.Len()>>10)
	}
}

func TestFlatten(t *testing.T) {
	got := string(flatten("<div><div><div><p>deep</p></div></div></div><br><img src=x>", 2))
	want := "<div><div>  deep  </div></div><br><img src=x>"
	if got != want {
		t.Errorf("flatten = %q, want %q", got, want)
	}
}

func TestPrune(t *testing.T) {
	html := `<html><body><article>
		<figure><img src="a.jpg"><figcaption>A caption</figcaption></figure>
		<div class="article-body">` + strings.Repeat("<p>"+strings.Repeat("Body text of the article. ", 10)+"</p>", 3) + `</div>
		<div class="newsCaption">Protesters in the square</div>
		<div class="share-tools"><a href="#">Share</a></div>
		<div class="related-links"><a href="/a">Other story</a> <a href="/b">Another story</a></div>
		<div class="author-bio"><p>Jane Roe writes about ports.</p></div>
		<div class="photo-box"><img src="b.jpg"><span>Harbour at dawn</span></div>
		<div class="tag-cloud-wrapper">` + strings.Repeat("<p>"+strings.Repeat("Long text that is the article. ", 10)+"</p>", 3) + `</div>
	</article></body></html>`
	root, err := parseHTML(html)
	if err != nil {
		t.Fatal(err)
	}
	prune(root, "")
	text := textOf(root)
	for _, gone := range []string{"A caption", "Protesters in the square", "Share", "Other story", "Jane Roe", "Harbour at dawn"} {
		if strings.Contains(text, gone) {
			t.Errorf("prune kept %q", gone)
		}
	}
	for _, kept := range []string{"Body text of the article", "Long text that is the article"} {
		if !strings.Contains(text, kept) {
			t.Errorf("prune removed %q", kept)
		}
	}
}

func TestSegments(t *testing.T) {
	root, err := parseHTML(`<div><p>One <a href="#">link</a> here.</p>text<br>after break<h2>Head <b>ing</b></h2>` +
		`<h3><a href="#part">Anchored</a></h3><ul><li>item</li></ul><table><tr><td>63</td><td>Jane Roe</td></tr></table><blockquote><p>quoted</p></blockquote></div>`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range segments(root) {
		got = append(got, fmt.Sprintf("%d:%s:%d/%d:%v:%v", s.kind, s.text, s.links, s.chars, s.list, s.quote))
	}
	want := []string{
		"0:One link here.:4/11:false:false",
		"0:text:0/4:false:false",
		"0:after break:0/10:false:false",
		"1:Head ing:0/7:false:false",
		"1:Anchored:0/8:false:false",
		"0:item:0/4:true:false",
		"0:63 Jane Roe:0/9:false:false",
		"0:quoted:0/6:false:true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// When the extractor finds nothing, the page's own paragraphs are used.
func TestExtractFallsBackToParagraphs(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "summit.html"))
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	none := func(*html.Node, *url.URL) (*html.Node, error) { calls++; return nil, nil }
	p, err := Options{Extractor: none}.Extract(body, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("extractor called %d times, want 2 (pruned page, then the page as it came)", calls)
	}
	text := p.Text()
	for _, want := range []string{"Japan and Italy signed an agreement on Monday", "## Wider ties", "Italy will host the G7"} {
		if !strings.Contains(text, want) {
			t.Errorf("fallback text lacks %q:\n%s", want, text)
		}
	}
	for _, furniture := range []string{"Comments are closed", "Copyright", "Sign up", "Meloni and Kishida meet"} {
		if strings.Contains(text, furniture) {
			t.Errorf("fallback text keeps %q", furniture)
		}
	}
}

// A chain of elements deeper than maxDepth (but not so deep that the HTML
// parser refuses it) is flattened before extraction, text kept.
func TestParseHTMLFlattensDeepChains(t *testing.T) {
	text := "The ministers agreed on Monday to hold joint naval drills in the western Pacific this summer."
	page := "<html><body>" + strings.Repeat("<div><span>", 150) + "<p>" + text + "</p>" + strings.Repeat("</span></div>", 150) + "</body></html>"
	root, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if deeper(root, maxDepth+4) {
		t.Errorf("a page nested 300 deep parses to a tree deeper than %d", maxDepth+4)
	}
	if !strings.Contains(textOf(root), text) {
		t.Errorf("text lost: %.200q", textOf(root))
	}
	shallow := "<html><body><div><p>" + text + "</p></div></body></html>"
	if root, _ := parseHTML(shallow); findElement(root, atom.P) == nil {
		t.Error("a shallow page lost its paragraph element")
	}
}
