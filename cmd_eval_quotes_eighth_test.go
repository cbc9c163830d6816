package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesEighth: `eval quotes --eighth FILE` scores an eighth set of
// quotes shown in briefs like the other hand-labelled sets, over records of
// our own from both sources, and gives the figures of each source; the
// other sets are skipped.
func TestEvalQuotesEighth(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
	wire := "Coffee exporters met in Nairobi on Monday.\n\n\"We will hold back shipments until prices recover,\" Agriculture Minister Peter Odera told reporters."
	write("reuters-dev.jsonl", map[string]any{"id": 9, "published": "1987-05-04T10:00:00Z", "text": wire})
	text := "The toy maker sold fewer kites over the summer.\n\n\"Wet weather kept families indoors for weeks,\" said Ines Moreau, finance director of Skyline Toys."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-004", "published": "2005-01-05T05:00:00Z", "text": text})
	write("eighth.jsonl",
		map[string]any{"source": "reuters", "article": "9", "start": utf8.RuneCountInString(wire[:strings.Index(wire, "We will")]), "speaker": "Peter Odera",
			"roles":  []string{"Agriculture Minister"},
			"unseen": map[string]any{"speaker": "Minister Peter Odera", "role": "Agriculture", "speaker_ok": false, "role_ok": "wrong"}},
		map[string]any{"source": "bbc", "article": "bbc-business-004", "start": utf8.RuneCountInString(text[:strings.Index(text, "Wet weather")]), "speaker": "Ines Moreau",
			"roles":  []string{"finance director of Skyline Toys", "finance director"},
			"unseen": map[string]any{"speaker": "Ines Moreau", "role": "finance director of Skyline Toys", "speaker_ok": true, "role_ok": "right"}})
	eighth := filepath.Join(dir, "eighth.jsonl")
	out, err := evalQuotesSet(t, dir, "--eighth", eighth)
	if err != nil {
		t.Fatalf("eval quotes --eighth: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + eighth + "): 2 quotations",
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
		t.Errorf("want only the eighth set scored:\n%s", out)
	}
}
