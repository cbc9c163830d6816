package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"attache/briefing"
	"attache/sources"

	"github.com/bwmarrin/discordgo"
)

// The digest commands: schedule, show, off and now, for a channel.

const (
	digestWhat = "schedule digests in that server"
	digestWhy  = "it changes what Attaché posts in this channel for everyone"
)

func digestCommands() []*command {
	str := discordgo.ApplicationCommandOptionString
	flag := discordgo.ApplicationCommandOptionBoolean
	return []*command{
		{
			group: "digest", name: "schedule", summary: "Post a digest of what is new here on a schedule (admins)",
			usage: "daily 08:00 Europe/Rome [filter words] [thread] [post_empty]",
			options: []*discordgo.ApplicationCommandOption{
				{Type: str, Name: "when", Required: true, Description: "daily 08:00, weekdays 07:30, weekly mon 09:00, hourly, or cron like 0 8 * * 1-5"},
				{Type: str, Name: "timezone", Autocomplete: true, Description: "Time zone of the schedule, e.g. Europe/Rome (default UTC)"},
				{Type: str, Name: "filter", Autocomplete: true, Description: "Only stories on these countries, bodies or words, e.g. japan italy"},
				{Type: flag, Name: "thread", Description: "Open a thread on each digest for discussion"},
				{Type: flag, Name: "post_empty", Description: "Post one line when there is nothing new"},
			},
			optionWord: map[string]string{"timezone": wordZone, "filter": wordFilter, "thread": wordThread, "post_empty": wordPostEmpty},
			admin:      true, adminWhat: digestWhat, adminWhy: digestWhy,
			run: runDigestSchedule,
		},
		{
			group: "digest", name: "show", summary: "This channel's digest schedule, its next post and its last one", usage: "",
			run: runDigestShow,
		},
		{
			group: "digest", name: "off", summary: "Stop this channel's digests (admins)", usage: "",
			admin: true, adminWhat: digestWhat, adminWhy: digestWhy,
			run: runDigestOff,
		},
		{
			group: "digest", name: "now", summary: "Post a digest of what is new since the last one, now (admins)", usage: "",
			admin: true, adminWhat: digestWhat, adminWhy: digestWhy,
			run: runDigestNow,
		},
	}
}

// errDigestsOff answers /digest on a bot built without digests.
var errDigestsOff = &briefing.UserError{Message: "Scheduled digests are not enabled on this bot. Ask its operator, or use `/brief` for a brief now."}

// digestTarget is the channel a digest command is about: the channel it
// was used in or, inside a forum post, the forum (each digest a new post).
type digestTarget struct {
	channelID, guildID string
	forum              bool
}

func (t digestTarget) where() string {
	if t.forum {
		return "the forum <#" + t.channelID + ">, each digest a new post"
	}
	return "<#" + t.channelID + ">"
}

// digestChannel works out the target of a digest command.
func (b *Bot) digestChannel(ctx context.Context, in *invocation) (digestTarget, error) {
	t := digestTarget{channelID: in.channelID, guildID: in.guildID}
	if in.guildID == "" {
		return t, &briefing.UserError{Message: "Digests are posted in server channels; use this command in the channel that should get them."}
	}
	ch, err := b.channel(ctx, in.channelID)
	if err != nil {
		return t, fmt.Errorf("bot: look up channel %s: %w", in.channelID, err)
	}
	switch {
	case ch.Type == discordgo.ChannelTypeGuildForum:
		t.forum = true
	case ch.IsThread() && ch.ParentID != "":
		parent, err := b.channel(ctx, ch.ParentID)
		if err != nil {
			return t, fmt.Errorf("bot: look up channel %s: %w", ch.ParentID, err)
		}
		if parent.Type == discordgo.ChannelTypeGuildForum {
			t.channelID, t.forum = parent.ID, true
		}
	}
	if ch.GuildID != "" {
		t.guildID = ch.GuildID
	}
	return t, nil
}

// channel returns a channel from the gateway state, or over REST.
func (b *Bot) channel(ctx context.Context, id string) (*discordgo.Channel, error) {
	if st := b.session.State; st != nil {
		if c, err := st.Channel(id); err == nil {
			return c, nil
		}
	}
	return b.session.Channel(id, discordgo.WithContext(ctx))
}

func runDigestSchedule(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if b.dg == nil {
		return nil, errDigestsOff
	}
	if len(in.words) == 0 {
		return nil, usageError(b, in, "Tell me when to post the digest.")
	}
	req, err := parseScheduleWords(in.words)
	if err != nil {
		return nil, err
	}
	if len(req.filter) > 0 {
		if _, err := b.dg.eng.ParseWordsFor(ctx, digestFilterAsking, req.filter); err != nil {
			return nil, err
		}
	}
	t, err := b.digestChannel(ctx, in)
	if err != nil {
		return nil, err
	}
	sc, err := b.dg.put(ctx, sources.Schedule{
		ChannelID: t.channelID, GuildID: t.guildID, Spec: req.spec, TimeZone: req.zone,
		Filter: strings.Join(req.filter, " "), Thread: req.thread && !t.forum, Forum: t.forum,
		PostEmpty: req.postEmpty, CreatedBy: in.userID,
	})
	if err != nil {
		return nil, err
	}
	b.log.Info("digest scheduled", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "user_id", in.userID,
		"spec", sc.Spec, "timezone", sc.TimeZone, "filter", sc.Filter, "forum", sc.Forum, "thread", sc.Thread)
	var s strings.Builder
	fmt.Fprintf(&s, "Digest scheduled in %s: %s.", t.where(), scheduleWords(sc))
	if next, ok := nextPost(sc, b.now()); ok {
		fmt.Fprintf(&s, "\nNext: %s.", next)
	}
	s.WriteString("\nEach digest covers what is new since the one before. `/digest show` shows the schedule, `/digest now` posts a digest at once, `/digest off` stops them.")
	return TextReply{Text: s.String()}, nil
}

// scheduleWords says a schedule in words: "every day at 08:00
// (Europe/Rome), on japan italy, each opening a thread".
func scheduleWords(sc sources.Schedule) string {
	s := describeSpec(sc.Spec) + " (" + sc.TimeZone + ")"
	if f := fold(sc.Filter); f != "" {
		s += ", on " + escapeMarkdown(truncate(f, 200))
	}
	if sc.Thread {
		s += ", each opening a thread"
	}
	if sc.PostEmpty {
		s += ", with a line even when there is nothing new"
	}
	return s
}

// nextPost is the schedule's next slot after now, in its zone.
func nextPost(sc sources.Schedule, now time.Time) (string, bool) {
	sched, err := compileSchedule(sc.Spec, sc.TimeZone, false)
	if err != nil {
		return "", false
	}
	n := sched.Next(now)
	if n.IsZero() {
		return "", false
	}
	return n.In(sched.loc).Format("Mon 2 Jan 2006 15:04") + " " + sched.loc.String(), true
}

func runDigestShow(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if b.dg == nil {
		return nil, errDigestsOff
	}
	t, err := b.digestChannel(ctx, in)
	if err != nil {
		return nil, err
	}
	sc, err := b.dg.store.Schedule(ctx, t.channelID)
	if errors.Is(err, sources.ErrNotFound) {
		return TextReply{Text: "No digest is scheduled in " + t.where() + ". An admin can set one with `/digest schedule`, e.g. `" + b.cfg.Prefix + "digest schedule daily 08:00 Europe/Rome`."}, nil
	}
	if err != nil {
		return nil, err
	}
	var s strings.Builder
	fmt.Fprintf(&s, "**Digest in %s:** %s.", t.where(), scheduleWords(sc))
	if sc.Paused {
		fmt.Fprintf(&s, "\n**Paused:** %s. An admin can resume it by running `/digest schedule` here again.", escapeMarkdown(truncate(sc.PauseReason, 500)))
	} else if next, ok := nextPost(sc, b.now()); ok {
		fmt.Fprintf(&s, "\n**Next:** %s.", next)
	}
	s.WriteString("\n**Last digest:** " + b.lastDigest(ctx, sc) + ".")
	if sc.CreatedBy != "" {
		fmt.Fprintf(&s, "\nSet by <@%s>.", sc.CreatedBy)
	}
	return TextReply{Text: s.String()}, nil
}

// lastDigest describes the schedule's latest delivery.
func (b *Bot) lastDigest(ctx context.Context, sc sources.Schedule) string {
	if sc.LastSlot.IsZero() {
		return "none yet"
	}
	d, err := b.dg.store.Delivery(ctx, sc.ChannelID, sc.LastSlot)
	if errors.Is(err, sources.ErrNotFound) {
		return "none yet"
	}
	when := sc.LastSlot.In(zoneOrUTC(sc.TimeZone)).Format("Mon 2 Jan 15:04")
	if err != nil {
		b.log.Error("digest delivery unreadable", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", sc.LastSlot, "err", err)
		return when + ", but I could not read what became of it just now"
	}
	switch d.State {
	case sources.DeliverySent:
		s := when + ", " + countStories(d.Stories, "")
		if d.MessageID != "" && sc.GuildID != "" {
			ch := sc.ChannelID
			if sc.Forum {
				ch = d.MessageID // a forum post's first message has the thread's id
			}
			s += " ([message](https://discord.com/channels/" + sc.GuildID + "/" + ch + "/" + d.MessageID + "))"
		}
		return s
	case sources.DeliveryEmpty:
		return when + ", nothing new"
	case sources.DeliveryFailed:
		return when + ", not posted: " + escapeMarkdown(truncate(d.LastError, 200))
	}
	return when + ", being posted"
}

func runDigestOff(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if b.dg == nil {
		return nil, errDigestsOff
	}
	t, err := b.digestChannel(ctx, in)
	if err != nil {
		return nil, err
	}
	if err := b.dg.turnOff(ctx, t.channelID); err != nil {
		if errors.Is(err, sources.ErrNotFound) {
			return nil, &briefing.UserError{Message: "No digest is scheduled in " + t.where() + ", so there is nothing to stop."}
		}
		return nil, err
	}
	b.log.Info("digest turned off", "guild_id", t.guildID, "channel_id", t.channelID, "user_id", in.userID)
	return TextReply{Text: "Digests in " + t.where() + " are off. `/digest schedule` starts them again, from where they left off."}, nil
}

func runDigestNow(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if b.dg == nil {
		return nil, errDigestsOff
	}
	t, err := b.digestChannel(ctx, in)
	if err != nil {
		return nil, err
	}
	sc, err := b.dg.store.Schedule(ctx, t.channelID)
	if errors.Is(err, sources.ErrNotFound) {
		return nil, &briefing.UserError{Message: "No digest is scheduled in " + t.where() + ". Set one with `/digest schedule` first; `/brief` answers at once."}
	}
	if err != nil {
		return nil, err
	}
	unlock, ok := b.dg.tryLock(t.channelID)
	if !ok {
		return nil, &briefing.UserError{Message: "A digest is being posted in " + t.where() + " right now. Try again in a few minutes."}
	}
	defer unlock()
	now := b.now()
	res, err := b.dg.deliver(ctx, sc, now, now, false)
	var paused *digestPaused
	var rest *discordgo.RESTError
	switch {
	case errors.Is(err, errDigestBusy):
		return nil, &briefing.UserError{Message: "A digest is being posted in " + t.where() + " right now. Try again in a few minutes."}
	case errors.As(err, &paused):
		return nil, &briefing.UserError{Message: fmt.Sprintf("I couldn't post the digest: %s. The schedule is paused; run `/digest schedule` here again once that is fixed.", paused.reason)}
	case errors.As(err, &rest):
		return nil, &briefing.UserError{Message: "I couldn't post the digest: " + classifyPostError(err).reason + "."}
	case err != nil:
		return nil, err
	}
	since := res.since.In(zoneOrUTC(sc.TimeZone)).Format("Mon 2 Jan 15:04")
	switch {
	case res.already:
		return TextReply{Text: "That digest was posted a moment ago."}, nil
	case res.state == sources.DeliveryEmpty && !sc.PostEmpty:
		return TextReply{Text: "Nothing new since " + since + ", so I posted nothing."}, nil
	case res.state == sources.DeliveryEmpty:
		return TextReply{Text: "Nothing new since " + since + "."}, nil
	}
	return TextReply{Text: fmt.Sprintf("Posted a digest of %s new since %s in %s.", countStories(res.stories, ""), since, t.where())}, nil
}
