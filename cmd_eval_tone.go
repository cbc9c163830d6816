package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"

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
	// Reading is how the cue was held ("done", "negated", ...), or
	// "learned" where no rule cue stands for the class.
	Reading string `json:"reading,omitempty"`
}

const toneUsage = `usage: attache eval tone FILE.jsonl [--score | --fit [--partition P]] [--errors]
       attache eval tone --dev [--labels FILE] [--dir ../shared/eval] [--errors] [--seed S] [--partition P]
       attache eval tone --train briefing/tone/model.json [--labels FILE] [--dir ../shared/eval]
       attache eval tone --build [--labels FILE] [--dir ../shared/eval] > FILE.jsonl
       attache eval tone --sample N [--seed S] [--source reuters|bbc] [--titles w1,w2] [--per-pair N] [--again]
       attache eval tone --blind N [--seed S] [--labels FILE] [--dir ../shared/eval] > SHEET.jsonl
       attache eval tone --agree RELABELS.jsonl [--labels FILE] [--dir ../shared/eval] [--model]
       attache eval tone --roles ROLES.jsonl[,ROLES2.jsonl] [--labels FILE] [--dir ../shared/eval] [--errors]

Tags each line {"id","text","context","pair":["US","JP"]} with one of
neither, verbal_cooperation, material_cooperation, verbal_conflict,
material_conflict and writes {"id","tone"} per line, with "actor" and
"target" where the sentence says who acts on whom, the "cue" that decided
and its "reading" ("done", "negated", ...; "learned" where the words
together decided, with no cue and no roles). --score scores the
lines that carry a "label" with the classifier as it ships (per-class
precision and recall, macro-F1, the confusion matrix, and the figures per
source): what a held-out set measures. --fit fits the classifier on the
labelled lines instead and prints the whole-file figures beside the
cross-validated ones (5 folds grouped by article, every choice made inside
the four training folds) and the rule reading's alone. --dev does --fit on
the labelled dev set, rebuilt from the corpora in --dir; --train fits on it
and writes the model that the binary embeds. --seed sets the orders of
the training runs and --partition another partition of the articles into
folds: a change to the classifier counts only if it holds over several.

--blind draws N labelled lines at random (each source its share) and
writes them without their labels ({"id","context","text","pair"}): the
sheet a second labeller reads. --agree compares such a second labelling
({"id","label"} per line) with the stored labels: agreement, Cohen's
kappa, the macro-F1 of one against the other, the confusion matrix and
the lines in dispute; with --model it also scores the cross-validated
classifier on the same lines against each labelling.

--roles scores who acts on whom: each file holds a reader's judgement of
labelled lines, made blind ({"id","relation":"directed","actor","target"},
or "mutual" or "none"); of the tags the classifier as it ships gives those
lines, those that show both sides are counted right where the reader's
direction is theirs (the precision of what a person is shown), per file,
per source and pooled; --errors lists the others.
`

// evalTone is `attache eval tone`.
func evalTone(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval tone", app.stderr)
	fs.Usage = func() { io.WriteString(app.stderr, toneUsage) }
	dir := fs.String("dir", "../shared/eval", "the evaluation data directory")
	labels := fs.String("labels", "briefing/tone/devset/labels.jsonl", "the labelled references")
	score := fs.Bool("score", false, "score the lines that carry a label with the classifier as it ships")
	fit := fs.Bool("fit", false, "fit the classifier on the labelled lines and score it whole and cross-validated, beside the rule reading alone")
	dev := fs.Bool("dev", false, "score the labelled dev set, rebuilt from --dir")
	build := fs.Bool("build", false, "write the labelled dev set as eval lines")
	train := fs.String("train", "", "fit the model on the labelled dev set and write it to FILE (briefing/tone/model.json is the one embedded)")
	showErrors := fs.Bool("errors", false, "with --dev or --score: list the lines tagged wrong")
	sample := fs.Int("sample", 0, "draw N candidate sentences to label (for the labeller, not scored)")
	seed := fs.Uint64("seed", 1, "the seed of --sample and --blind; with --dev, --fit, --train and --agree --model, the order of the first training run")
	titles := fs.String("titles", "", "with --sample: comma-separated title words that articles must hold")
	source := fs.String("source", "", "with --sample: reuters or bbc")
	perPair := fs.Int("per-pair", 6, "with --sample: at most N sentences of one pair")
	again := fs.Bool("again", false, "with --sample: draw from articles already in the set too (a sentence not yet in it)")
	blind := fs.Int("blind", 0, "draw N labelled lines at random and write them without their labels, for a blind second reading")
	agree := fs.String("agree", "", "compare a second labelling (FILE of {\"id\",\"label\"}) with the stored labels")
	withModel := fs.Bool("model", false, "with --agree: score the cross-validated classifier on the same lines against each labelling")
	roles := fs.String("roles", "", "score who acts on whom against readers' judgements: comma-separated files of {\"id\",\"relation\",\"actor\",\"target\"} (briefing/tone/devset/roles-*.jsonl)")
	partition := fs.Int("partition", 0, "with --dev or --fit: fold by another partition of the articles (their groups' names salted in front; 0 is the usual one)")
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
		return sampleTone(app, finder, gaz, *dir, *labels, *sample, *seed, *titles, *source, *perPair, *again)
	case *blind > 0:
		return blindSheet(app.stdout, *dir, *labels, *blind, *seed)
	case *roles != "":
		return rolesTone(app.stdout, finder, *dir, *labels, strings.Split(*roles, ","), *showErrors)
	case *agree != "":
		return agreeTone(app.stdout, finder, *dir, *labels, *agree, *withModel, *seed)
	case *dev || *build || *train != "":
		lines, err := devLines(*dir, *labels)
		if err != nil {
			return err
		}
		if *build {
			return writeToneLines(app.stdout, lines)
		}
		if *train != "" {
			return trainTone(app, finder, lines, *train, *seed)
		}
		return scoreTone(app.stdout, finder, lines, *showErrors, *seed, *partition)
	}
	if len(pos) != 1 {
		io.WriteString(app.stderr, toneUsage)
		return usagef("eval tone: name one FILE.jsonl (or --dev)")
	}
	lines, err := readToneLines(ctx, pos[0])
	if err != nil {
		return err
	}
	if *fit {
		return scoreTone(app.stdout, finder, lines, *showErrors, *seed, *partition)
	}
	if *score {
		return scoreShipped(app.stdout, finder, lines, *showErrors)
	}
	c := tone.New()
	bw := bufio.NewWriter(app.stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		t := c.Classify(toneSentence(finder, l))
		if err := enc.Encode(toneOut{ID: l.ID, Tone: t.Class.String(), Actor: t.Actor, Target: t.Target, Cue: t.Cue, Reading: t.Reading}); err != nil {
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

// joinRepeats puts the articles that share a sentence in one group: the
// corpora hold some stories twice under two ids, sometimes refiled with a
// word or a figure changed, and a sentence scored in one fold must not be
// learned in another. Two lines are the same sentence when their texts
// are equal with white space and case folded, or when at least half of
// the runs of three words of either are shared (nearDuplicate).
func joinRepeats(lines []toneLine, groups []string) {
	parent := map[string]string{}
	var find func(g string) string
	find = func(g string) string {
		p, ok := parent[g]
		if !ok || p == g {
			return g
		}
		r := find(p)
		parent[g] = r
		return r
	}
	union := func(a, b string) {
		if a, b = find(a), find(b); a != b {
			parent[b] = a
		}
	}
	first := map[string]string{}
	shingles := make([]map[string]bool, len(lines))
	holding := map[string][]int{} // a run of three words: the lines that hold it
	for i, l := range lines {
		key := strings.ToLower(strings.Join(strings.Fields(l.Text), " "))
		if g, ok := first[key]; ok {
			union(g, groups[i])
		} else {
			first[key] = groups[i]
		}
		shingles[i] = trigrams(l.Text)
		for sh := range shingles[i] {
			holding[sh] = append(holding[sh], i)
		}
	}
	for i := range lines {
		shared := map[int]int{}
		for sh := range shingles[i] {
			for _, j := range holding[sh] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			if nearDuplicate(n, len(shingles[i]), len(shingles[j])) {
				union(groups[i], groups[j])
			}
		}
	}
	for i := range groups {
		groups[i] = find(groups[i])
	}
}

// saltGroups salts the groups' names for fold partition p (0: none):
// another partition of the same articles, each group still in one fold.
// The salt goes in front: the folds' order is by a hash of the names,
// which mixes a change at their end poorly.
func saltGroups(groups []string, p int) {
	if p == 0 {
		return
	}
	for i := range groups {
		groups[i] = fmt.Sprintf("partition %d\x00%s", p, groups[i])
	}
}

// trigrams are the runs of three words of a text, its letters and digits
// in lower case.
func trigrams(text string) map[string]bool {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := map[string]bool{}
	for i := 0; i+3 <= len(ws); i++ {
		out[strings.Join(ws[i:i+3], " ")] = true
	}
	return out
}

// nearDuplicate: two texts holding a and b runs of three words, shared
// of them, share at least half of all their runs (Jaccard ≥ 0.5).
func nearDuplicate(shared, a, b int) bool {
	all := a + b - shared
	return all > 0 && 2*shared >= all
}

// labelled keeps the lines that carry a label, with their classes.
func labelled(all []toneLine) ([]toneLine, []tone.Class, error) {
	var lines []toneLine
	var gold []tone.Class
	for _, l := range all {
		if l.Label == "" {
			continue
		}
		c, err := tone.ParseClass(l.Label)
		if err != nil {
			return nil, nil, fmt.Errorf("eval tone: %s: %w", l.ID, err)
		}
		lines = append(lines, l)
		gold = append(gold, c)
	}
	if len(lines) == 0 {
		return nil, nil, errors.New("eval tone: no line carries a label")
	}
	return lines, gold, nil
}

// lineSource is the corpus a line comes from: the prefix of its id
// ("reuters/123#4" is reuters), or "other".
func lineSource(l toneLine) string {
	if i := strings.IndexByte(l.ID, '/'); i > 0 {
		return l.ID[:i]
	}
	return "other"
}

// scoreShipped prints the figures of the classifier as it ships (the
// embedded model) on labelled lines: what a held-out set measures.
func scoreShipped(w io.Writer, f *tone.Finder, all []toneLine, showErrors bool) error {
	lines, gold, err := labelled(all)
	if err != nil {
		return err
	}
	c := tone.New()
	var s devset.Scores
	bySource := map[string]*devset.Scores{}
	tags := make([]tone.Tag, len(lines))
	for i, l := range lines {
		tags[i] = c.Classify(toneSentence(f, l))
		s.Add(gold[i], tags[i].Class)
		src := lineSource(l)
		if bySource[src] == nil {
			bySource[src] = &devset.Scores{}
		}
		bySource[src].Add(gold[i], tags[i].Class)
	}
	s.Write(w, "as shipped (the embedded model, trained on the dev set)")
	writeBySource(w, bySource)
	if showErrors {
		writeErrors(w, c, f, lines, gold, tags, nil)
	}
	return nil
}

func writeBySource(w io.Writer, bySource map[string]*devset.Scores) {
	if len(bySource) < 2 {
		return
	}
	srcs := make([]string, 0, len(bySource))
	for k := range bySource {
		srcs = append(srcs, k)
	}
	slices.Sort(srcs)
	for _, k := range srcs {
		s := bySource[k]
		fmt.Fprintf(w, "  %s: %d lines, macro-F1 %.3f, accuracy %.3f, confusions %d (%.1f %%)\n", k, s.N, s.MacroF1(), s.Accuracy(), s.CrossCount(), 100*s.CrossConfusions())
	}
}

func writeErrors(w io.Writer, c *tone.Classifier, f *tone.Finder, lines []toneLine, gold []tone.Class, tags []tone.Tag, folds []int) {
	fmt.Fprintln(w, "\nlines tagged wrong:")
	for i, l := range lines {
		if tags[i].Class == gold[i] {
			continue
		}
		fold := ""
		if folds != nil {
			fold = fmt.Sprintf(" fold=%d", folds[i])
		}
		fmt.Fprintf(w, "%s%s %v label=%s got=%s cue=%q reading=%s\n    %s\n    %s", l.ID, fold, l.Pair, gold[i], tags[i].Class, tags[i].Cue, tags[i].Reading, l.Text, c.Explain(toneSentence(f, l)))
	}
}

// fitLines are the labelled lines to fit on, with their labels, their
// sentences as the finder reads them and the group of each for folding
// (an article, joined with any article that repeats one of its lines).
func fitLines(f *tone.Finder, all []toneLine) (lines []toneLine, gold []tone.Class, sents []tone.Sentence, groups []string, err error) {
	lines, gold, err = labelled(all)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	sents = make([]tone.Sentence, len(lines))
	groups = make([]string, len(lines))
	for i, l := range lines {
		sents[i] = toneSentence(f, l)
		groups[i] = lineGroup(l)
	}
	joinRepeats(lines, groups)
	return lines, gold, sents, groups, nil
}

// scoreTone prints the figures of the classifier fitted on the labelled
// lines (tone.Fit: the rule reading's options, the training choices and
// the model) beside the cross-validated ones: fitted on four folds and
// scored on the fifth, the folds never splitting an article, the choices
// made inside the four by folds of their own. The rule reading alone is
// printed the same way, for comparison.
func scoreTone(w io.Writer, f *tone.Finder, all []toneLine, showErrors bool, seed uint64, partition int) error {
	lines, gold, sents, groups, err := fitLines(f, all)
	if err != nil {
		return err
	}
	saltGroups(groups, partition)
	// Whole dev: fitted and scored on every line.
	model, to := tone.Fit(sents, gold, eval.Folds(groups, eval.DefaultFolds-1), toneGrid(seed))
	c := tone.NewLearned(model)
	var whole, rulesWhole devset.Scores
	rules := tone.NewRules(model.Options)
	tags := make([]tone.Tag, len(lines))
	for i := range lines {
		tags[i] = c.Classify(sents[i])
		whole.Add(gold[i], tags[i].Class)
		rulesWhole.Add(gold[i], rules.Classify(sents[i]).Class)
	}
	// Cross-validated: fitted on four folds, scored on the fifth.
	cv := crossValidate(sents, gold, groups, seed)
	var pooled, rulesPooled devset.Scores
	bySource := map[string]*devset.Scores{}
	perFold, rulesPerFold := make([]devset.Scores, eval.DefaultFolds), make([]devset.Scores, eval.DefaultFolds)
	for i := range lines {
		got, rg := cv.tags[i].Class, cv.rules[i]
		pooled.Add(gold[i], got)
		perFold[cv.folds[i]].Add(gold[i], got)
		src := lineSource(lines[i])
		if bySource[src] == nil {
			bySource[src] = &devset.Scores{}
		}
		bySource[src].Add(gold[i], got)
		rulesPooled.Add(gold[i], rg)
		rulesPerFold[cv.folds[i]].Add(gold[i], rg)
	}
	whole.Write(w, "whole dev (fitted and scored on all lines)")
	fmt.Fprintln(w)
	pooled.Write(w, fmt.Sprintf("cross-validated (%d folds grouped by article, fitted on four, scored on the fifth)", eval.DefaultFolds))
	writeFolds(w, "per-fold macro-F1", macroF1s(perFold))
	writeFolds(w, "per-fold confusions (%)", crossShares(perFold))
	writeBySource(w, bySource)
	fmt.Fprintf(w, "  each model the mean of runs in the training orders %d-%d (--seed); fold partition %d (--partition)\n", seed, seed+tone.FitRuns-1, partition)
	for k, c := range cv.chosen {
		fmt.Fprintf(w, "  fold %d chose: %s\n", k, c)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "rule reading alone: whole dev macro-F1 %.3f (confusions %.1f %%), cross-validated %.3f (confusions %.1f %%)\n",
		rulesWhole.MacroF1(), 100*rulesWhole.CrossConfusions(), rulesPooled.MacroF1(), 100*rulesPooled.CrossConfusions())
	writeFolds(w, "rule reading per-fold macro-F1", macroF1s(rulesPerFold))
	fmt.Fprintf(w, "  chosen on the whole dev: %s; %s\n", model.Options, to)
	if showErrors {
		// The misses of the cross-validated run: what the model fitted
		// without the line's fold made of it.
		writeErrors(w, c, f, lines, gold, cv.tags, cv.folds)
	}
	return nil
}

// crossValidation is what the classifier fitted without a line's fold
// made of the line.
type crossValidation struct {
	folds  []int
	tags   []tone.Tag   // the classifier's
	rules  []tone.Class // the rule reading's, with the options fitted on the four folds
	chosen []string     // each fold's training choices
}

// crossValidate fits the classifier on four folds (grouped by article)
// and tags the fifth, for each fold in turn; every choice is made inside
// the four training folds by folds of their own.
func crossValidate(sents []tone.Sentence, gold []tone.Class, groups []string, seed uint64) crossValidation {
	cv := crossValidation{folds: eval.Folds(groups, eval.DefaultFolds), tags: make([]tone.Tag, len(sents)), rules: make([]tone.Class, len(sents))}
	for k := 0; k < eval.DefaultFolds; k++ {
		train, test := eval.Split(cv.folds, k)
		ts, tg, tgroups := make([]tone.Sentence, len(train)), make([]tone.Class, len(train)), make([]string, len(train))
		for j, i := range train {
			ts[j], tg[j], tgroups[j] = sents[i], gold[i], groups[i]
		}
		mk, tok := tone.Fit(ts, tg, eval.Folds(tgroups, eval.DefaultFolds-1), toneGrid(seed))
		ck := tone.NewLearned(mk)
		rk := tone.NewRules(mk.Options)
		cv.chosen = append(cv.chosen, tok.String())
		for _, i := range test {
			cv.tags[i] = ck.Classify(sents[i])
			cv.rules[i] = rk.Classify(sents[i]).Class
		}
	}
	return cv
}

func macroF1s(ss []devset.Scores) []float64 {
	out := make([]float64, len(ss))
	for i := range ss {
		out[i] = ss[i].MacroF1()
	}
	return out
}

func crossShares(ss []devset.Scores) []float64 {
	out := make([]float64, len(ss))
	for i := range ss {
		out[i] = 100 * ss[i].CrossConfusions()
	}
	return out
}

// toneGrid is the grid of training choices, with the first training run
// in the order seed.
func toneGrid(seed uint64) tone.Grid {
	g := tone.DefaultGrid()
	g.Seed = seed
	return g
}

// trainTone fits the model on every labelled line and writes it to path.
func trainTone(app *App, f *tone.Finder, all []toneLine, path string, seed uint64) error {
	_, gold, sents, groups, err := fitLines(f, all)
	if err != nil {
		return err
	}
	m, _ := tone.Fit(sents, gold, eval.Folds(groups, eval.DefaultFolds-1), toneGrid(seed))
	b, err := tone.MarshalModel(m)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("eval tone: %w", err)
	}
	fmt.Fprintf(app.stderr, "wrote %s: %d features; %s\n", path, len(m.Weights), m.Trained)
	return nil
}

func writeFolds(w io.Writer, title string, xs []float64) {
	mean, sd := devset.MeanSD(xs)
	fmt.Fprintf(w, "  %s: mean %.3f, sd %.3f (", title, mean, sd)
	for k, x := range xs {
		if k > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%.3f", x)
	}
	fmt.Fprintln(w, ")")
}

func sampleTone(app *App, finder *tone.Finder, gaz *geo.Gazetteer, dir, labels string, n int, seed uint64, titles, source string, perPair int, again bool) error {
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
			exclude[devset.LineID(r.Article, r.Sentence)] = true
			if !again {
				exclude[r.Article] = true
			}
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

// blindSheet writes n labelled lines drawn at random, without their
// labels: what a second labeller reads.
func blindSheet(w io.Writer, dir, labels string, n int, seed uint64) error {
	refs, err := readRefs(labels)
	if err != nil {
		return err
	}
	arts, err := devset.ReadCorpora(dir)
	if err != nil {
		return err
	}
	drawn := devset.Draw(refs, n, seed)
	for i := range drawn {
		drawn[i].Label, drawn[i].Note = "", ""
	}
	built, err := devset.Rebuild(drawn, arts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, b := range built {
		sheet := struct {
			ID      string    `json:"id"`
			Context string    `json:"context"`
			Text    string    `json:"text"`
			Pair    [2]string `json:"pair"`
		}{b.ID, b.Context, b.Text, b.Pair}
		if err := enc.Encode(sheet); err != nil {
			return fmt.Errorf("eval tone: write: %w", err)
		}
	}
	return bw.Flush()
}

func readRefs(labels string) ([]devset.Ref, error) {
	f, err := os.Open(labels)
	if err != nil {
		return nil, fmt.Errorf("eval tone: labels: %w", err)
	}
	defer f.Close()
	return devset.ReadRefs(f)
}

// readJudged reads a file of second judgements of labelled lines
// (relabels, roles) with read.
func readJudged[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval tone: %w", err)
	}
	defer f.Close()
	out, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("eval tone: %s: %w", path, err)
	}
	return out, nil
}

// agreeTone compares a second, blind labelling of some lines with their
// stored labels: how far two readers of the guide agree bounds what a
// classifier can score against either.
func agreeTone(w io.Writer, f *tone.Finder, dir, labels, path string, withModel bool, seed uint64) error {
	relabels, err := readJudged(path, devset.ReadRelabels)
	if err != nil {
		return err
	}
	all, err := devLines(dir, labels)
	if err != nil {
		return err
	}
	index := map[string]int{}
	for i, l := range all {
		index[l.ID] = i
	}
	second := map[string]tone.Class{}
	var s devset.Scores
	bySource := map[string]*devset.Scores{}
	var disputed []string
	for _, rl := range relabels {
		i, ok := index[rl.ID]
		if !ok || all[i].Label == "" {
			return fmt.Errorf("eval tone: %s: no labelled line with this id", rl.ID)
		}
		if _, dup := second[rl.ID]; dup {
			return fmt.Errorf("eval tone: %s: relabelled twice", rl.ID)
		}
		first, _ := tone.ParseClass(all[i].Label)
		got, _ := tone.ParseClass(rl.Label)
		second[rl.ID] = got
		s.Add(first, got)
		src := lineSource(all[i])
		if bySource[src] == nil {
			bySource[src] = &devset.Scores{}
		}
		bySource[src].Add(first, got)
		if first != got {
			note := ""
			if rl.Note != "" {
				note = " (" + rl.Note + ")"
			}
			disputed = append(disputed, fmt.Sprintf("%s %v stored=%s second=%s%s\n    %s", rl.ID, all[i].Pair, first, got, note, all[i].Text))
		}
	}
	fmt.Fprintf(w, "second labelling against the stored labels: %d lines, agreement %.1f %%, Cohen's kappa %.3f, macro-F1 %.3f, cooperation-vs-conflict disagreements %d (%.1f %%)\n",
		s.N, 100*s.Accuracy(), s.Kappa(), s.MacroF1(), s.CrossCount(), 100*s.CrossConfusions())
	s.Write(w, "  (rows: stored label, columns: second label; precision and recall of the second against the stored)")
	for _, src := range sortedKeys(bySource) {
		b := bySource[src]
		fmt.Fprintf(w, "  %s: %d lines, agreement %.1f %%, kappa %.3f, macro-F1 %.3f\n", src, b.N, 100*b.Accuracy(), b.Kappa(), b.MacroF1())
	}
	if withModel {
		lines, gold, sents, groups, err := fitLines(f, all)
		if err != nil {
			return err
		}
		cv := crossValidate(sents, gold, groups, seed)
		var vsFirst, vsSecond, vsAgreed devset.Scores
		for i, l := range lines {
			sc, ok := second[l.ID]
			if !ok {
				continue
			}
			got := cv.tags[i].Class
			vsFirst.Add(gold[i], got)
			vsSecond.Add(sc, got)
			if sc == gold[i] {
				vsAgreed.Add(gold[i], got)
			}
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "cross-validated classifier on the same lines: against the stored labels macro-F1 %.3f (accuracy %.3f), against the second labels %.3f (accuracy %.3f); on the %d lines both labellings agree on %.3f (accuracy %.3f)\n",
			vsFirst.MacroF1(), vsFirst.Accuracy(), vsSecond.MacroF1(), vsSecond.Accuracy(), vsAgreed.N, vsAgreed.MacroF1(), vsAgreed.Accuracy())
	}
	fmt.Fprintln(w, "\nlines in dispute:")
	for _, d := range disputed {
		fmt.Fprintln(w, d)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
