package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/briefing"
)

// benchBrief is a brief of realistic size (8 summary sentences, 4 quotes,
// 10 articles), built afresh for every request as the engine would.
func benchBrief(req briefing.Request) *briefing.Brief {
	br := &briefing.Brief{Title: "Japan and Italy", Query: briefing.Query{Countries: req.Countries, Since: day.AddDate(0, 0, -30)}}
	for i := 0; i < 10; i++ {
		url := fmt.Sprintf("https://news.example.org/2026/11/%d/rome-tokyo-talks", i)
		br.Articles = append(br.Articles, briefing.ArticleRef{ID: int64(i + 1), Title: "Rome and Tokyo widen defence and trade talks, officials say", URL: url, Source: "Example Wire", Published: day})
	}
	for i := 0; i < 8; i++ {
		a := br.Articles[i]
		br.Summary = append(br.Summary, briefing.Sentence{ArticleID: a.ID, URL: a.URL, Source: a.Source,
			Text: "Officials from Japan and Italy said on Tuesday that the two governments would widen their cooperation on defence equipment and supply chains."})
	}
	for i := 0; i < 4; i++ {
		a := br.Articles[i]
		br.Quotes = append(br.Quotes, briefing.Quote{ArticleID: a.ID, URL: a.URL, Speaker: "Aiko Tanaka", Role: "Defence Minister of Japan",
			Text: "We are building something that will last for decades, and Italy is a partner we trust"})
	}
	return br
}

func startBench(b *testing.B) *harness {
	return start(b, func(c *Config, h *harness) {
		h.discardLogs = true
		h.briefer.quiet = true
		c.Cooldown = 0
		h.briefer.brief = func(_ context.Context, req briefing.Request) (*briefing.Brief, error) { return benchBrief(req), nil }
	})
}

// BenchmarkPrefixBrief sends `!brief japan italy` at 100 commands per
// second through the fake Discord and reports the time from the gateway
// event to the bot's REST call (p50, p99, max). Run it with a fixed count:
//
//	go test -run XXX -bench PrefixBrief -benchtime 1000x ./bot/
func BenchmarkPrefixBrief(b *testing.B) {
	h := startBench(b)
	users := 500
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	base := h.fake.CallCount()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		<-tick.C
		u := discordtest.User{ID: fmt.Sprint(10000 + i%users), Roles: []string{}}
		if _, err := h.fake.SendMessage(discordtest.Message{GuildID: guildID, ChannelID: fmt.Sprint(7000 + i%10), Author: u, Content: "!brief japan italy"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := h.fake.WaitCount(context.Background(), base+b.N, time.Minute); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	var lat []time.Duration
	for _, c := range h.fake.Calls() {
		if c.Route != discordtest.RouteCreateMessage || c.Payload.MessageReference == nil {
			continue
		}
		if c.Rejected() {
			b.Fatalf("rejected: %s", c.Error)
		}
		if at, ok := h.fake.DispatchedAt(c.Payload.MessageReference.MessageID); ok {
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
}

// BenchmarkMemory10k answers 10,000 commands (at most 64 in flight) and
// reports the live heap after the first 1,000 and after all 10,000.
//
//	go test -run XXX -bench Memory10k -benchtime 1x ./bot/
func BenchmarkMemory10k(b *testing.B) {
	for n := 0; n < b.N; n++ {
		h := startBench(b)
		heap := func() float64 {
			h.fake.Forget() // the fake's own records are not the bot's memory
			runtime.GC()
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return float64(m.HeapAlloc) / (1 << 20)
		}
		send := func(from, to int) {
			base := h.fake.CallCount()
			for i := from; i < to; i++ {
				if i-from >= 64 {
					if err := h.fake.WaitCount(context.Background(), base+i-from-63, time.Minute); err != nil {
						b.Fatal(err)
					}
				}
				u := discordtest.User{ID: fmt.Sprint(20000 + i), Roles: []string{}} // every command a new person
				content := "!brief japan italy"
				if i%5 == 0 {
					content = "!brief japan " + strings.Repeat("x", i%7) // unknown country: an error reply
				}
				if _, err := h.fake.SendMessage(discordtest.Message{GuildID: guildID, ChannelID: fmt.Sprint(7000 + i%10), Author: u, Content: content}); err != nil {
					b.Fatal(err)
				}
				if i%1000 == 999 {
					if err := h.fake.WaitCount(context.Background(), base+i-from+1, time.Minute); err != nil {
						b.Fatal(err)
					}
					h.fake.Forget() // CallCount keeps counting
				}
			}
			if err := h.fake.WaitCount(context.Background(), base+to-from, time.Minute); err != nil {
				b.Fatal(err)
			}
		}
		send(0, 1000)
		before := heap()
		send(1000, 10000)
		after := heap()
		b.ReportMetric(before, "heap_MB_after_1k")
		b.ReportMetric(after, "heap_MB_after_10k")
		b.ReportMetric(float64(h.bot.cooldown.size()+h.bot.pages.live()), "tracked_entries")
		h.stop()
	}
}
