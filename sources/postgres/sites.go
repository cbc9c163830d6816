package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"attache/sources"
	"attache/sources/clean"
)

var _ sources.SiteStore = (*Store)(nil)

// SiteRecord reads the site's record of the blocks fps.
func (s *Store) SiteRecord(ctx context.Context, site string, fps []uint64) (clean.SiteRecord, error) {
	n, rows, err := readSiteRows(ctx, s.pool, site, fps)
	if err != nil {
		return clean.SiteRecord{}, fmt.Errorf("postgres: read site record: %w", err)
	}
	return sources.SiteRecordOf(n, rows), nil
}

// RecordSitePages adds pages to the site's record in one transaction, under
// a lock of the site's own, and removes the rows of blocks that no page of
// the window holds any more.
func (s *Store) RecordSitePages(ctx context.Context, site string, pages [][]uint64) error {
	if site == "" || len(pages) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.site:"+site); err != nil {
			return err
		}
		n, stored, err := readSiteRows(ctx, tx, site, sources.UniqueFingerprints(pages...))
		if err != nil {
			return err
		}
		rows := make(map[uint64]sources.SiteBlock, len(stored))
		for _, b := range stored {
			rows[b.FP] = b
		}
		n, changed := sources.AdvanceSite(n, rows, pages)
		fps, seen, last := make([]int64, len(changed)), make([]int64, len(changed)), make([]int64, len(changed))
		for i, b := range changed {
			fps[i], seen[i], last[i] = int64(b.FP), int64(b.Seen), b.Last
		}
		if _, err := tx.Exec(ctx, `INSERT INTO site_blocks (site, fp, seen, last_page)
			SELECT $1, u.fp, u.seen, u.last FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS u(fp, seen, last)
			ON CONFLICT (site, fp) DO UPDATE SET seen = excluded.seen, last_page = excluded.last_page`,
			site, fps, seen, last); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO site_pages (site, pages) VALUES ($1, $2)
			ON CONFLICT (site) DO UPDATE SET pages = excluded.pages`, site, n); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DELETE FROM site_blocks WHERE site = $1 AND last_page <= $2`, site, n-sources.SiteWindow)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: record site pages: %w", s.readOnly(err))
	}
	return nil
}

// readSiteRows reads the site's page number and its rows of the blocks fps.
func readSiteRows(ctx context.Context, q querier, site string, fps []uint64) (int64, []sources.SiteBlock, error) {
	var n int64
	err := q.QueryRow(ctx, `SELECT pages FROM site_pages WHERE site = $1`, site).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	want := make([]int64, len(fps))
	for i, f := range fps {
		want[i] = int64(f)
	}
	rows, err := q.Query(ctx, `SELECT fp, seen, last_page FROM site_blocks WHERE site = $1 AND fp = ANY($2)`, site, want)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	var out []sources.SiteBlock
	for rows.Next() {
		var fp, seen int64
		var b sources.SiteBlock
		if err := rows.Scan(&fp, &seen, &b.Last); err != nil {
			return 0, nil, err
		}
		b.FP, b.Seen = uint64(fp), uint64(seen)
		out = append(out, b)
	}
	return n, out, rows.Err()
}
