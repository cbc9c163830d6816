package sources_test

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
	"attache/sources/storetest"
)

// A wire story filed short, then again longer under the same headline and
// a new URL: the first three paragraphs, then the update.
const (
	flashBody = `Dock workers at the port of Valmora walked off the job on Tuesday morning, halting the loading of grain and fertiliser ships, a union official said.

The strike was called after talks on a new wage agreement broke down late on Monday, the official told reporters outside the harbour gates.

About forty vessels were waiting at anchor, according to the port authority, which said it hoped the stoppage would be brief.`

	updateBody = flashBody + `

By the afternoon the regional labour ministry had invited both sides to resume talks on Wednesday, and the union said it would keep the strike going until then.

Exporters warned that a stoppage lasting more than a few days would delay shipments already sold for delivery next month, and freight brokers said charter rates for the route had begun to rise.

The port handles about a fifth of the country's grain exports and most of its fertiliser imports.

Union leaders said their members had gone without a rise for three years while prices of food and fuel climbed, and that the employers' final offer would not cover the increase in rents in the harbour district alone.

The port operators' association said in a statement that it had offered a staged increase over two years, tied to new shift patterns, and accused the union of walking away from an agreement that was almost complete.

Shipping agents said some vessels had already been diverted to the smaller terminal at Castelbruno, two days' sailing to the south, where cranes and storage are limited.

Farmers' groups asked the government to intervene, saying silos inland were nearly full after a large harvest and that lorries were queuing on the coast road.`
)

// wireVersions are the two versions, nine minutes apart, the second's
// title in capitals and with a double space.
func wireVersions() (flash, update sources.Article) {
	at := time.Date(2024, 3, 12, 8, 30, 0, 0, time.UTC)
	flash = sources.Article{Title: "Dock strike halts grain loading at Valmora", URL: "https://wire.example/2024/valmora-strike-1", Source: "Example Wire", Published: at, Text: flashBody}
	update = sources.Article{Title: "DOCK STRIKE HALTS  GRAIN LOADING AT VALMORA", URL: "https://wire.example/2024/valmora-strike-2", Source: "Example Wire", Published: at.Add(9 * time.Minute), Text: updateBody}
	return flash, update
}

// ingestApart ingests each group as a batch of its own and returns the
// results in the order of the articles.
func ingestApart(t *testing.T, in *sources.Ingester, groups ...[]sources.Article) []sources.Result {
	t.Helper()
	var out []sources.Result
	for _, g := range groups {
		res, err := in.Ingest(context.Background(), g, nil)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res...)
	}
	return out
}

func TestRefileJoinsItsStory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		flash, update := wireVersions()
		if c := sources.TextContainment(flashBody, updateBody); c != 1 {
			t.Fatalf("containment of the flash in the update = %.2f, want 1", c)
		}
		// The sketch alone would keep them apart: the rule under test
		// joins them.
		if sim := sources.SketchText(flashBody).Similarity(sources.SketchText(updateBody)); sim >= sources.StoryThreshold {
			t.Fatalf("sketch similarity = %.2f, want under %.2f", sim, sources.StoryThreshold)
		}
		cases := []struct {
			name   string
			groups [][]sources.Article
		}{
			{"short then long, one batch", [][]sources.Article{{flash, update}}},
			{"long then short, one batch", [][]sources.Article{{update, flash}}},
			{"short then long, two batches", [][]sources.Article{{flash}, {update}}},
			{"long then short, two batches", [][]sources.Article{{update}, {flash}}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s := e.Open(t, sources.StoreOptions{})
				in := sources.NewIngester(s, testTagger, func() time.Time { return day(20).AddDate(0, 1, 0) })
				res := ingestApart(t, in, c.groups...)
				if res[0].Outcome != sources.Added || res[1].Outcome != sources.Added {
					t.Fatalf("outcomes = %s, %s; want both added", res[0].Outcome, res[1].Outcome)
				}
				if res[0].StoryID != res[1].StoryID {
					t.Errorf("story ids = %d and %d, want one story", res[0].StoryID, res[1].StoryID)
				}
				st, err := s.Stats(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if st.Stories != 1 {
					t.Errorf("stories = %d, want 1", st.Stories)
				}
			})
		}
	})
}

func TestRefileRuleKeepsOtherArticlesApart(t *testing.T) {
	// A headline a wire uses every day over a different list: the set
	// phrases recur, the content does not.
	listBody := func(firms ...string) string {
		var b strings.Builder
		b.WriteString("The following companies told the securities regulator that they plan to sell shares or notes to the public:\n\n")
		for _, f := range firms {
			b.WriteString(f)
			b.WriteString("\n\n")
		}
		b.WriteString("Filings are listed as received and may be changed before the sale.")
		return b.String()
	}
	at := time.Date(2024, 3, 12, 8, 30, 0, 0, time.UTC)
	monday := sources.Article{Title: "Share sales filed with the regulator", URL: "https://wire.example/filings/1", Source: "Example Wire", Published: at,
		Text: listBody("Harbour Light Foods Inc - two million common shares through a group led by Pike and Lantern.",
			"Northgate Rail Holdings - 150 million dollars of ten-year notes through Orchard Securities.",
			"Silverbirch Software Corp - an initial offering of 900,000 shares at 11 to 13 dollars each.")}
	tuesday := sources.Article{Title: "Share sales filed with the regulator", URL: "https://wire.example/filings/2", Source: "Example Wire", Published: at.Add(20 * time.Hour),
		Text: listBody("Copperfield Mining Ltd - 40 million dollars of convertible debentures due in 2034.",
			"Bluewater Ferries Co - a secondary offering of 1.2 million shares held by its founders.",
			"Meadowlark Health Systems - 75 million dollars of senior notes through Quarry Capital.")}
	flash, update := wireVersions()
	otherSource := update
	otherSource.URL, otherSource.Source = "https://herald.example/valmora", "Example Herald"
	later := update
	later.URL, later.Published = "https://wire.example/2024/valmora-strike-3", flash.Published.Add(72*time.Hour)

	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		for _, c := range []struct {
			name string
			a, b sources.Article
		}{
			{"a recurring headline over different lists", monday, tuesday},
			{"the same title from another source", flash, otherSource},
			{"the same title three days later", flash, later},
		} {
			t.Run(c.name, func(t *testing.T) {
				s := e.Open(t, sources.StoreOptions{})
				in := sources.NewIngester(s, testTagger, func() time.Time { return day(20).AddDate(0, 1, 0) })
				res := ingestApart(t, in, []sources.Article{c.a}, []sources.Article{c.b})
				if res[0].Outcome != sources.Added || res[1].Outcome != sources.Added {
					t.Fatalf("outcomes = %s, %s; want both added", res[0].Outcome, res[1].Outcome)
				}
				if res[0].StoryID == res[1].StoryID {
					t.Errorf("both in story %d, want two stories", res[0].StoryID)
				}
			})
		}
	})
}

// An article updated in place under a new title loses its old title key,
// and the new one is written; removing the sample removes its keys.
func TestRetitledArticleLosesItsTitleKey(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		db := e.New(t)
		s := db.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, func() time.Time { return day(20).AddDate(0, 1, 0) })
		flash, _ := wireVersions()
		flash.Sample = true
		res := ingestApart(t, in, []sources.Article{flash})
		id := res[0].ID
		oldKey := sources.TitleKey(flash.Source, flash.Title)
		if n := bucketRows(t, db, oldKey, id); n != 1 {
			t.Fatalf("title key rows of the new article = %d, want 1", n)
		}
		retitled := flash
		retitled.Title = "Valmora dockers strike over pay"
		retitled.Text = flashBody + "\n\nThe union represents about 3,000 workers."
		res = ingestApart(t, in, []sources.Article{retitled})
		if res[0].Outcome != sources.Updated || res[0].ID != id {
			t.Fatalf("update = %+v, want updated %d", res[0], id)
		}
		if n := bucketRows(t, db, oldKey, id); n != 0 {
			t.Errorf("old title key rows after the update = %d, want 0", n)
		}
		newKey := sources.TitleKey(retitled.Source, retitled.Title)
		if n := bucketRows(t, db, newKey, id); n != 1 {
			t.Errorf("new title key rows after the update = %d, want 1", n)
		}
		if _, err := s.RemoveSample(ctx); err != nil {
			t.Fatal(err)
		}
		if n := bucketRows(t, db, newKey, id); n != 0 {
			t.Errorf("title key rows of the removed article = %d, want 0", n)
		}
	})
}

// A store made before title keys gets them when it is opened for
// writing, once: a refile ingested afterwards finds its stored version.
func TestOlderStoreGetsTitleKeys(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		db := e.New(t)
		s := db.Open(t, sources.StoreOptions{})
		now := func() time.Time { return day(20).AddDate(0, 1, 0) }
		flash, update := wireVersions()
		res := ingestApart(t, sources.NewIngester(s, testTagger, now), []sources.Article{flash})
		key := sources.TitleKey(flash.Source, flash.Title)
		// As the code before wrote it: no title key, no mark.
		rawCount(t, db, `DELETE FROM story_buckets WHERE bucket = ?`, key)
		rawCount(t, db, `DELETE FROM settings WHERE key = ?`, sources.TitleKeysSetting)
		s.Close()

		s = db.Open(t, sources.StoreOptions{})
		if n := bucketRows(t, db, key, res[0].ID); n != 1 {
			t.Fatalf("title key rows after opening = %d, want 1", n)
		}
		if v, ok, err := s.Setting(context.Background(), sources.TitleKeysSetting); err != nil || !ok || v != "1" {
			t.Fatalf("setting %s = %q, %v, %v; want 1", sources.TitleKeysSetting, v, ok, err)
		}
		more := ingestApart(t, sources.NewIngester(s, testTagger, now), []sources.Article{update})
		if more[0].StoryID != res[0].StoryID {
			t.Errorf("refile's story = %d, want the stored version's %d", more[0].StoryID, res[0].StoryID)
		}
	})
}

// bucketRows counts the story-bucket rows of (key, id) in the database
// itself.
func bucketRows(t *testing.T, db storetest.Database, key, id int64) int {
	t.Helper()
	return rawCount(t, db, `SELECT count(*) FROM story_buckets WHERE bucket = ? AND article_id = ?`, key, id)
}

// rawCount runs a statement on the database itself, past the store, with
// "?" placeholders; for a query it returns the first column of its one
// row.
func rawCount(t *testing.T, db storetest.Database, query string, args ...any) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	url := db.URL()
	if path, ok := strings.CutPrefix(url, "sqlite:"); ok {
		conn, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if strings.HasPrefix(query, "SELECT") {
			err = conn.QueryRowContext(ctx, query, args...).Scan(&n)
		} else {
			_, err = conn.ExecContext(ctx, query, args...)
		}
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i := 1; strings.Contains(query, "?"); i++ {
		query = strings.Replace(query, "?", "$"+strconv.Itoa(i), 1)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if strings.HasPrefix(query, "SELECT") {
		err = conn.QueryRow(ctx, query, args...).Scan(&n)
	} else {
		_, err = conn.Exec(ctx, query, args...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return n
}
