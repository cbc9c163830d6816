package briefing

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"attache/briefing/geo"
	"attache/sources"
)

const (
	candidateLimit = 120 // articles read from the index per request
	deepLimit      = 24  // candidates whose text is analysed in full
	storyLimit     = 8   // stories a brief draws on
)

// candidate is an article considered for a brief, with what ranking found.
type candidate struct {
	art      sources.Article
	score    float64
	outlets  []string
	mentions []geo.Mention // of the whole text, when analysed
}

// selection is the outcome of choosing articles for a request.
type selection struct {
	stories []candidate // one per story, best first
	since   time.Time   // the window actually used
	notes   []string
}

// selectArticles finds the articles that name every requested country (and
// contain the terms), ranks them by how central the request is to them, by
// recency and by source diversity, and keeps one article per story. The
// default window is widened, with a note, when it holds nothing.
func (e *Engine) selectArticles(ctx context.Context, req Request, limit int) (selection, error) {
	now := e.now()
	sel := selection{since: req.Since}
	if sel.since.IsZero() {
		sel.since = now.Add(-e.window)
	}
	arts, err := e.fetch(ctx, req, sel.since)
	if err != nil {
		return sel, err
	}
	if len(arts) == 0 && req.Since.IsZero() {
		arts, err = e.fetch(ctx, req, time.Time{})
		if err != nil {
			return sel, err
		}
		if len(arts) > 0 {
			oldest, newest := arts[0].Published, arts[0].Published
			for _, a := range arts {
				if a.Published.Before(oldest) {
					oldest = a.Published
				}
				if a.Published.After(newest) {
					newest = a.Published
				}
			}
			sel.since = time.Time{}
			sel.notes = append(sel.notes, fmt.Sprintf("Nothing in the last %d days; this brief draws on older articles, %s to %s.",
				int(e.window.Hours()/24), oldest.Format("2 Jan 2006"), newest.Format("2 Jan 2006")))
		}
	}
	if len(arts) == 0 {
		if err := e.checkEmpty(ctx); err != nil {
			return sel, err
		}
		return sel, e.notFound(req)
	}
	cands := e.rank(arts, req, now)
	cands, err = e.onePerStory(ctx, cands)
	if err != nil {
		return sel, err
	}
	sel.stories = diversify(cands, limit)
	return sel, nil
}

func (e *Engine) fetch(ctx context.Context, req Request, since time.Time) ([]sources.Article, error) {
	if len(req.Terms) == 0 {
		return e.corpus.ArticlesMentioning(ctx, req.Countries, since, req.Until, candidateLimit)
	}
	return e.corpus.Search(ctx, sources.Query{Countries: req.Countries, Words: searchWords(req.Terms), Since: since, Until: req.Until, Limit: candidateLimit})
}

func (e *Engine) notFound(req Request) error {
	if req.Speaker != "" {
		msg := "I found no article that mentions " + req.Speaker
		if !req.Since.IsZero() {
			msg += " since " + req.Since.Format("2 Jan 2006") + ". Try a wider window, e.g. `since 1y`, or"
		} else {
			msg += " anywhere in the corpus. Check the spelling, or try"
		}
		return &UserError{Message: msg + " the surname alone."}
	}
	what := e.describe(Request{Countries: req.Countries, Terms: req.Terms})
	msg := "I found no article naming " + what
	if !req.Since.IsZero() {
		msg += " since " + req.Since.Format("2 Jan 2006") + ". Try a wider window, e.g. `since 1y`"
	} else {
		msg += " anywhere in the corpus. Try fewer countries or other words"
	}
	if len(req.Countries) > 1 {
		msg += ", or one country at a time"
	}
	return &UserError{Message: msg + "."}
}

// rank scores candidates: first cheaply on headline and recency, then in
// full (mentions in the text) for the best of them.
func (e *Engine) rank(arts []sources.Article, req Request, now time.Time) []candidate {
	cands := make([]candidate, len(arts))
	newest := arts[0].Published
	for _, a := range arts {
		if a.Published.After(newest) {
			newest = a.Published
		}
	}
	for i, a := range arts {
		c := candidate{art: a}
		// Recency relative to the newest candidate, so an old corpus is
		// still ranked within itself; half-life of about ten days.
		age := newest.Sub(a.Published).Hours() / 24
		c.score = 0.6 * math.Exp(-age/14)
		if len(req.Countries) > 0 {
			c.score += 1.0 * coverage(e.gaz.Tag(a.Title, a.Published), req.Countries)
		}
		c.score += 0.5 * termCoverage(a.Title, req.Terms)
		cands[i] = c
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for i := range cands[:min(len(cands), deepLimit)] {
		c := &cands[i]
		c.mentions = e.gaz.Mentions(c.art.Text, c.art.Published)
		c.score += centrality(c.art.Text, c.mentions, req.Countries)
		c.score += 0.5 * termCoverage(c.art.Text, req.Terms)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands[:min(len(cands), deepLimit)]
}

// coverage is the share of want that got names.
func coverage(got, want []string) float64 {
	if len(want) == 0 {
		return 0
	}
	n := 0
	for _, w := range want {
		for _, g := range got {
			if g == w {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(want))
}

func termCoverage(text string, terms []string) float64 {
	if len(terms) == 0 {
		return 0
	}
	lower := strings.ToLower(text)
	n := 0
	for _, t := range terms {
		for _, v := range spellings(t) {
			if strings.Contains(lower, stem(v)) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(terms))
}

// stem trims common English endings so that "defense" finds "defensive"
// and "talks" finds "talk" in a plain substring test.
func stem(w string) string {
	for _, suf := range []string{"ing", "es", "s", "e", "ed"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// centrality measures how much an article is about the requested countries
// together: paragraphs that name all of them, and the share of all place
// mentions that are theirs.
func centrality(text string, mentions []geo.Mention, codes []string) float64 {
	if len(codes) == 0 || len(mentions) == 0 {
		return 0
	}
	// Paragraph boundaries as byte offsets.
	var bounds []int
	off := 0
	for _, para := range strings.SplitAfter(text, "\n\n") {
		off += len(para)
		bounds = append(bounds, off)
	}
	paraOf := func(pos int) int { return sort.SearchInts(bounds, pos+1) }
	seen := map[int]map[string]bool{}
	ours := 0
	for _, m := range mentions {
		if !containsCode(codes, m.Code) {
			continue
		}
		ours++
		p := paraOf(m.Start)
		if seen[p] == nil {
			seen[p] = map[string]bool{}
		}
		seen[p][m.Code] = true
	}
	together := 0
	for _, codesIn := range seen {
		if len(codesIn) == len(codes) {
			together++
		}
	}
	density := float64(ours) / float64(len(mentions))
	return 0.8*math.Min(1, float64(together)/3) + 0.6*density
}

func containsCode(codes []string, c string) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// onePerStory keeps the best-ranked article of each story and records the
// outlets that carried it.
func (e *Engine) onePerStory(ctx context.Context, cands []candidate) ([]candidate, error) {
	var out []candidate
	seen := map[int64]bool{}
	var ids []int64
	for _, c := range cands {
		if seen[c.art.StoryID] {
			continue
		}
		seen[c.art.StoryID] = true
		out = append(out, c)
		ids = append(ids, c.art.StoryID)
	}
	outlets, err := e.corpus.StoryOutlets(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].outlets = outlets[out[i].art.StoryID]
		if n := len(out[i].outlets); n > 1 {
			out[i].score += 0.15 * math.Min(3, float64(n-1)) // wider coverage, more weight
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out, nil
}

// diversify picks up to limit stories greedily, lowering the score of an
// outlet each time it is picked so that one source does not fill a brief.
func diversify(cands []candidate, limit int) []candidate {
	var picked []candidate
	used := map[string]int{}
	left := append([]candidate(nil), cands...)
	for len(picked) < limit && len(left) > 0 {
		best, bestScore := 0, math.Inf(-1)
		for i, c := range left {
			s := c.score - 0.25*float64(used[c.art.Source])
			if s > bestScore {
				best, bestScore = i, s
			}
		}
		picked = append(picked, left[best])
		used[left[best].art.Source]++
		left = append(left[:best], left[best+1:]...)
	}
	return picked
}
