package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesTenth: `eval quotes --tenth FILE` scores a tenth set of
// quotes shown in briefs like the other hand-labelled sets, over records of
// our own from both sources, and gives the figures of each source; the
// other sets are skipped.
func TestEvalQuotesTenth(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
	wire := "Coffee roasters met in Santos on Monday.\n\n\"Growers will hold back beans until prices recover,\" Trade Secretary Paulo Vianna told the roasters."
	write("reuters-dev.jsonl", map[string]any{"id": 14, "published": "1987-07-14T08:00:00Z", "text": wire})
	text := "The ferry operator cut two winter routes.\n\n\"Fuel has made the short crossings lose money every month,\" said Iona Brackett, operations director of Sound Ferries."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-009", "published": "2005-02-21T05:00:00Z", "text": text})
	write("tenth.jsonl",
		map[string]any{"source": "reuters", "article": "14", "start": utf8.RuneCountInString(wire[:strings.Index(wire, "Growers will")]), "speaker": "Paulo Vianna",
			"roles":  []string{"Trade Secretary"},
			"unseen": map[string]any{"speaker": "the roasters", "role": "", "speaker_ok": false, "role_ok": "wrong"}},
		map[string]any{"source": "bbc", "article": "bbc-business-009", "start": utf8.RuneCountInString(text[:strings.Index(text, "Fuel has")]), "speaker": "Iona Brackett",
			"roles":  []string{"operations director of Sound Ferries", "operations director"},
			"unseen": map[string]any{"speaker": "Iona Brackett", "role": "operations director of Sound Ferries", "speaker_ok": true, "role_ok": "right"}})
	tenth := filepath.Join(dir, "tenth.jsonl")
	out, err := evalQuotesSet(t, dir, "--tenth", tenth)
	if err != nil {
		t.Fatalf("eval quotes --tenth: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + tenth + "): 2 quotations",
		"unseen, when labelled  (  2 shown then): speaker right  50.0% (1/2), role right or rightly absent  50.0% (1/2)",
		"now                    (  2 shown now):  speaker right 100.0% (2/2), role right or rightly absent 100.0% (2/2); 0 labelled",
		"bbc      unseen     (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
		"bbc      now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
		"reuters  unseen     (  1): speaker right   0.0% (0/1), role right or rightly absent   0.0% (0/1)",
		"reuters  now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "hand-labelled (") != 1 {
		t.Errorf("want only the tenth set scored:\n%s", out)
	}
}
