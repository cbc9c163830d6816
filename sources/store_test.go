package sources

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// wordTagger is a small tagger for store tests: it tags the codes whose
// words appear in the text. The real gazetteer is tested in briefing/geo.
func wordTagger(words map[string]string) Tagger {
	return func(text string, _ time.Time) []string {
		var codes []string
		lower := strings.ToLower(text)
		for w, code := range words {
			if strings.Contains(lower, w) && !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
		slices.Sort(codes)
		return codes
	}
}

var testTagger = wordTagger(map[string]string{"japan": "JP", "tokyo": "JP", "italy": "IT", "rome": "IT", "france": "FR", "china": "CN"})

func openTestStore(t *testing.T) *SQLiteStore {
	t.Helper()
	s, err := OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const wireBody = `Japan and Italy agreed on Monday to deepen their defence cooperation, including joint work on a next-generation fighter jet with Britain, after the two prime ministers met in Tokyo.

The leaders also discussed Italy's presidency of the Group of Seven this year and said they would hold the first talks between their foreign and defence ministries in March.

An Italian aircraft carrier group is expected to call at Japanese ports in the summer and train with the Maritime Self-Defense Force, officials said.

Both governments repeated their support for Ukraine and their concern about China's growing military activity around Taiwan and in the East China Sea.`

func day(d int) time.Time { return time.Date(2024, 2, d, 9, 0, 0, 0, time.UTC) }

func TestIngestSkipsWithReasons(t *testing.T) {
	s := openTestStore(t)
	in := NewIngester(s, nil, nil)
	res, err := in.Ingest(context.Background(), []Article{
		{Title: "Empty", URL: "https://x.example/1"},
		{Title: "", URL: "https://x.example/2", Text: "Body."},
		{Title: "Huge", URL: "https://x.example/3", Text: strings.Repeat("word ", MaxTextBytes/4)},
		{Title: "Bad URL", URL: "https://", Text: "Body."},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"no article text", "no title", "over the 2 MB limit", "no host"} {
		if res[i].Outcome != Skipped || !strings.Contains(res[i].Reason, want) {
			t.Errorf("result %d = %+v, want skipped with %q", i, res[i], want)
		}
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := OpenSQLite(ctx, path, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	in := NewIngester(s, nil, nil)
	if _, err := in.Ingest(ctx, []Article{{Title: "T", URL: "https://x.example/1", Source: "X", Text: "Body text."}}, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = OpenSQLite(ctx, path, StoreOptions{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 {
		t.Errorf("articles after reopen = %d, want 1", st.Articles)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func ids(arts []Article) []int64 {
	out := make([]int64, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func countRows(t *testing.T, s *SQLiteStore, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestBucketsFollowUpdatesAndRemoval(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	in := NewIngester(s, testTagger, nil)
	a := Article{Title: "Wire", URL: "https://wire.example/x", Source: "W", Published: day(3), Text: wireBody, Sample: true}
	b := Article{Title: "Other", URL: "https://wire.example/y", Source: "W", Published: day(4), Text: "A short and different text about fisheries in the Pacific.", Sample: false}
	res, err := in.Ingest(ctx, []Article{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := res[0].ID
	if got, want := countRows(t, s, `SELECT count(*) FROM story_buckets WHERE article_id = ?`, id), len(SketchText(wireBody).Buckets())+1; got != want {
		t.Fatalf("buckets of the new article = %d, want %d", got, want)
	}
	a.Text = "An entirely new text: the ministers postponed the meeting because of a storm over the capital."
	if _, err := in.Ingest(ctx, []Article{a}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := countRows(t, s, `SELECT count(*) FROM story_buckets WHERE article_id = ?`, id), len(SketchText(a.Text).Buckets())+1; got != want {
		t.Errorf("buckets after the update = %d, want %d (the old ones removed)", got, want)
	}
	n, err := s.RemoveSample(ctx)
	if err != nil || n != 1 {
		t.Fatalf("RemoveSample = %d, %v; want 1", n, err)
	}
	if got := countRows(t, s, `SELECT count(*) FROM story_buckets WHERE article_id = ?`, id); got != 0 {
		t.Errorf("buckets of the removed article = %d, want 0", got)
	}
	if got := countRows(t, s, `SELECT count(*) FROM article_countries WHERE article_id = ?`, id); got != 0 {
		t.Errorf("country rows of the removed article = %d, want 0", got)
	}
	if got := countRows(t, s, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'storm'`); got != 0 {
		t.Errorf("the removed article is still in the full-text index")
	}
	if got := countRows(t, s, `SELECT count(*) FROM articles`); got != 1 {
		t.Errorf("articles left = %d, want 1", got)
	}
}

func TestFTSQueryAlternatives(t *testing.T) {
	tests := map[string]string{
		"defense|defence": `("defense" OR "defence")`,
		"jet":             `"jet"`,
		"a|":              `"a"`,
		`"x|y`:            `("""x" OR "y")`,
		"!!!|jet":         `"jet"`,
		"!!!":             ``,
	}
	for in, want := range tests {
		if got, has := ftsQuery([]string{in}); got != want || !has {
			t.Errorf("ftsQuery(%q) = %s, %v; want %s, true", in, got, has, want)
		}
	}
	if got, has := ftsQuery([]string{"jet", "!!!", "defense|defence"}); got != `"jet" AND ("defense" OR "defence")` || !has {
		t.Errorf("ftsQuery of three words = %s, %v", got, has)
	}
	if got, has := ftsQuery([]string{" ", "|"}); got != "" || has {
		t.Errorf("ftsQuery of blanks = %q, %v; want no words", got, has)
	}
}

// A data directory whose name holds characters that SQLite URIs treat as
// syntax must still hold the store, at exactly the path given.
func TestOpenPathWithURICharacters(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"news#2", "what?now", "pct%41dir", "a b"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			path := filepath.Join(dir, "corpus.db")
			s, err := OpenSQLite(ctx, path, StoreOptions{})
			if err != nil {
				t.Fatalf("OpenSQLite(%q): %v", path, err)
			}
			if err := s.SetSetting(ctx, "k", "v"); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("the store is not at %q: %v", path, err)
			}
			entries, _ := os.ReadDir(filepath.Dir(dir))
			for _, e := range entries {
				if e.Name() != name {
					t.Errorf("stray file %q beside the data directory", e.Name())
				}
			}
			s, err = OpenSQLite(ctx, path, StoreOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got, ok, err := s.Setting(ctx, "k"); err != nil || !ok || got != "v" {
				t.Errorf("reopened store: setting = %q, %v, %v; want v", got, ok, err)
			}
		})
	}
}

// Two processes opening a store that is not migrated yet, at the same
// moment (the bot and a terminal command, say), must both find it
// migrated, neither failing on the tables the other created. (The file
// exists already, in WAL mode: creating the very same new file from two
// processes in the same millisecond can still meet SQLITE_BUSY.)
func TestOpenConcurrentlyOnAnUnmigratedStore(t *testing.T) {
	ctx := context.Background()
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "corpus.db")
		raw, err := sql.Open("sqlite", "file:"+uriPath(path)+"?_pragma=journal_mode(WAL)")
		if err != nil {
			t.Fatal(err)
		}
		if err := raw.PingContext(ctx); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		const n = 4
		opened := make(chan *SQLiteStore, n)
		errs := make(chan error, n)
		for i := 0; i < n; i++ {
			go func() {
				s, err := OpenSQLite(ctx, path, StoreOptions{})
				opened <- s
				errs <- err
			}()
		}
		for i := 0; i < n; i++ {
			s, err := <-opened, <-errs
			if err != nil {
				t.Errorf("round %d: Open: %v", round, err)
				continue
			}
			var version int
			if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil || version < 5 {
				t.Errorf("round %d: schema version %d, %v; want at least 5", round, version, err)
			}
			s.Close()
		}
	}
}

// The full-text rows the writer adds itself agree with the articles table
// after adds, updates, duplicates and removals (FTS5's own check, which
// compares the index with the content it is built from).
func TestFullTextIndexMatchesArticles(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	in := NewIngester(s, testTagger, nil)
	var arts []Article
	for i := range 300 {
		arts = append(arts, Article{Title: fmt.Sprintf("Talks %d", i), URL: fmt.Sprintf("https://x.example/%d", i), Source: "X",
			Published: day(1 + i%27), Text: fmt.Sprintf("Japan and Italy held talks, round %d, on trade and defence.", i), Sample: i%3 == 0})
	}
	if _, err := in.Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	arts[5].Text = "An entirely new text about a storm."
	if _, err := in.Ingest(ctx, arts[:10], nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RemoveSample(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("FTS5 integrity check: %v", err)
	}
	got, err := s.Search(ctx, Query{Words: []string{"round"}, Limit: 1000})
	if err != nil || len(got) != 199 {
		t.Errorf("search for a word of every remaining article but one = %d, %v; want 199", len(got), err)
	}
}

// TestSavesFoldTheLogIntoTheFile: the saving connection leaves checkpoints
// to another connection, and each one folds the whole write-ahead log into
// the file, so that the log starts again from its beginning rather than
// growing with every batch.
func TestSavesFoldTheLogIntoTheFile(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	s.foldAfter = 1 // a checkpoint after every save
	in := NewIngester(s, testTagger, nil)
	in.BatchSize = 100
	logSize := func() int64 {
		fi, err := os.Stat(s.path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	var first int64
	for round := range 6 {
		var arts []Article
		for i := range 200 {
			n := round*200 + i
			arts = append(arts, Article{Title: fmt.Sprintf("Talks %d", n), URL: fmt.Sprintf("https://x.example/%d", n), Source: "X",
				Published: day(1 + n%27), Text: strings.Repeat(fmt.Sprintf("Japan and Italy held talks, round %d, on trade and defence. ", n), 40)})
		}
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		s.checkpoints.Wait()
		if round == 0 {
			first = logSize()
		}
	}
	if got := logSize(); got > 2*first {
		t.Errorf("write-ahead log after six rounds of saves = %d bytes, after the first %d: the log is not starting again", got, first)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE text LIKE 'Japan%'`).Scan(&n); err != nil || n != 1200 {
		t.Errorf("articles stored = %d, %v; want 1200", n, err)
	}
}
