package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The newcomer's path: a fresh data folder holds the bundled sample; once
// the person ingests articles of their own, briefs, digests and search
// leave the sample out (and say so where it matters), ingest says which
// articles have no date, and show, search and stats read plainly.
func TestNewcomersPath(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	lines := `{"title": "Canada and Norway agree on Arctic patrols", "url": "https://north.example/arctic-patrols", "source": "North Wire", "published": "2026-11-20", "text": "Canada and Norway agreed on Monday to run joint patrols in Arctic waters from next spring.\n\nNorwegian and Canadian ships will share fuel depots, and Canada will send two frigates to Norway in March.\n\nNorway's defence minister said the patrols would start near Svalbard. Canada's foreign minister called the deal a sign of trust between Canada and Norway."}
{"title": "Fishing quotas set for the North Sea", "url": "https://north.example/quotas", "source": "North Wire", "text": "Ministers set fishing quotas for the North Sea on Tuesday after two days of talks.\n\nCod quotas fell by a tenth."}
`
	file := filepath.Join(t.TempDir(), "mine.jsonl")
	os.WriteFile(file, []byte(lines), 0o600)
	out, _, err := attache(t, data, "ingest", file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Fishing quotas set for the North Sea") || !strings.Contains(out, "undated: no date in it, ranked as older than any dated article") {
		t.Errorf("ingest does not say which article is undated:\n%s", out)
	}
	out, _, err = attache(t, data, "stats")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "of them the bundled sample, left out of briefs, digests and search while the store has articles of its own") ||
		!strings.Contains(out, "Undated:   1") {
		t.Errorf("stats:\n%s", out)
	}
	// The sample holds Japan–Italy stories; the person's corpus does not.
	_, _, err = attache(t, data, "brief", "japan", "italy")
	if err == nil || !strings.Contains(err.Error(), "I found no article naming both Japan and Italy") || !strings.Contains(err.Error(), "`--sample` brings it back") {
		t.Errorf("brief japan italy over the person's own corpus = %v, want nothing found and the sample said to be left out", err)
	}
	out, _, err = attache(t, data, "brief", "--sample", "japan", "italy")
	if err != nil || !strings.Contains(out, "(sample)") {
		t.Errorf("brief --sample japan italy = %v:\n%s", err, out)
	}
	out, _, err = attache(t, data, "brief", "canada", "norway")
	if err != nil || !strings.Contains(out, "1 story from 1 outlet") || strings.Contains(out, "(sample)") {
		t.Errorf("brief canada norway = %v:\n%s", err, out)
	}
	out, _, err = attache(t, data, "search", "frigates")
	if err != nil || !strings.Contains(out, "*frigates* to Norway in March.") {
		t.Errorf("search frigates has no snippet with the word = %v:\n%s", err, out)
	}
	out, _, err = attache(t, data, "search", "kishida")
	if err != nil || !strings.Contains(out, "No articles match") || !strings.Contains(out, "--sample searches it too") {
		t.Errorf("search kishida over the person's own corpus = %v:\n%s", err, out)
	}
}

// stats counts one outlet as "1 outlet".
func TestStatsOneOutlet(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("sample_corpus: false\n"), 0o600)
	file := filepath.Join(t.TempDir(), "one.jsonl")
	os.WriteFile(file, []byte(`{"title": "Talks", "url": "https://one.example/a", "source": "One Wire", "published": "2026-11-02", "text": "Talks went on."}`+"\n"), 0o600)
	if _, _, err := attache(t, data, "--config", cfg, "ingest", file); err != nil {
		t.Fatal(err)
	}
	out, _, err := attache(t, data, "--config", cfg, "stats")
	if err != nil || !strings.Contains(out, "Sources:   1 outlet\n") || !strings.Contains(out, "Articles:  1\n") {
		t.Errorf("stats = %v:\n%s", err, out)
	}
}
