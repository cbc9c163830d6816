package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesDecodesReferences: a record holding a character reference
// ("Jos&#233;") is scored as a brief shows it, decoded as ingest decodes
// it, with the label's offset (counted in the raw record) mapped across.
func TestEvalQuotesDecodesReferences(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeEmptyPolNeAR(write)
	write("reuters-dev.jsonl", map[string]any{"id": 7, "published": "1987-03-02T10:00:00Z", "text": "No quotations."})
	text := "The agency wrote to the parliament on Friday.\n\nIn a letter, Agency President Jos&#233; Ruivo told the parliament that the agency \"did not intend to send a new proposal to the assembly\" this year."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-tech-001", "published": "2005-01-02T05:00:00Z", "text": text})
	start := utf8.RuneCountInString(text[:strings.Index(text, "did not intend")])
	write("labels.jsonl", map[string]any{"source": "bbc", "article": "bbc-tech-001", "start": start, "speaker": "José Ruivo", "roles": []string{"Agency President"},
		"unseen": map[string]any{"speaker": "José Ruivo", "role": "Agency President", "speaker_ok": true, "role_ok": "right"}})
	labels := filepath.Join(dir, "labels.jsonl")
	out, err := evalQuotesSet(t, dir, "--fourth", labels)
	if err != nil {
		t.Fatalf("eval quotes: %v", err)
	}
	want := "now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
