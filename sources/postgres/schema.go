package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
)

// NewSchema creates a schema with a fresh name that starts with prefix in
// the database that serverURL names, and returns a store URL for it (the
// same URL with search_path set) and a function that drops it with all it
// holds. Tests and benchmarks build their stores in such schemas, beside
// whatever else the database holds.
func NewSchema(ctx context.Context, serverURL, prefix string) (storeURL string, drop func(context.Context) error, err error) {
	u, err := url.Parse(serverURL)
	if err != nil {
		return "", nil, fmt.Errorf("postgres: server URL: %w", err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := prefix + hex.EncodeToString(b[:])
	if err := execOnce(ctx, serverURL, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return "", nil, fmt.Errorf("postgres: create schema: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop = func(ctx context.Context) error {
		if err := execOnce(ctx, serverURL, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			return fmt.Errorf("postgres: drop schema %s: %w", schema, err)
		}
		return nil
	}
	return u.String(), drop, nil
}

// execOnce runs one statement on a connection of its own.
func execOnce(ctx context.Context, serverURL, sql string) error {
	conn, err := pgx.Connect(ctx, serverURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}
