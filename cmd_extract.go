package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"attache/sources"
	"attache/sources/doc"
	"attache/sources/extract"
)

const extractUsage = `usage: attache extract FILE|URL [--format text|json]
       attache extract --dir DIR

Prints what ingest would store for one article page: title, byline, outlet,
published time and where it came from, language, canonical URL and the
cleaned text. FILE may be .html, .htm, .html.gz, .txt or .md; a URL is
fetched. With --dir, every DIR/<id>.html or DIR/<id>.html.gz becomes one
entry of a JSON object {"<id>": {"articleBody", "title", "byline",
"published"}} on stdout (the format ../shared/eval/pages.py scores).
`

// runExtract implements `attache extract`.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer,
	fetch func(ctx context.Context, url string) (body []byte, contentType string, err error)) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, extractUsage) }
	format := fs.String("format", "text", "output format: text or json")
	dir := fs.String("dir", "", "extract every <id>.html and <id>.html.gz in this folder as one JSON object")
	positional, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("extract: unknown format %q (want text or json)", *format)
	}
	if *dir != "" {
		if len(positional) > 0 {
			return fmt.Errorf("extract: give either --dir or one FILE|URL, not both")
		}
		return extractDir(ctx, *dir, stdout, stderr)
	}
	if len(positional) != 1 {
		fmt.Fprint(stderr, extractUsage)
		return fmt.Errorf("extract: want one FILE or URL, got %d", len(positional))
	}
	target := positional[0]
	var page *extract.Page
	if extractIsURL(target) {
		if fetch == nil {
			return fmt.Errorf("extract: cannot fetch %s: no fetcher", target)
		}
		body, contentType, err := fetch(ctx, target)
		if err != nil {
			return fmt.Errorf("extract: fetch %s: %w", target, err)
		}
		page, err = extract.Extract(body, target, contentType)
		if err != nil && !errors.Is(err, extract.ErrNoArticle) {
			return fmt.Errorf("extract: %s: %w", target, err)
		}
		if err != nil {
			extractPrintPage(stdout, page, *format)
			return fmt.Errorf("extract: %s: %w", target, err)
		}
	} else {
		page, err = extractFile(target)
		if err != nil && !errors.Is(err, extract.ErrNoArticle) {
			return err
		}
		if err != nil {
			extractPrintPage(stdout, page, *format)
			return err
		}
	}
	return extractPrintPage(stdout, page, *format)
}

func extractIsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// extractFile reads a saved page (.html, .htm, .html.gz) or a plain-text
// article (.txt, .md) and extracts it.
func extractFile(path string) (*extract.Page, error) {
	body, err := extractReadPage(path, extract.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	contentType := ""
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(path, ".gz"))) {
	case ".txt":
		contentType = "text/plain; charset=utf-8"
	case ".md", ".markdown":
		contentType = "text/markdown; charset=utf-8"
	}
	page, err := extract.Extract(body, "", contentType)
	if err != nil {
		return page, fmt.Errorf("extract: %s: %w", path, err)
	}
	return page, nil
}

// readPage reads a file, gunzipping .gz files, and reads at most max+1
// bytes so that an oversized or decompression-bomb page is refused by the
// extractor's size cap instead of filling memory.
func extractReadPage(path string, max int) ([]byte, error) {
	f, _, err := sources.OpenRegular(path)
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	body, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("extract: read %s: %w", path, err)
	}
	if len(body) > max {
		return nil, fmt.Errorf("extract: %s: %w: more than %d bytes", path, extract.ErrTooLarge, max)
	}
	return body, nil
}

// extractPageJSON is the JSON form of one extracted page.
type extractPageJSON struct {
	Title         string             `json:"title"`
	Byline        string             `json:"byline"`
	Site          string             `json:"site"`
	Lang          string             `json:"lang"`
	CanonicalURL  string             `json:"canonical_url"`
	Published     string             `json:"published"`
	PublishedFrom string             `json:"published_from"`
	Text          string             `json:"text"`
	Blocks        []extractBlockJSON `json:"blocks"`
}

type extractBlockJSON struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func extractPrintPage(w io.Writer, p *extract.Page, format string) error {
	if p == nil {
		return nil
	}
	published := ""
	if !p.Published.IsZero() {
		published = p.Published.Format(time.RFC3339)
	}
	if format == "json" {
		out := extractPageJSON{
			Title: p.Title, Byline: p.Byline, Site: p.Site, Lang: p.Lang,
			CanonicalURL: p.CanonicalURL, Published: published, PublishedFrom: p.PublishedFrom,
			Text: p.Text(), Blocks: []extractBlockJSON{},
		}
		for _, b := range p.Blocks {
			kind := "paragraph"
			if b.Kind == doc.Heading {
				kind = "heading"
			}
			out.Blocks = append(out.Blocks, extractBlockJSON{Kind: kind, Text: b.Text})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	var b strings.Builder
	line := func(label, value string) {
		if value == "" {
			value = "-"
		}
		fmt.Fprintf(&b, "%-11s %s\n", label+":", value)
	}
	line("Title", p.Title)
	line("Byline", p.Byline)
	line("Outlet", p.Site)
	if published != "" {
		published += " (from " + p.PublishedFrom + ")"
	}
	line("Published", published)
	line("Language", p.Lang)
	line("Canonical", p.CanonicalURL)
	b.WriteString("\n")
	if text := p.Text(); text != "" {
		b.WriteString(text)
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// extractDirEntry is one page of `extract --dir` output.
type extractDirEntry struct {
	ArticleBody string `json:"articleBody"`
	Title       string `json:"title"`
	Byline      string `json:"byline"`
	Published   string `json:"published"`
}

// extractDir extracts every <id>.html and <id>.html.gz in dir and writes
// one JSON object keyed by id. Pages that fail are reported on stderr and
// written with an empty body, so that a scorer counts them.
func extractDir(ctx context.Context, dir string, stdout, stderr io.Writer) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	type job struct{ id, path string }
	var jobs []job
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		var id string
		switch lower := strings.ToLower(name); {
		case strings.HasSuffix(lower, ".html.gz"):
			id = name[:len(name)-len(".html.gz")]
		case strings.HasSuffix(lower, ".html"):
			id = name[:len(name)-len(".html")]
		default:
			continue
		}
		if seen[id] {
			continue // <id>.html and <id>.html.gz: the first one listed
		}
		seen[id] = true
		jobs = append(jobs, job{id, filepath.Join(dir, name)})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].id < jobs[j].id })

	progress := interactive(stderr)
	out := make(map[string]extractDirEntry, len(jobs))
	var mu sync.Mutex
	var failed []string
	work := make(chan job)
	var wg sync.WaitGroup
	done := 0
	for w := 0; w < max(1, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				entry, err := extractEntry(j.path)
				mu.Lock()
				out[j.id] = entry
				if err != nil {
					failed = append(failed, fmt.Sprintf("%s: %v", j.id, err))
				}
				done++
				if progress {
					fmt.Fprintf(stderr, "\rextract: %d/%d pages", done, len(jobs))
				}
				mu.Unlock()
			}
		}()
	}
	var ctxErr error
	for _, j := range jobs {
		if ctxErr = ctx.Err(); ctxErr != nil {
			break
		}
		work <- j
	}
	close(work)
	wg.Wait()
	if progress {
		fmt.Fprintln(stderr)
	}
	if ctxErr != nil {
		return fmt.Errorf("extract: %w", ctxErr)
	}
	sort.Strings(failed)
	for _, f := range failed {
		fmt.Fprintf(stderr, "extract: warning: %s\n", f)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}

func extractEntry(path string) (extractDirEntry, error) {
	page, err := extractFile(path)
	if page == nil {
		return extractDirEntry{}, err
	}
	e := extractDirEntry{ArticleBody: page.Text(), Title: page.Title, Byline: page.Byline}
	if !page.Published.IsZero() {
		e.Published = page.Published.Format(time.RFC3339)
	}
	return e, err
}
