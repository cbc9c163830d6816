package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"attache/sources"
)

var _ sources.MemoryStore = (*Store)(nil)

// LastBrief returns the owner's memory of the request.
func (s *Store) LastBrief(ctx context.Context, owner, request string) (sources.BriefMemory, bool, error) {
	m := sources.BriefMemory{Owner: owner, Request: request}
	var at int64
	var stories string
	err := s.pool.QueryRow(ctx, `SELECT at, stories, tone FROM brief_memory WHERE owner = $1 AND request = $2`, owner, request).
		Scan(&at, &stories, &m.Tone)
	if errors.Is(err, pgx.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("postgres: read brief memory: %w", err)
	}
	m.At = time.Unix(at, 0).UTC()
	if m.Stories, err = sources.SplitStoryIDs(stories); err != nil {
		return m, false, fmt.Errorf("postgres: read brief memory: %w", err)
	}
	return m, true, nil
}

// RememberBrief writes the owner's memory of the request.
func (s *Store) RememberBrief(ctx context.Context, m sources.BriefMemory) error {
	if m.Owner == "" || m.Request == "" {
		return errors.New("postgres: remember brief: owner and request are required")
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO brief_memory (owner, request, at, stories, tone) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (owner, request) DO UPDATE SET at = excluded.at, stories = excluded.stories, tone = excluded.tone`,
		m.Owner, m.Request, m.At.Unix(), sources.JoinStoryIDs(m.Stories), m.Tone)
	if err != nil {
		return fmt.Errorf("postgres: remember brief: %w", s.readOnly(err))
	}
	return nil
}

// ForgetBriefs removes every memory of the owner.
func (s *Store) ForgetBriefs(ctx context.Context, owner string) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM brief_memory WHERE owner = $1`, owner)
	if err != nil {
		return 0, fmt.Errorf("postgres: forget briefs: %w", s.readOnly(err))
	}
	return int(tag.RowsAffected()), nil
}

// ForgetBriefsBefore removes the memories written before t.
func (s *Store) ForgetBriefsBefore(ctx context.Context, t time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM brief_memory WHERE at < $1`, t.Unix())
	if err != nil {
		return 0, fmt.Errorf("postgres: forget old briefs: %w", s.readOnly(err))
	}
	return int(tag.RowsAffected()), nil
}

// readOnly turns PostgreSQL's refusal of a write in a read-only
// transaction (SQLSTATE 25006, a store opened ReadOnly) into
// sources.ErrReadOnly, which callers tell apart.
func (s *Store) readOnly(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "25006" {
		return fmt.Errorf("%w: %s", sources.ErrReadOnly, pe.Message)
	}
	return err
}
