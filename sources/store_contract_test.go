package sources_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// feedIDs lists the ids of feeds.
func feedIDs(fs []sources.Feed) []int64 {
	out := make([]int64, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	return out
}

// Due feeds are claimed by one owner at a time, oldest due first; a
// recorded poll ends the claim, and a claim that runs out gives the feed
// back to the next claimant.
func TestClaimDueFeeds(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		clock := t0
		s := e.Open(t, sources.StoreOptions{Now: func() time.Time { return clock }})
		var added []int64
		for i := range 3 {
			f, err := s.InsertFeed(ctx, fmt.Sprintf("https://news%d.example/feed.xml", i), "", 30*time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			added = append(added, f.ID)
			clock = clock.Add(time.Second) // the first added is the most overdue
		}
		now := clock
		a, err := s.ClaimDueFeeds(ctx, "proc-a", now, 10*time.Minute, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := feedIDs(a), added[:2]; !slices.Equal(got, want) {
			t.Fatalf("proc-a claimed %v, want %v", got, want)
		}
		if a[0].ClaimedBy != "proc-a" || !a[0].ClaimUntil.Equal(now.Add(10*time.Minute)) {
			t.Errorf("claim = %q until %v, want proc-a until %v", a[0].ClaimedBy, a[0].ClaimUntil, now.Add(10*time.Minute))
		}
		b, err := s.ClaimDueFeeds(ctx, "proc-b", now, 10*time.Minute, 5)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := feedIDs(b), added[2:]; !slices.Equal(got, want) {
			t.Fatalf("proc-b claimed %v, want %v (the one proc-a left)", got, want)
		}
		if c, err := s.ClaimDueFeeds(ctx, "proc-c", now, 10*time.Minute, 5); err != nil || len(c) != 0 {
			t.Fatalf("proc-c claimed %v, %v; want nothing while the claims hold", feedIDs(c), err)
		}
		// proc-a polls its first feed and records it: the claim ends and
		// the feed is not due again until its next poll.
		if err := s.RecordPoll(ctx, added[0], sources.PollOutcome{At: now, NextPoll: now.Add(30 * time.Minute)}); err != nil {
			t.Fatal(err)
		}
		f, err := s.Feed(ctx, added[0])
		if err != nil {
			t.Fatal(err)
		}
		if f.ClaimedBy != "" || !f.ClaimUntil.IsZero() {
			t.Errorf("after RecordPoll the claim is %q until %v, want none", f.ClaimedBy, f.ClaimUntil)
		}
		// proc-a dies holding its second feed; proc-b dies holding the
		// third. After the lease both come back, the polled one does not.
		later := now.Add(11 * time.Minute)
		c, err := s.ClaimDueFeeds(ctx, "proc-c", later, 10*time.Minute, 5)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := feedIDs(c), added[1:]; !slices.Equal(got, want) {
			t.Fatalf("after the lease proc-c claimed %v, want %v", got, want)
		}
		due, err := s.DueFeeds(ctx, later)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := feedIDs(due), added[1:]; !slices.Equal(got, want) {
			t.Errorf("DueFeeds = %v, want %v (claimed or not)", got, want)
		}
		if _, err := s.ClaimDueFeeds(ctx, "", later, time.Minute, 1); err == nil {
			t.Error("a claim without an owner was accepted")
		}
	})
}

// Several handles on one store (as several processes have) claiming the
// same due feeds at once never claim a feed twice, and between them claim
// them all.
func TestClaimDueFeedsConcurrently(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		db := e.New(t)
		opt := sources.StoreOptions{Now: func() time.Time { return t0 }}
		first := db.Open(t, opt)
		const feeds = 40
		for i := range feeds {
			if _, err := first.InsertFeed(ctx, fmt.Sprintf("https://site%d.example/rss", i), "", time.Hour); err != nil {
				t.Fatal(err)
			}
		}
		handles := []sources.Store{first, db.Open(t, opt), db.Open(t, opt), db.Open(t, opt)}
		var (
			mu    sync.Mutex
			owner = map[int64]string{}
			wg    sync.WaitGroup
			errs  = make(chan error, len(handles))
		)
		for i, h := range handles {
			wg.Add(1)
			go func() {
				defer wg.Done()
				name := fmt.Sprintf("proc-%d", i)
				for {
					got, err := h.ClaimDueFeeds(ctx, name, t0, time.Minute, 3)
					if err != nil {
						errs <- err
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, f := range got {
						if prev, ok := owner[f.ID]; ok {
							errs <- fmt.Errorf("feed %d claimed by %s and %s", f.ID, prev, name)
						}
						owner[f.ID] = name
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if len(owner) != feeds {
			t.Errorf("%d feeds claimed, want %d", len(owner), feeds)
		}
	})
}

// A store URL names its engine; anything else is refused with the forms
// it accepts, and a password never appears in the message.
func TestParseStoreURL(t *testing.T) {
	for _, c := range []struct{ in, engine, target string }{
		{"sqlite:data/corpus.db", sources.EngineSQLite, "data/corpus.db"},
		{"sqlite:///var/lib/attache/c.db", sources.EngineSQLite, "/var/lib/attache/c.db"},
		{"postgres://attache@db.internal:5432/news", sources.EnginePostgres, "postgres://attache@db.internal:5432/news"},
		{"postgresql://attache@db/news?sslmode=require", sources.EnginePostgres, "postgresql://attache@db/news?sslmode=require"},
	} {
		engine, target, err := sources.ParseStoreURL(c.in)
		if err != nil || engine != c.engine || target != c.target {
			t.Errorf("ParseStoreURL(%q) = %q, %q, %v; want %q, %q", c.in, engine, target, err, c.engine, c.target)
		}
	}
	for _, bad := range []string{"", "sqlite:", "corpus.db", "mysql://u:hunter2@h/db"} {
		_, _, err := sources.ParseStoreURL(bad)
		if err == nil {
			t.Errorf("ParseStoreURL(%q) accepted", bad)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseStoreURL(%q) error shows the password: %v", bad, err)
		}
	}
}

// The bundled sample can be left out of a search, and the store says
// whether it holds articles of its own.
func TestSampleLeftOut(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		day := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
		tag := func(string, time.Time) []string { return []string{"IT", "JP"} }
		in := sources.NewIngester(s, tag, func() time.Time { return day })
		sample := sources.Article{Title: "Sample pact", URL: "sample:pact", Source: "Sample Wire", Published: day,
			Text: "Japan and Italy signed a pact on naval drills in the Pacific.", Sample: true}
		if _, err := in.Ingest(ctx, []sources.Article{sample}, nil); err != nil {
			t.Fatal(err)
		}
		if own, err := s.HasOwnArticles(ctx); err != nil || own {
			t.Fatalf("HasOwnArticles with the sample only = %v, %v; want false", own, err)
		}
		mine := sources.Article{Title: "Fishing talks", URL: "https://news.example/fish", Source: "News", Published: day.Add(time.Hour),
			Text: "Japan and Italy opened talks on tuna quotas in the Mediterranean."}
		if _, err := in.Ingest(ctx, []sources.Article{mine}, nil); err != nil {
			t.Fatal(err)
		}
		if own, err := s.HasOwnArticles(ctx); err != nil || !own {
			t.Fatalf("HasOwnArticles with an article of its own = %v, %v; want true", own, err)
		}
		for _, q := range []sources.Query{
			{Countries: []string{"IT", "JP"}},
			{Words: []string{"japan"}},
			{},
		} {
			all, err := s.Search(ctx, q)
			if err != nil || len(all) != 2 {
				t.Fatalf("Search(%+v) = %d articles, %v; want both", q, len(all), err)
			}
			q.NoSample = true
			own, err := s.Search(ctx, q)
			if err != nil || len(own) != 1 || own[0].Sample {
				t.Fatalf("Search(%+v) = %+v, %v; want only the article of its own", q, own, err)
			}
		}
	})
}

// An article without a date stays undated: it is not dated at ingest,
// which would put it at the top of every recent window; it ranks as older
// than any dated article and is counted apart.
func TestUndatedArticle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		s := e.Open(t, sources.StoreOptions{Now: func() time.Time { return now }})
		in := sources.NewIngester(s, func(string, time.Time) []string { return []string{"RU", "UA"} }, func() time.Time { return now })
		arts := []sources.Article{
			{Title: "Grain corridor talks", URL: "https://news.example/grain", Source: "News", Published: now.Add(-40 * 24 * time.Hour),
				Text: "Russia and Ukraine resumed talks on a grain corridor through the Black Sea."},
			{Title: "A page with no date", URL: "file:///tmp/page.txt", Source: "Local file",
				Text: "Russia and Ukraine are named once in this page about something else."},
			{Title: "A date far ahead", URL: "https://news.example/future", Source: "News", Published: now.Add(400 * 24 * time.Hour),
				Text: "A feed gave this item a date a year ahead, which cannot be right."},
		}
		res, err := in.Ingest(ctx, arts, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Undated || !res[1].Undated || !res[2].Undated {
			t.Fatalf("undated flags = %v %v %v, want false true true", res[0].Undated, res[1].Undated, res[2].Undated)
		}
		got, err := s.Article(ctx, res[1].ID)
		if err != nil || !got.Published.IsZero() {
			t.Fatalf("undated article published = %v (%v), want the zero time", got.Published, err)
		}
		recent, err := s.ArticlesMentioning(ctx, []string{"RU", "UA"}, now.Add(-30*24*time.Hour), time.Time{}, 10)
		if err != nil || len(recent) != 0 {
			t.Fatalf("last 30 days = %d articles (%v), want none: the undated page is not new", len(recent), err)
		}
		all, err := s.ArticlesMentioning(ctx, []string{"RU", "UA"}, time.Time{}, time.Time{}, 10)
		if err != nil || len(all) != 3 || all[0].ID != res[0].ID {
			t.Fatalf("all time = %+v (%v), want the dated article first", all, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Undated != 2 || !st.Oldest.Equal(arts[0].Published) || !st.Newest.Equal(arts[0].Published) {
			t.Errorf("stats undated %d, oldest %v, newest %v; want 2 and the dated article's date", st.Undated, st.Oldest, st.Newest)
		}
	})
}
