package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// PageSet names the two page benchmarks of ../shared/eval.
type PageSet string

const (
	// Zyte is pages-dev: news pages with the article body a person marked,
	// scored by 4-token shingles (pages.py).
	Zyte PageSet = "zyte"
	// Snippets is pages-snippets-dev: pages with snippets the main text
	// must and must not contain, scored by trafilatura's metric
	// (snippets.py).
	Snippets PageSet = "snippets"
)

// Page is one saved page of a page benchmark with its gold.
type Page struct {
	ID  string
	URL string // the page's address, "" when the set gives none
	// Host groups the page for folds: the URL's host without "www.", the
	// archived page's host for a web archive address, or "" when unknown.
	Host string
	HTML []byte
	// Gold is the article body a person marked (Zyte).
	Gold string
	// With and Without are the snippets the text must and must not hold
	// (Snippets).
	With, Without []string
}

// DirOf returns the folder of a page set under the eval folder.
func DirOf(evalDir string, set PageSet) string {
	if set == Snippets {
		return filepath.Join(evalDir, "pages-snippets-dev")
	}
	return filepath.Join(evalDir, "pages-dev")
}

// LoadPages reads a page set from its folder: the gold file and every
// page's gunzipped bytes, sorted by id.
func LoadPages(dir string, set PageSet) ([]Page, error) {
	goldName := "ground-truth.json"
	if set == Snippets {
		goldName = "gold.json"
	}
	raw, err := os.ReadFile(filepath.Join(dir, goldName))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var gold map[string]struct {
		ArticleBody string   `json:"articleBody"`
		URL         string   `json:"url"`
		File        string   `json:"file"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", goldName, err)
	}
	pages := make([]Page, 0, len(gold))
	for id, g := range gold {
		file := g.File
		if file == "" {
			file = id + ".html.gz"
		}
		body, err := readGzip(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		u := ""
		if strings.HasPrefix(g.URL, "http://") || strings.HasPrefix(g.URL, "https://") {
			u = g.URL
		}
		pages = append(pages, Page{ID: id, URL: u, Host: HostOf(u), HTML: body,
			Gold: g.ArticleBody, With: g.With, Without: g.Without})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("eval: read %s: %w", path, err)
	}
	return b, nil
}

// HostOf returns the host that groups a page address: lower case, without
// "www.", and for a web archive address the host of the archived page.
func HostOf(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "web.archive.org" {
		// /web/20070228213001/http://example.org/...
		parts := strings.SplitN(strings.TrimPrefix(u.Path, "/"), "/", 3)
		if len(parts) == 3 {
			if inner := HostOf(parts[2]); inner != "" {
				return inner
			}
		}
	}
	return strings.TrimPrefix(host, "www.")
}

// Hosts returns the pages' hosts, the groups for Folds.
func Hosts(pages []Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.Host
	}
	return out
}
