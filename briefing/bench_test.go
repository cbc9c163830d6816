package briefing

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
	"attache/sources/synth"
)

// BenchmarkDigest1000 composes a digest over 1,000 new articles (the
// target is 200 ms or less).
func BenchmarkDigest1000(b *testing.B) {
	ctx := context.Background()
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := sources.OpenSQLite(ctx, filepath.Join(b.TempDir(), "c.db"), sources.StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gen := synth.New(3, start, 24*time.Hour)
	arts := make([]sources.Article, 1000)
	for i := range arts {
		arts[i] = gen.Article()
		arts[i].Fetched = start.Add(time.Duration(i) * time.Minute)
	}
	if _, err := sources.NewIngester(st, g.Tag, nil).Ingest(ctx, arts, nil); err != nil {
		b.Fatal(err)
	}
	eng := New(st, g, Options{Now: func() time.Time { return start.Add(48 * time.Hour) }})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := eng.Digest(ctx, DigestRequest{Since: start.Add(-time.Hour), MaxStories: 8})
		if err != nil {
			b.Fatal(err)
		}
		if d.Considered != 1000 || len(d.Stories) != 8 {
			b.Fatalf("digest read %d articles and kept %d stories", d.Considered, len(d.Stories))
		}
	}
}

// BenchmarkBriefSample is a brief over the sample corpus, in-process.
func BenchmarkBriefSample(b *testing.B) {
	tc := newTestCorpus(b, storetest.SQLite())
	req := Request{Countries: []string{"JP", "IT"}}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := tc.eng.Brief(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBriefSynth is a pair brief over a generated corpus of 20,000
// articles (two years), pairs and windows drawn as `attache bench` does.
func BenchmarkBriefSynth(b *testing.B) {
	ctx := context.Background()
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := sources.OpenSQLite(ctx, filepath.Join(b.TempDir(), "c.db"), sources.StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	gen := synth.New(1, start, 730*24*time.Hour)
	arts := make([]sources.Article, 20000)
	for i := range arts {
		arts[i] = gen.Article()
	}
	if _, err := sources.NewIngester(st, g.Tag, nil).Ingest(ctx, arts, nil); err != nil {
		b.Fatal(err)
	}
	codes := []string{"US", "CN", "RU", "UA", "JP", "IT", "FR", "DE", "IN", "GB"}
	var clock time.Time
	eng := New(st, g, Options{Now: func() time.Time { return clock }})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clock = start.Add(time.Duration(30+i*7%700) * 24 * time.Hour)
		pair := []string{codes[i%len(codes)], codes[(i/len(codes)+1+i)%len(codes)]}
		if pair[0] == pair[1] {
			pair[1] = codes[(i+3)%len(codes)]
		}
		if _, err := eng.Brief(ctx, Request{Countries: pair}); err != nil {
			var ue *UserError
			if !errors.As(err, &ue) {
				b.Fatal(err)
			}
		}
	}
}
