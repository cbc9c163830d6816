package briefing

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

func newsArticle(title, url, source string, published time.Time, text string) sources.Article {
	return sources.Article{Title: title, URL: url, Source: source, Published: published, Fetched: published.Add(10 * time.Minute), Text: text}
}

const summitWire = `Leaders of the Group of Seven met in Apulia on Thursday and agreed to use the profits of frozen Russian assets to back a loan of about 50 billion dollars for Ukraine.

The host, Italian Prime Minister Giorgia Meloni, said the meeting had shown that the group could still act together.

"We have sent a clear message to Moscow that our support will not fade," Meloni said at a news conference.

Japan's Prime Minister Fumio Kishida said the loan would be repaid from the assets' future profits and not from taxpayers.`

func TestDigestNewStoriesOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		day := time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC) // after the sample corpus
		tc := newTestCorpus(t, e,
			newsArticle("G7 backs 50 billion dollar loan for Ukraine", "https://wire.example/g7-loan", "Example Wire", day.Add(15*time.Hour), summitWire),
			newsArticle("Apulia summit: G7 agrees Ukraine loan", "https://herald.example/apulia", "Example Herald", day.Add(16*time.Hour),
				"BARI (Example Herald) —\n\n"+summitWire+"\n\nThe summit ends on Saturday."),
			newsArticle("Local council approves new bus lanes", "https://herald.example/bus", "Example Herald", day.Add(17*time.Hour),
				"The city council approved three new bus lanes on Thursday after a long debate about parking.\n\nWork starts in September and will take four months."),
		)
		since := day // everything the test added was fetched after this; the sample was fetched in 2024 at its own dates
		d, err := tc.eng.Digest(ctx, DigestRequest{Since: since, Until: day.Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Stories) != 2 {
			for _, s := range d.Stories {
				t.Logf("story %q (%d outlets)", s.Headline, len(s.Articles))
			}
			t.Fatalf("digest has %d stories, want 2 (the syndicated summit story once, the council story)", len(d.Stories))
		}
		top := d.Stories[0]
		if !strings.Contains(top.Headline, "G7") || !strings.Contains(top.Headline, "loan") || len(top.Articles) != 2 {
			t.Errorf("top story = %q with %d outlets, want the G7 loan story from two outlets", top.Headline, len(top.Articles))
		}
		if len(top.Summary) == 0 || len(top.Summary) > 2 {
			t.Errorf("top story summary has %d sentences, want 1 or 2", len(top.Summary))
		}
		if top.Quote == nil || top.Quote.Speaker != "Meloni" && top.Quote.Speaker != "Giorgia Meloni" {
			t.Errorf("top story quote = %+v, want Meloni's", top.Quote)
		}

		// A filter keeps only the stories that match.
		req, err := tc.eng.ParseWords([]string{"G7"})
		if err != nil {
			t.Fatal(err)
		}
		d, err = tc.eng.Digest(ctx, DigestRequest{Since: since, Until: day.Add(48 * time.Hour), Filter: req})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Stories) != 1 || !strings.Contains(d.Stories[0].Headline, "G7") {
			t.Errorf("G7 digest = %v", headlines(d))
		}

		// After the first digest, a new outlet carrying the same story is not
		// a new story.
		late := newsArticle("G7 leaders agree on loan", "https://post.example/g7", "Example Post", day.Add(20*time.Hour), "ROME —\n\n"+summitWire)
		late.Fetched = day.Add(30 * time.Hour)
		if _, err := sources.NewIngester(tc.store, tc.gaz.Tag, nil).Ingest(ctx, []sources.Article{late}, nil); err != nil {
			t.Fatal(err)
		}
		d, err = tc.eng.Digest(ctx, DigestRequest{Since: day.Add(24 * time.Hour), Until: day.Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Stories) != 0 {
			t.Errorf("second digest = %v, want nothing new", headlines(d))
		}
		var buf bytes.Buffer
		RenderDigestText(&buf, d, 80)
		if !strings.Contains(buf.String(), "Nothing new since 14 Jun 2025 00:00 UTC") {
			t.Errorf("empty digest text = %q", buf.String())
		}
	})
}

func headlines(d *Digest) []string {
	var out []string
	for _, s := range d.Stories {
		out = append(out, s.Headline)
	}
	return out
}

func FuzzParseWords(f *testing.F) {
	tc := newTestCorpus(f, storetest.SQLite())
	for _, s := range []string{"japan italy", "", "since 7d", "the of and", "japn", "Ελλάδα 日本 italy", "g7 last 3 weeks", strings.Repeat("france ", 500), "@everyone <#123>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		req, err := tc.eng.ParseWords(strings.Fields(s))
		if err != nil {
			if _, ok := err.(*UserError); !ok {
				t.Fatalf("ParseWords(%q) = %v, want a UserError or a request", s, err)
			}
			return
		}
		if len(req.Countries) == 0 && len(req.Terms) == 0 {
			t.Fatalf("ParseWords(%q) gave an empty request without an error", s)
		}
	})
}

// Once the store holds articles of its own, a digest leaves the bundled
// sample out (unless asked) and says so, and it says how it chose the
// stories it shows.
func TestDigestLeavesSampleOutAndSaysHowItChose(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		day := time.Date(2025, 6, 13, 0, 0, 0, 0, time.UTC)
		tc := newTestCorpus(t, e,
			newsArticle("G7 backs 50 billion dollar loan for Ukraine", "https://wire.example/g7-loan", "Example Wire", day.Add(15*time.Hour), summitWire),
			newsArticle("Local council approves new bus lanes", "https://herald.example/bus", "Example Herald", day.Add(17*time.Hour),
				"The city council approved three new bus lanes on Thursday after a long debate about parking.\n\nWork starts in September and will take four months."),
		)
		since := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) // the sample's articles were fetched in 2024
		d, err := tc.eng.Digest(ctx, DigestRequest{Since: since, Until: day.Add(48 * time.Hour), MaxStories: 1})
		if err != nil {
			t.Fatal(err)
		}
		if d.SampleLeftOut == 0 || d.Considered != 2 || len(d.Stories) != 1 || d.More != 1 {
			t.Fatalf("digest read %d, left %d sample articles out, shows %d and %d more; want 2 read, the sample out, 1 shown and 1 more",
				d.Considered, d.SampleLeftOut, len(d.Stories), d.More)
		}
		if got, want := d.Heading(), "1 of 2 new stories since 1 Jan 2024 00:00 UTC"; got != want {
			t.Errorf("heading = %q, want %q", got, want)
		}
		want := "The one shown is the story carried by the most outlets, the newest and the most about diplomacy; 1 more is not shown; " +
			"the bundled sample corpus is left out now that the store has articles of its own."
		if got := d.Selection(); got != want {
			t.Errorf("selection = %q, want %q", got, want)
		}
		var buf bytes.Buffer
		if err := RenderDigestText(&buf, d, 200); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "Digest: 1 of 2 new stories since") || !strings.Contains(buf.String(), want) {
			t.Errorf("text digest lacks its heading and how it chose:\n%s", buf.String())
		}
		withSample, err := tc.eng.Digest(ctx, DigestRequest{Since: since, Until: day.Add(48 * time.Hour), Sample: true})
		if err != nil {
			t.Fatal(err)
		}
		if withSample.SampleLeftOut != 0 || withSample.Considered <= 2 {
			t.Errorf("asked for the sample: read %d, left %d out; want the sample read too", withSample.Considered, withSample.SampleLeftOut)
		}
	})
}
