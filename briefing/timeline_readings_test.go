package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
	"attache/sources/synth"
)

// toneFixtures are wire stories about Canada and Mexico with every tone,
// written for these tests, spread over the months before end.
func toneFixtures(end time.Time) []sources.Article {
	day := func(d int) time.Time { return end.AddDate(0, 0, -d) }
	return []sources.Article{
		pairArticle("https://t.example/rail", day(200), "Canada and Mexico sign a rail accord",
			"Canada and Mexico signed a rail freight accord on Monday.\n\nThe Canadian and Mexican ministers met in Ottawa to sign it."),
		pairArticle("https://t.example/steel-talks", day(150), "Canada and Mexico hold steel talks",
			"Canada and Mexico held talks on steel trade on Thursday.\n\nCanadian officials praised Mexico for its work on the rail accord."),
		pairArticle("https://t.example/tariffs", day(40), "Canada imposes tariffs on Mexican steel",
			"Canada imposed tariffs on Mexican steel on Tuesday.\n\nMexico condemned the Canadian tariffs."),
		pairArticle("https://t.example/tariffs-2", day(39), "Mexico condemns Canadian steel tariffs",
			"Mexico condemned on Wednesday the tariffs Canada imposed on its steel.\n\nCanada said the tariffs would stay."),
		pairArticle("https://t.example/expel", day(10), "Mexico expels Canadian diplomats",
			"Mexico expelled two Canadian diplomats on Sunday.\n\nCanada protested against the expulsions."),
		pairArticle("https://t.example/fair", day(5), "A trade fair in Toronto",
			"Firms from Canada and Mexico showed their wares at a trade fair in Toronto.\n\nCanadian and Mexican buyers came."),
	}
}

// A timeline is the same whether it is drawn from the readings stored at
// ingest, from readings stored later by ReadUnread, or by reading every
// article at the time it is drawn: the store's readings are the engine's
// own reading, kept.
func TestTimelineFromReadingsAgreesWithReading(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		g, err := geo.New()
		if err != nil {
			t.Fatal(err)
		}
		end := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
		gen := synth.New(5, end.AddDate(-1, 0, 0), 365*24*time.Hour)
		arts := toneFixtures(end)
		for range 1500 {
			arts = append(arts, gen.Article())
		}
		clock := func() time.Time { return end }
		atIngest, later := e.Open(t, sources.StoreOptions{Now: clock}), e.Open(t, sources.StoreOptions{Now: clock})
		reader := NewPairReader(g, RelevanceRule{})
		in := sources.NewIngester(atIngest, g.Tag, clock)
		in.Reader = reader.Reader()
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := sources.NewIngester(later, g.Tag, clock).Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		draw := func(st sources.Store, pair []string, by string) string {
			t.Helper()
			eng := New(st, g, Options{Now: clock})
			tl, err := eng.Timeline(ctx, Request{Countries: pair}, by)
			if err != nil {
				t.Fatal(err)
			}
			// The counts-only timeline a brief draws its trend from
			// counts, turns and trends the same.
			no := false
			counts, err := eng.timelineOf(ctx, Request{Countries: pair}, by, &no, true)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := countsOf(counts), countsOf(tl); got != want {
				t.Errorf("%v by %s: counts only:\n%s\nthe timeline:\n%s", pair, by, got, want)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", " ")
			if err := enc.Encode(tl); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		pairs := [][]string{{"CA", "MX"}, {"MX", "CA"}, {"US", "CN"}, {"JP", "IT"}, {"RU", "UA"}, {"FR", "DE"}, {"IN", "BR"}}
		read := map[string]string{}
		for _, p := range pairs {
			for _, by := range []string{ByWeek, ByMonth} {
				k := fmt.Sprint(p, by)
				read[k] = draw(later, p, by)
				if got := draw(atIngest, p, by); got != read[k] {
					t.Errorf("%v by %s: drawn from the readings stored at ingest:\n%s\nby reading every article:\n%s", p, by, got, read[k])
				}
			}
		}
		// Part read, part not: the same.
		part, stop := context.WithCancel(ctx)
		n, _ := sources.ReadUnread(part, later, *reader.Reader(), func(done, _ int) {
			if done > 0 {
				stop()
			}
		})
		if n == 0 || n >= len(arts) {
			t.Fatalf("a stopped ReadUnread read %d of %d articles; the test wants part of them", n, len(arts))
		}
		for _, p := range pairs {
			for _, by := range []string{ByWeek, ByMonth} {
				if got := draw(later, p, by); got != read[fmt.Sprint(p, by)] {
					t.Errorf("%v by %s: drawn with %d articles read and the rest not:\n%s\nby reading every article:\n%s", p, by, n, got, read[fmt.Sprint(p, by)])
				}
			}
		}
		rest, err := sources.ReadUnread(ctx, later, *reader.Reader(), nil)
		if err != nil || n+rest != len(arts) {
			t.Fatalf("ReadUnread after the stop = %d, %v; want the %d left", rest, err, len(arts)-n)
		}
		for _, p := range pairs {
			for _, by := range []string{ByWeek, ByMonth} {
				if got := draw(later, p, by); got != read[fmt.Sprint(p, by)] {
					t.Errorf("%v by %s: drawn from the readings stored by ReadUnread:\n%s\nby reading every article:\n%s", p, by, got, read[fmt.Sprint(p, by)])
				}
			}
		}
		var ca struct{ Totals ToneCounts }
		json.Unmarshal([]byte(read[fmt.Sprint(pairs[0], ByMonth)]), &ca)
		if ca.Totals.Cooperation() == 0 || ca.Totals.Conflict() == 0 {
			t.Errorf("the Canada-Mexico fixtures give %+v: the test needs both sides", ca.Totals)
		}
	})
}

// countsOf writes what a counts-only timeline keeps of a timeline: its
// totals, trend, turns (but their lead stories) and each period's counts
// and balance.
func countsOf(tl *Timeline) string {
	var b strings.Builder
	fmt.Fprintf(&b, "totals %+v\ntrend %q\n", tl.Totals, tl.Trend)
	for _, tu := range tl.Turns {
		fmt.Fprintf(&b, "turn %s %s->%s\n", tu.Label, tu.From, tu.To)
	}
	for _, p := range tl.Periods {
		fmt.Fprintf(&b, "%s %+v %.3f\n", p.Label, p.Stories, p.Balance)
	}
	return b.String()
}
