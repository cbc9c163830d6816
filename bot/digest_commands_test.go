package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/briefing"
	"attache/sources"

	"github.com/bwmarrin/discordgo"

	"attache/sources/storetest"
)

func TestDigestScheduleChangeTakesEffectWhileRunning(t *testing.T) {
	storetest.Run(t, testDigestScheduleChangeTakesEffectWhileRunning)
}

func testDigestScheduleChangeTakesEffectWhileRunning(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	c.add(0, nov19noon.Add(time.Minute))
	reply := h.commandReply("701", mod, "!digest schedule daily 08:00 Europe/Rome japan italy")
	for _, want := range []string{
		"Digest scheduled in <#701>: every day at 08:00 (Europe/Rome), on japan italy.",
		"Next: Fri 20 Nov 2026 08:00 Europe/Rome.",
	} {
		if !strings.Contains(reply, want) {
			t.Errorf("reply %q lacks %q", reply, want)
		}
	}
	if next, ok := h.bot.dg.nextSlot("701", nov19noon); !ok || !next.Equal(romeSlot) {
		t.Fatalf("cron entry's next slot = %v, %v; want %v", next, ok, romeSlot)
	}
	// Changed at 13:00 UTC, with the bot running: 10:00 Rome from now on.
	h.set(nov19noon.Add(time.Hour))
	reply = h.commandReply("701", mod, "!digest schedule weekdays 10:00 Europe/Rome japan italy")
	if !strings.Contains(reply, "every weekday at 10:00 (Europe/Rome)") {
		t.Errorf("reply %q does not state the new schedule", reply)
	}
	tenRome := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if next, ok := h.bot.dg.nextSlot("701", nov19noon); !ok || !next.Equal(tenRome) {
		t.Errorf("cron entry's next slot = %v, %v; want %v", next, ok, tenRome)
	}
	if n, m := len(h.bot.dg.cron.Entries()), len(h.bot.dg.entries); n != 1 || m != 1 {
		t.Errorf("cron has %d entries (%d by channel), want 1", n, m)
	}
	h.set(romeSlot.Add(time.Minute))
	h.runDue()
	if n := len(h.posts("701")); n != 0 {
		t.Fatalf("%d digests at the old time, want 0", n)
	}
	h.set(tenRome.Add(time.Minute))
	h.runDue()
	posts := h.posts("701")
	if len(posts) != 1 || !strings.Contains(footer(posts[0].Payload), "Fri 20 Nov 10:00 Europe/Rome") {
		t.Fatalf("at the new time: %d digests, want 1 for Fri 10:00", len(posts))
	}
}

func TestDigestShowNowOff(t *testing.T) { storetest.Run(t, testDigestShowNowOff) }

func testDigestShowNowOff(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	if got := h.commandReply("701", bob, "!digest show"); !strings.Contains(got, "No digest is scheduled in <#701>.") {
		t.Errorf("show with none: %q", got)
	}
	h.commandReply("701", mod, "!digest schedule daily 08:00 Europe/Rome")
	c.add(1, nov19noon.Add(time.Hour))
	h.set(nov19noon.Add(2 * time.Hour))

	show := h.commandReply("701", bob, "!digest") // "digest" alone is show, for everyone
	for _, want := range []string{"**Digest in <#701>:** every day at 08:00 (Europe/Rome).", "**Next:** Fri 20 Nov 2026 08:00 Europe/Rome.", "**Last digest:** none yet.", "Set by <@12>."} {
		if !strings.Contains(show, want) {
			t.Errorf("show %q lacks %q", show, want)
		}
	}

	now := h.commandReply("701", mod, "!digest now")
	if want := "Posted a digest of 1 story new since Thu 19 Nov 13:00 in <#701>."; now != want {
		t.Errorf("now = %q, want %q", now, want)
	}
	var digest []discordtest.Call
	for _, p := range h.posts("701") {
		if strings.HasPrefix(footer(p.Payload), "Digest ") {
			digest = append(digest, p)
		}
	}
	slot := nov19noon.Add(2 * time.Hour)
	if len(digest) != 1 || footer(digest[0].Payload) != "Digest "+sources.DeliveryKey("701", slot)+" · Thu 19 Nov 15:00 Europe/Rome" {
		t.Fatalf("digest posts %d, want one for the slot %v", len(digest), slot)
	}
	if sc := c.get("701"); !sc.Covered.Equal(slot) || !sc.LastSlot.Equal(slot) {
		t.Errorf("after now: covered %v last slot %v, want both %v", sc.Covered, sc.LastSlot, slot)
	}
	if got := h.commandReply("701", mod, "!digest now"); got != "That digest was posted a moment ago." {
		t.Errorf("now again in the same second = %q", got)
	}
	h.set(slot.Add(time.Minute))
	if got := h.commandReply("701", mod, "!digest now"); got != "Nothing new since Thu 19 Nov 15:00, so I posted nothing." {
		t.Errorf("now with nothing new = %q", got)
	}
	if show := h.commandReply("701", bob, "!digest show"); !strings.Contains(show, "**Last digest:** Thu 19 Nov 15:01, nothing new.") {
		t.Errorf("show after an empty now: %q", show)
	}

	if got := h.commandReply("701", mod, "!digest off"); !strings.Contains(got, "Digests in <#701> are off.") {
		t.Errorf("off = %q", got)
	}
	if _, ok := h.bot.dg.nextSlot("701", slot); ok {
		t.Errorf("the cron entry outlived /digest off")
	}
	if _, err := c.store.Schedule(context.Background(), "701"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("schedule after off: %v, want not found", err)
	}
	if got := h.commandReply("701", mod, "!digest off"); !strings.Contains(got, "No digest is scheduled in <#701>, so there is nothing to stop.") {
		t.Errorf("off twice = %q", got)
	}
	if got := h.commandReply("701", mod, "!digest now"); !strings.Contains(got, "No digest is scheduled in <#701>.") {
		t.Errorf("now without a schedule = %q", got)
	}
}

func TestDigestCommandErrors(t *testing.T) { storetest.Run(t, testDigestCommandErrors) }

func testDigestCommandErrors(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	c.add(0, nov19noon.Add(time.Minute))
	tests := []struct {
		name  string
		words string // after "schedule"
		want  string
	}{
		{"no when", "", "Tell me when to post the digest. Try `!digest schedule daily 08:00 Europe/Rome"},
		{"bad hour", "0 25 * * *", "“0 25 \\* \\* \\*” is not a cron schedule: hour 25 is out of range (0–23)."},
		{"bad zone", "daily 08:00 Europe/Atlantis", "I don't know the time zone “Europe/Atlantis”; use a name like Europe/Rome."},
		{"unknown filter word", "daily 08:00 Europe/Rome japan qwertyzzz", "I don't know a country called “qwertyzzz”"},
		{"too often", "*/5 * * * *", "a digest can come at most every 15 minutes"},
	}
	for _, tt := range tests {
		t.Run("prefix "+tt.name, func(t *testing.T) {
			if got := h.commandReply("701", mod, "!digest schedule "+tt.words); !strings.Contains(got, tt.want) {
				t.Errorf("reply = %q\nwant it to contain %q", got, tt.want)
			}
		})
	}
	slashTests := []struct {
		name string
		opts []*discordgo.ApplicationCommandInteractionDataOption
		want string
	}{
		{"bad hour", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Opt("when", "0 25 * * *")}, "hour 25 is out of range (0–23)"},
		{"bad zone", []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Opt("when", "daily 08:00"), discordtest.Opt("timezone", "Atlantis")},
			"I don't know the time zone “Atlantis”; use a name like Europe/Rome."},
	}
	for _, tt := range slashTests {
		t.Run("slash "+tt.name, func(t *testing.T) {
			id := h.interact(slash(mod, discordtest.PermManageGuild, discordtest.Slash("digest", discordtest.Sub("schedule", tt.opts...))))
			f := h.answer(id, discordtest.RouteFollowup)
			if !f.Ephemeral() || !strings.Contains(f.Payload.Text(), tt.want) {
				t.Errorf("follow-up %q (ephemeral %v), want an ephemeral %q", f.Payload.Text(), f.Ephemeral(), tt.want)
			}
		})
	}
	if _, err := c.store.Schedule(context.Background(), "701"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("a refused schedule was stored: %v", err)
	}
}

func TestDigestAdminCommandsRefused(t *testing.T) { storetest.Run(t, testDigestAdminCommandsRefused) }

func testDigestAdminCommandsRefused(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	for _, cmd := range []string{"schedule daily 08:00", "off", "now"} {
		t.Run(cmd, func(t *testing.T) {
			got := h.commandReply("701", bob, "!digest "+cmd)
			name := "digest " + strings.Fields(cmd)[0]
			want := fmt.Sprintf("Only people with the Manage Server permission or one of the roles editors can use `%s`, because it changes what Attaché posts in this channel for everyone.", name)
			if got != want {
				t.Errorf("reply = %q, want %q", got, want)
			}
		})
	}
	t.Run("slash without Manage Server", func(t *testing.T) {
		id := h.interact(slash(bob, 0, discordtest.Slash("digest", discordtest.Sub("schedule", discordtest.Opt("when", "daily 08:00")))))
		cb := h.answer(id, discordtest.RouteCallback)
		if !cb.Ephemeral() || !strings.Contains(cb.Payload.Text(), "Only people with the Manage Server permission") {
			t.Errorf("callback %q (ephemeral %v), want an ephemeral refusal", cb.Payload.Text(), cb.Ephemeral())
		}
	})
	t.Run("in a DM", func(t *testing.T) {
		got := h.replyTo(h.say("", mod, "digest schedule daily 08:00")).Payload.VisibleText()
		if !strings.Contains(got, "only works in a server: I need to check that you may schedule digests in that server") {
			t.Errorf("DM reply = %q", got)
		}
	})
	if _, err := c.store.Schedule(context.Background(), "701"); !errors.Is(err, sources.ErrNotFound) {
		t.Errorf("a refused command stored a schedule: %v", err)
	}
}

func TestDigestSlashScheduleWithOptions(t *testing.T) {
	storetest.Run(t, testDigestSlashScheduleWithOptions)
}

func testDigestSlashScheduleWithOptions(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	id := h.interact(slash(mod, discordtest.PermManageGuild, discordtest.Slash("digest", discordtest.Sub("schedule",
		discordtest.Opt("when", "weekdays 07:30"), discordtest.Opt("timezone", "Asia/Tokyo"), discordtest.Opt("filter", "japan"),
		discordtest.BoolOpt("thread", true), discordtest.BoolOpt("post_empty", true)))))
	if cb := h.answer(id, discordtest.RouteCallback); cb.CallbackType != discordtest.CallbackDeferredMessage {
		t.Fatalf("first answer is callback %d, want deferred", cb.CallbackType)
	}
	edit := h.answer(id, discordtest.RouteEditOriginal)
	want := "Digest scheduled in <#700>: every weekday at 07:30 (Asia/Tokyo), on japan, each opening a thread, with a line even when there is nothing new."
	if !strings.Contains(edit.Payload.Text(), want) {
		t.Errorf("reply %q lacks %q", edit.Payload.Text(), want)
	}
	sc := c.get(channelID)
	if sc.Spec != "30 7 * * 1-5" || sc.TimeZone != "Asia/Tokyo" || sc.Filter != "japan" || !sc.Thread || !sc.PostEmpty || sc.CreatedBy != mod.ID || sc.GuildID != guildID {
		t.Errorf("stored schedule = %+v", sc)
	}
	// A false flag is no flag.
	id = h.interact(slash(mod, discordtest.PermManageGuild, discordtest.Slash("digest", discordtest.Sub("schedule",
		discordtest.Opt("when", "daily 08:00"), discordtest.BoolOpt("thread", false)))))
	h.answer(id, discordtest.RouteEditOriginal)
	if sc := c.get(channelID); sc.Thread || sc.TimeZone != "UTC" {
		t.Errorf("after thread:false and no zone: thread %v zone %q, want false and UTC", sc.Thread, sc.TimeZone)
	}
}

func TestDigestTimezoneAutocomplete(t *testing.T) { storetest.Run(t, testDigestTimezoneAutocomplete) }

func testDigestTimezoneAutocomplete(t *testing.T, e storetest.Engine) {
	h, _ := startWithDigests(t, e, nov19noon, nil)
	id := h.interact(discordtest.Interaction{GuildID: guildID, User: mod, Type: discordgo.InteractionApplicationCommandAutocomplete,
		Command: discordtest.Slash("digest", discordtest.Sub("schedule", discordtest.Opt("when", "daily 08:00"), discordtest.Focused("timezone", "europe/r")))})
	cb := h.answer(id, discordtest.RouteCallback)
	var got []string
	for _, ch := range cb.Payload.Choices {
		got = append(got, fmt.Sprint(ch.Value))
	}
	if fmt.Sprint(got) != "[Europe/Rome]" {
		t.Errorf("time zone choices = %v, want [Europe/Rome]", got)
	}
}

func TestDigestThread(t *testing.T) { storetest.Run(t, testDigestThread) }

func testDigestThread(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome", Thread: true})
	})
	c.add(0, nov19noon.Add(time.Hour))
	h.set(romeSlot.Add(time.Minute))
	h.runDue()
	posts := h.posts("701")
	if len(posts) != 1 {
		t.Fatalf("%d digests, want 1", len(posts))
	}
	th, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool { return c.Route == discordtest.RouteStartThread })
	if err != nil {
		t.Fatal(err)
	}
	if th.Rejected() || th.ChannelID != "701" || th.MessageID != posts[0].MessageID || th.ThreadName != "Digest 20 Nov 2026" {
		t.Errorf("thread call = %s %s on message %s named %q (status %d), want on %s named %q", th.Route, th.ChannelID, th.MessageID, th.ThreadName, th.Status, posts[0].MessageID, "Digest 20 Nov 2026")
	}
	if got := h.fake.Posts("701"); len(got) != 1 || got[0].ThreadID == "" {
		t.Errorf("the digest message has no thread: %+v", got)
	}
}

func TestDigestInForum(t *testing.T) { storetest.Run(t, testDigestInForum) }

func testDigestInForum(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, _ *corpus) {
		h.channels = forumChannels()
	})
	// Used inside a post of the forum, the command schedules the forum.
	reply := h.commandReply("721", mod, "!digest schedule daily 08:00 Europe/Rome thread")
	if !strings.Contains(reply, "Digest scheduled in the forum <#720>, each digest a new post: every day at 08:00 (Europe/Rome).") {
		t.Errorf("reply = %q", reply)
	}
	sc := c.get("720")
	if !sc.Forum || sc.Thread {
		t.Errorf("forum schedule = %+v, want forum and no extra thread", sc)
	}
	c.add(0, nov19noon.Add(time.Hour))
	h.set(romeSlot.Add(time.Minute))
	h.runDue()
	var forumPosts []discordtest.Call
	for _, call := range h.fake.Calls() {
		switch {
		case call.Route == discordtest.RouteStartForumPost:
			forumPosts = append(forumPosts, call)
		case call.Route == discordtest.RouteCreateMessage && call.ChannelID == "720":
			t.Errorf("a message was posted straight into the forum (status %d)", call.Status)
		}
	}
	if len(forumPosts) != 1 || forumPosts[0].Rejected() {
		t.Fatalf("%d forum posts, want 1 accepted", len(forumPosts))
	}
	fp := forumPosts[0]
	if fp.ChannelID != "720" || fp.ThreadName != "Digest 20 Nov 2026" || footer(fp.Payload) != "Digest "+sources.DeliveryKey("720", romeSlot)+" · Fri 20 Nov 08:00 Europe/Rome" {
		t.Errorf("forum post in %s named %q with footer %q", fp.ChannelID, fp.ThreadName, footer(fp.Payload))
	}
	if d := c.delivery("720", romeSlot); d.State != sources.DeliverySent || d.MessageID != fp.MessageID {
		t.Errorf("delivery = %+v, want sent as the post %s", d, fp.MessageID)
	}

	// A crash after the next day's post went out: the record is pending,
	// the post is in the forum. After the restart it is found, not repeated.
	next := romeSlot.AddDate(0, 0, 1)
	c.add(1, romeSlot.Add(time.Hour))
	covered := c.get("720").Covered
	if _, _, err := c.store.BeginDelivery(context.Background(), "720", next, covered, next); err != nil {
		t.Fatal(err)
	}
	dig, err := c.eng.Digest(context.Background(), briefing.DigestRequest{Since: covered, Until: next})
	if err != nil {
		t.Fatal(err)
	}
	rome, _ := time.LoadLocation("Europe/Rome")
	pages := digestReply{digest: dig, key: sources.DeliveryKey("720", next), slot: next, loc: rome}.pages()
	th, err := h.bot.session.ForumThreadStartComplex("720", &discordgo.ThreadStart{Name: threadName(next, rome)}, pageMessage(pages[0]))
	if err != nil {
		t.Fatal(err)
	}
	h.set(next.Add(time.Minute))
	h.restart()
	h.runDue()
	n := 0
	for _, call := range h.fake.Calls() {
		if call.Route == discordtest.RouteStartForumPost {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d forum posts in all, want 2 (the second not repeated)", n)
	}
	if d := c.delivery("720", next); d.State != sources.DeliverySent || d.MessageID != th.ID {
		t.Errorf("recovered delivery = %+v, want sent as the post %s", d, th.ID)
	}
}

func TestDigestsOff(t *testing.T) {
	h := start(t, nil)
	got := h.replyTo(h.say(guildID, mod, "!digest show")).Payload.VisibleText()
	if !strings.Contains(got, "Scheduled digests are not enabled on this bot.") {
		t.Errorf("reply = %q", got)
	}
	if err := h.bot.RunDue(context.Background(), day); err == nil {
		t.Error("RunDue without digests gave no error")
	}
}

// TestDigestRealCron lets the real cron fire, with a six-field spec that
// fires every second and the real clock: the same path as in production,
// only faster.
func TestDigestRealCron(t *testing.T) { storetest.Run(t, testDigestRealCron) }

func testDigestRealCron(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, time.Now(), func(_ *Config, h *harness, c *corpus) {
		h.cronLive, h.cronSeconds, h.realClock = true, true, true
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "* * * * * *"})
	})
	c.add(2, time.Now().Add(2*time.Second).Truncate(time.Second))
	post, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.ChannelID == "701"
	})
	if err != nil {
		t.Fatalf("the cron posted nothing: %v\nlogs:\n%s", err, h.logs.String())
	}
	if text := post.Payload.VisibleText(); !strings.Contains(text, "France and Germany sign an accord on power grids") || !strings.Contains(text, "Digest ") {
		t.Errorf("cron digest = %q", text)
	}
	h.stop() // waits for the cron's running jobs
	sc := c.get("701")
	d := c.delivery("701", sc.LastSlot)
	if d.State != sources.DeliveryEmpty && d.State != sources.DeliverySent {
		t.Errorf("last delivery after stop = %+v, want finished", d)
	}
}

// deliveryUnreadable is the store with its delivery look-up failing, as a
// locked or broken database would.
type deliveryUnreadable struct{ sources.Store }

func (deliveryUnreadable) Delivery(context.Context, string, time.Time) (sources.Delivery, error) {
	return sources.Delivery{}, errors.New("database is locked")
}

func TestDigestShowSaysWhenTheLastDigestIsUnreadable(t *testing.T) {
	storetest.Run(t, testDigestShowSaysWhenTheLastDigestIsUnreadable)
}

func testDigestShowSaysWhenTheLastDigestIsUnreadable(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, c *corpus) {
		h.digests = deliveryUnreadable{c.store}
	})
	h.commandReply("701", mod, "!digest schedule daily 08:00 Europe/Rome")
	c.add(1, nov19noon.Add(time.Hour))
	h.set(nov19noon.Add(2 * time.Hour))
	if now := h.commandReply("701", mod, "!digest now"); !strings.HasPrefix(now, "Posted a digest") {
		t.Fatalf("now = %q, want a digest posted", now)
	}
	show := h.commandReply("701", bob, "!digest show")
	if want := "**Last digest:** Thu 19 Nov 15:00, but I could not read what became of it just now."; !strings.Contains(show, want) {
		t.Errorf("show %q lacks %q", show, want)
	}
}
