package quote

import (
	"strings"
	"testing"
)

// benchParagraphs are sentences in the shapes of news copy, written for
// these benchmarks: narrative, direct and split quotations, pronouns,
// appositives and a partial quotation.
var benchParagraphs = []string{
	"Foreign ministers from both countries met in Lisbon on Monday to discuss a new agreement on fisheries and port security.",
	"“We have made more progress in two days than in the last two years,” said Foreign Minister Ana Ribeiro, who led the talks.",
	"Her counterpart, Hiroshi Tanaka, was more careful. “There is still work to do on the inspection rules,” he told reporters, “but the direction is right.”",
	"The agreement would let coast guard ships from each country call at the other's ports without notice, according to officials familiar with the text.",
	"Ribeiro called the plan “a model for the region” and said she expected other governments to follow within a year.",
	"Opposition leader Carlos Mendes, a former defence minister, said the government had given away too much. “This is a bad deal for our fishermen,” he said.",
	"Trade between the two countries reached 4.2 billion euros last year, up 12 percent, and officials expect it to grow again.",
	"“Nobody should read this as a move against anyone else,” a spokeswoman for the ministry said in a statement on Tuesday.",
}

// syntheticArticle returns an article of about n words.
func syntheticArticle(n int) string {
	var b strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		p := benchParagraphs[i%len(benchParagraphs)]
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		words += len(strings.Fields(p))
	}
	return b.String()
}

func BenchmarkFind1000Words(b *testing.B) {
	text := syntheticArticle(1000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		find(b, text)
	}
}

func BenchmarkFind10MB(b *testing.B) {
	article := syntheticArticle(1000)
	var big strings.Builder
	for big.Len() < 10<<20 {
		big.WriteString(article)
		big.WriteString("\n\n")
	}
	text := big.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		find(b, text)
	}
}

func TestSyntheticArticle(t *testing.T) {
	text := syntheticArticle(1000)
	if n := len(strings.Fields(text)); n < 1000 || n > 1100 {
		t.Fatalf("synthetic article has %d words, want about 1000", n)
	}
	// One round of the paragraphs holds five quotations.
	got := find(t, strings.Join(benchParagraphs, "\n\n"))
	want := []string{"Ana Ribeiro", "Hiroshi Tanaka", "Ana Ribeiro", "Carlos Mendes", "a spokeswoman for the ministry"}
	if len(got) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Speaker != w {
			t.Errorf("quote %d %q: speaker %q, want %q", i, got[i].Text, got[i].Speaker, w)
		}
	}
}
