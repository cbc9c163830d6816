package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/briefing"
	"attache/config"
	"attache/sources"

	"attache/sources/storetest"
)

// Digest tests run the real discordgo client against the fake Discord,
// with a real store and briefing engine; the clock is set by hand and the
// due digests are run with RunDue, the code the cron calls.

var (
	nov19noon = time.Date(2026, 11, 19, 12, 0, 0, 0, time.UTC)
	romeSlot  = time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)  // 08:00 in Rome
	tokyoSlot = time.Date(2026, 11, 19, 23, 0, 0, 0, time.UTC) // 08:00 in Tokyo
)

func TestDigestPostedAtLocalTimeInTwoZones(t *testing.T) {
	storetest.Run(t, testDigestPostedAtLocalTimeInTwoZones)
}

func testDigestPostedAtLocalTimeInTwoZones(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		c.schedule(sources.Schedule{ChannelID: "702", Spec: "0 8 * * *", TimeZone: "Asia/Tokyo"})
	})
	c.add(0, nov19noon.Add(2*time.Hour))

	h.set(tokyoSlot.Add(-time.Minute))
	h.runDue()
	if n := len(h.posts("701")) + len(h.posts("702")); n != 0 {
		t.Fatalf("%d digests posted before 08:00 anywhere", n)
	}
	h.set(tokyoSlot.Add(30 * time.Second))
	h.runDue()
	tokyo := h.posts("702")
	if len(tokyo) != 1 || len(h.posts("701")) != 0 {
		t.Fatalf("at 08:00 in Tokyo: %d posts in Tokyo's channel, %d in Rome's; want 1 and 0", len(tokyo), len(h.posts("701")))
	}
	if got, want := footer(tokyo[0].Payload), "Digest "+sources.DeliveryKey("702", tokyoSlot)+" · Fri 20 Nov 08:00 Asia/Tokyo"; got != want {
		t.Errorf("Tokyo footer = %q, want %q", got, want)
	}
	if text := tokyo[0].Payload.VisibleText(); !strings.Contains(text, "Japan and Italy agree to speed up joint fighter programme") {
		t.Errorf("Tokyo digest lacks the story:\n%s", text)
	}
	if !tokyo[0].Payload.AllowedMentions.PingsNobody() {
		t.Errorf("digest allowed mentions = %+v, want none", tokyo[0].Payload.AllowedMentions)
	}

	h.set(romeSlot.Add(30 * time.Second))
	h.runDue()
	rome := h.posts("701")
	if len(rome) != 1 || len(h.posts("702")) != 1 {
		t.Fatalf("at 08:00 in Rome: %d posts in Rome's channel, %d in Tokyo's; want 1 and 1", len(rome), len(h.posts("702")))
	}
	if got, want := footer(rome[0].Payload), "Digest "+sources.DeliveryKey("701", romeSlot)+" · Fri 20 Nov 08:00 Europe/Rome"; got != want {
		t.Errorf("Rome footer = %q, want %q", got, want)
	}
	d := c.delivery("701", romeSlot)
	if d.State != sources.DeliverySent || d.MessageID != rome[0].MessageID || d.Stories != 1 {
		t.Errorf("Rome delivery = %+v, want sent as message %s with 1 story", d, rome[0].MessageID)
	}
	if sc := c.get("701"); !sc.LastSlot.Equal(romeSlot) || !sc.Covered.Equal(romeSlot.Add(30*time.Second)) {
		t.Errorf("Rome schedule last slot %v covered %v, want %v and %v", sc.LastSlot, sc.Covered, romeSlot, romeSlot.Add(30*time.Second))
	}
	// The same minute again (a second cron firing, a retry): nothing more.
	h.runDue()
	if n := len(h.posts("701")); n != 1 {
		t.Errorf("running the same slot again made %d posts, want 1", n)
	}
}

func TestDigestNotRepostedAfterRestart(t *testing.T) {
	storetest.Run(t, testDigestNotRepostedAfterRestart)
}

func testDigestNotRepostedAfterRestart(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
	})
	c.add(1, nov19noon.Add(time.Hour))
	h.set(romeSlot.Add(10 * time.Second))
	h.runDue()
	if n := len(h.posts("701")); n != 1 {
		t.Fatalf("%d digests posted, want 1", n)
	}
	h.set(romeSlot.Add(20 * time.Minute))
	h.restart() // a new Bot over the same store file: its start-up catches up
	h.runDue()
	if n := len(h.posts("701")); n != 1 {
		t.Errorf("after a restart %d digests in all, want the 1 from before", n)
	}
}

func TestDigestCrashBetweenSendAndRecord(t *testing.T) {
	storetest.Run(t, testDigestCrashBetweenSendAndRecord)
}

func testDigestCrashBetweenSendAndRecord(t *testing.T, e storetest.Engine) {
	slot := romeSlot
	covered := nov19noon
	tests := []struct {
		name string
		// posted places what the bot sent before it crashed
		posted    func(h *harness, c *corpus, pages []page)
		wantPosts int // new messages after the restart
	}{
		{"the digest was sent", func(h *harness, _ *corpus, pages []page) {
			h.fake.AddMessage("701", discordtest.BotUser(), discordtest.Payload{Embeds: pages[0].embeds()})
		}, 0},
		{"nothing was sent", func(*harness, *corpus, []page) {}, 1},
		{"someone else quoted the key", func(h *harness, _ *corpus, pages []page) {
			h.fake.AddMessage("701", bob, discordtest.Payload{Content: ptr("what is " + footer(discordtest.Payload{Embeds: pages[0].embeds()}) + "?")})
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pages []page
			h, c := startWithDigests(t, e, covered, func(_ *Config, h *harness, c *corpus) {
				h.set(covered)
				c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
				c.add(2, covered.Add(time.Hour))
				// The crashed run: the record was begun before sending...
				if _, _, err := c.store.BeginDelivery(context.Background(), "701", slot, covered, slot); err != nil {
					t.Fatal(err)
				}
				dig, err := c.eng.Digest(context.Background(), briefing.DigestRequest{Since: covered, Until: slot})
				if err != nil {
					t.Fatal(err)
				}
				rome, _ := time.LoadLocation("Europe/Rome")
				pages = digestReply{digest: dig, key: sources.DeliveryKey("701", slot), slot: slot, loc: rome}.pages()
				h.set(slot.Add(time.Minute)) // ...and the bot comes back a minute later
				h.onFake = func() { tt.posted(h, c, pages) }
			})
			// Starting has run the start-up pass; the cron's run of the
			// slot finds it dealt with.
			h.runDue()
			got := len(h.posts("701"))
			if got != tt.wantPosts {
				t.Fatalf("%d messages posted after the restart, want %d", got, tt.wantPosts)
			}
			d := c.delivery("701", slot)
			if d.State != sources.DeliverySent || d.MessageID == "" {
				t.Errorf("delivery after recovery = %+v, want sent with a message id", d)
			}
			if tt.wantPosts == 0 {
				if posts := h.fake.Posts("701"); len(posts) != 1 || d.MessageID != posts[0].ID {
					t.Errorf("delivery message %s, want the message already there (%v)", d.MessageID, posts)
				}
			}
		})
	}
}

func ptr(s string) *string { return &s }

func TestDigestAfterDowntime(t *testing.T) { storetest.Run(t, testDigestAfterDowntime) }

func testDigestAfterDowntime(t *testing.T, e storetest.Engine) {
	// The schedule was set on 19 Nov at noon and an article came in after;
	// the bot was then down over the 08:00 (Rome) slots of 20, 21 and 22 Nov.
	lastSlot := time.Date(2026, 11, 22, 7, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		back      time.Time // when the bot starts again
		wantPosts int
	}{
		{"within the grace period: the latest slot, once", lastSlot.Add(2 * time.Hour), 1},
		{"beyond the grace period: nothing", lastSlot.Add(7 * time.Hour), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, c *corpus) {
				c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
				c.add(3, nov19noon.Add(time.Hour))
				h.set(tt.back)
			})
			h.runDue() // the cron's first firing after the start finds nothing more to do
			posts := h.posts("701")
			if len(posts) != tt.wantPosts {
				t.Fatalf("%d digests after downtime, want %d", len(posts), tt.wantPosts)
			}
			sc := c.get("701")
			if !sc.LastSlot.Equal(lastSlot) {
				t.Errorf("last slot = %v, want %v (the missed ones are dealt with)", sc.LastSlot, lastSlot)
			}
			for _, day := range []time.Time{lastSlot.AddDate(0, 0, -2), lastSlot.AddDate(0, 0, -1)} {
				if _, err := c.store.Delivery(context.Background(), "701", day); err == nil {
					t.Errorf("the older missed slot %v got a delivery", day)
				}
			}
			if tt.wantPosts == 1 {
				if got, want := footer(posts[0].Payload), "Digest "+sources.DeliveryKey("701", lastSlot)+" · Sun 22 Nov 08:00 Europe/Rome"; got != want {
					t.Errorf("footer = %q, want %q", got, want)
				}
				return
			}
			// Skipped, but nothing lost: the next digest has the old story
			// and a new one.
			if !sc.Covered.Equal(nov19noon) {
				t.Errorf("covered = %v after a skipped slot, want it unchanged (%v)", sc.Covered, nov19noon)
			}
			c.add(4, tt.back.Add(time.Hour))
			next := lastSlot.AddDate(0, 0, 1)
			h.set(next.Add(time.Minute))
			h.runDue()
			posts = h.posts("701")
			if len(posts) != 1 {
				t.Fatalf("%d digests at the next slot, want 1", len(posts))
			}
			text := posts[0].Payload.VisibleText()
			for _, want := range []string{"ASEAN envoys meet in Jakarta over a maritime code", "Brazil and India widen trade in farm goods"} {
				if !strings.Contains(text, want) {
					t.Errorf("next digest lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

func TestDigestEmptyDay(t *testing.T) { storetest.Run(t, testDigestEmptyDay) }

func testDigestEmptyDay(t *testing.T, e storetest.Engine) {
	for _, postEmpty := range []bool{false, true} {
		t.Run(map[bool]string{false: "nothing posted", true: "one line"}[postEmpty], func(t *testing.T) {
			h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
				c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome", PostEmpty: postEmpty, Filter: "japan"})
				c.add(2, nov19noon.Add(time.Hour)) // new, but not on Japan
			})
			h.set(romeSlot.Add(time.Minute))
			h.runDue()
			posts := h.posts("701")
			d := c.delivery("701", romeSlot)
			if d.State != sources.DeliveryEmpty || d.Stories != 0 {
				t.Errorf("delivery = %+v, want empty", d)
			}
			if !c.get("701").Covered.Equal(romeSlot.Add(time.Minute)) {
				t.Errorf("an empty day did not move the schedule on")
			}
			if !postEmpty {
				if len(posts) != 0 {
					t.Fatalf("an empty day posted %d messages: %q", len(posts), posts[0].Payload.VisibleText())
				}
				return
			}
			if len(posts) != 1 || len(posts[0].Payload.Embeds) != 0 {
				t.Fatalf("an empty day with post_empty gave %d posts, want one line", len(posts))
			}
			want := "Nothing new since Thu 19 Nov 13:00 on japan. (Digest " + sources.DeliveryKey("701", romeSlot) + " · Fri 20 Nov 08:00 Europe/Rome)"
			if got := posts[0].Payload.Text(); got != want {
				t.Errorf("line = %q, want %q", got, want)
			}
			if d.MessageID != posts[0].MessageID {
				t.Errorf("delivery message %q, want %q", d.MessageID, posts[0].MessageID)
			}
		})
	}
}

func TestDigestFailuresPauseAndTellTheAdmin(t *testing.T) {
	storetest.Run(t, testDigestFailuresPauseAndTellTheAdmin)
}

func testDigestFailuresPauseAndTellTheAdmin(t *testing.T, e storetest.Engine) {
	tests := []struct {
		name         string
		failure      discordtest.ChannelFailure
		wantAttempts int
		wantReason   string
	}{
		{"missing permission, after N failures", discordtest.MissingPermissions, 3, "I am missing a permission in that channel"},
		{"missing access, after N failures", discordtest.MissingAccess, 3, "I can't see that channel"},
		{"deleted channel, at once", discordtest.UnknownChannel, 1, "the channel no longer exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, c *corpus) {
				h.digest.MaxFailures = 3
				ms := config.Duration(time.Millisecond)
				h.digest.RetryDelays = []config.Duration{ms, ms, ms, ms}
				c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome", CreatedBy: mod.ID})
				c.add(0, nov19noon.Add(time.Hour))
			})
			h.fake.FailChannel("701", tt.failure)
			h.set(romeSlot.Add(time.Minute))
			h.runDue()
			attempts := 0
			for _, call := range h.fake.Calls() {
				if call.ChannelID == "701" && call.Rejected() { // a post, or the look for one before a retry
					attempts++
				}
			}
			if attempts != tt.wantAttempts {
				t.Errorf("%d rejected requests, want %d", attempts, tt.wantAttempts)
			}
			sc := c.get("701")
			if !sc.Paused || !strings.Contains(sc.PauseReason, tt.wantReason) || sc.Failures != tt.wantAttempts {
				t.Errorf("schedule = paused %v (%q) after %d failures; want paused with %q after %d", sc.Paused, sc.PauseReason, sc.Failures, tt.wantReason, tt.wantAttempts)
			}
			if d := c.delivery("701", romeSlot); d.State != sources.DeliveryFailed || d.Attempts != tt.wantAttempts {
				t.Errorf("delivery = %+v, want failed after %d attempts", d, tt.wantAttempts)
			}
			if _, ok := h.bot.dg.nextSlot("701", romeSlot); ok {
				t.Errorf("a paused schedule still has a cron entry")
			}
			dm, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
				return c.Route == discordtest.RouteCreateMessage && c.ChannelID != "701" && !c.Rejected()
			})
			if err != nil {
				t.Fatalf("the admin got no DM: %v", err)
			}
			text := dm.Payload.Text()
			for _, want := range []string{"I paused the digest in <#701>", tt.wantReason, "/digest schedule"} {
				if !strings.Contains(text, want) {
					t.Errorf("DM %q lacks %q", text, want)
				}
			}
			open, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool { return c.Route == discordtest.RouteOpenDM })
			if err != nil || !strings.Contains(string(open.Raw), mod.ID) || open.ChannelID != dm.ChannelID {
				t.Errorf("the DM went to channel %s, not to the admin who set the schedule (%s): %v", dm.ChannelID, string(open.Raw), err)
			}
			// Paused: the next day passes quietly.
			h.set(romeSlot.AddDate(0, 0, 1).Add(time.Minute))
			h.runDue()
			if _, err := c.store.Delivery(context.Background(), "701", romeSlot.AddDate(0, 0, 1)); err == nil {
				t.Errorf("a paused schedule made a delivery")
			}
			if tt.failure == discordtest.UnknownChannel {
				return
			}
			// Fixed and scheduled again: resumed, and the story is not lost.
			h.fake.FailChannel("701", discordtest.NoFailure)
			reply := h.commandReply("701", mod, "!digest schedule daily 08:00 Europe/Rome")
			if !strings.Contains(reply, "Digest scheduled in <#701>") {
				t.Fatalf("schedule again: %q", reply)
			}
			if sc := c.get("701"); sc.Paused || sc.Failures != 0 {
				t.Errorf("schedule after setting it again = %+v, want resumed", sc)
			}
			h.set(romeSlot.AddDate(0, 0, 2).Add(time.Minute))
			h.runDue()
			posts := h.posts("701")
			if len(posts) != 1 || !strings.Contains(posts[0].Payload.VisibleText(), "Japan and Italy agree") {
				t.Fatalf("after resuming: %d posts, want the digest with the story held back", len(posts))
			}
		})
	}
}

func TestDigestRetriesWithinTheSlot(t *testing.T) { storetest.Run(t, testDigestRetriesWithinTheSlot) }

func testDigestRetriesWithinTheSlot(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, c *corpus) {
		h.digest.MaxFailures = 5
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		c.add(0, nov19noon.Add(time.Hour))
	})
	// The permission comes back after the first refusal.
	h.fake.FailChannelFor("701", discordtest.MissingPermissions, 1)
	h.set(romeSlot.Add(time.Minute))
	h.runDue()
	if n := len(h.posts("701")); n != 1 {
		t.Fatalf("%d digests posted, want 1 after a retry", n)
	}
	d := c.delivery("701", romeSlot)
	if d.State != sources.DeliverySent || d.Attempts < 2 {
		t.Errorf("delivery = %+v, want sent on a later attempt", d)
	}
	if sc := c.get("701"); sc.Paused || sc.Failures != 0 {
		t.Errorf("schedule = %+v, want running with no failures counted", sc)
	}
}

func TestDigestOnDaylightSavingDays(t *testing.T) { storetest.Run(t, testDigestOnDaylightSavingDays) }

func testDigestOnDaylightSavingDays(t *testing.T, e storetest.Engine) {
	// Europe/Rome: clocks jump 02:00 -> 03:00 on 29 Mar 2026 (01:00 UTC)
	// and fall back 03:00 -> 02:00 on 25 Oct 2026 (01:00 UTC). The digest
	// is "daily 02:30".
	t.Run("spring: posted when the clocks jump", func(t *testing.T) {
		created := time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)
		h, _ := startWithDigests(t, e, created, func(_ *Config, _ *harness, c *corpus) {
			c.schedule(sources.Schedule{ChannelID: "701", Spec: "30 2 * * *", TimeZone: "Europe/Rome"})
			c.add(1, created.Add(time.Hour))
		})
		h.set(time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC)) // 01:59 CET
		h.runDue()
		if n := len(h.posts("701")); n != 0 {
			t.Fatalf("%d digests before the jump, want 0", n)
		}
		jump := time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC) // 03:00 CEST
		h.set(jump.Add(30 * time.Second))
		h.runDue()
		posts := h.posts("701")
		if len(posts) != 1 {
			t.Fatalf("%d digests at the jump, want 1", len(posts))
		}
		if got, want := footer(posts[0].Payload), "Digest "+sources.DeliveryKey("701", jump)+" · Sun 29 Mar 03:00 Europe/Rome"; got != want {
			t.Errorf("footer = %q, want %q", got, want)
		}
	})
	t.Run("autumn: posted once, the first 02:30", func(t *testing.T) {
		created := time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC)
		h, c := startWithDigests(t, e, created, func(_ *Config, _ *harness, c *corpus) {
			c.schedule(sources.Schedule{ChannelID: "701", Spec: "30 2 * * *", TimeZone: "Europe/Rome"})
			c.add(1, created.Add(time.Hour))
		})
		first := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC) // 02:30 CEST
		h.set(first.Add(30 * time.Second))
		h.runDue()
		// Something new comes in before the second 02:30.
		c.add(2, first.Add(10*time.Minute))
		second := time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC) // 02:30 CET
		h.set(second.Add(30 * time.Second))
		h.runDue()
		posts := h.posts("701")
		if len(posts) != 1 {
			t.Fatalf("%d digests on the day the clocks fall back, want 1", len(posts))
		}
		if got, want := footer(posts[0].Payload), "Digest "+sources.DeliveryKey("701", first)+" · Sun 25 Oct 02:30 Europe/Rome"; got != want {
			t.Errorf("footer = %q, want %q", got, want)
		}
		next := time.Date(2026, 10, 26, 1, 30, 0, 0, time.UTC) // Monday 02:30 CET
		h.set(next.Add(30 * time.Second))
		h.runDue()
		if posts := h.posts("701"); len(posts) != 2 || !strings.Contains(posts[1].Payload.VisibleText(), "France and Germany") {
			t.Errorf("the next day: %d digests, want a second with the story held back", len(posts))
		}
	})
}
