// Package postgres serves the corpus store (the sources.Store contract) from
// PostgreSQL, so that several processes, on one machine or several, share
// one store: the same articles, feeds, schedules and delivery records,
// with the same ids, story ids and full-text matches as the SQLite engine.
//
// Writes of articles are serialised (an advisory lock per schema), as
// SQLite serialises them; feeds are claimed with FOR UPDATE SKIP LOCKED.
// The full-text index is a tsvector of the terms SQLite's FTS5 makes
// (package sources/fts) with a GIN index.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"attache/sources"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is the corpus in a PostgreSQL database (in the schema that the
// URL's search_path names, public by default).
type Store struct {
	pool     *pgxpool.Pool
	location string
	now      func() time.Time
	// merging is set while a merge of the full-text index's pending
	// list runs beside the saves (mergePending); merges ends with it.
	merging atomic.Bool
	merges  sync.WaitGroup
}

var _ sources.Store = (*Store)(nil)

// Open connects to the database a postgres:// URL names and brings its
// schema up to date. The URL takes libpq's parameters (sslmode,
// search_path, pool_max_conns, …). With opt.ReadOnly every transaction is
// read-only and nothing is migrated.
func Open(ctx context.Context, url string, opt sources.StoreOptions) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: store URL %s: %w", sources.RedactStoreURL(url), err)
	}
	if opt.ReadOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	s := &Store{location: describe(cfg), now: opt.Now}
	if s.now == nil {
		s.now = time.Now
	}
	s.pool, err = pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect to %s: %w", s.location, err)
	}
	if err := s.Ping(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if opt.ReadOnly {
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	if err := s.backfillTitleKeys(ctx); err != nil {
		s.pool.Close()
		return nil, err
	}
	return s, nil
}

// describe names the server, database and schema, without credentials.
func describe(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	loc := fmt.Sprintf("postgres://%s:%d/%s", c.Host, c.Port, c.Database)
	if sp := c.RuntimeParams["search_path"]; sp != "" {
		loc += "?search_path=" + sp
	}
	return loc
}

// Close closes the connections.
func (s *Store) Close() error {
	s.merges.Wait()
	s.pool.Close()
	return nil
}

// Engine is "postgres".
func (s *Store) Engine() string { return sources.EnginePostgres }

// Location is the server, database and schema.
func (s *Store) Location() string { return s.location }

// Ping checks that the server answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: %s does not answer: %w", s.location, err)
	}
	return nil
}

// lockKey is the advisory lock key of one purpose in the current schema,
// so that stores in different schemas of one database do not wait on each
// other.
const lockKey = `hashtextextended(current_schema() || $1, 0)`

// migrate applies the embedded migrations the database lacks, each in its
// own transaction, holding an advisory lock so that processes starting
// together migrate once.
func (s *Store) migrate(ctx context.Context) error { return s.migrateTo(ctx, 0) }

// migrateTo is migrate up to the migration numbered last (0: all of them).
func (s *Store) migrateTo(ctx context.Context, last int) error {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("postgres: list migrations: %w", err)
	}
	sort.Strings(names)
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(`+lockKey+`)`, ".attache.migrate"); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+lockKey+`)`, ".attache.migrate")
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied bigint NOT NULL)`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	var current int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("postgres: read schema version: %w", err)
	}
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("postgres: migration %s: name must start with its number", base)
		}
		if version <= current || last > 0 && version > last {
			continue
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return fmt.Errorf("postgres: read migration %s: %w", base, err)
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)`, version, s.now().Unix())
			return err
		})
		if err != nil {
			return fmt.Errorf("postgres: migration %s: %w", base, err)
		}
	}
	return nil
}

// Setting reads a value from the settings; ok is false when unset.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&value)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("postgres: read setting %q: %w", key, err)
	}
	return value, true, nil
}

// SetSetting writes a value to the settings.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("postgres: write setting %q: %w", key, err)
	}
	return nil
}

// Settings lists every setting (for copying a store).
func (s *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("postgres: list settings: %w", err)
	}
	out := map[string]string{}
	var k, v string
	_, err = pgx.ForEachRow(rows, []any{&k, &v}, func() error {
		out[k] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: list settings: %w", err)
	}
	return out, nil
}

// Stats counts what the store holds; Bytes is the size of its tables with
// their indexes.
func (s *Store) Stats(ctx context.Context) (sources.Stats, error) {
	st := sources.Stats{Engine: sources.EnginePostgres, Location: s.location}
	var oldest, newest *int64
	undated := time.Time{}.Unix() // the published value of an article without a date
	err := s.pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE sample), count(DISTINCT story_id), count(DISTINCT source),
		count(*) FILTER (WHERE published = $1), min(nullif(published, $1)), max(nullif(published, $1)) FROM articles`, undated).
		Scan(&st.Articles, &st.SampleArticles, &st.Stories, &st.Sources, &st.Undated, &oldest, &newest)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	if oldest != nil {
		st.Oldest, st.Newest = time.Unix(*oldest, 0).UTC(), time.Unix(*newest, 0).UTC()
	}
	if err := s.pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE failures > 0) FROM feeds`).Scan(&st.Feeds, &st.FailingFeeds); err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT country) FROM article_countries`).Scan(&st.Countries); err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'`).Scan(&st.Bytes); err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}

// Vacuum brings the planner's statistics and the visibility map of the
// store's tables up to date after a bulk load (a benchmark or a
// migration). It names them: a bare VACUUM would take every table of the
// database, other stores' schemas too.
func (s *Store) Vacuum(ctx context.Context) error {
	rows, err := s.pool.Query(ctx, `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
		WHERE schemaname = current_schema() ORDER BY tablename`)
	if err != nil {
		return fmt.Errorf("postgres: vacuum: %w", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("postgres: vacuum: %w", err)
	}
	if len(tables) == 0 {
		return nil
	}
	if _, err := s.pool.Exec(ctx, `VACUUM (ANALYZE) `+strings.Join(tables, ", ")); err != nil {
		return fmt.Errorf("postgres: vacuum: %w", err)
	}
	return nil
}

// isUniqueViolation reports a unique constraint's refusal.
func isUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

func timeOrZero(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// queryAll runs a query and scans each row with scan; what names the
// operation in errors.
func queryAll[T any](ctx context.Context, q querier, what string, scan func(pgx.Row) (T, error), sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: %s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return out, nil
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// BackendPIDs returns the process ids of the server's backends that serve
// connections named application (the application_name of the store URL),
// so that a benchmark on the same machine can read their CPU time.
func (s *Store) BackendPIDs(ctx context.Context, application string) ([]int, error) {
	rows, err := s.pool.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, application)
	if err != nil {
		return nil, fmt.Errorf("postgres: backends: %w", err)
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, fmt.Errorf("postgres: backends: %w", err)
	}
	out := make([]int, len(pids))
	for i, p := range pids {
		out[i] = int(p)
	}
	return out, nil
}
