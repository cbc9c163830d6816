package tone

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// Model is the learned layer over the rule reading: a multinomial
// logistic regression over the features of a sentence (the rule
// reading's verdict and cues, how the sides stand, the words), trained on
// labelled sentences. It decides the class; the evidence of a tag stays
// the cue of that class the rule reading found, or else the sentence
// alone.
type Model struct {
	// Options are the rule reading's choices the model was trained over.
	Options Options `json:"options"`
	// Margin is added to neither's score before the highest class is
	// taken: how much stronger the evidence for a class must be than for
	// neither.
	Margin float64 `json:"margin"`
	// Hedge: where the class chosen and the best class of the other
	// polarity (cooperation against conflict) are closer than this, the
	// sentence is neither: a reader minds a conflict read as cooperation
	// most.
	Hedge float64 `json:"hedge"`
	// Prior is added to the score of the rule reading's own class: the
	// model starts from the rule reading and moves from it only where the
	// weights say so.
	Prior float64 `json:"prior"`
	// Weights holds, for each feature, one weight per class in the order
	// of Classes.
	Weights map[string][len(Classes)]float64 `json:"weights"`
	// Trained says what the model was trained on.
	Trained string `json:"trained,omitempty"`
}

// TrainOptions shape a training run.
type TrainOptions struct {
	// L2 is the strength of the weights' penalty.
	L2 float64
	// Epochs over the training sentences.
	Epochs int
	// MinCount: a word feature seen in fewer training sentences is left
	// out.
	MinCount int
	// Balance weighs each sentence by its class's rarity raised to this
	// power (0: every sentence alike, 1: every class alike).
	Balance float64
	// Margin is the model's Margin.
	Margin float64
	// Hedge is the model's Hedge.
	Hedge float64
	// Seed fixes the order sentences are visited in.
	Seed uint64
	// Runs: the weights are the mean of this many runs, each visiting
	// the sentences in another order (seeds Seed, Seed+1, ...): a model
	// that does not hang on one order. 0 or 1: one run.
	Runs int
	// WordL2 multiplies L2 for the word features: the words are many and
	// each is seen a few times, the rule reading's facts few and often.
	WordL2 float64
	// Prior is the model's Prior.
	Prior float64
	// Drop leaves out the features whose names start with one of these.
	Drop []string
}

// DefaultTrainOptions are the choices made before any was tuned.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{L2: 1e-3, Epochs: 30, MinCount: 2, Balance: 0.5, Margin: 0, Seed: 1, WordL2: 1}
}

func (o TrainOptions) String() string {
	s := fmt.Sprintf("L2 %g (words ×%g), %d epochs, min count %d, balance %.2f, rule prior %.1f, neither margin %.2f, hedge %.2f", o.L2, o.WordL2, o.Epochs, o.MinCount, o.Balance, o.Prior, o.Margin, o.Hedge)
	if o.Runs > 1 {
		s += fmt.Sprintf(", mean of %d runs", o.Runs)
	}
	return s
}

// Featurize reads a sentence into its feature names with the rule
// reading's options o. It is what Train reads; computing it once lets a
// tuning loop train many models on the same sentences.
func Featurize(sents []Sentence, o Options) [][]string {
	c := NewWith(o)
	c.model = nil
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = c.features(c.analyse(s))
	}
	return out
}

// Train fits a model on the featurized sentences x with classes gold.
func Train(x [][]string, gold []Class, ro Options, o TrainOptions) *Model {
	// The vocabulary: features seen in at least MinCount sentences (the
	// rule reading's own facts are always kept).
	df := map[string]int{}
	for _, fs := range x {
		seen := map[string]bool{}
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	index := map[string]int{}
	var names []string
	for f, n := range df {
		if dropped(f, o.Drop) {
			continue
		}
		if n >= o.MinCount || !wordFeature(f) {
			index[f] = 0
			names = append(names, f)
		}
	}
	sort.Strings(names)
	for i, f := range names {
		index[f] = i
	}
	xs := make([][]int, len(x))
	prior := make([][len(Classes)]float64, len(x))
	for i, fs := range x {
		prior[i] = priorOf(fs, o.Prior)
		for _, f := range fs {
			if k, ok := index[f]; ok {
				xs[i] = append(xs[i], k)
			}
		}
	}
	// Each sentence weighs by its class's rarity.
	var count [len(Classes)]int
	for _, g := range gold {
		count[g]++
	}
	var cw [len(Classes)]float64
	for c := range cw {
		if count[c] > 0 {
			cw[c] = math.Pow(float64(len(gold))/float64(len(Classes)*count[c]), o.Balance)
		}
	}
	l2 := make([]float64, len(names))
	for i, f := range names {
		l2[i] = o.L2
		if wordFeature(f) {
			l2[i] *= o.WordL2
		}
	}
	runs := max(1, o.Runs)
	var w [][len(Classes)]float64
	for run := range runs {
		wr := descend(xs, gold, prior, cw, l2, len(names), o.Epochs, o.Seed+uint64(run))
		if w == nil {
			w = wr
			continue
		}
		for k := range w {
			for c := range w[k] {
				w[k][c] += wr[k][c]
			}
		}
	}
	if runs > 1 {
		for k := range w {
			for c := range w[k] {
				w[k][c] /= float64(runs)
			}
		}
	}
	m := &Model{Options: ro, Margin: o.Margin, Hedge: o.Hedge, Prior: o.Prior, Weights: make(map[string][len(Classes)]float64, len(names))}
	for i, f := range names {
		var row [len(Classes)]float64
		zero := true
		for c := range row {
			row[c] = math.Round(w[i][c]*1e4) / 1e4
			zero = zero && row[c] == 0
		}
		if !zero {
			m.Weights[f] = row
		}
	}
	return m
}

// descend fits the weights by AdaGrad over the sentences in an order
// fixed by seed, and returns the mean of the weights after each epoch of
// the second half: steadier than the last epoch's, which lean towards
// the sentences visited last.
func descend(xs [][]int, gold []Class, prior [][len(Classes)]float64, cw [len(Classes)]float64, l2 []float64, n, epochs int, seed uint64) [][len(Classes)]float64 {
	w := make([][len(Classes)]float64, n)
	g2 := make([][len(Classes)]float64, n) // AdaGrad's sums of squares
	avg := make([][len(Classes)]float64, n)
	kept := 0
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x746f6e65))
	const rate = 0.5
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, i := range order {
			sc := scoreIdx(w, xs[i])
			for c := range sc {
				sc[c] += prior[i][c]
			}
			p := softmax(sc)
			for _, k := range xs[i] {
				for c := range p {
					t := 0.0
					if Class(c) == gold[i] {
						t = 1
					}
					grad := cw[gold[i]]*(p[c]-t) + l2[k]*w[k][c]
					g2[k][c] += grad * grad
					w[k][c] -= rate * grad / math.Sqrt(g2[k][c]+1e-8)
				}
			}
		}
		if ep >= epochs/2 {
			for k := range w {
				for c := range w[k] {
					avg[k][c] += w[k][c]
				}
			}
			kept++
		}
	}
	if kept > 0 {
		for k := range w {
			for c := range w[k] {
				w[k][c] = avg[k][c] / float64(kept)
			}
		}
	}
	return w
}

func dropped(f string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// wordPrefixes start the names of the word features.
var wordPrefixes = []string{"w:", "b:", "n:", "cuew:", "btw:", "subj:", "cx:"}

// wordFeature reports whether a feature is one of the words (rare ones
// are left out) rather than the rule reading's.
func wordFeature(f string) bool {
	for _, p := range wordPrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

func scoreIdx(w [][len(Classes)]float64, xs []int) [len(Classes)]float64 {
	var s [len(Classes)]float64
	for _, k := range xs {
		for c := range s {
			s[c] += w[k][c]
		}
	}
	return s
}

func softmax(s [len(Classes)]float64) [len(Classes)]float64 {
	top := slices.Max(s[:])
	sum := 0.0
	for c := range s {
		s[c] = math.Exp(s[c] - top)
		sum += s[c]
	}
	for c := range s {
		s[c] /= sum
	}
	return s
}

// Scores are the model's score of each class for the feature names,
// neither's margin included.
func (m *Model) Scores(names []string) [len(Classes)]float64 {
	var s [len(Classes)]float64
	for _, f := range names {
		if row, ok := m.Weights[f]; ok {
			for c := range s {
				s[c] += row[c]
			}
		}
	}
	pr := priorOf(names, m.Prior)
	for c := range s {
		s[c] += pr[c]
	}
	s[Neither] += m.Margin
	return s
}

// priorOf is the prior score of each class: p for the rule reading's
// class.
func priorOf(names []string, p float64) [len(Classes)]float64 {
	var out [len(Classes)]float64
	for _, f := range names {
		if rest, ok := strings.CutPrefix(f, "rule:"); ok && !strings.Contains(rest, ":") {
			if c, err := ParseClass(rest); err == nil {
				out[c] += p
			}
		}
	}
	return out
}

// Predict is the class the model gives the feature names.
func (m *Model) Predict(names []string) Class {
	return hedged(m.Scores(names), m.Hedge)
}

// hedged is the highest class, or neither where a class of the other
// polarity scores within h of it.
func hedged(s [len(Classes)]float64, h float64) Class {
	best := argmax(s)
	if best == Neither || h <= 0 {
		return best
	}
	for c := range s {
		if cl := Class(c); (cl.Cooperation() && best.Conflict() || cl.Conflict() && best.Cooperation()) && s[best]-s[c] < h {
			return Neither
		}
	}
	return best
}

func argmax(s [len(Classes)]float64) Class {
	best := Neither
	for c := range s {
		if s[c] > s[best] {
			best = Class(c)
		}
	}
	return best
}

// MarshalModel writes the model as indented JSON, features in order, so
// that a model trained twice on the same labels is the same file.
func MarshalModel(m *Model) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return nil, fmt.Errorf("tone: model: %w", err)
	}
	return append(b, '\n'), nil
}

// ParseModel reads a model that MarshalModel wrote.
func ParseModel(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("tone: model: %w", err)
	}
	if len(m.Weights) == 0 {
		return nil, fmt.Errorf("tone: model: no weights")
	}
	return &m, nil
}

// decideLearned lets the model choose the class, and keeps as evidence
// the cue of that class the rule reading ranks first; where the rule
// reading found none, the words that weighed most for the class.
//
// It reads the features by the model's ids (see modelIndex): the same
// features as Featurize names, summed in the same order, so that the
// scores are those Model.Scores gives the names, to the last bit.
func (c *Classifier) decideLearned(r *reading) Tag {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	fw := &sc.fw
	fw.reset(c.ix)
	c.writeFeatures(r, fw, sc)
	var s [len(Classes)]float64
	for _, f := range fw.ids {
		row := &c.ix.rows[f]
		for k := range s {
			s[k] += row[k]
		}
	}
	// The prior, as priorOf gives it for the one "rule:" feature.
	var pr [len(Classes)]float64
	pr[fw.rule] += c.model.Prior
	for k := range s {
		s[k] += pr[k]
	}
	s[Neither] += c.model.Margin
	cl := hedged(s, c.model.Hedge)
	if cl == Neither {
		return Tag{Sentence: r.s.Text}
	}
	best, bestScore := -1, math.Inf(-1)
	for k, cd := range r.cands {
		if cd.class != cl || cd.dist > c.opt.LinkDistance {
			continue
		}
		if s := c.ruleScore(cd); s > bestScore {
			best, bestScore = k, s
		}
	}
	if best >= 0 {
		return c.tagFrom(r, r.cands[best])
	}
	// No rule cue stands for the class: the words together decided it.
	// No one word of them is shown as the cue, nor who acts on whom:
	// roles read around a word the weights chose, not a cue's grammar,
	// were wrong in 5 of 20 read by hand.
	return Tag{Sentence: r.evidence(), Class: cl, Reading: "learned"}
}
