package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"attache/sources"
	"attache/sources/postgres"
	"attache/sources/storetest"
)

// Vacuum takes the store's own tables, not every table of the database:
// other stores' schemas (a benchmark's, another process's tests) are left
// alone.
func TestVacuumTakesOnlyTheStoresSchema(t *testing.T) {
	server := storetest.PostgresURL(t)
	ctx := context.Background()
	open := func() (*postgres.Store, string) {
		u, drop, err := postgres.NewSchema(ctx, server, "attache_test_")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { drop(context.Background()) })
		s, err := postgres.Open(ctx, u, sources.StoreOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		cfg, _ := pgx.ParseConfig(u)
		return s, cfg.RuntimeParams["search_path"]
	}
	mine, mySchema := open()
	_, otherSchema := open()
	if err := mine.Vacuum(ctx); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	vacuumed := func(schema string) bool {
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'articles'
			AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL`, schema).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	if !vacuumed(mySchema) {
		t.Errorf("the store's own articles table (%s) was not vacuumed and analysed", mySchema)
	}
	if vacuumed(otherSchema) {
		t.Errorf("another schema's articles table (%s) was vacuumed", otherSchema)
	}
}
