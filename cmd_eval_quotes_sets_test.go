package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"attache/sources/extract"
)

// TestEvalQuotesBlindSets: each of `eval quotes --sixth … --seventeenth,
// --pages, --eighteenth, --snippets, --nineteenth, --twentieth FILE`
// scores its set of quotes shown in briefs like the other hand-labelled
// sets, over records of our own from both sources, and gives the figures
// of each source; the other sets are skipped.
func TestEvalQuotesBlindSets(t *testing.T) {
	for _, flag := range []string{"--sixth", "--seventh", "--eighth", "--ninth", "--tenth", "--eleventh", "--twelfth", "--thirteenth", "--fourteenth", "--fifteenth", "--sixteenth", "--seventeenth", "--pages", "--eighteenth", "--snippets", "--nineteenth", "--twentieth"} {
		t.Run(flag, func(t *testing.T) { evalQuotesBlindSet(t, flag) })
	}
}

func evalQuotesBlindSet(t *testing.T, flag string) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeEmptyPolNeAR(write)
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

// TestEvalQuotesPagesSet: a set can name news pages of
// pages-dev/ground-truth.json by page id ("source": "pages"); `eval quotes`
// reads the page's marked article body and scores the quotation there.
func TestEvalQuotesPagesSet(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeQuietCorpora(write)
	body := "The ferry line cut two winter routes on Monday.\n\n\u201cFuel now costs us more than the tickets bring in,\u201d said Ines Varga, operations director at Northsound Ferries."
	if err := os.MkdirAll(filepath.Join(dir, "pages-dev"), 0o755); err != nil {
		t.Fatal(err)
	}
	gt := `{"9f3a": {"articleBody": ` + strconv.Quote(body) + `, "url": "https://news.example/2019/11/18/ferries"}}`
	if err := os.WriteFile(filepath.Join(dir, "pages-dev", "ground-truth.json"), []byte(gt), 0o644); err != nil {
		t.Fatal(err)
	}
	write("pages.jsonl",
		map[string]any{"source": "pages", "article": "9f3a", "start": utf8.RuneCountInString(body[:strings.Index(body, "Fuel now")]), "speaker": "Ines Varga",
			"roles":  []string{"operations director at Northsound Ferries", "operations director", "Northsound Ferries"},
			"unseen": map[string]any{"speaker": "Ines Varga", "role": "", "speaker_ok": true, "role_ok": "wrong"}})
	file := filepath.Join(dir, "pages.jsonl")
	out, err := evalQuotesSet(t, dir, "--pages", file)
	if err != nil {
		t.Fatalf("eval quotes --pages: %v", err)
	}
	for _, want := range []string{
		"hand-labelled (" + file + "): 1 quotations",
		"unseen, when labelled  (  1 shown then): speaker right 100.0% (1/1), role right or rightly absent   0.0% (0/1)",
		"now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestURLDate: a page is dated by the /YYYY/MM/DD/ its URL gives, else not.
func TestURLDate(t *testing.T) {
	for u, want := range map[string]string{
		"https://news.example/2019/11/18/ferries":          "2019-11-18",
		"https://news.example/sport/2019/11/19/a-b.html":   "2019-11-19",
		"https://news.example/2019/11/ferries":             "",
		"https://news.example/article/3834/1":              "",
		"https://news.example/2019/13/45/not-a-date.html":  "",
		"https://news.example/story/201911181077343476-ab": "",
	} {
		got := ""
		if d, ok := extract.DateInURL(u); ok {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("extract.DateInURL(%q) = %q, want %q", u, got, want)
		}
	}
}
