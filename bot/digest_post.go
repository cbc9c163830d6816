package bot

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"attache/sources"

	"github.com/bwmarrin/discordgo"
)

// The Discord side of scheduled digests: the Bot is the scheduler's
// poster. It posts a digest's pages (as messages, a thread or a forum
// post), finds the pages of a delivery already posted, and tells an admin
// by DM that a schedule paused.

var _ poster = (*Bot)(nil)

// threadName names a digest's thread or forum post: "Digest 26 Nov 2026".
func threadName(slot time.Time, loc *time.Location) string {
	return "Digest " + slot.In(loc).Format("2 Jan 2006")
}

// postDigest posts the pages not in found and returns the first page's
// message id: in a text channel one message per page (then a thread on
// the first, if asked for); in a forum a new post whose first message is
// the first page, with the other pages inside it.
func (b *Bot) postDigest(ctx context.Context, sc sources.Schedule, d sources.Delivery, pages []page, found postedPages) (string, error) {
	opt := discordgo.WithContext(ctx)
	loc := zoneOrUTC(sc.TimeZone)
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

// findDigest looks for the pages of the delivery with key that the bot
// already posted: among the channel's recent messages or, for a forum,
// in the bot's recent posts there.
func (b *Bot) findDigest(ctx context.Context, sc sources.Schedule, key string) (postedPages, error) {
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

// tellPaused tells the admin who set the schedule that it paused, why, and
// how to resume it.
func (b *Bot) tellPaused(ctx context.Context, sc sources.Schedule, why postFailure, failures int) {
	if sc.CreatedBy == "" {
		return
	}
	var t strings.Builder
	fmt.Fprintf(&t, "I paused the digest in <#%s> after %d failed attempt%s to post it: %s.", sc.ChannelID, failures, plural(failures), why.reason)
	if why.permanent {
		t.WriteString("\nIf you still want a digest there, set it up again with `/digest schedule` in a channel I can post in.")
	} else {
		fmt.Fprintf(&t, "\nOnce that is fixed, run `/digest schedule` (or `%sdigest schedule`) in that channel again to resume it; `/digest off` removes it.", b.cfg.Prefix)
	}
	if _, err := b.PostDM(ctx, sc.CreatedBy, TextReply{Text: t.String()}); err != nil {
		b.log.Warn("digest pause notice not delivered", "channel_id", sc.ChannelID, "user_id", sc.CreatedBy, "err", err)
	}
}
