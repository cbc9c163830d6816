package sources

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// BriefMemory is what one person's (or one channel's) last brief on one
// request held: enough to say, next time, which stories are new and how
// the pair's tone has moved. It is never shown to anyone but its owner.
type BriefMemory struct {
	// Owner is whose memory it is: "discord:user:ID", "discord:channel:ID"
	// or "local:NAME" for a terminal user.
	Owner string
	// Request names what was asked, the same way every time ("IT,JP").
	Request string
	// At is when the brief was given.
	At time.Time
	// Stories are the story ids the owner has been shown, sorted.
	Stories []int64
	// Tone is which way the pair leaned then ("verbal_cooperation"), or
	// empty.
	Tone string
}

// MemoryStore keeps BriefMemory: part of the store's contract, served by
// every engine.
type MemoryStore interface {
	// LastBrief returns the owner's memory of the request; ok is false
	// when there is none.
	LastBrief(ctx context.Context, owner, request string) (m BriefMemory, ok bool, err error)
	// RememberBrief writes the owner's memory of the request, replacing
	// the one before.
	RememberBrief(ctx context.Context, m BriefMemory) error
	// ForgetBriefs removes every memory of the owner and says how many
	// there were.
	ForgetBriefs(ctx context.Context, owner string) (int, error)
	// ForgetBriefsBefore removes the memories written before t (they have
	// expired) and says how many there were.
	ForgetBriefsBefore(ctx context.Context, t time.Time) (int, error)
}

var _ MemoryStore = (*SQLiteStore)(nil)

// maxRemembered bounds the stories kept per memory: the newest ids win.
const maxRemembered = 1000

// JoinStoryIDs writes story ids as the stores keep them: sorted, unique,
// comma-separated, at most maxRemembered of the highest (newest).
func JoinStoryIDs(ids []int64) string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) > maxRemembered {
		ids = ids[len(ids)-maxRemembered:]
	}
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	return b.String()
}

// SplitStoryIDs reads what JoinStoryIDs wrote.
func SplitStoryIDs(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]int64, 0, len(parts))
	for _, p := range parts {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("story id %q: %w", p, err)
		}
		out = append(out, id)
	}
	return out, nil
}

// LastBrief returns the owner's memory of the request.
func (s *SQLiteStore) LastBrief(ctx context.Context, owner, request string) (BriefMemory, bool, error) {
	m := BriefMemory{Owner: owner, Request: request}
	var at int64
	var stories string
	err := s.db.QueryRowContext(ctx, `SELECT at, stories, tone FROM brief_memory WHERE owner = ? AND request = ?`, owner, request).
		Scan(&at, &stories, &m.Tone)
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("sources: read brief memory: %w", err)
	}
	m.At = time.Unix(at, 0).UTC()
	if m.Stories, err = SplitStoryIDs(stories); err != nil {
		return m, false, fmt.Errorf("sources: read brief memory: %w", err)
	}
	return m, true, nil
}

// RememberBrief writes the owner's memory of the request.
func (s *SQLiteStore) RememberBrief(ctx context.Context, m BriefMemory) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	if m.Owner == "" || m.Request == "" {
		return errors.New("sources: remember brief: owner and request are required")
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO brief_memory (owner, request, at, stories, tone) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (owner, request) DO UPDATE SET at = excluded.at, stories = excluded.stories, tone = excluded.tone`,
		m.Owner, m.Request, m.At.Unix(), JoinStoryIDs(m.Stories), m.Tone)
	if err != nil {
		return fmt.Errorf("sources: remember brief: %w", err)
	}
	return nil
}

// ForgetBriefs removes every memory of the owner.
func (s *SQLiteStore) ForgetBriefs(ctx context.Context, owner string) (int, error) {
	if s.readOnly {
		return 0, s.readOnlyError()
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM brief_memory WHERE owner = ?`, owner)
	if err != nil {
		return 0, fmt.Errorf("sources: forget briefs: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// ForgetBriefsBefore removes the memories written before t.
func (s *SQLiteStore) ForgetBriefsBefore(ctx context.Context, t time.Time) (int, error) {
	if s.readOnly {
		return 0, s.readOnlyError()
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM brief_memory WHERE at < ?`, t.Unix())
	if err != nil {
		return 0, fmt.Errorf("sources: forget old briefs: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
