package sources_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/fetch"
	"attache/sources/storetest"
)

// A site whose feed brings one or two new items at a time: no poll holds
// three of its pages, but the store's record of the pages polled before
// does, and the site's own lines (in words no phrase list holds) are
// removed from each new page as soon as three pages carry them. A
// paragraph that only two stories share stays, and so does everything on
// the pages before the third.
func TestPollComparesWithStoredPages(t *testing.T) {
	ctx := context.Background()
	promo := "Every Thursday the Lantern Gazette prints the tide tables and the ferry times on its back page."
	note := "The Lantern Gazette is written by six volunteers and printed in the old school hall."
	shared := "The pier was built in 1897 and has been closed twice for repairs since the war."
	stories := []string{
		"The council agreed to light the harbour steps after three winters of complaints from fishermen who land their catch before dawn.",
		"A grey seal has been sleeping on the lifeboat slipway every afternoon this week, and the crew have asked walkers to keep their dogs away.",
		"Pupils of the village school painted the bus shelter with a map of the coast path, from the lighthouse to the chapel ruins.",
		"The bakery on Harbour Row will open on Sundays from next month, its owner said, now that the summer ferries run every hour.",
		"Volunteers counted forty-one puffins on the stack at Gull Point, the highest number since the count began eleven years ago.",
	}
	paras := map[int][]string{
		0: {stories[0], promo, note},
		1: {stories[1], shared, promo, note},
		2: {stories[2], shared, promo, note},
		3: {stories[3], promo, note},
		4: {stories[4], note},
	}
	listed := 0 // the feed lists items 0 to listed-1
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n := listed
		mu.Unlock()
		if r.URL.Path == "/feed.xml" {
			var items strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&items, `<item><title>Gazette story %d</title><link>http://%s/story/%d</link><guid>lg-%d</guid>
<pubDate>Tue, 12 Mar 2024 0%d:00:00 GMT</pubDate><description>A teaser.</description></item>`, i, r.Host, i, i, i)
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lantern Gazette</title><link>http://%s/</link>%s</channel></rss>`, r.Host, items.String())
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/story/%d", &i); err != nil || paras[i] == nil {
			http.NotFound(w, r)
			return
		}
		var body strings.Builder
		fmt.Fprintf(&body, "<p>%s</p>", paras[i][0])
		for _, p := range paras[i][1:] {
			fmt.Fprintf(&body, `<div class="strip"><p>%s</p></div>`, p)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Gazette story %d</title></head><body><article><h1>Gazette story %d</h1>%s</article></body></html>`, i, i, body.String())
	}))
	defer srv.Close()
	clock := time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		s := e.Open(t, sources.StoreOptions{Now: now})
		p := sources.NewPoller(s, sources.NewIngester(s, nil, now), fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}), nil, now)
		p.FetchFullText = true
		f, err := s.InsertFeed(ctx, srv.URL+"/feed.xml", "Lantern Gazette", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{2, 3, 5} {
			mu.Lock()
			listed = n
			mu.Unlock()
			if rep := p.PollFeed(ctx, f); rep.Err != nil {
				t.Fatalf("poll of %d items: %+v", n, rep)
			}
		}
		arts, err := s.Search(ctx, sources.Query{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int][]string{
			0: paras[0], 1: paras[1], // two pages: nothing to tell yet
			2: {stories[2], shared},
			3: {stories[3]},
			4: {stories[4]},
		}
		if len(arts) != len(want) {
			t.Fatalf("stored %d articles, want %d", len(arts), len(want))
		}
		for _, a := range arts {
			var i int
			if _, err := fmt.Sscanf(a.URL[strings.LastIndex(a.URL, "/story/"):], "/story/%d", &i); err != nil {
				t.Fatalf("unexpected URL %s", a.URL)
			}
			if got, w := a.Text, strings.Join(want[i], "\n\n"); got != w {
				t.Errorf("story %d stored\n%s\nwant\n%s", i, got, w)
			}
		}
	})
}
