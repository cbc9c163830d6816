package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// snippetsPage is a saved news page of our own: a heading, two paragraphs
// and a quotation with its speaker's role.
const snippetsPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour board delays the dredging plan</title>
<meta property="og:site_name" content="Coastline Courier">
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour board delays the dredging plan</h1>
<p>The harbour board put off its vote on dredging the outer channel until the spring, after fishermen packed the public gallery on Tuesday evening.</p>
<p>Members said they wanted a fresh survey of the seabed before committing the money, and asked officers to bring back three costed options.</p>
<p>“The channel silts up faster every winter and the trawlers are running aground at low tide,” said Petra Lindqvist, chair of the Eastport Fishermen’s Cooperative. “We cannot wait another year for a decision.”</p>
<p>The board meets again in April, when the survey is due to be finished and the options will be put to a public vote.</p>
</article><footer>Contact us</footer></body></html>`

// writeSnippetsPool lays out pages-snippets-dev as the evaluation data
// does: gold.json with each page's url and file, and the gzipped page.
func writeSnippetsPool(t *testing.T, dir string) {
	t.Helper()
	pool := filepath.Join(dir, "pages-snippets-dev")
	if err := os.MkdirAll(pool, 0o755); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(snippetsPage)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pool, "courier.dredging.html.gz"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := `{"courier.dredging": {"file": "courier.dredging.html.gz", "url": "https://courier.example/news/dredging-vote", "with": [], "without": []}}`
	if err := os.WriteFile(filepath.Join(pool, "gold.json"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snippetsText is the page's text as the extractor gives it.
func snippetsText(t *testing.T, dir string) string {
	t.Helper()
	page, err := extractFile(filepath.Join(dir, "pages-snippets-dev", "courier.dredging.html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return page.Text()
}

// TestEvalQuotesSnippetsSet: a set can name saved pages of
// pages-snippets-dev by id ("source": "snippets"); `eval quotes` extracts
// the page as ingest would and scores the quotation at the label's
// offset in that text when the label's fingerprint of the quotation's
// first words is found there. When the extracted text has moved, the
// quotation is found again by its fingerprint and the move is reported;
// when it is not found, the label is reported and left unscored instead
// of scoring another quotation.
func TestEvalQuotesSnippetsSet(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	dir := t.TempDir()
	write := jsonlWriter(t, dir)
	writeQuietCorpora(write)
	writeSnippetsPool(t, dir)
	text := snippetsText(t, dir)
	i := strings.Index(text, "The channel silts")
	if i < 0 {
		t.Fatalf("the extracted text lacks the quotation:\n%s", text)
	}
	start := utf8.RuneCountInString(text[:i])
	fp := quoteFingerprint(text, start)
	label := func(start int, fp string) map[string]any {
		return map[string]any{"source": "snippets", "article": "courier.dredging", "start": start, "fingerprint": fp, "speaker": "Petra Lindqvist",
			"roles":  []string{"chair of the Eastport Fishermen’s Cooperative", "chair", "Eastport Fishermen’s Cooperative"},
			"unseen": map[string]any{"speaker": "Petra Lindqvist", "role": "", "speaker_ok": true, "role_ok": "wrong"}}
	}
	for _, c := range []struct {
		name  string
		label map[string]any
		want  []string
		not   []string
	}{
		{"in place", label(start, fp), []string{
			"unseen, when labelled  (  1 shown then): speaker right 100.0% (1/1), role right or rightly absent   0.0% (0/1)",
			"now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled",
		}, []string{"moved", "not found"}},
		{"moved", label(start-7, fp), []string{
			"now                    (  1 shown now):  speaker right 100.0% (1/1), role right or rightly absent 100.0% (1/1); 0 labelled",
			"1 labelled quotations found at another offset of the extracted text",
			"snippets courier.dredging @" + strconv.Itoa(start-7) + ": the extracted text has moved; the quotation is found at @" + strconv.Itoa(start),
		}, nil},
		{"lost", label(start, "0123456789ab"), []string{
			"now                    (  0 shown now):  speaker right   0.0% (0/0), role right or rightly absent   0.0% (0/0); 0 labelled",
			"1 labelled quotations not found in the extracted text (not scored)",
			"snippets courier.dredging @" + strconv.Itoa(start) + ": the extracted text has changed; no quotation with fingerprint 0123456789ab",
		}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			write("snippets.jsonl", c.label)
			file := filepath.Join(dir, "snippets.jsonl")
			out, err := evalQuotesSet(t, dir, "--snippets", file)
			if err != nil {
				t.Fatalf("eval quotes --snippets: %v", err)
			}
			if !strings.Contains(out, "hand-labelled ("+file+"): 1 quotations") {
				t.Errorf("output lacks the set's heading:\n%s", out)
			}
			for _, want := range c.want {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			for _, not := range c.not {
				if strings.Contains(out, not) {
					t.Errorf("output has %q:\n%s", not, out)
				}
			}
		})
	}
}

// TestQuoteFingerprint: the fingerprint is of the first five words from
// the offset, whitespace collapsed; other words or another offset give
// another.
func TestQuoteFingerprint(t *testing.T) {
	a := "He said: “The  channel\nsilts up faster every winter,” she said."
	at := utf8.RuneCountInString(a[:strings.Index(a, "The")])
	b := "“The channel silts up faster than ever.”"
	if got, want := quoteFingerprint(a, at), quoteFingerprint(b, 1); got != want {
		t.Errorf("fingerprints of the same five words differ: %s, %s", got, want)
	}
	if len(quoteFingerprint(a, at)) != 12 {
		t.Errorf("fingerprint %q is not 12 hex digits", quoteFingerprint(a, at))
	}
	if quoteFingerprint(a, at) == quoteFingerprint(a, at+4) {
		t.Errorf("another offset gives the same fingerprint")
	}
	if quoteFingerprint(a, 1000) != quoteFingerprint("", 0) {
		t.Errorf("an offset past the end is not the empty text's fingerprint")
	}
}
