package postgres

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"attache/sources"
)

// Migrations are numbered 1, 2, 3… without a gap or a number twice: a
// second file with a number already applied would never run (two helpers
// once both added a 004).
func TestMigrationsNumberedOnce(t *testing.T) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	for _, name := range names {
		base := path.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			t.Errorf("%s: name must start with its number", base)
			continue
		}
		if other, ok := seen[v]; ok {
			t.Errorf("%s and %s share the number %d: the second would never run", other, base, v)
		}
		seen[v] = base
	}
	for v := 1; v <= len(names); v++ {
		if _, ok := seen[v]; !ok {
			t.Errorf("no migration numbered %d among %d", v, len(names))
		}
	}
}

// A store with readings written before the readings' heads (migration
// 7) gets them from the data it holds: a trend drawn after the upgrade
// counts the classes the readings recorded.
func TestReadingHeadsOfAnOlderStore(t *testing.T) {
	server := os.Getenv("ATTACHE_TEST_POSTGRES") // storetest.EnvPostgres; storetest imports this package
	if server == "" {
		t.Skip("PostgreSQL runs skipped: set ATTACHE_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/test to run them; .ci/run does")
	}
	ctx := context.Background()
	u, drop, err := NewSchema(ctx, server, "attache_test_")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drop(context.Background()) })
	s := &Store{now: time.Now}
	if s.pool, err = pgxpool.New(ctx, u); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.migrateTo(ctx, 6); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	rows := []struct {
		id   int64
		data []byte
	}{{1, []byte{3, 1, 0, 2}}, {2, []byte{}}, {3, []byte{1}}}
	for _, r := range rows {
		id := r.id * 1000
		if _, err := s.pool.Exec(ctx, `INSERT INTO pair_readings (pair, article_id, version, story_id, sample, published, title, url, source, strength, data)
			VALUES ('IT,JP', $1, 9, $1, false, $2, 'a title', 'https://news.example/a', 'Wire', 2.5, $3)`, id, at.Unix()+r.id, r.data); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO reading_seal (version) VALUES (9)`); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx); err != nil {
		t.Fatalf("upgrading a store with readings: %v", err)
	}
	heads, unread, err := s.PairHeads(ctx, sources.ReadingQuery{Pair: [2]string{"JP", "IT"}, Version: 9})
	if err != nil || len(unread) != 0 {
		t.Fatalf("PairHeads: %v, unread %v", err, unread)
	}
	var got []byte
	for _, h := range heads {
		got = append(got, h.Head)
	}
	if want := []byte{1, 0, 3}; !bytes.Equal(got, want) {
		t.Errorf("heads after the upgrade (newest first) = %v; want the first bytes %v (0 for empty data)", got, want)
	}
	// And a reading written after it gets its head too.
	if _, err := s.pool.Exec(ctx, `INSERT INTO pair_readings (pair, article_id, version, story_id, sample, published, title, url, source, strength, data)
		VALUES ('IT,JP', 4000, 9, 4000, false, $1, 't', 'https://news.example/b', 'Wire', 1, $2)`, at.Unix()+4, []byte{4, 0}); err != nil {
		t.Fatal(err)
	}
	if heads, _, err = s.PairHeads(ctx, sources.ReadingQuery{Pair: [2]string{"IT", "JP"}, Version: 9}); err != nil || len(heads) != 4 || heads[0].Head != 4 {
		t.Errorf("after a new reading: %+v, %v; want 4 heads, the newest 4", heads, err)
	}
}
