package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
	"attache/sources/postgres"
	"attache/sources/storetest"
)

// A large batch (an import's) has its full-text terms merged from the
// GIN index's pending list into the index beside the saves, so that the
// next save does not wait for the merge and searches do not read a long
// pending list; a small batch (the poller's) leaves them to the server's
// own rule.
func TestBulkSaveMergesThePendingList(t *testing.T) {
	server := storetest.PostgresURL(t)
	ctx := context.Background()
	pending := func(n int) int {
		u, drop, err := postgres.NewSchema(ctx, server, "attache_test_")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { drop(context.Background()) })
		s, err := postgres.Open(ctx, u, sources.StoreOptions{})
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
		batch := make([]sources.Prepared, n)
		for i := range batch {
			text := fmt.Sprintf("Report number %d on harvest %d and tariffs %d in the northern provinces.", i, i*7, i*13)
			a := sources.Article{URL: fmt.Sprintf("https://example.org/news/%d", i), Title: fmt.Sprintf("Harvest %d", i),
				Source: "Example", Text: text, Published: at.Add(time.Duration(i) * time.Minute), Fetched: at}
			batch[i] = sources.Prepared{Article: a, Hash: sources.ContentHash(text), Sketch: sources.SketchText(text)}
		}
		if _, err := s.Save(ctx, batch); err != nil {
			t.Fatal(err)
		}
		s.Close() // waits for a merge under way
		cfg, _ := pgx.ParseConfig(u)
		conn, err := pgx.Connect(ctx, server)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var pages int
		if err := conn.QueryRow(ctx, `SELECT gin_clean_pending_list(($1 || '.articles_tsv')::regclass)`,
			pgx.Identifier{cfg.RuntimeParams["search_path"]}.Sanitize()).Scan(&pages); err != nil {
			t.Fatal(err)
		}
		return pages
	}
	if got := pending(499); got == 0 {
		t.Errorf("a batch of 499 left no page in the pending list: the test cannot tell a merge from none")
	}
	if got := pending(500); got != 0 {
		t.Errorf("a batch of 500 left %d pages in the pending list, want them merged", got)
	}
}
