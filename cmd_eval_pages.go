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
	"slices"
	"sort"
	"strings"

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
	var order []eval.PageSet
	switch *set {
	case "zyte":
		order = []eval.PageSet{eval.Zyte}
	case "snippets":
		order = []eval.PageSet{eval.Snippets}
	case "both":
		order = []eval.PageSet{eval.Zyte, eval.Snippets}
	default:
		return usagef("eval pages: unknown set %q (want zyte, snippets or both)", *set)
	}
	sets := map[eval.PageSet][]eval.Page{}
	for _, s := range order {
		if sets[s], err = eval.LoadPages(eval.DirOf(*dir, s), s); err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
	}
	grid := extract.TuningGrid()
	configs := make([]eval.PageSystem, len(grid))
	for c, o := range grid {
		configs[c] = func(body []byte, pageURL string) string {
			page, _ := o.Extract(body, pageURL, "")
			if page == nil {
				return ""
			}
			return page.Text()
		}
	}
	library := func(body []byte, pageURL string) string {
		text, _ := extract.LibraryText(body, pageURL)
		return text
	}
	run, err := eval.RunPages(ctx, sets, order, configs, library, preferDefault)
	if err != nil {
		return fmt.Errorf("eval pages: %w", err)
	}
	w := app.stdout
	fmt.Fprintf(w, "%d folds grouped by host; configurations tried: %d (0 is what ships: %s)\n",
		eval.DefaultFolds, len(grid), grid[0].Tuning)
	fmt.Fprintf(w, "chosen per fold: %v; on the whole dev: %d (%s)\n\n", run.Chosen, run.Whole, grid[run.Whole].Tuning)
	for _, b := range run.Benches {
		reportPages(w, b, run.Chosen, len(grid), *worst)
	}
	if *out != "" {
		for _, b := range run.Benches {
			if err := writePages(*out, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func reportPages(w io.Writer, b *eval.PageBench, chosen []int, configs, worst int) {
	name := map[eval.PageSet]string{eval.Zyte: "Zyte pages-dev (shingle F1, as pages.py)",
		eval.Snippets: "pages-snippets-dev (snippet F1, as snippets.py)"}[b.Set]
	all := b.All()
	fmt.Fprintf(w, "%s: %d pages, %d hosts\n", name, len(b.Pages), countHosts(b.Pages))
	cv := b.CrossValidated(chosen)
	fmt.Fprintf(w, "  attache, whole dev        %s\n", b.Score(all, b.Config(0)))
	fmt.Fprintf(w, "  attache, cross-validated  %s\n", b.Score(all, cv))
	fmt.Fprintf(w, "  go-readability alone      %s\n", b.Score(all, b.Base()))
	for f := 0; f < eval.DefaultFolds; f++ {
		_, test := eval.Split(b.Folds, f)
		fmt.Fprintf(w, "    fold %d (%3d pages, configuration %d): attache %.4f, library %.4f\n", f, len(test), chosen[f],
			b.Score(test, cv).F1, b.Score(test, b.Base()).F1)
	}
	var line strings.Builder
	for c := 0; c < configs; c++ {
		fmt.Fprintf(&line, " %d:%.4f", c, b.Score(all, b.Config(c)).F1)
	}
	fmt.Fprintf(w, "  whole dev by configuration:%s\n", line.String())
	ms := slices.Clone(b.Millis)
	slices.Sort(ms)
	fmt.Fprintf(w, "  wall time per page while scoring (all cores busy; see the benchmark for speed): median %.1f ms, p95 %.1f ms\n",
		ms[len(ms)/2], ms[len(ms)*95/100])
	collapses := b.Collapses(cv)
	fmt.Fprintf(w, "  pages below F1 0.5 where the library scores 0.8 or more: %d\n", len(collapses))
	for _, i := range collapses {
		fmt.Fprintf(w, "    %s %s\n", b.Pages[i].ID, b.Pages[i].URL)
	}
	if worst > 0 {
		order := slices.Clone(all)
		sort.SliceStable(order, func(x, y int) bool {
			return b.PageF1(order[x], cv(order[x])) < b.PageF1(order[y], cv(order[y]))
		})
		for _, i := range order[:min(worst, len(order))] {
			fmt.Fprintf(w, "    %.3f (library %.3f) %s %s\n", b.PageF1(i, cv(i)), b.PageF1(i, b.Baseline[i]),
				b.Pages[i].ID, b.Pages[i].URL)
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

// writePages saves the default configuration's outputs, and the
// library's, as the scripts read them: {"<id>": {"articleBody": "..."}}.
func writePages(dir string, b *eval.PageBench) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval pages: %w", err)
	}
	for suffix, texts := range map[string][]string{"": b.Outputs[0], "-library": b.Baseline} {
		out := make(map[string]map[string]string, len(b.Pages))
		for i, p := range b.Pages {
			out[p.ID] = map[string]string{"articleBody": texts[i]}
		}
		data, err := json.Marshal(out)
		if err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
		path := filepath.Join(dir, string(b.Set)+suffix+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("eval pages: %w", err)
		}
	}
	return nil
}
