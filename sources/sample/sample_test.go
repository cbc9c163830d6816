package sample

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// load returns the bundled articles or stops the test.
func load(t testing.TB) []Article {
	t.Helper()
	arts, err := Articles()
	if err != nil {
		t.Fatalf("Articles() error: %v", err)
	}
	return arts
}

// paragraphs splits a raw text into its blank-line separated blocks.
func paragraphs(text string) []string {
	return strings.Split(text, "\n\n")
}

// words lowercases text and splits it into runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func TestArticlesShape(t *testing.T) {
	arts := load(t)
	if got, want := len(arts), 48; got < want {
		t.Fatalf("got %d articles, want at least %d", got, want)
	}
	seen := map[string]int{}
	bylines := 0
	for i, a := range arts {
		name := fmt.Sprintf("article %d (%s)", i+1, a.URL)
		for field, v := range map[string]string{"title": a.Title, "url": a.URL, "source": a.Source, "text": a.Text} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: empty %s", name, field)
			}
		}
		if a.Byline != "" {
			bylines++
		}
		if got := a.Published.UTC().Year(); got != 2024 {
			t.Errorf("%s: published %v, want a date in 2024", name, a.Published)
		}
		if !strings.HasPrefix(a.URL, "https://sample.attache.invalid/") {
			t.Errorf("%s: url outside https://sample.attache.invalid/", name)
		}
		if j, dup := seen[a.URL]; dup {
			t.Errorf("%s: url already used by article %d", name, j+1)
		}
		seen[a.URL] = i
		if n := len(strings.Fields(a.Text)); n < 250 || n > 700 {
			t.Errorf("%s: %d words, want 250 to 700", name, n)
		}
		if a.Text != strings.TrimSpace(a.Text) || strings.Contains(a.Text, "\n\n\n") {
			t.Errorf("%s: text has stray blank lines or surrounding space", name)
		}
		if got := len(paragraphs(a.Text)); got < 8 {
			t.Errorf("%s: %d paragraphs, want at least 8", name, got)
		}
	}
	if got, want := bylines, len(arts)*3/4; got < want {
		t.Errorf("got %d articles with a byline, want at least %d", got, want)
	}
}

func TestDatesSpreadOverTheYear(t *testing.T) {
	months := map[time.Month]int{}
	for _, a := range load(t) {
		months[a.Published.UTC().Month()]++
	}
	for m := time.January; m <= time.December; m++ {
		if months[m] == 0 {
			t.Errorf("no article published in %v", m)
		}
	}
}

func TestOutlets(t *testing.T) {
	arts := load(t)
	slugs := map[string]string{} // source -> first path segment
	owners := map[string]string{}
	for _, a := range arts {
		u, err := url.Parse(a.URL)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", a.URL, err)
		}
		slug, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
		if prev, ok := slugs[a.Source]; ok && prev != slug {
			t.Errorf("%s uses path %q and %q; want one path per outlet", a.Source, prev, slug)
		}
		slugs[a.Source] = slug
		if o, ok := owners[slug]; ok && o != a.Source {
			t.Errorf("path %q used by %s and %s", slug, o, a.Source)
		}
		owners[slug] = a.Source
	}
	if got := len(slugs); got < 6 || got > 10 {
		t.Errorf("got %d outlets, want 6 to 10", got)
	}
}

func TestURLsNeedCanonicalising(t *testing.T) {
	var utm, amp, fragment int
	for _, a := range load(t) {
		u, err := url.Parse(a.URL)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", a.URL, err)
		}
		for k := range u.Query() {
			if strings.HasPrefix(k, "utm_") {
				utm++
				break
			}
		}
		if strings.Contains(u.Path, "/amp/") {
			amp++
		}
		if u.Fragment != "" {
			fragment++
		}
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{{"utm_ parameters", utm, 5}, {"/amp/ paths", amp, 2}, {"fragments", fragment, 1}} {
		if c.got < c.want {
			t.Errorf("got %d URLs with %s, want at least %d", c.got, c.what, c.want)
		}
	}
}

// countryNames are the plain names the pair count looks for, lowercase.
var countryNames = map[string][]string{
	"Japan":          {"japan"},
	"Italy":          {"italy", "italian"},
	"United States":  {"united states"},
	"China":          {"china", "chinese", "beijing"},
	"France":         {"france", "french"},
	"Germany":        {"germany", "german"},
	"India":          {"india"},
	"Australia":      {"australia"},
	"United Kingdom": {"britain", "british", "united kingdom"},
	"South Korea":    {"south korea", "seoul"},
	"Türkiye":        {"türkiye", "turkey", "turkish"},
	"Sweden":         {"sweden", "swedish"},
}

// names reports whether text (lowercase) contains any name of the country.
func names(text, country string) bool {
	for _, n := range countryNames[country] {
		if strings.Contains(text, n) {
			return true
		}
	}
	return false
}

func TestCountryPairs(t *testing.T) {
	arts := load(t)
	tests := []struct {
		a, b      string
		minCount  int
		minMonths int
	}{
		{"Japan", "Italy", 6, 4},
		{"United States", "China", 3, 2},
		{"France", "Germany", 3, 2},
		{"India", "Australia", 3, 2},
		{"United Kingdom", "Japan", 3, 2},
		{"South Korea", "Japan", 3, 2},
		{"Türkiye", "Sweden", 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.a+"-"+tt.b, func(t *testing.T) {
			count := 0
			months := map[time.Month]bool{}
			for _, a := range arts {
				text := strings.ToLower(a.Title + "\n" + a.Text)
				if names(text, tt.a) && names(text, tt.b) {
					count++
					months[a.Published.UTC().Month()] = true
				}
			}
			if count < tt.minCount {
				t.Errorf("got %d articles naming both, want at least %d", count, tt.minCount)
			}
			if len(months) < tt.minMonths {
				t.Errorf("articles fall in %d months, want at least %d", len(months), tt.minMonths)
			}
		})
	}
}

func TestMultilateralMeetings(t *testing.T) {
	arts := load(t)
	tests := []struct {
		name  string
		marks []string
		min   int
	}{
		{"G7", []string{"G7", "Group of Seven"}, 5},
		{"NATO", []string{"NATO"}, 5},
		{"ASEAN", []string{"ASEAN"}, 4},
		{"UN", []string{"United Nations", "General Assembly"}, 4},
		{"G20", []string{"G20", "Group of 20"}, 4},
		{"Quad", []string{"Quad"}, 3},
		{"AUKUS", []string{"AUKUS"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count := 0
			for _, a := range arts {
				for _, m := range tt.marks {
					if strings.Contains(a.Title+"\n"+a.Text, m) {
						count++
						break
					}
				}
			}
			if count < tt.min {
				t.Errorf("got %d articles on %s, want at least %d", count, tt.name, tt.min)
			}
		})
	}
}

// furniture are the site-furniture paragraphs the cleaner must remove.
var furniture = []struct {
	name string
	re   *regexp.Regexp
}{
	{"share counter", regexp.MustCompile(`^0$`)},
	{"comments closed", regexp.MustCompile(`^Comments are closed\.$`)},
	{"copyright", regexp.MustCompile(`^Copyright © 2024 [^.]+\. All rights reserved$`)},
	{"exit mobile", regexp.MustCompile(`^Exit mobile version$`)},
	{"read more", regexp.MustCompile(`^Read more: \S.*$`)},
	{"newsletter", regexp.MustCompile(`^Sign up for our newsletter$`)},
	{"photo credit", regexp.MustCompile(`^Photo: [^/]+/\S.*$`)},
	{"advertisement", regexp.MustCompile(`^Advertisement$`)},
}

func TestFurniture(t *testing.T) {
	arts := load(t)
	perKind := map[string]int{}
	withAny := 0
	for _, a := range arts {
		found := false
		for _, f := range furniture {
			for _, p := range paragraphs(a.Text) {
				if f.re.MatchString(p) {
					perKind[f.name]++
					found = true
					break
				}
			}
		}
		if found {
			withAny++
		}
	}
	for _, f := range furniture {
		if got := perKind[f.name]; got < 2 {
			t.Errorf("%s in %d articles, want at least 2", f.name, got)
		}
	}
	if lo, hi := len(arts)/4, len(arts)*45/100; withAny < lo || withAny > hi {
		t.Errorf("furniture in %d of %d articles, want about a third (%d to %d)", withAny, len(arts), lo, hi)
	}
}

// overlap is the Jaccard similarity of the word sets of two paragraphs.
func overlap(a, b string) float64 {
	sa := map[string]bool{}
	for _, w := range words(a) {
		sa[w] = true
	}
	sb := map[string]bool{}
	for _, w := range words(b) {
		sb[w] = true
	}
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func TestRepeatedParagraphs(t *testing.T) {
	arts := load(t)
	count := 0
	for _, a := range arts {
		ps := paragraphs(a.Text)
		repeated := false
		for i := 0; i < len(ps) && !repeated; i++ {
			if len(words(ps[i])) < 20 {
				continue
			}
			for j := i + 1; j < len(ps); j++ {
				// Almost word for word, but not byte for byte: a sentence
				// reordered or a word changed, as on real pages.
				if ps[i] != ps[j] && overlap(ps[i], ps[j]) >= 0.6 {
					repeated = true
					break
				}
			}
		}
		if repeated {
			count++
		}
	}
	if count < 4 {
		t.Errorf("got %d articles repeating a paragraph, want at least 4", count)
	}
}

// shingles returns the set of 4-word shingles of text.
func shingles(text string) map[string]bool {
	w := words(text)
	out := map[string]bool{}
	for i := 0; i+4 <= len(w); i++ {
		out[strings.Join(w[i:i+4], " ")] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for s := range a {
		if b[s] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func TestSyndication(t *testing.T) {
	arts := load(t)
	sh := make([]map[string]bool, len(arts))
	for i, a := range arts {
		sh[i] = shingles(a.Text)
	}
	var syndicated, exact int
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			a, b := arts[i], arts[j]
			sim := jaccard(sh[i], sh[j])
			switch {
			case a.Text == b.Text:
				exact++
			case sim >= 0.5:
				if a.Source == b.Source || a.Title == b.Title {
					t.Errorf("near-duplicates %q and %q: want two outlets and two headlines", a.URL, b.URL)
				}
				syndicated++
			case sim >= 0.2:
				// Keep a clear gap between copies and distinct stories so
				// that near-duplicate thresholds have room to sit.
				t.Errorf("articles %q and %q are %.2f similar: neither copies nor distinct", a.URL, b.URL, sim)
			}
		}
	}
	if syndicated < 3 {
		t.Errorf("got %d syndicated pairs, want at least 3", syndicated)
	}
	if exact < 1 {
		t.Errorf("got %d exact duplicates under a second URL, want at least 1", exact)
	}
}

// Quote shapes that the briefing's quote finder must handle.
var (
	splitQuote   = regexp.MustCompile(`,["”] (?:he|she|[A-Z]\pL+) (?:said|told [\pL ]+?), ["“]`)
	saidName     = regexp.MustCompile(`["”] said [A-Z]`)
	speakerFirst = regexp.MustCompile(`(?:said|told [\pL ]+?): ["“]`)
	pronounQuote = regexp.MustCompile(`["”] (?:he|she) (?:said|added|told)`)
	quotedTerm   = regexp.MustCompile(`\b(?:the|a|an|of|so-called|as) ["“][^"”.,]{2,40}["”]`)
)

func TestQuoteShapes(t *testing.T) {
	arts := load(t)
	count := map[string]int{}
	for _, a := range arts {
		shapes := map[string]bool{
			"split quote":                 splitQuote.MatchString(a.Text),
			`"..." said Name`:             saidName.MatchString(a.Text),
			`Name said: "..."`:            speakerFirst.MatchString(a.Text),
			"pronoun speaker":             pronounQuote.MatchString(a.Text),
			"quoted term":                 quotedTerm.MatchString(a.Text),
			"according to":                strings.Contains(a.Text, "according to") || strings.Contains(a.Text, "According to"),
			"curly quotes":                strings.Contains(a.Text, "“"),
			"straight quotes":             strings.Contains(a.Text, `"`),
			"multi-paragraph quote":       multiParagraphQuote(a.Text),
			"block quote, one line":       blockQuote(a.Text, false),
			"block quote, name/role line": blockQuote(a.Text, true),
		}
		for name, ok := range shapes {
			if ok {
				count[name]++
			}
		}
	}
	want := map[string]int{
		"split quote": 5, `"..." said Name`: 3, `Name said: "..."`: 3, "pronoun speaker": 3,
		"quoted term": 5, "according to": 10, "curly quotes": 5, "straight quotes": 5,
		"multi-paragraph quote": 2, "block quote, one line": 3, "block quote, name/role line": 3,
	}
	for name, w := range want {
		if got := count[name]; got < w {
			t.Errorf("%s in %d articles, want at least %d", name, got, w)
		}
	}
}

// blockQuote reports whether text holds the seed's block layout: a paragraph
// of speech without quotation marks ending in a comma, followed by a short
// paragraph naming the speaker and role, on two lines if twoLines is set.
func blockQuote(text string, twoLines bool) bool {
	ps := paragraphs(text)
	for i := 0; i+1 < len(ps); i++ {
		speech, who := ps[i], ps[i+1]
		if !strings.HasSuffix(speech, ",") || strings.ContainsAny(speech, `"“”`) || len(strings.Fields(speech)) < 12 {
			continue
		}
		if len(strings.Fields(who)) > 12 || strings.HasSuffix(who, ".") {
			continue
		}
		if strings.Contains(who, "\n") == twoLines {
			return true
		}
	}
	return false
}

// multiParagraphQuote reports whether a paragraph opens a quotation that it
// does not close and the next paragraph opens the continuation.
func multiParagraphQuote(text string) bool {
	ps := paragraphs(text)
	for i := 0; i+1 < len(ps); i++ {
		p, next := ps[i], ps[i+1]
		open := strings.HasPrefix(p, `"`) && strings.Count(p, `"`)%2 == 1 ||
			strings.HasPrefix(p, "“") && strings.Count(p, "“") > strings.Count(p, "”")
		if open && (strings.HasPrefix(next, `"`) || strings.HasPrefix(next, "“")) {
			return true
		}
	}
	return false
}

func TestHeadings(t *testing.T) {
	arts := load(t)
	with := 0
	for _, a := range arts {
		for _, p := range paragraphs(a.Text) {
			f := strings.Fields(p)
			if len(f) >= 1 && len(f) <= 8 && !strings.ContainsAny(p, "\n\"“”") &&
				!strings.ContainsAny(p[len(p)-1:], ".,:;!?") && unicode.IsUpper([]rune(p)[0]) &&
				!isFurniture(p) {
				with++
				break
			}
		}
	}
	if got, want := with, len(arts)*9/10; got < want {
		t.Errorf("got %d articles with section headings, want at least %d", got, want)
	}
}

func isFurniture(p string) bool {
	for _, f := range furniture {
		if f.re.MatchString(p) {
			return true
		}
	}
	return false
}

func TestArticlesReturnsFreshSlices(t *testing.T) {
	first := load(t)
	want := first[0].Title
	first[0].Title = "changed"
	if got := load(t)[0].Title; got != want {
		t.Errorf("second call: got title %q, want %q", got, want)
	}
}

const goodLine = `{"title":"T","url":"https://sample.attache.invalid/x/1","source":"S","byline":"","published":"2024-03-01T10:00:00+01:00","text":"Body."}`

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int    // articles, when no error
		wantErr string // substring of the error
	}{
		{"empty", "", 0, ""},
		{"blank lines only", "\n  \n\t\n", 0, ""},
		{"one", goodLine + "\n", 1, ""},
		{"blank lines between", goodLine + "\n\n" + goodLine, 2, ""},
		{"garbled", goodLine + "\n{not json\n", 0, "line 2: decode"},
		{"binary", "\x00\x01\xff\xfe", 0, "line 1: decode"},
		{"array", "[1,2]", 0, "line 1: decode"},
		{"null", "null", 0, "line 1: missing title"},
		{"unknown field", `{"title":"T","extra":1}`, 0, `line 1: decode: json: unknown field "extra"`},
		{"trailing data", goodLine + " {}", 0, "line 1: unexpected data"},
		{"missing text", strings.Replace(goodLine, `"text":"Body."`, `"text":" "`, 1), 0, "line 1: missing text"},
		{"missing byline", strings.Replace(goodLine, `"byline":"",`, "", 1), 0, "line 1: missing byline"},
		{"relative url", strings.Replace(goodLine, "https://sample.attache.invalid/x/1", "/x/1", 1), 0, "line 1: url"},
		{"bad date", "\n\n" + strings.Replace(goodLine, "2024-03-01T10:00:00+01:00", "1 March 2024", 1), 0, "line 3: published"},
		{"too long", strings.Repeat("x", maxLine+1), 0, "line 1: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("parse error = %v, want one containing %q", err, tt.wantErr)
				}
				if !strings.HasPrefix(err.Error(), "sample: ") {
					t.Errorf("error %q lacks the package prefix", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parse error = %v, want none", err)
			}
			if len(got) != tt.want {
				t.Fatalf("got %d articles, want %d", len(got), tt.want)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	got, err := parse(strings.NewReader(goodLine))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	want := Article{
		Title: "T", URL: "https://sample.attache.invalid/x/1", Source: "S", Text: "Body.",
		Published: time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC),
	}
	if len(got) != 1 {
		t.Fatalf("got %d articles, want 1", len(got))
	}
	g := got[0]
	if g.Title != want.Title || g.URL != want.URL || g.Source != want.Source || g.Byline != want.Byline ||
		g.Text != want.Text || !g.Published.Equal(want.Published) {
		t.Errorf("got %+v, want %+v", g, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(goodLine)
	f.Add(goodLine + "\n" + goodLine)
	f.Add(`{"title":"T","url":"http://[::1","source":"S","byline":null,"published":"2024","text":"x"}`)
	f.Add("{\"title\":\"\u2028\"}\n\x00")
	f.Fuzz(func(t *testing.T, in string) {
		arts, err := parse(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "sample: line ") && !strings.HasPrefix(err.Error(), "sample: read line ") {
				t.Errorf("error %q does not name a line", err)
			}
			return
		}
		for _, a := range arts {
			if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Text) == "" || a.Published.IsZero() {
				t.Errorf("accepted an incomplete article: %+v", a)
			}
		}
	})
}

func BenchmarkArticles(b *testing.B) {
	for b.Loop() {
		if _, err := Articles(); err != nil {
			b.Fatal(err)
		}
	}
}
