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
	"strings"
	"text/tabwriter"
	"time"

	"attache/briefing"
	"attache/briefing/eval"
	"attache/briefing/geo"
	"attache/sources"
)

const evalBriefsUsage = `usage: attache eval briefs [--dir ../shared/eval] [--articles FILE] [--queries FILE] [--folds 5] [--per-query] [--out FILE]

Ingests the Reuters dev stories (reuters-dev.jsonl) into a fresh temporary
store (no sample corpus) and runs every query of reuters-dev-queries.json as
` + "`brief WORDS --since 50y`" + ` would, scoring what each brief shows against the
stories' human country labels, as ../shared/eval/briefs.py does: article
precision (listed articles labelled with every asked country), cited
precision, summary-sentence precision, quote precision, abstention on absent
pairs, sentences and quotes per brief, briefs with at least three sentences,
and the time of a brief (in-process).

The relevance rule's thresholds (briefing.RelevanceRule) are chosen on four
fifths of the queries and scored on the fifth, folded over queries, so the
cross-validated figure is for pairs the thresholds were not chosen on; it is
printed beside the whole-dev figure of the default rule.

--out writes every brief of the default rule as JSON Lines (the query's id,
then the brief as --format json gives it, its window's start left out, or
the sentence said instead of a brief), so that two builds can be compared
brief by brief.
`

// evalBriefs is `attache eval briefs`.
func evalBriefs(ctx context.Context, app *App, args []string) error {
	fs := newFlags("eval briefs", app.stderr)
	fs.Usage = func() { fmt.Fprint(app.stderr, evalBriefsUsage) }
	dir := fs.String("dir", filepath.Join("..", "shared", "eval"), "the evaluation data")
	articlesPath := fs.String("articles", "", "the stories (default DIR/reuters-dev.jsonl)")
	queriesPath := fs.String("queries", "", "the queries (default DIR/reuters-dev-queries.json)")
	folds := fs.Int("folds", eval.DefaultFolds, "folds for cross-validation")
	perQuery := fs.Bool("per-query", false, "print each query's figures under the default rule")
	grid := fs.Bool("grid", false, "print the whole-dev figures of every rule that cross-validation chooses from")
	out := fs.String("out", "", "write the default rule's briefs to this file as JSON Lines")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("eval briefs: unexpected argument %q", rest[0])
	}
	if *articlesPath == "" {
		*articlesPath = filepath.Join(*dir, "reuters-dev.jsonl")
	}
	if *queriesPath == "" {
		*queriesPath = filepath.Join(*dir, "reuters-dev-queries.json")
	}
	queries, err := readBriefQueries(*queriesPath)
	if err != nil {
		return err
	}
	gaz, err := app.Gazetteer()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "attache-eval-briefs-")
	if err != nil {
		return fmt.Errorf("eval briefs: %w", err)
	}
	defer os.RemoveAll(tmp)
	st, err := sources.OpenSQLite(ctx, filepath.Join(tmp, "corpus.db"), sources.StoreOptions{})
	if err != nil {
		return fmt.Errorf("eval briefs: %w", err)
	}
	defer st.Close()
	labels, n, err := ingestLabelled(ctx, st, gaz, *articlesPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(app.stdout, "Reuters dev: %d stories, %d queries (%s)\n\n", n, len(queries), *queriesPath)

	now := time.Now()
	rules := relevanceGrid()
	def := briefing.DefaultRelevanceRule()
	results := make([][]briefRun, len(rules)) // [rule][query]
	for r, rule := range rules {
		eng := briefing.New(st, gaz, briefing.Options{Relevance: rule, Now: func() time.Time { return now }})
		results[r] = make([]briefRun, len(queries))
		for i, q := range queries {
			if err := ctx.Err(); err != nil {
				return err
			}
			run, err := runBriefQuery(ctx, eng, q, labels)
			if err != nil {
				return fmt.Errorf("eval briefs: %s: %w", q.QID, err)
			}
			results[r][i] = run
		}
	}
	defIdx := -1
	for r, rule := range rules {
		if rule == def {
			defIdx = r
		}
	}
	if defIdx < 0 {
		return errors.New("eval briefs: the default rule is not in the grid")
	}

	// Cross-validation: choose a rule on the other folds' queries, score it
	// on this fold's.
	groups := make([]string, len(queries))
	for i, q := range queries {
		groups[i] = q.QID
	}
	assign := eval.Folds(groups, *folds)
	cv := map[string]*eval.BriefCounts{}
	var chosen []string
	for f := 0; f < *folds; f++ {
		train, test := eval.Split(assign, f)
		best := bestRule(results, queries, train)
		chosen = append(chosen, ruleString(rules[best]))
		for _, i := range test {
			addRun(cv, queries[i].Kind, results[best][i])
		}
	}
	whole := map[string]*eval.BriefCounts{}
	var times []time.Duration
	for i, q := range queries {
		addRun(whole, q.Kind, results[defIdx][i])
		times = append(times, results[defIdx][i].shown.Latency)
	}
	all := make([]int, len(queries))
	for i := range all {
		all[i] = i
	}
	bestAll := bestRule(results, queries, all)

	w := tabwriter.NewWriter(app.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "figure\twhole dev (default rule)\tcross-validated (%d folds over queries)\n", *folds)
	row := func(name string, f func(c eval.BriefCounts) string, kind string) {
		fmt.Fprintf(w, "%s\t%s\t%s\n", name, f(get(whole, kind)), f(get(cv, kind)))
	}
	pct := func(v float64) string { return fmt.Sprintf("%.3f", v) }
	row("pairs: article precision (micro)", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%s (%d/%d)", pct(c.ArticlePrecision()), c.ListedRight, c.Listed)
	}, "pair")
	row("pairs: article precision (macro, per brief)", func(c eval.BriefCounts) string { return pct(c.ArticlePrecisionMacro()) }, "pair")
	row("pairs: cited precision", func(c eval.BriefCounts) string { return pct(c.CitedPrecision()) }, "pair")
	row("pairs: summary-sentence precision", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%s (%d/%d)", pct(c.SentencePrecision()), c.SentencesRight, c.Sentences)
	}, "pair")
	row("pairs: quote precision", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%s (%d/%d)", pct(c.QuotePrecision()), c.QuotesRight, c.Quotes)
	}, "pair")
	row("pairs: briefs with >= 3 sentences", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%d of %d (%d with any)", c.Full, c.Briefs, c.Answered)
	}, "pair")
	row("pairs: sentences / quotes per brief", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%.2f / %.2f", c.SentencesPerBrief(), c.QuotesPerBrief())
	}, "pair")
	row("absent pairs: abstention", func(c eval.BriefCounts) string {
		return fmt.Sprintf("%s (%d of %d; %d sentences shown)", pct(c.Abstention()), c.Briefs-c.Answered, c.Briefs, c.Sentences)
	}, "absent")
	row("single countries: article precision", func(c eval.BriefCounts) string { return pct(c.ArticlePrecision()) }, "single")
	row("single countries: sentence precision", func(c eval.BriefCounts) string { return pct(c.SentencePrecision()) }, "single")
	p50, p90, worst := eval.Latencies(times)
	fmt.Fprintf(w, "time of a brief (in-process)\tp50 %s, p90 %s, max %s\t\n", ms(p50), ms(p90), ms(worst))
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(app.stdout, "\nDefault rule: %s. Chosen on all of dev: %s. Chosen per fold: %s.\n",
		ruleString(def), ruleString(rules[bestAll]), strings.Join(chosen, "; "))
	fmt.Fprintf(app.stdout, "A rule is chosen on the tuning queries for the most pair briefs with at least 3 sentences, less %d for each wrong article or sentence shown.\n", errorCost)
	if *grid {
		printGrid(app.stdout, rules, queries, results)
	}
	if *perQuery {
		printPerQuery(app.stdout, queries, results[defIdx])
	}
	if *out != "" {
		if err := writeBriefRuns(*out, queries, results[defIdx]); err != nil {
			return fmt.Errorf("eval briefs: %w", err)
		}
	}
	return nil
}

// writeBriefRuns writes each query's brief (or the sentence said instead)
// as a line of JSON. The window's start is left out: --since 50y counts
// from the time of the run.
func writeBriefRuns(path string, queries []eval.BriefQuery, runs []briefRun) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for i, q := range queries {
		line := struct {
			QID   string          `json:"qid"`
			Brief *briefing.Brief `json:"brief,omitempty"`
			Note  string          `json:"note,omitempty"`
		}{QID: q.QID, Brief: runs[i].brief, Note: runs[i].note}
		if line.Brief != nil {
			b := *line.Brief
			b.Query.Since = time.Time{}
			line.Brief = &b
		}
		if err := enc.Encode(line); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

func printGrid(w io.Writer, rules []briefing.RelevanceRule, queries []eval.BriefQuery, results [][]briefRun) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nrule (whole dev)\tarticle precision\tsentence precision\tpairs >= 3 sentences\tpairs with any\tabstention")
	for r, rule := range rules {
		m := map[string]*eval.BriefCounts{}
		for i, q := range queries {
			addRun(m, q.Kind, results[r][i])
		}
		p, a := get(m, "pair"), get(m, "absent")
		fmt.Fprintf(tw, "%s\t%.3f (%d/%d)\t%.3f (%d/%d)\t%d\t%d\t%.3f\n", ruleString(rule), p.ArticlePrecision(), p.ListedRight, p.Listed,
			p.SentencePrecision(), p.SentencesRight, p.Sentences, p.Full, p.Answered, a.Abstention())
	}
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func get(m map[string]*eval.BriefCounts, kind string) eval.BriefCounts {
	if c := m[kind]; c != nil {
		return *c
	}
	return eval.BriefCounts{}
}

func addRun(m map[string]*eval.BriefCounts, kind string, r briefRun) {
	if m[kind] == nil {
		m[kind] = &eval.BriefCounts{}
	}
	m[kind].Add(r.counts)
}

// relevanceGrid is the set of rules that cross-validation chooses from.
func relevanceGrid() []briefing.RelevanceRule {
	var out []briefing.RelevanceRule
	for _, lead := range []int{1, 2, 3} {
		for _, m := range []int{2, 3, 4} {
			for _, t := range []int{0, 1} {
				for _, share := range []float64{0, 0.5, 0.7} {
					out = append(out, briefing.RelevanceRule{Lead: lead, Mentions: m, Together: t, Share: share})
				}
			}
		}
	}
	return out
}

func ruleString(r briefing.RelevanceRule) string {
	return fmt.Sprintf("lead %d, mentions %d, together %d, share %.1f", r.Lead, r.Mentions, r.Together, r.Share)
}

// errorCost is what one wrong thing shown (an article listed or a
// sentence shown that is not about the asked pair, or a sentence shown for
// an absent pair) costs when a rule is chosen, counted in pair briefs of
// three sentences or more: precision first. (Choosing the most briefs
// under a precision floor of 0.95, or 0.97, picked a different rule in
// almost every fold, and the cross-validated precision fell to 0.93: on
// 60 pairs one wrong article moves precision by more than a point.)
const errorCost = 5

// bestRule picks the rule with the best worth over the queries idx: pair
// briefs of three sentences or more, less errorCost for each wrong
// article or sentence shown; ties go to more briefs with any sentence,
// then to the earlier rule.
func bestRule(results [][]briefRun, queries []eval.BriefQuery, idx []int) int {
	best := -1
	var bestKey [3]float64
	for r := range results {
		var pair, absent eval.BriefCounts
		for _, i := range idx {
			switch queries[i].Kind {
			case "pair":
				pair.Add(results[r][i].counts)
			case "absent":
				absent.Add(results[r][i].counts)
			}
		}
		wrong := (pair.Listed - pair.ListedRight) + (pair.Sentences - pair.SentencesRight) + absent.Sentences
		key := [3]float64{float64(pair.Full - errorCost*wrong), float64(pair.Answered), float64(pair.Sentences)}
		if best < 0 || less(bestKey, key) {
			best, bestKey = r, key
		}
	}
	return best
}

func less(a, b [3]float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// briefRun is one query run under one rule.
type briefRun struct {
	shown  eval.BriefShown
	counts eval.BriefCounts
	brief  *briefing.Brief
	note   string // the user error, when there was no brief
}

// runBriefQuery runs one query the way `brief WORDS --since 50y` does and
// scores it.
func runBriefQuery(ctx context.Context, eng *briefing.Engine, q eval.BriefQuery, labels map[string][]string) (briefRun, error) {
	var run briefRun
	start := time.Now()
	req, err := eng.ParseWordsContext(ctx, append(append([]string(nil), q.Words...), "since", "50y"))
	var b *briefing.Brief
	if err == nil {
		b, err = eng.Brief(ctx, req)
	}
	run.shown.Latency = time.Since(start)
	var ue *briefing.UserError
	switch {
	case errors.As(err, &ue):
		run.note = ue.Error()
	case err != nil:
		return run, err
	default:
		run.brief = b
		for _, a := range b.Articles {
			run.shown.Listed = append(run.shown.Listed, a.URL)
		}
		for _, s := range b.Summary {
			run.shown.Sentences = append(run.shown.Sentences, s.URL)
		}
		for _, x := range b.Quotes {
			run.shown.Quotes = append(run.shown.Quotes, x.URL)
		}
	}
	gold := func(url string) bool {
		have := labels[url]
		for _, p := range q.Places {
			found := false
			for _, h := range have {
				if h == p {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	run.counts = eval.ScoreBrief(run.shown, gold)
	return run, nil
}

func printPerQuery(w io.Writer, queries []eval.BriefQuery, runs []briefRun) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nquery\tlisted\tright\tsentences\tright\tquotes\tright\tms\tnote")
	for i, q := range queries {
		c := runs[i].counts
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%s\n", q.QID, c.Listed, c.ListedRight, c.Sentences, c.SentencesRight,
			c.Quotes, c.QuotesRight, float64(runs[i].shown.Latency.Microseconds())/1000, runs[i].note)
	}
	tw.Flush()
}

func readBriefQueries(path string) ([]eval.BriefQuery, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval briefs: %w", err)
	}
	var doc struct {
		Queries []eval.BriefQuery `json:"queries"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("eval briefs: %s: %w", path, err)
	}
	if len(doc.Queries) == 0 {
		return nil, fmt.Errorf("eval briefs: %s holds no query", path)
	}
	return doc.Queries, nil
}

// ingestLabelled ingests a labelled JSON Lines file (the import fields
// plus "places") the way `attache ingest` does, and returns each article's
// labels by URL and the number of articles stored.
func ingestLabelled(ctx context.Context, st sources.Store, gaz *geo.Gazetteer, path string) (map[string][]string, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("eval briefs: %w", err)
	}
	labels := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 0, 1<<20), sources.MaxFileBytes)
	for sc.Scan() {
		var l struct {
			URL    string   `json:"url"`
			Places []string `json:"places"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err == nil && l.URL != "" {
			labels[l.URL] = l.Places
			if c, err := sources.CanonicalURL(l.URL); err == nil {
				labels[c] = l.Places
			}
		}
	}
	var arts []sources.Article
	for _, it := range sources.ParseJSONL(data) {
		if it.Err != nil {
			return nil, 0, fmt.Errorf("eval briefs: %s %s: %w", path, it.Where, it.Err)
		}
		arts = append(arts, it.Article)
	}
	in := sources.NewIngester(st, gaz.Tag, time.Now)
	// Read for pairs as `attache ingest` reads, by the default rule: its
	// briefs draw on the stored readings, the grid's other rules read the
	// articles themselves.
	in.Reader = briefing.NewPairReader(gaz, briefing.DefaultRelevanceRule()).Reader()
	res, err := in.Ingest(ctx, arts, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("eval briefs: ingest: %w", err)
	}
	return labels, len(res), nil
}
