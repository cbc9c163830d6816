package devset

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"attache/briefing/geo"
	"attache/briefing/tone"
)

// evalDir is ../shared/eval seen from this package.
const evalDir = "../../../../shared/eval"

// readFile reads one of the package's files with read, or fails the
// test.
func readFile[T any](t *testing.T, name string, read func(io.Reader) ([]T, error)) []T {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLabelsRebuildFromCorpora(t *testing.T) {
	refs := readFile(t, "labels.jsonl", ReadRefs)
	if len(refs) < 2400 {
		t.Errorf("%d labelled sentences, want at least 2,400 (four rounds)", len(refs))
	}
	seen := map[string]bool{}
	for _, r := range refs {
		id := LineID(r.Article, r.Sentence)
		if seen[id] {
			t.Errorf("%s is labelled twice", id)
		}
		seen[id] = true
	}
	counts := map[string]int{}
	for _, r := range refs {
		counts[r.Label]++
	}
	for _, c := range tone.Classes {
		if counts[c.String()] < 30 {
			t.Errorf("class %s has %d labels, want at least 30", c, counts[c.String()])
		}
	}
	arts, err := ReadCorpora(evalDir)
	if errors.Is(err, ErrNoCorpus) {
		t.Skip("../shared/eval is absent")
	}
	if err != nil {
		t.Fatal(err)
	}
	lines, err := Rebuild(refs, arts)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	fd := tone.NewFinder(g)
	for i, l := range lines {
		a := arts[refs[i].Article]
		// Every sentence names both sides of its pair: the labels are
		// about pairs, and a shifted offset would break that.
		var found [2]bool
		for _, p := range fd.Parties(l.Text, a.Published) {
			for s := 0; s < 2; s++ {
				if tone.SameParty(p.Code, l.Pair[s]) {
					found[s] = true
				}
			}
		}
		if !found[0] || !found[1] {
			t.Errorf("%s: sentence does not name %v: %q", l.ID, l.Pair, l.Text)
		}
		if strings.TrimSpace(l.Text) == "" {
			t.Errorf("%s: empty sentence", l.ID)
		}
	}
}

func TestRebuildRefusesShiftedOffsets(t *testing.T) {
	arts := map[string]*Article{"bbc/x": {ID: "bbc/x", Text: "Short text."}}
	_, err := Rebuild([]Ref{{Article: "bbc/x", Span: [2]int{0, 500}, Pair: [2]string{"US", "JP"}}}, arts)
	if err == nil {
		t.Error("a span past the article's end: want an error")
	}
	_, err = Rebuild([]Ref{{Article: "bbc/missing", Span: [2]int{0, 1}}}, arts)
	if err == nil {
		t.Error("an article not in the corpora: want an error")
	}
}

func TestScores(t *testing.T) {
	var s Scores
	s.Add(tone.Neither, tone.Neither)
	s.Add(tone.VerbalConflict, tone.VerbalCooperation)
	s.Add(tone.VerbalCooperation, tone.VerbalCooperation)
	s.Add(tone.MaterialConflict, tone.MaterialConflict)
	if got := s.CrossCount(); got != 1 {
		t.Errorf("CrossCount = %d, want 1", got)
	}
	if got := s.Precision(tone.VerbalCooperation); got != 0.5 {
		t.Errorf("precision of verbal cooperation = %v, want 0.5", got)
	}
	if got := s.Recall(tone.VerbalConflict); got != 0 {
		t.Errorf("recall of verbal conflict = %v, want 0", got)
	}
}

// TestSampleSkipsLabelledLines: a draw never takes a sentence already in
// the set; an article named in Exclude gives none at all, one whose
// labelled line alone is named gives another of its sentences.
func TestSampleSkipsLabelledLines(t *testing.T) {
	cands := []Candidate{
		{Ref: Ref{Article: "reuters/1", Sentence: 0, Pair: [2]string{"US", "JP"}}},
		{Ref: Ref{Article: "reuters/1", Sentence: 3, Pair: [2]string{"US", "JP"}}},
	}
	for seed := uint64(1); seed <= 8; seed++ {
		got := Sample(cands, SampleOptions{N: 5, Seed: seed, Exclude: map[string]bool{LineID("reuters/1", 0): true}})
		if len(got) != 1 || got[0].Sentence != 3 {
			t.Fatalf("seed %d: drew %+v, want sentence 3 alone", seed, got)
		}
		if got := Sample(cands, SampleOptions{N: 5, Seed: seed, Exclude: map[string]bool{"reuters/1": true}}); len(got) != 0 {
			t.Fatalf("seed %d: drew %+v from an excluded article", seed, got)
		}
	}
}
