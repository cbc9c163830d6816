package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/sources/extract"
)

// extractTestPage is a small news page of our own, with furniture around
// the article.
const extractTestPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministers agree on naval drills | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<link rel="canonical" href="https://ledger.example/world/drills">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-05T08:15:00Z","author":{"name":"Jane Roe"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers agree on naval drills</h1>
<p>The defence ministers of Japan and Italy agreed on Monday to hold joint naval drills in the western Pacific this summer, the first in a decade.</p>
<h2>What comes next</h2>
<p>The ministers will meet again in April to discuss export controls and the sharing of satellite data on shipping, officials said.</p>
<p>Advertisement</p>
<p>Analysts said the timing mattered as much as the content, with the Group of Seven presidency about to pass from Japan to Italy.</p>
</article><footer><p>Copyright © 2024 The Ledger. All rights reserved.</p></footer></body></html>`

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRunExtractFileText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	writeFile(t, path, []byte(extractTestPage))
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{path}, &out, &errOut, nil); err != nil {
		t.Fatalf("runExtract: %v (stderr %q)", err, errOut.String())
	}
	want := `Title:      Ministers agree on naval drills
Byline:     Jane Roe
Outlet:     The Ledger
Published:  2024-02-05T08:15:00Z (from json-ld)
Language:   en
Canonical:  https://ledger.example/world/drills

The defence ministers of Japan and Italy agreed on Monday to hold joint naval drills in the western Pacific this summer, the first in a decade.

## What comes next

The ministers will meet again in April to discuss export controls and the sharing of satellite data on shipping, officials said.

Analysts said the timing mattered as much as the content, with the Group of Seven presidency about to pass from Japan to Italy.
`
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

// Flags may follow the file, and .html.gz files are read as saved pages.
func TestRunExtractGzipJSONFlagAfterFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html.gz")
	writeFile(t, path, gzipped(t, []byte(extractTestPage)))
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{path, "--format", "json"}, &out, &errOut, nil); err != nil {
		t.Fatalf("runExtract: %v", err)
	}
	var got struct {
		Title, Byline, Site, Lang, Published, Text string
		CanonicalURL                               string `json:"canonical_url"`
		PublishedFrom                              string `json:"published_from"`
		Blocks                                     []struct{ Kind, Text string }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if got.Title != "Ministers agree on naval drills" || got.Site != "The Ledger" || got.PublishedFrom != "json-ld" ||
		got.Published != "2024-02-05T08:15:00Z" || got.CanonicalURL != "https://ledger.example/world/drills" {
		t.Errorf("metadata = %+v", got)
	}
	if len(got.Blocks) != 4 || got.Blocks[1].Kind != "heading" || got.Blocks[1].Text != "What comes next" {
		t.Errorf("blocks = %+v", got.Blocks)
	}
	if strings.Contains(got.Text, "Advertisement") || strings.Contains(got.Text, "Copyright") {
		t.Errorf("furniture in text: %q", got.Text)
	}
}

func TestRunExtractURL(t *testing.T) {
	var fetched string
	fetch := func(ctx context.Context, url string) ([]byte, string, error) {
		fetched = url
		return []byte(extractTestPage), "text/html; charset=utf-8", nil
	}
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{"--format=json", "https://ledger.example/2024/02/05/drills"}, &out, &errOut, fetch); err != nil {
		t.Fatalf("runExtract: %v", err)
	}
	if fetched != "https://ledger.example/2024/02/05/drills" {
		t.Errorf("fetched %q", fetched)
	}
	if !strings.Contains(out.String(), `"title": "Ministers agree on naval drills"`) {
		t.Errorf("output: %s", out.String())
	}

	failing := func(ctx context.Context, url string) ([]byte, string, error) {
		return nil, "", errors.New("connection refused")
	}
	err := runExtract(context.Background(), []string{"https://ledger.example/x"}, &out, &errOut, failing)
	if err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("err = %v, want the fetch error", err)
	}
}

func TestRunExtractTextFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	writeFile(t, path, []byte("Ministers Agree\n\n0\n\nThe ministers met on Monday.\n\nExit mobile version\n"))
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{path}, &out, &errOut, nil); err != nil {
		t.Fatalf("runExtract: %v", err)
	}
	if !strings.HasPrefix(out.String(), "Title:      Ministers Agree\n") || !strings.HasSuffix(out.String(), "\n\nThe ministers met on Monday.\n") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestRunExtractDir(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), []byte(extractTestPage))
	writeFile(t, filepath.Join(dir, "b.html.gz"), gzipped(t, []byte(strings.Replace(extractTestPage, "naval drills", "port visits", -1))))
	writeFile(t, filepath.Join(dir, "c.html"), []byte("\x00\x01\x02 binary"))
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("not a page"))
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{"--dir", dir}, &out, &errOut, nil); err != nil {
		t.Fatalf("runExtract: %v", err)
	}
	var got map[string]struct {
		ArticleBody, Title, Byline, Published string
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got) != 3 {
		t.Fatalf("got %d entries, want a, b and c: %v", len(got), got)
	}
	if got["a"].Title != "Ministers agree on naval drills" || got["b"].Title != "Ministers agree on port visits" {
		t.Errorf("titles %q, %q", got["a"].Title, got["b"].Title)
	}
	if !strings.HasPrefix(got["a"].ArticleBody, "The defence ministers") || got["a"].Byline != "Jane Roe" ||
		got["a"].Published != "2024-02-05T08:15:00Z" {
		t.Errorf("a = %+v", got["a"])
	}
	if got["c"].ArticleBody != "" || !strings.Contains(errOut.String(), "c: ") {
		t.Errorf("binary page: entry %+v, stderr %q", got["c"], errOut.String())
	}
	// stderr is not a terminal here: no progress line.
	if strings.Contains(errOut.String(), "pages") {
		t.Errorf("progress shown on a pipe: %q", errOut.String())
	}
}

func TestRunExtractErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html.gz")
	writeFile(t, big, gzipped(t, bytes.Repeat([]byte("<p>x</p>"), extract.DefaultMaxBytes/8+1)))
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no argument", nil, "want one FILE or URL"},
		{"two files", []string{"a.html", "b.html"}, "want one FILE or URL"},
		{"bad format", []string{"a.html", "--format", "xml"}, "unknown format"},
		{"missing file", []string{filepath.Join(dir, "missing.html")}, "no such file"},
		{"dir and file", []string{"--dir", dir, "a.html"}, "not both"},
		{"missing dir", []string{"--dir", filepath.Join(dir, "nope")}, "no such file"},
		{"too large after gunzip", []string{big}, "too large"},
		{"unknown flag", []string{"--bogus"}, "not defined"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := runExtract(context.Background(), c.args, &out, &errOut, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestRunExtractNoArticle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "wall.html")
	writeFile(t, path, []byte(`<html><head><title>Before you continue</title></head><body><div class="consent">
		<p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy.</p></div></body></html>`))
	var out, errOut bytes.Buffer
	err := runExtract(context.Background(), []string{path}, &out, &errOut, nil)
	if !errors.Is(err, extract.ErrNoArticle) {
		t.Errorf("err = %v, want ErrNoArticle", err)
	}
	if !strings.Contains(out.String(), "Title:      Before you continue") {
		t.Errorf("metadata not shown: %q", out.String())
	}
}

func TestRunExtractHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := runExtract(context.Background(), []string{"-h"}, &out, &errOut, nil); err != nil {
		t.Errorf("err = %v", err)
	}
	if !strings.Contains(errOut.String(), "usage: attache extract") {
		t.Errorf("usage not shown: %q", errOut.String())
	}
}
