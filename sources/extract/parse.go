package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxDepth is how deeply a page may nest elements before it is flattened.
// Article pages stay far below it (the 109 evaluation pages nest 52 deep at
// most, 18 for the median page), while the readability extractor's work
// grows with the depth times the size of the page: a 2 MB page nested 400
// divs deep took it 5 s. The HTML parser itself refuses more than 512 open
// elements.
const maxDepth = 128

// parseHTML parses a decoded page. A page that nests elements deeper than
// maxDepth (broken markup that never closes its tags, or a hostile page),
// or deeper than the HTML parser accepts, is flattened: start and end tags
// beyond that depth are dropped and their text kept, then the page is
// parsed again.
func parseHTML(text string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err == nil && !deeper(doc, maxDepth) {
		return doc, nil
	}
	flat, err2 := html.Parse(bytes.NewReader(flatten(text, maxDepth)))
	if err2 != nil {
		if err == nil {
			err = err2
		}
		return nil, fmt.Errorf("extract: parse html: %w", err)
	}
	return flat, nil
}

// deeper reports whether the tree under n nests more than limit levels.
func deeper(n *html.Node, limit int) bool {
	if limit < 0 {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if deeper(c, limit-1) {
			return true
		}
	}
	return false
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "param": true, "keygen": true,
}

// flatten re-serialises a page's tokens, dropping the start and end tags of
// elements that would open deeper than limit. Text, comments and shallower
// tags are kept as they were.
func flatten(text string, limit int) []byte {
	z := html.NewTokenizer(strings.NewReader(text))
	var out bytes.Buffer
	out.Grow(len(text))
	depth := 0
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return out.Bytes()
			}
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidElements[tag] {
				out.Write(z.Raw())
				continue
			}
			if depth >= limit {
				dropped[tag]++
				out.WriteByte(' ')
				continue
			}
			depth++
			out.Write(z.Raw())
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if dropped[tag] > 0 {
				dropped[tag]--
				out.WriteByte(' ')
				continue
			}
			if depth > 0 {
				depth--
			}
			out.Write(z.Raw())
		default:
			out.Write(z.Raw())
		}
	}
}
