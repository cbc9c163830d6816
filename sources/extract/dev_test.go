package extract

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// devDir holds the dev split of the article-extraction benchmark
// (../shared/eval/README.md, section 3). Tests and benchmarks that read it
// skip when it is absent.
var devDir = filepath.Join("..", "..", "..", "shared", "eval", "pages-dev")

type devPage struct {
	id, url, gold string
	body          []byte
}

func loadDevPages(tb testing.TB) []devPage {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(devDir, "ground-truth.json"))
	if err != nil {
		tb.Skip("dev pages not present:", err)
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		tb.Fatal(err)
	}
	var pages []devPage
	for id, g := range gold {
		f, err := os.Open(filepath.Join(devDir, id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, devPage{id: id, url: g.URL, gold: g.ArticleBody, body: body})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

// BenchmarkDevPages extracts every dev page and reports the median and
// 95th percentile time per page, in wall-clock time and in the CPU time of
// the extracting thread (steady on a machine shared with other work), and
// the bytes allocated per page.
func BenchmarkDevPages(b *testing.B) {
	pages := loadDevPages(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var walls, cpus []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			start := time.Now()
			cpu0, ok0 := threadCPU()
			if _, err := Extract(p.body, p.url, ""); err != nil {
				b.Fatalf("%s: %v", p.id, err)
			}
			cpu1, ok1 := threadCPU()
			walls = append(walls, time.Since(start))
			if ok0 && ok1 {
				cpus = append(cpus, cpu1-cpu0)
			}
		}
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	report := func(ds []time.Duration, unit string) {
		if len(ds) == 0 {
			return
		}
		slices.Sort(ds)
		b.ReportMetric(ms(ds[len(ds)/2]), unit+"-median")
		b.ReportMetric(ms(ds[len(ds)*95/100]), unit+"-p95")
	}
	report(walls, "ms/page")
	report(cpus, "cpu-ms/page")
	b.ReportMetric(float64(len(pages)), "pages/op")
}

// BenchmarkTypicalPage extracts one generated news page of about 100 KB
// (markup, scripts, navigation, article, related links, footer).
func BenchmarkTypicalPage(b *testing.B) {
	body := typicalPage(100 << 10)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	cpu0, ok0 := threadCPU()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(body, "https://ledger.example/world/2024/02/05/story", ""); err != nil {
			b.Fatal(err)
		}
	}
	cpu1, ok1 := threadCPU()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
	if ok0 && ok1 && cpu1 > cpu0 {
		b.ReportMetric(float64(b.N)/(cpu1-cpu0).Seconds(), "pages/cpu-s")
	}
}

func TestTypicalPage(t *testing.T) {
	body := typicalPage(100 << 10)
	if n := len(body); n < 95<<10 || n > 110<<10 {
		t.Errorf("typical page is %d bytes, want about 100 KB", n)
	}
	p, err := Extract(body, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Blocks); n < 20 {
		t.Errorf("typical page gave %d blocks, want the article's 24 paragraphs and headings", n)
	}
	for _, b := range p.Blocks {
		if strings.Contains(b.Text, "Related story") || strings.Contains(b.Text, "Section link") {
			t.Errorf("furniture survived: %q", b.Text)
		}
	}
}

// typicalPage builds a news page of about size bytes, of our own words,
// shaped like the pages of news sites: a long head of styles and scripts,
// navigation, an article of twenty paragraphs with headings and a photo,
// a related-stories list and a footer of links.
func typicalPage(size int) []byte {
	words := strings.Fields("ministers agreed talks port navy summit trade minister officials said " +
		"week capital delegation agreement security energy shipping drills partnership council " +
		"budget exports analysts region presidency leaders meeting cooperation statement data " +
		"harbour coast frigate carrier pact treaty envoy embassy visit tour rally vote parliament " +
		"senate bill law court ruling judge appeal tariff quota market shares bond yield bank rate " +
		"inflation growth forecast survey poll voters campaign candidate party coalition cabinet " +
		"reshuffle premier president chancellor spokesman sources document draft clause sanctions " +
		"embargo supply chain chips factory plant workers union strike wages pension reform " +
		"climate emissions target summer winter spring autumn north south east west island strait " +
		"channel border crossing migrants asylum refugees aid grant loan fund donors pledge")
	rnd := rand.New(rand.NewSource(7))
	sentence := func() string {
		var b strings.Builder
		b.WriteString("The")
		for j := 0; j < 14; j++ {
			b.WriteString(" ")
			b.WriteString(words[rnd.Intn(len(words))])
		}
		b.WriteString(".")
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministers agree on naval drills | Ledger</title>`)
	b.WriteString(`<meta property="og:site_name" content="Ledger"><meta property="article:published_time" content="2024-02-05T09:30:00Z">`)
	b.WriteString("<style>")
	for i := 0; b.Len() < 25<<10; i++ {
		fmt.Fprintf(&b, ".c%d{margin:%dpx;padding:%dpx;color:#%06x}\n", i, i%17, i%11, i*7919%0xffffff)
	}
	b.WriteString("</style><script>")
	for i := 0; b.Len() < 45<<10; i++ {
		fmt.Fprintf(&b, "window.cfg%d={id:%d,slot:'s%d',sizes:[[300,250],[728,90]]};\n", i, i, i)
	}
	b.WriteString("</script></head><body><header><nav><ul>")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section link %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>Ministers agree on naval drills</h1>`)
	b.WriteString(`<div class="byline">By Jane Roe</div><figure><img src="/p.jpg"><figcaption>The port at dawn. Photo: Ledger</figcaption></figure><div class="body">`)
	for i := 0; i < 20; i++ {
		if i%5 == 4 {
			fmt.Fprintf(&b, "<h2>Part %d of the story</h2>", i/5+1)
		}
		b.WriteString("<p>")
		for j := 0; j < 5; j++ {
			b.WriteString(sentence() + " ")
		}
		b.WriteString("</p>")
	}
	b.WriteString(`</div></article><aside class="related"><h3>Related</h3><ul>`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `<li><a href="/story/%d">Related story number %d about the region</a></li>`, i, i)
	}
	b.WriteString(`</ul></aside></main><footer>`)
	for i := 0; b.Len() < size-200; i++ {
		fmt.Fprintf(&b, `<a href="/footer/%d">Footer link %d</a> `, i, i)
	}
	b.WriteString(`<p>Copyright © 2024 Ledger. All rights reserved.</p></footer></body></html>`)
	return []byte(b.String())
}
