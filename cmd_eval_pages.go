package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"attache/briefing/eval"
	"attache/sources/extract"
)

const evalPagesUsage = `usage: attache eval pages [--set zyte|snippets|both] [--dir ../shared/eval] [--out DIR] [--pages N]

Scores page text extraction on the two page benchmarks of the eval folder:
pages-dev (109 news pages, the Zyte benchmark's shingle F1, as pages.py)
and pages-snippets-dev (660 pages, trafilatura's snippet metric, as
snippets.py). For each it prints the whole-dev figure of what ships, the
cross-validated one (five folds grouped by host; each fold scored with the
configuration that did best on the other four, on both sets' training
folds), and go-readability alone on the same pages. --out writes the
outputs as DIR/zyte.json and DIR/snippets.json for the Python scripts
(and the library's as DIR/zyte-library.json, DIR/snippets-library.json);
--pages lists the N worst pages of each set.
`

// preferDefault is how much better, in mean F1 on the training folds, a
// configuration must do than the default to be chosen for a fold.
const preferDefault = 0.001

// pageRun is one page's output under every configuration, and the
// library's.
type pageRun struct {
	outputs []string // by configuration; 0 is what ships
	library string
	ms      float64 // time of the shipped configuration
}

// pageBench is one benchmark loaded and run.
type pageBench struct {
	set   eval.PageSet
	pages []eval.Page
	runs  []pageRun
	folds []int
}

func evalPages(ctx context.Context, app *App, args []string) error {
	fs := flag.NewFlagSet("eval pages", flag.ContinueOnError)
	fs.SetOutput(app.stderr)
	fs.Usage = func() { fmt.Fprint(app.stderr, evalPagesUsage) }
	set := fs.String("set", "both", "zyte, snippets or both")
	dir := fs.String("dir", filepath.Join("..", "shared", "eval"), "the eval folder")
	out := fs.String("out", "", "write each set's outputs as DIR/<set>.json")
	worst := fs.Int("pages", 0, "list the N worst pages of each set")
	pos, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("eval pages: unexpected argument %q", pos[0])
	}
	var sets []eval.PageSet
	switch *set {
	case "zyte":
		sets = []eval.PageSet{eval.Zyte}
	case "snippets":
		sets = []eval.PageSet{eval.Snippets}
	case "both":
		sets = []eval.PageSet{eval.Zyte, eval.Snippets}
	default:
		return usagef("eval pages: unknown set %q (want zyte, snippets or both)", *set)
	}
	configs := extract.TuningGrid()
	var benches []*pageBench
	var hosts []string
	for _, s := range sets {
		pages, err := eval.LoadPages(eval.DirOf(*dir, s), s)
		if err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
		b := &pageBench{set: s, pages: pages}
		if b.runs, err = runPages(ctx, pages, configs, app.stderr); err != nil {
			return err
		}
		benches = append(benches, b)
		hosts = append(hosts, eval.Hosts(pages)...)
	}
	// One fold assignment over both sets, so that a host that appears in
	// both is held out of both at once.
	folds := eval.Folds(hosts, eval.DefaultFolds)
	off := 0
	for _, b := range benches {
		b.folds = folds[off : off+len(b.pages)]
		off += len(b.pages)
	}
	// The objective: the mean F1 of the sets over the training pages.
	objective := func(c int, train []int) float64 {
		in := map[int]bool{}
		for _, i := range train {
			in[i] = true
		}
		sum, off := 0.0, 0
		for _, b := range benches {
			var idx []int
			for i := range b.pages {
				if in[off+i] {
					idx = append(idx, i)
				}
			}
			sum += b.score(idx, func(i int) string { return b.runs[i].outputs[c] }).f1
			off += len(b.pages)
		}
		score := sum / float64(len(benches))
		if c != 0 {
			// Another configuration replaces the default only when it
			// does clearly better on the training folds.
			score -= preferDefault
		}
		return score
	}
	chosen := eval.ChooseByFold(len(configs), folds, eval.DefaultFolds, objective)
	all := make([]int, len(folds))
	for i := range all {
		all[i] = i
	}
	whole := eval.ChooseByFold(len(configs), make([]int, len(folds)), 1, func(c int, _ []int) float64 {
		return objective(c, all)
	})

	w := app.stdout
	fmt.Fprintf(w, "%d folds grouped by host; configurations tried: %d (0 is what ships)\n", eval.DefaultFolds, len(configs))
	fmt.Fprintf(w, "chosen per fold: %v; on the whole dev: %d (%s)\n\n", chosen, whole[0], configs[whole[0]].Tuning)
	for _, b := range benches {
		b.report(w, chosen, *worst)
	}
	if *out != "" {
		for _, b := range benches {
			if err := b.write(*out); err != nil {
				return err
			}
		}
	}
	return nil
}

// runPages extracts every page under every configuration, and with the
// library alone, on all cores.
func runPages(ctx context.Context, pages []eval.Page, configs []extract.Options, progress io.Writer) ([]pageRun, error) {
	runs := make([]pageRun, len(pages))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				p := pages[i]
				r := pageRun{outputs: make([]string, len(configs))}
				for c, o := range configs {
					start := time.Now()
					page, _ := o.Extract(p.HTML, p.URL, "")
					if c == 0 {
						r.ms = float64(time.Since(start)) / float64(time.Millisecond)
					}
					if page != nil {
						r.outputs[c] = page.Text()
					}
				}
				r.library, _ = extract.LibraryText(p.HTML, p.URL)
				runs[i] = r
			}
		}()
	}
	var err error
	for i := range pages {
		if err = ctx.Err(); err != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("eval pages: %w", err)
	}
	return runs, nil
}

// setScore is a set's figure under its own metric.
type setScore struct {
	f1, p, r, acc float64
	extra         string
}

func (s setScore) String() string {
	return fmt.Sprintf("F1 %.4f  P %.4f  R %.4f  accuracy %.4f%s", s.f1, s.p, s.r, s.acc, s.extra)
}

// score scores the pages idx with text(i) as page i's output.
func (b *pageBench) score(idx []int, text func(i int) string) setScore {
	if b.set == eval.Snippets {
		counts := make([]eval.SnippetCounts, 0, len(idx))
		for _, i := range idx {
			counts = append(counts, eval.ScoreSnippets(text(i), b.pages[i].With, b.pages[i].Without))
		}
		s := eval.SumSnippets(counts)
		return setScore{s.F1, s.Precision, s.Recall, s.Accuracy,
			fmt.Sprintf("  (TP %d FP %d FN %d TN %d)", s.TP, s.FP, s.FN, s.TN)}
	}
	counts := make([]eval.ShingleCounts, 0, len(idx))
	for _, i := range idx {
		counts = append(counts, eval.ScoreShingles(text(i), b.pages[i].Gold))
	}
	s := eval.SumShingles(counts)
	return setScore{s.F1, s.Precision, s.Recall, s.Accuracy, fmt.Sprintf("  (empty %d)", s.Empty)}
}

// pageF1 is one page's figure: shingle F1, or for snippets the page's
// F1 by the same formula.
func (b *pageBench) pageF1(i int, text string) float64 {
	if b.set == eval.Snippets {
		c := eval.ScoreSnippets(text, b.pages[i].With, b.pages[i].Without)
		return eval.SumSnippets([]eval.SnippetCounts{c}).F1
	}
	return eval.ScoreShingles(text, b.pages[i].Gold).F1()
}

func (b *pageBench) report(w io.Writer, chosen []int, worst int) {
	all := make([]int, len(b.pages))
	for i := range all {
		all[i] = i
	}
	name := map[eval.PageSet]string{eval.Zyte: "Zyte pages-dev (shingle F1, pages.py)",
		eval.Snippets: "pages-snippets-dev (snippet F1, snippets.py)"}[b.set]
	fmt.Fprintf(w, "%s: %d pages, %d hosts\n", name, len(b.pages), countHosts(b.pages))
	cv := func(i int) string { return b.runs[i].outputs[chosen[b.folds[i]]] }
	fmt.Fprintf(w, "  attache, whole dev        %s\n", b.score(all, func(i int) string { return b.runs[i].outputs[0] }))
	fmt.Fprintf(w, "  attache, cross-validated  %s\n", b.score(all, cv))
	fmt.Fprintf(w, "  go-readability alone      %s\n", b.score(all, func(i int) string { return b.runs[i].library }))
	for f := 0; f < eval.DefaultFolds; f++ {
		_, test := eval.Split(b.folds, f)
		fmt.Fprintf(w, "    fold %d (%3d pages, config %d): attache %.4f, library %.4f\n", f, len(test), chosen[f],
			b.score(test, cv).f1, b.score(test, func(i int) string { return b.runs[i].library }).f1)
	}
	ms := make([]float64, len(b.runs))
	for i, r := range b.runs {
		ms[i] = r.ms
	}
	slices.Sort(ms)
	fmt.Fprintf(w, "  time per page (wall, while scoring): median %.1f ms, p95 %.1f ms\n", ms[len(ms)/2], ms[len(ms)*95/100])
	floor := 0
	for i := range b.pages {
		if b.pageF1(i, b.runs[i].library) >= 0.8 && b.pageF1(i, cv(i)) < 0.5 {
			floor++
			fmt.Fprintf(w, "  below 0.5 where the library has 0.8: %s %s\n", b.pages[i].ID, b.pages[i].URL)
		}
	}
	fmt.Fprintf(w, "  pages below 0.5 where the library scores 0.8 or more: %d\n", floor)
	if worst > 0 {
		order := slices.Clone(all)
		sort.SliceStable(order, func(x, y int) bool {
			return b.pageF1(order[x], cv(order[x])) < b.pageF1(order[y], cv(order[y]))
		})
		for _, i := range order[:min(worst, len(order))] {
			fmt.Fprintf(w, "    %.3f (library %.3f) %s %s\n", b.pageF1(i, cv(i)), b.pageF1(i, b.runs[i].library),
				b.pages[i].ID, b.pages[i].URL)
		}
	}
	fmt.Fprintln(w)
}

func countHosts(pages []eval.Page) int {
	seen := map[string]bool{}
	for _, p := range pages {
		seen[p.Host] = true
	}
	return len(seen)
}

// write saves the shipped configuration's outputs as the scripts read
// them: {"<id>": {"articleBody": "..."}}.
func (b *pageBench) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval pages: %w", err)
	}
	for _, f := range []struct {
		suffix string
		text   func(r pageRun) string
	}{{"", func(r pageRun) string { return r.outputs[0] }}, {"-library", func(r pageRun) string { return r.library }}} {
		out := make(map[string]map[string]string, len(b.pages))
		for i, p := range b.pages {
			out[p.ID] = map[string]string{"articleBody": f.text(b.runs[i])}
		}
		data, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
		path := filepath.Join(dir, strings.ToLower(string(b.set))+f.suffix+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
	}
	return nil
}
