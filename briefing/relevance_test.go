package briefing

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
)

// newFixtureCorpus builds a real store holding only the articles of a
// JSON Lines fixture (no sample corpus), read and ingested the way
// `attache ingest` does.
func newFixtureCorpus(t testing.TB, file string) *testCorpus {
	t.Helper()
	ctx := context.Background()
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sources.OpenSQLite(ctx, filepath.Join(t.TempDir(), "corpus.db"), sources.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var arts []sources.Article
	for _, it := range sources.ParseJSONL(data) {
		if it.Err != nil {
			t.Fatalf("%s %s: %v", file, it.Where, it.Err)
		}
		arts = append(arts, it.Article)
	}
	if _, err := sources.NewIngester(st, gaz.Tag, func() time.Time { return testNow }).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	return &testCorpus{store: st, gaz: gaz, eng: New(st, gaz, Options{Now: func() time.Time { return testNow }})}
}

func titles(b *Brief) []string {
	var out []string
	for _, a := range b.Articles {
		out = append(out, a.Title)
	}
	return out
}

// A corpus that names Japan and Italy only in passing (an Italian firm
// buying a Chinese one that sells in Japan; a survey listing five
// countries) gets one sentence saying there is nothing on the pair, with
// the nearest material, never a brief padded with those articles.
func TestBriefAbstainsInsteadOfPadding(t *testing.T) {
	tc := newFixtureCorpus(t, "relevance.jsonl")
	b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"JP", "IT"}})
	var ue *UserError
	if !errors.As(err, &ue) {
		t.Fatalf("Brief(JP, IT) = %v (articles %q), %v; want a plain answer that nothing is about the pair", b, titles(b), err)
	}
	msg := ue.Message
	for _, want := range []string{"I found nothing about Japan and Italy together", "2 articles name them only in passing",
		"1 story about Japan and China", "2 about Italy and China"} {
		if !strings.Contains(msg, want) {
			t.Errorf("answer %q lacks %q", msg, want)
		}
	}
	if strings.Count(msg, ". ") > 0 || strings.Count(msg, "; ") > 1 || !strings.HasSuffix(msg, ".") {
		t.Errorf("answer %q is not one sentence", msg)
	}
}

// An article about Chinese wine that names the United States once (where
// its report was written) is not a US–China story; the brief draws on the
// trade talks and leads with them.
func TestBriefLeavesOutArticlesThatNameAPairInPassing(t *testing.T) {
	tc := newFixtureCorpus(t, "relevance.jsonl")
	b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"US", "CN"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 2 {
		t.Errorf("articles = %q, want the two US–China trade stories", titles(b))
	}
	for _, a := range b.Articles {
		if strings.Contains(a.Title, "wine") {
			t.Errorf("the brief cites %q, an article about Chinese wine", a.Title)
		}
	}
	if len(b.Summary) < 3 {
		t.Fatalf("summary = %d sentences, want 3 or more from the trade stories", len(b.Summary))
	}
	for _, s := range b.Summary {
		if strings.Contains(s.Text, "wine") {
			t.Errorf("summary sentence about wine: %q", s.Text)
		}
	}
}

// A sentence of a US–Iraq story about US fuel prices, with no word of Iraq
// around it, is not about the pair: it is never a summary sentence.
func TestSentenceOffThePairLeftOut(t *testing.T) {
	tc := newFixtureCorpus(t, "relevance.jsonl")
	b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"US", "IQ"}, MaxSentences: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Summary) < 3 {
		t.Fatalf("summary = %d sentences, want the three about the agreement", len(b.Summary))
	}
	for _, s := range b.Summary {
		if strings.Contains(s.Text, "crude prices") {
			t.Errorf("summary carries a sentence that is not about the US and Iraq: %q", s.Text)
		}
	}
}

// An article dated now that names Russia and Ukraine once (a Japan–Italy
// story) does not make a Russia–Ukraine brief of itself: the window widens
// until a few stories are about the pair, says so, and the query's since
// is the window used.
func TestOneNewArticleDoesNotHideTheRest(t *testing.T) {
	tc := newFixtureCorpus(t, "window.jsonl")
	b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"RU", "UA"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 4 {
		t.Errorf("articles = %q, want the four Russia–Ukraine stories", titles(b))
	}
	for _, a := range b.Articles {
		if strings.Contains(a.Title, "Japan") {
			t.Errorf("the brief cites %q, which names Russia and Ukraine once", a.Title)
		}
	}
	wantSince := testNow.Add(-90 * 24 * time.Hour)
	if !b.Query.Since.Equal(wantSince) {
		t.Errorf("query since = %v, want the window used, %v", b.Query.Since, wantSince)
	}
	if len(b.Notes) == 0 || !strings.Contains(b.Notes[0], "Fewer than 3 stories in the last 30 days are about Russia and Ukraine together; this brief reaches back to 1 Dec 2024 (90 days).") {
		t.Errorf("notes = %q, want the window said", b.Notes)
	}
}

// The reading of one article: which mentions make it about a pair.
func TestReadingAbout(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	rel := NewRelevance(g, RelevanceRule{Lead: 2, Mentions: 3, Share: 0.5})
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, title, text string
		codes             []string
		want              bool
	}{
		{"headline names both", "Japan and Italy sign a naval pact", "The two countries will hold drills next year.", []string{"JP", "IT"}, true},
		{"lede and mentions", "Naval pact signed", "Japan and Italy signed a pact on Monday.\n\nJapanese ships will visit Italy. Italian ships will visit Japan.\n\nJapan and Italy will also share radar data.",
			[]string{"JP", "IT"}, true},
		{"too few mentions", "Naval pact signed", "Japan and Italy signed a pact on Monday.\n\nThe drills start in May.", []string{"JP", "IT"}, false},
		{"named late", "Yen falls", "The yen fell on Tuesday.\n\nTraders sold it for dollars.\n\nJapan and Italy were named by one trader. Japan, Japan, Italy, Italy.", []string{"JP", "IT"}, false},
		{"a list of the G7", "Ministers meet", "Finance ministers of Britain, Canada, France, Germany, Italy, Japan and the United States met on Friday.\n\nThey discussed currencies.", []string{"JP", "IT"}, false},
		{"a meeting place", "Yen talks", "Japan's finance minister met his counterparts in Paris on Monday.\n\nJapan wants a stable yen. Japanese exporters are worried, and Japan said so in Paris.", []string{"JP", "FR"}, false},
		{"a firm's name", "British Aerospace wins Saudi order", "British Aerospace said Saudi Arabia ordered 48 jets.\n\nSaudi officials confirmed the order. Saudi Arabia will pay in oil.\n\nBritish Aerospace shares rose.", []string{"GB", "SA"}, false},
		{"a story of many countries", "Oil ministers meet", "Japan and Italy sent ministers to the talks.\n\nSpain and Greece disagreed with Japan and Italy. Spain asked Greece to wait, and Greece asked Spain to act. Spain and Greece left early; Japan and Italy stayed. Greece said Spain was wrong, and Spain said Greece was.",
			[]string{"JP", "IT"}, false},
		{"historical name counts for its successor", "Britain and the Soviet Union sign a trade pact", "Britain and the Soviet Union signed a pact in Moscow.", []string{"GB", "RU"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rel.Read(tt.title, tt.text, at).About(tt.codes); got != tt.want {
				t.Errorf("About(%v) = %v, want %v", tt.codes, got, tt.want)
			}
			if tt.want && !rel.Prominent(tt.title, tt.text, at, tt.codes) {
				t.Errorf("Prominent is false for an article About the codes")
			}
		})
	}
}

// A sentence speaks of a pair when it names both, or one within a
// paragraph that names both.
func TestSentenceAbout(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	rel := NewRelevance(g, RelevanceRule{})
	text := "Japan and Italy signed a pact. Italy will host the signing.\n\nItaly will send a carrier. The ship sails in May.\n\n" +
		"Markets were calm.\n\nTokyo stocks rose. Japan's exporters gained.\n\nItaly's parliament must approve the pact with Japan."
	rd := rel.Read("Pact signed", text, time.Time{})
	want := map[string]bool{
		"Japan and Italy signed a pact.":                       true,  // names both
		"Italy will host the signing.":                         true,  // one side, in a paragraph that names both
		"Italy will send a carrier.":                           false, // one side, in a paragraph that names only it
		"The ship sails in May.":                               false, // names neither
		"Markets were calm.":                                   false,
		"Japan's exporters gained.":                            false, // one side, nothing of Italy around it
		"Italy's parliament must approve the pact with Japan.": true,
	}
	for i, s := range rd.Sentences() {
		w, ok := want[s.Text]
		if !ok {
			continue
		}
		if got := rd.SentenceAbout(i, []string{"JP", "IT"}); got != w {
			t.Errorf("SentenceAbout(%q) = %v, want %v", s.Text, got, w)
		}
	}
}

// Under a headline and lede that name both, the next sentences of wire
// copy (a paragraph each) tell the same story: one that names one side
// and goes on with the story is about the pair; one that names one side
// and turns to something else is not, nor one past the top of the story.
func TestSentenceAboutTopOfStory(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	rel := NewRelevance(g, RelevanceRule{})
	title := "U.S. Treasury part of Argentine bridge loan"
	text := "The U.S. Treasury said it would join a 500 mln dlr bridge loan to Argentina.\n\n" +
		"The Treasury did not say how much of the loan the United States would supply.\n\n" +
		"Argentina froze wages and prices on Wednesday.\n\n" +
		"Argentina is negotiating the bridge loan with its creditor banks.\n\n" +
		"Argentina also wants lower interest rates on the loan."
	rd := rel.Read(title, text, time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC))
	want := map[string]bool{
		"The U.S. Treasury said it would join a 500 mln dlr bridge loan to Argentina.":  true,  // names both
		"The Treasury did not say how much of the loan the United States would supply.": true,  // one side, the loan goes on
		"Argentina froze wages and prices on Wednesday.":                                false, // one side, something else
		"Argentina is negotiating the bridge loan with its creditor banks.":             true,
		"Argentina also wants lower interest rates on the loan.":                        false, // past the top of the story
	}
	seen := 0
	for i, s := range rd.Sentences() {
		w, ok := want[s.Text]
		if !ok {
			continue
		}
		seen++
		if got := rd.SentenceAbout(i, []string{"US", "AR"}); got != w {
			t.Errorf("SentenceAbout(%q) = %v, want %v", s.Text, got, w)
		}
	}
	if seen != len(want) {
		t.Fatalf("read %d of the %d sentences", seen, len(want))
	}
}

// With topic words, the summary opens with the sentences that hold them,
// even when sentences about the pair in general are more central.
func TestBriefTopicSentencesFirst(t *testing.T) {
	tc := newFixtureCorpus(t, "relevance.jsonl")
	b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"US", "CN"}, Terms: []string{"soybeans"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Summary) < 2 || !strings.Contains(b.Summary[0].Text, "soybeans") {
		t.Errorf("summary = %+v, want it to open with the sentence about soybeans", b.Summary)
	}
}

// Once the store holds articles of its own, a search (as the bot's
// !search runs it) leaves the bundled sample out, unless asked.
func TestSearchLeavesSampleOut(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		mine := sources.Article{Title: "Japan and Italy talk about tuna", URL: "https://fish.example/tuna", Source: "Fish Wire",
			Published: testNow.Add(-24 * time.Hour), Text: "Japan and Italy opened talks on tuna quotas in the Mediterranean."}
		tc := newTestCorpus(t, e, mine)
		ctx := context.Background()
		refs, err := tc.eng.Search(ctx, Request{Countries: []string{"JP", "IT"}}, 50)
		if err != nil || len(refs) != 1 || refs[0].Sample {
			t.Fatalf("Search(JP, IT) = %+v, %v; want only the article of the store's own", refs, err)
		}
		refs, err = tc.eng.Search(ctx, Request{Countries: []string{"JP", "IT"}, Sample: true}, 50)
		if err != nil || len(refs) < 5 {
			t.Fatalf("Search(JP, IT) asking for the sample = %d articles, %v; want the sample too", len(refs), err)
		}
		_, err = tc.eng.Search(ctx, Request{Terms: []string{"kishida"}}, 50)
		var ue *UserError
		if !errors.As(err, &ue) || !strings.Contains(ue.Message, "bundled sample corpus is left out") {
			t.Errorf("Search(kishida) = %v, want no match and the sample said to be left out", err)
		}
	})
}
