package briefing

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"attache/sources"
)

// nearestLimit bounds the articles read per country when a brief that
// found nothing looks for the nearest material (the latest of them).
const nearestLimit = 100

// nothingAbout is the answer when articles name the requested countries
// but none is about them: one sentence that says so, never a padded brief,
// pointing to the nearest material there is ("I found nothing about Japan
// and Italy together; the nearest are 3 stories about Japan and China and
// 5 about Italy and China."). named is how many articles name them all.
func (e *Engine) nothingAbout(ctx context.Context, req Request, since time.Time, noSample bool, named int) error {
	window := ""
	if !since.IsZero() {
		window = " since " + since.Format("2 Jan 2006")
	}
	msg := fmt.Sprintf("I found nothing about %s%s", e.describeCountries(req), window)
	if len(req.Terms) > 0 && len(req.Countries) > 0 {
		msg += " with “" + strings.Join(req.Terms, " ") + "”"
	}
	passing := fmt.Sprintf("%s name %s only in passing", plural(named, "article", "articles"), them(req))
	if named == 1 {
		passing = "1 article names " + them(req) + " only in passing"
	}
	if len(req.Countries) == 2 && len(req.Terms) == 0 {
		near, err := e.nearest(ctx, req.Countries, since, req.Until, noSample)
		if err != nil {
			return err
		}
		if near != "" {
			return &UserError{Message: msg + "; " + passing + ", and the nearest are " + near + "."}
		}
	}
	return &UserError{Message: msg + "; " + passing + "."}
}

// them is "both" for several countries, "it" for one, "them" for words.
func them(req Request) string {
	switch {
	case len(req.Countries) > 1:
		return "them"
	case len(req.Countries) == 1:
		return "it"
	}
	return "them"
}

// nearest describes the stories about each of two countries with a third:
// a partner they share when there is one ("3 stories about Japan and China
// and 5 about Italy and China"), else each one's most frequent partner.
// "" when there is none.
func (e *Engine) nearest(ctx context.Context, pair []string, since, until time.Time, noSample bool) (string, error) {
	counts := make([]map[string]int, 2)
	for i, code := range pair {
		arts, err := e.corpus.Search(ctx, sources.Query{Countries: []string{code}, Since: since, Until: until, Limit: nearestLimit, NoSample: noSample})
		if err != nil {
			return "", err
		}
		counts[i] = map[string]int{}
		stories := map[string]map[int64]bool{}
		for _, a := range arts {
			if !e.rel.Prominent(a.Title, a.Text, a.Published, []string{code}) {
				continue // not about this country, so not about it with another
			}
			for _, p := range e.rel.Read(a.Title, a.Text, a.Published).Partners(code) {
				if e.gaz.Same(p, pair[1-i]) {
					continue
				}
				if stories[p] == nil {
					stories[p] = map[int64]bool{}
				}
				if !stories[p][a.StoryID] {
					stories[p][a.StoryID] = true
					counts[i][p]++
				}
			}
		}
	}
	shared, best := "", 0
	for _, p := range sortedKeys(counts[0]) {
		if n := min(counts[0][p], counts[1][p]); n > best {
			shared, best = p, n
		}
	}
	var parts []string
	for i, code := range pair {
		p := shared
		if p == "" {
			p = top(counts[i])
		}
		if p == "" || counts[i][p] == 0 {
			continue
		}
		n := counts[i][p]
		s := fmt.Sprintf("%s about %s", plural(n, "story", "stories"), countryNamesInSentence(e.gaz, []string{code, p}))
		if len(parts) > 0 {
			s = fmt.Sprintf("%d about %s", n, countryNamesInSentence(e.gaz, []string{code, p}))
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " and "), nil
}

// top is the key with the highest count (ties: the first by name).
func top(m map[string]int) string {
	best, n := "", 0
	for _, k := range sortedKeys(m) {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
