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

// engineTestCorpus stores the same generated corpus in a store of e, with
// an engine whose clock is the corpus's last day.
func engineTestCorpus(t *testing.T, e storetest.Engine, gaz *geo.Gazetteer, end time.Time) (*Engine, sources.Store) {
	t.Helper()
	st := e.Open(t, sources.StoreOptions{})
	gen := synth.New(3, end.AddDate(0, -3, 0), 90*24*time.Hour)
	arts := make([]sources.Article, 1500)
	for i := range arts {
		arts[i] = gen.Article()
		arts[i].Fetched = arts[i].Published.Add(time.Hour)
	}
	if _, err := sources.NewIngester(st, gaz.Tag, func() time.Time { return end }).Ingest(context.Background(), arts, nil); err != nil {
		t.Fatal(err)
	}
	return New(st, gaz, Options{Now: func() time.Time { return end }}), st
}

// The same corpus gives the same brief on both engines, sentence for
// sentence and in the same order, whenever at most candidateLimit
// articles match the request in its window: country briefs always (the
// country index lists them newest first on both), and briefs with topic
// words when the window holds that many matches. Past that, each engine
// keeps its own most relevant candidateLimit (SQLite by bm25, PostgreSQL
// by ts_rank over the same terms): the test measures how much of them the
// two share, and the README says so.
func TestBriefsAgreeAcrossEngines(t *testing.T) {
	storetest.PostgresURL(t)
	ctx := context.Background()
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var engines []*Engine
	var stores []sources.Store
	for _, e := range storetest.Engines() {
		eng, st := engineTestCorpus(t, e, gaz, end)
		engines = append(engines, eng)
		stores = append(stores, st)
	}
	render := func(eng *Engine, words string) (string, error) {
		req, err := eng.ParseWordsContext(ctx, strings.Fields(words))
		if err != nil {
			return "", err
		}
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
	same, compared := 0, 0
	for _, words := range []string{
		"japan italy", "china russia", "united states", "france germany since 7d", "india brazil since 3m",
		"japan italy talks", "china sanctions", "russia ukraine summit since 2w", "united states trade since 90d",
		"germany talks", "united states talks", "china",
	} {
		a, errA := render(engines[0], words)
		b, errB := render(engines[1], words)
		var ue *UserError
		if errors.As(errA, &ue) && errors.As(errB, &ue) {
			continue // no article in the window on either
		}
		if errA != nil || errB != nil {
			t.Fatalf("%q: SQLite %v, PostgreSQL %v", words, errA, errB)
		}
		req, _ := engines[0].ParseWordsContext(ctx, strings.Fields(words))
		matches := countMatches(t, stores[0], req, end)
		compared++
		if a == b {
			same++
		}
		if matches <= candidateLimit || len(req.Terms) == 0 {
			if a != b {
				t.Errorf("%q (%d matches): the engines' briefs differ:\nSQLite %s\nPostgreSQL %s", words, matches, a, b)
			}
			continue
		}
		overlap := candidateOverlap(t, stores, req, end)
		t.Logf("%q: %d matches, more than the %d candidates; the engines share %.0f%% of their candidates; same brief: %v", words, matches, candidateLimit, 100*overlap, a == b)
		if overlap < 0.5 {
			t.Errorf("%q: the engines share only %.0f%% of their candidates", words, 100*overlap)
		}
	}
	if compared < 8 {
		t.Fatalf("only %d requests found articles; the corpus does not exercise the engines", compared)
	}
	t.Logf("%d of %d briefs identical on both engines", same, compared)
}

// countMatches counts the articles that match a request's countries and
// terms in its window (up to ten times the candidate limit).
func countMatches(t *testing.T, st sources.Store, req Request, now time.Time) int {
	t.Helper()
	arts, err := st.Search(context.Background(), matchQuery(req, now, 10*candidateLimit))
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

// candidateOverlap is the share of the first store's candidates that the
// second store picks too.
func candidateOverlap(t *testing.T, stores []sources.Store, req Request, now time.Time) float64 {
	t.Helper()
	var sets [2]map[int64]bool
	for i, st := range stores {
		arts, err := st.Search(context.Background(), matchQuery(req, now, candidateLimit))
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
