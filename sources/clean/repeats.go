package clean

import (
	"slices"
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

// prose is a paragraph eligible for repeat detection: its key, and its
// distinct terms and word pairs as sorted ids.
type prose struct {
	idx   int
	key   string
	terms []int32
	pairs []uint64
}

// maxProse bounds the paragraphs compared, so that a page of thousands of
// paragraphs costs no more than a long article.
const maxProse = 2000

// dropRepeats removes paragraphs that repeat an earlier paragraph of the
// same article: exact copies, copies reworded in a few places, and a
// paragraph re-told in two consecutive pieces. Only prose paragraphs take
// part: lists, recipes and tables legitimately repeat their lines.
func dropRepeats(in []doc.Block) []doc.Block {
	ids := map[string]int32{}
	var ps []prose
	for i, b := range in {
		if len(ps) >= maxProse {
			break
		}
		if b.Kind != doc.Paragraph || !isProse(b.Text) {
			continue
		}
		terms := contentTerms(b.Text)
		if len(terms) < 8 {
			continue
		}
		p := prose{idx: i, key: key(b.Text)}
		prev := int32(-1)
		for j, t := range terms {
			id, ok := ids[t]
			if !ok {
				id = int32(len(ids))
				ids[t] = id
			}
			p.terms = append(p.terms, id)
			if j > 0 {
				p.pairs = append(p.pairs, uint64(prev)<<32|uint64(uint32(id)))
			}
			prev = id
		}
		p.terms = sortedSet(p.terms)
		p.pairs = sortedSet(p.pairs)
		ps = append(ps, p)
	}
	if len(ps) < 2 {
		return in
	}
	// postings[t] lists the paragraphs, in order, that hold term t.
	postings := make([][]int32, len(ids))
	overlap := make([]int, len(ps))     // terms shared with paragraph i
	nextOverlap := make([]int, len(ps)) // terms shared with paragraph i+1
	drop := map[int]bool{}
	keys := map[string]bool{}
	count := func(p prose, upto int, out []int) {
		clear(out[:upto])
		for _, t := range p.terms {
			for _, q := range postings[t] {
				if int(q) < upto {
					out[q]++
				}
			}
		}
	}
	for i, p := range ps {
		if i > 0 && !drop[p.idx] {
			repeated := keys[p.key]
			if !repeated {
				count(p, i, overlap)
				for j := 0; j < i && !repeated; j++ {
					q := ps[j]
					repeated = !drop[q.idx] &&
						float64(overlap[j]) >= repeatContainment*float64(len(p.terms)) &&
						float64(intersect(p.pairs, q.pairs)) >= repeatPairs*float64(len(p.pairs))
				}
			}
			if repeated {
				drop[p.idx] = true
			} else if i+1 < len(ps) && ps[i+1].idx == p.idx+1 {
				// p and the paragraph after it, together, re-telling an
				// earlier one.
				next := ps[i+1]
				count(next, i, nextOverlap)
				union := union(p.terms, next.terms)
				for j := 0; j < i; j++ {
					q := ps[j]
					if drop[q.idx] ||
						float64(overlap[j]) < splitEach*float64(len(p.terms)) ||
						float64(nextOverlap[j]) < splitEach*float64(len(next.terms)) {
						continue
					}
					shared := float64(intersect(union, q.terms))
					if shared >= splitCoverage*float64(len(union)) && shared >= splitCoverage*float64(len(q.terms)) {
						drop[p.idx], drop[next.idx] = true, true
						break
					}
				}
			}
		}
		if !drop[p.idx] {
			keys[p.key] = true
		}
		for _, t := range p.terms {
			postings[t] = append(postings[t], int32(i))
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

// sortedSet sorts xs and removes duplicates in place.
func sortedSet[T int32 | uint64](xs []T) []T {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// intersect counts the values two sorted sets share.
func intersect[T int32 | uint64](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// union merges two sorted sets.
func union(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
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
