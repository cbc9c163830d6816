// Package summary picks the sentences that summarise one article, or
// several articles for a brief, extractively: every sentence it returns is
// verbatim from its article, with its byte offsets.
//
// Centrality is continuous LexRank: sentences are bags of content words
// (sentence.Words), linked by the cosine similarity of their word counts,
// and ranked by weighted PageRank. A sentence that shares the words of
// many others states what the article is about. For a brief, the random
// surfer of PageRank jumps preferably to sentences about the request
// (biased LexRank), and position, recency and article relevance are mixed
// in. Headings, captions, bylines, datelines, credits, share counters and
// site footers are never picked, nor is a sentence that repeats the fact
// of one already picked.
package summary

import (
	"cmp"
	"math"
	"slices"

	"attache/briefing/sentence"
)

const (
	// damping is the PageRank damping factor.
	damping = 0.85
	// edgeThreshold drops links weaker than this cosine similarity: one
	// shared word between two long sentences says little, and dropping
	// such links keeps the graph sparse.
	edgeThreshold = 0.05
	// shortlistShare is the share of an article's sentences, the most
	// central ones, among which Summarize chooses (or n, if more).
	shortlistShare = 0.4
	// maxArticleSentences bounds the sentences of one article that are
	// ranked, so that a huge input costs linear time, not quadratic.
	maxArticleSentences = 400
)

// Summarize returns up to n sentences that summarise the article text
// (block format, see attache/sources/doc), in article order. It never
// returns headings or furniture, nor two sentences that state one fact;
// so it may return fewer than n. For text without any sentence mark it
// falls back to the blocks as they are.
func Summarize(text string, n int) []sentence.Sentence {
	return SummarizeShortlist(text, n, shortlistShare)
}

// SummarizeShortlist is Summarize with the shortlist's share of the
// article given (Summarize uses 0.4; 1 ranks every sentence by its mass),
// for the evaluation that chooses it.
func SummarizeShortlist(text string, n int, share float64) []sentence.Sentence {
	if n <= 0 {
		return nil
	}
	cands := candidates(sentence.Split(text), maxArticleSentences)
	if len(cands) == 0 {
		return nil
	}
	voc := newVocabulary(len(text) / 16)
	vecs := make([]vector, len(cands))
	for i, c := range cands {
		vecs[i] = voc.vectorize(c.words)
	}
	rank := pageRank(similarityGraph(vecs, voc.size(), edgeThreshold), damping, nil)
	order := shortlistOrder(cands, rank, n, share)
	var picked []sentence.Sentence
	var pickedStems [][]string
	for _, i := range order {
		if len(picked) == n {
			break
		}
		st := stems(cands[i].words)
		if repeats(st, pickedStems) {
			continue
		}
		picked = append(picked, cands[i].Sentence)
		pickedStems = append(pickedStems, st)
	}
	slices.SortFunc(picked, func(a, b sentence.Sentence) int { return cmp.Compare(a.Index, b.Index) })
	return picked
}

// shortlistOrder returns the order in which Summarize considers the
// sentences. The most central ones come first, a shortlist of
// max(n, 40% of the article); within it, and then among the rest, a
// sentence goes by its centrality times its length in words, its "mass":
// with a budget counted in sentences, a central sentence that says more is
// worth more. (On the dev set this beats centrality alone, and centrality
// times a power of the length, at 3 sentences and at reference length.)
func shortlistOrder(cands []candidate, rank []float64, n int, share float64) []int {
	byRank := byScore(rank)
	size := max(n, int(math.Ceil(share*float64(len(cands)))))
	inList := make([]bool, len(cands))
	for _, i := range byRank[:min(size, len(byRank))] {
		inList[i] = true
	}
	mass := make([]float64, len(cands))
	for i, c := range cands {
		mass[i] = rank[i] * float64(max(1, c.length))
	}
	order := byScore(mass)
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case inList[a] == inList[b]:
			return 0
		case inList[a]:
			return -1
		}
		return 1
	})
	return order
}

// byScore returns the indexes of score, best first; ties go to the
// earlier index.
func byScore(score []float64) []int {
	order := make([]int, len(score))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	return order
}

// repeats reports whether a sentence with stems st states the fact of one
// already picked.
func repeats(st []string, picked [][]string) bool {
	for _, p := range picked {
		if sameFact(st, p) {
			return true
		}
	}
	return false
}
