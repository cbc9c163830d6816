package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesFourth: `eval quotes --fourth FILE` scores a set of quotes
// shown in briefs like the other hand-labelled sets, over records of our
// own in the shape of the Reuters and BBC dev files.
func TestEvalQuotesFourth(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeEmptyPolNeAR(write)
	text := "The ministry raised its forecast for the harvest.\n\n\"The rains came early this year,\" Farm Minister Odile Brandt said on Tuesday."
	write("reuters-dev.jsonl", map[string]any{"id": 7, "published": "1987-03-02T10:00:00Z", "text": text})
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-001", "published": "2005-01-02T05:00:00Z", "text": "No quotations."})
	start := utf8.RuneCountInString(text[:strings.Index(text, "The rains")])
	write("fourth.jsonl", map[string]any{"source": "reuters", "article": "7", "start": start, "speaker": "Odile Brandt", "roles": []string{"Farm Minister"},
		"unseen": map[string]any{"speaker": "Odile Brandt", "role": "", "speaker_ok": true, "role_ok": "wrong"}})
	fourth := filepath.Join(dir, "fourth.jsonl")
	out, err := evalQuotesSet(t, dir, "--fourth", fourth)
	if err != nil {
		t.Fatalf("eval quotes --fourth: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + fourth + "): 1 quotations",
		"unseen, when labelled  (  1 shown then): speaker right 100.0% (1/1), role right or rightly absent   0.0% (0/1)",
		"now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
