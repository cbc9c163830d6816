package briefing

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
	"attache/sources/synth"
)

// A brief is the same whether the store's readings chose its stories
// (read at ingest, or later by ReadUnread, all or part of the articles)
// or the engine read every article that names the countries: the
// readings are the engine's own reading, kept. Briefs, quotes and the
// windows a brief widens to are compared, on both engines.
func TestBriefsFromReadingsAgreeWithReading(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		g, err := geo.New()
		if err != nil {
			t.Fatal(err)
		}
		end := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
		gen := synth.New(9, end.AddDate(-2, 0, 0), 2*365*24*time.Hour)
		arts := toneFixtures(end)
		for range 2500 {
			arts = append(arts, gen.Article())
		}
		clock := func() time.Time { return end }
		reader := NewPairReader(g, RelevanceRule{})
		atIngest, unread, part := e.Open(t, sources.StoreOptions{Now: clock}), e.Open(t, sources.StoreOptions{Now: clock}), e.Open(t, sources.StoreOptions{Now: clock})
		in := sources.NewIngester(atIngest, g.Tag, clock)
		in.Reader = reader.Reader()
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		for _, st := range []sources.Store{unread, part} {
			if _, err := sources.NewIngester(st, g.Tag, clock).Ingest(ctx, arts, nil); err != nil {
				t.Fatal(err)
			}
		}
		stopAt := len(arts) / 3
		partCtx, stop := context.WithCancel(ctx)
		n, _ := sources.ReadUnread(partCtx, part, *reader.Reader(), func(done, _ int) {
			if done >= stopAt {
				stop()
			}
		})
		stop()
		if n == 0 || n >= len(arts) {
			t.Fatalf("a stopped ReadUnread read %d of %d articles; the test wants part of them", n, len(arts))
		}
		render := func(st sources.Store, words string, quotes bool) string {
			t.Helper()
			eng := New(st, g, Options{Now: clock})
			req, err := eng.ParseWordsContext(ctx, strings.Fields(words))
			if err != nil {
				t.Fatalf("%q: %v", words, err)
			}
			var b *Brief
			if quotes {
				b, err = eng.Quotes(ctx, req)
			} else {
				b, err = eng.Brief(ctx, req)
			}
			if ue := (*UserError)(nil); errors.As(err, &ue) {
				return "said: " + ue.Message
			}
			if err != nil {
				t.Fatalf("%q: %v", words, err)
			}
			var buf bytes.Buffer
			if err := RenderJSON(&buf, b); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		requests := []string{
			"canada mexico", "mexico canada", "canada mexico since 60d", "japan italy", "china russia", "united states china",
			"france germany", "india brazil since 1y", "russia ukraine since 7d", "japan italy talks", "china russia trade since 3y",
			"united states", "china", "germany talks",
		}
		briefs := 0
		for _, words := range requests {
			for _, quotes := range []bool{false, true} {
				want := render(unread, words, quotes)
				if !strings.HasPrefix(want, "said: ") {
					briefs++
				}
				for name, st := range map[string]sources.Store{"read at ingest": atIngest, "partly read": part} {
					if got := render(st, words, quotes); got != want {
						t.Errorf("%q (quotes %v) with the readings %s:\n%s\nby reading every article:\n%s", words, quotes, name, got, want)
					}
				}
			}
		}
		if briefs < 16 {
			t.Errorf("only %d of %d requests gave a brief; the corpus does not exercise the readings", briefs, 2*len(requests))
		}
	})
}

// A brief on two countries takes the store's readings by the engine's
// rules as they are, and reads afresh the articles read by other rules:
// an article that a reading of these rules finds not about the pair stays
// out of the brief without being read again.
func TestBriefTakesReadingsOfItsRules(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		g, err := geo.New()
		if err != nil {
			t.Fatal(err)
		}
		end := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
		clock := func() time.Time { return end }
		arts := toneFixtures(end)
		const left = "https://t.example/expel"
		reader := NewPairReader(g, RelevanceRule{})
		ownRules := func(version int64) *sources.Reader {
			// These rules find the expulsion story about nothing.
			return &sources.Reader{Version: version, Read: func(a sources.Article) []sources.PairReading {
				if a.URL == left {
					return nil
				}
				return reader.ReadPairs(a)
			}}
		}
		listed := func(version int64) bool {
			t.Helper()
			st := e.Open(t, sources.StoreOptions{Now: clock})
			in := sources.NewIngester(st, g.Tag, clock)
			in.Reader = ownRules(version)
			if _, err := in.Ingest(ctx, arts, nil); err != nil {
				t.Fatal(err)
			}
			b, err := New(st, g, Options{Now: clock}).Brief(ctx, Request{Countries: []string{"CA", "MX"}, Since: end.AddDate(-1, 0, 0)})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Articles) < 3 {
				t.Fatalf("the brief lists %d articles; the test wants the fixtures' stories", len(b.Articles))
			}
			for _, a := range b.Articles {
				if a.URL == left {
					return true
				}
			}
			return false
		}
		if listed(reader.Version()) {
			t.Errorf("a reading of the engine's rules found %s about nothing, yet the brief lists it", left)
		}
		if !listed(reader.Version() + 1) {
			t.Errorf("a reading of other rules found %s about nothing, and the brief took it: it should read the article itself", left)
		}
	})
}
