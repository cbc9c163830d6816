package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

const scheduleColumns = `channel_id, guild_id, spec, timezone, filter, thread, forum, post_empty, created_by, created, updated,
	paused, pause_reason, failures, last_slot, covered`

func scanSchedule(row pgx.Row) (sources.Schedule, error) {
	var (
		s                                   sources.Schedule
		created, updated, lastSlot, covered int64
	)
	err := row.Scan(&s.ChannelID, &s.GuildID, &s.Spec, &s.TimeZone, &s.Filter, &s.Thread, &s.Forum, &s.PostEmpty, &s.CreatedBy,
		&created, &updated, &s.Paused, &s.PauseReason, &s.Failures, &lastSlot, &covered)
	s.Created, s.Updated, s.LastSlot, s.Covered = timeOrZero(created), timeOrZero(updated), timeOrZero(lastSlot), timeOrZero(covered)
	return s, err
}

// PutSchedule creates or replaces a channel's schedule. Replacing keeps the
// delivery history (LastSlot, Covered) so that a changed schedule neither
// repeats nor floods; it clears a pause and the failure count. A new
// schedule covers what is stored from now on.
func (s *Store) PutSchedule(ctx context.Context, sc sources.Schedule) (sources.Schedule, error) {
	now := s.now().UTC().Unix()
	_, err := s.pool.Exec(ctx, `INSERT INTO digest_schedules
		(channel_id, guild_id, spec, timezone, filter, thread, forum, post_empty, created_by, created, updated, last_slot, covered)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10, $10)
		ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, spec = excluded.spec, timezone = excluded.timezone,
			filter = excluded.filter, thread = excluded.thread, forum = excluded.forum, post_empty = excluded.post_empty,
			created_by = excluded.created_by, updated = excluded.updated, paused = false, pause_reason = '', failures = 0`,
		sc.ChannelID, sc.GuildID, sc.Spec, sc.TimeZone, sc.Filter, sc.Thread, sc.Forum, sc.PostEmpty, sc.CreatedBy, now)
	if err != nil {
		return sources.Schedule{}, fmt.Errorf("postgres: save schedule for channel %s: %w", sc.ChannelID, err)
	}
	return s.Schedule(ctx, sc.ChannelID)
}

// Schedule returns one channel's schedule.
func (s *Store) Schedule(ctx context.Context, channelID string) (sources.Schedule, error) {
	sc, err := scanSchedule(s.pool.QueryRow(ctx, `SELECT `+scheduleColumns+` FROM digest_schedules WHERE channel_id = $1`, channelID))
	if errors.Is(err, pgx.ErrNoRows) {
		return sc, fmt.Errorf("postgres: schedule for channel %s: %w", channelID, sources.ErrNotFound)
	}
	if err != nil {
		return sc, fmt.Errorf("postgres: schedule for channel %s: %w", channelID, err)
	}
	return sc, nil
}

// Schedules lists every schedule, by channel id in byte order.
func (s *Store) Schedules(ctx context.Context) ([]sources.Schedule, error) {
	return queryAll(ctx, s.pool, "list schedules", scanSchedule, `SELECT `+scheduleColumns+` FROM digest_schedules ORDER BY channel_id COLLATE "C"`)
}

// DeleteSchedule turns a channel's digest off. Its delivery records stay.
func (s *Store) DeleteSchedule(ctx context.Context, channelID string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM digest_schedules WHERE channel_id = $1`, channelID)
	if err != nil {
		return fmt.Errorf("postgres: delete schedule for channel %s: %w", channelID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: delete schedule for channel %s: %w", channelID, sources.ErrNotFound)
	}
	return nil
}

const deliveryColumns = `channel_id, slot, state, key, message_id, attempts, last_error, since, until, stories, claimed_by, claim_until`

func scanDelivery(row pgx.Row) (sources.Delivery, error) {
	var d sources.Delivery
	var slot, since, until, claimUntil int64
	err := row.Scan(&d.ChannelID, &slot, &d.State, &d.Key, &d.MessageID, &d.Attempts, &d.LastError, &since, &until, &d.Stories,
		&d.ClaimedBy, &claimUntil)
	d.Slot, d.Since, d.Until, d.ClaimUntil = timeOrZero(slot), timeOrZero(since), timeOrZero(until), timeOrZero(claimUntil)
	return d, err
}

// BeginDelivery records, before anything is sent, that the digest of
// (channel, slot) is being posted, covering what was stored in
// (since, until]. If a record already exists it is returned unchanged with
// existed set: the caller must then finish or recover that delivery
// rather than start another. Of processes beginning the same delivery at
// once, exactly one sees existed false.
func (s *Store) BeginDelivery(ctx context.Context, channelID string, slot, since, until time.Time) (d sources.Delivery, existed bool, err error) {
	now := s.now().UTC().Unix()
	tag, err := s.pool.Exec(ctx, `INSERT INTO digest_deliveries (channel_id, slot, state, key, since, until, created, updated)
		VALUES ($1, $2, 'pending', $3, $4, $5, $6, $6) ON CONFLICT (channel_id, slot) DO NOTHING`,
		channelID, slot.Unix(), sources.DeliveryKey(channelID, slot), since.Unix(), until.Unix(), now)
	if err != nil {
		return d, false, fmt.Errorf("postgres: begin delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	d, err = s.Delivery(ctx, channelID, slot)
	return d, tag.RowsAffected() == 0, err
}

// Delivery returns the record of (channel, slot).
func (s *Store) Delivery(ctx context.Context, channelID string, slot time.Time) (sources.Delivery, error) {
	d, err := scanDelivery(s.pool.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM digest_deliveries WHERE channel_id = $1 AND slot = $2`, channelID, slot.Unix()))
	if errors.Is(err, pgx.ErrNoRows) {
		return d, fmt.Errorf("postgres: delivery %s@%d: %w", channelID, slot.Unix(), sources.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("postgres: delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return d, nil
}

// ClaimDelivery makes holder the one process posting the pending delivery
// of (channel, slot), until now+lease, unless another holder's claim on it
// runs past now; it reports whether holder has it. One UPDATE decides: of
// processes claiming at once, the row lock makes one win and the others
// see its claim. A delivery no longer pending is never claimed.
func (s *Store) ClaimDelivery(ctx context.Context, channelID string, slot time.Time, holder string, now time.Time, lease time.Duration) (bool, error) {
	if holder == "" || lease <= 0 {
		return false, fmt.Errorf("postgres: claim delivery: want a holder and a lease (got %q, %s)", holder, lease)
	}
	tag, err := s.pool.Exec(ctx, `UPDATE digest_deliveries SET claimed_by = $1, claim_until = $2
		WHERE channel_id = $3 AND slot = $4 AND state = 'pending' AND (claimed_by IN ('', $1) OR claim_until <= $5)`,
		holder, now.Add(lease).Unix(), channelID, slot.Unix(), now.Unix())
	if err != nil {
		return false, fmt.Errorf("postgres: claim delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return tag.RowsAffected() == 1, nil
}

// ReleaseDelivery ends holder's claim on a pending delivery (when it stops
// without finishing it), so that the next process need not wait for the
// claim to run out.
func (s *Store) ReleaseDelivery(ctx context.Context, channelID string, slot time.Time, holder string) error {
	if _, err := s.pool.Exec(ctx, `UPDATE digest_deliveries SET claimed_by = '', claim_until = 0
		WHERE channel_id = $1 AND slot = $2 AND state = 'pending' AND claimed_by = $3`, channelID, slot.Unix(), holder); err != nil {
		return fmt.Errorf("postgres: release delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return nil
}

// PendingDeliveries lists the deliveries begun but neither finished nor
// failed: after a crash, each may or may not have been posted.
func (s *Store) PendingDeliveries(ctx context.Context) ([]sources.Delivery, error) {
	return queryAll(ctx, s.pool, "pending deliveries", scanDelivery, `SELECT `+deliveryColumns+` FROM digest_deliveries
		WHERE state = 'pending' ORDER BY slot, channel_id COLLATE "C"`)
}

// FinishDelivery marks a delivery sent (or empty) and, in the same
// transaction, moves the schedule on: its last slot, what the next digest
// covers, and a cleared failure count.
func (s *Store) FinishDelivery(ctx context.Context, channelID string, slot time.Time, state, messageID string, stories int) error {
	if state != sources.DeliverySent && state != sources.DeliveryEmpty {
		return fmt.Errorf("postgres: finish delivery: state %q", state)
	}
	now := s.now().UTC().Unix()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var until int64
		if err := tx.QueryRow(ctx, `UPDATE digest_deliveries SET state = $1, message_id = $2, stories = $3, attempts = attempts + 1, updated = $4
			WHERE channel_id = $5 AND slot = $6 RETURNING until`, state, messageID, stories, now, channelID, slot.Unix()).Scan(&until); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE digest_schedules SET failures = 0,
			last_slot = greatest(last_slot, $1), covered = greatest(covered, $2) WHERE channel_id = $3`, slot.Unix(), until, channelID)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		err = sources.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("postgres: finish delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return nil
}

// FailDelivery records a failed attempt. With final set, the delivery is
// given up (state failed) and the schedule's slot moves on; pauseReason,
// when not empty, pauses the schedule. It returns the schedule's count of
// consecutive failures.
func (s *Store) FailDelivery(ctx context.Context, channelID string, slot time.Time, cause error, final bool, pauseReason string) (int, error) {
	now := s.now().UTC().Unix()
	state := sources.DeliveryPending
	if final {
		state = sources.DeliveryFailed
	}
	failures := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE digest_deliveries SET state = $1, attempts = attempts + 1, last_error = $2, updated = $3
			WHERE channel_id = $4 AND slot = $5`, state, cause.Error(), now, channelID, slot.Unix()); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `UPDATE digest_schedules SET failures = failures + 1,
			last_slot = CASE WHEN $1 THEN greatest(last_slot, $2) ELSE last_slot END,
			paused = CASE WHEN $3 <> '' THEN true ELSE paused END,
			pause_reason = CASE WHEN $3 <> '' THEN $3 ELSE pause_reason END
			WHERE channel_id = $4 RETURNING failures`, final, slot.Unix(), pauseReason, channelID).Scan(&failures)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // the schedule was removed meanwhile
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: fail delivery: %w", err)
	}
	return failures, nil
}

// SkipSlot records that a schedule's slot passed without a post (missed
// during downtime beyond the grace period): the schedule moves on, and the
// next digest still covers everything since the last one.
func (s *Store) SkipSlot(ctx context.Context, channelID string, slot time.Time) error {
	_, err := s.pool.Exec(ctx, `UPDATE digest_schedules SET last_slot = greatest(last_slot, $1) WHERE channel_id = $2`, slot.Unix(), channelID)
	if err != nil {
		return fmt.Errorf("postgres: skip slot: %w", err)
	}
	return nil
}
