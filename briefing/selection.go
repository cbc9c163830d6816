package briefing

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"attache/sources"
)

const (
	candidateLimit = 200            // articles read from the index per window
	firstPage      = 40             // the candidates read first
	storyLimit     = 8              // stories a brief draws on
	aboutLimit     = 3 * storyLimit // articles about the request that a brief ranks
	// enoughStories is how many stories about the request a brief wants
	// before it stops widening the default window.
	enoughStories = 3
)

// candidate is an article considered for a brief, with what ranking found.
type candidate struct {
	art     sources.Article
	score   float64
	outlets []string
	reading *Reading // nil when the article was not read (digests)
	// stored is the store's record of the article's tone for the pair
	// when the store's readings said it is about the pair (see
	// storedReadings); nil when it was read here.
	stored []byte
	// bare says that art holds only the article's id, until fetchChosen
	// reads the article.
	bare bool
}

// selection is the outcome of choosing articles for a request.
type selection struct {
	stories  []candidate // one per story, best first
	since    time.Time   // the window actually used
	notes    []string
	noSample bool // the bundled sample was left out (leaveSampleOut)
}

// widenings are the windows a brief tries after the default one, each
// when the one before held fewer than enoughStories stories about the
// request; zero is the whole corpus.
var widenings = []time.Duration{90 * 24 * time.Hour, 365 * 24 * time.Hour, 3 * 365 * 24 * time.Hour, 0}

// selectArticles finds the articles about every requested country (and
// with the terms), ranks them by how much they are about the request, by
// recency and by source diversity, and keeps one article per story. An
// article that only names a country in passing is left out (see
// RelevanceRule). The default window is widened, with a note, until it
// holds a few stories about the request; a window the person asked for is
// kept. When no article is about the request the answer is a *UserError
// that says so in one sentence and points to the nearest material.
func (e *Engine) selectArticles(ctx context.Context, req Request, limit, enough int) (selection, error) {
	now := e.now()
	sel := selection{since: req.Since}
	windows := []time.Time{req.Since}
	if req.Since.IsZero() {
		windows = []time.Time{now.Add(-e.window)}
		for _, w := range widenings {
			if w == 0 {
				windows = append(windows, time.Time{})
			} else if w > e.window {
				windows = append(windows, now.Add(-w))
			}
		}
	}
	noSample, err := e.leaveSampleOut(ctx, req)
	if err != nil {
		return sel, err
	}
	sel.noSample = noSample
	read := map[int64]bool{} // the articles looked at, in the windows tried
	var about []candidate
	named := 0 // articles that name every country, in the windows tried
	until := req.Until
	for i, since := range windows {
		// Each wider window reads only what the narrower one did not: the
		// articles between its start and the last one's. A first page of
		// them, and more only when the first held too few about the
		// request.
		sliceNamed := 0
		var listed []int64 // the window's ids, when the store lists them (one list serves both pages)
		for _, lim := range []int{firstPage, candidateLimit} {
			pg, err := e.candidates(ctx, req, since, until, noSample, lim, read, &listed)
			if err != nil {
				return sel, err
			}
			sliceNamed = len(pg.ids)
			fresh := len(about)
			for _, id := range pg.ids {
				if len(about) == aboutLimit {
					break // enough to rank: the rest are older (or match the terms less)
				}
				if read[id] {
					continue
				}
				read[id] = true
				if r, known := pg.stored.lookup(id); known {
					if r.Strength > 0 {
						a, ok := pg.arts[id]
						if !ok {
							a = sources.Article{ID: id}
						}
						about = append(about, candidate{art: a, bare: !ok, score: r.Strength, stored: r.Data})
					}
					continue
				}
				a, ok := pg.arts[id]
				if !ok || !e.rel.Prominent(a.Title, a.Text, a.Published, req.Countries) {
					continue
				}
				rd := e.rel.Read(a.Title, a.Text, a.Published)
				if strength := rd.Strength(req.Countries); strength > 0 {
					about = append(about, candidate{art: a, reading: rd, score: strength})
				}
			}
			if about, err = e.fetchChosen(ctx, about, fresh); err != nil {
				return sel, err
			}
			if len(pg.ids) < lim || len(about) == aboutLimit {
				break
			}
		}
		named += sliceNamed
		sel.since = since
		if distinctStories(about) >= enough || len(about) == aboutLimit || i == len(windows)-1 {
			break
		}
		if !since.IsZero() {
			until = since.Add(-time.Second)
		}
	}
	if len(about) == 0 {
		if named == 0 {
			if err := e.checkEmpty(ctx); err != nil {
				return sel, err
			}
			err := e.notFound(req)
			if ue := (*UserError)(nil); noSample && errors.As(err, &ue) {
				ue.Message += " (The bundled sample corpus is left out now that the store has articles of its own; `--sample` brings it back.)"
			}
			return sel, err
		}
		return sel, e.nothingAbout(ctx, req, sel.since, noSample, named)
	}
	if req.Since.IsZero() && !sel.since.Equal(windows[0]) {
		sel.notes = append(sel.notes, e.widenedNote(req, about, sel.since))
	}
	if sel.since.IsZero() {
		sel.since = oldest(about)
	}
	cands := e.rank(about, req)
	cands, err = e.onePerStory(ctx, cands)
	if err != nil {
		return sel, err
	}
	sel.stories = diversify(cands, limit)
	e.readStories(sel.stories)
	return sel, nil
}

// leaveSampleOut tells whether the bundled sample corpus is left out of
// the request's answer: it is once the store holds articles of its own,
// unless the request asks for it.
func (e *Engine) leaveSampleOut(ctx context.Context, req Request) (bool, error) {
	if req.Sample {
		return false, nil
	}
	return e.corpus.HasOwnArticles(ctx)
}

// distinctStoriesWanted is how many stories a request wants before the
// default window stops widening: a few for a brief, more for one
// person's quotes, which are scattered.
func distinctStoriesWanted(req Request) int {
	if req.Speaker != "" {
		return storyLimit
	}
	return enoughStories
}

// distinctStories counts the stories among candidates.
func distinctStories(cs []candidate) int {
	seen := map[int64]bool{}
	for _, c := range cs {
		seen[c.art.StoryID] = true
	}
	return len(seen)
}

// oldest is the earliest publication date among candidates.
func oldest(cs []candidate) time.Time {
	var t time.Time
	for _, c := range cs {
		if t.IsZero() || c.art.Published.Before(t) {
			t = c.art.Published
		}
	}
	return t
}

// widenedNote says which window a brief used when the default one held
// too little.
func (e *Engine) widenedNote(req Request, about []candidate, since time.Time) string {
	lead := fmt.Sprintf("Fewer than %d stories in the last %d days are about %s", distinctStoriesWanted(req), int(e.window.Hours()/24), e.describeCountries(req))
	if since.IsZero() {
		return fmt.Sprintf("%s; this brief draws on the whole corpus, %s to %s.", lead, oldest(about).Format("2 Jan 2006"), newestOf(about).Format("2 Jan 2006"))
	}
	return fmt.Sprintf("%s; this brief reaches back to %s (%s).", lead, since.Format("2 Jan 2006"), spanWords(e.now().Sub(since)))
}

// newestOf is the latest publication date among candidates.
func newestOf(cs []candidate) time.Time {
	var t time.Time
	for _, c := range cs {
		if c.art.Published.After(t) {
			t = c.art.Published
		}
	}
	return t
}

// spanWords says a window in words: "90 days", "1 year", "3 years".
func spanWords(d time.Duration) string {
	days := int(d.Hours()/24 + 0.5)
	if days >= 360 {
		y := int(float64(days)/365 + 0.5)
		if y == 1 {
			return "1 year"
		}
		return fmt.Sprintf("%d years", y)
	}
	return fmt.Sprintf("%d days", days)
}

// describeCountries names what a request is about: "Japan and Italy
// together", "Japan", "“rebate”".
func (e *Engine) describeCountries(req Request) string {
	switch {
	case len(req.Countries) > 1:
		return countryNamesInSentence(e.gaz, req.Countries) + " together"
	case len(req.Countries) == 1:
		return countryNamesInSentence(e.gaz, req.Countries)
	}
	return "“" + strings.Join(req.Terms, " ") + "”"
}

func (e *Engine) notFound(req Request) error {
	if req.Speaker != "" {
		msg := "I found no article that mentions " + ClipWord(req.Speaker)
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

// rank orders the candidates about the request: by how much they are
// about it (the reading's strength), by recency relative to the newest of
// them, and by the terms in their headline and text.
func (e *Engine) rank(cands []candidate, req Request) []candidate {
	newest := newestOf(cands)
	for i := range cands {
		c := &cands[i]
		// Recency relative to the newest candidate, so an old corpus is
		// still ranked within itself; half-life of about ten days.
		age := newest.Sub(c.art.Published).Hours() / 24
		c.score += 0.6 * math.Exp(-age/14)
		c.score += 0.5*termCoverage(c.art.Title, req.Terms) + 0.5*termCoverage(c.art.Text, req.Terms)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	return cands
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
