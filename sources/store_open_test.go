package sources

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A store opened read-only answers queries and refuses every write with an
// error that names the file, without touching it.
func TestOpenReadOnlyReadsAndRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := OpenSQLite(ctx, path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := Article{Title: "Japan and Italy deepen defence ties", URL: "https://wire.example/world/japan-italy", Source: "Example Wire", Published: day(5), Text: wireBody}
	if _, err := NewIngester(s, testTagger, nil).Ingest(ctx, []Article{a}, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	ro, err := OpenSQLite(ctx, path, StoreOptions{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open read-only: %v", err)
	}
	defer ro.Close()
	got, err := ro.Search(ctx, Query{Countries: []string{"JP", "IT"}})
	if err != nil || len(got) != 1 || got[0].Title != a.Title {
		t.Fatalf("Search on a read-only store = %v, %v; want the article", got, err)
	}
	writes := map[string]func() error{
		"ingest": func() error {
			b := a
			b.URL += "-2"
			_, err := NewIngester(ro, testTagger, nil).Ingest(ctx, []Article{b}, nil)
			return err
		},
		"set setting": func() error { return ro.SetSetting(ctx, "k", "v") },
		"insert feed": func() error {
			_, err := ro.InsertFeed(ctx, "https://wire.example/rss", "Wire", time.Hour)
			return err
		},
		"record poll": func() error { return ro.RecordPoll(ctx, 1, PollOutcome{At: day(6)}) },
		"put schedule": func() error {
			_, err := ro.PutSchedule(ctx, Schedule{ChannelID: "1", Spec: "0 8 * * *", TimeZone: "UTC"})
			return err
		},
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "the store at "+path+" is read-only") {
			t.Errorf("%s on a read-only store = %v, want ErrReadOnly naming %s", name, err, path)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("a read-only store changed its file")
	}
}

// Opening read-only never creates a store where there is none.
func TestOpenReadOnlyMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.db")
	if _, err := OpenSQLite(context.Background(), path, StoreOptions{ReadOnly: true}); err == nil {
		t.Fatal("Open read-only of a missing store succeeded")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open read-only created %s", path)
	}
}

// A file that is not a database, or a damaged one, is named with what to
// do, in both modes.
func TestOpenNotADatabaseOrDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database, just some notes\n", 500)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := OpenSQLite(ctx, junk, StoreOptions{ReadOnly: ro})
		var se *StoreError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "the store at "+junk+" is not a database") || !strings.Contains(err.Error(), "move the file away") {
			t.Errorf("Open(read-only %v) of a text file = %v, want a StoreError naming the file and what to do", ro, err)
		}
	}

	// A store whose pages are overwritten opens (SQLite reads pages when
	// asked) and fails on the first query; Explain names the file.
	damaged := filepath.Join(dir, "damaged.db")
	s, err := OpenSQLite(ctx, damaged, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []Article
	for i := range 200 {
		arts = append(arts, Article{Title: "Japan and Italy talk " + strings.Repeat("x", i%7), URL: "https://wire.example/a/" + string(rune('a'+i%26)) + strings.Repeat("b", i), Source: "Wire", Published: day(1 + i%20), Text: wireBody + strings.Repeat("\n\nMore on Italy.", i%5)})
	}
	if _, err := NewIngester(s, testTagger, nil).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f, err := os.OpenFile(damaged, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	garbage := []byte(strings.Repeat("\xff", 4096))
	for off := int64(4096); off+4096 < fi.Size(); off += 2 * 4096 {
		f.WriteAt(garbage, off)
	}
	f.Close()
	s, err = OpenSQLite(ctx, damaged, StoreOptions{})
	if err == nil {
		_, err = s.Search(ctx, Query{Countries: []string{"JP"}})
		err = s.Explain(err)
		s.Close()
	}
	if err == nil || !strings.Contains(err.Error(), "the store at "+damaged+" is damaged") || !strings.Contains(err.Error(), "restore it from a backup") {
		t.Errorf("query on a damaged store = %v, want a message naming the file and what to do", err)
	}
}
