// Package storetest gives tests a fresh store of every engine of the
// sources.Store contract: SQLite in a temporary directory always, and
// PostgreSQL, in a schema of its own, whenever ATTACHE_TEST_POSTGRES names
// a server (for example postgres://postgres@127.0.0.1:5432/test). Without
// the variable the PostgreSQL runs skip, saying how to enable them.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"attache/sources"
	"attache/sources/postgres"
)

// EnvPostgres is the variable that names the PostgreSQL server for tests.
const EnvPostgres = "ATTACHE_TEST_POSTGRES"

// Engine makes fresh stores of one engine.
type Engine struct {
	// Name is the engine's name, as sources.Store.Engine says it.
	Name string
	// New returns a new, empty database, removed when the test ends.
	New func(t testing.TB) Database
}

// Database is one test's empty database of an engine.
type Database interface {
	// Open opens a store on the database; each call is another handle to
	// the same data, as another process would have. Stores are closed
	// when the test ends.
	Open(t testing.TB, opt sources.StoreOptions) sources.Store
	// URL is the store URL that names the database (for commands and
	// processes the test starts).
	URL() string
}

// Open returns a store on a new, empty database of the engine.
func (e Engine) Open(t testing.TB, opt sources.StoreOptions) sources.Store {
	t.Helper()
	return e.New(t).Open(t, opt)
}

// Engines lists the engines a test should run against: SQLite, and
// PostgreSQL (which skips the test unless ATTACHE_TEST_POSTGRES is set).
func Engines() []Engine {
	return []Engine{
		{Name: sources.EngineSQLite, New: newSQLite},
		{Name: sources.EnginePostgres, New: newPostgres},
	}
}

// Run runs f once per engine, each as a subtest named after the engine.
func Run(t *testing.T, f func(t *testing.T, e Engine)) {
	t.Helper()
	for _, e := range Engines() {
		t.Run(e.Name, func(t *testing.T) { f(t, e) })
	}
}

// sqliteDB is a SQLite file in the test's temporary directory.
type sqliteDB struct{ path string }

func newSQLite(t testing.TB) Database {
	return sqliteDB{path: filepath.Join(t.TempDir(), "corpus.db")}
}

func (d sqliteDB) URL() string { return "sqlite:" + d.path }

func (d sqliteDB) Open(t testing.TB, opt sources.StoreOptions) sources.Store {
	t.Helper()
	s, err := sources.OpenSQLite(context.Background(), d.path, opt)
	if err != nil {
		t.Fatalf("open SQLite store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresURL returns the server that ATTACHE_TEST_POSTGRES names, or
// skips the test saying how to name one.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvPostgres)
	if u == "" {
		t.Skip("PostgreSQL runs skipped: set " + EnvPostgres + "=postgres://postgres@127.0.0.1:5432/test (a server where that role may create schemas) to run them; .ci/run does")
	}
	return u
}

// pgDB is a schema of its own in the test server's database.
type pgDB struct{ url string }

func newPostgres(t testing.TB) Database {
	t.Helper()
	u, drop, err := postgres.NewSchema(context.Background(), PostgresURL(t), "attache_test_")
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		if err := drop(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return pgDB{url: u}
}

func (d pgDB) URL() string { return d.url }

func (d pgDB) Open(t testing.TB, opt sources.StoreOptions) sources.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), d.url, opt)
	if err != nil {
		t.Fatalf("open PostgreSQL store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// SQLite is the SQLite engine alone, for benchmarks and fuzz tests.
func SQLite() Engine { return Engines()[0] }
