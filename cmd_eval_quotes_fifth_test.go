package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesFifth: `eval quotes --fifth FILE` scores a fifth set of
// quotes shown in briefs like the other hand-labelled sets, here over a
// BBC record of our own; the other sets are skipped.
func TestEvalQuotesFifth(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeEmptyPolNeAR(write)
	write("reuters-dev.jsonl", map[string]any{"id": 3, "published": "1987-04-01T09:00:00Z", "text": "No quotations."})
	text := "Shares in the ferry operator rose by a tenth on Monday.\n\n\"We expect the busiest summer we have had,\" said Lena Holt, chief executive of Northway Ferries."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-002", "published": "2005-01-03T05:00:00Z", "text": text})
	start := utf8.RuneCountInString(text[:strings.Index(text, "\"We expect")])
	write("fifth.jsonl",
		map[string]any{"source": "bbc", "article": "bbc-business-002", "start": start, "speaker": "Lena Holt",
			"roles":  []string{"chief executive of Northway Ferries", "chief executive"},
			"unseen": map[string]any{"speaker": "Northway Ferries", "role": "", "speaker_ok": false, "role_ok": "wrong"}})
	fifth := filepath.Join(dir, "fifth.jsonl")
	out, err := evalQuotesSet(t, dir, "--fifth", fifth)
	if err != nil {
		t.Fatalf("eval quotes --fifth: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + fifth + "): 1 quotations",
		"unseen, when labelled  (  1 shown then): speaker right   0.0% (0/1), role right or rightly absent   0.0% (0/1)",
		"now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "hand-labelled (") != 1 {
		t.Errorf("want only the fifth set scored:\n%s", out)
	}
}
