package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkQuotes asserts what must hold for any input: offsets inside the
// text and in order, quoted words taken from the text, no marks left.
func checkQuotes(t *testing.T, text string, qs []Quote) {
	t.Helper()
	prev := -1
	valid := utf8.ValidString(text)
	for i, q := range qs {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			t.Fatalf("quote %d: offsets %d..%d outside text of %d bytes", i, q.Start, q.End, len(text))
		}
		if q.Start < prev {
			t.Fatalf("quote %d starts at %d, before the previous one at %d", i, q.Start, prev)
		}
		prev = q.Start
		if q.Text == "" {
			t.Fatalf("quote %d is empty", i)
		}
		if !valid {
			continue
		}
		// Every part of the text lies inside [Start, End), but for the
		// ellipsis that joins the parts of a split quotation.
		span := text[q.Start:q.End]
		for _, w := range strings.Fields(q.Text) {
			if w != "…" && !strings.Contains(span, strings.TrimSuffix(w, ",")) {
				t.Fatalf("quote %d word %q not in its span %q", i, w, span)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	seeds := []string{
		"",
		"\"",
		"“Hello,” she said.",
		"\"A,\" he said, \"B.\"",
		"“One\n\n“Two,” said Ann Lee.",
		"Prime Minister Ana Costa called it “a tax” on Monday, according to aides.",
		"Words with ” stray “ marks “ and ” more ” “",
		"日本の首相は「協力する」と述べた。“混合 text,” said 山田.",
		"<tweet a=\"1\">x</tweet> \"y\"",
		"We welcome the visit,\n\nJane Roe Minister of State\n",
		strings.Repeat("“a ", 50) + strings.Repeat("” b ", 50),
		"Mr. . . “ . ” Sen. , , said said said “x”",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkQuotes(t, text, Find(text))
	})
}

// TestFindLargeInputs runs Find on inputs that could make a careless
// finder slow or crash: a 10 MB article, unbalanced marks, one huge line.
func TestFindLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	article := syntheticArticle(1000)
	var big strings.Builder
	for big.Len() < 10<<20 {
		big.WriteString(article)
		big.WriteString("\n\n")
	}
	inputs := map[string]string{
		"10 MB article":      big.String(),
		"unbalanced marks":   strings.Repeat("He said “this never closes and goes on ", 20000),
		"one line of marks":  strings.Repeat("\"", 100000),
		"no spaces":          strings.Repeat("a“b”c", 50000),
		"mixed scripts":      strings.Repeat("Президент сказал: «Мы готовы». 大統領は“準備ができている”と述べた。 ", 5000),
		"commas, no marks":   strings.Repeat("word word word,\n\nJohn Smith Prime Minister\n\n", 20000),
		"deep appositives":   strings.Repeat("Smith, a man, ", 20000) + "said “hello there friends.”",
		"many short quotes":  strings.Repeat("“a” ", 100000),
		"many long sentence": strings.Repeat("and then ", 200000) + "“The end is here now,” said Ann Lee.",
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			checkQuotes(t, text, Find(text))
		})
	}
	if n := len(Find(big.String())); n == 0 {
		t.Errorf("10 MB article: no quotes found")
	}
}
