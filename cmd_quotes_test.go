package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunQuotesJSONL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "articles.jsonl")
	lines := []string{
		`{"id": "a1", "text": "Talks went on.\n\n“We will sign the treaty in May,” Foreign Minister Lea Novak said."}`,
		``,
		`{"id": 7, "text": "No quotations in this one."}`,
		`{"id": "a3", "text": "We welcome the new ferry line between our ports,\n\nTomas Berg Danish Transport Minister\n\nThe ferry starts in June."}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := runQuotes(context.Background(), []string{"--jsonl", in}, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("runQuotes: %v (stderr %q)", err, stderr.String())
	}
	type q struct {
		Quote, Speaker, Role string
	}
	type row struct {
		ID     json.RawMessage `json:"id"`
		Quotes []q             `json:"quotes"`
	}
	var got []row
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var r row
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		if r.Quotes == nil {
			t.Errorf("line %q: quotes is null, want a list", l)
		}
		got = append(got, r)
	}
	want := []struct {
		id     string
		quotes []q
	}{
		{`"a1"`, []q{{"We will sign the treaty in May,", "Lea Novak", "Foreign Minister"}}},
		{`7`, nil},
		{`"a3"`, []q{{"We welcome the new ferry line between our ports", "Tomas Berg", "Danish Transport Minister"}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), stdout.String())
	}
	for i, w := range want {
		if string(got[i].ID) != w.id {
			t.Errorf("line %d: id %s, want %s", i, got[i].ID, w.id)
		}
		if len(got[i].Quotes) != len(w.quotes) {
			t.Errorf("line %d: %d quotes, want %d", i, len(got[i].Quotes), len(w.quotes))
			continue
		}
		for j, wq := range w.quotes {
			if got[i].Quotes[j] != wq {
				t.Errorf("line %d quote %d = %+v, want %+v", i, j, got[i].Quotes[j], wq)
			}
		}
	}
}

func TestRunQuotesStdin(t *testing.T) {
	article := "The vote passed.\n\n“This is a good day for the city,” said Mayor Ines Duarte."
	var stdout, stderr bytes.Buffer
	if err := runQuotes(context.Background(), nil, strings.NewReader(article), &stdout, &stderr); err != nil {
		t.Fatalf("runQuotes: %v", err)
	}
	got := stdout.String()
	want := "Ines Duarte, Mayor:\n  “This is a good day for the city,”\n"
	if got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}

	stdout.Reset()
	if err := runQuotes(context.Background(), nil, strings.NewReader("Nothing quoted here."), &stdout, &stderr); err != nil {
		t.Fatalf("runQuotes: %v", err)
	}
	if got, want := stdout.String(), "No quotations found.\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestRunQuotesErrors(t *testing.T) {
	dir := t.TempDir()
	badJSON := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(badJSON, []byte("{\"id\": \"x\", \"text\": \"ok\"}\nnot json\n"), 0o644)
	noID := filepath.Join(dir, "noid.jsonl")
	os.WriteFile(noID, []byte("{\"text\": \"ok\"}\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"--nope"}, "flag provided but not defined"},
		{"extra argument", []string{"article.txt"}, "unexpected argument"},
		{"missing file", []string{"--jsonl", filepath.Join(dir, "absent.jsonl")}, "no such file"},
		{"bad line", []string{"--jsonl", badJSON}, "bad.jsonl:2"},
		{"no id", []string{"--jsonl", noID}, `no "id"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runQuotes(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if err == nil {
				t.Fatalf("runQuotes(%v) succeeded, want an error containing %q", tt.args, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "quotes: ") {
				t.Errorf("error = %q, want prefix %q and %q", err, "quotes: ", tt.want)
			}
		})
	}
}

func TestRunQuotesCancelled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	os.WriteFile(in, []byte("{\"id\": \"a\", \"text\": \"x\"}\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	if err := runQuotes(ctx, []string{"--jsonl", in}, strings.NewReader(""), &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("err = %v, want context canceled", err)
	}
}

// Every spelling of --jsonl sends `attache quotes` to the quote finder,
// whatever the length of the file name.
func TestQuotesCommandJSONLSpellings(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("q", []byte(`{"id": "a1", "text": "“We will sign the treaty in May,” Foreign Minister Lea Novak said."}`+"\n"), 0o644)
	for _, args := range [][]string{{"--jsonl", "q"}, {"-jsonl", "q"}, {"--jsonl=q"}, {"-jsonl=q"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, _, err := attache(t, filepath.Join(dir, "data"), append([]string{"quotes"}, args...)...)
			if err != nil || !strings.Contains(out, `"speaker":"Lea Novak"`) {
				t.Errorf("attache quotes %v = %q, %v; want the quote of Lea Novak", args, out, err)
			}
		})
	}
}
