package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvalQuotesBlindSets: each of `eval quotes --sixth … --seventeenth FILE`
// scores its set of quotes shown in briefs like the other hand-labelled
// sets, over records of our own from both sources, and gives the figures
// of each source; the other sets are skipped.
func TestEvalQuotesBlindSets(t *testing.T) {
	for _, flag := range []string{"--sixth", "--seventh", "--eighth", "--ninth", "--tenth", "--eleventh", "--twelfth", "--thirteenth", "--fourteenth", "--fifteenth", "--sixteenth", "--seventeenth"} {
		t.Run(flag, func(t *testing.T) { evalQuotesBlindSet(t, flag) })
	}
}

func evalQuotesBlindSet(t *testing.T, flag string) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
	wire := "Tin producers gathered in Kuala Lumpur on Tuesday.\n\n\"Stocks must come down before any new quota is agreed,\" Mines Minister Rahim Osman told the meeting."
	write("reuters-dev.jsonl", map[string]any{"id": 12, "published": "1987-06-09T08:00:00Z", "text": wire})
	text := "The bakery chain opened fewer shops this spring.\n\n\"Rents in town centres have simply risen too far,\" said Maud Hollis, property director of Crumb and Co."
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-007", "published": "2005-03-14T05:00:00Z", "text": text})
	name := strings.TrimPrefix(flag, "--") + ".jsonl"
	write(name,
		map[string]any{"source": "reuters", "article": "12", "start": utf8.RuneCountInString(wire[:strings.Index(wire, "Stocks must")]), "speaker": "Rahim Osman",
			"roles":  []string{"Mines Minister"},
			"unseen": map[string]any{"speaker": "the meeting", "role": "", "speaker_ok": false, "role_ok": "wrong"}},
		map[string]any{"source": "bbc", "article": "bbc-business-007", "start": utf8.RuneCountInString(text[:strings.Index(text, "Rents in")]), "speaker": "Maud Hollis",
			"roles":  []string{"property director of Crumb and Co", "property director"},
			"unseen": map[string]any{"speaker": "Maud Hollis", "role": "property director of Crumb and Co", "speaker_ok": true, "role_ok": "right"}})
	file := filepath.Join(dir, name)
	out, err := evalQuotesSet(t, dir, flag, file)
	if err != nil {
		t.Fatalf("eval quotes %s: %v", flag, err)
	}
	for _, want := range []string{
		"hand-labelled (" + file + "): 2 quotations",
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
		t.Errorf("want only the %s set scored:\n%s", flag, out)
	}
}
