package briefing

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/synth"
)

// The cost of reading an article for its pairs at ingest, beside the
// country tagging the ingester does anyway, on generated articles (about
// 600 words, one to three countries named often) and on the Reuters and
// BBC dev articles of ../shared/eval (skipped when absent):
//
//	go test -run '^$' -bench 'ReadPairs|Tag' -cpu 1 -benchtime 2000x ./briefing/

func BenchmarkReadPairsGenerated(b *testing.B) { benchReadPairs(b, generatedArticles) }
func BenchmarkTagGenerated(b *testing.B)       { benchTag(b, generatedArticles) }
func BenchmarkReadPairsDev(b *testing.B)       { benchReadPairs(b, devArticles) }
func BenchmarkTagDev(b *testing.B)             { benchTag(b, devArticles) }

func benchReadPairs(b *testing.B, load func(testing.TB, *geo.Gazetteer) []sources.Article) {
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	arts := load(b, g)
	p := NewPairReader(g, RelevanceRule{})
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		p.ReadPairs(arts[i%len(arts)])
	}
	b.ReportMetric(float64((processCPU()-cpu).Microseconds())/float64(b.N), "cpu_µs/op")
}

func benchTag(b *testing.B, load func(testing.TB, *geo.Gazetteer) []sources.Article) {
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	arts := load(b, g)
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		a := arts[i%len(arts)]
		g.Tag(a.Title+"\n\n"+a.Text, a.Published)
	}
	b.ReportMetric(float64((processCPU()-cpu).Microseconds())/float64(b.N), "cpu_µs/op")
}

func generatedArticles(_ testing.TB, g *geo.Gazetteer) []sources.Article {
	gen := synth.New(9, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 365*24*time.Hour)
	arts := make([]sources.Article, 500)
	for i := range arts {
		arts[i] = gen.Article()
		arts[i].Countries = g.Tag(arts[i].Title+"\n\n"+arts[i].Text, arts[i].Published)
	}
	return arts
}

func devArticles(tb testing.TB, g *geo.Gazetteer) []sources.Article {
	var out []sources.Article
	for _, name := range []string{"reuters-dev.jsonl", "bbc-news-dev.jsonl"} {
		f, err := os.Open(filepath.Join("..", "..", "shared", "eval", name))
		if err != nil {
			tb.Skipf("the dev articles are not here: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct{ Title, Text, Published string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				continue
			}
			at, _ := time.Parse(time.RFC3339, rec.Published)
			a := sources.Article{Title: rec.Title, Text: rec.Text, Published: at}
			a.Countries = g.Tag(a.Title+"\n\n"+a.Text, at)
			out = append(out, a)
		}
		f.Close()
	}
	return out
}
