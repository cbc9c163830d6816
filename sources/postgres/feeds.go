package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

const feedColumns = `f.id, f.url, f.title, f.interval_s, f.etag, f.last_modified, f.added, f.last_attempt,
	f.last_success, f.last_error, f.failures, f.next_poll,
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id), f.claimed_by, f.claim_until`

func scanFeed(row pgx.Row) (sources.Feed, error) {
	var (
		f                                           sources.Feed
		interval, added, attempt, success, nextPoll int64
		claimUntil                                  int64
	)
	err := row.Scan(&f.ID, &f.URL, &f.Title, &interval, &f.ETag, &f.LastModified, &added, &attempt,
		&success, &f.LastError, &f.Failures, &nextPoll, &f.Articles, &f.ClaimedBy, &claimUntil)
	f.Interval = time.Duration(interval) * time.Second
	f.Added, f.LastAttempt, f.LastSuccess, f.NextPoll = timeOrZero(added), timeOrZero(attempt), timeOrZero(success), timeOrZero(nextPoll)
	f.ClaimUntil = timeOrZero(claimUntil)
	return f, err
}

// InsertFeed subscribes to a feed URL (already validated by the caller),
// due for its first poll at once.
func (s *Store) InsertFeed(ctx context.Context, url, title string, interval time.Duration) (sources.Feed, error) {
	now := s.now().UTC().Unix()
	var id int64
	err := s.pool.QueryRow(ctx, `INSERT INTO feeds (url, title, interval_s, added, next_poll) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO NOTHING RETURNING id`, url, title, int64(interval/time.Second), now, now).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return sources.Feed{}, fmt.Errorf("postgres: add feed %s: %w", url, sources.ErrFeedExists)
	}
	if err != nil {
		return sources.Feed{}, fmt.Errorf("postgres: add feed %s: %w", url, err)
	}
	return s.Feed(ctx, id)
}

// Feed returns one feed by id.
func (s *Store) Feed(ctx context.Context, id int64) (sources.Feed, error) {
	f, err := scanFeed(s.pool.QueryRow(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return f, fmt.Errorf("postgres: feed %d: %w", id, sources.ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("postgres: feed %d: %w", id, err)
	}
	return f, nil
}

// Feeds lists every subscribed feed, oldest subscription first.
func (s *Store) Feeds(ctx context.Context) ([]sources.Feed, error) {
	return queryAll(ctx, s.pool, "list feeds", scanFeed, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
}

// DueFeeds lists the feeds whose next poll is at or before now, most
// overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]sources.Feed, error) {
	return queryAll(ctx, s.pool, "list feeds", scanFeed, `SELECT `+feedColumns+` FROM feeds f WHERE f.next_poll <= $1 ORDER BY f.next_poll, f.id`, now.Unix())
}

// ClaimDueFeeds claims up to limit due feeds that no live claim holds, for
// owner until now+lease, most overdue first. Rows another process is
// claiming at the same moment are skipped (FOR UPDATE SKIP LOCKED), and
// one whose claim that process has just committed no longer qualifies.
func (s *Store) ClaimDueFeeds(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]sources.Feed, error) {
	if owner == "" || lease <= 0 || limit <= 0 {
		return nil, fmt.Errorf("postgres: claim feeds: want an owner, a lease and a limit (got %q, %s, %d)", owner, lease, limit)
	}
	claimed, err := queryAll(ctx, s.pool, "claim feeds", scanFeed, `WITH due AS (
			SELECT id FROM feeds WHERE next_poll <= $1 AND claim_until <= $1
			ORDER BY next_poll, id LIMIT $2 FOR UPDATE SKIP LOCKED)
		UPDATE feeds f SET claimed_by = $3, claim_until = $4 FROM due WHERE f.id = due.id
		RETURNING `+feedColumns, now.Unix(), limit, owner, now.Add(lease).Unix())
	if err != nil {
		return nil, err
	}
	slices.SortFunc(claimed, func(a, b sources.Feed) int {
		if c := a.NextPoll.Compare(b.NextPoll); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return claimed, nil
}

// DeleteFeed unsubscribes a feed. Its articles stay in the corpus.
func (s *Store) DeleteFeed(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM feeds WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: remove feed %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: remove feed %d: %w", id, sources.ErrNotFound)
	}
	return nil
}

// RecordPoll stores a poll's outcome on the feed and ends its claim: on
// success the validators, the time and a reset failure count; on failure
// the error and one more consecutive failure.
func (s *Store) RecordPoll(ctx context.Context, id int64, o sources.PollOutcome) error {
	var err error
	if o.Err == nil {
		_, err = s.pool.Exec(ctx, `UPDATE feeds SET last_attempt = $1, last_success = $1, last_error = '', failures = 0,
			claimed_by = '', claim_until = 0, etag = $2, last_modified = $3, next_poll = $4,
			title = CASE WHEN $5 <> '' THEN $5 ELSE title END WHERE id = $6`,
			o.At.Unix(), o.ETag, o.LastModified, o.NextPoll.Unix(), o.Title, id)
	} else {
		_, err = s.pool.Exec(ctx, `UPDATE feeds SET last_attempt = $1, last_error = $2, failures = failures + 1, next_poll = $3,
			claimed_by = '', claim_until = 0 WHERE id = $4`, o.At.Unix(), o.Err.Error(), o.NextPoll.Unix(), id)
	}
	if err != nil {
		return fmt.Errorf("postgres: record poll of feed %d: %w", id, err)
	}
	return nil
}
