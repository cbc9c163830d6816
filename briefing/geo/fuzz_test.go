package geo

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Japan and Italy agreed on Monday.",
	"U.S.-China talks; the U.K.'s view. Let us know.",
	"Michael Jordan visited Amman, Jordan. Atlanta, Georgia voters.",
	"日本と中国の首脳が会談した。Japan и Россия ведут переговоры. اليابان",
	"Côte d’Ivoire, N'Djamena, Nuku'alofa, Erdoğan, von der Leyen",
	"\x00\xff\xfe invalid utf-8 \xc3\x28 Tokyo",
	"A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P. Q. R. S. T. U.",
	"Security Council Security Council 's ' ' s",
	"JAPAN US WHO LET US ALL OF US",
	strings.Repeat("Papua New ", 50) + "Guinea",
	strings.Repeat("Democratic Republic of the ", 20),
}

// FuzzMentions checks that tagging never panics and that mentions are
// sane: in order, inside the text, with known codes and vias.
func FuzzMentions(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	}
	g := mustNew(f)
	vias := map[string]bool{ViaName: true, ViaDemonym: true, ViaCapital: true, ViaLeader: true, ViaBody: true}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		at := time.Unix(unix%(1<<40), 0).UTC()
		ms := g.Mentions(text, at)
		end := 0
		for _, m := range ms {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v out of order or bounds (previous end %d, text %d bytes)", m, end, len(text))
			}
			end = m.End
			if text[m.Start:m.End] != m.Surface {
				t.Fatalf("mention %+v: text[Start:End] = %q", m, text[m.Start:m.End])
			}
			if _, ok := g.Entity(m.Code); !ok {
				t.Fatalf("mention %+v: unknown code", m)
			}
			if !vias[m.Via] {
				t.Fatalf("mention %+v: unknown via", m)
			}
		}
		codes := g.Tag(text, at)
		for i := 1; i < len(codes); i++ {
			if codes[i-1] >= codes[i] {
				t.Fatalf("Tag = %v: not sorted and unique", codes)
			}
		}
		if len(codes) > len(ms) {
			t.Fatalf("Tag gave %d codes from %d mentions", len(codes), len(ms))
		}
	})
}

// FuzzParseWords checks that query parsing never panics, gives known codes
// without repeats, and leaves in Rest only words that were given.
func FuzzParseWords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("the of and is what")
	f.Add(strings.Repeat("japan italy ", 250))
	f.Add("  \t\n ")
	g := mustNew(f)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, input string) {
		words := strings.Fields(input)
		p := g.ParseWords(words, at)
		seen := map[string]bool{}
		for _, c := range p.Codes {
			if seen[c] {
				t.Fatalf("code %s repeated in %v", c, p.Codes)
			}
			seen[c] = true
			if _, ok := g.Entity(c); !ok {
				t.Fatalf("unknown code %q", c)
			}
		}
		if len(p.Rest) > len(words) {
			t.Fatalf("Rest %q longer than the words %q", p.Rest, words)
		}
		given := map[string]bool{}
		for _, w := range words {
			given[w] = true
		}
		for _, r := range p.Rest {
			if !given[r] {
				t.Fatalf("Rest word %q was not given", r)
			}
		}
		// Suggest and Person take the same outside words.
		for i, w := range words {
			if i == 20 {
				break
			}
			if len(g.Suggest(w, 3)) > 3 {
				t.Fatalf("Suggest(%q, 3) gave more than 3", w)
			}
			g.Person(w, at)
		}
		if utf8.ValidString(input) {
			g.Person(input, at)
		}
	})
}

func TestManyCountriesInText(t *testing.T) {
	g := mustNew(t)
	var sb strings.Builder
	names := g.Names()
	for len(sb.String()) < 10000 {
		for _, c := range names {
			sb.WriteString(c.Name)
			sb.WriteString(", ")
		}
	}
	got := g.Tag(sb.String(), date("2024-06-01"))
	if len(got) != len(names) {
		t.Errorf("Tag over every name gave %d codes, want %d", len(got), len(names))
	}
}
