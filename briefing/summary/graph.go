package summary

import (
	"math"
	"slices"
)

// vocabulary gives each distinct word a small integer id and turns
// sentences into term-count vectors.
type vocabulary struct {
	ids  map[string]int32
	slot []int32 // per term id: index in the vector being built
	seen []int32 // per term id: the call that last set slot
	call int32
}

// newVocabulary makes a vocabulary for about size distinct words.
func newVocabulary(size int) *vocabulary {
	return &vocabulary{
		ids:  make(map[string]int32, size),
		slot: make([]int32, 0, size),
		seen: make([]int32, 0, size),
	}
}

// size is the number of distinct words seen so far.
func (voc *vocabulary) size() int { return len(voc.ids) }

// termCount is one entry of a sparse term-frequency vector.
type termCount struct {
	term  int32
	count float64
}

// vector is a sentence as a bag of content words.
type vector struct {
	terms []termCount
	norm  float64 // Euclidean norm of the counts
}

// vectorize turns content words (sentence.Words) into a term-frequency
// vector, adding new words to the vocabulary.
func (voc *vocabulary) vectorize(words []string) vector {
	voc.call++
	v := vector{terms: make([]termCount, 0, len(words))}
	for _, w := range words {
		id, ok := voc.ids[w]
		if !ok {
			id = int32(len(voc.ids))
			voc.ids[w] = id
			voc.slot = append(voc.slot, 0)
			voc.seen = append(voc.seen, 0)
		}
		if voc.seen[id] == voc.call {
			v.terms[voc.slot[id]].count++
			continue
		}
		voc.seen[id] = voc.call
		voc.slot[id] = int32(len(v.terms))
		v.terms = append(v.terms, termCount{term: id, count: 1})
	}
	sq := 0.0
	for _, t := range v.terms {
		sq += t.count * t.count
	}
	v.norm = math.Sqrt(sq)
	return v
}

// edge is a weighted link of the similarity graph.
type edge struct {
	to     int32
	weight float64
}

// graph is an undirected weighted graph in compressed form: the edges of
// node i are edges[start[i]:start[i+1]].
type graph struct {
	start []int32
	edges []edge
}

func (g graph) nodes() int { return len(g.start) - 1 }

func (g graph) neighbours(i int) []edge { return g.edges[g.start[i]:g.start[i+1]] }

// similarityGraph links every pair of sentences whose cosine similarity
// exceeds threshold. It works through an inverted index, so pairs that
// share no word cost nothing.
func similarityGraph(vecs []vector, vocSize int, threshold float64) graph {
	n := len(vecs)
	// The inverted index, compressed: the postings of term t are
	// postings[first[t]:first[t+1]], in increasing node order.
	type posting struct {
		node  int32
		count float64
	}
	first := make([]int32, vocSize+1)
	for _, v := range vecs {
		for _, t := range v.terms {
			first[t.term+1]++
		}
	}
	for t := 1; t <= vocSize; t++ {
		first[t] += first[t-1]
	}
	postings := make([]posting, first[vocSize])
	fill := slices.Clone(first[:vocSize])
	for i, v := range vecs {
		for _, t := range v.terms {
			postings[fill[t.term]] = posting{int32(i), t.count}
			fill[t.term]++
		}
	}
	// The pairs (i, j > i) of a term are the postings after i's own;
	// cursor[t] is i's own, as i grows.
	type pair struct {
		i, j   int32
		weight float64
	}
	var pairs []pair
	degree := make([]int32, n+1)
	acc := make([]float64, n)
	cursor := first[:vocSize] // reuses first: cursor[t] only grows to first[t+1]
	var touched []int32
	for i, v := range vecs {
		touched = touched[:0]
		for _, t := range v.terms {
			cursor[t.term]++
			for _, p := range postings[cursor[t.term]:fill[t.term]] {
				if acc[p.node] == 0 {
					touched = append(touched, p.node)
				}
				acc[p.node] += t.count * p.count
			}
		}
		for _, j := range touched {
			sim := acc[j] / (v.norm * vecs[j].norm)
			acc[j] = 0
			if sim > threshold {
				pairs = append(pairs, pair{int32(i), j, sim})
				degree[i+1]++
				degree[j+1]++
			}
		}
	}
	for i := 1; i <= n; i++ {
		degree[i] += degree[i-1]
	}
	g := graph{start: degree, edges: make([]edge, 2*len(pairs))}
	pos := slices.Clone(degree[:n])
	for _, p := range pairs {
		g.edges[pos[p.i]] = edge{p.j, p.weight}
		pos[p.i]++
		g.edges[pos[p.j]] = edge{p.i, p.weight}
		pos[p.j]++
	}
	return g
}

// PageRank stops after maxIterations, or sooner when the scores (which
// sum to 1) move by less than tolerance in total: the order of the
// sentences is settled long before the scores are exact.
const (
	maxIterations = 50
	tolerance     = 1e-5
)

// pageRank runs weighted PageRank over g with damping d. teleport, when
// not nil, is where the random surfer jumps to (it need not be
// normalised); nil means uniformly. Nodes without edges spread their
// mass the same way. The result sums to 1.
func pageRank(g graph, d float64, teleport []float64) []float64 {
	n := g.nodes()
	if n == 0 {
		return nil
	}
	jump := make([]float64, n)
	total := 0.0
	for i := range jump {
		jump[i] = 1
		if teleport != nil {
			jump[i] = teleport[i]
		}
		total += jump[i]
	}
	for i := range jump {
		if total > 0 {
			jump[i] /= total
		} else {
			jump[i] = 1 / float64(n)
		}
	}
	out := make([]float64, n)
	for i := range n {
		for _, e := range g.neighbours(i) {
			out[i] += e.weight
		}
	}
	score := make([]float64, n)
	copy(score, jump)
	next := make([]float64, n)
	for iter := 0; iter < maxIterations; iter++ {
		dangling := 0.0
		for i := range next {
			next[i] = 0
		}
		for i := range n {
			if out[i] == 0 {
				dangling += score[i]
				continue
			}
			share := score[i] / out[i]
			for _, e := range g.neighbours(i) {
				next[e.to] += share * e.weight
			}
		}
		delta := 0.0
		for i := range next {
			v := (1-d)*jump[i] + d*(next[i]+dangling*jump[i])
			delta += math.Abs(v - score[i])
			score[i] = v
		}
		if delta < tolerance {
			break
		}
	}
	return score
}

// idfWeighted reweighs term counts by inverse sentence frequency,
// log(N/df), as LexRank does across documents: a word in most sentences
// (the countries of the request, "said") links everything to everything
// and tells nothing about centrality. Words in more than commonShare of
// the sentences (and more than commonMin of them) are dropped outright;
// their weight is small anyway, and they would cost the most time.
func idfWeighted(vecs []vector, vocSize int) []vector {
	const (
		commonShare = 0.1
		commonMin   = 30
	)
	df := make([]int, vocSize)
	for _, v := range vecs {
		for _, t := range v.terms {
			df[t.term]++
		}
	}
	n := float64(len(vecs))
	limit := max(commonShare*n, commonMin)
	out := make([]vector, len(vecs))
	for i, v := range vecs {
		w := vector{terms: make([]termCount, 0, len(v.terms))}
		sq := 0.0
		for _, t := range v.terms {
			f := float64(df[t.term])
			if f > limit {
				continue
			}
			x := t.count * math.Log(n/f)
			if x <= 0 {
				continue
			}
			w.terms = append(w.terms, termCount{term: t.term, count: x})
			sq += x * x
		}
		w.norm = math.Sqrt(sq)
		out[i] = w
	}
	return out
}
