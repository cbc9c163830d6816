package sources

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// SQLiteStore is the corpus in one SQLite file: articles with their
// full-text and country indexes, story ids, feeds with their poll state,
// digest schedules and delivery records. It is the default engine of the
// Store contract.
type SQLiteStore struct {
	db       *sql.DB
	path     string
	now      func() time.Time
	readOnly bool

	// writer is the connection that saves articles, kept for the store's
	// life with a larger page cache: the indexes an ingest touches (story
	// buckets above all) stay in memory from one batch to the next. mu
	// lets one save use it at a time, as SQLite lets one write at a time.
	mu     sync.Mutex
	writer *sql.Conn

	// The saving connection does not fold the write-ahead log back into
	// the file itself (its wal_autocheckpoint is off): once it has
	// written foldAfter pages since the last checkpoint began, a
	// checkpoint runs on another connection while the writer goes on
	// (afterSave). written counts those pages (under mu); checkpoint
	// holds a token while one runs, and Close waits for it.
	written     int
	foldAfter   int // checkpointPages; fewer in tests
	checkpoint  chan struct{}
	checkpoints sync.WaitGroup
}

// writerCacheKB is the page cache of the connection that saves articles.
const writerCacheKB = 32 << 10

// checkpointPages is how many pages the saving connection writes to the
// write-ahead log before a checkpoint folds them back into the file: the
// 16,384 of the store's wal_autocheckpoint (64 MB of 4 KB pages).
const checkpointPages = 16384

// StoreOptions tune Open.
type StoreOptions struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// ReadOnly opens an existing store for reading only: nothing is
	// created, migrated or written, and the file and its folder may be
	// read-only. Every write is refused with an error that Is ErrReadOnly.
	ReadOnly bool
}

// ErrReadOnly is what a write to a read-only store, or a read-write Open of
// a store whose file or folder cannot be written, wraps.
var ErrReadOnly = errors.New("store is read-only")

// StoreError is a store that cannot be used as it is: read-only, damaged,
// or not a database. Its message names the file and says what to do.
type StoreError struct {
	Path string
	// Err is ErrReadOnly, or SQLite's own error.
	Err error
	// Problem and Advice make up the message.
	Problem, Advice string
}

// Error names the file, the problem and what to do.
func (e *StoreError) Error() string {
	msg := "the store at " + e.Path + " " + e.Problem
	if e.Advice != "" {
		msg += "; " + e.Advice
	}
	return msg
}

// Unwrap gives ErrReadOnly or SQLite's error to errors.Is and errors.As.
func (e *StoreError) Unwrap() error { return e.Err }

// SQLite's primary result codes that Open turns into a StoreError.
const (
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// sqliteCode is the primary result code of a SQLite error, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// sqliteMessage is SQLite's own words in err, without the code.
func sqliteMessage(err error) string {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err.Error()
	}
	msg := se.Error()
	if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i]
	}
	return msg
}

// readOnlyError is the refusal of a write to a read-only store.
func (s *SQLiteStore) readOnlyError() error {
	return &StoreError{Path: s.path, Err: ErrReadOnly, Problem: "is read-only"}
}

// OpenSQLite opens (creating if needed) the store in the SQLite file at path and
// brings its schema up to date. The file is in WAL mode with foreign keys
// on. A store that cannot be written gives a *StoreError that Is
// ErrReadOnly (open it again with ReadOnly to read it); a damaged file or
// one that is not a database gives a *StoreError naming the file.
func OpenSQLite(ctx context.Context, path string, opt StoreOptions) (*SQLiteStore, error) {
	if opt.ReadOnly {
		return openReadOnly(ctx, path, opt)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sources: create data directory: %w", err)
		}
	}
	pragmas := []string{"foreign_keys(1)", "busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "cache_size(-16000)", "wal_autocheckpoint(16384)"}
	s, err := openDB(path, pragmas, url.Values{"_txlock": {"immediate"}}, opt)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, s.explain(err)
	}
	if err := s.backfillTitleKeys(ctx); err != nil {
		s.db.Close()
		return nil, s.explain(err)
	}
	// SQLite opens a file it may not write for reading without a word,
	// and the first write would fail. Say so now, while the caller can
	// still choose to open it for reading.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		s.db.Close()
		if errors.Is(err, fs.ErrPermission) {
			return nil, s.readOnlyError()
		}
		return nil, fmt.Errorf("sources: open store %s: %w", path, err)
	}
	f.Close()
	return s, nil
}

// openReadOnly opens an existing store with mode=ro. A store in WAL mode
// needs its shared-memory file; where the folder is read-only and that
// file is absent, the store is opened as immutable (nothing else can be
// writing it, since nothing can create the file a writer needs).
func openReadOnly(ctx context.Context, path string, opt StoreOptions) (*SQLiteStore, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("sources: open store %s: %w", path, err)
	}
	pragmas := []string{"busy_timeout(10000)", "cache_size(-16000)"}
	var last error
	for i, params := range []url.Values{{"mode": {"ro"}}, {"mode": {"ro"}, "immutable": {"1"}}} {
		if i > 0 {
			// Immutable reads the file alone: commits still in the
			// write-ahead log would be missed.
			if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
				return nil, &StoreError{Path: path, Err: errors.Join(ErrReadOnly, last),
					Problem: "is read-only and has writes not yet folded in from " + filepath.Base(path) + "-wal",
					Advice:  "open it once with write access (any command that writes, e.g. attache poll), then it can be read read-only"}
			}
		}
		s, err := openDB(path, pragmas, params, opt)
		if err != nil {
			return nil, err
		}
		s.readOnly = true
		if err := s.checkSchema(ctx); err != nil {
			s.db.Close()
			last = err
			if code := sqliteCode(err); code == sqliteCantOpen || code == sqliteReadOnly {
				continue
			}
			return nil, s.explain(err)
		}
		return s, nil
	}
	return nil, (&SQLiteStore{path: path}).explain(last)
}

func openDB(path string, pragmas []string, params url.Values, opt StoreOptions) (*SQLiteStore, error) {
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sources: open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &SQLiteStore{db: db, path: path, now: opt.Now, foldAfter: checkpointPages, checkpoint: make(chan struct{}, 1)}
	if s.now == nil {
		s.now = time.Now
	}
	return s, nil
}

// checkSchema refuses a read-only store whose schema is older than this
// program's, since it cannot be brought up to date.
func (s *SQLiteStore) checkSchema(ctx context.Context) error {
	var current int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return fmt.Errorf("sources: read schema version: %w", err)
	}
	// An empty file reads as version 0 and is no store at all.
	if latest := latestMigration(); current < latest {
		return &StoreError{Path: s.path, Err: ErrReadOnly,
			Problem: fmt.Sprintf("is read-only and its schema (version %d) is older than this program's (%d)", current, latest),
			Advice:  "open it once with write access to bring it up to date"}
	}
	return nil
}

// latestMigration is the number of the newest embedded migration.
func latestMigration() int {
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	latest := 0
	for _, name := range names {
		if v, err := strconv.Atoi(strings.SplitN(filepath.Base(name), "_", 2)[0]); err == nil && v > latest {
			latest = v
		}
	}
	return latest
}

// Explain turns an error that this store gave about its file (damaged,
// not a database, read-only) into a *StoreError naming the file and what
// to do; other errors pass through unchanged.
func (s *SQLiteStore) Explain(err error) error { return s.explain(err) }

// explain turns SQLite's errors about the file itself into a StoreError
// that names it; other errors pass through.
func (s *SQLiteStore) explain(err error) error {
	var se *StoreError
	if errors.As(err, &se) {
		return err
	}
	switch sqliteCode(err) {
	case sqliteReadOnly:
		return &StoreError{Path: s.path, Err: errors.Join(ErrReadOnly, err), Problem: "is read-only"}
	case sqliteCantOpen:
		if _, statErr := os.Stat(s.path); statErr == nil {
			return &StoreError{Path: s.path, Err: errors.Join(ErrReadOnly, err), Problem: "is read-only (its folder cannot be written, and SQLite needs to write beside the file)"}
		}
		return &StoreError{Path: s.path, Err: err, Problem: "cannot be created",
			Advice: "check that its folder exists and can be written, or choose another with --data"}
	case sqliteNotADB:
		return &StoreError{Path: s.path, Err: err, Problem: "is not a database (SQLite: file is not a database)",
			Advice: "move the file away (attache then makes a new store there) or choose another folder with --data"}
	case sqliteCorrupt:
		return &StoreError{Path: s.path, Err: err, Problem: "is damaged (SQLite: " + sqliteMessage(err) + ")",
			Advice: "restore it from a backup, or move it away and ingest your files again"}
	}
	return err
}

// uriPath escapes the characters that a SQLite URI filename reads as syntax
// ("?" starts the parameters, "#" a fragment, "%" an escape), so that a
// data directory named "news#2" or "a?b" is opened where it is and not at a
// truncated path.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

// Close closes the database.
func (s *SQLiteStore) Close() error {
	s.checkpoints.Wait()
	s.mu.Lock()
	if s.writer != nil {
		s.writer.Close()
		s.writer = nil
	}
	s.mu.Unlock()
	return s.db.Close()
}

// writeConn returns the connection that saves articles, opening it on
// first use; the caller holds s.mu.
func (s *SQLiteStore) writeConn(ctx context.Context) (*sql.Conn, error) {
	if s.writer != nil {
		return s.writer, nil
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	for _, pragma := range []string{fmt.Sprintf(`PRAGMA cache_size = -%d`, writerCacheKB), `PRAGMA wal_autocheckpoint = 0`} {
		if _, err := c.ExecContext(ctx, pragma); err != nil {
			c.Close()
			return nil, err
		}
	}
	s.writer = c
	return c, nil
}

// afterSave counts the pages the save wrote to the write-ahead log and,
// once checkpointPages have gathered and no checkpoint is running, starts
// one on another connection, so that the writer goes on with the next
// batch while the log's pages are copied into the file. The caller holds
// s.mu.
func (s *SQLiteStore) afterSave(conn *sql.Conn) {
	err := conn.Raw(func(dc any) error {
		st, ok := dc.(sqlite.DBStatus)
		if !ok {
			return nil
		}
		n, _, err := st.Status(sqlite.DBStatusCacheWrite, true)
		s.written += n
		return err
	})
	if err != nil || s.written < s.foldAfter {
		return
	}
	select {
	case s.checkpoint <- struct{}{}:
	default:
		return // one is running; the next save starts another
	}
	s.written = 0
	s.checkpoints.Add(1)
	go func() {
		defer s.checkpoints.Done()
		defer func() { <-s.checkpoint }()
		s.foldLog()
	}()
}

// WaitCheckpoint returns when the checkpoint that saves started, if one
// runs, has ended.
func (s *SQLiteStore) WaitCheckpoint() { s.checkpoints.Wait() }

// foldLog copies the write-ahead log into the file in two passes. The
// first runs beside the writer and copies the bulk; the second waits for
// a moment when no save runs (a batch being prepared, or none coming;
// after at most a second it holds the next save back) and copies what
// the saves wrote meanwhile, so that the whole log is in the file and the
// next save starts the log again from its beginning, as SQLite's own
// checkpoint at commit does. A checkpoint that fails leaves the pages in
// the log for the next one.
func (s *SQLiteStore) foldLog() {
	ctx := context.Background()
	s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
	for wait := time.Now().Add(time.Second); !s.mu.TryLock(); {
		if time.Now().After(wait) {
			s.mu.Lock()
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	defer s.mu.Unlock()
	s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
}

// Path is the file the store lives in.
func (s *SQLiteStore) Path() string { return s.path }

// Engine is "sqlite".
func (s *SQLiteStore) Engine() string { return EngineSQLite }

// Location is the file the store lives in.
func (s *SQLiteStore) Location() string { return s.path }

// Ping checks that the store answers.
func (s *SQLiteStore) Ping(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&n); err != nil {
		return fmt.Errorf("sources: ping store: %w", err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check and returns an error unless the
// database reports "ok".
func (s *SQLiteStore) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("sources: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("sources: integrity check: %s", res)
	}
	return nil
}

// migrate applies the embedded migrations newer than the database's
// user_version, each in its own transaction. The version is read again
// inside that transaction, which holds the write lock, so that another
// process migrating the same new store meanwhile is not repeated.
func (s *SQLiteStore) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("sources: list migrations: %w", err)
	}
	sort.Strings(names)
	var current int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return fmt.Errorf("sources: read schema version: %w", err)
	}
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("sources: migration %s: name must start with its number", base)
		}
		if version <= current {
			continue
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return fmt.Errorf("sources: read migration %s: %w", base, err)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("sources: migration %s: %w", base, err)
		}
		if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
			tx.Rollback()
			return fmt.Errorf("sources: migration %s: read schema version: %w", base, err)
		}
		if version <= current {
			tx.Rollback() // applied by another process since the first read
			continue
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("sources: migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("sources: migration %s: %w", base, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("sources: migration %s: %w", base, err)
		}
		current = version
	}
	return nil
}

// Setting reads a value from the settings table; ok is false when unset.
func (s *SQLiteStore) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("sources: read setting %q: %w", key, err)
	}
	return value, true, nil
}

// SetSetting writes a value to the settings table.
func (s *SQLiteStore) SetSetting(ctx context.Context, key, value string) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("sources: write setting %q: %w", key, err)
	}
	return nil
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(...any) error }

// queryAll runs a query and scans each of its rows with scan. what names
// the operation in errors ("list feeds").
func queryAll[T any](ctx context.Context, db querier, what string, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sources: %s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("sources: %s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sources: %s: %w", what, err)
	}
	return out, nil
}

func timeOrZero(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// Checkpoint folds the write-ahead log into the database file, so that the
// file's size is the store's size.
func (s *SQLiteStore) Checkpoint(ctx context.Context) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("sources: checkpoint: %w", err)
	}
	return nil
}
