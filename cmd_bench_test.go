package main

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"attache/sources/storetest"
)

// A failing query ends the timing with its error instead of a quiet
// "no runs".
func TestTimeQueriesStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	lat, err := timeQueries(5, func() error {
		calls++
		if calls == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls != 3 || len(lat) != 2 {
		t.Errorf("timeQueries = %d runs, %v after %d calls; want 2 runs, boom after 3", len(lat), err, calls)
	}
	lat, err = timeQueries(4, func() error { return nil })
	if err != nil || len(lat) != 4 {
		t.Errorf("timeQueries = %d runs, %v; want 4, nil", len(lat), err)
	}
}

// bench on a tiny generated corpus prints every figure.
func TestBenchSmallCorpus(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	out, _, err := attache(t, t.TempDir(), "bench", "--articles", "40", "--queries", "5", "--dir", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"40 articles in", "KB per article", "top 20: p50", "(5 runs)", "30-day window: p50", "Bare FTS5 writer (one table and its FTS5 index, in a process of its own", "the store ingests at"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "no runs") {
		t.Errorf("a query kind was not timed:\n%s", out)
	}
	// The bare writer's process answers for its own memory.
	if !regexp.MustCompile(`of CPU per article, peak RSS [0-9]+ MB; the store`).MatchString(out) {
		t.Errorf("bench output lacks the bare writer's peak RSS:\n%s", out)
	}
}

// bench --store postgres://… builds its store in a schema of its own, says
// so, and drops it after; the bare FTS5 writer runs beside SQLite only.
func TestBenchPostgres(t *testing.T) {
	server := storetest.PostgresURL(t)
	t.Setenv("DISCORD_TOKEN", "")
	out, _, err := attache(t, t.TempDir(), "bench", "--articles", "40", "--queries", "5", "--store", server)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Store: PostgreSQL, ", "search_path=attache_bench_", "40 articles in", "KB per article", "30-day window: p50"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Bare FTS5") {
		t.Errorf("the bare SQLite writer ran beside PostgreSQL:\n%s", out)
	}
	if _, _, err := attache(t, t.TempDir(), "bench", "--store", "sqlite:x.db"); err == nil {
		t.Error("bench --store sqlite:… was accepted; SQLite is the default, --store names a PostgreSQL database")
	}
}

// bench --reuse times the queries on the store an earlier run kept,
// without building it again.
func TestBenchReusesAKeptStore(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	if _, _, err := attache(t, t.TempDir(), "bench", "--articles", "40", "--queries", "2", "--bare=false", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	out, _, err := attache(t, t.TempDir(), "bench", "--reuse", "--queries", "5", "--dir", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Reused store: SQLite, ", ": 40 articles, ", "top 20: p50", "(5 runs)", "30-day window: p50"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench --reuse output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Ingest") {
		t.Errorf("bench --reuse ingested again:\n%s", out)
	}
	if _, _, err := attache(t, t.TempDir(), "bench", "--reuse"); err == nil {
		t.Error("bench --reuse without a store to reuse was accepted")
	}
}
