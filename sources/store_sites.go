package sources

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"strings"

	"attache/sources/clean"
)

// SiteWindow is how many of a site's most recent pages its record counts.
const SiteWindow = 64

// SiteStore keeps, for each site, which blocks its last SiteWindow pages
// stored from the web printed (by clean.Fingerprint), so that ingest can
// tell the site's furniture from its articles by comparison
// (clean.SiteFurnitureWith) even when a page comes alone. Part of the
// store's contract, served by every engine.
type SiteStore interface {
	// SiteRecord returns how many of the site's last SiteWindow recorded
	// pages held each of fps (those held by none are left out), and how
	// many pages it counts.
	SiteRecord(ctx context.Context, site string, fps []uint64) (clean.SiteRecord, error)
	// RecordSitePages adds pages of the site to its record, in order,
	// each given by the fingerprints of its blocks.
	RecordSitePages(ctx context.Context, site string, pages [][]uint64) error
}

var _ SiteStore = (*SQLiteStore)(nil)

// SiteBlock is a stored row of a site's record: Seen has bit k set when
// the site's page numbered Last-k held the block.
type SiteBlock struct {
	FP   uint64
	Seen uint64
	Last int64
}

// Recent is how many of the site's last SiteWindow pages, up to page
// number n, held the block.
func (b SiteBlock) Recent(n int64) int {
	d := n - b.Last
	if d < 0 || d >= SiteWindow {
		return 0
	}
	return bits.OnesCount64(b.Seen << uint(d))
}

// AdvanceSite records pages after the site's page number n, given the
// stored rows of the blocks they hold (rows is changed), and returns the
// new page number and the rows to write.
func AdvanceSite(n int64, rows map[uint64]SiteBlock, pages [][]uint64) (int64, []SiteBlock) {
	changed := map[uint64]bool{}
	for _, p := range pages {
		n++
		for _, f := range p {
			b, ok := rows[f]
			switch {
			case !ok || n-b.Last >= SiteWindow:
				b = SiteBlock{FP: f, Seen: 1, Last: n}
			case b.Last == n:
				continue // listed twice on one page
			default:
				b.Seen = b.Seen<<uint(n-b.Last) | 1
				b.Last = n
			}
			rows[f] = b
			changed[f] = true
		}
	}
	out := make([]SiteBlock, 0, len(changed))
	for f := range changed {
		out = append(out, rows[f])
	}
	return n, out
}

// SiteRecordOf counts the rows at page number n.
func SiteRecordOf(n int64, rows []SiteBlock) clean.SiteRecord {
	rec := clean.SiteRecord{Pages: int(min(n, SiteWindow)), Counts: make(map[uint64]int, len(rows))}
	for _, b := range rows {
		if c := b.Recent(n); c > 0 {
			rec.Counts[b.FP] = c
		}
	}
	return rec
}

// UniqueFingerprints returns the distinct fingerprints of pages.
func UniqueFingerprints(pages ...[]uint64) []uint64 {
	seen := map[uint64]bool{}
	var out []uint64
	for _, p := range pages {
		for _, f := range p {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// maxSiteParams bounds the fingerprints asked for in one statement.
const maxSiteParams = 500

// SiteRecord reads the site's record of the blocks fps.
func (s *SQLiteStore) SiteRecord(ctx context.Context, site string, fps []uint64) (clean.SiteRecord, error) {
	n, rows, err := readSiteRows(ctx, s.db, site, fps)
	if err != nil {
		return clean.SiteRecord{}, fmt.Errorf("sources: read site record: %w", err)
	}
	return SiteRecordOf(n, rows), nil
}

// RecordSitePages adds pages to the site's record in one transaction, and
// removes the rows of blocks that no page of the window holds any more.
func (s *SQLiteStore) RecordSitePages(ctx context.Context, site string, pages [][]uint64) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if site == "" || len(pages) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	defer tx.Rollback()
	n, stored, err := readSiteRows(ctx, tx, site, UniqueFingerprints(pages...))
	if err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	rows := make(map[uint64]SiteBlock, len(stored))
	for _, b := range stored {
		rows[b.FP] = b
	}
	n, changed := AdvanceSite(n, rows, pages)
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO site_blocks (site, fp, seen, last_page) VALUES (?, ?, ?, ?)
		ON CONFLICT (site, fp) DO UPDATE SET seen = excluded.seen, last_page = excluded.last_page`)
	if err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	defer stmt.Close()
	for _, b := range changed {
		if _, err := stmt.ExecContext(ctx, site, int64(b.FP), int64(b.Seen), b.Last); err != nil {
			return fmt.Errorf("sources: record site pages: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO site_pages (site, pages) VALUES (?, ?)
		ON CONFLICT (site) DO UPDATE SET pages = excluded.pages`, site, n); err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM site_blocks WHERE site = ? AND last_page <= ?`, site, n-SiteWindow); err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sources: record site pages: %w", err)
	}
	return nil
}

// querier is a database or a transaction, as readSiteRows and queryAll
// read them.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readSiteRows reads the site's page number and its rows of the blocks fps.
func readSiteRows(ctx context.Context, q querier, site string, fps []uint64) (int64, []SiteBlock, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT pages FROM site_pages WHERE site = ?`, site).Scan(&n)
	if err == sql.ErrNoRows {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, err
	}
	var out []SiteBlock
	for len(fps) > 0 {
		part := fps[:min(len(fps), maxSiteParams)]
		fps = fps[len(part):]
		args := make([]any, 0, len(part)+1)
		args = append(args, site)
		for _, f := range part {
			args = append(args, int64(f))
		}
		rows, err := q.QueryContext(ctx, `SELECT fp, seen, last_page FROM site_blocks WHERE site = ? AND fp IN (?`+
			strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return 0, nil, err
		}
		for rows.Next() {
			var fp, seen int64
			var b SiteBlock
			if err := rows.Scan(&fp, &seen, &b.Last); err != nil {
				rows.Close()
				return 0, nil, err
			}
			b.FP, b.Seen = uint64(fp), uint64(seen)
			out = append(out, b)
		}
		if err := rows.Close(); err != nil {
			return 0, nil, err
		}
		if err := rows.Err(); err != nil {
			return 0, nil, err
		}
	}
	return n, out, nil
}
