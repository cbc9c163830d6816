package sources_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// SearchIDs lists the articles Search lists, in the same order: countries
// and windows, the sample left out or kept, words, limits, an undated
// article, on both engines.
func TestSearchIDsListsWhatSearchLists(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s := e.Open(t, sources.StoreOptions{})
		start := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		codes := [][]string{{"IT", "JP"}, {"JP"}, {"FR", "IT", "JP"}, {"FR", "DE"}}
		tags := map[string][]string{}
		var arts []sources.Article
		for i := range 120 {
			a := sources.Article{
				Title: fmt.Sprintf("Talks %d", i), URL: fmt.Sprintf("https://news.example/%d", i), Source: "News",
				// Several to a second, so that ids share their seconds.
				Published: start.Add(time.Duration(i/3) * 7 * time.Hour),
				Text:      fmt.Sprintf("Ministers met for talks on fishing, round %d of the year's talks on trade.", i),
				Sample:    i%7 == 0,
			}
			if i == 50 {
				a.Published = time.Time{} // undated
			}
			tags[a.URL] = codes[i%len(codes)]
			arts = append(arts, a)
		}
		tag := func(text string, _ time.Time) []string {
			for _, a := range arts {
				if strings.Contains(text, a.Text) {
					return tags[a.URL]
				}
			}
			return nil
		}
		in := sources.NewIngester(s, tag, func() time.Time { return start })
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			t.Fatal(err)
		}
		mid := start.Add(60 * 7 * time.Hour / 3)
		var queries []sources.Query
		for _, cs := range [][]string{{"IT", "JP"}, {"JP", "IT"}, {"JP"}, {"FR", "IT", "JP"}, {"DE", "FR"}, {"GB"}, nil} {
			for _, words := range [][]string{nil, {"talks"}} {
				for _, w := range [][2]time.Time{{}, {start, mid}, {mid, time.Time{}}, {mid.Add(-24 * time.Hour), mid}} {
					for _, limit := range []int{0, 5, 200} {
						for _, noSample := range []bool{false, true} {
							queries = append(queries, sources.Query{Countries: cs, Words: words, Since: w[0], Until: w[1], Limit: limit, NoSample: noSample})
						}
					}
				}
			}
		}
		listed := 0
		for _, q := range queries {
			arts, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]int64, len(arts))
			for i, a := range arts {
				want[i] = a.ID
			}
			got, err := s.SearchIDs(ctx, q)
			if err != nil {
				t.Fatalf("SearchIDs(%+v): %v", q, err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("SearchIDs(%+v) = %v; Search lists %v", q, got, want)
			}
			listed += len(want)
		}
		if listed == 0 {
			t.Fatal("no search listed an article: the test tests nothing")
		}
	})
}
