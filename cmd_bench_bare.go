package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"

	"attache/sources"
	"attache/sources/synth"
)

// bareFTS5Ingest writes the generated corpus into a bare SQLite store, one
// table of articles and its FTS5 index and nothing else, with the store's
// settings (WAL, the same tokenizer, 16 MB of terms gathered before a
// segment is written, batches of the same size in publication order), and
// returns the time it took, generation left out. It is the floor that the
// store's ingest (tagging, hashing, sketching, the country index, story
// buckets, duplicate checks) is measured against.
func bareFTS5Ingest(ctx context.Context, path string, gen *synth.Generator, n, batch int, progress io.Writer) (ingestTime, error) {
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
		return ingestTime{}, fmt.Errorf("bench: bare store: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, stmt := range []string{
		`CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL)`,
		`CREATE VIRTUAL TABLE docs_fts USING fts5 (title, text, content = 'docs', content_rowid = 'id',
			tokenize = 'porter unicode61 remove_diacritics 2')`,
		`INSERT INTO docs_fts (docs_fts, rank) VALUES ('hashsize', 16777216)`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return ingestTime{}, fmt.Errorf("bench: bare store: %w", err)
		}
	}
	// Ids as the store gives them: the publication second and a counter.
	last := map[int64]int64{}
	write := func(arts []sources.Article) error {
		sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
		tx, err := db.BeginTx(ctx, nil)
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
			id, ok := last[sec]
			if ok {
				id++
			} else {
				id = sec * 1000
			}
			last[sec] = id
			if _, err := doc.ExecContext(ctx, id, a.Title, a.Text); err != nil {
				return err
			}
			if _, err := fts.ExecContext(ctx, id, a.Title, a.Text); err != nil {
				return err
			}
		}
		return tx.Commit()
	}
	took, err := timeIngest(ctx, gen, n, batch, progress, write)
	if err != nil {
		return took, fmt.Errorf("bench: bare store: %w", err)
	}
	return took, nil
}
