package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesSixth: `eval quotes --sixth FILE` scores a sixth set of
// quotes shown in briefs like the other hand-labelled sets, over records
// of our own from both sources, and gives the figures of each source; the
// other sets are skipped.
func TestEvalQuotesSixth(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
	wire := "Farm ministers met in Brussels on Tuesday.\n\n\"We will not cut the levy on cereals this year,\" Farm Minister Anna Berg told reporters."
	write("reuters-dev.jsonl", map[string]any{"id": 5, "published": "1987-04-02T09:00:00Z", "text": wire})
	text := "Shares in the ferry operator rose by a tenth on Monday.\n\n\"We expect the busiest summer we have had,\" said Lena Holt, chief executive of Northway Ferries."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-002", "published": "2005-01-03T05:00:00Z", "text": text})
	write("sixth.jsonl",
		map[string]any{"source": "reuters", "article": "5", "start": utf8.RuneCountInString(wire[:strings.Index(wire, "We will")]), "speaker": "Anna Berg",
			"roles":  []string{"Farm Minister"},
			"unseen": map[string]any{"speaker": "Anna Berg", "role": "Farm Minister", "speaker_ok": true, "role_ok": "right"}},
		map[string]any{"source": "bbc", "article": "bbc-business-002", "start": utf8.RuneCountInString(text[:strings.Index(text, "We expect")]), "speaker": "Lena Holt",
			"roles":  []string{"chief executive of Northway Ferries", "chief executive"},
			"unseen": map[string]any{"speaker": "Northway Ferries", "role": "", "speaker_ok": false, "role_ok": "wrong"}})
	sixth := filepath.Join(dir, "sixth.jsonl")
	out, err := evalQuotesSet(t, dir, "--sixth", sixth)
	if err != nil {
		t.Fatalf("eval quotes --sixth: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + sixth + "): 2 quotations",
		"unseen, when labelled  (  2 shown then): speaker right  50.0% (1/2), role right or rightly absent  50.0% (1/2)",
		"now                    (  2 shown now):  speaker right 100.0% (2/2), role right or rightly absent 100.0% (2/2); 0 labelled",
		"bbc      unseen     (  1): speaker right   0.0% (0/1), role right or rightly absent   0.0% (0/1)",
		"bbc      now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
		"reuters  unseen     (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
		"reuters  now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "hand-labelled (") != 1 {
		t.Errorf("want only the sixth set scored:\n%s", out)
	}
}
