package clean

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkPlainTextTitleLines is a text file of short, title-like lines
// with no running text after them (a list of names, say): each line is
// checked for text after it, which must not cost a scan of the rest.
func BenchmarkPlainTextTitleLines(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		text := strings.Repeat("Ministers Meet In Rome\n\n", n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				PlainText(text)
			}
		})
	}
}
