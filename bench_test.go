package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/synth"
)

// BenchmarkIngest measures end-to-end ingest of already-extracted
// articles (tagging, hashing, sketching, indexing) in batches of 1,000;
// it reports articles per second. The 100,000-article figures of the
// README come from `attache bench`.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := sources.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sources.StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	gen := synth.New(1, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 2*365*24*time.Hour)
	in := sources.NewIngester(st, g.Tag, nil)
	in.BatchSize = 2000
	arts := make([]sources.Article, b.N)
	for i := range arts {
		arts[i] = gen.Article()
	}
	b.ResetTimer()
	if _, err := in.Ingest(ctx, arts, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
