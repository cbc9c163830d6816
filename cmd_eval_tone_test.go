package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"attache/briefing/eval"
)

// toneFixture is a labelled file in the shape of `attache eval tone`
// input, written for this test.
const toneFixture = `{"id":"a#1","text":"Washington imposed tariffs on Japanese computers on Friday.","context":"","pair":["US","JP"],"label":"material_conflict"}
{"id":"a#2","text":"Japan accused the United States of breaking the chip pact.","context":"Washington imposed tariffs on Japanese computers on Friday.","pair":["JP","US"],"label":"verbal_conflict"}
{"id":"b#1","text":"Japan and Italy held talks on a new fighter jet in Rome.","context":"","pair":["JP","IT"],"label":"verbal_cooperation"}
{"id":"c#1","text":"Italy has extended a loan of 50 million euros to Tunisia.","context":"","pair":["IT","TN"],"label":"material_cooperation"}
{"id":"d#1","text":"Japanese exports to Italy rose 4 pct in March.","context":"","pair":["JP","IT"],"label":"neither"}
{"id":"e#1","text":"Brazil refused to sign the rescheduling agreement with France.","context":"","pair":["BR","FR"]}
`

func TestEvalTone(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	in := filepath.Join(dir, "lines.jsonl")
	if err := os.WriteFile(in, []byte(toneFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := attache(t, dir, "eval", "tone", in)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d output lines, want one a line:\n%s", len(lines), out)
	}
	want := map[string]string{"a#1": "material_conflict", "a#2": "verbal_conflict", "b#1": "verbal_cooperation", "c#1": "material_cooperation", "d#1": "neither", "e#1": "verbal_conflict"}
	for _, l := range lines {
		var o struct{ ID, Tone string }
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if want[o.ID] != o.Tone {
			t.Errorf("%s: tone %q, want %q", o.ID, o.Tone, want[o.ID])
		}
	}

	out, _, err = attache(t, dir, "eval", "tone", in, "--score")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"as shipped", "5 lines, macro-F1 1.000", "confusion (rows: label, columns: predicted)", "material_conflict"} {
		if !strings.Contains(out, want) {
			t.Errorf("--score output lacks %q:\n%s", want, out)
		}
	}

	// --fit cross-validates on the labelled lines, the training runs in
	// the orders --seed names.
	out, _, err = attache(t, dir, "eval", "tone", in, "--fit", "--seed", "7")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cross-validated (5 folds grouped by article", "training orders 7-11 (--seed)"} {
		if !strings.Contains(out, want) {
			t.Errorf("--fit --seed 7 output lacks %q:\n%s", want, out)
		}
	}

	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"x","text":"Japan and Italy met.","pair":["JP","IT"],"label":"friendly"}`+"\n"), 0o644)
	if _, _, err := attache(t, dir, "eval", "tone", bad); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("an unknown label: err = %v, want one naming line 1", err)
	}
}

// TestJoinRepeats: articles that share a sentence's text fall in one
// cross-validation group, with every line of each.
func TestJoinRepeats(t *testing.T) {
	lines := []toneLine{
		{ID: "a#1", Text: "Japan and Italy held talks."},
		{ID: "b#1", Text: " Japan and  Italy held talks. "},
		{ID: "b#2", Text: "Italy signed the pact."},
		{ID: "c#1", Text: "Japanese exports rose."},
		// A story refiled with one word changed.
		{ID: "d#1", Text: "Reagan imposed the sanctions on April 17 in retaliation for Japan's failure to honour the pact."},
		{ID: "e#3", Text: "Reagan imposed the sanctions on April 17 in retaliation for Japan's failure to honor the pact."},
		// Another sentence on the same matter, in other words.
		{ID: "f#1", Text: "The sanctions were imposed by Reagan because Japan had failed to honor the pact."},
	}
	groups := []string{"a", "b", "b", "c", "d", "e", "f"}
	joinRepeats(lines, groups)
	if groups[0] != groups[1] || groups[1] != groups[2] {
		t.Errorf("groups = %v: a and b share a sentence and should share a group", groups)
	}
	if groups[3] == groups[0] {
		t.Errorf("groups = %v: c shares nothing and should stand alone", groups)
	}
	if groups[4] != groups[5] {
		t.Errorf("groups = %v: d and e are one sentence with a word changed and should share a group", groups)
	}
	if groups[6] == groups[4] || groups[6] == groups[0] || groups[6] == groups[3] {
		t.Errorf("groups = %v: f says the same in other words and should stand alone", groups)
	}
}

// TestSaltGroups: another partition keeps each group whole in one fold
// but deals the groups out otherwise; partition 0 is the usual one.
func TestSaltGroups(t *testing.T) {
	var groups []string
	for i := range 200 {
		g := fmt.Sprintf("reuters/%d", i/2) // two lines an article
		groups = append(groups, g)
	}
	usual := eval.Folds(slices.Clone(groups), eval.DefaultFolds)
	same := slices.Clone(groups)
	saltGroups(same, 0)
	if !slices.Equal(same, groups) {
		t.Error("partition 0 changed the groups")
	}
	moved := 0
	for p := 1; p <= 2; p++ {
		salted := slices.Clone(groups)
		saltGroups(salted, p)
		folds := eval.Folds(salted, eval.DefaultFolds)
		for i := 0; i < len(folds); i += 2 {
			if folds[i] != folds[i+1] {
				t.Fatalf("partition %d split the article %s", p, groups[i])
			}
			if folds[i] != usual[i] {
				moved++
			}
		}
	}
	if moved < 100 {
		t.Errorf("partitions 1 and 2 moved %d of 200 articles' folds: not another partition", moved)
	}
}

// TestEvalToneBlindAndAgree: --blind writes labelled lines without their
// labels, and --agree scores a second labelling of them against the
// stored one.
func TestEvalToneBlindAndAgree(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	evalDir, _ := filepath.Abs("../shared/eval")
	if _, err := os.Stat(filepath.Join(evalDir, "reuters-dev.jsonl")); err != nil {
		t.Skip("../shared/eval is absent")
	}
	labels, _ := filepath.Abs("briefing/tone/devset/labels.jsonl")
	dir := t.TempDir()
	out, _, err := attache(t, dir, "eval", "tone", "--blind", "6", "--seed", "3", "--dir", evalDir, "--labels", labels)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d sheet lines, want 6:\n%s", len(lines), out)
	}
	var relabels strings.Builder
	for _, l := range lines {
		var row map[string]any
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatal(err)
		}
		if _, ok := row["label"]; ok {
			t.Errorf("the blind sheet shows a label: %s", l)
		}
		if row["text"] == "" || row["id"] == "" {
			t.Errorf("a sheet line without its id or text: %s", l)
		}
		fmt.Fprintf(&relabels, "{\"id\":%q,\"label\":\"neither\"}\n", row["id"])
	}
	rel := filepath.Join(dir, "relabels.jsonl")
	if err := os.WriteFile(rel, []byte(relabels.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = attache(t, dir, "eval", "tone", "--agree", rel, "--dir", evalDir, "--labels", labels)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "second labelling against the stored labels: 6 lines, agreement") || !strings.Contains(out, "Cohen's kappa") {
		t.Errorf("--agree output:\n%s", out)
	}

	os.WriteFile(rel, []byte(`{"id":"reuters/none#0","label":"neither"}`+"\n"), 0o644)
	if _, _, err := attache(t, dir, "eval", "tone", "--agree", rel, "--dir", evalDir, "--labels", labels); err == nil {
		t.Error("a relabel naming no labelled line: want an error")
	}
}
