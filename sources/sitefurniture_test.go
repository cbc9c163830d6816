package sources

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/sources/fetch"
)

// A feed of four full-text items from one site, each ending with the
// site's own subscription line and disclaimer, in words no phrase list
// holds: the poll stores the articles without them.
func TestPollRemovesSiteFurniture(t *testing.T) {
	ctx := context.Background()
	promo := "Readers of the Quayside Courier get the weekend edition delivered with their Saturday bread."
	note := "The Quayside Courier is owned by the trust of its readers and answers to them alone."
	stories := []string{
		"The harbour board approved a second ferry berth on Tuesday after two years of planning. Its chairman said the berth would double the summer timetable, cut queues on the slipway and let the island ferry run even when the north wind closes the old landing stage.",
		"Fishing crews agreed to share the cold store on the east quay until the new one opens. Skippers will book space a week ahead, the co-operative will pay the electricity, and any catch left for more than three days will be sold at the Friday auction.",
		"The lifeboat station will open its doors to visitors on the first Sunday of every month. Volunteers will show children the tractor that launches the boat, explain the pager alarms, and collect donations for a new set of dry suits before the winter.",
		"Work on the sea wall at Gull Point starts in March and should last two summers. Engineers will drive steel piles in front of the crumbling stone, fill the gap with rock from the quarry, and close the coastal path between the chapel and the lighthouse.",
	}
	var items strings.Builder
	for i := range stories {
		fmt.Fprintf(&items, `<item><title>Harbour story %d</title><link>%%[1]s/news/%d</link><guid>qc-%d</guid>
<pubDate>Mon, 11 Mar 2024 0%d:00:00 GMT</pubDate><description>A short teaser.</description></item>`, i, i, i, i)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Quayside Courier</title><link>%[1]s/</link>`+items.String()+`</channel></rss>`, "http://"+r.Host)
			return
		}
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/news/%d", &n); err != nil || n < 0 || n >= len(stories) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>Harbour story %d</title></head><body><article><h1>Harbour story %d</h1>
<p>%s</p><div class="box"><p>%s</p><p>%s</p></div></article></body></html>`, n, n, stories[n], promo, note)
	}))
	defer srv.Close()
	clock := time.Date(2024, 3, 11, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := NewPoller(s, NewIngester(s, testTagger, now), fetch.New(fetch.Options{AllowPrivate: true, Timeout: 5 * time.Second}), nil, now)
	f, err := s.InsertFeed(ctx, srv.URL+"/feed.xml", "Quayside Courier", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if rep := p.PollFeed(ctx, f); rep.Err != nil || rep.Added != 4 {
		t.Fatalf("poll: %+v; want 4 articles added", rep)
	}
	arts, err := s.Search(ctx, Query{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 4 {
		t.Fatalf("stored %d articles, want 4", len(arts))
	}
	for _, a := range arts {
		var n int
		if i := strings.LastIndex(a.URL, "/news/"); i < 0 || func() bool { _, err := fmt.Sscanf(a.URL[i:], "/news/%d", &n); return err != nil }() {
			t.Fatalf("stored an unexpected URL %s", a.URL)
		}
		if a.Text != stories[n] {
			t.Errorf("%s stored\n%s\nwant the story alone, without the site's lines:\n%s", a.URL, a.Text, stories[n])
		}
	}
}
