package sources

import (
	"net/url"
	"slices"
	"strings"

	"attache/sources/clean"
	"attache/sources/doc"
)

// withoutSiteFurniture compares the articles of each site among those
// stored together (the items of one feed poll) and removes the blocks that
// recur across them: the site's own lines, whatever their wording
// (clean.SiteFurniture). The slice is copied when anything changes.
func withoutSiteFurniture(arts []Article) []Article {
	bySite := map[string][]int{}
	for i, a := range arts {
		if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
			host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			bySite[host] = append(bySite[host], i)
		}
	}
	var out []Article
	for _, idx := range bySite {
		if len(idx) < 3 {
			continue
		}
		pages := make([][]doc.Block, len(idx))
		for j, i := range idx {
			pages[j] = doc.Parse(arts[i].Text)
		}
		for j, blocks := range clean.SiteFurniture(pages) {
			if len(blocks) == len(pages[j]) {
				continue
			}
			if out == nil {
				out = slices.Clone(arts)
			}
			out[idx[j]].Text = doc.Format(blocks)
		}
	}
	if out == nil {
		return arts
	}
	return out
}
