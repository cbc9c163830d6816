package briefing

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
	"attache/sources/synth"
)

// The same corpus gives the same brief on both engines, sentence for
// sentence and in the same order, whenever the store's order of full-text
// matches cannot matter: briefs on countries always (the country index
// lists articles newest first on both engines), and briefs with topic
// words when at most firstPage articles match in a window (the brief reads
// them all). Past that the brief reads each engine's most relevant first,
// SQLite's by bm25 and PostgreSQL's by ts_rank over the same terms, and
// may draw on other articles: the test measures how much of the first page
// the two share, and the README says so.
func TestBriefsAgreeAcrossEngines(t *testing.T) {
	storetest.PostgresURL(t)
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	gen := synth.New(3, end.AddDate(0, -3, 0), 90*24*time.Hour)
	arts := make([]sources.Article, 1500)
	for i := range arts {
		arts[i] = gen.Article()
		arts[i].Fetched = arts[i].Published.Add(time.Hour)
	}
	same, compared := compareBriefs(t, gaz, arts, end, []string{
		"japan italy", "china russia", "united states", "france germany since 7d", "india brazil since 3m",
		"japan italy talks", "china sanctions", "russia ukraine summit since 2w", "united states trade since 90d",
		"germany talks", "united states talks", "china",
	})
	if compared < 8 {
		t.Fatalf("only %d requests found articles; the corpus does not exercise the engines", compared)
	}
	t.Logf("generated corpus: %d of %d briefs identical on both engines", same, compared)
}

// The same on real news: the BBC dev set (../shared/eval), when present.
func TestBriefsAgreeAcrossEnginesOnNews(t *testing.T) {
	storetest.PostgresURL(t)
	f, err := os.Open("../../shared/eval/bbc-news-dev.jsonl")
	if err != nil {
		t.Skipf("no BBC dev set: %v", err)
	}
	defer f.Close()
	var arts []sources.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct {
			Title, URL, Source, Text string
			Published                time.Time
		}
		if json.Unmarshal(sc.Bytes(), &a) == nil {
			arts = append(arts, sources.Article{Title: a.Title, URL: a.URL, Source: a.Source, Text: a.Text, Published: a.Published, Fetched: a.Published})
		}
	}
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC)
	same, compared := compareBriefs(t, gaz, arts, end, []string{
		"united states china since 2y", "japan china since 2y", "france germany since 2y", "iran united states since 2y",
		"india pakistan since 2y", "china trade since 2y", "oil prices since 2y", "united states economy since 2y",
		"japan economy since 2y", "russia oil since 2y", "election blair since 2y", "china exports since 2y",
		"iraq war since 2y", "eu budget since 2y", "opec oil since 2y", "germany growth since 2y",
	})
	t.Logf("BBC dev set: %d of %d briefs identical on both engines", same, compared)
}

// compareBriefs stores arts in a store of each engine and renders the
// same requests on both; it fails a request whose briefs differ although
// the store's order cannot matter, and reports the others.
func compareBriefs(t *testing.T, gaz *geo.Gazetteer, arts []sources.Article, now time.Time, requests []string) (same, compared int) {
	t.Helper()
	ctx := context.Background()
	var engines []*Engine
	var stores []sources.Store
	for _, e := range storetest.Engines() {
		st := e.Open(t, sources.StoreOptions{})
		if _, err := sources.NewIngester(st, gaz.Tag, func() time.Time { return now }).Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		engines = append(engines, New(st, gaz, Options{Now: func() time.Time { return now }}))
		stores = append(stores, st)
	}
	render := func(eng *Engine, req Request) (string, error) {
		b, err := eng.Brief(ctx, req)
		if err != nil {
			return "", err
		}
		var buf bytes.Buffer
		if err := RenderJSON(&buf, b); err != nil {
			return "", err
		}
		return buf.String(), nil
	}
	for _, words := range requests {
		req, err := engines[0].ParseWordsContext(ctx, strings.Fields(words))
		if err != nil {
			t.Fatalf("%q: %v", words, err)
		}
		a, errA := render(engines[0], req)
		b, errB := render(engines[1], req)
		var ue *UserError
		if errors.As(errA, &ue) && errors.As(errB, &ue) {
			continue // no article in the window on either
		}
		if errA != nil || errB != nil {
			t.Fatalf("%q: SQLite %v, PostgreSQL %v", words, errA, errB)
		}
		compared++
		if a == b {
			same++
		}
		matches := countMatches(t, stores[0], req, now)
		if len(req.Terms) == 0 || matches <= firstPage {
			if a != b {
				t.Errorf("%q (%d matches): the engines' briefs differ:\nSQLite %s\nPostgreSQL %s", words, matches, a, b)
			}
			continue
		}
		overlap := firstPageOverlap(t, stores, req, now)
		t.Logf("%q: %d matches, more than the first page of %d; the engines' first pages share %.0f%%; same brief: %v",
			words, matches, firstPage, 100*overlap, a == b)
		if overlap < 0.5 {
			t.Errorf("%q: the engines' first pages share only %.0f%%", words, 100*overlap)
		}
	}
	return same, compared
}

// countMatches counts the articles that match a request's countries and
// terms in its window (up to 1,000).
func countMatches(t *testing.T, st sources.Store, req Request, now time.Time) int {
	t.Helper()
	arts, err := st.Search(context.Background(), matchQuery(req, now, 1000))
	if err != nil {
		t.Fatal(err)
	}
	return len(arts)
}

func matchQuery(req Request, now time.Time, limit int) sources.Query {
	since := req.Since
	if since.IsZero() {
		since = now.Add(-30 * 24 * time.Hour)
	}
	return sources.Query{Countries: req.Countries, Words: searchWords(req.Terms), Since: since, Until: req.Until, Limit: limit}
}

// firstPageOverlap is the share of the first store's first page of
// matches that the second store's first page holds too.
func firstPageOverlap(t *testing.T, stores []sources.Store, req Request, now time.Time) float64 {
	t.Helper()
	var sets [2]map[int64]bool
	for i, st := range stores {
		arts, err := st.Search(context.Background(), matchQuery(req, now, firstPage))
		if err != nil {
			t.Fatal(err)
		}
		sets[i] = map[int64]bool{}
		for _, a := range arts {
			sets[i][a.ID] = true
		}
	}
	shared := 0
	for id := range sets[0] {
		if sets[1][id] {
			shared++
		}
	}
	if len(sets[0]) == 0 {
		return 1
	}
	return float64(shared) / float64(len(sets[0]))
}
