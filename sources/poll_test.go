package sources

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"attache/sources/fetch"
)

// feedServer serves one RSS feed with a teaser item whose page must be
// fetched and a full-text item, with ETag support; and a broken feed.
type feedServer struct {
	*httptest.Server
	feedHits, pageHits, brokenHits atomic.Int32
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", "poll", "page-summit.html"))
	if err != nil {
		t.Fatal(err)
	}
	fs := &feedServer{}
	mux := http.NewServeMux()
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	full := strings.Repeat("The foreign ministers of France and Germany met in Berlin to prepare the European Council. ", 25)
	rss := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Tribune: World</title><link>%[1]s/</link><description>World news</description>
<item><title>Seoul and Tokyo agree to restart finance dialogue</title>
<link>/world/seoul-tokyo-finance?utm_source=rss</link><guid>ht-1001</guid>
<pubDate>Mon, 11 Mar 2024 06:30:00 GMT</pubDate>
<description>South Korea and Japan agreed on Monday to restart a regular dialogue between their finance ministries…</description></item>
<item><title>France and Germany prepare the summit</title>
<link>%[1]s/world/france-germany</link><guid>ht-1002</guid>
<pubDate>Sun, 10 Mar 2024 18:00:00 GMT</pubDate>
<description><![CDATA[<p>%[2]s</p>]]></description></item>
</channel></rss>`, fs.URL, full)
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.feedHits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/world/seoul-tokyo-finance", func(w http.ResponseWriter, r *http.Request) {
		fs.pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.brokenHits.Add(1)
		http.Error(w, "upstream exploded", http.StatusInternalServerError)
	})
	mux.HandleFunc("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	return fs
}

func TestPollerEndToEnd(t *testing.T) {
	ctx := context.Background()
	srv := newFeedServer(t)
	clock := time.Date(2024, 3, 11, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})
	p := NewPoller(s, NewIngester(s, testTagger, now), client, nil, now)
	p.rnd = func() float64 { return 0.5 }

	good, err := p.AddFeed(ctx, srv.URL+"/feed.xml", time.Hour)
	if err != nil {
		t.Fatalf("AddFeed: %v", err)
	}
	if good.Title != "Harbour Tribune: World" {
		t.Errorf("feed title = %q", good.Title)
	}
	if _, err := p.AddFeed(ctx, srv.URL+"/broken.xml", time.Hour); err == nil {
		t.Fatal("AddFeed of a failing URL succeeded")
	}
	// Subscribe the broken and the rate-limited feeds directly, as if they
	// broke after being added.
	broken, err := s.InsertFeed(ctx, srv.URL+"/broken.xml", "Broken", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	busy, err := s.InsertFeed(ctx, srv.URL+"/busy.xml", "Busy", time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	reports, err := p.PollDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 3 {
		t.Fatalf("polled %d feeds, want 3", len(reports))
	}
	byID := map[int64]PollReport{}
	for _, r := range reports {
		byID[r.FeedID] = r
	}
	if r := byID[good.ID]; r.Err != nil || r.Added != 2 || r.Items != 2 {
		t.Errorf("good feed report = %+v, want 2 items added", r)
	}
	if r := byID[broken.ID]; r.Err == nil || !strings.Contains(r.Err.Error(), "500") {
		t.Errorf("broken feed report = %+v, want a 500 error", r)
	}
	if got := srv.pageHits.Load(); got != 1 {
		t.Errorf("page fetched %d times, want 1 (only the teaser item)", got)
	}

	arts, err := s.Search(ctx, Query{Words: []string{"finance"}})
	if err != nil || len(arts) != 1 {
		t.Fatalf("search finance = %d articles, %v", len(arts), err)
	}
	a := arts[0]
	if !strings.HasSuffix(a.URL, "/world/seoul-tokyo-finance") {
		t.Errorf("URL = %q, want the canonical link without utm_source", a.URL)
	}
	if !strings.Contains(a.Text, "currency swaps") || !strings.Contains(a.Text, "## A thaw that began last year") {
		t.Errorf("text was not taken from the page with its heading:\n%s", a.Text)
	}
	for _, furniture := range []string{"Most read", "Stocks rally", "Copyright"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("text keeps site furniture %q:\n%s", furniture, a.Text)
		}
	}
	if want := time.Date(2024, 3, 11, 6, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published = %v, want %v (from the feed item)", a.Published, want)
	}
	if a.FeedID != good.ID || a.Source != "Harbour Tribune" {
		t.Errorf("feed id %d source %q, want %d and the page's site name", a.FeedID, a.Source, good.ID)
	}

	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		switch f.ID {
		case good.ID:
			if f.Failures != 0 || f.ETag != `"v1"` || !f.NextPoll.Equal(clock.Add(time.Hour)) || f.Articles != 2 {
				t.Errorf("good feed state = %+v", f)
			}
		case broken.ID:
			if f.Failures != 1 || !strings.Contains(f.LastError, "500") || !f.NextPoll.After(clock) {
				t.Errorf("broken feed state = %+v", f)
			}
		case busy.ID:
			if f.Failures != 1 || f.NextPoll.Before(clock.Add(2*time.Hour)) {
				t.Errorf("rate-limited feed next poll = %v, want at least Retry-After (2h) away", f.NextPoll)
			}
		}
	}

	// Nothing is due until the interval passes; then the feed answers 304
	// and the items are not fetched again.
	if reports, _ := p.PollDue(ctx); len(reports) != 0 {
		t.Errorf("polled %d feeds before any was due", len(reports))
	}
	clock = clock.Add(61 * time.Minute)
	reports, err = p.PollDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if r.FeedID == good.ID && !r.NotModified {
			t.Errorf("second poll = %+v, want not modified", r)
		}
	}
	if got := srv.pageHits.Load(); got != 1 {
		t.Errorf("page fetched %d times after the second poll, want 1", got)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 2 {
		t.Errorf("articles = %d, want 2", st.Articles)
	}
}

// When the store cannot say whether an item is known, the poll fails with
// the store's error before any article page is fetched.
func TestPollStoreFailureFetchesNoPage(t *testing.T) {
	ctx := context.Background()
	srv := newFeedServer(t)
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.InsertFeed(ctx, srv.URL+"/feed.xml", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second})
	p := NewPoller(s, NewIngester(s, testTagger, nil), client, nil, nil)
	s.Close()
	rep := p.PollFeed(ctx, f)
	if rep.Err == nil || !strings.Contains(rep.Err.Error(), "look up URL") {
		t.Errorf("poll error = %v, want the store's URL look-up error", rep.Err)
	}
	if got := srv.pageHits.Load(); got != 0 {
		t.Errorf("article page fetched %d times, want 0", got)
	}
}
