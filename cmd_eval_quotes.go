package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"attache/briefing/eval"
	"attache/briefing/quote"
)

// maxEvalLine caps one line of an evaluation file.
const maxEvalLine = 64 << 20

// evalQuotes is `attache eval quotes`: the quote finder over the PolNeAR
// dev set, scored as ../shared/eval/quotes.py scores it (checked to agree
// to the count), over the whole set and per fold with folds grouped by
// publisher; with --pronouns, how often a pronoun speaker is resolved to
// the right person on a hand-labelled sample; with the flags of
// attributionSets (--labels, --fresh, --third … --seventeenth, --pages,
// --eighteenth, --snippets, --nineteenth, --twentieth), the hand-labelled sets of quotes as
// briefs show them.
func evalQuotes(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval quotes", app.stderr)
	dir := fs.String("dir", filepath.Join("..", "shared", "eval"), "the evaluation data `directory`")
	out := fs.String("out", "", "also write the system quotes as JSON Lines to this `file` (the input of quotes.py)")
	folds := fs.Int("folds", eval.DefaultFolds, "number of folds, grouped by publisher")
	hold := fs.Int("hold", eval.DefaultFolds-1, "the fold kept out of --errors listings (checked, never tuned on)")
	errs := fs.Int("errors", 0, "list up to `N` wrong named speakers from the folds other than --hold")
	allErrs := fs.Bool("all-errors", false, "with --errors, list wrong named speakers a brief would not show too")
	pronouns := fs.String("pronouns", defaultPronounLabels, "hand labels of pronoun speakers (JSON Lines; \"\" to skip)")
	sets := make([]*string, len(attributionSets))
	for i, set := range attributionSets {
		sets[i] = fs.String(set.flag, filepath.Join(labelsDir, set.file), set.usage+" (JSON Lines; \"\" to skip)")
	}
	jsonl := fs.String("jsonl", "", "only run the finder over this JSON Lines `file` ({\"id\", \"text\"} per line) and write {\"id\", \"quotes\": [{\"quote\", \"speaker\", \"role\", \"confidence\"}]} per line")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if *jsonl != "" {
		gaz, err := app.Gazetteer()
		if err != nil {
			return err
		}
		return quotesJSONL(ctx, *jsonl, app.stdout, gaz)
	}
	if *folds < 2 {
		return usagef("eval quotes: --folds must be at least 2")
	}
	arts, err := readGoldQuotes(filepath.Join(*dir, "quotes-dev.jsonl"))
	if err != nil {
		return err
	}
	gaz, err := app.Gazetteer()
	if err != nil {
		return err
	}
	r := runQuoteEval(arts, *folds, gaz)
	if *out != "" {
		if err := writeSystemQuotes(*out, r); err != nil {
			return err
		}
	}
	w := bufio.NewWriter(app.stdout)
	r.print(w, *folds)
	if *pronouns != "" && labelsPresent(w, *pronouns, defaultPronounLabels) {
		if err := scorePronounLabels(w, r, *pronouns, *errs > 0, *hold); err != nil {
			return err
		}
	}
	for i, set := range attributionSets {
		if path := *sets[i]; path != "" && labelsPresent(w, path, filepath.Join(labelsDir, set.file)) {
			if err := scoreAttributionLabels(w, *dir, path, gaz); err != nil {
				return err
			}
		}
	}
	if *errs > 0 {
		r.listErrors(w, *errs, *hold, *allErrs)
	}
	return w.Flush()
}

// quoteEvalArticle is one gold article with what the finder found in it.
type quoteEvalArticle struct {
	gold    eval.GoldArticle
	found   []quote.Quote
	sys     []eval.SystemQuote
	counts  eval.QuoteCounts
	matches []eval.QuoteMatch
	fold    int
}

type quoteEvalRun struct {
	arts  []quoteEvalArticle
	whole eval.QuoteCounts
	fold  []eval.QuoteCounts
	pubs  [][]string // publishers of each fold
}

func readGoldQuotes(path string) ([]eval.GoldArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval quotes: %w", err)
	}
	defer f.Close()
	var arts []eval.GoldArticle
	err = eachJSONLine(f, func(raw []byte) error {
		var a eval.GoldArticle
		if err := json.Unmarshal(raw, &a); err != nil {
			return err
		}
		if a.ID == "" {
			return errNoID
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval quotes: %s: %w", path, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("eval quotes: %s: no articles", path)
	}
	return arts, nil
}

// eachJSONLine calls fn with each non-blank line of r.
func eachJSONLine(r io.Reader, fn func(raw []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxEvalLine)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		if len(strings.TrimSpace(string(raw))) == 0 {
			continue
		}
		if err := fn(raw); err != nil {
			return &jsonlLineError{Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return &jsonlLineError{Line: n + 1, Err: err}
	}
	return nil
}

var errNoID = errors.New(`line has no "id"`)

// runQuoteEval finds and scores the quotes of every article.
func runQuoteEval(golds []eval.GoldArticle, k int, places quote.Places) *quoteEvalRun {
	groups := make([]string, len(golds))
	for i, g := range golds {
		groups[i] = g.Publisher
	}
	fold := eval.Folds(groups, k)
	r := &quoteEvalRun{fold: make([]eval.QuoteCounts, k), pubs: make([][]string, k)}
	for i, g := range golds {
		a := quoteEvalArticle{gold: g, fold: fold[i]}
		date, _ := time.Parse("2006-01-02", g.Date)
		a.found = quote.FindWith(g.Text, quote.Options{Places: places, Date: date})
		a.sys = make([]eval.SystemQuote, len(a.found))
		for j, q := range a.found {
			a.sys[j] = eval.SystemQuote{Quote: q.Text, Speaker: q.Speaker}
		}
		a.counts, a.matches = eval.ScoreQuotes(a.sys, g.Quotes)
		r.whole.Add(a.counts)
		r.fold[a.fold].Add(a.counts)
		if !slices.Contains(r.pubs[a.fold], g.Publisher) {
			r.pubs[a.fold] = append(r.pubs[a.fold], g.Publisher)
		}
		r.arts = append(r.arts, a)
	}
	for _, p := range r.pubs {
		slices.Sort(p)
	}
	return r
}

func (r *quoteEvalRun) print(w io.Writer, k int) {
	c := r.whole
	fmt.Fprintf(w, "PolNeAR quotes, dev: %d articles, %d gold direct quotes, %d system quotes (%d matched direct, %d matched mixed, %d unmatched)\n",
		c.Articles, c.GoldDirect, c.SystemQuotes, c.MatchedDirect, c.MatchedMixed, c.Unmatched)
	fmt.Fprintf(w, "cross-validated: %d folds grouped by publisher, each scored as held out; mean and worst fold\n\n", k)
	type fig struct {
		name string
		f    func(eval.QuoteCounts) float64
		n    func(eval.QuoteCounts) int
	}
	figs := []fig{
		{"direct precision", eval.QuoteCounts.Precision, func(c eval.QuoteCounts) int { return c.MatchedDirect + c.Unmatched }},
		{"direct recall", eval.QuoteCounts.Recall, func(c eval.QuoteCounts) int { return c.GoldDirect }},
		{"direct F1", eval.QuoteCounts.F1, func(c eval.QuoteCounts) int { return c.GoldDirect }},
		{"named-speaker accuracy", eval.QuoteCounts.NamedAccuracy, func(c eval.QuoteCounts) int { return c.NamedPairs }},
		{"pronoun speaker given", eval.QuoteCounts.PronounResolved, func(c eval.QuoteCounts) int { return c.PronounPairs }},
	}
	fmt.Fprintf(w, "%-24s %10s %10s %10s %8s\n", "figure", "whole dev", "cv mean", "cv worst", "n")
	for _, f := range figs {
		mean, worst := 0.0, 1.0
		for _, fc := range r.fold {
			v := f.f(fc)
			mean += v
			worst = min(worst, v)
		}
		mean /= float64(len(r.fold))
		fmt.Fprintf(w, "%-24s %10.2f %10.2f %10.2f %8d\n", f.name, 100*f.f(c), 100*mean, 100*worst, f.n(c))
	}
	r.printShown(w)
	fmt.Fprintln(w, "\nper fold (held out):")
	for i, fc := range r.fold {
		fmt.Fprintf(w, "  fold %d %-40s F1 %6.2f  named %6.2f (%d pairs)\n", i, strings.Join(r.pubs[i], ","), 100*fc.F1(), 100*fc.NamedAccuracy(), fc.NamedPairs)
	}
	fmt.Fprintln(w, "\n(speaker given for a pronoun counts a name given, right or wrong; see the labelled sample for right)")
}

// shownCounts counts matched pairs with a named gold speaker by the
// evidence the finder had, and those a brief would show.
type shownCounts struct {
	byEvidence             map[quote.Evidence][2]int // pairs, right
	shown, shownRight, all int
}

func (r *quoteEvalRun) shownIn(fold int) shownCounts {
	sc := shownCounts{byEvidence: map[quote.Evidence][2]int{}}
	for _, a := range r.arts {
		if fold >= 0 && a.fold != fold {
			continue
		}
		for _, m := range a.matches {
			g := a.gold.Quotes[m.Gold]
			if g.Speaker == nil || eval.IsPronoun(*g.Speaker) {
				continue
			}
			q := a.found[m.Sys]
			ok := eval.SameSpeaker(q.Speaker, *g.Speaker)
			c := sc.byEvidence[q.Evidence]
			c[0]++
			if ok {
				c[1]++
			}
			sc.byEvidence[q.Evidence] = c
			sc.all++
			if q.Attributed() {
				sc.shown++
				if ok {
					sc.shownRight++
				}
			}
		}
	}
	return sc
}

// printShown prints named-speaker accuracy by evidence and for the quotes
// a brief would show (Quote.Attributed), whole dev and per fold.
func (r *quoteEvalRun) printShown(w io.Writer) {
	whole := r.shownIn(-1)
	fmt.Fprintf(w, "\nnamed speakers by evidence (matched pairs with a named gold speaker):\n")
	for e := quote.NoEvidence; e <= quote.Guess; e++ {
		c := whole.byEvidence[e]
		if c[0] == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-12s %6.2f%% right of %4d (%5.1f%% of pairs)\n", e, 100*ratioOf(c[1], c[0]), c[0], 100*ratioOf(c[0], whole.all))
	}
	mean, worst, cover := 0.0, 1.0, 0.0
	for f := range r.fold {
		sc := r.shownIn(f)
		v := ratioOf(sc.shownRight, sc.shown)
		mean += v / float64(len(r.fold))
		worst = min(worst, v)
		cover += ratioOf(sc.shown, sc.all) / float64(len(r.fold))
	}
	fmt.Fprintf(w, "shown in briefs (Attributed): %.2f%% right of %d (%.1f%% of pairs); cv mean %.2f%%, worst fold %.2f%%, mean share shown %.1f%%\n",
		100*ratioOf(whole.shownRight, whole.shown), whole.shown, 100*ratioOf(whole.shown, whole.all), 100*mean, 100*worst, 100*cover)
}

// writeSystemQuotes writes the finder's output in the shape quotes.py reads.
func writeSystemQuotes(path string, r *quoteEvalRun) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type row struct {
		ID     string             `json:"id"`
		Quotes []eval.SystemQuote `json:"quotes"`
	}
	for _, a := range r.arts {
		qs := a.sys
		if qs == nil {
			qs = []eval.SystemQuote{}
		}
		if err := enc.Encode(row{ID: a.gold.ID, Quotes: qs}); err != nil {
			f.Close()
			return fmt.Errorf("eval quotes: write %s: %w", path, err)
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("eval quotes: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval quotes: write %s: %w", path, err)
	}
	return nil
}

// listErrors prints matched pairs whose named gold speaker the finder got
// wrong, from every fold but hold, for reading while choosing rules.
func (r *quoteEvalRun) listErrors(w io.Writer, n, hold int, all bool) {
	if all {
		fmt.Fprintf(w, "\nwrong named speakers (fold %d left out):\n", hold)
	} else {
		fmt.Fprintf(w, "\nwrong named speakers that a brief would show (fold %d left out):\n", hold)
	}
	shown := 0
	for _, a := range r.arts {
		if a.fold == hold {
			continue
		}
		for _, m := range a.matches {
			g := a.gold.Quotes[m.Gold]
			if g.Speaker == nil || eval.IsPronoun(*g.Speaker) {
				continue
			}
			s := a.sys[m.Sys]
			if eval.SameSpeaker(s.Speaker, *g.Speaker) || !all && !a.found[m.Sys].Attributed() {
				continue
			}
			if shown == n {
				return
			}
			shown++
			q := a.found[m.Sys]
			lo := max(0, q.Start-200)
			hi := min(len(a.gold.Text), q.End+120)
			fmt.Fprintf(w, "- %s @%d [%s]\n  gold %q / found %q (role %q)\n  …%s…\n", a.gold.ID, q.Start, q.Evidence, *g.Speaker, s.Speaker, q.Role, strings.ReplaceAll(a.gold.Text[lo:hi], "\n", " ¶ "))
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

type quotesIn struct {
	ID        json.RawMessage `json:"id"`
	Text      string          `json:"text"`
	Published time.Time       `json:"published"`
}

type quoteOut struct {
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
	// Evidence says how the speaker was found; Attributed whether a
	// brief would show the quote.
	Evidence   string `json:"evidence"`
	Attributed bool   `json:"attributed"`
}

type quotesOut struct {
	ID     json.RawMessage `json:"id"`
	Quotes []quoteOut      `json:"quotes"`
}

// quotesJSONL reads articles from path and writes one line of quotations
// per article, the shape ../shared/eval/quotes.py scores.
func quotesJSONL(ctx context.Context, path string, stdout io.Writer, places quote.Places) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	defer f.Close()
	err = mapJSONL(ctx, f, stdout, maxEvalLine, func(raw []byte) (any, error) {
		var in quotesIn
		if err := json.Unmarshal(raw, &in); err != nil {
			return nil, err
		}
		if len(in.ID) == 0 {
			return nil, errNoID
		}
		out := quotesOut{ID: in.ID, Quotes: []quoteOut{}}
		for _, q := range quote.FindWith(in.Text, quote.Options{Places: places, Date: in.Published}) {
			out.Quotes = append(out.Quotes, quoteOut{Quote: q.Text, Speaker: q.Speaker, Role: q.Role, Evidence: q.Evidence.String(), Attributed: q.Attributed()})
		}
		return out, nil
	})
	var le *jsonlLineError
	if errors.As(err, &le) {
		return fmt.Errorf("eval quotes: %s:%d: %w", path, le.Line, le.Err)
	}
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	return nil
}
