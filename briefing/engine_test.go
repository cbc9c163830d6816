package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/clean"
	"attache/sources/doc"
	"attache/sources/sample"
	"attache/sources/storetest"
)

// testNow is "today" for the engine tests: after the sample corpus (2024).
var testNow = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

type testCorpus struct {
	store sources.Store
	eng   *Engine
	gaz   *geo.Gazetteer
}

// newTestCorpus builds a real store in a temp dir with the sample corpus
// and the given extra articles, ingested the way main does it.
func newTestCorpus(t testing.TB, e storetest.Engine, extra ...sources.Article) *testCorpus {
	t.Helper()
	ctx := context.Background()
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	st := e.Open(t, sources.StoreOptions{})
	raws, err := sample.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var arts []sources.Article
	for _, r := range raws {
		arts = append(arts, sources.Article{Title: r.Title, URL: r.URL, Source: r.Source, Byline: r.Byline,
			Published: r.Published, Fetched: r.Published, Text: doc.Format(clean.PlainText(r.Text)), Sample: true})
	}
	arts = append(arts, extra...)
	if _, err := sources.NewIngester(st, gaz.Tag, func() time.Time { return testNow }).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	eng := New(st, gaz, Options{Now: func() time.Time { return testNow }})
	return &testCorpus{store: st, eng: eng, gaz: gaz}
}

func seedShapeArticle(t testing.TB) sources.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seedshape.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := sources.ParseText(data, "https://defence-times.example/2025/02/tokyo-rome-naval")
	if err != nil {
		t.Fatal(err)
	}
	a.Source = "Example Defence Times"
	a.Published = time.Date(2025, 2, 18, 8, 0, 0, 0, time.UTC)
	return a
}

func TestParseWords(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		tests := []struct {
			words     string
			countries []string
			terms     []string
			since     time.Duration
		}{
			{"japan italy", []string{"JP", "IT"}, nil, 0},
			{"Japanese Italian fighter jet", []string{"JP", "IT"}, []string{"fighter", "jet"}, 0},
			{"tokyo rome defence", []string{"JP", "IT"}, []string{"defence"}, 0},
			{"what is going on between France and Germany", []string{"FR", "DE"}, nil, 0},
			{"g7 since 7d", []string{"G7"}, nil, 7 * 24 * time.Hour},
			{"nato this week", []string{"NATO"}, nil, 7 * 24 * time.Hour},
			{"south korea japan last 3 months", []string{"KR", "JP"}, nil, 90 * 24 * time.Hour},
			{"us china --since 2w", []string{"US", "CN"}, nil, 14 * 24 * time.Hour},
			{"sanctions", nil, []string{"sanctions"}, 0},
		}
		for _, tt := range tests {
			t.Run(tt.words, func(t *testing.T) {
				req, err := tc.eng.ParseWords(strings.Fields(tt.words))
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(req.Countries, tt.countries) {
					t.Errorf("countries = %v, want %v", req.Countries, tt.countries)
				}
				if !slices.Equal(req.Terms, tt.terms) {
					t.Errorf("terms = %v, want %v", req.Terms, tt.terms)
				}
				var since time.Duration
				if !req.Since.IsZero() {
					since = testNow.Sub(req.Since)
				}
				if since != tt.since {
					t.Errorf("window = %v, want %v", since, tt.since)
				}
			})
		}
	})
}

func TestParseWordsUserErrors(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		tests := []struct {
			words, want string
			suggest     string
		}{
			{"japn italy", "I don't know a country called “japn”", "Japan"},
			{"atlantis", "no article in the corpus mentions it", ""},
			{"", "Tell me which countries", ""},
			{"the and of", "Tell me which countries", ""},
			{"japan since soon", "I can't read the window “soon”", ""},
			{"japan since", "needs a window", ""},
			{strings.Repeat("japan ", 41), "at most 40", ""},
		}
		for _, tt := range tests {
			_, err := tc.eng.ParseWords(strings.Fields(tt.words))
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Errorf("ParseWords(%q) = %v, want a UserError", tt.words, err)
				continue
			}
			if !strings.Contains(ue.Message, tt.want) {
				t.Errorf("ParseWords(%q) message = %q, want %q", tt.words, ue.Message, tt.want)
			}
			if tt.suggest != "" && !slices.Contains(ue.Suggestions, tt.suggest) {
				t.Errorf("ParseWords(%q) suggestions = %v, want %q among them", tt.words, ue.Suggestions, tt.suggest)
			}
		}
	})
}

// checkVerbatim asserts that every summary sentence and quote of a brief
// stands, with white space folded, in the article it cites.
func checkVerbatim(t *testing.T, tc *testCorpus, b *Brief) {
	t.Helper()
	ctx := context.Background()
	text := func(id int64) string {
		a, err := tc.store.Article(ctx, id)
		if err != nil {
			t.Fatalf("cited article %d: %v", id, err)
		}
		return doc.Fold(a.Text)
	}
	cite := b.Citations()
	for _, s := range b.Summary {
		if !strings.Contains(text(s.ArticleID), doc.Fold(s.Text)) {
			t.Errorf("summary sentence not verbatim in article %d: %q", s.ArticleID, s.Text)
		}
		if cite[s.ArticleID] == 0 {
			t.Errorf("summary sentence cites article %d, which is not among the sources", s.ArticleID)
		}
	}
	for _, q := range b.Quotes {
		// A split quotation's parts are joined by " … " or, when the
		// second goes on the first's sentence, by a space after the
		// first's comma: each comma-separated piece stands in the article.
		for _, part := range strings.Split(doc.Fold(q.Text), " … ") {
			for _, piece := range strings.Split(part, ", ") {
				if !strings.Contains(text(q.ArticleID), strings.TrimSuffix(piece, ",")) {
					t.Errorf("quote not verbatim in article %d: %q (piece %q)", q.ArticleID, q.Text, piece)
				}
			}
		}
		if q.Speaker == "" {
			t.Errorf("quote without a speaker: %q", q.Text)
		}
	}
}

func TestBriefJapanItalyFromSample(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		req, err := tc.eng.ParseWords([]string{"japan", "italy"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := tc.eng.Brief(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if b.Title != "Japan and Italy" {
			t.Errorf("title = %q", b.Title)
		}
		if len(b.Summary) < 4 || len(b.Quotes) < 2 || len(b.Articles) < 4 {
			t.Fatalf("brief too thin: %d sentences, %d quotes, %d articles", len(b.Summary), len(b.Quotes), len(b.Articles))
		}
		if len(b.Notes) == 0 || !strings.Contains(b.Notes[0], "in the last 30 days are about Japan and Italy together") ||
			!strings.Contains(b.Notes[0], "reaches back to 1 Mar 2024 (1 year)") {
			t.Errorf("notes = %v, want the widened-window note (the sample is from 2024)", b.Notes)
		}
		if !b.Query.Since.Equal(testNow.AddDate(0, 0, -365)) {
			t.Errorf("query since = %v, want the window used, a year back", b.Query.Since)
		}
		checkVerbatim(t, tc, b)
		seen := map[string]bool{}
		for _, s := range b.Summary {
			if seen[s.Text] {
				t.Errorf("sentence repeated: %q", s.Text)
			}
			seen[s.Text] = true
		}
		speakers := map[string]int{}
		for _, q := range b.Quotes {
			speakers[speakerKey(q.Speaker)]++
		}
		for s, n := range speakers {
			if n > 2 {
				t.Errorf("%d quotes by %s, want at most 2", n, s)
			}
		}
		// Every cited article names both countries.
		for _, a := range b.Articles {
			art, _ := tc.store.Article(context.Background(), a.ID)
			if !slices.Contains(art.Countries, "JP") || !slices.Contains(art.Countries, "IT") {
				t.Errorf("source %d (%s) is not tagged JP and IT: %v", a.ID, a.Title, art.Countries)
			}
		}
	})
}

func TestBriefSeedShapedPage(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e, seedShapeArticle(t))
		req, err := tc.eng.ParseWords([]string{"japan", "italy", "since", "30d"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := tc.eng.Brief(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		checkVerbatim(t, tc, b)
		if len(b.Articles) != 1 || !strings.Contains(b.Articles[0].Title, "Tokyo and Rome") {
			t.Fatalf("articles = %+v, want only the seed-shaped page (the sample is older than 30 days)", b.Articles)
		}
		expanded := 0
		for _, s := range b.Summary {
			if strings.Contains(s.Text, "agreed to expand joint naval exercises") {
				expanded++
			}
			for _, furniture := range []string{"Comments are closed", "Copyright", "Exit mobile", "Why the talks mattered", "Minoru Kihara Japanese"} {
				if strings.Contains(s.Text, furniture) {
					t.Errorf("summary carries furniture or a heading: %q", s.Text)
				}
			}
		}
		if expanded > 1 {
			t.Errorf("the repeated paragraph gave %d summary sentences, want at most 1", expanded)
		}
		want := map[string]string{"Minoru Kihara": "Japanese Defence Minister", "Guido Crosetto": "Italian Defence Minister"}
		for _, q := range b.Quotes {
			if role, ok := want[q.Speaker]; ok && q.Role == role {
				delete(want, q.Speaker)
			}
		}
		if len(want) > 0 {
			t.Errorf("block quotes not attributed with roles: missing %v in %+v", want, b.Quotes)
		}
	})
}

func TestBriefNothingFound(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		req := Request{Countries: []string{"IS", "BT"}}
		_, err := tc.eng.Brief(context.Background(), req)
		var ue *UserError
		if !errors.As(err, &ue) || !strings.Contains(ue.Message, "Iceland and Bhutan") || !strings.Contains(ue.Message, "one country at a time") {
			t.Fatalf("Brief(IS+BT) = %v, want a UserError naming both and how to widen", err)
		}
		req = Request{Countries: []string{"JP", "IT"}, Since: testNow.Add(-7 * 24 * time.Hour)}
		_, err = tc.eng.Brief(context.Background(), req)
		if !errors.As(err, &ue) || !strings.Contains(ue.Message, "since 22 Feb 2025") || !strings.Contains(ue.Message, "since 1y") {
			t.Fatalf("Brief with an explicit empty window = %v, want a UserError suggesting a wider window", err)
		}
	})
}

func TestQuotesBySpeaker(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		b, err := tc.eng.Quotes(context.Background(), Request{Speaker: "Meloni"})
		if err != nil {
			t.Fatal(err)
		}
		// One person's quotes are not capped at two, and a surname alone
		// is named in full.
		if len(b.Quotes) < 3 {
			t.Fatalf("%d quotes by Meloni, want 3 or more", len(b.Quotes))
		}
		for _, q := range b.Quotes {
			if q.Speaker != "Giorgia Meloni" {
				t.Errorf("quote by %q in Meloni's quotes, want Giorgia Meloni", q.Speaker)
			}
		}
		if b.Title != "Quotes by Giorgia Meloni" {
			t.Errorf("title %q, want the name as the articles give it", b.Title)
		}
		if len(b.Articles) != citedCount(b) {
			t.Errorf("%d sources for %d cited articles: a quotes answer lists only what it quotes", len(b.Articles), citedCount(b))
		}
		checkVerbatim(t, tc, b)
	})
}

func TestRenderJSONShape(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		b, err := tc.eng.Brief(context.Background(), Request{Countries: []string{"JP", "IT"}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := RenderJSON(&buf, b); err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		q := got["query"].(map[string]any)
		if c := q["countries"].([]any); len(c) != 2 || c[0] != "JP" || c[1] != "IT" {
			t.Errorf("query.countries = %v", c)
		}
		if _, ok := q["terms"].([]any); !ok {
			t.Errorf("query.terms = %v, want a list (empty, not null)", q["terms"])
		}
		for _, key := range []string{"title", "summary", "quotes", "articles"} {
			if _, ok := got[key]; !ok {
				t.Errorf("JSON lacks %q", key)
			}
		}
		s := got["summary"].([]any)[0].(map[string]any)
		for _, key := range []string{"text", "article_id", "url", "source"} {
			if _, ok := s[key]; !ok {
				t.Errorf("summary item lacks %q", key)
			}
		}
		qu := got["quotes"].([]any)[0].(map[string]any)
		for _, key := range []string{"text", "speaker", "role", "article_id", "url"} {
			if _, ok := qu[key]; !ok && key != "role" {
				t.Errorf("quote lacks %q", key)
			}
		}
	})
}

func TestRenderTextAndMarkdown(t *testing.T) {
	b := &Brief{
		Title:   "Japan and Italy",
		Summary: []Sentence{{Text: "Leaders met in *Tokyo* on Monday.", ArticleID: 7, URL: "https://x.example/a", Source: "X"}},
		Quotes:  []Quote{{Text: "We welcome it", Speaker: "Fumio Kishida", Role: "Prime Minister of Japan", ArticleID: 7}},
		Articles: []ArticleRef{{ID: 7, Title: "Leaders meet", URL: "https://x.example/a", Source: "X",
			Published: time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC), Outlets: 2}},
	}
	var text, md bytes.Buffer
	RenderText(&text, b, 80)
	for _, want := range []string{"Japan and Italy\n===", "1 story from 1 outlet, 5 Feb 2024", "• Leaders met in *Tokyo* on Monday. [1]",
		"“We welcome it”", "— Fumio Kishida, Prime Minister of Japan [1]", "[1] X, 5 Feb 2024: Leaders meet (also carried by 1 other outlet)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text brief lacks %q:\n%s", want, text.String())
		}
	}
	RenderMarkdown(&md, b)
	for _, want := range []string{"## Japan and Italy", `- Leaders met in \*Tokyo\* on Monday. [[1]](https://x.example/a)`, "> — **Fumio Kishida, Prime Minister of Japan** [[1]](https://x.example/a)"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown brief lacks %q:\n%s", want, md.String())
		}
	}
}

func TestEmptyCorpusSaysSo(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		gaz, err := geo.New()
		if err != nil {
			t.Fatal(err)
		}
		st := e.Open(t, sources.StoreOptions{})
		eng := New(st, gaz, Options{Now: func() time.Time { return testNow }})
		for _, words := range []string{"japan italy", "japan italy defense"} {
			req, err := eng.ParseWords(strings.Fields(words))
			if err == nil {
				_, err = eng.Brief(ctx, req)
			}
			var ue *UserError
			if !errors.As(err, &ue) || !strings.Contains(ue.Message, "The corpus is empty") {
				t.Errorf("%q on an empty corpus = %v, want the empty-corpus message", words, err)
			}
		}
	})
}

func TestMarkdownURL(t *testing.T) {
	tests := map[string]string{
		"https://x.example/a_(b) c":                      "https://x.example/a_%28b%29%20c",
		"https://x.example/ok?q=1":                       "https://x.example/ok?q=1",
		"file:///home/me/article.txt":                    "",
		"sample:one":                                     "",
		"javascript:alert(1)":                            "",
		"https://":                                       "",
		"https://x.example/" + strings.Repeat("a", 2001): "",
	}
	for in, want := range tests {
		if got := MarkdownURL(in); got != want {
			t.Errorf("MarkdownURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseWindowCaseAndErrors(t *testing.T) {
	day := 24 * time.Hour
	for in, want := range map[string]time.Duration{" 2W": 14 * day, "3M": 90 * day} {
		if got, err := ParseWindow(in); err != nil || got != want {
			t.Errorf("ParseWindow(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "m", "0d", "-3d", "3x", "1.5d"} {
		var ue *UserError
		if _, err := ParseWindow(in); !errors.As(err, &ue) {
			t.Errorf("ParseWindow(%q) = %v, want a UserError", in, err)
		}
	}
}
