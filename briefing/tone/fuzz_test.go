package tone

import (
	"testing"
	"unicode/utf8"
)

// FuzzClassify: any text, any pair, never a panic, and the cue is the
// text's own words at the offsets the tag gives.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"Washington imposed tariffs of 100 pct on Japanese computers on Friday.",
		"Iran denied attacking the Saudi tanker, the U.S.-Japan talks said; if Britain and France ... “quoted” (x)",
		"", "U.S.", "\xff\xfe not to", "the the the to to to", "Soviet-American talks on missiles made a breakthrough.",
	} {
		f.Add(s, "US", "JP")
	}
	c := New()
	f.Fuzz(func(t *testing.T, text, a, b string) {
		fd := finder(t)
		s := Sentence{Text: text, Context: text, Pair: [2]string{a, b}, Parties: fd.Parties(text, zeroTime), ContextParties: fd.Parties(text, zeroTime)}
		tag := c.Classify(s)
		if tag.Class < Neither || tag.Class > MaterialConflict {
			t.Fatalf("class %d", tag.Class)
		}
		if tag.Cue != "" {
			if tag.CueStart < 0 || tag.CueEnd > len(text) || tag.CueStart > tag.CueEnd || text[tag.CueStart:tag.CueEnd] != tag.Cue {
				t.Fatalf("cue %q at [%d,%d) is not the text's", tag.Cue, tag.CueStart, tag.CueEnd)
			}
		}
		if utf8.ValidString(text) && !utf8.ValidString(tag.Cue) {
			t.Fatalf("cue %q of valid text is not valid UTF-8", tag.Cue)
		}
		_ = c.Explain(s)
	})
}
