package sentence

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"",
		"The U.S. Navy sailed. Then it left.",
		"## Heading\n\nBody text. More text!\n\n\n## Another\nline",
		`He said: "We will go." "Why?" she asked... Fine…`,
		"George W. Bush met J.D. Vance on Jan. 5 at No. 10. Prices rose 3.5% to $1.2bn.",
		"no marks at all",
		"\u201cUnbalanced quote. And \u2019 odd\u00a0spaces\u2028here.",
		"\xff\xfe. \x00 A.\n\n\r\n ##  \n\n.",
		"Vice-Adm. X. U.S. The end.",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Split(in)
		covered := make([]bool, len(in))
		prevEnd, prevPara := 0, 0
		for i, s := range got {
			if s.Start < prevEnd || s.End <= s.Start || s.End > len(in) {
				t.Fatalf("sentence %d: bad span [%d,%d) after %d in %q", i, s.Start, s.End, prevEnd, in)
			}
			if in[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d: Text %q != input[%d:%d] %q", i, s.Text, s.Start, s.End, in[s.Start:s.End])
			}
			if strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("sentence %d: %q not trimmed", i, s.Text)
			}
			if s.Index != i {
				t.Fatalf("sentence %d: Index %d", i, s.Index)
			}
			if s.Para < prevPara {
				t.Fatalf("sentence %d: Para %d after %d", i, s.Para, prevPara)
			}
			for _, line := range strings.Split(s.Text, "\n")[1:] {
				if strings.TrimSpace(line) == "" {
					t.Fatalf("sentence %d: %q spans a blank line", i, s.Text)
				}
			}
			for k := s.Start; k < s.End; k++ {
				covered[k] = true
			}
			prevEnd, prevPara = s.End, s.Para
		}
		// Everything left out is white space or a heading's "##" mark.
		for k := 0; k < len(in); {
			if covered[k] {
				k++
				continue
			}
			r, size := utf8.DecodeRuneInString(in[k:])
			if !unicode.IsSpace(r) && r != '#' {
				t.Fatalf("byte %d (%q) of %q is in no sentence", k, r, in)
			}
			k += size
		}
		_ = Words(in)
	})
}
