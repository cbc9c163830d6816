package summary

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchWords are common words of diplomacy news, most frequent first
// (roughly).
var benchWords = strings.Fields(`the of and to in a said that on for is was with by
government minister talks defence security summit agreement foreign trade
Japan Italy Canada Norway China Russia Ukraine Britain France Germany Tokyo Rome
prime president leaders officials ministry navy army fighter jet programme
exercises sanctions election parliament vote budget economy growth tariffs
exports imports energy gas oil pipeline climate aid refugees border
cooperation partnership alliance treaty ceasefire negotiations delegation
envoy ambassador embassy spokesman statement meeting week month year Monday
Tuesday announced agreed warned called urged rejected signed planned expected
new first second largest joint bilateral regional international military
economic political strategic naval maritime Pacific Atlantic Arctic Europe
Asia region countries nations allies partners forces troops ships aircraft
billion million percent rate bank market investment industry companies firms
workers jobs plan policy reform law court rights council committee report
deal support pressure crisis conflict war peace dialogue visit capital`)

// benchVocabulary is benchWords followed by made-up words for the long
// tail of a news vocabulary: some 5,000 distinct words, of which an
// article uses a few hundred.
func benchVocabulary() []string {
	syllables := strings.Fields("ka lo mi ren to sa vel dor an is ur pe ga ni ster mon tal bri co")
	words := slices.Clone(benchWords)
	for i := 0; len(words) < 5000; i++ {
		w := syllables[i%len(syllables)] + syllables[(i/len(syllables))%len(syllables)] +
			syllables[(i/(len(syllables)*len(syllables)))%len(syllables)]
		words = append(words, w)
	}
	return words
}

// benchArticle generates an article of about words words in paragraphs
// of two to four sentences, deterministic for a seed. Words are drawn
// with a Zipf skew, as in real text: the function words and a few topic
// words recur in most sentences, most words are rare.
func benchArticle(seed uint64, words int) string {
	vocab := benchVocabulary()
	rng := rand.New(rand.NewPCG(seed, 7))
	zipf := rand.NewZipf(rng, 1.05, 2, uint64(len(vocab)-1))
	var b strings.Builder
	n := 0
	for n < words {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for s := 2 + rng.IntN(3); s > 0 && n < words; s-- {
			length := 12 + rng.IntN(20)
			for i := 0; i < length; i++ {
				w := vocab[zipf.Uint64()]
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(w)
				if i == length/2 && rng.IntN(3) == 0 {
					b.WriteByte(',')
				}
			}
			b.WriteString(". ")
			n += length
		}
	}
	return b.String()
}

func BenchmarkSummarize1000Words(b *testing.B) {
	text := benchArticle(1, 1000)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if got := Summarize(text, 3); len(got) != 3 {
			b.Fatalf("got %d sentences, want 3", len(got))
		}
	}
}

func BenchmarkMulti20Docs600Words(b *testing.B) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	docs := make([]Doc, 20)
	for i := range docs {
		docs[i] = Doc{
			Text:      benchArticle(uint64(100+i), 600),
			Published: now.Add(-time.Duration(i) * 6 * time.Hour),
			Weight:    1 - float64(i)/40,
		}
	}
	focus := func(s string) float64 {
		f := 0.0
		if strings.Contains(s, "Japan") || strings.Contains(s, "Tokyo") {
			f += 0.5
		}
		if strings.Contains(s, "Italy") || strings.Contains(s, "Rome") {
			f += 0.5
		}
		return f
	}
	opt := Options{Sentences: 6, MaxChars: 1200, Focus: focus, Now: now}
	b.ResetTimer()
	for b.Loop() {
		if got := Multi(docs, opt); len(got) == 0 {
			b.Fatal("no picks")
		}
	}
}
