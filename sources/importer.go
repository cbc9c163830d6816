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
	"strconv"
	"strings"
	"time"
	"unicode"
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

// errNotRegular is why a named pipe, socket or device is skipped: reading
// one could wait for ever or never end.
var errNotRegular = errors.New("not a regular file (a named pipe, socket or device is not read)")

func readFile(path string, fn func(FileItem) error) error {
	if !IsImportable(path) {
		return fn(FileItem{Where: path, Err: fmt.Errorf("not an article file (want %s)", strings.Join(importFormats, ", "))})
	}
	f, info, err := OpenRegular(path)
	if err != nil {
		return fn(FileItem{Where: path, Err: err})
	}
	defer f.Close()
	fileURL := (&url.URL{Scheme: "file", Path: absPath(path)}).String()
	lower := strings.ToLower(path)
	if strings.HasSuffix(lower, ".jsonl") {
		return ReadJSONL(f, func(item FileItem) error {
			item.Where = path + ":" + item.Where
			return fn(item)
		})
	}
	data, err := readCapped(f)
	if err != nil {
		return fn(FileItem{Where: path, Err: err})
	}
	switch {
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
			a.Published = info.ModTime().UTC()
		}
		return fn(FileItem{Where: path, Article: a, Err: err})
	}
}

// OpenRegular opens a file for reading only if it is a regular file (a
// named pipe, socket or device is refused with an error saying so). It
// opens without waiting (a named pipe with no writer would block the open
// itself) and then asks the open file what it is, so that a file swapped
// for a pipe in between is caught too.
func OpenRegular(path string) (*os.File, os.FileInfo, error) {
	f, err := openNoWait(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, errNotRegular
	}
	return f, info, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return filepath.ToSlash(a)
	}
	return filepath.ToSlash(p)
}

func readCapped(f io.Reader) ([]byte, error) {
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
			title = oneLine(strings.TrimLeft(strings.TrimSpace(line), "#"))
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

// MaxJSONLLineBytes is the longest .jsonl line the importer reads: room
// for an article of MaxTextBytes, escaped. A longer line is skipped with
// its reason without being held in memory, and the lines after it are
// read.
const MaxJSONLLineBytes = 2*MaxTextBytes + 64<<10

// ParseJSONL reads one article per line ({"title", "url", "source",
// "published", "text"}). Each bad line becomes an item with its error and
// line number; the good lines are kept.
func ParseJSONL(data []byte) []FileItem {
	var items []FileItem
	_ = ReadJSONL(bytes.NewReader(data), func(it FileItem) error { items = append(items, it); return nil })
	return items
}

// ReadJSONL reads articles from JSON Lines, one line at a time, and calls
// fn with each, or with a bad line's error; Where is "line N". It returns
// fn's error, which stops it, or nil.
func ReadJSONL(r io.Reader, fn func(FileItem) error) error {
	lr := newLineReader(r, MaxJSONLLineBytes)
	for line := 1; ; line++ {
		raw, err := lr.next()
		if err == io.EOF {
			return nil
		}
		where := fmt.Sprintf("line %d", line)
		if err != nil {
			if ferr := fn(FileItem{Where: where, Err: err}); ferr != nil {
				return ferr
			}
			if errors.Is(err, errLineTooLong) {
				continue
			}
			return nil // a read error ends the file
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		var j jsonlArticle
		var item FileItem
		if err := json.Unmarshal(raw, &j); err != nil {
			item = FileItem{Where: where, Err: fmt.Errorf("bad JSON: %w", err)}
		} else {
			a, err := j.article()
			item = FileItem{Where: where, Article: a, Err: err}
		}
		if err := fn(item); err != nil {
			return err
		}
	}
}

// errLineTooLong is the reason for a line over the reader's limit.
var errLineTooLong = fmt.Errorf("line is over the %d MB limit", MaxJSONLLineBytes>>20)

// lineReader reads lines of at most max bytes; of a longer line it keeps
// nothing, reads on to its end and reports errLineTooLong.
type lineReader struct {
	br  *bufio.Reader
	max int
	buf []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line without its end, valid until the next call,
// or io.EOF after the last.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if !tooLong {
			if need := len(l.buf) + len(chunk); need > l.max+1 { // +1: the newline
				tooLong, l.buf = true, l.buf[:0]
			} else {
				if need > cap(l.buf) { // double, rather than append's slower growth
					grown := make([]byte, len(l.buf), min(max(need, 2*cap(l.buf)), l.max+1))
					copy(grown, l.buf)
					l.buf = grown
				}
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if tooLong {
				return nil, errLineTooLong
			}
			if len(l.buf) == 0 {
				return nil, io.EOF
			}
			return l.buf, nil
		case err != nil:
			return nil, fmt.Errorf("cannot read: %w", err)
		}
		if tooLong {
			return nil, errLineTooLong
		}
		return bytes.TrimSuffix(l.buf, []byte("\n")), nil
	}
}

func (j jsonlArticle) article() (Article, error) {
	j.Title, j.Source, j.Byline = oneLine(clean.UnescapeRefs(j.Title)), oneLine(j.Source), oneLine(j.Byline)
	j.Text = withoutControls(j.Text)
	j.URL = strings.TrimSpace(j.URL)
	switch {
	case j.Title == "":
		return Article{}, errors.New("no title")
	case strings.TrimSpace(j.Text) == "":
		return Article{}, errors.New("no text")
	case j.URL == "":
		return Article{}, errors.New("no url")
	case !webURL(j.URL):
		return Article{}, fmt.Errorf("url %s is not a web address (want http or https)", quoteCut(j.URL))
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

// webURL reports whether s is an absolute http or https URL with a host.
func webURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Host != ""
}

// oneLine is s with control characters (NUL, escape sequences, line
// breaks) taken out, runs of white space as one space, trimmed: a title,
// source or byline is one line of plain text.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)), " ")
}

// withoutControls is text with control characters other than line breaks
// and tabs taken out.
func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\r' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// quoteCut quotes what someone gave, for a message, cut to a few dozen
// characters: a 100 KB word is not echoed back whole.
func quoteCut(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:most])) + fmt.Sprintf("… (%d characters)", len(r))
}

// ParseTime reads the date formats that import files and feeds use.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read date %s (want e.g. 2024-02-05T09:00:00Z)", quoteCut(s))
}
