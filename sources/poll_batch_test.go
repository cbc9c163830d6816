package sources

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"attache/sources/fetch"
)

// pageWords make each generated article distinct, so that none is taken
// for a near-duplicate of another.
var pageWords = strings.Fields(`ministers envoys delegates negotiators talks summit accord treaty
sanctions tariffs exports imports shipping ports carriers frigates drills exercises patrols
border ceasefire pipeline grain fertiliser satellites semiconductors batteries reactors loans
bonds currency swaps budget parliament senate cabinet coalition election ballot referendum
refugees asylum visas students scholars museums festivals orchestras athletes stadiums
fisheries whaling forests rivers dams glaciers drought floods earthquakes vaccines hospitals
railways highways bridges tunnels airports airlines pilots engineers miners farmers dockworkers`)

// articlePage is an article page with n distinct paragraphs about Japan
// and Italy.
func articlePage(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><title>Talks %d | Harbour Tribune</title>
<meta property="og:site_name" content="Harbour Tribune"></head><body><article><h1>Japan and Italy, round %d</h1>`, i, i)
	for p := 0; p < 6; p++ {
		b.WriteString("<p>Officials from Japan and Italy discussed")
		for w := 0; w < 40; w++ {
			b.WriteString(" " + pageWords[r.IntN(len(pageWords))])
		}
		fmt.Fprintf(&b, " in meeting %d, paragraph %d.</p>", i, p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// A long poll stores its articles in batches as it goes: when it is
// stopped half-way, what it fetched is in the store, the feed is not marked
// failing, and the next poll takes up the rest without fetching the stored
// items again.
func TestPollCommitsInBatches(t *testing.T) {
	const items, blockAt = 60, 35
	reached := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	fetched := map[int]int{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer once.Do(func() { close(release) })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Tribune</title><link>`+srv.URL+`/</link>`)
		for i := 1; i <= items; i++ {
			fmt.Fprintf(w, `<item><title>Japan and Italy, round %d</title><link>%s/p/%d</link><pubDate>Mon, 11 Mar 2024 06:%02d:00 GMT</pubDate><description>Talks went on…</description></item>`, i, srv.URL, i, i%60)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	blocked := true
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/p/%d", &i)
		mu.Lock()
		fetched[i]++
		block := blocked && i == blockAt
		mu.Unlock()
		if block {
			close(reached)
			<-release
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(i))
	})

	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "corpus.db"), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f, err := s.InsertFeed(ctx, srv.URL+"/feed.xml", "", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	client := fetch.New(fetch.Options{AllowPrivate: true, Timeout: time.Minute})
	p := NewPoller(s, NewIngester(s, testTagger, nil), client, nil, nil)
	p.MaxItems, p.BatchSize = 100, 10

	pollCtx, stop := context.WithCancel(ctx)
	done := make(chan PollReport)
	go func() { done <- p.PollFeed(pollCtx, f) }()
	<-reached
	// Items 1..34 are fetched: three whole batches are committed.
	if st, err := s.Stats(ctx); err != nil || st.Articles != 30 {
		t.Errorf("while the poll is under way the store has %d articles (%v), want the 30 of three batches", st.Articles, err)
	}
	stop()
	rep := <-done
	once.Do(func() { close(release) })
	if !rep.Stopped || rep.Added != blockAt-1 {
		t.Errorf("stopped poll report = %+v, want stopped with %d added", rep, blockAt-1)
	}
	if st, _ := s.Stats(ctx); st.Articles != blockAt-1 {
		t.Errorf("after the stop the store has %d articles, want %d", st.Articles, blockAt-1)
	}
	if got, _ := s.Feed(ctx, f.ID); got.Failures != 0 || got.ETag != "" {
		t.Errorf("feed after a stopped poll = %+v, want no failure and no validators recorded", got)
	}

	mu.Lock()
	blocked = false
	mu.Unlock()
	rep = p.PollFeed(ctx, f)
	if rep.Err != nil || rep.Known != blockAt-1 || rep.Added != items-blockAt+1 {
		t.Errorf("next poll = %+v, want %d known and %d added", rep, blockAt-1, items-blockAt+1)
	}
	mu.Lock()
	defer mu.Unlock()
	for i := 1; i < blockAt; i++ {
		if fetched[i] != 1 {
			t.Errorf("page %d fetched %d times, want once", i, fetched[i])
		}
	}
}
