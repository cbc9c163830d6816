package tone

import (
	"fmt"
	"sync"
)

// Grid is a set of training choices to choose among.
type Grid struct {
	L2      []float64
	Balance []float64
	Prior   []float64
	WordL2  []float64
	Margins []float64
	Hedges  []float64
	// MaxCross is the share of cooperation-versus-conflict confusions a
	// choice may make over the held-out folds; among those within it the
	// best macro-F1 wins, and when none is, the fewest confusions.
	MaxCross float64
	// Seed is the order of the first training run (0: 1); Fit's model is
	// the mean of runs in the orders Seed, Seed+1, ...
	Seed uint64
}

// DefaultGrid is the set Fit chooses among.
func DefaultGrid() Grid {
	return Grid{
		L2:       []float64{1e-2, 3e-2},
		Balance:  []float64{0.5, 1},
		Prior:    []float64{1, 2},
		WordL2:   []float64{3, 10},
		Margins:  []float64{-0.5, 0, 0.5, 1},
		Hedges:   []float64{0, 0.5, 1, 1.5, 2},
		MaxCross: 0.025,
	}
}

// Fit is the whole of training on labelled sentences: the rule reading's
// options tuned on them (Tune), then the training choices chosen by
// cross-validation over folds (folds[i] is sentence i's fold; the
// choice that scores the best macro-F1 over the held-out folds wins),
// then the model trained with them on every sentence. Nothing outside
// sents and gold is read, so a model fitted on four folds of a dev set
// can be scored honestly on the fifth.
func Fit(sents []Sentence, gold []Class, folds []int, grid Grid) (*Model, TrainOptions) {
	ro := Tune(sents, gold, DefaultOptions())
	x := Featurize(sents, ro)
	to := ChooseTraining(x, gold, folds, grid)
	// The choices are made on one run each; the model kept is the mean
	// of several, which the order sentences were visited in sways less.
	to.Runs = FitRuns
	m := Train(x, gold, ro, to)
	m.Trained = fmt.Sprintf("%d sentences; %s; %s", len(sents), ro, to)
	return m, to
}

// FitRuns is how many runs, each visiting the sentences in another
// order, the model Fit keeps is the mean of.
const FitRuns = 5

// ChooseTraining picks the training choices that score the best pooled
// macro-F1 when trained on all folds but one and scored on that one.
func ChooseTraining(x [][]string, gold []Class, folds []int, grid Grid) TrainOptions {
	base := DefaultTrainOptions()
	if grid.Seed != 0 {
		base.Seed = grid.Seed
	}
	return chooseTraining(x, gold, folds, grid, base)
}

func chooseTraining(x [][]string, gold []Class, folds []int, grid Grid, base TrainOptions) TrainOptions {
	k := 0
	for _, f := range folds {
		k = max(k, f+1)
	}
	var pts []TrainOptions
	for _, l2 := range grid.L2 {
		for _, b := range grid.Balance {
			for _, pr := range orOne(grid.Prior, base.Prior) {
				for _, wl := range orOne(grid.WordL2, base.WordL2) {
					o := base
					o.L2, o.Balance, o.Prior, o.WordL2 = l2, b, pr, wl
					pts = append(pts, o)
				}
			}
		}
	}
	// scores[p][i]: sentence i's class scores when its fold was held out.
	scores := make([][][len(Classes)]float64, len(pts))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for p, pt := range pts {
		scores[p] = make([][len(Classes)]float64, len(x))
		for f := 0; f < k; f++ {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				var tx [][]string
				var tg []Class
				for i := range x {
					if folds[i] != f {
						tx = append(tx, x[i])
						tg = append(tg, gold[i])
					}
				}
				m := Train(tx, tg, Options{}, pt)
				for i := range x {
					if folds[i] == f {
						scores[p][i] = m.Scores(x[i])
					}
				}
			}()
		}
	}
	wg.Wait()
	best, bestF, bestCross := base, -1.0, 2.0
	for p, pt := range pts {
		for _, mg := range grid.Margins {
			for _, h := range orOne(grid.Hedges, 0) {
				var conf [len(Classes)][len(Classes)]int
				for i := range x {
					s := scores[p][i]
					s[Neither] += mg
					conf[gold[i]][hedged(s, h)]++
				}
				f, cross := macroF1(conf), crossShare(conf)
				within, bestWithin := cross <= grid.MaxCross+1e-9, bestCross <= grid.MaxCross+1e-9
				better := false
				switch {
				case grid.MaxCross <= 0 || within && bestWithin:
					better = f > bestF+1e-9
				case within:
					better = true
				case !bestWithin:
					better = cross < bestCross-1e-9 || cross < bestCross+1e-9 && f > bestF+1e-9
				}
				if better {
					best, bestF, bestCross = pt, f, cross
					best.Margin, best.Hedge = mg, h
				}
			}
		}
	}
	return best
}

// orOne is the values, or the one value v when there are none.
func orOne(vs []float64, v float64) []float64 {
	if len(vs) == 0 {
		return []float64{v}
	}
	return vs
}

// crossShare is the share of sentences whose label is cooperation and
// class conflict, or the other way round.
func crossShare(conf [len(Classes)][len(Classes)]int) float64 {
	n, all := 0, 0
	for g := range conf {
		for p := range conf[g] {
			all += conf[g][p]
			gc, pc := Class(g), Class(p)
			if gc.Cooperation() && pc.Conflict() || gc.Conflict() && pc.Cooperation() {
				n += conf[g][p]
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(n) / float64(all)
}
