package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// LibraryText returns what go-readability alone makes of a page, the
// baseline the evaluation compares the pipeline with: the bytes parsed as
// they are (read as UTF-8), the library's ParseAndMutate and RenderText,
// soft hyphens removed. It does none of this package's decoding, pruning
// or cleaning.
func LibraryText(body []byte, pageURL string) (string, error) {
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("extract: parse html: %w", err)
	}
	u, _ := url.Parse(pageURL)
	if u == nil || u.Host == "" {
		u = &url.URL{Scheme: "https", Host: "example.invalid", Path: "/"}
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(root, u)
	if err != nil {
		return "", fmt.Errorf("extract: readability: %w", err)
	}
	if art.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := art.RenderText(&b); err != nil {
		return "", fmt.Errorf("extract: readability: %w", err)
	}
	return strings.ReplaceAll(b.String(), "\u00ad", ""), nil
}
