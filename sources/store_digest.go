package sources

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Schedule is one channel's digest schedule.
type Schedule struct {
	ChannelID   string    `json:"channel_id"`
	GuildID     string    `json:"guild_id"`
	Spec        string    `json:"spec"`     // cron expression, 5 fields
	TimeZone    string    `json:"timezone"` // IANA name
	Filter      string    `json:"filter,omitempty"`
	Thread      bool      `json:"thread,omitempty"`
	Forum       bool      `json:"forum,omitempty"`
	PostEmpty   bool      `json:"post_empty,omitempty"`
	CreatedBy   string    `json:"created_by"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
	Paused      bool      `json:"paused,omitempty"`
	PauseReason string    `json:"pause_reason,omitempty"`
	Failures    int       `json:"failures"`
	LastSlot    time.Time `json:"last_slot"` // the latest scheduled time dealt with
	Covered     time.Time `json:"covered"`   // the next digest covers articles stored after this
}

// Delivery states.
const (
	DeliveryPending = "pending" // recorded before sending; the post may or may not exist
	DeliverySent    = "sent"
	DeliveryEmpty   = "empty" // nothing new: nothing posted (or one line)
	DeliveryFailed  = "failed"
)

// Delivery is the record of one (channel, scheduled time) digest.
type Delivery struct {
	ChannelID string    `json:"channel_id"`
	Slot      time.Time `json:"slot"`
	State     string    `json:"state"`
	Key       string    `json:"key"`
	MessageID string    `json:"message_id,omitempty"`
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error,omitempty"`
	Since     time.Time `json:"since"`
	Until     time.Time `json:"until"`
	Stories   int       `json:"stories"`
	// ClaimedBy is the process posting a pending delivery, until
	// ClaimUntil (Store.ClaimDelivery); empty when none holds it.
	ClaimedBy  string    `json:"claimed_by,omitempty"`
	ClaimUntil time.Time `json:"claim_until,omitzero"`
}

// DeliveryKey is the idempotency key of a (channel, slot): the same inputs
// always give the same key, so a post can be recognised after a crash.
func DeliveryKey(channelID string, slot time.Time) string {
	sum := sha256.Sum256([]byte(channelID + "/" + strconv.FormatInt(slot.Unix(), 10)))
	return hex.EncodeToString(sum[:6])
}

const scheduleColumns = `channel_id, guild_id, spec, timezone, filter, thread, forum, post_empty, created_by, created, updated,
	paused, pause_reason, failures, last_slot, covered`

func scanSchedule(sc rowScanner) (Schedule, error) {
	var (
		s                                   Schedule
		thread, forum, postEmpty, paused    int
		created, updated, lastSlot, covered int64
	)
	err := sc.Scan(&s.ChannelID, &s.GuildID, &s.Spec, &s.TimeZone, &s.Filter, &thread, &forum, &postEmpty, &s.CreatedBy,
		&created, &updated, &paused, &s.PauseReason, &s.Failures, &lastSlot, &covered)
	s.Thread, s.Forum, s.PostEmpty, s.Paused = thread == 1, forum == 1, postEmpty == 1, paused == 1
	s.Created, s.Updated, s.LastSlot, s.Covered = timeOrZero(created), timeOrZero(updated), timeOrZero(lastSlot), timeOrZero(covered)
	return s, err
}

// PutSchedule creates or replaces a channel's schedule. Replacing keeps the
// delivery history (LastSlot, Covered) so that a changed schedule neither
// repeats nor floods; it clears a pause and the failure count. A new
// schedule covers what is stored from now on.
func (s *SQLiteStore) PutSchedule(ctx context.Context, sc Schedule) (Schedule, error) {
	if s.readOnly {
		return Schedule{}, s.readOnlyError()
	}
	now := s.now().UTC().Unix()
	_, err := s.db.ExecContext(ctx, `INSERT INTO digest_schedules
		(channel_id, guild_id, spec, timezone, filter, thread, forum, post_empty, created_by, created, updated, last_slot, covered)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id, spec = excluded.spec, timezone = excluded.timezone,
			filter = excluded.filter, thread = excluded.thread, forum = excluded.forum, post_empty = excluded.post_empty,
			created_by = excluded.created_by, updated = excluded.updated, paused = 0, pause_reason = '', failures = 0`,
		sc.ChannelID, sc.GuildID, sc.Spec, sc.TimeZone, sc.Filter, boolInt(sc.Thread), boolInt(sc.Forum), boolInt(sc.PostEmpty),
		sc.CreatedBy, now, now, now, now)
	if err != nil {
		return Schedule{}, fmt.Errorf("sources: save schedule for channel %s: %w", sc.ChannelID, err)
	}
	return s.Schedule(ctx, sc.ChannelID)
}

// Schedule returns one channel's schedule.
func (s *SQLiteStore) Schedule(ctx context.Context, channelID string) (Schedule, error) {
	sc, err := scanSchedule(s.db.QueryRowContext(ctx, `SELECT `+scheduleColumns+` FROM digest_schedules WHERE channel_id = ?`, channelID))
	if errors.Is(err, sql.ErrNoRows) {
		return sc, fmt.Errorf("sources: schedule for channel %s: %w", channelID, ErrNotFound)
	}
	if err != nil {
		return sc, fmt.Errorf("sources: schedule for channel %s: %w", channelID, err)
	}
	return sc, nil
}

// Schedules lists every schedule.
func (s *SQLiteStore) Schedules(ctx context.Context) ([]Schedule, error) {
	return queryAll(ctx, s.db, "list schedules", scanSchedule, `SELECT `+scheduleColumns+` FROM digest_schedules ORDER BY channel_id`)
}

// DeleteSchedule turns a channel's digest off. Its delivery records stay.
func (s *SQLiteStore) DeleteSchedule(ctx context.Context, channelID string) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM digest_schedules WHERE channel_id = ?`, channelID)
	if err != nil {
		return fmt.Errorf("sources: delete schedule for channel %s: %w", channelID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("sources: delete schedule for channel %s: %w", channelID, ErrNotFound)
	}
	return nil
}

const deliveryColumns = `channel_id, slot, state, key, message_id, attempts, last_error, since, until, stories, claimed_by, claim_until`

func scanDelivery(sc rowScanner) (Delivery, error) {
	var d Delivery
	var slot, since, until, claimUntil int64
	err := sc.Scan(&d.ChannelID, &slot, &d.State, &d.Key, &d.MessageID, &d.Attempts, &d.LastError, &since, &until, &d.Stories,
		&d.ClaimedBy, &claimUntil)
	d.Slot, d.Since, d.Until, d.ClaimUntil = timeOrZero(slot), timeOrZero(since), timeOrZero(until), timeOrZero(claimUntil)
	return d, err
}

// BeginDelivery records, before anything is sent, that the digest of
// (channel, slot) is being posted, covering what was stored in
// (since, until]. If a record already exists it is returned unchanged with
// existed set: the caller must then finish or recover that delivery
// rather than start another.
func (s *SQLiteStore) BeginDelivery(ctx context.Context, channelID string, slot, since, until time.Time) (d Delivery, existed bool, err error) {
	if s.readOnly {
		return Delivery{}, false, s.readOnlyError()
	}
	now := s.now().UTC().Unix()
	res, err := s.db.ExecContext(ctx, `INSERT INTO digest_deliveries (channel_id, slot, state, key, since, until, created, updated)
		VALUES (?, ?, 'pending', ?, ?, ?, ?, ?) ON CONFLICT (channel_id, slot) DO NOTHING`,
		channelID, slot.Unix(), DeliveryKey(channelID, slot), since.Unix(), until.Unix(), now, now)
	if err != nil {
		return d, false, fmt.Errorf("sources: begin delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	n, _ := res.RowsAffected()
	d, err = s.Delivery(ctx, channelID, slot)
	return d, n == 0, err
}

// Delivery returns the record of (channel, slot).
func (s *SQLiteStore) Delivery(ctx context.Context, channelID string, slot time.Time) (Delivery, error) {
	d, err := scanDelivery(s.db.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM digest_deliveries WHERE channel_id = ? AND slot = ?`, channelID, slot.Unix()))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("sources: delivery %s@%d: %w", channelID, slot.Unix(), ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("sources: delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return d, nil
}

// ClaimDelivery makes holder the one process posting the pending delivery
// of (channel, slot), until now+lease, unless another holder's claim on it
// runs past now; it reports whether holder has it. One UPDATE decides, so
// of processes sharing the store one wins. A delivery no longer pending
// (sent, empty or failed) is never claimed.
func (s *SQLiteStore) ClaimDelivery(ctx context.Context, channelID string, slot time.Time, holder string, now time.Time, lease time.Duration) (bool, error) {
	if holder == "" || lease <= 0 {
		return false, fmt.Errorf("sources: claim delivery: want a holder and a lease (got %q, %s)", holder, lease)
	}
	if s.readOnly {
		return false, s.readOnlyError()
	}
	res, err := s.db.ExecContext(ctx, `UPDATE digest_deliveries SET claimed_by = ?, claim_until = ?
		WHERE channel_id = ? AND slot = ? AND state = 'pending' AND (claimed_by IN ('', ?) OR claim_until <= ?)`,
		holder, now.Add(lease).Unix(), channelID, slot.Unix(), holder, now.Unix())
	if err != nil {
		return false, fmt.Errorf("sources: claim delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// ReleaseDelivery ends holder's claim on a pending delivery (when it stops
// without finishing it), so that the next process need not wait for the
// claim to run out.
func (s *SQLiteStore) ReleaseDelivery(ctx context.Context, channelID string, slot time.Time, holder string) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE digest_deliveries SET claimed_by = '', claim_until = 0
		WHERE channel_id = ? AND slot = ? AND state = 'pending' AND claimed_by = ?`, channelID, slot.Unix(), holder); err != nil {
		return fmt.Errorf("sources: release delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return nil
}

// PendingDeliveries lists the deliveries begun but neither finished nor
// failed: after a crash, each may or may not have been posted.
func (s *SQLiteStore) PendingDeliveries(ctx context.Context) ([]Delivery, error) {
	return queryAll(ctx, s.db, "pending deliveries", scanDelivery, `SELECT `+deliveryColumns+` FROM digest_deliveries WHERE state = 'pending' ORDER BY slot, channel_id`)
}

// FinishDelivery marks a delivery sent (or empty) and, in the same
// transaction, moves the schedule on: its last slot, what the next digest
// covers, and a cleared failure count.
func (s *SQLiteStore) FinishDelivery(ctx context.Context, channelID string, slot time.Time, state, messageID string, stories int) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if state != DeliverySent && state != DeliveryEmpty {
		return fmt.Errorf("sources: finish delivery: state %q", state)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sources: finish delivery: %w", err)
	}
	defer tx.Rollback()
	now := s.now().UTC().Unix()
	var until int64
	if err := tx.QueryRowContext(ctx, `UPDATE digest_deliveries SET state = ?, message_id = ?, stories = ?, attempts = attempts + 1, updated = ?
		WHERE channel_id = ? AND slot = ? RETURNING until`, state, messageID, stories, now, channelID, slot.Unix()).Scan(&until); err != nil {
		return fmt.Errorf("sources: finish delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE digest_schedules SET failures = 0,
		last_slot = max(last_slot, ?), covered = max(covered, ?) WHERE channel_id = ?`, slot.Unix(), until, channelID); err != nil {
		return fmt.Errorf("sources: finish delivery %s@%d: %w", channelID, slot.Unix(), err)
	}
	return tx.Commit()
}

// FailDelivery records a failed attempt. With final set, the delivery is
// given up (state failed) and the schedule's slot moves on; pauseReason,
// when not empty, pauses the schedule. It returns the schedule's count of
// consecutive failures.
func (s *SQLiteStore) FailDelivery(ctx context.Context, channelID string, slot time.Time, cause error, final bool, pauseReason string) (int, error) {
	if s.readOnly {
		return 0, s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sources: fail delivery: %w", err)
	}
	defer tx.Rollback()
	now := s.now().UTC().Unix()
	state := DeliveryPending
	if final {
		state = DeliveryFailed
	}
	if _, err := tx.ExecContext(ctx, `UPDATE digest_deliveries SET state = ?, attempts = attempts + 1, last_error = ?, updated = ?
		WHERE channel_id = ? AND slot = ?`, state, cause.Error(), now, channelID, slot.Unix()); err != nil {
		return 0, fmt.Errorf("sources: fail delivery: %w", err)
	}
	var failures int
	err = tx.QueryRowContext(ctx, `UPDATE digest_schedules SET failures = failures + 1,
		last_slot = CASE WHEN ? THEN max(last_slot, ?) ELSE last_slot END,
		paused = CASE WHEN ? <> '' THEN 1 ELSE paused END,
		pause_reason = CASE WHEN ? <> '' THEN ? ELSE pause_reason END
		WHERE channel_id = ? RETURNING failures`, final, slot.Unix(), pauseReason, pauseReason, pauseReason, channelID).Scan(&failures)
	if errors.Is(err, sql.ErrNoRows) {
		failures = 0 // the schedule was removed meanwhile
	} else if err != nil {
		return 0, fmt.Errorf("sources: fail delivery: %w", err)
	}
	return failures, tx.Commit()
}

// SkipSlot records that a schedule's slot passed without a post (missed
// during downtime beyond the grace period): the schedule moves on, and the
// next digest still covers everything since the last one.
func (s *SQLiteStore) SkipSlot(ctx context.Context, channelID string, slot time.Time) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	_, err := s.db.ExecContext(ctx, `UPDATE digest_schedules SET last_slot = max(last_slot, ?) WHERE channel_id = ?`, slot.Unix(), channelID)
	if err != nil {
		return fmt.Errorf("sources: skip slot: %w", err)
	}
	return nil
}
