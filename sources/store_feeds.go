package sources

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrFeedExists is returned when a feed URL is already subscribed.
var ErrFeedExists = errors.New("feed already subscribed")

const feedColumns = `f.id, f.url, f.title, f.interval_s, f.etag, f.last_modified, f.added, f.last_attempt,
	f.last_success, f.last_error, f.failures, f.next_poll,
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id), f.claimed_by, f.claim_until`

func scanFeed(sc rowScanner) (Feed, error) {
	var (
		f                                           Feed
		interval, added, attempt, success, nextPoll int64
		claimUntil                                  int64
	)
	err := sc.Scan(&f.ID, &f.URL, &f.Title, &interval, &f.ETag, &f.LastModified, &added, &attempt,
		&success, &f.LastError, &f.Failures, &nextPoll, &f.Articles, &f.ClaimedBy, &claimUntil)
	f.Interval = time.Duration(interval) * time.Second
	f.Added, f.LastAttempt, f.LastSuccess, f.NextPoll = timeOrZero(added), timeOrZero(attempt), timeOrZero(success), timeOrZero(nextPoll)
	f.ClaimUntil = timeOrZero(claimUntil)
	return f, err
}

// InsertFeed subscribes to a feed URL (already validated by the caller),
// due for its first poll at once.
func (s *SQLiteStore) InsertFeed(ctx context.Context, url, title string, interval time.Duration) (Feed, error) {
	if s.readOnly {
		return Feed{}, s.readOnlyError()
	}
	now := s.now().UTC()
	res, err := s.db.ExecContext(ctx, `INSERT INTO feeds (url, title, interval_s, added, next_poll) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url) DO NOTHING`, url, title, int64(interval/time.Second), now.Unix(), now.Unix())
	if err != nil {
		return Feed{}, fmt.Errorf("sources: add feed %s: %w", url, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Feed{}, fmt.Errorf("sources: add feed %s: %w", url, ErrFeedExists)
	}
	id, _ := res.LastInsertId()
	return s.Feed(ctx, id)
}

// Feed returns one feed by id.
func (s *SQLiteStore) Feed(ctx context.Context, id int64) (Feed, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("sources: feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return f, fmt.Errorf("sources: feed %d: %w", id, err)
	}
	return f, nil
}

// Feeds lists every subscribed feed, oldest subscription first.
func (s *SQLiteStore) Feeds(ctx context.Context) ([]Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
}

// DueFeeds lists the feeds whose next poll is at or before now, most
// overdue first.
func (s *SQLiteStore) DueFeeds(ctx context.Context, now time.Time) ([]Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.next_poll <= ? ORDER BY f.next_poll, f.id`, now.Unix())
}

// ClaimDueFeeds claims up to limit due feeds that no live claim holds, for
// owner until now+lease, most overdue first. The transaction holds
// SQLite's write lock, so processes sharing the file never claim the same
// feed twice.
func (s *SQLiteStore) ClaimDueFeeds(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Feed, error) {
	if owner == "" || lease <= 0 || limit <= 0 {
		return nil, fmt.Errorf("sources: claim feeds: want an owner, a lease and a limit (got %q, %s, %d)", owner, lease, limit)
	}
	if s.readOnly {
		return nil, s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sources: claim feeds: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id FROM feeds WHERE next_poll <= ? AND claim_until <= ?
		ORDER BY next_poll, id LIMIT ?`, now.Unix(), now.Unix(), limit)
	if err != nil {
		return nil, fmt.Errorf("sources: claim feeds: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sources: claim feeds: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sources: claim feeds: %w", err)
	}
	until := now.Add(lease)
	claimed := make([]Feed, 0, len(ids))
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE feeds SET claimed_by = ?, claim_until = ? WHERE id = ?`, owner, until.Unix(), id); err != nil {
			return nil, fmt.Errorf("sources: claim feeds: %w", err)
		}
		f, err := scanFeed(tx.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = ?`, id))
		if err != nil {
			return nil, fmt.Errorf("sources: claim feeds: %w", err)
		}
		claimed = append(claimed, f)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sources: claim feeds: %w", err)
	}
	return claimed, nil
}

func (s *SQLiteStore) queryFeeds(ctx context.Context, q string, args ...any) ([]Feed, error) {
	return queryAll(ctx, s.db, "list feeds", scanFeed, q, args...)
}

// DeleteFeed unsubscribes a feed. Its articles stay in the corpus.
func (s *SQLiteStore) DeleteFeed(ctx context.Context, id int64) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sources: remove feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sources: remove feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// PollOutcome is what one poll of a feed did, for RecordPoll.
type PollOutcome struct {
	At           time.Time
	Err          error  // nil on success (including 304 Not Modified)
	Title        string // the feed's title, when known
	ETag         string
	LastModified string
	NextPoll     time.Time
}

// RecordPoll stores a poll's outcome on the feed: on success the
// validators, the time and a reset failure count; on failure the error and
// one more consecutive failure. Either way it ends the feed's claim.
func (s *SQLiteStore) RecordPoll(ctx context.Context, id int64, o PollOutcome) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	var err error
	if o.Err == nil {
		_, err = s.db.ExecContext(ctx, `UPDATE feeds SET last_attempt = ?, last_success = ?, last_error = '', failures = 0,
			claimed_by = '', claim_until = 0,
			etag = ?, last_modified = ?, next_poll = ?, title = CASE WHEN ? <> '' THEN ? ELSE title END WHERE id = ?`,
			o.At.Unix(), o.At.Unix(), o.ETag, o.LastModified, o.NextPoll.Unix(), o.Title, o.Title, id)
	} else {
		_, err = s.db.ExecContext(ctx, `UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1, next_poll = ?,
			claimed_by = '', claim_until = 0 WHERE id = ?`,
			o.At.Unix(), o.Err.Error(), o.NextPoll.Unix(), id)
	}
	if err != nil {
		return fmt.Errorf("sources: record poll of feed %d: %w", id, err)
	}
	return nil
}
