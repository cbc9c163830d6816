package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesSeventh: `eval quotes --seventh FILE` scores a seventh set
// of quotes shown in briefs like the other hand-labelled sets, over records
// of our own from both sources, and gives the figures of each source; the
// other sets are skipped.
func TestEvalQuotesSeventh(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
	wire := "Tin producers met in Kuala Lumpur on Thursday.\n\n\"Output quotas will stay where they are until the autumn,\" Mines Minister Omar Salleh told reporters."
	write("reuters-dev.jsonl", map[string]any{"id": 7, "published": "1987-06-11T08:00:00Z", "text": wire})
	text := "The bakery chain opened forty shops last year.\n\n\"Our customers want bread baked where they buy it,\" said Mara Quist, managing director of Hearth Loaves."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-003", "published": "2005-01-04T05:00:00Z", "text": text})
	write("seventh.jsonl",
		map[string]any{"source": "reuters", "article": "7", "start": utf8.RuneCountInString(wire[:strings.Index(wire, "Output")]), "speaker": "Omar Salleh",
			"roles":  []string{"Mines Minister"},
			"unseen": map[string]any{"speaker": "Salleh", "role": "", "speaker_ok": true, "role_ok": "wrong"}},
		map[string]any{"source": "bbc", "article": "bbc-business-003", "start": utf8.RuneCountInString(text[:strings.Index(text, "Our customers")]), "speaker": "Mara Quist",
			"roles":  []string{"managing director of Hearth Loaves", "managing director"},
			"unseen": map[string]any{"speaker": "Hearth Loaves", "role": "", "speaker_ok": false, "role_ok": "wrong"}})
	seventh := filepath.Join(dir, "seventh.jsonl")
	out, err := evalQuotesSet(t, dir, "--seventh", seventh)
	if err != nil {
		t.Fatalf("eval quotes --seventh: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + seventh + "): 2 quotations",
		"unseen, when labelled  (  2 shown then): speaker right  50.0% (1/2), role right or rightly absent   0.0% (0/2)",
		"now                    (  2 shown now):  speaker right 100.0% (2/2), role right or rightly absent 100.0% (2/2); 0 labelled",
		"bbc      unseen     (  1): speaker right   0.0% (0/1), role right or rightly absent   0.0% (0/1)",
		"bbc      now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
		"reuters  unseen     (  1): speaker right 100.0% (1/1), role right or rightly absent   0.0% (0/1)",
		"reuters  now        (  1): speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "hand-labelled (") != 1 {
		t.Errorf("want only the seventh set scored:\n%s", out)
	}
}
