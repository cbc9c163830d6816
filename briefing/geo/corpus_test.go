package geo

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// labelled is one sentence of testdata/sentences.tsv.
type labelled struct {
	line  int
	codes []string
	at    time.Time
	text  string
}

func readLabelled(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("sentences.tsv:%d: want 3 tab-separated fields, got %d", n, len(parts))
		}
		at, err := time.Parse("2006-01-02", parts[1])
		if err != nil {
			t.Fatalf("sentences.tsv:%d: %v", n, err)
		}
		var codes []string
		if parts[0] != "-" {
			codes = strings.Fields(parts[0])
			sort.Strings(codes)
		}
		out = append(out, labelled{line: n, codes: codes, at: at, text: parts[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelledSentences scores Tag over the labelled sentences: precision
// and recall of codes, micro-averaged, must both reach 0.97.
func TestLabelledSentences(t *testing.T) {
	g := mustNew(t)
	set := readLabelled(t)
	if len(set) < 200 {
		t.Fatalf("got %d labelled sentences, want at least 200", len(set))
	}
	var tp, fp, fn int
	for _, s := range set {
		got := g.Tag(s.text, s.at)
		want := map[string]bool{}
		for _, c := range s.codes {
			want[c] = true
			if _, ok := g.Entity(c); !ok {
				t.Errorf("sentences.tsv:%d: label %q is not a known code", s.line, c)
			}
		}
		gotSet := map[string]bool{}
		for _, c := range got {
			gotSet[c] = true
			if want[c] {
				tp++
			} else {
				fp++
			}
		}
		for c := range want {
			if !gotSet[c] {
				fn++
			}
		}
		if strings.Join(got, " ") != strings.Join(s.codes, " ") {
			t.Logf("sentences.tsv:%d: %q at %s: got %v, want %v", s.line, s.text, s.at.Format("2006-01-02"), got, s.codes)
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("%d sentences: precision %.4f recall %.4f (tp %d, fp %d, fn %d)", len(set), precision, recall, tp, fp, fn)
	if precision < 0.97 || recall < 0.97 {
		t.Errorf("precision %.4f, recall %.4f: want both >= 0.97", precision, recall)
	}
}

// TestSeedArticle tags the scraped seed article when ../shared is present.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../../../shared/seeds/japan-italy-defense.txt")
	if err != nil {
		t.Skip("shared seed not present:", err)
	}
	g := mustNew(t)
	got := g.Tag(string(b), time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"JP", "IT", "GB", "G7"} {
		if !contains(got, want) {
			t.Errorf("Tag(seed) = %v, want it to hold %s", got, want)
		}
	}
	leaders := map[string]string{}
	for _, m := range g.Mentions(string(b), time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC)) {
		if m.Via == ViaLeader {
			leaders[m.Surface] = m.Code
		}
	}
	if leaders["Fumio Kishida"] != "JP" || leaders["Giorgia Meloni"] != "IT" {
		t.Errorf("leaders in the seed = %v, want Fumio Kishida JP and Giorgia Meloni IT", leaders)
	}
}
