package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"attache/briefing/eval"
	"attache/sources/extract"
)

// evalDir holds the dev splits of the two page benchmarks
// (../shared/eval/README.md, sections 3 and 4). The test skips when it is
// absent.
var evalDir = filepath.Join("..", "..", "..", "shared", "eval")

// devFloors are the least figures TestDevSets accepts, whole dev and on
// every fold (RESULTS.md gives the figures they guard).
var devFloors = map[eval.PageSet]struct{ f1, recall, fold float64 }{
	eval.Zyte:     {f1: 0.975, recall: 0.98, fold: 0.955},
	eval.Snippets: {f1: 0.93, recall: 0.935, fold: 0.92},
}

// TestDevSets guards what RESULTS.md reports, on both page benchmarks:
// the whole-dev figures of what ships and its figure on each of the five
// folds (grouped by host, as `attache eval pages` makes them) above the
// floors and above go-readability alone, and no page where the pipeline
// collapses (F1 below 0.5) while go-readability alone scores 0.8 or more.
//
// It runs the shipped settings once over both sets. With
// ATTACHE_EVAL_GRID=1 it runs the whole tuning grid, chooses a
// configuration for each fold on the other four, and holds the
// cross-validated figures to the same floors, as `attache eval pages`
// reports them (about four times the work).
func TestDevSets(t *testing.T) {
	sets := map[eval.PageSet][]eval.Page{}
	order := []eval.PageSet{eval.Zyte, eval.Snippets}
	for _, s := range order {
		pages, err := eval.LoadPages(eval.DirOf(evalDir, s), s)
		if err != nil {
			t.Skip("dev pages not present:", err)
		}
		sets[s] = pages
	}
	grid := extract.TuningGrid()
	if os.Getenv("ATTACHE_EVAL_GRID") == "" {
		grid = grid[:1]
	}
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
	run, err := eval.RunPages(context.Background(), sets, order, configs, library, 0.001)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range run.Benches {
		want := devFloors[b.Set]
		shipped, cv := b.Config(0), b.CrossValidated(run.Chosen)
		base := b.Score(b.All(), b.Base())
		figures := map[string]func(int) string{"whole dev": shipped}
		if len(grid) > 1 {
			figures["cross-validated"] = cv
		}
		for name, text := range figures {
			s := b.Score(b.All(), text)
			t.Logf("%s %s: %v; go-readability %v", b.Set, name, s, base)
			if s.F1 < want.f1 || s.Recall < want.recall {
				t.Errorf("%s %s: F1 %.4f, recall %.4f; want at least %.3f and %.3f", b.Set, name, s.F1, s.Recall, want.f1, want.recall)
			}
			if s.F1 <= base.F1 {
				t.Errorf("%s %s: F1 %.4f, not above go-readability's %.4f", b.Set, name, s.F1, base.F1)
			}
			for f := 0; f < eval.DefaultFolds; f++ {
				_, test := eval.Split(b.Folds, f)
				got, lib := b.Score(test, text).F1, b.Score(test, b.Base()).F1
				if got < want.fold || got <= lib {
					t.Errorf("%s %s, fold %d (%d pages): F1 %.4f; want at least %.3f and above go-readability's %.4f",
						b.Set, name, f, len(test), got, want.fold, lib)
				}
			}
			for _, i := range b.Collapses(text) {
				t.Errorf("%s %s, %s: F1 %.3f where go-readability alone has %.3f", b.Set, name, b.Pages[i].ID,
					b.PageF1(i, text(i)), b.PageF1(i, b.Baseline[i]))
			}
		}
	}
}
