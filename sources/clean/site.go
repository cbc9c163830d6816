package clean

import "attache/sources/doc"

// Site furniture is what a site prints on every article page: a
// subscription line, a disclaimer, a "follow us" box, a standing
// correction notice. No phrase list can name every site's wording, but the
// wording gives itself away by repeating: a block that recurs, word for
// word, across many different articles of one site is the site's, not the
// article's.

// Thresholds for SiteFurniture: a block is the site's when it appears on
// at least siteMinPages pages and on at least siteMinShare of the site's
// pages at hand. Two articles of one outlet may share a background
// paragraph; boilerplate recurs on most of them.
const (
	siteMinPages = 3
	siteMinShare = 0.4
)

// SiteFurniture takes the blocks of several articles of one site and
// returns them without the blocks that recur across them (compared by
// their words, case and punctuation aside). An article that would lose
// every block is returned as it was: it is a copy of another, for the
// duplicate detection to handle. With fewer than three articles nothing
// changes.
func SiteFurniture(pages [][]doc.Block) [][]doc.Block {
	out := make([][]doc.Block, len(pages))
	copy(out, pages)
	if len(pages) < siteMinPages {
		return out
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, b := range p {
			k := key(b.Text)
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(siteMinPages, int(siteMinShare*float64(len(pages))+0.999))
	for i, p := range pages {
		kept := make([]doc.Block, 0, len(p))
		for _, b := range p {
			if count[key(b.Text)] < need {
				kept = append(kept, b)
			}
		}
		if len(kept) < len(p) && len(kept) > 0 {
			out[i] = kept
		}
	}
	return out
}
