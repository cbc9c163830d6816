package extract

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkExtractNested is a 2 MB page whose article sits under a chain of
// nested divs: the extractor's cost grows with depth times size, so deep
// chains are flattened first.
func BenchmarkExtractNested(b *testing.B) {
	for _, depth := range []int{50, 400} {
		body := strings.Repeat(`<div class="wrap">`, depth) + strings.Repeat("<p>"+strings.Repeat("word ", 200)+"</p>", 2000) + strings.Repeat("</div>", depth)
		page := []byte("<html><body>" + body + "</body></html>")
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := Extract(page, "https://example.com/a", "text/html"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
