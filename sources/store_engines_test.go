package sources_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
	"attache/sources/synth"
)

// engineCorpus is a run of batches that exercises every save rule: new
// articles, exact duplicates under other URLs, near-duplicates (one
// story), updates and unchanged repeats of stored URLs, duplicates within
// one batch, a publication second that overflows, and batches out of
// publication order.
func engineCorpus() [][]sources.Article {
	end := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	gen := synth.New(7, end.AddDate(0, -2, 0), 60*24*time.Hour)
	rng := rand.New(rand.NewPCG(7, 11))
	var batches [][]sources.Article
	var stored []sources.Article
	for b := 0; b < 6; b++ {
		var batch []sources.Article
		for i := 0; i < 150; i++ {
			a := gen.Article()
			switch r := rng.IntN(10); {
			case r == 0 && len(stored) > 0: // the same text under another URL
				a.Text = stored[rng.IntN(len(stored))].Text
			case r == 1 && len(stored) > 0: // the same story, lightly edited
				src := stored[rng.IntN(len(stored))]
				a.Text = "BRUSSELS (Example) —\n\n" + src.Text + "\n\nReporting by the desk."
			case r == 2 && len(stored) > 0: // a stored URL again, changed
				src := stored[rng.IntN(len(stored))]
				a.URL, a.Text = src.URL, src.Text+"\n\nThis article was updated with a correction."
			case r == 3 && len(stored) > 0: // a stored URL again, unchanged
				a = stored[rng.IntN(len(stored))]
			case r == 4 && len(batch) > 0: // a duplicate within the batch
				a.Text = batch[rng.IntN(len(batch))].Text
			}
			batch = append(batch, a)
		}
		if b == 3 {
			// 1,005 articles published in one second: the second's 1,000
			// ids run out.
			at := end.AddDate(0, -1, 0)
			for i := 0; i < 1005; i++ {
				batch = append(batch, sources.Article{Title: fmt.Sprintf("Flash %d", i), URL: fmt.Sprintf("https://flash.example/%d", i),
					Source: "Flash", Published: at, Text: fmt.Sprintf("Flash item number %d about Japan and Italy.", i)})
			}
		}
		stored = append(stored, batch...)
		batches = append(batches, batch)
	}
	// The last batches are older than the first ones.
	slices.Reverse(batches[4:])
	return batches
}

// The same articles saved by both engines get the same outcomes, ids,
// story ids and duplicates, and read back alike: the country index in the
// same order, full-text matches as the same sets, the same words known.
func TestEnginesAgree(t *testing.T) {
	storetest.PostgresURL(t)
	ctx := context.Background()
	fetched := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	var stores []sources.Store
	var results [][]sources.Result
	for _, e := range storetest.Engines() {
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, func() time.Time { return fetched })
		in.BatchSize = 400
		var all []sources.Result
		for _, batch := range engineCorpus() {
			res, err := in.Ingest(ctx, batch, nil)
			if err != nil {
				t.Fatalf("%s: %v", e.Name, err)
			}
			all = append(all, res...)
		}
		stores = append(stores, s)
		results = append(results, all)
	}
	outcomes := map[sources.Outcome]int{}
	for i := range results[0] {
		if a, b := results[0][i], results[1][i]; a != b {
			t.Fatalf("article %d: SQLite %+v, PostgreSQL %+v", i, a, b)
		}
		outcomes[results[0][i].Outcome]++
	}
	for _, o := range []sources.Outcome{sources.Added, sources.Duplicate, sources.Updated, sources.Unchanged} {
		if outcomes[o] == 0 {
			t.Errorf("the corpus made no %s article: %v", o, outcomes)
		}
	}
	sqlite, pg := stores[0], stores[1]

	statsA, err := sqlite.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	statsB, err := pg.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if statsA.Articles != statsB.Articles || statsA.Stories != statsB.Stories || statsA.Countries != statsB.Countries || statsA.Sources != statsB.Sources {
		t.Errorf("stats differ: SQLite %+v, PostgreSQL %+v", statsA, statsB)
	}
	if statsA.Stories >= statsA.Articles {
		t.Errorf("%d stories of %d articles: the near-duplicates made no story", statsA.Stories, statsA.Articles)
	}

	end := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, pair := range [][]string{{"JP", "IT"}, {"IT", "FR"}, {"CN"}, {"JP", "CN", "IT"}} {
		for _, days := range []int{3, 10, 70} {
			a, errA := sqlite.ArticlesMentioning(ctx, pair, end.AddDate(0, 0, -days), end, 50)
			b, errB := pg.ArticlesMentioning(ctx, pair, end.AddDate(0, 0, -days), end, 50)
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			if !slices.Equal(ids(a), ids(b)) {
				t.Errorf("%v in %d days: SQLite %v, PostgreSQL %v", pair, days, ids(a), ids(b))
			}
			if len(a) > 0 && !equalArticles(a[0], b[0]) {
				t.Errorf("article %d reads back differently:\n%+v\n%+v", a[0].ID, a[0], b[0])
			}
		}
	}

	// Words of every frequency, alone, in pairs, with alternatives and
	// as phrases: the same articles match.
	sample, err := sqlite.Search(ctx, sources.Query{Limit: 30})
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, a := range sample {
		f := strings.Fields(a.Text)
		words = append(words, f[len(f)/3], f[len(f)/2])
	}
	words = append(words, "correction", "japan", "the", "Reporting by", "co-operation", "updated|flash", "!!!", "zzzqqq")
	for i, w := range words {
		for _, q := range []sources.Query{
			{Words: []string{w}, Limit: 2000},
			{Words: []string{w, words[(i+1)%len(words)]}, Limit: 2000},
			{Words: []string{w}, Countries: []string{"JP"}, Since: end.AddDate(0, 0, -20), Until: end, Limit: 2000},
		} {
			a, errA := sqlite.Search(ctx, q)
			b, errB := pg.Search(ctx, q)
			if errA != nil || errB != nil {
				t.Fatalf("%+v: %v, %v", q, errA, errB)
			}
			ia, ib := ids(a), ids(b)
			slices.Sort(ia)
			slices.Sort(ib)
			if !slices.Equal(ia, ib) {
				t.Errorf("search %q: SQLite matched %d, PostgreSQL %d", q.Words, len(ia), len(ib))
			}
		}
		ka, errA := sqlite.HasWord(ctx, w)
		kb, errB := pg.HasWord(ctx, w)
		if errA != nil || errB != nil || ka != kb {
			t.Errorf("HasWord(%q): SQLite %v %v, PostgreSQL %v %v", w, ka, errA, kb, errB)
		}
	}

	var stories []int64
	for _, r := range results[0] {
		if r.StoryID != 0 {
			stories = append(stories, r.StoryID)
		}
	}
	oa, errA := sqlite.StoryOutlets(ctx, stories)
	ob, errB := pg.StoryOutlets(ctx, stories)
	if errA != nil || errB != nil || fmt.Sprint(oa) != fmt.Sprint(ob) {
		t.Errorf("story outlets differ: %v %v", errA, errB)
	}
	fa, errA := sqlite.StoryFirstSeen(ctx, stories)
	fb, errB := pg.StoryFirstSeen(ctx, stories)
	if errA != nil || errB != nil || fmt.Sprint(fa) != fmt.Sprint(fb) {
		t.Errorf("story first seen differs: %v %v", errA, errB)
	}
}

func equalArticles(a, b sources.Article) bool {
	return a.ID == b.ID && a.URL == b.URL && a.Title == b.Title && a.Source == b.Source && a.Text == b.Text &&
		a.Published.Equal(b.Published) && a.Fetched.Equal(b.Fetched) && slices.Equal(a.Countries, b.Countries) &&
		a.StoryID == b.StoryID && a.FeedID == b.FeedID && a.Sample == b.Sample && a.Byline == b.Byline && a.Lang == b.Lang
}
