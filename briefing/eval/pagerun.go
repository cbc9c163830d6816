package eval

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// PageSystem returns the text a system extracts from one page.
type PageSystem func(body []byte, pageURL string) string

// PageBench is one page benchmark run under every configuration of a
// system, and under a baseline.
type PageBench struct {
	Set   PageSet
	Pages []Page
	// Outputs[c][i] is page i's text under configuration c (0 is the
	// default, what ships).
	Outputs [][]string
	// Baseline[i] is page i's text from the baseline system.
	Baseline []string
	// Millis[i] is the wall time of page i under the default.
	Millis []float64
	// Folds[i] is page i's fold.
	Folds []int
}

// PageRun is a cross-validated run over one or both page benchmarks.
type PageRun struct {
	Benches []*PageBench
	// Chosen[f] is the configuration chosen for fold f on the other folds;
	// Whole is the one chosen on all of the dev pages.
	Chosen []int
	Whole  int
}

// RunPages runs every configuration and the baseline over the sets, on
// all cores, and chooses a configuration for each fold: folds are grouped
// by host over all the sets at once (a host in both is held out of both),
// and the objective is the mean F1 of the sets on the training pages, less
// preferDefault for any configuration but the default.
func RunPages(ctx context.Context, sets map[PageSet][]Page, order []PageSet, configs []PageSystem,
	baseline PageSystem, preferDefault float64) (*PageRun, error) {
	run := &PageRun{}
	var hosts []string
	for _, s := range order {
		b := &PageBench{Set: s, Pages: sets[s]}
		if err := b.run(ctx, configs, baseline); err != nil {
			return nil, err
		}
		run.Benches = append(run.Benches, b)
		hosts = append(hosts, Hosts(b.Pages)...)
	}
	folds := Folds(hosts, DefaultFolds)
	off := 0
	for _, b := range run.Benches {
		b.Folds = folds[off : off+len(b.Pages)]
		off += len(b.Pages)
	}
	objective := func(c int, train []int) float64 {
		in := make([]bool, len(folds))
		for _, i := range train {
			in[i] = true
		}
		sum, off := 0.0, 0
		for _, b := range run.Benches {
			var idx []int
			for i := range b.Pages {
				if in[off+i] {
					idx = append(idx, i)
				}
			}
			sum += b.Score(idx, b.Config(c)).F1
			off += len(b.Pages)
		}
		score := sum / float64(len(run.Benches))
		if c != 0 {
			score -= preferDefault
		}
		return score
	}
	run.Chosen = ChooseByFold(len(configs), folds, DefaultFolds, objective)
	// On the whole dev every page trains: all pages go in fold 1, and the
	// one fold chosen for, fold 0, holds none of them.
	whole := make([]int, len(folds))
	for i := range whole {
		whole[i] = 1
	}
	run.Whole = ChooseByFold(len(configs), whole, 1, objective)[0]
	return run, nil
}

func (b *PageBench) run(ctx context.Context, configs []PageSystem, baseline PageSystem) error {
	n := len(b.Pages)
	b.Outputs = make([][]string, len(configs))
	for c := range configs {
		b.Outputs[c] = make([]string, n)
	}
	b.Baseline = make([]string, n)
	b.Millis = make([]float64, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				p := b.Pages[i]
				for c, sys := range configs {
					start := time.Now()
					b.Outputs[c][i] = sys(p.HTML, p.URL)
					if c == 0 {
						b.Millis[i] = float64(time.Since(start)) / float64(time.Millisecond)
					}
				}
				if baseline != nil {
					b.Baseline[i] = baseline(p.HTML, p.URL)
				}
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		if err = ctx.Err(); err != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}

// Config returns page i's text under configuration c.
func (b *PageBench) Config(c int) func(i int) string {
	return func(i int) string { return b.Outputs[c][i] }
}

// CrossValidated returns page i's text under the configuration chosen for
// its fold.
func (b *PageBench) CrossValidated(chosen []int) func(i int) string {
	return func(i int) string { return b.Outputs[chosen[b.Folds[i]]][i] }
}

// Base returns page i's baseline text.
func (b *PageBench) Base() func(i int) string {
	return func(i int) string { return b.Baseline[i] }
}

// All returns the indices of every page.
func (b *PageBench) All() []int {
	idx := make([]int, len(b.Pages))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// SetScore is a set's figure under its own metric.
type SetScore struct {
	F1, Precision, Recall, Accuracy float64
	// Detail: "(empty N)" for Zyte, the counts for snippets.
	Detail string
}

func (s SetScore) String() string {
	return fmt.Sprintf("F1 %.4f  P %.4f  R %.4f  accuracy %.4f  %s", s.F1, s.Precision, s.Recall, s.Accuracy, s.Detail)
}

// Score scores the pages idx with text(i) as page i's output.
func (b *PageBench) Score(idx []int, text func(i int) string) SetScore {
	if b.Set == Snippets {
		counts := make([]SnippetCounts, 0, len(idx))
		for _, i := range idx {
			counts = append(counts, ScoreSnippets(text(i), b.Pages[i].With, b.Pages[i].Without))
		}
		s := SumSnippets(counts)
		return SetScore{s.F1, s.Precision, s.Recall, s.Accuracy,
			fmt.Sprintf("(TP %d FP %d FN %d TN %d)", s.TP, s.FP, s.FN, s.TN)}
	}
	counts := make([]ShingleCounts, 0, len(idx))
	for _, i := range idx {
		counts = append(counts, ScoreShingles(text(i), b.Pages[i].Gold))
	}
	s := SumShingles(counts)
	return SetScore{s.F1, s.Precision, s.Recall, s.Accuracy, fmt.Sprintf("(empty %d)", s.Empty)}
}

// PageF1 is one page's figure: its shingle F1, or for snippets the F1 of
// its own counts.
func (b *PageBench) PageF1(i int, text string) float64 {
	if b.Set == Snippets {
		c := ScoreSnippets(text, b.Pages[i].With, b.Pages[i].Without)
		return SumSnippets([]SnippetCounts{c}).F1
	}
	return ScoreShingles(text, b.Pages[i].Gold).F1()
}

// Collapses lists the pages where text scores below 0.5 while the baseline
// scores 0.8 or more: the pipeline lost an article the library found.
func (b *PageBench) Collapses(text func(i int) string) []int {
	var out []int
	for i := range b.Pages {
		if b.PageF1(i, b.Baseline[i]) >= 0.8 && b.PageF1(i, text(i)) < 0.5 {
			out = append(out, i)
		}
	}
	return out
}
