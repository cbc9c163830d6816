package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/sources"

	"attache/sources/storetest"
)

// benchSchedules are the shapes of the generated schedules.
var benchSchedules = []struct{ spec, zone string }{
	{"0 8 * * *", "Europe/Rome"}, {"30 7 * * 1-5", "Asia/Tokyo"}, {"0 * * * *", "UTC"},
	{"15 9 * * 1", "America/New_York"}, {"0 18 * * *", "Australia/Sydney"}, {"45 6 * * *", "Europe/London"},
}

// BenchmarkLoadSchedules10k measures what start-up does with 10,000
// stored schedules before any is due: read them, put each in the cron,
// look for deliveries left pending and for slots missed while down.
//
//	go test -run XXX -bench LoadSchedules10k -benchtime 5x ./bot/
func BenchmarkLoadSchedules10k(b *testing.B) {
	created := time.Date(2026, 11, 20, 10, 0, 10, 0, time.UTC)
	now := func() time.Time { return created }
	c := newCorpus(b, storetest.SQLite(), now)
	ctx := context.Background()
	for i := 0; i < 10000; i++ {
		s := benchSchedules[i%len(benchSchedules)]
		if _, err := c.store.PutSchedule(ctx, sources.Schedule{ChannelID: fmt.Sprint(100000 + i), GuildID: guildID, Spec: s.spec, TimeZone: s.zone, CreatedBy: mod.ID}); err != nil {
			b.Fatal(err)
		}
	}
	later := func() time.Time { return created.Add(30 * time.Second) }
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		cfg := DefaultConfig()
		cfg.Token = discordtest.DefaultToken
		bot, err := New(cfg, Deps{
			Briefer: newFakeBriefer(now), Feeds: newFakeFeeds(), Now: later,
			Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
			Digests: c.store, Digester: c.eng, Digest: DefaultDigestConfig(),
		})
		if err != nil {
			b.Fatal(err)
		}
		bot.dg.manual = true
		b.StartTimer()
		if err := bot.dg.start(ctx); err != nil {
			b.Fatal(err)
		}
		<-bot.dg.ready
		b.StopTimer()
		if got := len(bot.dg.entries); got != 10000 {
			b.Fatalf("%d cron entries, want 10000", got)
		}
		bot.dg.stopAll(time.Minute)
		b.StartTimer()
	}
}

// BenchmarkRefreshSchedules10k measures one refresh of a process's
// schedules when nothing changed and nothing is due, with 10,000 stored
// (what each process does every digest.refresh, 1m by default): read
// them, compare each with its cron entry, look for pending deliveries and
// for due slots.
//
//	go test -run XXX -bench RefreshSchedules10k -benchtime 20x ./bot/
func BenchmarkRefreshSchedules10k(b *testing.B) {
	created := time.Date(2026, 11, 20, 10, 0, 10, 0, time.UTC)
	now := func() time.Time { return created.Add(30 * time.Second) }
	c := newCorpus(b, storetest.SQLite(), func() time.Time { return created })
	ctx := context.Background()
	for i := 0; i < 10000; i++ {
		s := benchSchedules[i%len(benchSchedules)]
		if _, err := c.store.PutSchedule(ctx, sources.Schedule{ChannelID: fmt.Sprint(100000 + i), GuildID: guildID, Spec: s.spec, TimeZone: s.zone, CreatedBy: mod.ID}); err != nil {
			b.Fatal(err)
		}
	}
	cfg := DefaultConfig()
	cfg.Token = discordtest.DefaultToken
	bot, err := New(cfg, Deps{
		Briefer: newFakeBriefer(now), Feeds: newFakeFeeds(), Now: now,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		Digests: c.store, Digester: c.eng, Digest: DefaultDigestConfig(),
	})
	if err != nil {
		b.Fatal(err)
	}
	bot.dg.manual = true
	if err := bot.dg.start(ctx); err != nil {
		b.Fatal(err)
	}
	<-bot.dg.ready
	defer bot.dg.stopAll(time.Minute)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		if err := bot.dg.refresh(ctx, now()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if got := len(bot.dg.entries); got != 10000 {
		b.Fatalf("%d cron entries, want 10000", got)
	}
}

// BenchmarkThousandDigestsDue posts 1,000 digests due in the same minute
// (1,000 channels, 08:00 UTC) through the fake Discord with Discord's
// rate limits (5 messages per 5 s per channel, 50 requests per second in
// all), each composed by the real engine over a small store (5 new
// stories, one message each). It reports the seconds from the slot's
// start until the last digest is recorded, and the 429s discordgo ran
// into (global ones: discordgo paces itself per channel from the headers,
// but learns of the global limit only from a 429).
//
//	go test -run XXX -bench ThousandDigestsDue -benchtime 1x ./bot/
func BenchmarkThousandDigestsDue(b *testing.B) {
	const channels = 1000
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		created := time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
		h, c := startWithDigests(b, storetest.SQLite(), created, func(_ *Config, h *harness, c *corpus) {
			h.discardLogs = true
			h.rateLimits = discordtest.DiscordRateLimits()
			for i := 0; i < channels; i++ {
				c.schedule(sources.Schedule{ChannelID: fmt.Sprint(200000 + i), Spec: "0 8 * * *"})
			}
		})
		for i := range newsItems {
			c.add(i, created.Add(time.Duration(i+1)*time.Minute))
		}
		slot := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
		h.set(slot)
		b.StartTimer()
		start := time.Now()
		h.runDue()
		took := time.Since(start)
		b.StopTimer()
		posted := 0
		for _, call := range h.fake.Calls() {
			if call.Route == discordtest.RouteCreateMessage && !call.Rejected() {
				posted++
				if e := call.Payload.Embeds; len(e) != 1 || !strings.HasPrefix(e[0].Title, "Digest: 5 new stories") {
					b.Fatalf("a digest is not the 5 stories: %q", call.Payload.VisibleText())
				}
			}
		}
		if posted != channels {
			b.Fatalf("%d digests posted, want %d", posted, channels)
		}
		list, err := c.store.Schedules(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		for _, sc := range list {
			if !sc.LastSlot.Equal(slot) {
				b.Fatalf("channel %s: last slot %v, want %v", sc.ChannelID, sc.LastSlot, slot)
			}
		}
		b.ReportMetric(took.Seconds(), "s_for_1000")
		b.ReportMetric(float64(h.fake.RateLimitHits()), "429s")
		h.stop()
	}
}
