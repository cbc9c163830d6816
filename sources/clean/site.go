package clean

import (
	"hash/fnv"

	"attache/sources/doc"
)

// Site furniture is what a site prints on every article page: a
// subscription line, a disclaimer, a "follow us" box, a standing
// correction notice. No phrase list can name every site's wording, but the
// wording gives itself away by repeating: a block that recurs, word for
// word, across many different articles of one site is the site's, not the
// article's. The articles compared are those at hand (one feed poll's
// batch) and, through a SiteRecord that a store keeps, the site's recent
// pages stored before.

// Thresholds for SiteFurniture: a block is the site's when it appears on
// at least siteMinPages pages and on at least siteMinShare of the site's
// pages compared. Two articles of one outlet may share a background
// paragraph; boilerplate recurs on most of them.
const (
	siteMinPages = 3
	siteMinShare = 0.4
)

// SiteRecord is what a store knows of one site's recent pages: how many it
// counts, and on how many of them each block (by Fingerprint) appeared.
type SiteRecord struct {
	Pages  int
	Counts map[uint64]int
}

// Fingerprint identifies a block by its words, case and punctuation aside:
// the unit that SiteFurniture compares. It is 0 for a block without words.
func Fingerprint(text string) uint64 {
	k := key(text)
	if k == "" {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(k))
	if v := h.Sum64(); v != 0 {
		return v
	}
	return 1
}

// Fingerprints returns the distinct fingerprints of a page's blocks, in
// the order the blocks come.
func Fingerprints(blocks []doc.Block) []uint64 {
	out := make([]uint64, 0, len(blocks))
	seen := make(map[uint64]bool, len(blocks))
	for _, b := range blocks {
		if f := Fingerprint(b.Text); f != 0 && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// SiteFurniture takes the blocks of several articles of one site and
// returns them without the blocks that recur across them (compared by
// their words, case and punctuation aside). An article that would lose
// every block is returned as it was: it is a copy of another, for the
// duplicate detection to handle. With fewer than three articles nothing
// changes.
func SiteFurniture(pages [][]doc.Block) [][]doc.Block {
	return SiteFurnitureWith(pages, SiteRecord{})
}

// SiteFurnitureWith is SiteFurniture over the pages at hand and the site's
// recent pages as a store recorded them: a block counts once for each page
// at hand that holds it and once for each recorded page that held it, and
// the thresholds apply to all the pages together. Only the pages at hand
// are returned.
func SiteFurnitureWith(pages [][]doc.Block, rec SiteRecord) [][]doc.Block {
	out := make([][]doc.Block, len(pages))
	copy(out, pages)
	total := len(pages) + rec.Pages
	if total < siteMinPages || len(pages) == 0 {
		return out
	}
	count := map[uint64]int{}
	for _, p := range pages {
		for _, f := range Fingerprints(p) {
			count[f]++
		}
	}
	need := max(siteMinPages, int(siteMinShare*float64(total)+0.999))
	for i, p := range pages {
		kept := make([]doc.Block, 0, len(p))
		for _, b := range p {
			f := Fingerprint(b.Text)
			if f == 0 || count[f]+rec.Counts[f] < need {
				kept = append(kept, b)
			}
		}
		if len(kept) < len(p) && len(kept) > 0 {
			out[i] = kept
		}
	}
	return out
}
