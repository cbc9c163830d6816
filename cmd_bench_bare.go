package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sort"

	"attache/sources"
)

// bareFTS5 is a bare SQLite store: one table of articles and its FTS5
// index and nothing else, with the store's settings (WAL, the same
// tokenizer, 16 MB of terms gathered before a segment is written, batches
// of the same size in publication order, ids from the publication
// second). It is the floor that the store's ingest (tagging, hashing,
// sketching, the country index, story buckets, duplicate checks) is
// measured against.
type bareFTS5 struct {
	db   *sql.DB
	last map[int64]int64 // publication second: the last id given in it
}

func openBareFTS5(ctx context.Context, path string) (*bareFTS5, error) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "cache_size(-16000)", "wal_autocheckpoint(16384)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("bench: bare store: %w", err)
	}
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		`CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL)`,
		`CREATE VIRTUAL TABLE docs_fts USING fts5 (title, text, content = 'docs', content_rowid = 'id',
			tokenize = 'porter unicode61 remove_diacritics 2')`,
		`INSERT INTO docs_fts (docs_fts, rank) VALUES ('hashsize', 16777216)`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			db.Close()
			return nil, fmt.Errorf("bench: bare store: %w", err)
		}
	}
	return &bareFTS5{db: db, last: map[int64]int64{}}, nil
}

func (b *bareFTS5) close() { b.db.Close() }

// write stores articles in transactions of batch articles.
func (b *bareFTS5) write(ctx context.Context, arts []sources.Article, batch int) error {
	for start := 0; start < len(arts); start += batch {
		if err := b.writeBatch(ctx, arts[start:min(start+batch, len(arts))]); err != nil {
			return fmt.Errorf("bench: bare store: %w", err)
		}
	}
	return nil
}

func (b *bareFTS5) writeBatch(ctx context.Context, arts []sources.Article) error {
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	doc, err := tx.PrepareContext(ctx, `INSERT INTO docs (id, title, text) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer doc.Close()
	fts, err := tx.PrepareContext(ctx, `INSERT INTO docs_fts (rowid, title, text) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer fts.Close()
	for _, a := range arts {
		sec := a.Published.Unix()
		id, ok := b.last[sec]
		if ok {
			id++
		} else {
			id = sec * 1000
		}
		b.last[sec] = id
		if _, err := doc.ExecContext(ctx, id, a.Title, a.Text); err != nil {
			return err
		}
		if _, err := fts.ExecContext(ctx, id, a.Title, a.Text); err != nil {
			return err
		}
	}
	return tx.Commit()
}
