package clean

import (
	"unicode"
	"unicode/utf8"

	"attache/sources/doc"
)

// Thresholds for near repeats, set on real articles: among the paragraphs
// of the evaluation pages, no paragraph shares more than two thirds of its
// terms with an earlier one, and no pair of paragraphs covers an earlier
// one by more than half, while a paragraph re-told almost word for word,
// or split in two and lightly reworded, scores above these.
const (
	// repeatContainment is the share of a paragraph's terms found in one
	// earlier paragraph above which it is a repeat...
	repeatContainment = 0.80
	// ...provided this share of its word pairs is found there too.
	repeatPairs = 0.50
	// splitCoverage is the share of an earlier paragraph's terms that two
	// consecutive paragraphs must re-tell, with this share of their own
	// terms coming from it, each of them at least splitEach.
	splitCoverage = 0.70
	splitEach     = 0.55
)

// prose is a paragraph eligible for repeat detection, with its terms.
type prose struct {
	idx   int
	key   string
	terms map[string]bool
	pairs map[[2]string]bool
	list  []string
}

// dropRepeats removes paragraphs that repeat an earlier paragraph of the
// same article: exact copies, copies reworded in a few places, and a
// paragraph re-told in two consecutive pieces. Only prose paragraphs take
// part: lists, recipes and tables legitimately repeat their lines.
func dropRepeats(in []doc.Block) []doc.Block {
	var ps []prose
	for i, b := range in {
		if b.Kind != doc.Paragraph || !isProse(b.Text) {
			continue
		}
		terms := contentTerms(b.Text)
		if len(terms) < 8 {
			continue
		}
		p := prose{idx: i, key: key(b.Text), terms: map[string]bool{}, pairs: map[[2]string]bool{}, list: terms}
		for j, t := range terms {
			p.terms[t] = true
			if j > 0 {
				p.pairs[[2]string{terms[j-1], t}] = true
			}
		}
		ps = append(ps, p)
	}
	drop := map[int]bool{}
	for i := 1; i < len(ps); i++ {
		p := ps[i]
		for j := 0; j < i; j++ {
			q := ps[j]
			if drop[q.idx] {
				continue
			}
			if p.key == q.key || contained(p.terms, q.terms) >= repeatContainment && pairsContained(p.pairs, q.pairs) >= repeatPairs {
				drop[p.idx] = true
				break
			}
		}
		if drop[p.idx] || i+1 >= len(ps) || ps[i+1].idx != p.idx+1 {
			continue
		}
		// p and the paragraph after it, together, re-telling an earlier one.
		next := ps[i+1]
		union := make(map[string]bool, len(p.terms)+len(next.terms))
		for t := range p.terms {
			union[t] = true
		}
		for t := range next.terms {
			union[t] = true
		}
		for j := 0; j < i; j++ {
			q := ps[j]
			if drop[q.idx] {
				continue
			}
			if contained(union, q.terms) >= splitCoverage && contained(q.terms, union) >= splitCoverage &&
				contained(p.terms, q.terms) >= splitEach && contained(next.terms, q.terms) >= splitEach {
				drop[p.idx], drop[next.idx] = true, true
				break
			}
		}
	}
	if len(drop) == 0 {
		return in
	}
	out := make([]doc.Block, 0, len(in)-len(drop))
	for i, b := range in {
		if !drop[i] {
			out = append(out, b)
		}
	}
	return out
}

// contained is the share of a's terms that b holds.
func contained(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func pairsContained(a, b map[[2]string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for t := range a {
		if b[t] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// isProse reports whether a paragraph reads as running text: a sentence's
// ending, enough letters, and few numbers among its words.
func isProse(text string) bool {
	if !endsSentence(text) {
		return false
	}
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 60 {
		return false
	}
	ws := words(text)
	numeric := 0
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
			numeric++
		}
	}
	return numeric*10 < len(ws)
}

// stopWords are left out of the terms compared for repeats.
var stopWords = setOf(
	"a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "and", "or", "but",
	"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that", "this",
	"these", "those", "it", "its", "as", "from", "which", "who", "will", "would", "their",
	"there", "they", "he", "she", "his", "her", "we", "our", "you", "your", "not", "no",
	"so", "than", "then", "also", "into", "about", "over", "after", "before", "such", "can",
	"could", "may", "might", "do", "did", "does", "s", "said", "says",
)

// contentTerms returns a paragraph's words without stop words, each cut to
// its first five letters (a crude stem that makes "agreed", "agreement" and
// "agree" one term). Runs of Chinese or Japanese characters, written
// without spaces, give their character pairs instead.
func contentTerms(text string) []string {
	var out []string
	for _, w := range words(text) {
		if hasHanOrKana(w) {
			rs := []rune(w)
			if len(rs) == 1 {
				out = append(out, w)
			}
			for i := 0; i+1 < len(rs); i++ {
				out = append(out, string(rs[i:i+2]))
			}
			continue
		}
		if stopWords[w] {
			continue
		}
		if utf8.RuneCountInString(w) > 5 {
			w = string([]rune(w)[:5])
		}
		out = append(out, w)
	}
	return out
}

func hasHanOrKana(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			return true
		}
	}
	return false
}
