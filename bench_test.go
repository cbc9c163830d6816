package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"attache/bot"
	"attache/bot/discordtest"
	"attache/briefing"
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
	st, err := sources.OpenSQLite(ctx, filepath.Join(b.TempDir(), "bench.db"), sources.StoreOptions{})
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

// benchStore returns a store of n generated articles, built once into the
// system's temporary directory and reused by later runs (building 100,000
// takes a minute or two).
func benchStore(b *testing.B, n int) sources.Store {
	b.Helper()
	ctx := context.Background()
	dir := filepath.Join(os.TempDir(), "attache-bench-store")
	path := filepath.Join(dir, fmt.Sprintf("seed1-%d.db", n))
	done := path + ".complete"
	if _, err := os.Stat(done); err != nil {
		os.MkdirAll(dir, 0o755)
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
		st, err := sources.OpenSQLite(ctx, path, sources.StoreOptions{})
		if err != nil {
			b.Fatal(err)
		}
		g, err := geo.New()
		if err != nil {
			b.Fatal(err)
		}
		gen := synth.New(1, benchEnd.AddDate(-2, 0, 0), 2*365*24*time.Hour)
		in := sources.NewIngester(st, g.Tag, nil)
		in.BatchSize = 2000
		in.Reader = briefing.NewPairReader(g, briefing.RelevanceRule{}).Reader()
		for i := 0; i < n; i += 5000 {
			arts := make([]sources.Article, min(5000, n-i))
			for j := range arts {
				arts[j] = gen.Article()
			}
			if _, err := in.Ingest(ctx, arts, nil); err != nil {
				b.Fatal(err)
			}
		}
		st.Checkpoint(ctx)
		st.Close()
		os.WriteFile(done, nil, 0o644)
	}
	st, err := sources.OpenSQLite(ctx, path, sources.StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	// A store built before readings were kept, or read by older rules, is
	// read now (once: the readings stay in the file).
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	t0, cpu0 := time.Now(), processCPU()
	read, err := sources.ReadUnread(ctx, st, *briefing.NewPairReader(g, briefing.RelevanceRule{}).Reader(), nil)
	if err != nil {
		b.Fatal(err)
	}
	if read > 0 {
		b.Logf("read %d articles for their pairs in %s (%s of CPU)", read, time.Since(t0).Round(time.Millisecond), (processCPU() - cpu0).Round(time.Millisecond))
	}
	return st
}

// benchEnd is the end of the generated corpus's two years.
var benchEnd = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkBotBrief100k sends `!brief` for country pairs at 100 commands
// per second through the fake Discord to the real bot, engine and a
// 100,000-article store, and reports the time from the gateway event to
// the bot's REST call:
//
//	go test -run '^$' -bench BotBrief100k -benchtime 1000x .
func BenchmarkBotBrief100k(b *testing.B) {
	st := benchStore(b, 100000)
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	eng := briefing.New(st, g, briefing.Options{Now: func() time.Time { return benchEnd }})
	guild := &discordgo.Guild{ID: liveGuild, Name: "Bench", OwnerID: "1", Roles: []*discordgo.Role{{ID: liveGuild, Name: "@everyone"}}}
	fake := discordtest.New(b, discordtest.Options{Guilds: []*discordgo.Guild{guild}})
	bt, err := bot.New(liveBotConfig(),
		bot.Deps{Briefer: eng, Feeds: feedStore{store: st}, Logger: slog.New(slog.DiscardHandler), HTTPClient: fake.Client()})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- bt.Run(ctx) }()
	defer func() { cancel(); <-done }()
	if _, err := fake.WaitCommands(liveGuild, 30*time.Second); err != nil {
		b.Fatal(err)
	}
	pairs := []string{"japan italy", "china russia", "france germany", "india united states", "ukraine russia", "japan china", "united kingdom france"}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	base := fake.CallCount()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		<-tick.C
		u := discordtest.User{ID: fmt.Sprint(10000 + i%500)}
		if _, err := fake.SendMessage(discordtest.Message{GuildID: liveGuild, ChannelID: fmt.Sprint(7000 + i%10), Author: u, Content: "!brief " + pairs[i%len(pairs)]}); err != nil {
			b.Fatal(err)
		}
	}
	if err := fake.WaitCount(context.Background(), base+b.N, 5*time.Minute); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	var lat []time.Duration
	for _, c := range fake.Calls() {
		if c.Route != discordtest.RouteCreateMessage || c.Payload.MessageReference == nil {
			continue
		}
		if c.Rejected() {
			b.Fatalf("rejected: %s", c.Error)
		}
		if at, ok := fake.DispatchedAt(c.Payload.MessageReference.MessageID); ok {
			lat = append(lat, c.At.Sub(at))
		}
	}
	if len(lat) != b.N {
		b.Fatalf("measured %d replies, want %d", len(lat), b.N)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "p50_ms")
	b.ReportMetric(pct(0.99), "p99_ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max_ms")
	fake.Forget()
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(before.HeapAlloc)/(1<<20), "heap_MB_before")
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap_MB_after")
}
