package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/briefing"
	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/postgres"
	"attache/sources/storetest"
)

// readerVersion is the version of the rules that read articles for
// timelines.
func readerVersion(t *testing.T) int64 {
	t.Helper()
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	return briefing.NewPairReader(g, briefing.RelevanceRule{}).Version()
}

// sqliteStoreToMigrate makes a SQLite store in data with the sample, some
// articles of a feed, a schedule and its delivery records, as a running
// bot leaves it.
func sqliteStoreToMigrate(t *testing.T, data string) *sources.SQLiteStore {
	t.Helper()
	ctx := context.Background()
	if _, _, err := attache(t, data, "stats"); err != nil { // seeds the sample
		t.Fatal(err)
	}
	st, err := sources.OpenSQLite(ctx, filepath.Join(data, "corpus.db"), sources.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := st.InsertFeed(ctx, "https://wire.example/feed.xml", "Example Wire", 20*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var arts []sources.Article
	for i := range 30 {
		arts = append(arts, sources.Article{Title: fmt.Sprintf("Japan and Italy item %d", i), URL: fmt.Sprintf("https://wire.example/%d", i),
			Source: "Example Wire", Published: time.Date(2025, 1, 1+i%28, 9, 0, 0, 0, time.UTC), FeedID: f.ID,
			Text: fmt.Sprintf("Japan and Italy agreed on step %d of their defence cooperation in Rome.", i)})
	}
	if _, err := sources.NewIngester(st, nil, nil).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	slot := time.Date(2025, 2, 1, 8, 0, 0, 0, time.UTC)
	if _, err := st.PutSchedule(ctx, sources.Schedule{ChannelID: "300", GuildID: "9", Spec: "0 8 * * *", TimeZone: "Europe/Rome", Filter: "japan italy", Thread: true}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.BeginDelivery(ctx, "300", slot, slot.Add(-24*time.Hour), slot); err != nil {
		t.Fatal(err)
	}
	if err := st.FinishDelivery(ctx, "300", slot, sources.DeliverySent, "5551", 3); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.BeginDelivery(ctx, "300", slot.Add(24*time.Hour), slot, slot.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	return st
}

// migrate copies everything, and the copy answers as the original does;
// run again, it copies nothing more.
func TestMigrateToPostgres(t *testing.T) {
	db := storetest.Engines()[1].New(t) // skips without ATTACHE_TEST_POSTGRES
	t.Setenv("DISCORD_TOKEN", "")
	ctx := context.Background()
	data := t.TempDir()
	src := sqliteStoreToMigrate(t, data)

	out, _, err := attache(t, data, "migrate", "--to", db.URL(), "--batch", "7")
	if err != nil {
		t.Fatal(err)
	}
	srcStats, _ := src.Stats(ctx)
	if want := fmt.Sprintf("articles:         %d copied, 0 there already", srcStats.Articles); !strings.Contains(out, want) {
		t.Errorf("migrate said:\n%s\nwant %q", out, want)
	}
	dst := db.Open(t, sources.StoreOptions{})
	// The copy's articles are read for timelines.
	if n, err := dst.CountUnread(ctx, readerVersion(t)); err != nil || n != 0 {
		t.Errorf("%d articles of the copy unread for timelines (%v); want none", n, err)
	}
	if !strings.Contains(out, fmt.Sprintf("read for timelines: %d articles", srcStats.Articles)) {
		t.Errorf("migrate said:\n%s\nwant the articles read for timelines", out)
	}
	dstStats, err := dst.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if dstStats.Articles != srcStats.Articles || dstStats.Stories != srcStats.Stories || dstStats.Feeds != 1 || dstStats.Countries != srcStats.Countries {
		t.Errorf("copy holds %+v, original %+v", dstStats, srcStats)
	}
	// The same ids, texts, feeds and search answers.
	for _, q := range []sources.Query{{Countries: []string{"JP", "IT"}, Limit: 100}, {Words: []string{"defence"}, Limit: 100}} {
		a, _ := src.Search(ctx, q)
		b, err := dst.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ia, ib := articleIDs(a), articleIDs(b)
		slices.Sort(ia)
		slices.Sort(ib)
		if len(ia) == 0 || !slices.Equal(ia, ib) {
			t.Errorf("search %+v: original %v, copy %v", q, ia, ib)
		}
	}
	feeds, _ := dst.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Articles != 30 || feeds[0].Interval != 20*time.Minute {
		t.Errorf("feeds in the copy = %+v", feeds)
	}
	want, _ := src.Schedule(ctx, "300")
	if sc, err := dst.Schedule(ctx, "300"); err != nil || sc != want || !sc.Thread {
		t.Errorf("schedule in the copy = %+v, %v; want %+v", sc, err, want)
	}
	sent, err := dst.Delivery(ctx, "300", time.Date(2025, 2, 1, 8, 0, 0, 0, time.UTC))
	if err != nil || sent.State != sources.DeliverySent || sent.MessageID != "5551" {
		t.Errorf("sent delivery in the copy = %+v, %v", sent, err)
	}
	if pend, _ := dst.PendingDeliveries(ctx); len(pend) != 1 {
		t.Errorf("pending deliveries in the copy = %v, want the one", pend)
	}
	if _, ok, _ := dst.Setting(ctx, "sample_corpus_seeded"); !ok {
		t.Error("the settings were not copied")
	}
	// A new feed in the copy gets a fresh id.
	if f, err := dst.InsertFeed(ctx, "https://other.example/rss", "", time.Hour); err != nil || f.ID <= feeds[0].ID {
		t.Errorf("a feed added after the copy = %+v, %v; want an id after %d", f, err, feeds[0].ID)
	}

	out, _, err = attache(t, data, "migrate", "--to", db.URL())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "articles:         0 copied, 0 there already") {
		t.Errorf("a second migrate said:\n%s\nwant nothing more to copy", out)
	}
	if again, _ := dst.Stats(ctx); again.Articles != srcStats.Articles {
		t.Errorf("after a second migrate the copy holds %d articles, want %d", again.Articles, srcStats.Articles)
	}
}

// A copy stopped part way resumes after the last batch it committed, and
// a copy from the start again skips what is there.
func TestMigrateResumes(t *testing.T) {
	db := storetest.Engines()[1].New(t)
	t.Setenv("DISCORD_TOKEN", "")
	ctx := context.Background()
	data := t.TempDir()
	src := sqliteStoreToMigrate(t, data)
	dst, err := postgres.Open(ctx, db.URL(), sources.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	stop, cancel := context.WithCancel(ctx)
	batches := 0
	clock := time.Now()
	tick := func() time.Time { clock = clock.Add(time.Second); return clock } // every batch shows on the progress line
	m := migration{src: src, dst: dst, key: migrateProgressKey(src.Path()), batch: 10, terminal: true, now: tick,
		progress: writerFunc(func() {
			if batches++; batches == 3 {
				cancel()
			}
		})}
	sum, err := m.run(stop)
	if !errors.Is(err, context.Canceled) || sum.copied != 30 {
		t.Fatalf("stopped copy = %+v, %v; want 30 copied (3 batches) and the cancellation", sum, err)
	}
	m.progress = writerFunc(func() {})
	sum, err = m.run(ctx)
	total, _ := src.CountArticles(ctx, 0)
	if err != nil || sum.copied != total-30 || sum.present != 0 {
		t.Fatalf("resumed copy = %+v, %v; want the other %d copied, none read twice", sum, err, total-30)
	}
	if err := dst.SetSetting(ctx, m.key, "0"); err != nil {
		t.Fatal(err)
	}
	sum, err = m.run(ctx)
	if err != nil || sum.copied != 0 || sum.present != total {
		t.Fatalf("copy from the start again = %+v, %v; want all %d there already", sum, err, total)
	}
}

type writerFunc func()

func (f writerFunc) Write(p []byte) (int, error) {
	if strings.HasPrefix(string(p), "\r") {
		f()
	}
	return len(p), nil
}

func articleIDs(arts []sources.Article) []int64 {
	out := make([]int64, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}
