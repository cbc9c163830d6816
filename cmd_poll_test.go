package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"attache/sources"
)

// `poll --all` polls with the same worker pool and per-host limit as the
// scheduled polls: feeds that hang do not hold back the others, and no
// host gets more requests at once than feeds.per_host.
func TestPollAllUsesThePool(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	goodDone := make(chan struct{})
	var goodOnce sync.Once
	var mu sync.Mutex
	goodHits, hanging, mostHanging := 0, 0, 0
	rss := func(title string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>` + title + `</title><link>https://example.com/</link></channel></rss>`
	}
	// The slow host answers only once both feeds of the good host are in.
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hanging++
		mostHanging = max(mostHanging, hanging)
		mu.Unlock()
		defer func() { mu.Lock(); hanging--; mu.Unlock() }()
		select {
		case <-goodDone:
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, rss("Slow "+r.URL.Path))
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	good := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Good "+r.URL.Path))
		mu.Lock()
		goodHits++
		if goodHits == 2 {
			goodOnce.Do(func() { close(goodDone) })
		}
		mu.Unlock()
	}))
	defer good.Close()
	// Another host name for the same loopback address.
	goodBase := strings.Replace(good.URL, "127.0.0.1", "localhost", 1)

	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("sample_corpus: false\nfeeds:\n  allow_private: true\n  concurrency: 5\n  per_host: 2\n  timeout: 30s\n"), 0o600)
	ctx := context.Background()
	st, err := sources.OpenSQLite(ctx, filepath.Join(data, "corpus.db"), sources.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The hanging feeds come first, as in the adversarial run.
	for _, u := range []string{slow.URL + "/1", slow.URL + "/2", slow.URL + "/3", goodBase + "/a", goodBase + "/b"} {
		if _, err := st.InsertFeed(ctx, u, "", time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	out, _, err := attache(t, data, "--config", cfg, "poll", "--all")
	if err != nil {
		t.Fatalf("poll --all = %v\n%s", err, out)
	}
	for id := 1; id <= 5; id++ {
		if want := fmt.Sprintf("feed %d  0 items", id); !strings.Contains(out, want) {
			t.Errorf("poll --all lacks %q (each feed polled):\n%s", want, out)
		}
	}
	if mostHanging > 2 {
		t.Errorf("the slow host had at most %d requests at once, want feeds.per_host (2)", mostHanging)
	}
}
