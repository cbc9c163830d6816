package main

import (
	"context"
	"slices"
	"syscall"
	"testing"
	"time"

	"attache/briefing"
	"attache/briefing/chart"
	"attache/briefing/geo"
)

// BenchmarkTimeline100k draws a year's timeline of country pairs from a
// 100,000-article store, and reports the latency of each: the first
// request of a pair reads its articles (cold), later ones find them read.
//
//	go test -run '^$' -bench Timeline100k -benchtime 500x .
func BenchmarkTimeline100k(b *testing.B) {
	st := benchStore(b, 100000)
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	eng := briefing.New(st, g, briefing.Options{Now: func() time.Time { return benchEnd }})
	pairs := [][]string{{"JP", "IT"}, {"CN", "RU"}, {"FR", "DE"}, {"IN", "US"}, {"UA", "RU"}, {"JP", "CN"}, {"GB", "FR"}, {"BR", "AR"}, {"TR", "IL"}, {"EG", "SA"}}
	ctx := context.Background()
	var cold, warm []time.Duration
	var coldCPU time.Duration
	stories := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pair := pairs[i%len(pairs)]
		start, cpu := time.Now(), cpuTime()
		t, err := eng.Timeline(ctx, briefing.Request{Countries: pair}, "")
		took := time.Since(start)
		if i < len(pairs) {
			coldCPU += cpuTime() - cpu
		}
		if err != nil {
			b.Fatal(err)
		}
		if i < len(pairs) {
			cold = append(cold, took)
			stories += t.Totals.Total()
		} else {
			warm = append(warm, took)
		}
	}
	b.StopTimer()
	report := func(lat []time.Duration, name string) {
		if len(lat) == 0 {
			return
		}
		slices.Sort(lat)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.5), name+"_p50_ms")
		b.ReportMetric(pct(0.99), name+"_p99_ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, name+"_max_ms")
	}
	report(cold, "cold")
	report(warm, "warm")
	// CPU time is the cost whatever else the machine runs.
	b.ReportMetric(float64(coldCPU.Microseconds())/1000/float64(min(b.N, len(pairs))), "cold_cpu_ms")
	b.ReportMetric(float64(stories)/float64(min(b.N, len(pairs))), "stories/pair")
}

// BenchmarkTimelinePNG renders the chart of a year by week.
func BenchmarkTimelinePNG(b *testing.B) {
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	t := &briefing.Timeline{Title: "Japan and Italy", By: briefing.ByWeek, Since: end.AddDate(-1, 0, 0), Until: end,
		Trend: "mostly cooperation, cooling since 3 August: 3 conflict stories in 4 weeks"}
	for s := t.Since; s.Before(end); s = s.AddDate(0, 0, 7) {
		k := len(t.Periods)
		p := briefing.Period{Start: s, End: s.AddDate(0, 0, 7), Label: s.Format("2 Jan 2006")}
		p.Stories.VerbalCooperation, p.Stories.MaterialCooperation = k%4, k%3
		p.Stories.VerbalConflict, p.Stories.MaterialConflict = (k+1)%3, k%5/4
		t.Periods = append(t.Periods, p)
	}
	size := 0
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		img, err := chart.TimelinePNG(t)
		if err != nil {
			b.Fatal(err)
		}
		size = len(img)
	}
	b.StopTimer()
	b.ReportMetric(float64(size)/1024, "KB")
	// CPU time is what the rendering costs whatever else the machine runs;
	// wall time on a busy machine is larger.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu_ms/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
