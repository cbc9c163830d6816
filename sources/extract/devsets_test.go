package extract_test

import (
	"context"
	"path/filepath"
	"testing"

	"attache/briefing/eval"
	"attache/sources/extract"
)

// evalDir holds the dev splits of the two page benchmarks
// (../shared/eval/README.md, sections 3 and 4). The test skips when it is
// absent.
var evalDir = filepath.Join("..", "..", "..", "shared", "eval")

// TestDevSets guards what RESULTS.md reports, on both page benchmarks: the
// whole-dev and the cross-validated figures (each fold scored with the
// configuration chosen on the other four, as `attache eval pages` does;
// with -short only the default runs), and no page where the pipeline
// collapses (F1 below 0.5) while go-readability alone scores 0.8 or more.
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
	if testing.Short() {
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
	floors := map[eval.PageSet]struct{ f1, recall float64 }{
		eval.Zyte:     {0.975, 0.98},
		eval.Snippets: {0.915, 0.91},
	}
	for _, b := range run.Benches {
		whole := b.Score(b.All(), b.Config(0))
		cv := b.Score(b.All(), b.CrossValidated(run.Chosen))
		base := b.Score(b.All(), b.Base())
		t.Logf("%s: whole dev %v; cross-validated %v; go-readability %v", b.Set, whole, cv, base)
		want := floors[b.Set]
		for name, s := range map[string]eval.SetScore{"whole dev": whole, "cross-validated": cv} {
			if s.F1 < want.f1 || s.Recall < want.recall {
				t.Errorf("%s %s: F1 %.4f, recall %.4f; want at least %.3f and %.3f", b.Set, name, s.F1, s.Recall, want.f1, want.recall)
			}
			if s.F1 <= base.F1 {
				t.Errorf("%s %s: F1 %.4f, not above go-readability's %.4f", b.Set, name, s.F1, base.F1)
			}
		}
		for _, text := range []func(int) string{b.Config(0), b.CrossValidated(run.Chosen)} {
			for _, i := range b.Collapses(text) {
				t.Errorf("%s %s: F1 %.3f where go-readability alone has %.3f", b.Set, b.Pages[i].ID,
					b.PageF1(i, text(i)), b.PageF1(i, b.Baseline[i]))
			}
		}
	}
}
