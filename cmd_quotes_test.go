package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEvalQuotesJSONL(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
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
	out, errOut, err := attache(t, filepath.Join(dir, "data"), "eval", "quotes", "--jsonl", in)
	if err != nil {
		t.Fatalf("eval quotes --jsonl: %v (stderr %q)", err, errOut)
	}
	stdout := bytes.NewBufferString(out)
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

func quotesRun(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	t.Setenv("DISCORD_TOKEN", "")
	var out, errOut bytes.Buffer
	full := append([]string{"--data", t.TempDir(), "quotes"}, args...)
	err := run(context.Background(), full, strings.NewReader(stdin), &out, &errOut)
	return out.String(), err
}

func TestQuotesArticle(t *testing.T) {
	article := "The vote passed.\n\n“This is a good day for the city,” said Mayor Ines Duarte."
	got, err := quotesRun(t, article, "--article", "-")
	if err != nil {
		t.Fatalf("quotes --article -: %v", err)
	}
	want := "Ines Duarte, Mayor:\n  “This is a good day for the city,”\n"
	if got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	path := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(path, []byte("Nothing quoted here."), 0o644)
	got, err = quotesRun(t, "", "--article", path)
	if err != nil {
		t.Fatalf("quotes --article: %v", err)
	}
	if want := "No quotations found.\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	if _, err := quotesRun(t, "", "--article", filepath.Join(t.TempDir(), "absent.txt")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("quotes --article on a missing file: err = %v, want no such file", err)
	}
}

func TestEvalQuotesJSONLErrors(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
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
		{"missing file", []string{"--jsonl", filepath.Join(dir, "absent.jsonl")}, "no such file"},
		{"bad line", []string{"--jsonl", badJSON}, "bad.jsonl:2"},
		{"no id", []string{"--jsonl", noID}, `no "id"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := attache(t, filepath.Join(dir, "data"), append([]string{"eval", "quotes"}, tt.args...)...)
			if err == nil {
				t.Fatalf("eval quotes %v succeeded, want an error containing %q", tt.args, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestEvalQuotesJSONLCancelled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	os.WriteFile(in, []byte("{\"id\": \"a\", \"text\": \"x\"}\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout bytes.Buffer
	if err := quotesJSONL(ctx, in, &stdout, nil); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("err = %v, want context canceled", err)
	}
}

// quotesCorpus ingests two old articles (two years back) with quotes by
// two people into a store without the sample, and returns its flags.
func quotesCorpus(t *testing.T) []string {
	t.Helper()
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte("sample_corpus: false\n"), 0o600)
	old := time.Now().AddDate(-2, 0, 0).UTC().Format(time.RFC3339)
	rows := []map[string]string{
		{"title": "Ferry line opens between Denmark and Sweden", "url": "https://news.example/ferry", "source": "Example News", "published": old,
			"text": "The Danish transport minister opened the line on Monday.\n\n“This ferry brings our two coasts closer than ever before,” Transport Minister Lea Novak said at the pier.\n\nSwedish officials were more careful. “We will judge the line by its first winter at sea,” said Anders Holm, a Swedish port official."},
		{"title": "Denmark and Sweden sign port deal", "url": "https://news.example/ports", "source": "Example News", "published": old,
			"text": "The two governments signed the deal in Malmo.\n\n“A shared port authority will save both countries money every year,” Lea Novak, the Danish transport minister, told reporters after the signing."},
	}
	var b strings.Builder
	for _, r := range rows {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	in := filepath.Join(dir, "news.jsonl")
	os.WriteFile(in, []byte(b.String()), 0o644)
	flags := []string{"--config", cfg, "--data", filepath.Join(dir, "data")}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), append(append([]string{}, flags...), "ingest", in), strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("ingest: %v (%s)", err, errOut.String())
	}
	return flags
}

// `quotes --speaker NAME --since W` and `quotes by NAME since W` both find
// one person's quotes in the terminal, as a DM does; the speaker's words
// are never read as countries or topics.
func TestQuotesBySpeakerInTerminal(t *testing.T) {
	flags := quotesCorpus(t)
	for _, args := range [][]string{
		{"--speaker", "novak", "--since", "3y"},
		{"--since", "3y", "--speaker", "Lea Novak"},
		{"by", "novak", "since", "3y"},
		{"by", "lea", "novak", "--since", "3y"},
		{"--speaker", "novak"}, // the default window widens to the old articles
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			full := append(append(append([]string{}, flags...), "quotes", "--format", "json"), args...)
			if err := run(context.Background(), full, strings.NewReader(""), &out, &errOut); err != nil {
				t.Fatalf("quotes %v: %v", args, err)
			}
			var b struct {
				Title  string `json:"title"`
				Quotes []struct {
					Text, Speaker string
				} `json:"quotes"`
			}
			if err := json.Unmarshal(out.Bytes(), &b); err != nil {
				t.Fatalf("quotes %v: output is not JSON: %v\n%s", args, err, out.String())
			}
			if len(b.Quotes) != 2 {
				t.Fatalf("quotes %v: %d quotes, want Lea Novak's 2:\n%s", args, len(b.Quotes), out.String())
			}
			for _, q := range b.Quotes {
				if q.Speaker != "Lea Novak" {
					t.Errorf("quotes %v: speaker %q, want Lea Novak", args, q.Speaker)
				}
			}
		})
	}
	var out, errOut bytes.Buffer
	full := append(append([]string{}, flags...), "quotes", "by", "since", "3y")
	if err := run(context.Background(), full, strings.NewReader(""), &out, &errOut); err == nil || !strings.Contains(err.Error(), "whose quotes") {
		t.Errorf("quotes by since 3y: err = %v, want a request to name the person", err)
	}
}
