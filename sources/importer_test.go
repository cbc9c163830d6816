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

func readAll(t *testing.T, paths ...string) []FileItem {
	t.Helper()
	var items []FileItem
	if err := ReadPaths(paths, func(it FileItem) error { items = append(items, it); return nil }); err != nil {
		t.Fatalf("ReadPaths: %v", err)
	}
	return items
}

func TestReadPathsDirectory(t *testing.T) {
	items := readAll(t, filepath.Join("testdata", "import"))
	type want struct {
		where, title, err string
	}
	wants := []want{
		{where: "batch.jsonl:line 1", title: "G7 ministers meet in Capri"},
		{where: "batch.jsonl:line 2", err: "bad JSON"},
		{where: "batch.jsonl:line 3", err: "no title"},
		{where: "batch.jsonl:line 4", err: `cannot read date "last Tuesday"`},
		{where: "notes.md", title: "Seoul and Tokyo resume shuttle diplomacy"},
		{where: "rome-visit.txt", title: "Italy and Japan Plan Joint Naval Drills"},
	}
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("%s %q %v", it.Where, it.Article.Title, it.Err)
		}
		t.Fatalf("got %d items, want %d (the .pdf inside a directory is passed over)", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if !strings.HasSuffix(it.Where, w.where) {
			t.Errorf("item %d where = %q, want suffix %q", i, it.Where, w.where)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("%s: err = %v, want %q", w.where, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", w.where, it.Err)
		}
		if it.Article.Title != w.title {
			t.Errorf("%s: title = %q, want %q", w.where, it.Article.Title, w.title)
		}
	}
	g7 := items[0].Article
	if g7.URL != "https://example.test/g7-capri?utm_source=x" || g7.Source != "Example Wire" || !g7.Published.Equal(time.Date(2024, 4, 18, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("jsonl article fields = %+v", g7)
	}
	if g7.Text != "Foreign ministers of the Group of Seven met on the island of Capri.\n\nThey discussed Ukraine and the Middle East." {
		t.Errorf("jsonl text = %q", g7.Text)
	}
	txt := items[5].Article
	if !strings.HasPrefix(txt.URL, "file:///") || !strings.HasSuffix(txt.URL, "/testdata/import/rome-visit.txt") {
		t.Errorf("txt URL = %q, want an absolute file URL", txt.URL)
	}
	if !strings.HasPrefix(txt.Text, "Italy will send a carrier group") || strings.Contains(txt.Text, "Naval Drills") {
		t.Errorf("txt body = %q, want the text after the title line", txt.Text)
	}
}

func TestReadPathsReportsBadFiles(t *testing.T) {
	items := readAll(t, filepath.Join("testdata", "import", "nested", "readme.pdf"), filepath.Join("testdata", "missing.txt"), filepath.Join("testdata", "latin1.txt"))
	wantErrs := []string{"not an article file", "cannot read: no such file or directory", "not valid UTF-8"}
	if len(items) != len(wantErrs) {
		t.Fatalf("got %d items, want %d", len(items), len(wantErrs))
	}
	for i, w := range wantErrs {
		if items[i].Err == nil || !strings.Contains(items[i].Err.Error(), w) {
			t.Errorf("item %d err = %v, want %q", i, items[i].Err, w)
		}
	}
}

func TestReadPathsStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := ReadPaths([]string{filepath.Join("testdata", "import")}, func(FileItem) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("ReadPaths = %v after %d calls, want stop after 1", err, calls)
	}
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Title\n\nBody one.\n\nBody two."))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte("# T\n0\n\nComments are closed."))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText(data, "file:///x.txt")
		if err == nil && (a.Title == "" || a.Text == "") {
			t.Fatalf("ParseText accepted %q with an empty title or body", data)
		}
	})
}

func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"T","url":"https://x.test/","text":"Body."}` + "\n{"))
	f.Add([]byte(`{"title":"T","url":"u","text":"B","published":"2024-13-40"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, it := range ParseJSONL(data) {
			if it.Err == nil && (it.Article.Title == "" || it.Article.URL == "") {
				t.Fatalf("ParseJSONL accepted an article without title or URL from %q", data)
			}
		}
	})
}

// A text file's modification time is its publication time; the article
// is stored now, so that what is new since the last digest includes it.
func TestTextFileDatedByModTimeStoredNow(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pact.txt")
	os.WriteFile(path, []byte("Norway and Chile sign a fisheries pact\n\nNorway and Chile signed a fisheries agreement in Oslo on Monday, the two foreign ministries said.\n"), 0o644)
	written := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, written, written); err != nil {
		t.Fatal(err)
	}
	items := readAll(t, path)
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	if a := items[0].Article; !a.Published.Equal(written) || !a.Fetched.IsZero() {
		t.Errorf("published %v, fetched %v; want %v and zero (stored now)", a.Published, a.Fetched, written)
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	s := openTestStore(t)
	if _, err := NewIngester(s, nil, func() time.Time { return now }).Ingest(ctx, []Article{items[0].Article}, nil); err != nil {
		t.Fatal(err)
	}
	fresh, _, err := s.ArticlesFetchedBetween(ctx, now.Add(-time.Hour), now, 10)
	if err != nil || len(fresh) != 1 || !fresh[0].Published.Equal(written) {
		t.Errorf("articles stored in the last hour = %+v, %v; want the text file, published %v", fresh, err, written)
	}
}
