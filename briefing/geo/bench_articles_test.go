package geo

import (
	"strings"
	"testing"
	"time"
)

// articleTexts are 250 texts of about 4 KB, the labelled sentences in
// ordinary prose: what ingest tags one at a time.
func articleTexts(b *testing.B) []string {
	set := readLabelled(b)
	var out []string
	var sb strings.Builder
	for i := 0; len(out) < 250; i++ {
		sb.WriteString(set[i%len(set)].text)
		for k := 0; k < 6; k++ {
			sb.WriteByte(' ')
			sb.WriteString(filler[(i+k)%len(filler)])
		}
		sb.WriteString("\n\n")
		if sb.Len() > 4000 {
			out = append(out, sb.String())
			sb.Reset()
		}
	}
	return out
}

// BenchmarkTagArticles measures tagging article-sized texts, in MB/s on
// one core: what each article costs at ingest, where the work done once
// per text (the other languages' look) counts.
func BenchmarkTagArticles(b *testing.B) {
	g := mustNew(b)
	texts := articleTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			g.Tag(t, at)
		}
	}
}

// BenchmarkForeignScanArticles measures what the other languages add to
// tagging article-sized English texts (compare BenchmarkTagArticles,
// which includes it).
func BenchmarkForeignScanArticles(b *testing.B) {
	g := mustNew(b)
	texts := articleTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	g.foreignOnce.Do(func() { g.foreign = newForeignIndex(g.entities) })
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			g.foreign.scan(t)
		}
	}
}
