package briefing

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
)

// pairArticle is a wire story about Canada and Mexico, written for these
// tests.
func pairArticle(url string, published time.Time, title, text string) sources.Article {
	return sources.Article{URL: url, Source: "Test Wire", Published: published, Title: title, Text: text}
}

// openTimelineStore opens a SQLite store in a test's folder, closed when
// the test ends, and the gazetteer.
func openTimelineStore(t *testing.T, now func() time.Time) (*sources.SQLiteStore, *geo.Gazetteer) {
	t.Helper()
	st, err := sources.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "c.db"), sources.StoreOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	return st, g
}

func TestTimelinePeriodsTurnsAndFreshness(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
	clock := now
	st, g := openTimelineStore(t, func() time.Time { return clock })
	ingest := func(arts ...sources.Article) {
		t.Helper()
		if _, err := sources.NewIngester(st, g.Tag, nil).Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
	}
	ingest(
		pairArticle("https://t.example/1", now.AddDate(0, -4, 0), "Canada and Mexico sign a rail accord",
			"Canada and Mexico signed a rail freight accord on Monday.\n\nThe Canadian and Mexican ministers met in Ottawa to sign it."),
		pairArticle("https://t.example/2", now.AddDate(0, -3, 0), "Canada and Mexico hold steel talks",
			"Canada and Mexico held talks on steel trade on Thursday.\n\nCanadian officials praised Mexico for its work on the rail accord."),
		pairArticle("https://t.example/3", now.AddDate(0, 0, -10), "Canada imposes tariffs on Mexican steel",
			"Canada imposed tariffs on Mexican steel on Tuesday.\n\nMexico condemned the Canadian tariffs."),
	)
	eng := New(st, g, Options{Now: func() time.Time { return now }})
	tl, err := eng.Timeline(ctx, Request{Countries: []string{"CA", "MX"}}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.Totals.Total(); got != 3 {
		t.Fatalf("%d stories, want 3", got)
	}
	if tl.Totals.Cooperation() != 2 || tl.Totals.MaterialConflict != 1 {
		t.Errorf("totals = %+v, want 2 cooperation and 1 material conflict", tl.Totals)
	}
	if len(tl.Turns) != 1 || tl.Turns[0].From != "cooperation" || tl.Turns[0].To != "conflict" {
		t.Errorf("turns = %+v, want one from cooperation to conflict", tl.Turns)
	}
	if !strings.Contains(tl.Trend, "cooling since June") || !strings.Contains(tl.Trend, "1 conflict story in 4 weeks") {
		t.Errorf("trend = %q", tl.Trend)
	}
	// Read three months on, with nothing at all in the last four weeks,
	// the trend line dates the latest story rather than calling the
	// silence a change of tone.
	later := New(st, g, Options{Now: func() time.Time { return now.AddDate(0, 3, 0) }})
	quiet, err := later.Timeline(ctx, Request{Countries: []string{"CA", "MX"}, Since: now.AddDate(-1, 0, 0)}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if want := "the latest story " + now.AddDate(0, 0, -10).Format("2 Jan 2006"); !strings.Contains(quiet.Trend, want) || strings.Contains(quiet.Trend, "in the last 4 weeks") {
		t.Errorf("trend three months on = %q, want it to say %q", quiet.Trend, want)
	}
	// A brief with topic words carries the pair's trend, and says so.
	br, err := eng.Brief(ctx, Request{Countries: []string{"CA", "MX"}, Terms: []string{"steel"}, Since: now.AddDate(-1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(br.Trend, "across all 3 of their stories, ") || !strings.Contains(br.Trend, "cooling since June") {
		t.Errorf("trend of a brief on steel = %q, want the pair's, said to be the pair's", br.Trend)
	}
	// A brief that shows every story of the pair's timeline reads its
	// trend as its own.
	whole, err := eng.Brief(ctx, Request{Countries: []string{"CA", "MX"}, Since: now.AddDate(-1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Articles) != 3 || !strings.HasPrefix(whole.Trend, "mostly cooperation, cooling since June") {
		t.Errorf("brief over all 3 stories: %d shown, trend %q, want 3 and the trend unprefixed", len(whole.Articles), whole.Trend)
	}
	// One toned story is a count, not a leaning.
	one, err := eng.Timeline(ctx, Request{Countries: []string{"CA", "MX"}, Since: now.AddDate(0, 0, -20)}, ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1 conflict story; the latest " + now.AddDate(0, 0, -10).Format("2 Jan 2006"); one.Trend != want {
		t.Errorf("trend over one story = %q, want %q", one.Trend, want)
	}
	for _, p := range tl.Periods {
		if p.Lead != nil && p.Lead.Tone != "neither" && !strings.Contains(p.Lead.Evidence, p.Lead.Cue) {
			t.Errorf("%s: lead %q has cue %q outside its evidence %q", p.Label, p.Lead.Title, p.Lead.Cue, p.Lead.Evidence)
		}
	}
	if n := len(tl.Periods); n < 12 || n > 13 {
		t.Errorf("%d monthly periods over a year", n)
	}

	// A story stored later shows in the next timeline, though the first is
	// kept.
	clock = now.Add(time.Minute)
	ingest(pairArticle("https://t.example/4", now.AddDate(0, 0, -2), "Mexico expels Canadian diplomats",
		"Mexico expelled two Canadian diplomats on Sunday.\n\nCanada protested against the expulsions."))
	tl, err = eng.Timeline(ctx, Request{Countries: []string{"CA", "MX"}}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.Totals.MaterialConflict; got != 2 {
		fresh, _ := New(st, g, Options{Now: func() time.Time { return now }}).Timeline(ctx, Request{Countries: []string{"CA", "MX"}}, ByMonth)
		t.Errorf("after a new story: %d material conflict stories, want 2 (a fresh engine: %+v)", got, fresh.Totals)
	}
}

// A brief shows its best few stories; the trend beside it reads every
// story of the pair, and says how many, so that its latest date and its
// counts do not seem to contradict the brief's header.
func TestBriefTrendSaysItReadsAllThePairsStories(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC)
	st, g := openTimelineStore(t, func() time.Time { return now })
	goods := []string{"wheat", "copper", "avocados", "trucks", "cement", "salmon", "lumber", "coffee", "fertiliser", "railcars", "solar panels", "cattle"}
	var arts []sources.Article
	for i, good := range goods {
		day := now.AddDate(0, 0, -3*(i+1))
		arts = append(arts, pairArticle(fmt.Sprintf("https://t.example/%s", strings.ReplaceAll(good, " ", "-")), day,
			"Canada and Mexico agree on "+good,
			fmt.Sprintf("Canada and Mexico agreed on %s quotas in round %d of their talks.\n\nCanadian and Mexican negotiators praised the %s deal, the %s such accord this year.", good, i+1, good, ordinal(i+1))))
	}
	if _, err := sources.NewIngester(st, g.Tag, nil).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	eng := New(st, g, Options{Now: func() time.Time { return now }})
	tl, err := eng.Timeline(ctx, Request{Countries: []string{"CA", "MX"}}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	total := tl.Totals.Total()
	br, err := eng.Brief(ctx, Request{Countries: []string{"CA", "MX"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(br.Articles) >= total {
		t.Fatalf("brief shows %d of the timeline's %d stories; the test wants fewer", len(br.Articles), total)
	}
	if want := fmt.Sprintf("across all %d of their stories, %s", total, tl.Trend); br.Trend != want {
		t.Errorf("trend = %q, want %q", br.Trend, want)
	}
}

func ordinal(n int) string {
	return [...]string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}[n]
}
