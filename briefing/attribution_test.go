package briefing

import (
	"context"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// A brief never shows the same words twice: a quotation that a summary
// sentence already carries is left out of the quotes.
func TestQuoteNeverRepeatsSummary(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		art := sources.Article{
			Title: "Tokyo and Rome agree to build a fighter jet together", URL: "https://news.example/2025/02/jet", Source: "Example News",
			Published: testNow.Add(-48 * time.Hour),
			Text: "Japan and Italy will build a new fighter jet together, their leaders said in Rome on Monday.\n\n" +
				"“Japan and Italy will share the costs of the new fighter jet and build it in both countries,” said Minoru Kihara, Japan’s defence minister.\n\n" +
				"The jet is due to fly by 2035.",
		}
		tc := newTestCorpus(t, e, art)
		req, err := tc.eng.ParseWords([]string{"japan", "italy", "since", "7d"})
		if err != nil {
			t.Fatal(err)
		}
		req.MaxSentences = 3
		b, err := tc.eng.Brief(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		inSummary := false
		for _, s := range b.Summary {
			if strings.Contains(s.Text, "share the costs") {
				inSummary = true
			}
		}
		if !inSummary {
			t.Fatalf("summary %+v does not carry the quoted sentence; the test needs it to", b.Summary)
		}
		for _, q := range b.Quotes {
			if strings.Contains(q.Text, "share the costs") {
				t.Errorf("quote %q repeats a summary sentence", q.Text)
			}
		}
	})
}

// A quote whose speaker rests on no syntax or nearby evidence is not
// shown; one with a speech cue is, with its role.
func TestBriefShowsOnlyAttributedQuotes(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		art := sources.Article{
			Title: "Japan and Italy sign a naval pact", URL: "https://news.example/2025/02/pact", Source: "Example News",
			Published: testNow.Add(-48 * time.Hour),
			Text: "Japan and Italy signed a naval pact in Tokyo on Tuesday.\n\n" +
				"“Our two navies will train together every year from now on,” said Minoru Kihara, Japan’s defence minister.\n\n" +
				"Italy’s Guido Crosetto met Kihara and the Japanese foreign minister afterwards. Officials from both sides praised the deal.\n\n" +
				"“The Pacific matters to Europe more than ever, and Italy will be there with its ships,” he said.",
		}
		tc := newTestCorpus(t, e, art)
		req, err := tc.eng.ParseWords([]string{"japan", "italy", "since", "7d"})
		if err != nil {
			t.Fatal(err)
		}
		req.MaxSentences = 1
		b, err := tc.eng.Brief(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		var cue bool
		for _, q := range b.Quotes {
			if strings.Contains(q.Text, "The Pacific matters") {
				t.Errorf("quote %q shown as said by %q: its speaker is a guess (two men named in the sentences before)", q.Text, q.Speaker)
			}
			if strings.Contains(q.Text, "train together") {
				cue = q.Speaker == "Minoru Kihara" && q.Role == "Japan’s defence minister"
			}
		}
		if !cue {
			t.Errorf("quotes %+v lack Kihara's, with his role", b.Quotes)
		}
	})
}
