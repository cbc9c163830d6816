// Package sample is Attaché's bundled sample corpus: illustrative diplomacy
// news articles written for Attaché, so that a fresh store has something to
// brief on before any feed is added.
//
// The articles describe real diplomatic events of 2024 in the project's own
// words; their outlets, bylines and URLs (under sample.attache.invalid) are
// invented, and their quotes are paraphrases. Each text is a raw body as a
// scraper would deliver it: paragraphs separated by blank lines, short
// heading lines, and, on purpose, site furniture (share counters, footers,
// photo credits, "Read more" links), paragraphs repeated within a page and
// the same wire story carried by two outlets, so that the cleaning,
// canonicalisation and duplicate detection of the ingest pipeline have work.
package sample

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

//go:embed articles.jsonl
var articlesJSONL string

// maxLine bounds one line of the JSON Lines input; a longer line is an error.
const maxLine = 1 << 20

// Article is one sample article as written in articles.jsonl.
type Article struct {
	Title, URL, Source, Byline, Text string
	Published                        time.Time
}

// Articles returns the bundled sample articles in file order. Each call
// parses the embedded file afresh, so callers may modify the result.
func Articles() ([]Article, error) {
	return parse(strings.NewReader(articlesJSONL))
}

// line is the JSON shape of one line. Byline is a pointer so that a missing
// key can be told from an empty byline.
type line struct {
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Source    string  `json:"source"`
	Byline    *string `json:"byline"`
	Published string  `json:"published"`
	Text      string  `json:"text"`
}

// parse reads JSON Lines, one article object per line. Blank lines are
// skipped; any other bad line stops the parse with an error naming its
// line number.
func parse(r io.Reader) ([]Article, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	var out []Article
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		a, err := parseLine(text)
		if err != nil {
			return nil, fmt.Errorf("sample: line %d: %w", n, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("sample: line %d: longer than %d bytes: %w", n+1, maxLine, err)
		}
		return nil, fmt.Errorf("sample: read line %d: %w", n+1, err)
	}
	return out, nil
}

// parseLine decodes and checks one non-blank line.
func parseLine(text string) (Article, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	var l line
	if err := dec.Decode(&l); err != nil {
		return Article{}, fmt.Errorf("decode: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Article{}, errors.New("unexpected data after the JSON object")
	}
	for _, f := range []struct{ name, value string }{
		{"title", l.Title}, {"url", l.URL}, {"source", l.Source},
		{"published", l.Published}, {"text", l.Text},
	} {
		if strings.TrimSpace(f.value) == "" {
			return Article{}, fmt.Errorf("missing %s", f.name)
		}
	}
	if l.Byline == nil {
		return Article{}, errors.New(`missing byline (use "" when there is none)`)
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		return Article{}, fmt.Errorf("url: %w", err)
	}
	if !u.IsAbs() || u.Host == "" {
		return Article{}, fmt.Errorf("url %q is not absolute", l.URL)
	}
	published, err := time.Parse(time.RFC3339, l.Published)
	if err != nil {
		return Article{}, fmt.Errorf("published: %w", err)
	}
	return Article{
		Title:     l.Title,
		URL:       l.URL,
		Source:    l.Source,
		Byline:    *l.Byline,
		Text:      l.Text,
		Published: published,
	}, nil
}
