package summary

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// devSet is the shared BBC evaluation set, read (never copied) when
// present; see ../shared/eval/README.md.
const devSet = "../../../shared/eval/summaries-dev.jsonl"

// TestDevSetROUGE1 guards the summary quality targets on the dev set:
// ROUGE-1 F1 at 3 sentences and at the reference length, computed as
// ../shared/eval/rouge.py does (lower-cased [a-z0-9]+ tokens, clipped
// unigram overlap, F1 averaged over articles).
func TestDevSetROUGE1(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	f, err := os.Open(devSet)
	if err != nil {
		t.Skipf("dev set not available: %v", err)
	}
	defer f.Close()
	type item struct {
		Text      string   `json:"text"`
		Reference string   `json:"reference_summary"`
		RefSents  []string `json:"reference_sentences"`
	}
	var items []item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		n    func(item) int
		min  float64
	}{
		{"3 sentences", func(item) int { return 3 }, 0.60},
		{"reference length", func(it item) int { return len(it.RefSents) }, 0.77},
	} {
		total := 0.0
		for _, it := range items {
			var picked []string
			for _, s := range Summarize(it.Text, tc.n(it)) {
				picked = append(picked, s.Text)
			}
			total += rouge1F(strings.Join(picked, " "), it.Reference)
		}
		got := total / float64(len(items))
		t.Logf("%s: ROUGE-1 F1 %.4f over %d articles", tc.name, got, len(items))
		if got < tc.min {
			t.Errorf("%s: ROUGE-1 F1 %.4f, want %.2f or more", tc.name, got, tc.min)
		}
	}
}

// rouge1F is ROUGE-1 F1 with the tokens of rouge.py.
func rouge1F(candidate, reference string) float64 {
	count := func(s string) map[string]int {
		m := make(map[string]int)
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}) {
			m[w]++
		}
		return m
	}
	c, r := count(candidate), count(reference)
	nc, nr, hits := 0, 0, 0
	for w, k := range c {
		nc += k
		hits += min(k, r[w])
	}
	for _, k := range r {
		nr += k
	}
	if hits == 0 {
		return 0
	}
	p, rec := float64(hits)/float64(nc), float64(hits)/float64(nr)
	return 2 * p * rec / (p + rec)
}
