package sources_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// testTagger is a small tagger for store tests: it tags the codes whose
// words appear in the text. The real gazetteer is tested in briefing/geo.
func testTagger(text string, _ time.Time) []string {
	words := map[string]string{"japan": "JP", "tokyo": "JP", "italy": "IT", "rome": "IT", "france": "FR", "china": "CN"}
	var codes []string
	lower := strings.ToLower(text)
	for w, code := range words {
		if strings.Contains(lower, w) && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

const wireBody = `Japan and Italy agreed on Monday to deepen their defence cooperation, including joint work on a next-generation fighter jet with Britain, after the two prime ministers met in Tokyo.

The leaders also discussed Italy's presidency of the Group of Seven this year and said they would hold the first talks between their foreign and defence ministries in March.

An Italian aircraft carrier group is expected to call at Japanese ports in the summer and train with the Maritime Self-Defense Force, officials said.

Both governments repeated their support for Ukraine and their concern about China's growing military activity around Taiwan and in the East China Sea.`

func day(d int) time.Time { return time.Date(2024, 2, d, 9, 0, 0, 0, time.UTC) }

func ids(arts []sources.Article) []int64 {
	out := make([]int64, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

func TestIngestIdempotentAndUpdated(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, func() time.Time { return day(20) })
		a := sources.Article{Title: "Japan and Italy deepen defence ties", URL: "https://wire.example/world/japan-italy?utm_source=rss", Source: "Example Wire", Published: day(5), Text: wireBody}

		res, err := in.Ingest(ctx, []sources.Article{a}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Outcome != sources.Added || res[0].ID == 0 {
			t.Fatalf("first ingest = %+v, want added", res[0])
		}
		id := res[0].ID

		res, err = in.Ingest(ctx, []sources.Article{a}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Outcome != sources.Unchanged || res[0].ID != id {
			t.Fatalf("second ingest = %+v, want unchanged %d", res[0], id)
		}

		changed := a
		changed.URL = "https://wire.example/world/japan-italy#top" // same canonical URL
		changed.Text = wireBody + "\n\nThe leaders will meet again at the summit in Apulia in June."
		res, err = in.Ingest(ctx, []sources.Article{changed}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Outcome != sources.Updated || res[0].ID != id {
			t.Fatalf("changed ingest = %+v, want updated %d", res[0], id)
		}
		got, err := s.Search(ctx, sources.Query{Words: []string{"apulia"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != id {
			t.Fatalf("search for the new word = %v, want article %d", ids(got), id)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 1 {
			t.Fatalf("articles = %d, want 1", st.Articles)
		}
		art, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if art.URL != "https://wire.example/world/japan-italy" {
			t.Errorf("stored URL = %q, want the canonical form", art.URL)
		}
		if !slices.Equal(art.Countries, []string{"CN", "IT", "JP"}) {
			t.Errorf("countries = %v, want [CN IT JP]", art.Countries)
		}
		if !art.Published.Equal(day(5)) {
			t.Errorf("published = %v, want %v", art.Published, day(5))
		}
	})
}

func TestIngestDuplicatesAndStories(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, func() time.Time { return day(20) })

		original := sources.Article{Title: "Japan, Italy to deepen defence ties", URL: "https://wire.example/a1", Source: "Example Wire", Published: day(5), Text: wireBody}
		exact := sources.Article{Title: "Same text elsewhere", URL: "https://mirror.example/copy", Source: "Mirror", Published: day(5), Text: wireBody}
		// The same wire copy under another headline, with the outlet's own
		// opening line, a changed word and a footer.
		syndicated := sources.Article{
			Title:     "Tokyo and Rome draw closer on security",
			URL:       "https://herald.example/asia/tokyo-rome",
			Source:    "Example Herald",
			Published: day(6),
			Text: "TOKYO (Example Herald) —\n\n" + strings.Replace(wireBody, "in the summer", "this summer", 1) +
				"\n\nReporting by the Example Herald staff. Comments are closed.",
		}
		other := sources.Article{
			Title:     "Italy and Japan's fighter jet plan faces budget questions",
			URL:       "https://post.example/gcap-budget",
			Source:    "Example Post",
			Published: day(7),
			Text: `Lawmakers in Rome asked on Wednesday how Italy would pay its share of the fighter jet it is building with Japan and Britain.

	The defence ministry said the cost would be spread over fifteen years and that industry in Turin and Naples would gain thousands of skilled jobs.

	Opposition members said the government had not published the full contract and called for a hearing before the summer recess.`,
		}
		res, err := in.Ingest(ctx, []sources.Article{original, exact, syndicated, other}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Outcome != sources.Added {
			t.Fatalf("original: %+v", res[0])
		}
		if res[1].Outcome != sources.Duplicate || res[1].DuplicateOf != res[0].ID {
			t.Errorf("exact copy = %+v, want duplicate of %d", res[1], res[0].ID)
		}
		if res[2].Outcome != sources.Added || res[2].StoryID != res[0].StoryID {
			t.Errorf("syndicated = %+v, want added in story %d", res[2], res[0].StoryID)
		}
		if res[3].Outcome != sources.Added || res[3].StoryID == res[0].StoryID {
			t.Errorf("other article = %+v, want its own story", res[3])
		}
		outlets, err := s.StoryOutlets(ctx, []int64{res[0].StoryID})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Example Herald", "Example Wire"}; !slices.Equal(outlets[res[0].StoryID], want) {
			t.Errorf("outlets = %v, want %v", outlets[res[0].StoryID], want)
		}
	})
}

func TestCountryIndexAndWindow(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, func() time.Time { return day(28) })
		var arts []sources.Article
		texts := []string{
			"Japan and Italy held talks on trade.",    // day 1: JP IT
			"Italy and France met in Rome.",           // day 2: IT FR
			"Japan and Italy signed a space pact.",    // day 3: JP IT
			"Japan spoke with China on fisheries.",    // day 4: JP CN
			"Tokyo and Rome agreed on a visa scheme.", // day 5: JP IT
		}
		for i, text := range texts {
			arts = append(arts, sources.Article{Title: "Item", URL: "https://x.example/" + string(rune('a'+i)), Source: "X", Published: day(i + 1), Text: text})
		}
		res, err := in.Ingest(ctx, arts, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticlesMentioning(ctx, []string{"JP", "IT"}, day(2), time.Time{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{res[4].ID, res[2].ID}; !slices.Equal(ids(got), want) {
			t.Errorf("JP+IT since day 2 = %v, want %v (newest first)", ids(got), want)
		}
		got, err = s.ArticlesMentioning(ctx, []string{"IT", "JP"}, time.Time{}, day(3), 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{res[2].ID}; !slices.Equal(ids(got), want) {
			t.Errorf("IT+JP until day 3, limit 1 = %v, want %v", ids(got), want)
		}
		got, err = s.Search(ctx, sources.Query{Words: []string{"pact"}, Countries: []string{"JP"}, Since: day(1)})
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{res[2].ID}; !slices.Equal(ids(got), want) {
			t.Errorf("search pact in JP = %v, want %v", ids(got), want)
		}
		got, err = s.Search(ctx, sources.Query{Words: []string{"talks"}, Since: day(2)})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("search outside the window = %v, want none", ids(got))
		}
		// FTS5 syntax in user words is taken literally.
		if _, err := s.Search(ctx, sources.Query{Words: []string{`"NEAR(`, "AND", "*", "\x00", "\xff"}}); err != nil {
			t.Errorf("search with FTS5 operators as words: %v", err)
		}
		if ok, err := s.HasWord(ctx, "fisheries"); err != nil || !ok {
			t.Errorf("HasWord(fisheries) = %v, %v; want true", ok, err)
		}
		if ok, err := s.HasWord(ctx, "atlantis"); err != nil || ok {
			t.Errorf("HasWord(atlantis) = %v, %v; want false", ok, err)
		}
	})
}

func TestArticlesFetchedBetweenKeepsTheNewest(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, nil, nil)
		var arts []sources.Article
		for i := 0; i < 4; i++ {
			arts = append(arts, sources.Article{Title: "T", URL: "https://x.example/" + string(rune('a'+i)), Source: "X",
				Published: day(1), Fetched: day(10 + i), Text: "Body number " + string(rune('a'+i)) + " of the test."})
		}
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		got, total, err := s.ArticlesFetchedBetween(ctx, day(10), day(13), 2)
		if err != nil {
			t.Fatal(err)
		}
		if total != 3 || len(got) != 2 || !got[0].Fetched.Equal(day(12)) || !got[1].Fetched.Equal(day(13)) {
			t.Errorf("got %d of %d: %v, want the two newest of three, oldest first (fetched days 12 and 13 of 11 to 13)", len(got), total, got)
		}
	})
}

func TestScheduleLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		clock := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)
		s := e.Open(t, sources.StoreOptions{Now: func() time.Time { return clock }})

		sc, err := s.PutSchedule(ctx, sources.Schedule{ChannelID: "100", GuildID: "9", Spec: "0 8 * * *", TimeZone: "Europe/Rome", Filter: "japan italy", CreatedBy: "42"})
		if err != nil {
			t.Fatal(err)
		}
		if !sc.Covered.Equal(clock) || !sc.LastSlot.Equal(clock) {
			t.Errorf("a new schedule covers from now: covered %v, last slot %v", sc.Covered, sc.LastSlot)
		}

		slot := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC) // 08:00 in Rome
		clock = slot.Add(time.Second)
		d, existed, err := s.BeginDelivery(ctx, "100", slot, sc.Covered, clock)
		if err != nil || existed || d.State != sources.DeliveryPending || d.Key != sources.DeliveryKey("100", slot) {
			t.Fatalf("BeginDelivery = %+v, %v, %v", d, existed, err)
		}
		// A second begin for the same slot (a crash and a restart, or two
		// processes) finds the first record instead of starting another.
		if _, existed, _ := s.BeginDelivery(ctx, "100", slot, sc.Covered, clock); !existed {
			t.Error("a second BeginDelivery of the same slot did not find the first")
		}
		pend, err := s.PendingDeliveries(ctx)
		if err != nil || len(pend) != 1 {
			t.Fatalf("pending = %v, %v; want the one delivery", pend, err)
		}

		// Two failed attempts count on the schedule; the second pauses it.
		if n, err := s.FailDelivery(ctx, "100", slot, errors.New("403 Missing Access"), false, ""); err != nil || n != 1 {
			t.Errorf("first failure: %d, %v", n, err)
		}
		if n, err := s.FailDelivery(ctx, "100", slot, errors.New("403 Missing Access"), true, "the bot may not post here"); err != nil || n != 2 {
			t.Errorf("second failure: %d, %v", n, err)
		}
		sc, _ = s.Schedule(ctx, "100")
		if !sc.Paused || sc.PauseReason != "the bot may not post here" || sc.Failures != 2 || !sc.LastSlot.Equal(slot) {
			t.Errorf("schedule after a final failure = %+v", sc)
		}
		d, _ = s.Delivery(ctx, "100", slot)
		if d.State != sources.DeliveryFailed || d.Attempts != 2 || d.LastError != "403 Missing Access" {
			t.Errorf("delivery after failures = %+v", d)
		}

		// Setting the schedule again resumes it and keeps its history.
		clock = clock.Add(time.Hour)
		sc, err = s.PutSchedule(ctx, sources.Schedule{ChannelID: "100", Spec: "30 9 * * 1-5", TimeZone: "Asia/Tokyo", CreatedBy: "43"})
		if err != nil {
			t.Fatal(err)
		}
		if sc.Paused || sc.Failures != 0 || !sc.LastSlot.Equal(slot) || sc.Spec != "30 9 * * 1-5" {
			t.Errorf("schedule after replacing = %+v", sc)
		}

		next := slot.Add(24 * time.Hour)
		clock = next
		if _, _, err := s.BeginDelivery(ctx, "100", next, sc.Covered, clock); err != nil {
			t.Fatal(err)
		}
		if err := s.FinishDelivery(ctx, "100", next, sources.DeliverySent, "555", 3); err != nil {
			t.Fatal(err)
		}
		sc, _ = s.Schedule(ctx, "100")
		if !sc.LastSlot.Equal(next) || !sc.Covered.Equal(next) {
			t.Errorf("after a sent digest: last slot %v covered %v, want %v", sc.LastSlot, sc.Covered, next)
		}
		if pend, _ := s.PendingDeliveries(ctx); len(pend) != 0 {
			t.Errorf("pending after finishing = %v", pend)
		}
		if err := s.SkipSlot(ctx, "100", next.Add(24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		sc, _ = s.Schedule(ctx, "100")
		if !sc.LastSlot.Equal(next.Add(24*time.Hour)) || !sc.Covered.Equal(next) {
			t.Errorf("a skipped slot moves the slot, not what is covered: %+v", sc)
		}

		if err := s.DeleteSchedule(ctx, "100"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSchedule(ctx, "100"); !errors.Is(err, sources.ErrNotFound) {
			t.Errorf("deleting twice = %v, want ErrNotFound", err)
		}
		if all, _ := s.Schedules(ctx); len(all) != 0 {
			t.Errorf("schedules after delete = %v", all)
		}
	})
}

// Several words, some with alternative spellings, all must match: a brief
// on "defence trade" searches for both, each in either spelling.
func TestSearchWordsWithAlternatives(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		in := sources.NewIngester(s, testTagger, nil)
		res, err := in.Ingest(ctx, []sources.Article{
			{Title: "Defense and trade", URL: "https://x.example/1", Source: "X", Published: day(1), Text: "Japan and Italy discussed defense and trade."},
			{Title: "Defence only", URL: "https://x.example/2", Source: "X", Published: day(2), Text: "Japan and Italy discussed defence."},
			{Title: "Trade and defence", URL: "https://x.example/3", Source: "X", Published: day(3), Text: "Italy spoke of defence, trade and tariffs."},
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, words := range [][]string{{"defense|defence", "trade"}, {"trade", "defence|defense"}, {"defence|defense", "trade|tariffs"}} {
			got, err := s.Search(ctx, sources.Query{Words: words})
			if err != nil {
				t.Fatalf("search %q: %v", words, err)
			}
			gotIDs := ids(got)
			slices.Sort(gotIDs)
			if want := []int64{res[0].ID, res[2].ID}; !slices.Equal(gotIDs, want) {
				t.Errorf("search %q = %v, want %v", words, gotIDs, want)
			}
		}
	})
}
