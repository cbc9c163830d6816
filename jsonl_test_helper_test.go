package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jsonlWriter returns a function that writes each value given to it as one
// JSON line of the named file in dir, as the evaluation files are laid out.
func jsonlWriter(t *testing.T, dir string) func(name string, v ...any) {
	return func(name string, v ...any) {
		t.Helper()
		var b strings.Builder
		for _, x := range v {
			line, err := json.Marshal(x)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			b.WriteByte('\n')
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// quoteSetFlags are eval quotes' flags that name a hand-labelled set.
var quoteSetFlags = func() []string {
	fs := []string{"--pronouns"}
	for _, s := range attributionSets {
		fs = append(fs, "--"+s.flag)
	}
	return fs
}()

// evalQuotesSet runs `eval quotes` over the files in dir with one
// hand-labelled set, file given to flag, and every other set skipped.
func evalQuotesSet(t *testing.T, dir, flag, file string) (string, error) {
	t.Helper()
	args := []string{"eval", "quotes", "--dir", dir}
	for _, f := range quoteSetFlags {
		v := ""
		if f == flag {
			v = file
		}
		args = append(args, f, v)
	}
	out, _, err := attache(t, filepath.Join(dir, "data"), args...)
	return out, err
}

// writeEmptyPolNeAR writes a PolNeAR dev file of one article with no
// quotation, for `eval quotes` tests about the hand-labelled sets.
func writeEmptyPolNeAR(write func(name string, v ...any)) {
	write("quotes-dev.jsonl", map[string]any{"id": "polnear-a", "publisher": "p", "text": "Nothing quoted here.", "quotes": []any{}})
}

// writeQuietCorpora writes PolNeAR, Reuters and BBC dev files that hold
// no quotation, for `eval quotes` tests of sets drawn from news pages.
func writeQuietCorpora(write func(name string, v ...any)) {
	writeEmptyPolNeAR(write)
	write("reuters-dev.jsonl", map[string]any{"id": 12, "published": "1987-06-09T08:00:00Z", "text": "No quotation."})
	write("bbc-news-dev.jsonl", map[string]any{"id": "bbc-business-007", "published": "2005-03-14T05:00:00Z", "text": "No quotation."})
}
