package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"attache/briefing"
	"attache/sources"

	"github.com/bwmarrin/discordgo"
)

// Delivery: each (channel, scheduled time) is posted at least once and at
// most once.
//
// The rule. A delivery record is written (BeginDelivery, state pending)
// before anything is sent; every message of the digest carries the
// record's key in its footer ("Digest 3f9a1c0b2e4d"); the record is
// finished (FinishDelivery, with the first message's id) after the last
// message is sent. A crash between sending and recording leaves the
// record pending. So before a pending delivery is sent again, at start-up
// or on a retry, the channel's 50 most recent messages (for a forum, those
// of the bot's recent posts in it) are read: the pages of the digest that
// the bot already posted with that key are not sent again, the missing
// ones are, and the delivery is finished. A digest is therefore never
// lost (the record stays pending until it is finished or given up) and
// never doubled (a sent page is found by its key).
//
// A slot whose record is already finished (sent, empty or failed) is never
// posted again: a restart, a second cron firing or /digest now for the
// same second all find the record.
//
// Across processes sharing a store, the record is also claimed
// (ClaimDelivery) before anything is sent or looked for, by one process at
// a time: the claim lasts digest.lease and is renewed every third of that
// while the process works, and is released when it stops. A process that
// finds the slot claimed leaves it alone; one that dies mid-post leaves a
// pending record whose claim runs out, and the next refresh of the shard's
// owner (the restarted process, or a new owner after a re-shard) takes it
// over by the rule above.

// digestKeyPattern finds a delivery key in a message: "Digest <key>", after
// "Page 2 of 3 · " on pages after the first.
var digestKeyPattern = regexp.MustCompile(`(?:Page (\d+) of \d+ · )?Digest ([0-9a-f]{12})\b`)

// deliveryResult is what became of a delivery.
type deliveryResult struct {
	state     string // sources.DeliverySent or DeliveryEmpty
	messageID string // the first message, if anything was posted
	stories   int
	since     time.Time
	already   bool // the slot had been dealt with before
	// remember is what the channel's memory keeps of the digest once it
	// is recorded as sent; nil when nothing is kept.
	remember *sources.BriefMemory
}

// postFailure is a failed post in words an admin understands.
type postFailure struct {
	reason    string
	permanent bool // retrying cannot help: pause at once
}

// classifyPostError explains why a digest could not be posted.
func classifyPostError(err error) postFailure {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		switch re.Message.Code {
		case discordgo.ErrCodeMissingPermissions:
			return postFailure{reason: "I am missing a permission in that channel: I need Send Messages and Embed Links there (and Create Public Threads for digests in threads, or Send Messages in Threads in a forum)"}
		case discordgo.ErrCodeMissingAccess:
			return postFailure{reason: "I can't see that channel: I need the View Channel and Read Message History permissions there"}
		case discordgo.ErrCodeUnknownChannel:
			return postFailure{reason: "the channel no longer exists", permanent: true}
		case discordgo.ErrCodeCannotSendMessagesInVoiceChannel, discordgo.ErrCodeCannotExecuteActionOnThisChannelType:
			return postFailure{reason: "that channel does not take messages or posts", permanent: true}
		}
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) {
		return postFailure{reason: "Discord kept rate-limiting me"}
	}
	var ue *briefing.UserError
	if errors.As(err, &ue) {
		return postFailure{reason: "the digest's filter no longer works (" + ue.Error() + ")", permanent: true}
	}
	return postFailure{reason: "posting failed (" + truncate(fold(err.Error()), 200) + ")"}
}

// deliver posts the digest of (sc's channel, slot) as the rule above says;
// the channel's lock is held. With retries, a failed post is tried again
// after each of digest.retry_delays; each failure counts towards the
// schedule's consecutive failures, and at digest.max_failures (or at
// once, when retrying cannot help) the schedule pauses and its admin is
// told by DM. The error is the last failure, or errDigestBusy when
// another process is posting the slot.
func (s *scheduler) deliver(ctx context.Context, sc sources.Schedule, slot, now time.Time, retries bool) (deliveryResult, error) {
	slot, now = slot.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	d, existed, err := s.store.BeginDelivery(ctx, sc.ChannelID, slot, sc.Covered, now)
	if err != nil {
		s.log.Error("digest delivery not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", err)
		return deliveryResult{}, err
	}
	if existed && d.State != sources.DeliveryPending {
		return deliveryResult{state: d.State, messageID: d.MessageID, stories: d.Stories, since: d.Since, already: true}, nil
	}
	held, release, err := s.claim(ctx, sc.ChannelID, slot)
	if err != nil {
		if !errors.Is(err, errDigestBusy) {
			s.log.Error("digest claim failed", "channel_id", sc.ChannelID, "slot", slot, "err", err)
		}
		return deliveryResult{}, err
	}
	defer release()
	var delays []time.Duration
	if retries {
		delays = durations(s.cfg.RetryDelays)
	}
	look := existed // a pending record from before: the digest may be out there
	failures := sc.Failures
	for attempt := 0; ; attempt++ {
		res, err := s.attempt(ctx, held, sc, d, look)
		if err != nil && held.Err() != nil {
			// Another process took the slot over: it is that process's now.
			s.log.Warn("digest claim lost", "channel_id", sc.ChannelID, "slot", slot, "key", d.Key, "err", err)
			return res, fmt.Errorf("%w: %w", errDigestBusy, context.Cause(held))
		}
		if err == nil {
			if ferr := s.store.FinishDelivery(ctx, sc.ChannelID, slot, res.state, res.messageID, res.stories); ferr != nil {
				s.log.Error("digest sent but not recorded", "channel_id", sc.ChannelID, "slot", slot, "key", d.Key, "err", ferr)
				return res, ferr
			}
			s.count(res.state)
			if res.remember != nil && res.state == sources.DeliverySent {
				s.rememberDigest(ctx, sc, *res.remember)
			}
			s.log.Info("digest delivered", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "key", d.Key,
				"state", res.state, "stories", res.stories, "message_id", res.messageID, "attempt", attempt+1)
			return res, nil
		}
		look = true // a failed post may have reached Discord all the same
		why := classifyPostError(err)
		final := attempt >= len(delays) || why.permanent
		pause := ""
		if why.permanent || failures+1 >= s.cfg.MaxFailures {
			pause, final = why.reason, true
		}
		n, ferr := s.store.FailDelivery(ctx, sc.ChannelID, slot, err, final, pause)
		if ferr != nil {
			s.log.Error("digest failure not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", ferr, "cause", err)
			return res, err
		}
		failures = n
		s.log.Warn("digest post failed", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "key", d.Key,
			"attempt", attempt+1, "failures", n, "final", final, "paused", pause != "", "err", err)
		if pause != "" {
			s.count("paused")
			s.remove(sc.ChannelID)
			s.post.tellPaused(ctx, sc, why, n)
			return res, &digestPaused{reason: why.reason, failures: n, cause: err}
		}
		if final {
			s.count("failed")
			return res, err
		}
		if !s.wait(delays[attempt]) {
			return res, err // shutdown: left pending
		}
		cur, err := s.store.Schedule(ctx, sc.ChannelID)
		if errors.Is(err, sources.ErrNotFound) {
			if _, ferr := s.store.FailDelivery(ctx, sc.ChannelID, slot, errors.New("the digest was turned off"), true, ""); ferr != nil {
				s.log.Error("digest given up but not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", ferr)
			}
			return res, err
		}
		if err == nil {
			sc = cur // a filter or flags changed meanwhile
		}
	}
}

// errDigestBusy is a slot that another process is posting.
var errDigestBusy = errors.New("bot: digest being posted by another process")

// errClaimLost ends the work on a slot whose claim another process took
// over (this one failed to renew it in time).
var errClaimLost = errors.New("bot: claim on the digest lost to another process")

// claim makes this process the one posting (channel, slot) and keeps the
// claim alive, renewing it every third of digest.lease, until release. The
// context held ends if the claim is lost. errDigestBusy says another
// process holds it.
func (s *scheduler) claim(ctx context.Context, channel string, slot time.Time) (held context.Context, release func(), err error) {
	lease := s.cfg.Lease.D()
	ok, err := s.store.ClaimDelivery(ctx, channel, slot, s.holder, s.now(), lease)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		s.log.Info("digest being posted by another process", "channel_id", channel, "slot", slot)
		return nil, nil, errDigestBusy
	}
	keep := context.WithoutCancel(ctx)
	held, lost := context.WithCancelCause(keep)
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			ok, err := s.store.ClaimDelivery(keep, channel, slot, s.holder, s.now(), lease)
			switch {
			case err != nil:
				s.log.Warn("digest claim not renewed", "channel_id", channel, "slot", slot, "err", err) // tried again next tick
			case !ok:
				lost(errClaimLost) // taken over, or finished meanwhile
				return
			}
		}
	}()
	release = func() {
		close(done)
		<-stopped
		lost(nil)
		if err := s.store.ReleaseDelivery(keep, channel, slot, s.holder); err != nil {
			s.log.Warn("digest claim not released", "channel_id", channel, "slot", slot, "err", err)
		}
	}
	return held, release, nil
}

// digestPaused is a delivery that paused its schedule.
type digestPaused struct {
	reason   string
	failures int
	cause    error
}

func (e *digestPaused) Error() string {
	return fmt.Sprintf("bot: digest paused after %d failures: %s: %v", e.failures, e.reason, e.cause)
}

func (e *digestPaused) Unwrap() error { return e.cause }

// attempt composes and posts a delivery's digest once, sending only the
// pages not already in the channel when look is set. It stops when the
// claim held ends (lost to another process), not when ctx does.
func (s *scheduler) attempt(ctx, held context.Context, sc sources.Schedule, d sources.Delivery, look bool) (deliveryResult, error) {
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return deliveryResult{}, ctx.Err()
	case <-held.Done():
		return deliveryResult{}, context.Cause(held)
	}
	defer func() { <-s.slots }()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deliveryTimeout)
	defer cancel()
	defer context.AfterFunc(held, cancel)()

	res := deliveryResult{state: sources.DeliverySent, since: d.Since}
	filter, err := s.digestFilter(ctx, sc.Filter)
	if err != nil {
		return res, err
	}
	dig, err := s.eng.Digest(ctx, briefing.DigestRequest{Since: d.Since, Until: d.Until, Filter: filter, MaxStories: s.cfg.MaxStories})
	if err != nil {
		return res, fmt.Errorf("bot: compose digest: %w", err)
	}
	res.stories = len(dig.Stories)
	res.remember = s.sinceLastDigest(ctx, sc, filter, d, dig)
	if res.stories == 0 {
		res.state = sources.DeliveryEmpty
		if !sc.PostEmpty {
			return res, nil // nothing new: nothing posted
		}
	}
	loc := zoneOrUTC(sc.TimeZone)
	pages := digestReply{digest: dig, key: d.Key, slot: d.Slot, loc: loc, filter: sc.Filter}.pages()
	var found postedPages
	if look {
		if found, err = s.post.findDigest(ctx, sc, d.Key); err != nil {
			return res, err
		}
	}
	res.messageID, err = s.post.postDigest(ctx, sc, d, pages, found)
	return res, err
}

// digestFilter parses a channel's filter words.
func (s *scheduler) digestFilter(ctx context.Context, filter string) (briefing.Request, error) {
	words := splitWords(filter)
	if len(words) == 0 {
		return briefing.Request{}, nil
	}
	req, err := s.eng.ParseWordsFor(ctx, digestFilterAsking, words)
	if err != nil {
		return req, err
	}
	req.Since, req.Until = time.Time{}, time.Time{}
	return req, nil
}

// recoverPending finishes the deliveries a crash left pending, those of
// this shard's channels that no live claim holds: each is looked for in
// its channel and finished, or sent once (see the rule above). A pending
// delivery older than the grace period that was not posted is given up;
// its stories go into the next digest. A channel whose digest is being
// posted right now is left to that post.
func (s *scheduler) recoverPending(ctx context.Context, now time.Time) {
	pending, err := s.store.PendingDeliveries(ctx)
	if err != nil {
		s.log.Error("pending digests unreadable", "err", err)
		return
	}
	for _, d := range pending {
		if s.stopping() {
			return
		}
		if d.ClaimedBy != "" && d.ClaimedBy != s.holder && d.ClaimUntil.After(now) {
			continue // another process is on it
		}
		unlock, ok := s.tryLock(d.ChannelID)
		if !ok {
			continue
		}
		s.recoverOne(ctx, d, now)
		unlock()
	}
}

// recoverOne deals with one pending delivery, the channel's lock held.
func (s *scheduler) recoverOne(ctx context.Context, d sources.Delivery, now time.Time) {
	sc, err := s.store.Schedule(ctx, d.ChannelID)
	gone := errors.Is(err, sources.ErrNotFound)
	if err != nil && !gone {
		s.log.Error("digest schedule unreadable", "channel_id", d.ChannelID, "err", err)
		return
	}
	// The schedule's owner recovers its deliveries; shard 0 those whose
	// schedule is gone (their guild is no longer known).
	if gone && s.shard.ID != 0 || !gone && !s.owns(sc) {
		return
	}
	if !gone && !sc.Paused && now.Sub(d.Slot) <= s.cfg.Grace.D() {
		s.log.Info("pending digest resumed", "guild_id", sc.GuildID, "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key)
		_, _ = s.deliver(ctx, sc, d.Slot, d.Until, true)
		return
	}
	// Not to be sent again, but perhaps it was sent: record that if so.
	_, release, err := s.claim(ctx, d.ChannelID, d.Slot)
	if err != nil {
		return
	}
	defer release()
	if !gone {
		if found, err := s.post.findDigest(ctx, sc, d.Key); err == nil && found.ids[0] != "" {
			if err := s.store.FinishDelivery(ctx, d.ChannelID, d.Slot, sources.DeliverySent, found.ids[0], d.Stories); err == nil {
				s.log.Info("digest found after restart", "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key, "message_id", found.ids[0])
			}
			return
		}
	}
	why := "the digest was turned off"
	if !gone {
		why = "not posted before the restart, and now older than the grace period"
	}
	if _, err := s.store.FailDelivery(ctx, d.ChannelID, d.Slot, errors.New(why), true, ""); err != nil {
		s.log.Error("digest give-up not recorded", "channel_id", d.ChannelID, "slot", d.Slot, "err", err)
	}
	s.log.Info("pending digest given up", "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key, "why", why)
}
