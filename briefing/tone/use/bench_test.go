package use

import "testing"

// benchSentence is about 30 words (40 tokens).
const benchSentence = "The foreign ministers of Japan and Italy met in Rome on Tuesday to sign a defence agreement, " +
	"pledging closer cooperation on trade, energy and security in the Indo-Pacific, officials said."

func BenchmarkEmbed(b *testing.B) {
	m := loadModel(b)
	b.Logf("%d tokens", len(m.Tokenizer().Encode(benchSentence)))
	for _, k := range []struct {
		name string
		mul  matMulFunc
	}{{"gonum", matMulGonum}, {"plain", matMulPlain}} {
		b.Run(k.name, func(b *testing.B) {
			m.mul = k.mul
			b.ReportAllocs()
			for b.Loop() {
				m.Embed(benchSentence)
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	m := loadModel(b)
	b.ReportAllocs()
	for b.Loop() {
		m.Tokenizer().Encode(benchSentence)
	}
}

// BenchmarkEmbedBatch runs 32 copies of the sentence as one batch and
// reports the time per sentence.
func BenchmarkEmbedBatch(b *testing.B) {
	m := loadModel(b)
	texts := make([]string, batchSize)
	for i := range texts {
		texts[i] = benchSentence
	}
	b.ReportAllocs()
	for b.Loop() {
		m.EmbedBatch(texts)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/sentence")
}
