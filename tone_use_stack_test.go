package main

// The eleventh tone round's harness (briefing/tone/RESULTS.md): sentence
// vectors of a pretrained encoder (Universal Sentence Encoder lite,
// briefing/tone/use) stacked under the classifier. In each outer fold a
// learner over the vectors (MODE top: its class; bins: its class
// probabilities at 0.3/0.5/0.7; KNN=1: the vote shares of the 30 nearest
// labelled lines, else a logistic regression) is fitted on the training
// folds; its inner out-of-fold outputs become features of the training
// lines and its output on the fold's lines theirs; main's classifier is
// fitted beside it on the same folds without them. SPLIT=N trains on the
// first N labelled lines and scores the rest instead. The vectors come
// from the Go encoder (ATTACHE_USE_DIR), or from a file of them (USE_EMB,
// lines {"id","s":[...]}). It runs only when asked, for minutes:
//
//	ATTACHE_USE_STACK=1 ATTACHE_USE_DIR=DIR PART=0 SEED=1 MODE=bins KNN=1 go test -run UseStack -v -timeout 60m .

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"testing"

	"attache/briefing/eval"
	"attache/briefing/geo"
	"attache/briefing/tone"
	"attache/briefing/tone/devset"
	"attache/briefing/tone/use"
)

type useEmb struct {
	ID   string
	S, C []float64
}

func loadUse(t *testing.T, path string) map[string][]float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	out := map[string][]float64{}
	for sc.Scan() {
		var e useEmb
		json.Unmarshal(sc.Bytes(), &e)
		x := make([]float64, len(e.S))
		for k, v := range e.S {
			x[k] = 10 * v
		}
		out[e.ID] = x
	}
	return out
}

func useTrain(X [][]float64, y []tone.Class, l2 float64, epochs int) [][]float64 {
	d := len(X[0])
	nc := len(tone.Classes)
	W := make([][]float64, nc)
	G := make([][]float64, nc)
	for c := range W {
		W[c] = make([]float64, d+1)
		G[c] = make([]float64, d+1)
	}
	cnt := make([]float64, nc)
	for _, v := range y {
		cnt[v]++
	}
	cw := make([]float64, nc)
	for c := range cw {
		if cnt[c] > 0 {
			cw[c] = math.Sqrt(float64(len(y)) / (float64(nc) * cnt[c]))
		}
	}
	grad := make([][]float64, nc)
	for c := range grad {
		grad[c] = make([]float64, d+1)
	}
	for ep := 0; ep < epochs; ep++ {
		for c := range grad {
			clear(grad[c])
		}
		for i, x := range X {
			p := useProb(W, x)
			for c := 0; c < nc; c++ {
				tt := 0.0
				if y[i] == tone.Class(c) {
					tt = 1
				}
				g := cw[y[i]] * (p[c] - tt)
				for k, v := range x {
					grad[c][k] += g * v
				}
				grad[c][d] += g
			}
		}
		for c := 0; c < nc; c++ {
			for k := 0; k <= d; k++ {
				g := grad[c][k]/float64(len(X)) + l2*W[c][k]
				G[c][k] += g * g
				W[c][k] -= 0.5 * g / math.Sqrt(G[c][k]+1e-8)
			}
		}
	}
	return W
}

func useProb(W [][]float64, x []float64) []float64 {
	d := len(x)
	s := make([]float64, len(W))
	m := math.Inf(-1)
	for c := range s {
		v := W[c][d]
		for k, xv := range x {
			v += W[c][k] * xv
		}
		s[c] = v
		m = math.Max(m, v)
	}
	z := 0.0
	for c := range s {
		s[c] = math.Exp(s[c] - m)
		z += s[c]
	}
	for c := range s {
		s[c] /= z
	}
	return s
}

func useFeatures(p []float64, mode string) []string {
	var out []string
	best := 0
	for c := range p {
		if p[c] > p[best] {
			best = c
		}
	}
	out = append(out, "use:top:"+strconv.Itoa(best))
	if mode == "bins" {
		for c := range p {
			for _, b := range []float64{0.3, 0.5, 0.7} {
				if p[c] >= b {
					out = append(out, fmt.Sprintf("use:p%d:%.1f", c, b))
				}
			}
		}
	}
	return out
}

func useKNN(X [][]float64, gold []tone.Class, trainIdx, at []int, K int) map[int][]float64 {
	norm := func(x []float64) []float64 {
		n := 0.0
		for _, v := range x {
			n += v * v
		}
		n = math.Sqrt(n)
		o := make([]float64, len(x))
		for k := range x {
			o[k] = x[k] / n
		}
		return o
	}
	out := map[int][]float64{}
	for _, i := range at {
		a := norm(X[i])
		type nb struct {
			s float64
			c tone.Class
		}
		nbs := make([]nb, 0, len(trainIdx))
		for _, j := range trainIdx {
			b := norm(X[j])
			s := 0.0
			for k := range a {
				s += a[k] * b[k]
			}
			nbs = append(nbs, nb{s, gold[j]})
		}
		sort.Slice(nbs, func(p, q int) bool { return nbs[p].s > nbs[q].s })
		v := make([]float64, len(tone.Classes))
		z := 0.0
		for _, n := range nbs[:K] {
			w := math.Exp(10 * n.s)
			v[n.c] += w
			z += w
		}
		for c := range v {
			v[c] /= z
		}
		out[i] = v
	}
	return out
}

// stacked predictions: emb LR fitted on the rows idx, predicting rows at.
func usePredict(X [][]float64, gold []tone.Class, trainIdx, at []int, l2 float64) map[int][]float64 {
	if os.Getenv("KNN") != "" {
		return useKNN(X, gold, trainIdx, at, 30)
	}
	tx := make([][]float64, len(trainIdx))
	ty := make([]tone.Class, len(trainIdx))
	for j, i := range trainIdx {
		tx[j], ty[j] = X[i], gold[i]
	}
	W := useTrain(tx, ty, l2, 300)
	out := map[int][]float64{}
	for _, i := range at {
		out[i] = useProb(W, X[i])
	}
	return out
}

func TestUseStack(t *testing.T) {
	if os.Getenv("ATTACHE_USE_STACK") == "" {
		t.Skip("the eleventh tone round's harness runs for minutes; ATTACHE_USE_STACK=1 runs it")
	}
	all, err := devLines("../shared/eval", "briefing/tone/devset/labels.jsonl")
	if err != nil {
		t.Skip(err)
	}
	var emb map[string][]float64
	if p := os.Getenv("USE_EMB"); p != "" {
		emb = loadUse(t, p)
	} else {
		dir := os.Getenv("ATTACHE_USE_DIR")
		if dir == "" {
			t.Skip("no vectors: set ATTACHE_USE_DIR (the encoder's weights) or USE_EMB")
		}
		m, err := use.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		texts := make([]string, len(all))
		for i, l := range all {
			texts[i] = l.Text
		}
		emb = map[string][]float64{}
		for i, v := range m.EmbedBatch(texts) {
			x := make([]float64, len(v))
			for k, f := range v {
				x[k] = 10 * float64(f)
			}
			emb[all[i].ID] = x
		}
	}
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	finder := tone.NewFinder(gaz)
	lines, gold, sents, groups, err := fitLines(finder, all)
	if err != nil {
		t.Fatal(err)
	}
	part, _ := strconv.Atoi(os.Getenv("PART"))
	seed, _ := strconv.ParseUint(os.Getenv("SEED"), 10, 64)
	if seed == 0 {
		seed = 1
	}
	mode := os.Getenv("MODE")
	saltGroups(groups, part)
	X := make([][]float64, len(lines))
	for i, l := range lines {
		X[i] = emb[l.ID]
		if X[i] == nil {
			t.Fatalf("no embedding for %s", l.ID)
		}
	}
	folds := eval.Folds(groups, eval.DefaultFolds)
	outer := eval.DefaultFolds
	if n, _ := strconv.Atoi(os.Getenv("SPLIT")); n > 0 {
		// Trained on the first n labelled lines, scored on the rest: the
		// lines labelled blind after a model was trained.
		for i := range folds {
			folds[i] = 0
			if i >= n {
				folds[i] = 1
			}
		}
		outer = 1
		defer func() {
			fmt.Printf("(split at %d: trained on the lines before it, scored on %d after)\n", n, len(folds)-n)
		}()
	}
	var base, stack devset.Scores
	for k0 := 0; k0 < outer; k0++ {
		k := k0
		if outer == 1 {
			k = 1
		}
		train, test := eval.Split(folds, k)
		ts, tg, tgroups := make([]tone.Sentence, len(train)), make([]tone.Class, len(train)), make([]string, len(train))
		for j, i := range train {
			ts[j], tg[j], tgroups[j] = sents[i], gold[i], groups[i]
		}
		inner := eval.Folds(tgroups, eval.DefaultFolds-1)
		ro := tone.Tune(ts, tg, tone.DefaultOptions())
		x := tone.Featurize(ts, ro)
		xt := tone.Featurize(subset(sents, test), ro)
		grid := toneGrid(seed)
		// baseline
		to := tone.ChooseTraining(x, tg, inner, grid)
		to.Runs = tone.FitRuns
		m := tone.Train(x, tg, ro, to)
		for j, i := range test {
			base.Add(gold[i], m.Predict(xt[j]))
		}
		// stacked: inner OOF for the training rows
		xs := make([][]string, len(x))
		for j := range x {
			xs[j] = append([]string{}, x[j]...)
		}
		for f := 0; f < eval.DefaultFolds-1; f++ {
			var itr, ite []int
			for j := range train {
				if inner[j] == f {
					ite = append(ite, train[j])
				} else {
					itr = append(itr, train[j])
				}
			}
			p := usePredict(X, gold, itr, ite, 1e-4)
			for j := range train {
				if inner[j] == f {
					xs[j] = append(xs[j], useFeatures(p[train[j]], mode)...)
				}
			}
		}
		pt := usePredict(X, gold, train, test, 1e-4)
		xst := make([][]string, len(test))
		for j, i := range test {
			xst[j] = append(append([]string{}, xt[j]...), useFeatures(pt[i], mode)...)
		}
		to2 := tone.ChooseTraining(xs, tg, inner, grid)
		to2.Runs = tone.FitRuns
		m2 := tone.Train(xs, tg, ro, to2)
		for j, i := range test {
			stack.Add(gold[i], m2.Predict(xst[j]))
		}
		t.Logf("fold %d done", k)
	}
	fmt.Printf("part %d seed %d mode %q: base %.3f (%.1f%%) stack %.3f (%.1f%%)\n", part, seed, mode, base.MacroF1(), 100*base.CrossConfusions(), stack.MacroF1(), 100*stack.CrossConfusions())
}

func subset(s []tone.Sentence, idx []int) []tone.Sentence {
	out := make([]tone.Sentence, len(idx))
	for j, i := range idx {
		out[j] = s[i]
	}
	return out
}
