package summary

import (
	"testing"
	"time"
)

func FuzzSummarize(f *testing.F) {
	for _, seed := range []string{
		"",
		"The envoy met the minister in Rome on Monday. Trade talks resumed after two weeks.",
		"## Heading\n\n0\n\nComments are closed.\n\nTOKYO (Reuters) - Talks began. They ended.",
		"no marks at all here",
		"\xff\xfe\x00. A. B. C.",
	} {
		f.Add(seed, 3)
	}
	f.Fuzz(func(t *testing.T, text string, n int) {
		n %= 50
		got := Summarize(text, n)
		if len(got) > max(n, 0) {
			t.Fatalf("got %d sentences for n=%d", len(got), n)
		}
		for i, s := range got {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("pick %d: Text %q is not text[%d:%d]", i, s.Text, s.Start, s.End)
			}
			if i > 0 && s.Index <= got[i-1].Index {
				t.Fatalf("pick %d out of article order", i)
			}
		}
		picks := Multi([]Doc{{Text: text, Published: time.Unix(0, 0)}, {Text: text}}, Options{Sentences: n, MaxChars: 200})
		for i, p := range picks {
			s := p.Sentence
			if text[s.Start:s.End] != s.Text {
				t.Fatalf("Multi pick %d: Text %q is not text[%d:%d]", i, s.Text, s.Start, s.End)
			}
		}
	})
}
