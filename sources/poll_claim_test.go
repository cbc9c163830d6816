package sources

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"attache/sources/fetch"
)

// TestPollClaimedSharesTheFeeds: two processes polling one store at once
// fetch each due feed once between them; a feed claimed by a process that
// died is left alone until its lease runs out, then polled.
func TestPollClaimedSharesTheFeeds(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire %[1]s</title><link>%[2]s/</link>
<item><title>Envoys meet over %[1]s</title><link>%[2]s/story%[1]s</link><guid>%[1]s</guid><pubDate>Mon, 11 Mar 2024 06:30:00 GMT</pubDate>
<description><![CDATA[<p>Envoys of France and Germany met on Monday to talk about trade and energy, officials said after the talks. %[1]s</p>]]></description></item>
</channel></rss>`, r.URL.Path, "http://"+r.Host)
	}))
	t.Cleanup(srv.Close)
	clock := time.Date(2024, 3, 11, 9, 0, 0, 0, time.UTC)
	var cmu sync.Mutex
	now := func() time.Time { cmu.Lock(); defer cmu.Unlock(); return clock }
	path := filepath.Join(t.TempDir(), "corpus.db")
	poller := func() (*Poller, Store) {
		s, err := OpenSQLite(ctx, path, StoreOptions{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		p := NewPoller(s, NewIngester(s, testTagger, now), fetch.New(fetch.Options{AllowPrivate: true, Timeout: 10 * time.Second}), nil, now)
		p.FetchFullText = false
		p.Concurrency = 2
		return p, s
	}
	a, st := poller()
	b, _ := poller()
	const feeds = 12
	for i := range feeds {
		if _, err := st.InsertFeed(ctx, fmt.Sprintf("%s/feed%02d.xml", srv.URL, i), "", time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	// A process that died just after claiming the first feed.
	dead, err := st.ClaimDueFeeds(ctx, "dead-process", now(), 10*time.Minute, 1)
	if err != nil || len(dead) != 1 {
		t.Fatalf("claim by the dead process: %v, %v", dead, err)
	}
	var wg sync.WaitGroup
	reports := make([][]PollReport, 2)
	for i, p := range []*Poller{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := p.PollClaimed(ctx, fmt.Sprintf("process-%d", i), 10*time.Minute)
			if err != nil {
				t.Error(err)
			}
			reports[i] = r
		}()
	}
	wg.Wait()
	if n := len(reports[0]) + len(reports[1]); n != feeds-1 {
		t.Errorf("the two processes polled %d feeds, want %d (all but the dead process's)", n, feeds-1)
	}
	for i := range feeds {
		want := 1
		if i == 0 {
			want = 0
		}
		if got := hits[fmt.Sprintf("/feed%02d.xml", i)]; got != want {
			t.Errorf("feed %d fetched %d times, want %d", i, got, want)
		}
	}
	cmu.Lock()
	clock = clock.Add(11 * time.Minute) // the dead process's lease has run out
	cmu.Unlock()
	r, err := a.PollClaimed(ctx, "process-0", 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if len(r) != 1 || r[0].FeedID != dead[0].ID || hits["/feed00.xml"] != 1 {
		t.Errorf("after the lease: polled %+v (feed00 fetched %d times), want the dead process's feed once", r, hits["/feed00.xml"])
	}
}
