package devset

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"attache/briefing/tone"
)

func TestDrawKeepsEachSourceShareAndIsFixedBySeed(t *testing.T) {
	var refs []Ref
	for i := range 300 {
		src := "reuters"
		if i%3 == 0 {
			src = "bbc"
		}
		refs = append(refs, Ref{Article: fmt.Sprintf("%s/%d", src, i), Label: "neither"})
	}
	refs = append(refs, Ref{Article: "reuters/unlabelled"})
	got := Draw(refs, 30, 7)
	if len(got) != 30 {
		t.Fatalf("drew %d, want 30", len(got))
	}
	n := map[string]int{}
	seen := map[string]bool{}
	for _, r := range got {
		src, _, _ := strings.Cut(r.Article, "/")
		n[src]++
		if r.Label == "" {
			t.Errorf("drew the unlabelled line %s", r.Article)
		}
		if seen[r.Article] {
			t.Errorf("drew %s twice", r.Article)
		}
		seen[r.Article] = true
	}
	if n["bbc"] != 10 || n["reuters"] != 20 {
		t.Errorf("drew %v, want bbc 10 and reuters 20 (their shares of the set)", n)
	}
	again := Draw(refs, 30, 7)
	other := Draw(refs, 30, 8)
	same, differ := true, false
	for i := range got {
		same = same && again[i].Article == got[i].Article
		differ = differ || other[i].Article != got[i].Article
	}
	if !same {
		t.Error("the same seed drew other lines")
	}
	if !differ {
		t.Error("another seed drew the same lines")
	}
}

func TestKappa(t *testing.T) {
	var s Scores
	// Two readers who agree on 8 of 10 lines, each giving neither to
	// half: agreement 0.8, chance 0.5, kappa 0.6.
	for range 4 {
		s.Add(tone.Neither, tone.Neither)
		s.Add(tone.VerbalConflict, tone.VerbalConflict)
	}
	s.Add(tone.Neither, tone.VerbalConflict)
	s.Add(tone.VerbalConflict, tone.Neither)
	if got := s.Kappa(); math.Abs(got-0.6) > 1e-9 {
		t.Errorf("kappa %.4f, want 0.6", got)
	}
	var all Scores
	for _, c := range tone.Classes {
		all.Add(c, c)
	}
	if got := all.Kappa(); math.Abs(got-1) > 1e-9 {
		t.Errorf("kappa of full agreement %.4f, want 1", got)
	}
}

func TestRelabelsNameLabelledLines(t *testing.T) {
	f, err := os.Open("relabels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rls, err := ReadRelabels(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	lf, err := os.Open("labels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	refs, err := ReadRefs(lf)
	lf.Close()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range refs {
		ids[LineID(r.Article, r.Sentence)] = true
	}
	seen := map[string]bool{}
	for _, rl := range rls {
		if !ids[rl.ID] {
			t.Errorf("relabel %s names no labelled line", rl.ID)
		}
		if seen[rl.ID] {
			t.Errorf("relabel %s twice", rl.ID)
		}
		seen[rl.ID] = true
	}
	if len(rls) != 200 {
		t.Errorf("%d relabels, want the 200 drawn", len(rls))
	}
}
