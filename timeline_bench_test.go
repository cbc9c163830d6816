package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"attache/briefing"
	"attache/briefing/chart"
	"attache/briefing/geo"
	"attache/sources/synth"
)

// BenchmarkTimeline100k draws year-long timelines of country pairs from a
// 100,000-article store, each pair and window drawn once: the draws go
// round the pairs of the generated corpus's 30 countries (435 pairs),
// each round a week earlier, so that none is drawn twice (nothing a draw
// reads is left read for another). It reports the latency and CPU time of
// these first draws, and of drawing 20 of them, spread over the run, again.
//
//	go test -run '^$' -bench Timeline100k -benchtime 500x .
func BenchmarkTimeline100k(b *testing.B) {
	st := benchStore(b, 100000)
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	eng := briefing.New(st, g, briefing.Options{Now: func() time.Time { return benchEnd }})
	var codes []string
	for _, p := range synth.Places {
		codes = append(codes, g.Tag(p.Name, benchEnd)...)
	}
	var pairs [][]string
	for i, x := range codes {
		for _, y := range codes[i+1:] {
			pairs = append(pairs, []string{x, y})
		}
	}
	ctx := context.Background()
	draw := func(i int) (time.Duration, time.Duration, int) {
		pair := pairs[i%len(pairs)]
		until := benchEnd.AddDate(0, 0, -7*(i/len(pairs)))
		start, cpu := time.Now(), processCPU()
		t, err := eng.Timeline(ctx, briefing.Request{Countries: pair, Since: until.AddDate(-1, 0, 0), Until: until}, "")
		if err != nil {
			b.Fatal(err)
		}
		return time.Since(start), processCPU() - cpu, t.Totals.Total()
	}
	var first, again []time.Duration
	var cpu time.Duration
	stories := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		took, c, n := draw(i)
		first = append(first, took)
		cpu += c
		stories += n
	}
	b.StopTimer()
	for k := 0; k < min(b.N, 20); k++ {
		took, _, _ := draw(k * b.N / min(b.N, 20))
		again = append(again, took)
	}
	report := func(lat []time.Duration, name string) {
		slices.Sort(lat)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.5), name+"_p50_ms")
		b.ReportMetric(pct(0.99), name+"_p99_ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, name+"_max_ms")
	}
	report(first, "first")
	report(again, "again")
	// CPU time is the cost whatever else the machine runs.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "first_cpu_ms")
	b.ReportMetric(float64(stories)/float64(b.N), "stories/draw")
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
	cpu0 := processCPU()
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
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/1000/float64(b.N), "cpu_ms/op")
}
