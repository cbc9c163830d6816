package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"attache/briefing/eval"
	"attache/briefing/geo"
	"attache/briefing/tone"
	"attache/briefing/tone/devset"
)

// toneLine is one line of `attache eval tone` input.
type toneLine struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	Context   string    `json:"context"`
	Pair      [2]string `json:"pair"`
	Label     string    `json:"label,omitempty"`
	Group     string    `json:"group,omitempty"`
	Published string    `json:"published,omitempty"`
}

// toneOut is one line of its output.
type toneOut struct {
	ID     string `json:"id"`
	Tone   string `json:"tone"`
	Actor  string `json:"actor,omitempty"`
	Target string `json:"target,omitempty"`
	Cue    string `json:"cue,omitempty"`
}

const toneUsage = `usage: attache eval tone FILE.jsonl [--score]
       attache eval tone --dev [--labels FILE] [--dir ../shared/eval] [--errors]
       attache eval tone --build [--labels FILE] [--dir ../shared/eval] > FILE.jsonl
       attache eval tone --sample N [--seed S] [--source reuters|bbc] [--titles w1,w2]

Tags each line {"id","text","context","pair":["US","JP"]} with one of
neither, verbal_cooperation, material_cooperation, verbal_conflict,
material_conflict and writes {"id","tone"} per line. --score scores the
lines that carry a "label" instead: per-class precision and recall,
macro-F1, the confusion matrix, over the whole file and 5-fold
cross-validated with folds grouped by article. --dev does the same on the
labelled dev set, rebuilt from the corpora in --dir.
`

// evalTone is `attache eval tone`.
func evalTone(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval tone", app.stderr)
	fs.Usage = func() { io.WriteString(app.stderr, toneUsage) }
	dir := fs.String("dir", "../shared/eval", "the evaluation data directory")
	labels := fs.String("labels", "briefing/tone/devset/labels.jsonl", "the labelled references")
	score := fs.Bool("score", false, "score the lines that carry a label")
	dev := fs.Bool("dev", false, "score the labelled dev set, rebuilt from --dir")
	build := fs.Bool("build", false, "write the labelled dev set as eval lines")
	showErrors := fs.Bool("errors", false, "with --dev or --score: list the lines tagged wrong")
	sample := fs.Int("sample", 0, "draw N candidate sentences to label (for the labeller, not scored)")
	seed := fs.Uint64("seed", 1, "the seed of --sample")
	titles := fs.String("titles", "", "with --sample: comma-separated title words that articles must hold")
	source := fs.String("source", "", "with --sample: reuters or bbc")
	perPair := fs.Int("per-pair", 6, "with --sample: at most N sentences of one pair")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	gaz, err := app.Gazetteer()
	if err != nil {
		return err
	}
	finder := tone.NewFinder(gaz)
	switch {
	case *sample > 0:
		return sampleTone(app, finder, gaz, *dir, *labels, *sample, *seed, *titles, *source, *perPair)
	case *dev || *build:
		lines, err := devLines(*dir, *labels)
		if err != nil {
			return err
		}
		if *build {
			return writeToneLines(app.stdout, lines)
		}
		return scoreTone(app.stdout, finder, lines, *showErrors)
	}
	if len(pos) != 1 {
		io.WriteString(app.stderr, toneUsage)
		return usagef("eval tone: name one FILE.jsonl (or --dev)")
	}
	lines, err := readToneLines(ctx, pos[0])
	if err != nil {
		return err
	}
	if *score {
		return scoreTone(app.stdout, finder, lines, *showErrors)
	}
	c := tone.New()
	bw := bufio.NewWriter(app.stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		t := c.Classify(toneSentence(finder, l))
		if err := enc.Encode(toneOut{ID: l.ID, Tone: t.Class.String(), Actor: t.Actor, Target: t.Target, Cue: t.Cue}); err != nil {
			return fmt.Errorf("eval tone: write: %w", err)
		}
	}
	return bw.Flush()
}

// toneSentence turns an eval line into what the classifier reads.
func toneSentence(f *tone.Finder, l toneLine) tone.Sentence {
	at, _ := time.Parse(time.RFC3339, l.Published)
	return tone.Sentence{
		Text: l.Text, Context: l.Context, Pair: l.Pair,
		Parties: f.Parties(l.Text, at), ContextParties: f.Parties(l.Context, at),
	}
}

func readToneLines(ctx context.Context, path string) ([]toneLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval tone: %w", err)
	}
	defer f.Close()
	var out []toneLine
	err = mapJSONL(ctx, f, io.Discard, 1<<20, func(raw []byte) (any, error) {
		var l toneLine
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, err
		}
		if l.ID == "" || strings.TrimSpace(l.Text) == "" {
			return nil, errors.New(`want "id" and "text"`)
		}
		if l.Label != "" {
			if _, err := tone.ParseClass(l.Label); err != nil {
				return nil, err
			}
		}
		out = append(out, l)
		return nil, nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval tone: %s: %w", path, err)
	}
	return out, nil
}

func devLines(dir, labels string) ([]toneLine, error) {
	f, err := os.Open(labels)
	if err != nil {
		return nil, fmt.Errorf("eval tone: labels: %w", err)
	}
	refs, err := devset.ReadRefs(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	arts, err := devset.ReadCorpora(dir)
	if err != nil {
		return nil, err
	}
	built, err := devset.Rebuild(refs, arts)
	if err != nil {
		return nil, err
	}
	out := make([]toneLine, len(built))
	for i, b := range built {
		out[i] = toneLine{ID: b.ID, Text: b.Text, Context: b.Context, Pair: b.Pair, Label: b.Label, Group: b.Group, Published: b.Published}
	}
	return out, nil
}

func writeToneLines(w io.Writer, lines []toneLine) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return fmt.Errorf("eval tone: write: %w", err)
		}
	}
	return bw.Flush()
}

// lineGroup is the cross-validation group of a line: its article.
func lineGroup(l toneLine) string {
	if l.Group != "" {
		return l.Group
	}
	if i := strings.LastIndexByte(l.ID, '#'); i > 0 {
		return l.ID[:i]
	}
	return l.ID
}

// scoreTone prints the whole-file figures beside the cross-validated ones.
// The classifier's tunable choices are made on four folds and scored on
// the fifth; folds never split an article.
func scoreTone(w io.Writer, f *tone.Finder, all []toneLine, showErrors bool) error {
	var lines []toneLine
	var gold []tone.Class
	for _, l := range all {
		if l.Label == "" {
			continue
		}
		c, err := tone.ParseClass(l.Label)
		if err != nil {
			return fmt.Errorf("eval tone: %s: %w", l.ID, err)
		}
		lines = append(lines, l)
		gold = append(gold, c)
	}
	if len(lines) == 0 {
		return errors.New("eval tone: no line carries a label")
	}
	sents := make([]tone.Sentence, len(lines))
	groups := make([]string, len(lines))
	for i, l := range lines {
		sents[i] = toneSentence(f, l)
		groups[i] = lineGroup(l)
	}
	// Whole dev: tuned and scored on every line.
	opt := tone.Tune(sents, gold, tone.DefaultOptions())
	c := tone.NewWith(opt)
	var whole devset.Scores
	tags := make([]tone.Tag, len(lines))
	for i := range lines {
		tags[i] = c.Classify(sents[i])
		whole.Add(gold[i], tags[i].Class)
	}
	// Cross-validated: tuned on four folds, scored on the fifth.
	folds := eval.Folds(groups, eval.DefaultFolds)
	var pooled devset.Scores
	var perFold []float64
	for k := 0; k < eval.DefaultFolds; k++ {
		train, test := eval.Split(folds, k)
		ts, tg := make([]tone.Sentence, len(train)), make([]tone.Class, len(train))
		for j, i := range train {
			ts[j], tg[j] = sents[i], gold[i]
		}
		ck := tone.NewWith(tone.Tune(ts, tg, tone.DefaultOptions()))
		var fold devset.Scores
		for _, i := range test {
			got := ck.Classify(sents[i]).Class
			pooled.Add(gold[i], got)
			fold.Add(gold[i], got)
		}
		perFold = append(perFold, fold.MacroF1())
	}
	whole.Write(w, "whole dev (tuned and scored on all lines)")
	fmt.Fprintln(w)
	pooled.Write(w, fmt.Sprintf("cross-validated (%d folds grouped by article, tuned on four, scored on the fifth)", eval.DefaultFolds))
	mean, sd := devset.MeanSD(perFold)
	fmt.Fprintf(w, "  per-fold macro-F1: mean %.3f, sd %.3f (", mean, sd)
	for k, x := range perFold {
		if k > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%.3f", x)
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "  chosen on the whole dev: %s\n", opt)
	if showErrors {
		fmt.Fprintln(w, "\nlines tagged wrong (whole dev):")
		for i, l := range lines {
			if tags[i].Class == gold[i] {
				continue
			}
			fmt.Fprintf(w, "%s fold=%d %v label=%s got=%s cue=%q reading=%s\n    %s\n    %s", l.ID, folds[i], l.Pair, gold[i], tags[i].Class, tags[i].Cue, tags[i].Reading, l.Text, c.Explain(sents[i]))
		}
	}
	return nil
}

func sampleTone(app *App, finder *tone.Finder, gaz *geo.Gazetteer, dir, labels string, n int, seed uint64, titles, source string, perPair int) error {
	arts, err := devset.ReadCorpora(dir)
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
	cands := devset.Candidates(arts, finder, gaz)
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
