package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// benchFeed builds an RSS 2.0 feed of n items shaped like a news site's:
// title, link, guid, author, date, a one-sentence description and about
// 500 words of article HTML in content:encoded.
func benchFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench Herald — World</title><link>https://bench.example/world/</link><language>en</language>
`)
	para := "<p>" + words(50) + ", officials said on condition of anonymity.</p>\n"
	start := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Ministers meet for round %d of talks on trade &amp; security</title>
<link>/world/2025/06/talks-%d/</link><guid isPermaLink="false">bench-%d</guid>
<dc:creator>Correspondent %d</dc:creator><pubDate>%s</pubDate>
<description><![CDATA[<p>Round %d of the talks opened with a dinner&hellip;</p>]]></description>
<content:encoded><![CDATA[%s]]></content:encoded></item>
`, i, i, i, i%7, start.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z), i, strings.Repeat(para, 10))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

func BenchmarkParse100Items(b *testing.B) {
	body := benchFeed(100)
	f, err := Parse(body, "https://bench.example/world/feed/")
	if err != nil || len(f.Items) != 100 {
		b.Fatalf("bench feed: %v, %d items", err, len(f.Items))
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "https://bench.example/world/feed/"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTeaser(b *testing.B) {
	f, err := Parse(benchFeed(100), "https://bench.example/world/feed/")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range f.Items {
			Teaser(it)
		}
	}
}
