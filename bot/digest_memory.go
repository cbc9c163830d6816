package bot

import (
	"context"
	"strings"

	"attache/briefing"
	"attache/sources"
)

// Digest memory: a channel whose digest has a filter is remembered, for
// the configured time (briefing.remember), as a person is for briefs:
// which stories its last digest on that filter held, when, and which way
// the pair leaned. The next digest on the same filter marks what is new
// and opens with what changed ("3 new stories since 20 Nov; tone turned
// from verbal cooperation to verbal conflict"). The memory is the
// channel's: no other channel's digest, and no person's brief, reads it.
//
// The delivery record stays the one authority for "posted exactly once":
// the memory is read when the digest is composed and written only once
// its delivery is recorded as sent. A crash between the two leaves the
// memory a digest behind, so that the next digest compares with the one
// before (it says more is new, never less).

// channelOwner is whose memory a channel's digests are.
func channelOwner(channelID string) string { return "discord:channel:" + channelID }

// sinceLastDigest marks in dig what is new since the channel's last
// digest on the same filter and says what changed, and returns what to
// remember of dig once it is posted (nil when the digest has no filter,
// no story, or memory is off). A failure of the memory does not stop the
// digest: it is logged, and the digest goes out unmarked.
func (s *scheduler) sinceLastDigest(ctx context.Context, sc sources.Schedule, filter briefing.Request, d sources.Delivery, dig *briefing.Digest) *sources.BriefMemory {
	if s.mem == nil || s.keep <= 0 || strings.TrimSpace(sc.Filter) == "" {
		return nil
	}
	owner, key := channelOwner(sc.ChannelID), briefing.RequestKey(filter)
	var last briefing.LastBrief
	if _, err := s.mem.ForgetBriefsBefore(ctx, s.now().Add(-s.keep)); err != nil {
		s.log.Error("digest memory failed", "channel_id", sc.ChannelID, "err", err)
		return nil
	}
	m, ok, err := s.mem.LastBrief(ctx, owner, key)
	if err != nil {
		s.log.Error("digest memory failed", "channel_id", sc.ChannelID, "err", err)
		return nil
	}
	if ok {
		last = briefing.LastBrief{At: m.At, Stories: m.Stories, Tone: m.Tone}
		briefing.DigestSinceLast(dig, last, s.now())
	}
	if len(dig.Stories) == 0 {
		return nil // nothing shown: the last digest with stories stays the one to compare with
	}
	r := briefing.RememberDigest(dig, last, d.Slot)
	return &sources.BriefMemory{Owner: owner, Request: key, At: r.At, Stories: r.Stories, Tone: r.Tone}
}

// rememberDigest keeps what a posted digest held for the next one.
func (s *scheduler) rememberDigest(ctx context.Context, sc sources.Schedule, m sources.BriefMemory) {
	if err := s.mem.RememberBrief(ctx, m); err != nil {
		s.log.Error("digest memory not kept", "channel_id", sc.ChannelID, "err", err)
	}
}
