package main

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"attache/briefing"
	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/postgres"
)

// BenchmarkBrief100k draws pair briefs from a 100,000-article store in
// process, as `attache bench` does (pairs of its ten countries, window
// ends spread over the corpus's two years, the default 30-day window
// widened as a brief needs), each with a fresh draw so that little is
// left read from the draws before. It reports the latency and the CPU
// time (all of the process's threads) of a brief:
//
//	go test -run '^$' -bench Brief100k -benchtime 400x .
//
// With ATTACHE_BENCH_BRIEF_STORE naming a PostgreSQL schema that `attache
// bench --store URL --keep` built ("postgres://…?search_path=…"), it
// briefs from that store instead (the CPU time is then this process's
// alone, the server's apart).
func BenchmarkBrief100k(b *testing.B) {
	var st sources.Store
	if url := os.Getenv("ATTACHE_BENCH_BRIEF_STORE"); url != "" {
		pg, err := postgres.Open(context.Background(), url, sources.StoreOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { pg.Close() })
		st = pg
	} else {
		st = benchStore(b, 100000)
	}
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	var clock time.Time
	eng := briefing.New(st, g, briefing.Options{Now: func() time.Time { return clock }})
	codes := []string{"US", "CN", "RU", "UA", "JP", "IT", "FR", "DE", "IN", "GB"}
	rng := rand.New(rand.NewPCG(1, 7))
	ctx := context.Background()
	var lat, cpu []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := codes[rng.IntN(len(codes))]
		y := x
		for y == x {
			y = codes[rng.IntN(len(codes))]
		}
		clock = benchEnd.Add(-time.Duration(rng.Int64N(int64(700 * 24 * time.Hour))))
		start, c0 := time.Now(), processCPU()
		_, err := eng.Brief(ctx, briefing.Request{Countries: []string{x, y}})
		lat, cpu = append(lat, time.Since(start)), append(cpu, processCPU()-c0)
		if ue := (*briefing.UserError)(nil); err != nil && !errors.As(err, &ue) {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	report := func(ds []time.Duration, name string) {
		slices.Sort(ds)
		pct := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.5), name+"_p50_ms")
		b.ReportMetric(pct(0.99), name+"_p99_ms")
	}
	report(lat, "wall")
	report(cpu, "cpu")
}
