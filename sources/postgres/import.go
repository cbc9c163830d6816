package postgres

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

// What a copy of another store into this one writes (attache migrate):
// rows as the other store holds them, ids and story ids kept. Each import
// may be repeated: a row already here is left as it is (articles) or set
// again to the copy's values (feeds, schedules, deliveries, settings).

// ImportFeeds writes feeds with their ids and poll state, and moves the
// id sequence past them.
func (s *Store) ImportFeeds(ctx context.Context, feeds []sources.Feed) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, f := range feeds {
			_, err := tx.Exec(ctx, `INSERT INTO feeds (id, url, title, interval_s, etag, last_modified, added, last_attempt,
					last_success, last_error, failures, next_poll, claimed_by, claim_until)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
				ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, interval_s = excluded.interval_s,
					etag = excluded.etag, last_modified = excluded.last_modified, added = excluded.added,
					last_attempt = excluded.last_attempt, last_success = excluded.last_success, last_error = excluded.last_error,
					failures = excluded.failures, next_poll = excluded.next_poll, claimed_by = excluded.claimed_by,
					claim_until = excluded.claim_until`,
				f.ID, f.URL, f.Title, int64(f.Interval.Seconds()), f.ETag, f.LastModified, unix(f.Added), unix(f.LastAttempt),
				unix(f.LastSuccess), f.LastError, f.Failures, unix(f.NextPoll), f.ClaimedBy, unix(f.ClaimUntil))
			if isUniqueViolation(err) {
				return fmt.Errorf("feed %d (%s) is subscribed here under another id", f.ID, f.URL)
			}
			if err != nil {
				return fmt.Errorf("feed %d: %w", f.ID, err)
			}
		}
		_, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('feeds', 'id'), greatest((SELECT max(id) FROM feeds), 1))`)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: import feeds: %w", err)
	}
	return nil
}

// ImportSchedules writes digest schedules as they are, history included.
func (s *Store) ImportSchedules(ctx context.Context, schedules []sources.Schedule) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, sc := range schedules {
			_, err := tx.Exec(ctx, `INSERT INTO digest_schedules (channel_id, guild_id, spec, timezone, filter, thread, forum, post_empty,
					created_by, created, updated, paused, pause_reason, failures, last_slot, covered)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
				ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, spec = excluded.spec, timezone = excluded.timezone,
					filter = excluded.filter, thread = excluded.thread, forum = excluded.forum, post_empty = excluded.post_empty,
					created_by = excluded.created_by, created = excluded.created, updated = excluded.updated, paused = excluded.paused,
					pause_reason = excluded.pause_reason, failures = excluded.failures, last_slot = excluded.last_slot,
					covered = excluded.covered`,
				sc.ChannelID, sc.GuildID, sc.Spec, sc.TimeZone, sc.Filter, sc.Thread, sc.Forum, sc.PostEmpty, sc.CreatedBy,
				unix(sc.Created), unix(sc.Updated), sc.Paused, sc.PauseReason, sc.Failures, unix(sc.LastSlot), unix(sc.Covered))
			if err != nil {
				return fmt.Errorf("schedule of channel %s: %w", sc.ChannelID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: import schedules: %w", err)
	}
	return nil
}

// ImportDeliveries writes delivery records as they are: a digest posted
// before the copy is known to be posted after it.
func (s *Store) ImportDeliveries(ctx context.Context, records []sources.DeliveryRecord) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, d := range records {
			_, err := tx.Exec(ctx, `INSERT INTO digest_deliveries (channel_id, slot, state, key, message_id, attempts, last_error,
					since, until, stories, claimed_by, claim_until, created, updated)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
				ON CONFLICT (channel_id, slot) DO UPDATE SET state = excluded.state, key = excluded.key,
					message_id = excluded.message_id, attempts = excluded.attempts, last_error = excluded.last_error,
					since = excluded.since, until = excluded.until, stories = excluded.stories, claimed_by = excluded.claimed_by,
					claim_until = excluded.claim_until, created = excluded.created, updated = excluded.updated`,
				d.ChannelID, unix(d.Slot), d.State, d.Key, d.MessageID, d.Attempts, d.LastError, unix(d.Since), unix(d.Until),
				d.Stories, d.ClaimedBy, unix(d.ClaimUntil), unix(d.Created), unix(d.Updated))
			if err != nil {
				return fmt.Errorf("delivery %s@%d: %w", d.ChannelID, unix(d.Slot), err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: import deliveries: %w", err)
	}
	return nil
}

// ImportArticles writes stored articles with their ids, story ids, hashes
// and sketches, and indexes them, in one transaction that also records
// the last id copied under the setting progressKey (so that a copy cut
// short resumes after it). An article whose id, URL or content is here
// already is skipped; copied says how many were written.
func (s *Store) ImportArticles(ctx context.Context, batch []sources.Prepared, progressKey string) (copied int, err error) {
	if len(batch) == 0 {
		return 0, nil
	}
	docs := indexDocuments(batch)
	var r articleRows
	for i := range batch {
		p := sources.PlannedArticle{Prepared: &batch[i], Index: i, ID: batch[i].ID, StoryID: batch[i].StoryID}
		r.add(p, docs[i])
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		// The articles come unread (readings are not copied): they are
		// read here at the next start of the bot or `attache reindex`.
		if err := breakSeal(ctx, tx, []int64{0}); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `INSERT INTO articles
			(id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample, tsv, ntokens)
			SELECT id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample, tsv, ntokens
			FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[],
				$10::text[], $11::text[], $12::bigint[], $13::bytea[], $14::bigint[], $15::boolean[], $16::tsvector[], $17::integer[])
				AS t (id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample, tsv, ntokens)
			ON CONFLICT DO NOTHING RETURNING id`,
			r.id, r.url, r.hash, r.title, r.source, r.byline, r.lang, r.published, r.fetched,
			r.text, r.countries, r.story, r.sketch, r.feed, r.sample, r.tsv, r.ntokens)
		if err != nil {
			return err
		}
		inserted := map[int64]bool{}
		var id int64
		if _, err := pgx.ForEachRow(rows, []any{&id}, func() error { inserted[id] = true; return nil }); err != nil {
			return err
		}
		copied = len(inserted)
		// Index only what was written: a skipped article's id may not be
		// here at all.
		var idx articleRows
		for i, c := range r.countryCode {
			if inserted[r.countryArticle[i]] {
				idx.countryCode = append(idx.countryCode, c)
				idx.countryArticle = append(idx.countryArticle, r.countryArticle[i])
			}
		}
		for i, b := range r.bucket {
			if inserted[r.bucketArticle[i]] {
				idx.bucket = append(idx.bucket, b)
				idx.bucketArticle = append(idx.bucketArticle, r.bucketArticle[i])
			}
		}
		if err := insertIndexes(ctx, tx, &idx); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			progressKey, strconv.FormatInt(batch[len(batch)-1].ID, 10))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: import articles: %w", err)
	}
	return copied, nil
}

// unix is t in unix seconds, 0 for the zero time.
func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
