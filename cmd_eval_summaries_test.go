package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/briefing/eval"
)

// eval summaries scores each summary against its reference as rouge.py
// does and writes the summaries it scored.
func TestEvalSummaries(t *testing.T) {
	dir := t.TempDir()
	arts := []summaryItem{
		{ID: "s-1", Text: "Fishermen in Norway caught more cod this winter than in any year since 1990.\n\nThe catch was worth 8 billion crowns, the fisheries ministry said. Prices fell as boats landed more fish.\n\nOfficials expect a smaller catch next year as quotas are cut.",
			ReferenceSummary: "Fishermen in Norway caught more cod this winter than in any year since 1990. The catch was worth 8 billion crowns, the fisheries ministry said."},
		{ID: "s-2", Text: "A new bridge over the river opened on Monday after six years of building.\n\nThe bridge cost 400 million euros and carries trains and cars. Engineers said it would last a century.\n\nThe mayor cut the ribbon before a crowd of thousands.",
			ReferenceSummary: "A new bridge over the river opened on Monday after six years of building."},
		{ID: "s-3", Text: "The central bank held interest rates at 4 percent.\n\nIts governor said inflation was falling but remained above target. Markets had expected the decision.\n\nThe next meeting is in June.",
			ReferenceSummary: "The central bank held interest rates at 4 percent. Its governor said inflation was falling but remained above target."},
	}
	var in bytes.Buffer
	for _, a := range arts {
		b, _ := json.Marshal(a)
		in.Write(b)
		in.WriteString("\n")
	}
	file := filepath.Join(dir, "summaries.jsonl")
	os.WriteFile(file, in.Bytes(), 0o600)
	outFile := filepath.Join(dir, "out.jsonl")
	var stdout, stderr bytes.Buffer
	app := &App{stdout: &stdout, stderr: &stderr}
	if err := evalSummaries(context.Background(), app, []string{"--file", file, "--folds", "3", "--sentences", "2", "--jsonl", outFile}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != len(arts) {
		t.Fatalf("wrote %d summaries, want %d", len(lines), len(arts))
	}
	var r1 float64
	for i, l := range lines {
		var got struct {
			ID        string   `json:"id"`
			Sentences []string `json:"sentences"`
			Summary   string   `json:"summary"`
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != arts[i].ID || len(got.Sentences) != 2 || got.Summary != strings.Join(got.Sentences, "\n") {
			t.Errorf("summary %d = %+v", i, got)
		}
		for _, s := range got.Sentences {
			if !strings.Contains(strings.Join(strings.Fields(arts[i].Text), " "), s) {
				t.Errorf("sentence %q is not verbatim from %s", s, arts[i].ID)
			}
		}
		r1 += eval.RougeN(eval.RougeTokens(got.Summary), eval.RougeTokens(arts[i].ReferenceSummary), 1).F
	}
	var r1Line string
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(l, "R-1 ") {
			r1Line = l
		}
	}
	if f := strings.Fields(r1Line); len(f) < 2 || f[1] != fmt.Sprintf("%.1f", 100*r1/float64(len(arts))) {
		t.Errorf("printed %q, want R-1 %.1f (the mean over the summaries written)\n%s", r1Line, 100*r1/float64(len(arts)), stdout.String())
	}
	if !strings.Contains(stdout.String(), "cross-validated (3 folds over articles)") {
		t.Errorf("no cross-validated column:\n%s", stdout.String())
	}
}
