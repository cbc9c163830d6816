package sources_test

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// wordTagger tags the countries whose names a text holds: enough of a
// gazetteer for the store's tests.
func wordTagger(text string, _ time.Time) []string {
	var codes []string
	for name, code := range map[string]string{"Japan": "JP", "Italy": "IT", "China": "CN", "France": "FR"} {
		if strings.Contains(text, name) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

// pairReader reads every pair of an article's countries that its title
// names both of, with the title as its data and the number of words as
// its strength; calls counts the articles it read.
func pairReader(version int64, calls *atomic.Int64) *sources.Reader {
	return &sources.Reader{Version: version, Read: func(a sources.Article) []sources.PairReading {
		calls.Add(1)
		var out []sources.PairReading
		title := wordTagger(a.Title, a.Published)
		for i, x := range a.Countries {
			for _, y := range a.Countries[i+1:] {
				if slices.Contains(title, x) && slices.Contains(title, y) {
					// Given in reverse order: the store sorts the pair.
					out = append(out, sources.PairReading{Pair: [2]string{y, x}, Strength: float64(len(strings.Fields(a.Text))), Data: []byte(a.Title)})
				}
			}
		}
		return out
	}}
}

func readingTitles(rs []sources.StoredReading) []string {
	var out []string
	for _, r := range rs {
		out = append(out, string(r.Data))
	}
	return out
}

// The readings of a pair: written with the articles by an ingester with a
// reader, asked for by pair (in either order), window, sample and version;
// articles not read by the version asked for are named for the caller to
// read; ReadUnread reads them and stores what it finds, resuming where it
// is; a changed article's readings are replaced, a removed one's dropped.
func TestPairReadings(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		day := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
		now := day.AddDate(0, 1, 0)
		clock := func() time.Time { return now }
		s := e.Open(t, sources.StoreOptions{Now: clock})
		var calls atomic.Int64
		v1 := pairReader(1, &calls)
		in := sources.NewIngester(s, wordTagger, clock)
		in.Reader = v1
		art := func(n int, title, text string) sources.Article {
			return sources.Article{Title: title, Text: text, Source: "Wire " + string(rune('A'+n%3)), Published: day.AddDate(0, 0, n),
				URL: "https://news.example/" + strings.ReplaceAll(strings.ToLower(title), " ", "-")}
		}
		arts := []sources.Article{
			art(0, "Japan and Italy sign a fighter pact", "Japan and Italy signed it in Rome."),
			art(1, "Italy hosts Japan for naval drills", "Italy and Japan sailed together off Taranto."),
			art(2, "China notes talks", "Japan and Italy met; China said nothing."),                          // tagged JP, IT, CN; about none
			art(3, "Japan, Italy and China at a summit", "Japan, Italy and China met in Osaka with France."), // about all three pairs
			art(40, "Japan and Italy, a year on", "Japan and Italy looked back."),                            // outside the window below
		}
		sample := art(5, "Japan and Italy in the sample", "Japan and Italy, for the sample.")
		sample.Sample, sample.URL = true, "sample:jp-it"
		arts = append(arts, sample)
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		if calls.Load() != int64(len(arts)) {
			t.Errorf("the reader read %d articles at ingest, want %d", calls.Load(), len(arts))
		}
		window := sources.ReadingQuery{Pair: [2]string{"JP", "IT"}, Since: day, Until: day.AddDate(0, 0, 10), Version: 1}
		read, unread, err := s.PairReadings(ctx, window)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Japan and Italy in the sample", "Japan, Italy and China at a summit", "Italy hosts Japan for naval drills", "Japan and Italy sign a fighter pact"}
		if got := readingTitles(read); !slices.Equal(got, want) || len(unread) != 0 {
			t.Fatalf("readings of JP-IT = %q, unread %v; want %q newest first, none unread", got, unread, want)
		}
		first := read[3]
		if first.Pair != [2]string{"IT", "JP"} || first.Strength != 7 || first.Article.Title != "Japan and Italy sign a fighter pact" ||
			first.Article.Source != "Wire A" || !first.Article.Published.Equal(day) || first.Article.StoryID == 0 || first.Article.URL == "" || first.Article.Sample {
			t.Errorf("a reading = %+v", first)
		}
		if !read[0].Article.Sample {
			t.Errorf("the sample's reading is not marked as the sample's: %+v", read[0].Article)
		}
		// The heads of the same readings: the first byte of their data,
		// the article's id, story, date, source and sample mark.
		heads, unread, err := s.PairHeads(ctx, window)
		if err != nil || len(heads) != len(read) || len(unread) != 0 {
			t.Fatalf("heads: %d, unread %v, %v; want %d, none", len(heads), unread, err, len(read))
		}
		for i, h := range heads {
			r := read[i]
			want := sources.ReadingHead{ArticleID: r.Article.ID, StoryID: r.Article.StoryID, Published: r.Article.Published,
				Sample: r.Article.Sample, Strength: r.Strength, Head: r.Data[0]}
			if !h.Published.Equal(want.Published) || h.Published.Location() != time.UTC {
				t.Errorf("head %d published %v; want %v UTC", i, h.Published, want.Published)
			}
			h.Published = want.Published
			if h != want {
				t.Errorf("head %d = %+v; want %+v", i, h, want)
			}
		}
		window.NoSample = true
		if read, _, _ := s.PairReadings(ctx, window); len(read) != 3 {
			t.Errorf("without the sample: %q", readingTitles(read))
		}
		if heads, _, _ := s.PairHeads(ctx, window); len(heads) != 3 || slices.ContainsFunc(heads, func(h sources.ReadingHead) bool { return h.Sample }) {
			t.Errorf("heads without the sample: %+v", heads)
		}
		if read, _, _ := s.PairReadings(ctx, sources.ReadingQuery{Pair: [2]string{"CN", "IT"}, Since: day, Until: now, Version: 1}); !slices.Equal(readingTitles(read), []string{"Japan, Italy and China at a summit"}) {
			t.Errorf("readings of CN-IT = %q", readingTitles(read))
		}

		// Articles stored without a reader are unread, and so is every
		// article for another version: named, never taken for read.
		plain := sources.NewIngester(s, wordTagger, clock)
		if _, err := plain.Ingest(ctx, []sources.Article{art(4, "Japan and Italy open a consulate", "Japan and Italy opened it in Milan.")}, nil); err != nil {
			t.Fatal(err)
		}
		window.NoSample = false
		read, unread, err = s.PairReadings(ctx, window)
		if err != nil || len(read) != 4 || len(unread) != 1 {
			t.Fatalf("after an unread article: %q, unread %v, %v; want the 4 read and 1 unread", readingTitles(read), unread, err)
		}
		if heads, headsUnread, err := s.PairHeads(ctx, window); err != nil || len(heads) != 4 || !slices.Equal(headsUnread, unread) {
			t.Errorf("heads after an unread article: %d, unread %v, %v; want 4 and %v", len(heads), headsUnread, err, unread)
		}
		got, err := s.ArticlesByID(ctx, append(unread, 42))
		if err != nil || len(got) != 1 || got[0].Title != "Japan and Italy open a consulate" || got[0].Text == "" {
			t.Fatalf("ArticlesByID(unread) = %+v, %v", got, err)
		}
		v2 := window
		v2.Version = 2
		if read, unread, _ := s.PairReadings(ctx, v2); len(read) != 0 || len(unread) != 6 {
			t.Errorf("version 2 before reading: %q read, %d unread; want none read, all 6 tagged with both unread", readingTitles(read), len(unread))
		}
		if n, err := s.CountUnread(ctx, 1); err != nil || n != 1 {
			t.Errorf("CountUnread(1) = %d, %v; want 1", n, err)
		}
		if n, err := s.CountUnread(ctx, 2); err != nil || n != len(arts)+1 {
			t.Errorf("CountUnread(2) = %d, %v; want %d", n, err, len(arts)+1)
		}
		if sealed, err := s.SealReadings(ctx, 1); err != nil || sealed {
			t.Errorf("SealReadings with an article unread = %v, %v; want false", sealed, err)
		}

		// ReadUnread with version 1 reads the one article, and nothing
		// after; with version 2, everything, in batches, reporting.
		calls.Store(0)
		n, err := sources.ReadUnread(ctx, s, *v1, nil)
		if err != nil || n != 1 || calls.Load() != 1 {
			t.Fatalf("ReadUnread(v1) = %d, %v, %d reads; want the one unread article", n, err, calls.Load())
		}
		if read, unread, _ := s.PairReadings(ctx, window); len(read) != 5 || len(unread) != 0 {
			t.Errorf("after ReadUnread: %q, unread %v", readingTitles(read), unread)
		}
		if n, err := sources.ReadUnread(ctx, s, *v1, nil); err != nil || n != 0 {
			t.Errorf("ReadUnread again = %d, %v; want nothing to do", n, err)
		}

		// ReadUnread sealed version 1's readings (nothing is unread); an
		// article stored unread breaks the seal, and is named unread.
		if _, err := plain.Ingest(ctx, []sources.Article{art(6, "Japan and Italy talk tuna", "Japan and Italy talked tuna.")}, nil); err != nil {
			t.Fatal(err)
		}
		if _, unread, _ := s.PairReadings(ctx, window); len(unread) != 1 {
			t.Errorf("an article stored unread after the seal: unread %v; want it named", unread)
		}
		if sealed, err := s.SealReadings(ctx, 1); err != nil || sealed {
			t.Errorf("SealReadings with an article unread = %v, %v; want false", sealed, err)
		}
		if n, err := sources.ReadUnread(ctx, s, *v1, nil); err != nil || n != 1 {
			t.Errorf("ReadUnread after it = %d, %v; want the one article", n, err)
		}
		if read, unread, _ := s.PairReadings(ctx, window); len(read) != 6 || len(unread) != 0 {
			t.Errorf("sealed again: %q, unread %v", readingTitles(read), unread)
		}
		// Readings by version 1 of an article that is stored by it keep
		// the seal; an ingest by it of a new article too.
		if _, err := in.Ingest(ctx, []sources.Article{art(7, "Japan and Italy race yachts", "Japan and Italy raced yachts.")}, nil); err != nil {
			t.Fatal(err)
		}
		if read, unread, _ := s.PairReadings(ctx, window); len(read) != 7 || len(unread) != 0 {
			t.Errorf("after an ingest by version 1: %q, unread %v", readingTitles(read), unread)
		}
		arts = append(arts, art(4, "", ""), art(6, "", ""), art(7, "", ""))
		var reports [][2]int
		n, err = sources.ReadUnread(ctx, s, *pairReader(2, &calls), func(done, total int) { reports = append(reports, [2]int{done, total}) })
		if err != nil || n != len(arts) {
			t.Fatalf("ReadUnread(v2) = %d, %v; want %d", n, err, len(arts))
		}
		if len(reports) < 2 || reports[0] != [2]int{0, len(arts)} || reports[len(reports)-1] != [2]int{len(arts), len(arts)} {
			t.Errorf("progress = %v", reports)
		}
		if read, unread, _ := s.PairReadings(ctx, v2); len(read) != 7 || len(unread) != 0 {
			t.Errorf("version 2 after reading: %q, unread %v", readingTitles(read), unread)
		}
		if read, unread, _ := s.PairReadings(ctx, window); len(read) != 0 || len(unread) != 8 {
			t.Errorf("version 1 once version 2 read everything: %d read, %d unread; want none read, all 8 unread", len(read), len(unread))
		}

		// A changed article: its old readings go, its new ones come.
		in.Reader = pairReader(2, &calls)
		changed := arts[1]
		changed.Title, changed.Text = "Naval drills off Taranto", "Italy and Japan sailed together off Taranto, and then apart."
		res, err := in.Ingest(ctx, []sources.Article{changed}, nil)
		if err != nil || res[0].Outcome != sources.Updated {
			t.Fatalf("update = %+v, %v", res, err)
		}
		if read, _, _ := s.PairReadings(ctx, v2); slices.Contains(readingTitles(read), "Italy hosts Japan for naval drills") || len(read) != 6 {
			t.Errorf("after the update: %q; want its reading gone (its title names neither)", readingTitles(read))
		}
		changed.Title = "Japan and Italy sail off Taranto"
		changed.Text += " Again."
		if _, err := in.Ingest(ctx, []sources.Article{changed}, nil); err != nil {
			t.Fatal(err)
		}
		read, _, _ = s.PairReadings(ctx, v2)
		if !slices.Contains(readingTitles(read), "Japan and Italy sail off Taranto") {
			t.Errorf("after the second update: %q", readingTitles(read))
		}

		// Readings of an article that changed since it was read are not
		// kept.
		stale := []sources.ArticleReadings{{ArticleID: read[0].Article.ID, Fetched: day, Readings: []sources.PairReading{{Pair: [2]string{"IT", "JP"}, Strength: 1, Data: []byte("stale")}}}}
		if err := s.SaveReadings(ctx, 2, stale); err != nil {
			t.Fatal(err)
		}
		if read, _, _ := s.PairReadings(ctx, v2); slices.Contains(readingTitles(read), "stale") {
			t.Errorf("a reading of an older text was kept: %q", readingTitles(read))
		}

		// Removing the sample removes its readings.
		if _, err := s.RemoveSample(ctx); err != nil {
			t.Fatal(err)
		}
		if read, _, _ := s.PairReadings(ctx, v2); slices.Contains(readingTitles(read), "Japan and Italy in the sample") {
			t.Errorf("the sample's reading outlived it: %q", readingTitles(read))
		}
	})
}

// ReadUnread stopped part of the way keeps what it read, and the next run
// reads only the rest.
func TestReadUnreadResumes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		day := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
		s := e.Open(t, sources.StoreOptions{})
		var arts []sources.Article
		for i := range 1200 {
			arts = append(arts, sources.Article{Title: "Japan and Italy, day " + strconv.Itoa(i), Source: "Wire", Published: day.Add(time.Duration(i) * time.Hour),
				URL: "https://news.example/" + strconv.Itoa(i), Text: "Japan and Italy met again, for the " + strconv.Itoa(i) + "th time."})
		}
		if _, err := sources.NewIngester(s, wordTagger, nil).Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		var calls atomic.Int64
		r := *pairReader(1, &calls)
		stopped, stop := context.WithCancel(ctx)
		n, err := sources.ReadUnread(stopped, s, r, func(done, total int) {
			if done > 0 {
				stop() // after the first batch
			}
		})
		if err == nil || n == 0 || n >= len(arts) {
			t.Fatalf("a stopped run = %d, %v; want an error after some articles", n, err)
		}
		left, err := s.CountUnread(ctx, 1)
		if err != nil || left != len(arts)-n {
			t.Fatalf("unread after the stop = %d, %v; want %d", left, err, len(arts)-n)
		}
		calls.Store(0)
		m, err := sources.ReadUnread(ctx, s, r, nil)
		if err != nil || m != left || calls.Load() != int64(left) {
			t.Fatalf("the next run read %d (%d calls), %v; want the %d left", m, calls.Load(), err, left)
		}
		read, unread, err := s.PairReadings(ctx, sources.ReadingQuery{Pair: [2]string{"IT", "JP"}, Version: 1})
		if err != nil || len(read) != len(arts) || len(unread) != 0 {
			t.Errorf("after both runs: %d read, %d unread, %v", len(read), len(unread), err)
		}
	})
}

// savingStarts tells when the first Save of the store it wraps begins.
type savingStarts struct {
	sources.Store
	once    sync.Once
	started chan struct{}
}

func (s *savingStarts) Save(ctx context.Context, batch []sources.Prepared) ([]sources.Result, error) {
	s.once.Do(func() { close(s.started) })
	return s.Store.Save(ctx, batch)
}

// The ingester hands the store a batch before it reads the batch's
// articles for their pairs, and the store writes the readings once they
// are read: the reading runs beside the writer. With one core (where the
// writer would hold the only one while it waited) it reads them first.
// Either way every article's readings are stored.
func TestIngestReadsPairsBesideTheWriter(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		day := time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { return day.AddDate(0, 1, 0) }
		s := e.Open(t, sources.StoreOptions{Now: clock})
		var calls, early atomic.Int64
		wrapped := &savingStarts{Store: s, started: make(chan struct{})}
		inner := pairReader(1, &calls)
		reader := &sources.Reader{Version: 1, Read: func(a sources.Article) []sources.PairReading {
			select {
			case <-wrapped.started:
			case <-time.After(3 * time.Second):
				early.Add(1) // read before the store had the batch
			}
			return inner.Read(a)
		}}
		var arts []sources.Article
		for n := range 7 {
			arts = append(arts, sources.Article{Title: "Japan and Italy, round " + strconv.Itoa(n), Text: "Japan and Italy met again, for the " + strconv.Itoa(n) + "th time.",
				Source: "Wire", Published: day.Add(time.Duration(n) * time.Hour), URL: "https://news.example/round-" + strconv.Itoa(n)})
		}
		ingest := func(procs int, r *sources.Reader, arts []sources.Article) {
			t.Helper()
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			in := sources.NewIngester(wrapped, wordTagger, clock)
			in.BatchSize = 2
			in.Reader = r
			res, err := in.Ingest(ctx, arts, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range res {
				if r.Outcome != sources.Added {
					t.Fatalf("article %d: %+v", i, r)
				}
			}
		}
		ingest(2, reader, arts[:5])
		if early.Load() != 0 {
			t.Errorf("%d articles were read for their pairs before the store had their batch", early.Load())
		}
		ingest(1, inner, arts[5:])
		if calls.Load() != int64(len(arts)) {
			t.Errorf("the reader read %d articles, want %d", calls.Load(), len(arts))
		}
		read, unread, err := s.PairReadings(ctx, sources.ReadingQuery{Pair: [2]string{"IT", "JP"}, Since: day, Until: day.AddDate(0, 0, 1), Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for i := len(arts) - 1; i >= 0; i-- {
			want = append(want, arts[i].Title)
		}
		if got := readingTitles(read); !slices.Equal(got, want) || len(unread) != 0 {
			t.Errorf("readings = %q, unread %v; want %q, none unread", got, unread, want)
		}
	})
}
