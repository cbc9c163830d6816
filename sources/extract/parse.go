package extract

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// maxOpenElements is how deep the flattened retry lets elements nest. The
// HTML parser refuses documents whose stack of open elements passes 512.
const maxOpenElements = 256

// parseHTML parses a decoded page. A page that nests elements deeper than the
// HTML parser accepts (broken markup that never closes its tags, or a hostile
// page) is flattened: start and end tags beyond a fixed depth are dropped and
// their text kept, then the page is parsed again.
func parseHTML(text string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return doc, nil
	}
	flat := flatten(text, maxOpenElements)
	doc, err2 := html.Parse(bytes.NewReader(flat))
	if err2 != nil {
		return nil, fmt.Errorf("extract: parse html: %w", err)
	}
	return doc, nil
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
