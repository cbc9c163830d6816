package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"attache/briefing/tone"
	"attache/briefing/tone/devset"
)

// evalTone is `attache eval tone`.
func evalTone(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval tone", app.stderr)
	dir := fs.String("dir", "../shared/eval", "the evaluation data directory")
	sample := fs.Int("sample", 0, "draw N candidate sentences to label (for the labeller, not scored)")
	seed := fs.Uint64("seed", 1, "the seed of --sample")
	labels := fs.String("labels", "briefing/tone/devset/labels.jsonl", "the labelled references")
	titles := fs.String("titles", "", "with --sample: comma-separated title words that articles must hold")
	source := fs.String("source", "", "with --sample: reuters or bbc")
	perPair := fs.Int("per-pair", 6, "with --sample: at most N sentences of one pair")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if *sample > 0 {
		return sampleTone(app, *dir, *labels, *sample, *seed, *titles, *source, *perPair)
	}
	return fmt.Errorf("eval tone: not built yet")
}

func sampleTone(app *App, dir, labels string, n int, seed uint64, titles, source string, perPair int) error {
	arts, err := devset.ReadCorpora(dir)
	if err != nil {
		return err
	}
	gaz, err := app.Gazetteer()
	if err != nil {
		return err
	}
	exclude := map[string]bool{}
	if f, err := os.Open(labels); err == nil {
		refs, err := devset.ReadRefs(f)
		f.Close()
		if err != nil {
			return err
		}
		for _, r := range refs {
			exclude[r.Article] = true
		}
	}
	var words []string
	for _, w := range strings.Split(titles, ",") {
		if w = strings.TrimSpace(strings.ToLower(w)); w != "" {
			words = append(words, w)
		}
	}
	cands := devset.Candidates(arts, tone.NewFinder(gaz), gaz)
	fmt.Fprintf(app.stderr, "%d candidate sentences\n", len(cands))
	got := devset.Sample(cands, devset.SampleOptions{N: n, Seed: seed, Exclude: exclude, TitleWords: words, Source: source, PerPair: perPair})
	enc := json.NewEncoder(app.stdout)
	enc.SetEscapeHTML(false)
	for _, c := range got {
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	return nil
}
