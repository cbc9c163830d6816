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
	(SELECT count(*) FROM articles a WHERE a.feed_id = f.id)`

func scanFeed(sc rowScanner) (Feed, error) {
	var (
		f                                           Feed
		interval, added, attempt, success, nextPoll int64
	)
	err := sc.Scan(&f.ID, &f.URL, &f.Title, &interval, &f.ETag, &f.LastModified, &added, &attempt,
		&success, &f.LastError, &f.Failures, &nextPoll, &f.Articles)
	f.Interval = time.Duration(interval) * time.Second
	f.Added, f.LastAttempt, f.LastSuccess, f.NextPoll = timeOrZero(added), timeOrZero(attempt), timeOrZero(success), timeOrZero(nextPoll)
	return f, err
}

// InsertFeed subscribes to a feed URL (already validated by the caller),
// due for its first poll at once.
func (s *Store) InsertFeed(ctx context.Context, url, title string, interval time.Duration) (Feed, error) {
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
func (s *Store) Feed(ctx context.Context, id int64) (Feed, error) {
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
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
}

// DueFeeds lists the feeds whose next poll is at or before now, most
// overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]Feed, error) {
	return s.queryFeeds(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.next_poll <= ? ORDER BY f.next_poll, f.id`, now.Unix())
}

func (s *Store) queryFeeds(ctx context.Context, q string, args ...any) ([]Feed, error) {
	return queryAll(ctx, s.db, "list feeds", scanFeed, q, args...)
}

// DeleteFeed unsubscribes a feed. Its articles stay in the corpus.
func (s *Store) DeleteFeed(ctx context.Context, id int64) error {
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
// one more consecutive failure.
func (s *Store) RecordPoll(ctx context.Context, id int64, o PollOutcome) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	var err error
	if o.Err == nil {
		_, err = s.db.ExecContext(ctx, `UPDATE feeds SET last_attempt = ?, last_success = ?, last_error = '', failures = 0,
			etag = ?, last_modified = ?, next_poll = ?, title = CASE WHEN ? <> '' THEN ? ELSE title END WHERE id = ?`,
			o.At.Unix(), o.At.Unix(), o.ETag, o.LastModified, o.NextPoll.Unix(), o.Title, o.Title, id)
	} else {
		_, err = s.db.ExecContext(ctx, `UPDATE feeds SET last_attempt = ?, last_error = ?, failures = failures + 1, next_poll = ? WHERE id = ?`,
			o.At.Unix(), o.Err.Error(), o.NextPoll.Unix(), id)
	}
	if err != nil {
		return fmt.Errorf("sources: record poll of feed %d: %w", id, err)
	}
	return nil
}
