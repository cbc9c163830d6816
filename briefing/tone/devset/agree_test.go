package devset

import (
	"fmt"
	"math"
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
	rls := readFile(t, "relabels.jsonl", ReadRelabels)
	refs := readFile(t, "labels.jsonl", ReadRefs)
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

// The readers' roles name labelled lines, once each, and hold together.
func TestRolesNameLabelledLines(t *testing.T) {
	refs := readFile(t, "labels.jsonl", ReadRefs)
	pairs := map[string][2]string{}
	for _, r := range refs {
		pairs[LineID(r.Article, r.Sentence)] = r.Pair
	}
	for file, want := range map[string]int{"roles-1.jsonl": 120, "roles-2.jsonl": 150, "roles-3.jsonl": 200} {
		roles := readFile(t, file, ReadRoles)
		if len(roles) != want {
			t.Errorf("%s: %d roles, want the %d drawn", file, len(roles), want)
		}
		seen := map[string]bool{}
		for _, ro := range roles {
			p, ok := pairs[ro.ID]
			if !ok || seen[ro.ID] {
				t.Errorf("%s: %s names no labelled line, or twice", file, ro.ID)
			}
			seen[ro.ID] = true
			if ro.Relation == "directed" && !(ro.Actor == p[0] && ro.Target == p[1] || ro.Actor == p[1] && ro.Target == p[0]) {
				t.Errorf("%s: %s: %s on %s, not the pair %v", file, ro.ID, ro.Actor, ro.Target, p)
			}
		}
	}
}

func TestReadRolesRefusesWhatDoesNotHold(t *testing.T) {
	for _, in := range []string{
		`{"id":"a#1","relation":"directed","actor":"US"}`,
		`{"id":"a#1","relation":"directed","actor":"US","target":"US"}`,
		`{"id":"a#1","relation":"mutual","actor":"US","target":"JP"}`,
		`{"id":"a#1","relation":"friendly"}`,
		`{"relation":"none"}`,
		`{"id":"a#1",`,
	} {
		if _, err := ReadRoles(strings.NewReader(in + "\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: err = %v, want one naming line 1", in, err)
		}
	}
	roles, err := ReadRoles(strings.NewReader(`{"id":"a#1","relation":"directed","actor":"US","target":"JP"}` + "\n\n" + `{"id":"a#2","relation":"none"}` + "\n"))
	if err != nil || len(roles) != 2 || roles[0].Actor != "US" || roles[1].Relation != "none" {
		t.Errorf("roles %+v, err %v", roles, err)
	}
}
