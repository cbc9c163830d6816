package main

import (
	"context"
	"database/sql"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"time"

	"attache/sources"
)

// The bare writer runs in a process of its own, started by bench from this
// same binary with bareChildEnv naming its file: its page cache and
// full-text buffers are then not counted in the store's peak RSS, and its
// CPU time is its own. bench hands it the same chunks, in turn with the
// store, so that both are measured under the same load.
const (
	bareChildEnv = "ATTACHE_BENCH_BARE"
	bareBatchEnv = "ATTACHE_BENCH_BARE_BATCH"
)

// bareDoc is what the bare writer stores of an article.
type bareDoc struct {
	Title, Text string
	Published   time.Time
}

// bareReply is the bare writer's answer to a chunk: the time it took to
// write it, on the clock and of its process's CPU.
type bareReply struct {
	Wall, CPU time.Duration
	PeakRSS   string
	Err       string
}

// bareProcess is the parent's end of a bare writer process.
type bareProcess struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	enc   *gob.Encoder
	dec   *gob.Decoder
	peak  string
}

// startBareFTS5 starts a bare writer process on a new store at path.
func startBareFTS5(ctx context.Context, path string, batch int) (*bareProcess, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench: bare store: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), bareChildEnv+"="+path, bareBatchEnv+"="+strconv.Itoa(batch))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: bare store: %w", err)
	}
	return &bareProcess{cmd: cmd, stdin: stdin, enc: gob.NewEncoder(stdin), dec: gob.NewDecoder(stdout)}, nil
}

// write hands the process a chunk, an article at a time, and returns the
// time it took to store it.
func (b *bareProcess) write(arts []sources.Article) (ingestTime, error) {
	if err := b.enc.Encode(len(arts)); err != nil {
		return ingestTime{}, fmt.Errorf("bench: bare store: %w", err)
	}
	for _, a := range arts {
		if err := b.enc.Encode(bareDoc{a.Title, a.Text, a.Published}); err != nil {
			return ingestTime{}, fmt.Errorf("bench: bare store: %w", err)
		}
	}
	var r bareReply
	if err := b.dec.Decode(&r); err != nil {
		return ingestTime{}, fmt.Errorf("bench: bare store: %w", err)
	}
	if r.Err != "" {
		return ingestTime{}, errors.New(r.Err)
	}
	b.peak = r.PeakRSS
	return ingestTime{wall: r.Wall, cpu: r.CPU}, nil
}

// close ends the process.
func (b *bareProcess) close() error {
	b.stdin.Close()
	return b.cmd.Wait()
}

// runBareChild is the bare writer process: it reads chunks from stdin,
// stores each in the bare store at path and answers with the time it took.
func runBareChild(path string, in io.Reader, out io.Writer) error {
	batch, err := strconv.Atoi(os.Getenv(bareBatchEnv))
	if err != nil || batch <= 0 {
		batch = 2500
	}
	ctx := context.Background()
	bw, err := openBareFTS5(ctx, path)
	if err != nil {
		return err
	}
	defer bw.close()
	dec, enc := gob.NewDecoder(in), gob.NewEncoder(out)
	for {
		var n int
		if err := dec.Decode(&n); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		arts := make([]sources.Article, n)
		for i := range arts {
			var d bareDoc
			if err := dec.Decode(&d); err != nil {
				return err
			}
			arts[i] = sources.Article{Title: d.Title, Text: d.Text, Published: d.Published}
		}
		t0, c0 := time.Now(), processCPU()
		err := bw.write(ctx, arts, batch)
		r := bareReply{Wall: time.Since(t0), CPU: processCPU() - c0, PeakRSS: peakRSS()}
		if err != nil {
			r.Err = err.Error()
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
}

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
