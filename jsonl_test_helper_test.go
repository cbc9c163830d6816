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
