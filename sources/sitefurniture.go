package sources

import (
	"context"
	"log/slog"
	"net/url"
	"slices"
	"strings"

	"attache/sources/clean"
	"attache/sources/doc"
)

// siteOf names the site of an article for its furniture record: the host
// of its web address, without "www.", or "" when it has none.
func siteOf(a Article) string {
	if !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
		return ""
	}
	u, err := url.Parse(a.URL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// IngestPages stores articles read from web pages (a feed poll's items,
// pages fetched by their address) as Ingest does, after removing the
// blocks each site repeats across its pages, whatever their wording: a
// block is the site's furniture when it recurs on at least three and 40%
// of the site's pages compared, which are the site's articles in arts and
// the pages the store recorded of it before (SiteStore, the last
// SiteWindow of them). The blocks of each article stored are then added
// to its site's record, as they were before any was removed, so that a
// site's furniture stays known while it lasts. A store error while reading
// or writing a site's record is logged on log (nil: slog.Default) and
// costs only the comparison with the stored pages.
func (in *Ingester) IngestPages(ctx context.Context, arts []Article, log *slog.Logger) ([]Result, error) {
	if log == nil {
		log = slog.Default()
	}
	cleaned, prints := withoutSiteFurniture(ctx, in.store, arts, log)
	results, err := in.Ingest(ctx, cleaned, nil)
	bySite := map[string][][]uint64{}
	var order []string
	for i, r := range results {
		site := siteOf(arts[i])
		if r.Outcome != Added || site == "" {
			continue
		}
		if _, ok := bySite[site]; !ok {
			order = append(order, site)
		}
		bySite[site] = append(bySite[site], prints[i])
	}
	for _, site := range order {
		if rerr := in.store.RecordSitePages(context.WithoutCancel(ctx), site, bySite[site]); rerr != nil {
			log.Warn("site record not updated", "site", site, "pages", len(bySite[site]), "err", rerr)
		}
	}
	return results, err
}

// withoutSiteFurniture compares the articles of each site in arts with one
// another and with the site's record in the store, and removes the blocks
// that recur across them (clean.SiteFurnitureWith). It returns the
// articles (the slice is copied when anything changes) and the
// fingerprints of each article's blocks as they came.
func withoutSiteFurniture(ctx context.Context, st SiteStore, arts []Article, log *slog.Logger) ([]Article, [][]uint64) {
	bySite := map[string][]int{}
	var order []string
	for i, a := range arts {
		if site := siteOf(a); site != "" {
			if _, ok := bySite[site]; !ok {
				order = append(order, site)
			}
			bySite[site] = append(bySite[site], i)
		}
	}
	prints := make([][]uint64, len(arts))
	var out []Article
	for _, site := range order {
		idx := bySite[site]
		pages := make([][]doc.Block, len(idx))
		for j, i := range idx {
			pages[j] = doc.Parse(arts[i].Text)
			prints[i] = clean.Fingerprints(pages[j])
		}
		var rec clean.SiteRecord
		if st != nil {
			var err error
			all := make([][]uint64, len(idx))
			for j, i := range idx {
				all[j] = prints[i]
			}
			if rec, err = st.SiteRecord(ctx, site, UniqueFingerprints(all...)); err != nil {
				log.Warn("site record not read; the site's pages are compared among themselves", "site", site, "err", err)
				rec = clean.SiteRecord{}
			}
		}
		for j, blocks := range clean.SiteFurnitureWith(pages, rec) {
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
		return arts, prints
	}
	return out, prints
}
