package main

import (
	"bytes"
	"context"
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

func TestSummarizeErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--sentences", "0"}, "positive number or ref"},
		{[]string{"--sentences", "three"}, "positive number or ref"},
		{[]string{"--sentences", "ref"}, "attache eval summaries"},
		{[]string{"--jsonl", "items.jsonl"}, "flag provided but not defined"},
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
