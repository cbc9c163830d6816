package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"attache/briefing/eval"
	"attache/briefing/summary"
	"attache/sources/doc"
)

const evalSummariesUsage = `usage: attache eval summaries [--dir ../shared/eval] [--file FILE] [--sentences 3|ref] [--folds 5] [--jsonl OUT]

Summarises every article of the BBC politics dev set (summaries-dev.jsonl)
and scores the summaries against the references with ROUGE-1, ROUGE-2 and
ROUGE-L F1 (mean over articles, tokens as ../shared/eval/rouge.py reads
them), at 3 sentences or at each reference's length (--sentences ref).

The summariser's one free choice, the share of an article's most central
sentences it chooses among (its shortlist), is chosen on four fifths of
the articles and scored on the fifth (folds keep near-duplicate articles
together); the cross-validated figure is printed beside the whole-dev
figure of the default (0.4). --jsonl OUT also writes {"id", "sentences",
"summary"} per article, the file rouge.py scores.
`

// shortlistGrid is what cross-validation chooses the shortlist share from.
var shortlistGrid = []float64{0.3, 0.4, 0.5, 1}

// defaultShortlist is the share summary.Summarize uses.
const defaultShortlist = 0.4

// summaryItem is one line of summaries-dev.jsonl.
type summaryItem struct {
	ID                 string   `json:"id"`
	Text               string   `json:"text"`
	ReferenceSummary   string   `json:"reference_summary"`
	ReferenceSentences []string `json:"reference_sentences"`
	Group              string   `json:"near_duplicate_group"`
}

// rougeScore is one article's ROUGE F1s.
type rougeScore struct{ r1, r2, rl float64 }

// evalSummaries is `attache eval summaries`.
func evalSummaries(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval summaries", app.stderr)
	fs.Usage = func() { fmt.Fprint(app.stderr, evalSummariesUsage) }
	dir := fs.String("dir", filepath.Join("..", "shared", "eval"), "the evaluation data")
	file := fs.String("file", "", "the articles with reference summaries (default DIR/summaries-dev.jsonl)")
	count := fs.String("sentences", "3", "sentences per summary: a number, or ref for the reference's length")
	folds := fs.Int("folds", eval.DefaultFolds, "folds for cross-validation")
	out := fs.String("jsonl", "", "also write the default summaries here, one JSON line per article")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("eval summaries: unexpected argument %q", rest[0])
	}
	n, fromRef, err := parseSentenceCount(*count)
	if err != nil {
		return usagef("eval %v", err)
	}
	if *file == "" {
		*file = filepath.Join(*dir, "summaries-dev.jsonl")
	}
	items, err := readSummaryItems(ctx, *file)
	if err != nil {
		return err
	}
	// Every article summarised with every shortlist share.
	scores := make([][]rougeScore, len(shortlistGrid))
	var written [][]string
	for g, share := range shortlistGrid {
		scores[g] = make([]rougeScore, len(items))
		for i, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			k := n
			if fromRef {
				k = len(it.ReferenceSentences)
			}
			var sents []string
			for _, s := range summary.SummarizeShortlist(it.Text, k, share) {
				sents = append(sents, doc.Fold(s.Text))
			}
			cand, ref := eval.RougeTokens(strings.Join(sents, "\n")), eval.RougeTokens(it.ReferenceSummary)
			scores[g][i] = rougeScore{eval.RougeN(cand, ref, 1).F, eval.RougeN(cand, ref, 2).F, eval.RougeL(cand, ref).F}
			if share == defaultShortlist {
				written = append(written, sents)
			}
		}
	}
	def := -1
	for g, share := range shortlistGrid {
		if share == defaultShortlist {
			def = g
		}
	}
	if def < 0 {
		return errors.New("eval summaries: the default shortlist is not in the grid")
	}
	groups := make([]string, len(items))
	for i, it := range items {
		groups[i] = it.Group
		if groups[i] == "" {
			groups[i] = it.ID
		}
	}
	assign := eval.Folds(groups, *folds)
	var cv rougeScore
	var chosen []string
	for f := 0; f < *folds; f++ {
		train, test := eval.Split(assign, f)
		best, bestR1 := def, -1.0
		for g := range shortlistGrid {
			if m := meanRouge(scores[g], train).r1; m > bestR1 {
				best, bestR1 = g, m
			}
		}
		chosen = append(chosen, fmt.Sprint(shortlistGrid[best]))
		for _, i := range test {
			cv.r1 += scores[best][i].r1
			cv.r2 += scores[best][i].r2
			cv.rl += scores[best][i].rl
		}
	}
	cv.r1, cv.r2, cv.rl = 100*cv.r1/float64(len(items)), 100*cv.r2/float64(len(items)), 100*cv.rl/float64(len(items))
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	whole := meanRouge(scores[def], all)
	fmt.Fprintf(app.stdout, "BBC politics dev: %d articles (%s), %s sentences per summary\n\n", len(items), *file, *count)
	w := tabwriter.NewWriter(app.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "ROUGE F1 x 100\twhole dev (shortlist %.1f)\tcross-validated (%d folds over articles)\n", defaultShortlist, *folds)
	fmt.Fprintf(w, "R-1\t%.1f\t%.1f\n", 100*whole.r1, cv.r1)
	fmt.Fprintf(w, "R-2\t%.1f\t%.1f\n", 100*whole.r2, cv.r2)
	fmt.Fprintf(w, "R-L\t%.1f\t%.1f\n", 100*whole.rl, cv.rl)
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(app.stdout, "\nShortlist share chosen per fold (for the best R-1 on the other folds): %s.\n", strings.Join(chosen, ", "))
	for g, share := range shortlistGrid {
		m := meanRouge(scores[g], all)
		fmt.Fprintf(app.stdout, "  shortlist %.1f on all of dev: R-1 %.1f, R-2 %.1f, R-L %.1f\n", share, 100*m.r1, 100*m.r2, 100*m.rl)
	}
	if *out != "" {
		return writeSummaries(*out, items, written)
	}
	return nil
}

func meanRouge(s []rougeScore, idx []int) rougeScore {
	var m rougeScore
	for _, i := range idx {
		m.r1 += s[i].r1
		m.r2 += s[i].r2
		m.rl += s[i].rl
	}
	if len(idx) > 0 {
		n := float64(len(idx))
		m.r1, m.r2, m.rl = m.r1/n, m.r2/n, m.rl/n
	}
	return m
}

func readSummaryItems(ctx context.Context, path string) ([]summaryItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval summaries: %w", err)
	}
	defer f.Close()
	var items []summaryItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), maxSummarizeInput)
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var it summaryItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("eval summaries: %s line %d: %w", path, line, err)
		}
		if it.ID == "" || it.Text == "" {
			return nil, fmt.Errorf("eval summaries: %s line %d: no id or text", path, line)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval summaries: %s: %w", path, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("eval summaries: %s holds no article", path)
	}
	return items, nil
}

func writeSummaries(path string, items []summaryItem, sents [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval summaries: %w", err)
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for i, it := range items {
		s := sents[i]
		if s == nil {
			s = []string{}
		}
		if err := enc.Encode(struct {
			ID        string   `json:"id"`
			Sentences []string `json:"sentences"`
			Summary   string   `json:"summary"`
		}{it.ID, s, strings.Join(s, "\n")}); err != nil {
			f.Close()
			return fmt.Errorf("eval summaries: write %s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval summaries: write %s: %w", path, err)
	}
	return nil
}
