package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
// after each of Config.DigestRetryDelays; each failure counts towards the
// schedule's consecutive failures, and at Config.DigestMaxFailures (or at
// once, when retrying cannot help) the schedule pauses and its admin is
// told by DM. The error is the last failure.
func (b *Bot) deliver(ctx context.Context, sc sources.Schedule, slot, now time.Time, retries bool) (deliveryResult, error) {
	dg := b.dg
	slot, now = slot.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	d, existed, err := dg.store.BeginDelivery(ctx, sc.ChannelID, slot, sc.Covered, now)
	if err != nil {
		b.log.Error("digest delivery not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", err)
		return deliveryResult{}, err
	}
	if existed && d.State != sources.DeliveryPending {
		return deliveryResult{state: d.State, messageID: d.MessageID, stories: d.Stories, since: d.Since, already: true}, nil
	}
	var delays []time.Duration
	if retries {
		delays = durations(b.deps.Digest.RetryDelays)
	}
	look := existed // a pending record from before: the digest may be out there
	failures := sc.Failures
	for attempt := 0; ; attempt++ {
		res, err := b.attempt(ctx, sc, d, look)
		if err == nil {
			if ferr := dg.store.FinishDelivery(ctx, sc.ChannelID, slot, res.state, res.messageID, res.stories); ferr != nil {
				b.log.Error("digest sent but not recorded", "channel_id", sc.ChannelID, "slot", slot, "key", d.Key, "err", ferr)
				return res, ferr
			}
			b.metrics.digest(res.state)
			b.log.Info("digest delivered", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "key", d.Key,
				"state", res.state, "stories", res.stories, "message_id", res.messageID, "attempt", attempt+1)
			return res, nil
		}
		look = true // a failed post may have reached Discord all the same
		why := classifyPostError(err)
		final := attempt >= len(delays) || why.permanent
		pause := ""
		if why.permanent || failures+1 >= b.deps.Digest.MaxFailures {
			pause, final = why.reason, true
		}
		n, ferr := dg.store.FailDelivery(ctx, sc.ChannelID, slot, err, final, pause)
		if ferr != nil {
			b.log.Error("digest failure not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", ferr, "cause", err)
			return res, err
		}
		failures = n
		b.log.Warn("digest post failed", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "key", d.Key,
			"attempt", attempt+1, "failures", n, "final", final, "paused", pause != "", "err", err)
		if pause != "" {
			b.metrics.digest("paused")
			b.dg.remove(sc.ChannelID)
			b.tellPaused(ctx, sc, why, n)
			return res, &digestPaused{reason: why.reason, failures: n, cause: err}
		}
		if final {
			b.metrics.digest("failed")
			return res, err
		}
		if !dg.wait(delays[attempt]) {
			return res, err // shutdown: left pending
		}
		cur, err := dg.store.Schedule(ctx, sc.ChannelID)
		if errors.Is(err, sources.ErrNotFound) {
			if _, ferr := dg.store.FailDelivery(ctx, sc.ChannelID, slot, errors.New("the digest was turned off"), true, ""); ferr != nil {
				b.log.Error("digest given up but not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", ferr)
			}
			return res, err
		}
		if err == nil {
			sc = cur // a filter or flags changed meanwhile
		}
	}
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
// pages not already in the channel when look is set.
func (b *Bot) attempt(ctx context.Context, sc sources.Schedule, d sources.Delivery, look bool) (deliveryResult, error) {
	select {
	case b.dg.slots <- struct{}{}:
	case <-ctx.Done():
		return deliveryResult{}, ctx.Err()
	}
	defer func() { <-b.dg.slots }()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deliveryTimeout)
	defer cancel()

	res := deliveryResult{state: sources.DeliverySent, since: d.Since}
	filter, err := b.digestFilter(ctx, sc.Filter)
	if err != nil {
		return res, err
	}
	dig, err := b.dg.eng.Digest(ctx, briefing.DigestRequest{Since: d.Since, Until: d.Until, Filter: filter, MaxStories: b.deps.Digest.MaxStories})
	if err != nil {
		return res, fmt.Errorf("bot: compose digest: %w", err)
	}
	res.stories = len(dig.Stories)
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
		if found, err = b.findPosted(ctx, sc, d.Key); err != nil {
			return res, err
		}
	}
	res.messageID, err = b.sendDigest(ctx, sc, d, loc, pages, found)
	return res, err
}

// digestFilter parses a channel's filter words.
func (b *Bot) digestFilter(ctx context.Context, filter string) (briefing.Request, error) {
	words := splitWords(filter)
	if len(words) == 0 {
		return briefing.Request{}, nil
	}
	req, err := b.dg.eng.ParseWordsContext(ctx, words)
	if err != nil {
		return req, err
	}
	req.Since, req.Until = time.Time{}, time.Time{}
	return req, nil
}

// threadName names a digest's thread or forum post: "Digest 26 Nov 2026".
func threadName(slot time.Time, loc *time.Location) string {
	return "Digest " + slot.In(loc).Format("2 Jan 2006")
}

// sendDigest posts the pages not in found and returns the first page's
// message id: in a text channel one message per page (then a thread on
// the first, if asked for); in a forum a new post whose first message is
// the first page, with the other pages inside it.
func (b *Bot) sendDigest(ctx context.Context, sc sources.Schedule, d sources.Delivery, loc *time.Location, pages []page, found postedPages) (string, error) {
	opt := discordgo.WithContext(ctx)
	first := found.ids[0]
	target := sc.ChannelID
	if sc.Forum {
		target = found.thread
		if first == "" {
			th, err := b.session.ForumThreadStartComplex(sc.ChannelID,
				&discordgo.ThreadStart{Name: threadName(d.Slot, loc), AutoArchiveDuration: threadArchive},
				pageMessage(pages[0]), opt)
			if err != nil {
				return "", fmt.Errorf("bot: start forum post in %s: %w", sc.ChannelID, err)
			}
			target, first = th.ID, th.ID // the post's first message has the thread's id
		}
	}
	for i, p := range pages {
		if _, ok := found.ids[i]; ok || (sc.Forum && i == 0) {
			continue
		}
		m, err := b.session.ChannelMessageSendComplex(target, pageMessage(p), opt)
		if err != nil {
			return first, fmt.Errorf("bot: post digest page %d to %s: %w", i+1, target, err)
		}
		if i == 0 {
			first = m.ID
		}
	}
	if sc.Thread && !sc.Forum && first != "" && !found.threaded {
		if _, err := b.session.MessageThreadStart(sc.ChannelID, first, threadName(d.Slot, loc), threadArchive, opt); err != nil {
			// The digest is out; only its discussion thread is missing.
			b.log.Warn("digest thread not started", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "message_id", first, "err", err)
		}
	}
	return first, nil
}

// pageMessage is a page as a message that pings nobody.
func pageMessage(p page) *discordgo.MessageSend {
	return &discordgo.MessageSend{Content: p.content, Embeds: p.embeds(), AllowedMentions: noMentions()}
}

// postedPages are the pages of one delivery found in a channel.
type postedPages struct {
	ids      map[int]string // page index -> message id
	thread   string         // in a forum: the post holding them
	threaded bool           // the first page already has a thread
}

// recentMessages is how far back the bot looks for a digest it may have
// posted before a crash.
const recentMessages = 50

// recentForumPosts is how many of its newest posts in a forum the bot
// looks into.
const recentForumPosts = 10

// findPosted looks for the pages of the delivery with key that the bot
// already posted: among the channel's recent messages or, for a forum,
// in the bot's recent posts there.
func (b *Bot) findPosted(ctx context.Context, sc sources.Schedule, key string) (postedPages, error) {
	found := postedPages{ids: map[int]string{}}
	opt := discordgo.WithContext(ctx)
	self := b.selfID()
	if !sc.Forum {
		msgs, err := b.session.ChannelMessages(sc.ChannelID, recentMessages, "", "", "", opt)
		if err != nil {
			return found, fmt.Errorf("bot: read recent messages of %s: %w", sc.ChannelID, err)
		}
		found.collect(msgs, self, key)
		return found, nil
	}
	list, err := b.session.GuildThreadsActive(sc.GuildID, opt)
	if err != nil {
		return found, fmt.Errorf("bot: list threads of guild %s: %w", sc.GuildID, err)
	}
	var posts []*discordgo.Channel
	for _, th := range list.Threads {
		if th.ParentID == sc.ChannelID && th.OwnerID == self {
			posts = append(posts, th)
		}
	}
	sort.Slice(posts, func(i, j int) bool { return snowflakeAfter(posts[i].ID, posts[j].ID) })
	if len(posts) > recentForumPosts {
		posts = posts[:recentForumPosts]
	}
	for _, th := range posts {
		msgs, err := b.session.ChannelMessages(th.ID, recentMessages, "", "", "", opt)
		if err != nil {
			return found, fmt.Errorf("bot: read forum post %s: %w", th.ID, err)
		}
		if found.collect(msgs, self, key) {
			found.thread = th.ID
			break
		}
	}
	return found, nil
}

// collect notes the messages by self that carry key; it reports whether
// there were any.
func (f *postedPages) collect(msgs []*discordgo.Message, self, key string) bool {
	hit := false
	for _, m := range msgs {
		if m == nil || m.Author == nil || m.Author.ID != self {
			continue
		}
		idx, ok := digestPage(m, key)
		if !ok {
			continue
		}
		hit = true
		f.ids[idx] = m.ID
		if idx == 0 && m.Thread != nil {
			f.threaded = true
		}
	}
	return hit
}

// digestPage finds key in a message's embed footers or content and returns
// the page (from 0) the message is.
func digestPage(m *discordgo.Message, key string) (int, bool) {
	texts := []string{m.Content}
	for _, e := range m.Embeds {
		if e != nil && e.Footer != nil {
			texts = append(texts, e.Footer.Text)
		}
	}
	for _, t := range texts {
		for _, sm := range digestKeyPattern.FindAllStringSubmatch(t, -1) {
			if sm[2] != key {
				continue
			}
			if sm[1] == "" {
				return 0, true
			}
			if n, err := strconv.Atoi(sm[1]); err == nil && n >= 1 {
				return n - 1, true
			}
		}
	}
	return 0, false
}

// snowflakeAfter orders Discord ids newest first.
func snowflakeAfter(a, b string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a > b
}

// recoverPending finishes the deliveries a crash left pending: each is
// looked for in its channel and finished, or sent once (see the rule
// above). A pending delivery older than the grace period that was not
// posted is given up; its stories go into the next digest.
func (b *Bot) recoverPending(ctx context.Context, now time.Time) {
	pending, err := b.dg.store.PendingDeliveries(ctx)
	if err != nil {
		b.log.Error("pending digests unreadable", "err", err)
		return
	}
	for _, d := range pending {
		if b.dg.stopping() {
			return
		}
		b.recoverOne(ctx, d, now)
	}
}

func (b *Bot) recoverOne(ctx context.Context, d sources.Delivery, now time.Time) {
	unlock := b.dg.lock(d.ChannelID)
	defer unlock()
	sc, err := b.dg.store.Schedule(ctx, d.ChannelID)
	gone := errors.Is(err, sources.ErrNotFound)
	if err != nil && !gone {
		b.log.Error("digest schedule unreadable", "channel_id", d.ChannelID, "err", err)
		return
	}
	if gone || sc.Paused || now.Sub(d.Slot) > b.deps.Digest.Grace.D() {
		// Not to be sent again, but perhaps it was sent: record that if so.
		if !gone {
			if found, err := b.findPosted(ctx, sc, d.Key); err == nil && found.ids[0] != "" {
				if err := b.dg.store.FinishDelivery(ctx, d.ChannelID, d.Slot, sources.DeliverySent, found.ids[0], d.Stories); err == nil {
					b.log.Info("digest found after restart", "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key, "message_id", found.ids[0])
				}
				return
			}
		}
		why := "the digest was turned off"
		if !gone {
			why = "not posted before the restart, and now older than the grace period"
		}
		if _, err := b.dg.store.FailDelivery(ctx, d.ChannelID, d.Slot, errors.New(why), true, ""); err != nil {
			b.log.Error("digest give-up not recorded", "channel_id", d.ChannelID, "slot", d.Slot, "err", err)
		}
		b.log.Info("pending digest given up", "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key, "why", why)
		return
	}
	b.log.Info("pending digest resumed", "guild_id", sc.GuildID, "channel_id", d.ChannelID, "slot", d.Slot, "key", d.Key)
	_, _ = b.deliver(ctx, sc, d.Slot, d.Until, true)
}

// tellPaused tells the admin who set the schedule that it paused, why, and
// how to resume it.
func (b *Bot) tellPaused(ctx context.Context, sc sources.Schedule, why postFailure, failures int) {
	if sc.CreatedBy == "" {
		return
	}
	var s strings.Builder
	fmt.Fprintf(&s, "I paused the digest in <#%s> after %d failed attempt%s to post it: %s.", sc.ChannelID, failures, plural(failures), why.reason)
	if why.permanent {
		s.WriteString("\nIf you still want a digest there, set it up again with `/digest schedule` in a channel I can post in.")
	} else {
		fmt.Fprintf(&s, "\nOnce that is fixed, run `/digest schedule` (or `%sdigest schedule`) in that channel again to resume it; `/digest off` removes it.", b.cfg.Prefix)
	}
	if _, err := b.PostDM(ctx, sc.CreatedBy, TextReply{Text: s.String()}); err != nil {
		b.log.Warn("digest pause notice not delivered", "channel_id", sc.ChannelID, "user_id", sc.CreatedBy, "err", err)
	}
}
