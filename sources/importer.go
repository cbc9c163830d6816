package sources

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"attache/sources/clean"
	"attache/sources/doc"
	"attache/sources/extract"
)

// MaxFileBytes is the largest file the importer reads.
const MaxFileBytes = 20 << 20

// FileItem is one article read from a local file, or the reason it could
// not be read. Where names the file, and the line for .jsonl.
type FileItem struct {
	Where   string
	Article Article
	Err     error
}

// importFormats lists the file endings the importer reads.
var importFormats = []string{".txt", ".md", ".markdown", ".html", ".htm", ".html.gz", ".htm.gz", ".jsonl"}

// IsImportable reports whether a file name has an ending the importer reads.
func IsImportable(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range importFormats {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// ReadPaths reads articles from files and directories (recursively, hidden
// entries skipped) and calls fn with each, in a stable order. Files of
// other types met inside a directory are passed over silently; named
// explicitly they are reported as skipped.
func ReadPaths(paths []string, fn func(FileItem) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if err := fn(FileItem{Where: p, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))}); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := readFile(p, fn); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fn(FileItem{Where: path, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && IsImportable(d.Name()) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(f, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, fn func(FileItem) error) error {
	if !IsImportable(path) {
		return fn(FileItem{Where: path, Err: fmt.Errorf("not an article file (want %s)", strings.Join(importFormats, ", "))})
	}
	data, err := readCapped(path)
	if err != nil {
		return fn(FileItem{Where: path, Err: err})
	}
	fileURL := (&url.URL{Scheme: "file", Path: absPath(path)}).String()
	modTime := time.Time{}
	if fi, err := os.Stat(path); err == nil {
		modTime = fi.ModTime().UTC()
	}
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".jsonl"):
		for _, item := range ParseJSONL(data) {
			item.Where = path + ":" + item.Where
			if err := fn(item); err != nil {
				return err
			}
		}
		return nil
	case strings.HasSuffix(lower, ".gz"):
		raw, err := gunzipCapped(data)
		if err != nil {
			return fn(FileItem{Where: path, Err: err})
		}
		a, err := ParseHTML(raw, fileURL)
		return fn(FileItem{Where: path, Article: a, Err: err})
	case strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"):
		a, err := ParseHTML(data, fileURL)
		return fn(FileItem{Where: path, Article: a, Err: err})
	default:
		// A text file carries no date but its own: it stands for the
		// publication time. The article is stored (fetched) now, so
		// that digests of what is new see it.
		a, err := ParseText(data, fileURL)
		if err == nil {
			a.Published = modTime
		}
		return fn(FileItem{Where: path, Article: a, Err: err})
	}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.ToSlash(a)
	}
	return filepath.ToSlash(p)
}

func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("file is over the %d MB limit", MaxFileBytes>>20)
	}
	return data, nil
}

func gunzipCapped(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("bad gzip data: %w", err)
	}
	if len(out) > MaxFileBytes {
		return nil, fmt.Errorf("file unpacks to over the %d MB limit", MaxFileBytes>>20)
	}
	return out, nil
}

// ParseText reads a .txt or .md article: the first non-empty line is the
// title (a leading markdown "#" is dropped), the rest is the body, cleaned
// of site furniture and repeated paragraphs.
func ParseText(data []byte, fileURL string) (Article, error) {
	if !utf8.Valid(data) {
		return Article{}, errors.New("text is not valid UTF-8")
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\r\n", "\n")
	var title string
	rest := ""
	for {
		line, after, found := strings.Cut(text, "\n")
		if strings.TrimSpace(line) != "" {
			title = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
			rest = after
			break
		}
		if !found {
			break
		}
		text = after
	}
	if title == "" {
		return Article{}, errors.New("empty file")
	}
	body := doc.Format(clean.PlainText(rest))
	if body == "" {
		return Article{}, errors.New("no article text after the title line")
	}
	return Article{Title: title, URL: fileURL, Source: "Local file", Text: body}, nil
}

// ParseHTML reads a saved article page through the page extractor.
func ParseHTML(data []byte, pageURL string) (Article, error) {
	page, err := extract.Extract(data, pageURL, "text/html")
	if err != nil {
		return Article{}, err
	}
	body := doc.Format(page.Blocks)
	if body == "" {
		return Article{}, errors.New("no article text found in the page")
	}
	a := Article{
		Title:     page.Title,
		URL:       pageURL,
		Source:    page.Site,
		Byline:    page.Byline,
		Lang:      page.Lang,
		Published: page.Published,
		Text:      body,
	}
	if page.CanonicalURL != "" && !strings.HasPrefix(pageURL, "http") {
		a.URL = page.CanonicalURL
	}
	if a.Source == "" {
		a.Source = "Local file"
	}
	return a, nil
}

// jsonlArticle is one line of a .jsonl import file.
type jsonlArticle struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// ParseJSONL reads one article per line ({"title", "url", "source",
// "published", "text"}). Each bad line becomes an item with its error and
// line number; the good lines are kept.
func ParseJSONL(data []byte) []FileItem {
	var items []FileItem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), MaxFileBytes)
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		where := fmt.Sprintf("line %d", line)
		var j jsonlArticle
		if err := json.Unmarshal(raw, &j); err != nil {
			items = append(items, FileItem{Where: where, Err: fmt.Errorf("bad JSON: %w", err)})
			continue
		}
		a, err := j.article()
		items = append(items, FileItem{Where: where, Article: a, Err: err})
	}
	if err := sc.Err(); err != nil {
		items = append(items, FileItem{Where: fmt.Sprintf("line %d", line+1), Err: err})
	}
	return items
}

func (j jsonlArticle) article() (Article, error) {
	switch {
	case strings.TrimSpace(j.Title) == "":
		return Article{}, errors.New("no title")
	case strings.TrimSpace(j.Text) == "":
		return Article{}, errors.New("no text")
	case strings.TrimSpace(j.URL) == "":
		return Article{}, errors.New("no url")
	}
	a := Article{Title: j.Title, URL: j.URL, Source: j.Source, Byline: j.Byline, Text: doc.Format(clean.PlainText(j.Text))}
	if j.Published != "" {
		t, err := ParseTime(j.Published)
		if err != nil {
			return Article{}, fmt.Errorf("published: %w", err)
		}
		a.Published = t
	}
	return a, nil
}

// ParseTime reads the date formats that import files and feeds use.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read date %q (want e.g. 2024-02-05T09:00:00Z)", s)
}
