package summary

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"attache/briefing/sentence"
	"attache/sources/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// seedPath is the shared seed page, read (never copied) when present.
const seedPath = "../../../shared/seeds/japan-italy-defense.txt"

func readFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fixtureRepeats are the pairs of the fixture that state one fact twice,
// as the seed page does: a summary may hold one of each pair, never both.
var fixtureRepeats = [][2]string{
	{"At their meeting in Ottawa, the two leaders agreed", "At their recent talks, the two prime ministers reached an agreement"},
	{"In practice, the visit became a handover", "The visit, in effect, served as a formal handover"},
	{"The Canadian prime minister also said the two countries plan", "The Prime Minister of Canada said that the two countries have decided"},
	{"They will hold the first joint meeting", "The first joint meeting of foreign and defence ministers has been set"},
	{"Canadian Prime Minister Mark Halvorsen, after talks", "We are glad that Norway is expanding"},
}

// fixtureFurniture are texts of the fixture that must never be picked: a
// whole sentence, or its start when written with a trailing "...".
var fixtureFurniture = []string{
	"Canada, Norway Pledge Closer Arctic Security Cooperation", "12", "Why the visit mattered",
	"Mark Halvorsen\nCanadian Prime Minister", "The Security Partnership",
	"Ingrid Solberg-Dahl\nNorwegian Prime Minister", "Photo: Canadian Forces handout", "Other Agreements",
	"Comments are closed.", "Copyright ©...", "All Rights Reserved", "Exit mobile version",
	"We are glad...", "The new dialogue on Arctic defence will begin...",
}

// checkSummary asserts what holds for every summary of text: sentences
// verbatim and in order, no furniture, no repeated fact.
func checkSummary(t *testing.T, text string, got []sentence.Sentence, furniture []string, repeats [][2]string) {
	t.Helper()
	for i, s := range got {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("pick %d: Text %q is not text[%d:%d] %q", i, s.Text, s.Start, s.End, text[s.Start:s.End])
		}
		if i > 0 && s.Index <= got[i-1].Index {
			t.Errorf("pick %d (sentence %d) comes after sentence %d: not in article order", i, s.Index, got[i-1].Index)
		}
		if s.Heading {
			t.Errorf("pick %d is a heading: %q", i, s.Text)
		}
		for _, f := range furniture {
			if prefix, ok := strings.CutSuffix(f, "..."); s.Text == f || ok && strings.HasPrefix(s.Text, prefix) {
				t.Errorf("pick %d is furniture: %q", i, s.Text)
			}
		}
		for j := range i {
			if overlap := bigramOverlap(got[j].Text, s.Text); overlap >= 0.5 {
				t.Errorf("picks %d and %d share %.0f%% of their word pairs: %q / %q", j, i, 100*overlap, got[j].Text, s.Text)
			}
		}
	}
	for _, pair := range repeats {
		a, b := false, false
		for _, s := range got {
			a = a || strings.HasPrefix(s.Text, pair[0])
			b = b || strings.HasPrefix(s.Text, pair[1])
		}
		if a && b {
			t.Errorf("both %q... and %q... picked: one fact said twice", pair[0], pair[1])
		}
	}
}

// bigramOverlap is the share of the shorter sentence's word pairs that
// recur in the other: a measure of repetition independent of the stems
// that the package itself uses.
func bigramOverlap(a, b string) float64 {
	pairs := func(s string) map[string]bool {
		f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		})
		out := make(map[string]bool)
		for i := 1; i < len(f); i++ {
			out[f[i-1]+" "+f[i]] = true
		}
		return out
	}
	pa, pb := pairs(a), pairs(b)
	if len(pa) > len(pb) {
		pa, pb = pb, pa
	}
	if len(pa) == 0 {
		return 0
	}
	common := 0
	for p := range pa {
		if pb[p] {
			common++
		}
	}
	return float64(common) / float64(len(pa))
}

func TestSummarizeFixture(t *testing.T) {
	text := readFixture(t, "arctic-partnership.txt")
	for n := 1; n <= 20; n++ {
		got := Summarize(text, n)
		if n <= 8 && len(got) != n {
			t.Errorf("n=%d: got %d sentences, want %d", n, len(got), n)
		}
		checkSummary(t, text, got, fixtureFurniture, fixtureRepeats)
	}
}

func TestSummarizeGolden(t *testing.T) {
	text := readFixture(t, "arctic-partnership.txt")
	var b strings.Builder
	for _, s := range Summarize(text, 5) {
		b.WriteString(doc.Fold(s.Text) + "\n")
	}
	golden := filepath.Join("testdata", "arctic-partnership.summary5.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("Summarize(fixture, 5):\n%s\nwant (%s):\n%s", b.String(), golden, want)
	}
}

// readSeed reads the shared seed page.
func readSeed() (string, error) {
	data, err := os.ReadFile(seedPath)
	return string(data), err
}

func TestSummarizeSeedPage(t *testing.T) {
	text, err := readSeed()
	if err != nil {
		t.Skipf("seed page not available: %v", err)
	}
	for n := 1; n <= 15; n++ {
		got := Summarize(text, n)
		if len(got) == 0 {
			t.Fatalf("n=%d: empty summary", n)
		}
		checkSummary(t, text, got, []string{"0", "Comments are closed.", "Copyright...", "Exit mobile version"}, nil)
		for _, s := range got {
			if !endsSentence(s.Text) {
				t.Errorf("n=%d: picked %q, which is no complete sentence (heading, name line or speech block)", n, s.Text)
			}
		}
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want []string
	}{
		{"empty", "", 3, nil},
		{"zero n", "The talks ended in Geneva today.", 0, nil},
		{"negative n", "The talks ended in Geneva today.", -1, nil},
		{"only headings", "## One\n\n## Two", 3, nil},
		{"only furniture", "0\n\nComments are closed.\n\nExit mobile version", 3, nil},
		{"no marks at all", "leaders meet in rome as talks on trade resume", 2,
			[]string{"leaders meet in rome as talks on trade resume"}},
		{"fewer sentences than n", "## Talks\n\nThe talks ended in Geneva today. Both delegations flew home on Friday.", 5,
			[]string{"The talks ended in Geneva today.", "Both delegations flew home on Friday."}},
		{"dateline cut", "GENEVA (Reuters) - The talks ended in Geneva today.", 1,
			[]string{"The talks ended in Geneva today."}},
		{"binary", "\x00\xff\xfe\x01. \x02", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.text, tt.n)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
				if tt.text[s.Start:s.End] != s.Text {
					t.Errorf("Text %q is not text[%d:%d]", s.Text, s.Start, s.End)
				}
			}
			if !reflect.DeepEqual(texts, tt.want) {
				t.Errorf("Summarize(%q, %d) = %q, want %q", tt.text, tt.n, texts, tt.want)
			}
		})
	}
}

func TestSummarizeHugeInput(t *testing.T) {
	// 10 MB: many sentences, and one long run without marks.
	var b strings.Builder
	for b.Len() < 5<<20 {
		b.WriteString("The envoy met the minister in Rome on Monday. Trade talks resumed after a pause of two weeks.\n\n")
	}
	b.WriteString(strings.Repeat("word ", 1<<20))
	got := Summarize(b.String(), 3)
	if len(got) == 0 || len(got) > 3 {
		t.Fatalf("got %d sentences, want 1 to 3", len(got))
	}
}
