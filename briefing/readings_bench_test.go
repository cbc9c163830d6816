package briefing

import (
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/synth"
)

// BenchmarkReadPairs reads generated articles (about 600 words, one to
// three countries) for their pairs, as the ingester does, beside the
// country tagging the ingester does anyway:
//
//	go test -run '^$' -bench 'ReadPairs|TagArticle' -cpu 1 ./briefing/
func BenchmarkReadPairs(b *testing.B) {
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(g)
	p := NewPairReader(g, RelevanceRule{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.ReadPairs(arts[i%len(arts)])
	}
}

// BenchmarkTagArticle tags the same articles with their countries.
func BenchmarkTagArticle(b *testing.B) {
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(g)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := arts[i%len(arts)]
		g.Tag(a.Title+"\n\n"+a.Text, a.Published)
	}
}

func benchArticles(g *geo.Gazetteer) []sources.Article {
	gen := synth.New(9, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 365*24*time.Hour)
	arts := make([]sources.Article, 500)
	for i := range arts {
		arts[i] = gen.Article()
		arts[i].Countries = g.Tag(arts[i].Title+"\n\n"+arts[i].Text, arts[i].Published)
	}
	return arts
}
