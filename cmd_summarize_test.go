package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"attache/sources/doc"
)

// summarizeArticleFixture is an article in the block format, with a title
// line and a heading, written for these tests.
const summarizeArticleFixture = `Ministers Agree New Arctic Shipping Rules

Transport ministers from eight Arctic states agreed on Wednesday to new rules for cargo ships crossing polar waters. The rules require ice-class hulls and trained ice pilots on every vessel above five thousand tonnes.

## What changes

Shipping companies will have two years to refit their fleets. Insurers said premiums for polar routes could fall once the rules take effect. Environmental groups welcomed the ice pilot requirement but said heavy fuel oil should also be banned.

The ministers will meet again next spring in Reykjavik to review how the rules are enforced. Officials said the Arctic route between Asia and Europe was used by a record number of ships last summer.
`

func runSummarizeTest(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := runSummarize(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func TestSummarizeStdin(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5} {
		args := []string{"--sentences", strconv.Itoa(n)}
		out, _, err := runSummarizeTest(t, summarizeArticleFixture, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != n {
			t.Errorf("%v: got %d lines %q, want %d", args, len(lines), lines, n)
		}
		folded := doc.Fold(summarizeArticleFixture)
		for _, l := range lines {
			if !strings.Contains(folded, l) {
				t.Errorf("%v: line %q is not verbatim from the article", args, l)
			}
			if strings.HasPrefix(l, "Ministers Agree") || l == "What changes" {
				t.Errorf("%v: printed the title or a heading: %q", args, l)
			}
		}
	}
	// The default is 3 sentences.
	out, _, err := runSummarizeTest(t, summarizeArticleFixture)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out, "\n"); got != 3 {
		t.Errorf("default: got %d lines, want 3", got)
	}
}

func TestSummarizeStdinEmpty(t *testing.T) {
	out, _, err := runSummarizeTest(t, "", "--sentences", "2")
	if err != nil || out != "" {
		t.Errorf("empty input: got %q, %v; want no output, no error", out, err)
	}
}

func TestWithoutTitle(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Leaders Meet\n\nThe talks began.", "\nThe talks began."},
		{"Leaders Meet\nThe talks began.", "The talks began."},
		{"The talks began.\nThey ended.", "The talks began.\nThey ended."},
		{"Did they meet?\nYes.", "Did they meet?\nYes."},
		{"## Heading\n\nBody.", "## Heading\n\nBody."},
		{"Only a title", "Only a title"},
		{"\n\n  Title here\nBody text.", "Body text."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := withoutTitle(tt.in); got != tt.want {
			t.Errorf("withoutTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAsBlocks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"block format", "Title\n\nOne. Two.\nwrapped.", "Title\n\nOne. Two.\nwrapped."},
		{"paragraph per line", "One sentence.\nHeading line\nAnother one.", "One sentence.\n\nHeading line\n\nAnother one."},
		{"crlf lines", "One.\r\nTwo.", "One.\n\nTwo."},
		{"wrapped paragraph", "The talks began on\nMonday and ended on\nFriday. Both sides\nagreed.", "The talks began on\nMonday and ended on\nFriday. Both sides\nagreed."},
		{"one line", "Just one line.", "Just one line."},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := asBlocks(tt.in); got != tt.want {
			t.Errorf("%s: asBlocks(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSummarizeStdinLines(t *testing.T) {
	// One paragraph per line, a heading line among them: the heading is
	// never glued to the next sentence.
	in := "Leaders Meet In Oslo\nThe prime ministers of Canada and Norway met in Oslo on Monday.\nWhat comes next\nTheir ministers will meet again in September to review the new patrols.\n"
	out, _, err := runSummarizeTest(t, in, "--sentences", "3")
	if err != nil {
		t.Fatal(err)
	}
	want := "The prime ministers of Canada and Norway met in Oslo on Monday.\nTheir ministers will meet again in September to review the new patrols.\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestSummarizeJSONL(t *testing.T) {
	lines := []map[string]any{
		{"id": "a-1", "title": "Ships", "text": summarizeArticleFixture, "reference_sentences": []string{"x", "y"}},
		{"id": 7, "text": "This is one short article about trade. It has two sentences about nothing much at all.", "reference_sentences": []string{"z"}},
		{"id": "empty", "text": ""},
	}
	var in bytes.Buffer
	for _, l := range lines {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(b)
		in.WriteString("\n\n") // blank lines are skipped
	}
	path := filepath.Join(t.TempDir(), "items.jsonl")
	if err := os.WriteFile(path, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	type result struct {
		ID        json.RawMessage `json:"id"`
		Sentences []string        `json:"sentences"`
		Summary   string          `json:"summary"`
	}
	for _, tc := range []struct {
		count string
		want  []int
	}{
		{"ref", []int{2, 1, 0}},
		{"4", []int{4, 2, 0}},
	} {
		out, _, err := runSummarizeTest(t, "", "--jsonl", path, "--sentences", tc.count)
		if err != nil {
			t.Fatalf("--sentences %s: %v", tc.count, err)
		}
		rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(rows) != len(tc.want) {
			t.Fatalf("--sentences %s: got %d rows, want %d", tc.count, len(rows), len(tc.want))
		}
		for i, row := range rows {
			var r result
			if err := json.Unmarshal([]byte(row), &r); err != nil {
				t.Fatalf("row %d %q: %v", i, row, err)
			}
			wantID, _ := json.Marshal(lines[i]["id"])
			if string(r.ID) != string(wantID) {
				t.Errorf("row %d: id %s, want %s", i, r.ID, wantID)
			}
			if len(r.Sentences) != tc.want[i] {
				t.Errorf("--sentences %s, row %d: %d sentences, want %d", tc.count, i, len(r.Sentences), tc.want[i])
			}
			if r.Summary != strings.Join(r.Sentences, "\n") {
				t.Errorf("row %d: summary %q is not the sentences joined", i, r.Summary)
			}
			if r.Sentences == nil {
				t.Errorf("row %d: sentences is null, want a list", i)
			}
		}
	}
	// "-" reads the JSONL from standard input.
	out, _, err := runSummarizeTest(t, in.String(), "--jsonl", "-", "--sentences", "ref")
	if err != nil || strings.Count(out, "\n") != 3 {
		t.Errorf("--jsonl -: got %q, %v", out, err)
	}
}

func TestSummarizeErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\": \"x\", \"text\": \"A.\"}\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noID := filepath.Join(t.TempDir(), "noid.jsonl")
	if err := os.WriteFile(noID, []byte("{\"text\": \"A.\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--sentences", "0"}, "positive number or ref"},
		{[]string{"--sentences", "three"}, "positive number or ref"},
		{[]string{"--sentences", "ref"}, "needs --jsonl"},
		{[]string{"--jsonl", filepath.Join(t.TempDir(), "missing.jsonl")}, "no such file"},
		{[]string{"--jsonl", bad}, "line 2"},
		{[]string{"--jsonl", noID}, "line 1: no id"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"--nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runSummarizeTest(t, summarizeArticleFixture, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "summarize: ") {
				t.Errorf("runSummarize(%q) = %v, want an error with %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestSummarizeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	err := runSummarize(ctx, []string{"--jsonl", "-"}, strings.NewReader(`{"id": 1, "text": "A b c d."}`+"\n"), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("got %v, want context canceled", err)
	}
}
