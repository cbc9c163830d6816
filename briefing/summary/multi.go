package summary

import (
	"cmp"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"attache/briefing/sentence"
	"attache/sources/doc"
)

// DefaultSentences is how many sentences Multi picks when Options.Sentences
// is zero.
const DefaultSentences = 5

const (
	// maxDocSentences bounds the sentences ranked per article in Multi;
	// news puts its substance first, and the bound keeps a brief over
	// long articles fast.
	maxDocSentences = 80
	// recencyHalfLife is the age at which an article's recency score
	// halves.
	recencyHalfLife = 7 * 24 * time.Hour
	// multiEdgeThreshold is LexRank's cutoff for the idf-modified cosine.
	multiEdgeThreshold = 0.1
	// fullLengthWords is the length from which a sentence is not
	// penalised for being short.
	fullLengthWords = 20
)

// Weights of the parts of a Multi score, each part in 0..1.
const (
	weightCentrality = 0.55
	weightPosition   = 0.25
	weightRecency    = 0.20
	// focusFloor is what is left of the score of a sentence that is not
	// about the request at all: it may still be picked, as context, when
	// nothing better is left.
	focusFloor = 0.2
)

// Doc is one article for Multi.
type Doc struct {
	// Text is the article body in the block format of attache/sources/doc.
	Text string
	// Published is when the article appeared; zero when unknown.
	Published time.Time
	// Weight is how relevant the article is to the request, 0..1 (values
	// outside are clamped). If every Doc has 0, all count alike.
	Weight float64
}

// Options shape a multi-document summary.
type Options struct {
	// Sentences is the most sentences to pick; 0 means DefaultSentences.
	Sentences int
	// MaxChars bounds the summary's length in characters (runes), counted
	// with white space folded and one separator between sentences; 0
	// means no bound. A sentence that does not fit is passed over for a
	// shorter one.
	MaxChars int
	// Focus says how much a sentence is about the request, 0..1; nil
	// means no request (plain centrality).
	Focus func(s string) float64
	// Eligible, when set, says which sentences may be picked (doc is the
	// index into the docs given to Multi): the others still count for
	// centrality, as context, but are never shown.
	Eligible func(doc int, s sentence.Sentence) bool
	// Now is the time recency is measured from; zero means the newest
	// Published among the docs.
	Now time.Time
}

// Pick is one sentence chosen by Multi: Sentence is verbatim from
// docs[Doc].Text, Sentence.Text == docs[Doc].Text[Sentence.Start:Sentence.End].
type Pick struct {
	Doc      int               // index into the docs given to Multi
	Sentence sentence.Sentence // offsets into docs[Doc].Text
	Score    float64           // the ranking score, higher is better; comparable within one call only
}

// unit is a candidate sentence of Multi.
type unit struct {
	candidate
	doc   int
	pos   int // rank among the candidates of its doc, from 0
	focus float64
}

// Multi summarises several articles for a brief. Each candidate sentence
// is scored by a mix of centrality (LexRank with idf-modified cosine over
// the sentences of all docs, biased towards the sentences that Focus
// favours), position in its article and the article's recency; the mix is
// scaled by focus (a sentence not about the request keeps a fifth of its
// score), by the article's Weight, and down for short sentences. The best
// are taken greedily, skipping any that repeat a fact already taken, and
// any that would overrun MaxChars.
// The picks come grouped by article, the article of the best pick first,
// and in article order within one; so the first sentence of a brief is
// its most important one and each article reads in its own order.
func Multi(docs []Doc, opt Options) []Pick {
	limit := opt.Sentences
	if limit <= 0 {
		limit = DefaultSentences
	}
	var units []unit
	for d, dc := range docs {
		for pos, c := range candidates(sentence.Split(dc.Text), maxDocSentences) {
			units = append(units, unit{candidate: c, doc: d, pos: pos})
		}
	}
	if len(units) == 0 {
		return nil
	}
	docWeight := articleWeights(docs)
	recency := articleRecency(docs, opt.Now)

	teleport := make([]float64, len(units))
	for i := range units {
		u := &units[i]
		if opt.Focus != nil {
			u.focus = clamp01(opt.Focus(u.Text))
		}
		// The surfer jumps to sentences of relevant articles, and to
		// those about the request when there is one.
		teleport[i] = 0.5 + 0.5*docWeight[u.doc]
		if opt.Focus != nil {
			teleport[i] *= 0.1 + u.focus
		}
	}

	textSize := 0
	for _, d := range docs {
		textSize += len(d.Text)
	}
	voc := newVocabulary(min(textSize/16, 1<<16))
	vecs := make([]vector, len(units))
	for i, u := range units {
		vecs[i] = voc.vectorize(u.words)
	}
	vecs = idfWeighted(vecs, voc.size())
	rank := pageRank(similarityGraph(vecs, voc.size(), multiEdgeThreshold), damping, teleport)
	top := slices.Max(rank)

	score := make([]float64, len(units))
	for i, u := range units {
		c := 0.0
		if top > 0 {
			c = rank[i] / top
		}
		p := 1 / (1 + float64(u.pos)/3)
		mix := weightCentrality*c + weightPosition*p + weightRecency*recency[u.doc]
		if opt.Focus != nil {
			mix *= focusFloor + (1-focusFloor)*u.focus
		}
		short := math.Sqrt(min(1, float64(u.length)/fullLengthWords))
		score[i] = mix * short * (0.5 + 0.5*docWeight[u.doc])
	}

	var picks []Pick
	var pickedStems [][]string
	used := 0
	for _, i := range byScore(score) {
		if len(picks) == limit {
			break
		}
		u := &units[i]
		if opt.Eligible != nil && !opt.Eligible(u.doc, u.Sentence) {
			continue
		}
		size := utf8.RuneCountInString(doc.Fold(u.Text))
		if len(picks) > 0 {
			size++ // the separator
		}
		if opt.MaxChars > 0 && used+size > opt.MaxChars {
			continue
		}
		st := stems(u.words)
		if repeats(st, pickedStems) {
			continue
		}
		used += size
		picks = append(picks, Pick{Doc: u.doc, Sentence: u.Sentence, Score: score[i]})
		pickedStems = append(pickedStems, st)
	}
	return readingOrder(picks)
}

// readingOrder groups picks by article, the article of the best pick
// first, and puts each article's picks in article order. picks come best
// first.
func readingOrder(picks []Pick) []Pick {
	firstSeen := make(map[int]int)
	for rank, p := range picks {
		if _, ok := firstSeen[p.Doc]; !ok {
			firstSeen[p.Doc] = rank
		}
	}
	slices.SortStableFunc(picks, func(a, b Pick) int {
		if c := cmp.Compare(firstSeen[a.Doc], firstSeen[b.Doc]); c != 0 {
			return c
		}
		return cmp.Compare(a.Sentence.Index, b.Sentence.Index)
	})
	return picks
}

// articleWeights clamps the docs' weights to 0..1; when all are zero
// (nobody ranked the articles), all count as 1.
func articleWeights(docs []Doc) []float64 {
	out := make([]float64, len(docs))
	some := false
	for i, d := range docs {
		out[i] = clamp01(d.Weight)
		some = some || out[i] > 0
	}
	if !some {
		for i := range out {
			out[i] = 1
		}
	}
	return out
}

// articleRecency scores each doc 0..1, halving every recencyHalfLife of
// age before now (zero now: the newest doc's time). An undated doc gets
// 0.5, as does every doc when none is dated.
func articleRecency(docs []Doc, now time.Time) []float64 {
	if now.IsZero() {
		for _, d := range docs {
			if d.Published.After(now) {
				now = d.Published
			}
		}
	}
	out := make([]float64, len(docs))
	for i, d := range docs {
		if d.Published.IsZero() || now.IsZero() {
			out[i] = 0.5
			continue
		}
		age := max(0, now.Sub(d.Published))
		out[i] = math.Pow(0.5, float64(age)/float64(recencyHalfLife))
	}
	return out
}

// clamp01 limits v to 0..1; NaN counts as 0.
func clamp01(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return min(v, 1)
}
