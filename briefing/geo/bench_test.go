package geo

import (
	"strings"
	"testing"
	"time"
)

// BenchmarkNew measures loading the embedded data and building the index.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchText is about 1 MB of prose made from the labelled sentences,
// in paragraphs of eight.
func benchText(b *testing.B) string {
	set := readLabelled(b)
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for i, s := range set {
			sb.WriteString(s.text)
			if i%8 == 7 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
	}
	return sb.String()
}

// BenchmarkTag measures tagging speed in MB/s on one core.
func BenchmarkTag(b *testing.B) {
	g := mustNew(b)
	text := benchText(b)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Tag(text, at)) == 0 {
			b.Fatal("no codes")
		}
	}
}

// filler is news prose that names no country, to dilute benchText to the
// density of ordinary articles (about one name per 300 bytes).
var filler = []string{
	"The talks lasted well into the evening, and officials on both sides described them as frank and useful.",
	"Analysts said the agreement would take years to carry out and would depend on financing that has not yet been found.",
	"A spokesperson declined to comment on the details, saying only that discussions would continue next month.",
	"The ministry published a statement late on Tuesday that repeated its earlier position on the dispute.",
	"Several lawmakers questioned the cost of the programme and asked for a full report before the next budget.",
	"Markets were little changed after the announcement, with traders waiting for further signals from the central bank.",
	"Diplomats said a joint communique was still being negotiated and could be released before the end of the week.",
	"The delegation will return home on Friday after visits to a shipyard, a research centre and a university.",
}

// BenchmarkTagProse measures tagging ordinary-density prose.
func BenchmarkTagProse(b *testing.B) {
	g := mustNew(b)
	set := readLabelled(b)
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(set[i%len(set)].text)
		for k := 0; k < 6; k++ {
			sb.WriteByte(' ')
			sb.WriteString(filler[(i+k)%len(filler)])
		}
		sb.WriteString("\n\n")
	}
	text := sb.String()
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Tag(text, at)) == 0 {
			b.Fatal("no codes")
		}
	}
}

// BenchmarkMentions measures Mentions, which also builds the mention list.
func BenchmarkMentions(b *testing.B) {
	g := mustNew(b)
	text := benchText(b)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.Mentions(text, at)) == 0 {
			b.Fatal("no mentions")
		}
	}
}

// BenchmarkParseWords measures a typical request.
func BenchmarkParseWords(b *testing.B) {
	g := mustNew(b)
	words := strings.Fields("what is going on between japan and south korea on defense since kishida")
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		g.ParseWords(words, at)
	}
}

// BenchmarkSuggest measures "did you mean" for a misspelt word.
func BenchmarkSuggest(b *testing.B) {
	g := mustNew(b)
	for b.Loop() {
		g.Suggest("itlay", 3)
	}
}
