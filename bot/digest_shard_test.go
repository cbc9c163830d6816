package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/briefing"
	"attache/sources"

	"attache/sources/storetest"
)

// Guilds of the two shards of a two-process bot: 500 >> 22 is 0, and
// 1 << 22 is the first id of shard 1.
const (
	shard0Guild = "500"
	shard1Guild = "4194304"
)

// TestDigestsOfOtherShardsAreLeftAlone: a process schedules and posts the
// digests of its own shard's guilds only, both in its cron and when it
// catches up.
func TestDigestsOfOtherShardsAreLeftAlone(t *testing.T) {
	storetest.Run(t, testDigestsOfOtherShardsAreLeftAlone)
}

func testDigestsOfOtherShardsAreLeftAlone(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(cfg *Config, _ *harness, c *corpus) {
		cfg.ShardID, cfg.ShardCount = 1, 2
		c.schedule(sources.Schedule{ChannelID: "701", GuildID: shard0Guild, Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		c.schedule(sources.Schedule{ChannelID: "702", GuildID: shard1Guild, Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		c.schedule(sources.Schedule{ChannelID: "703", GuildID: shard1Guild, Spec: "0 8 * * *", TimeZone: "Europe/Rome", PostEmpty: true})
	})
	if _, ok := h.bot.dg.nextSlot("701", nov19noon); ok {
		t.Errorf("shard 1 has a cron entry for a channel of shard 0's guild")
	}
	if _, ok := h.bot.dg.nextSlot("702", nov19noon); !ok {
		t.Errorf("shard 1 has no cron entry for a channel of its own guild")
	}
	c.add(0, nov19noon.Add(time.Hour))
	h.set(romeSlot.Add(10 * time.Second))
	h.runDue()
	if n := len(h.posts("701")); n != 0 {
		t.Errorf("shard 1 posted %d digests in shard 0's guild, want 0", n)
	}
	if n, m := len(h.posts("702")), len(h.posts("703")); n != 1 || m != 1 {
		t.Errorf("shard 1 posted %d and %d digests in its own guild's channels, want 1 each", n, m)
	}
	if _, err := c.store.Delivery(t.Context(), "701", romeSlot); err == nil {
		t.Errorf("shard 1 recorded a delivery for shard 0's channel")
	}
}

// TestDigestScheduleChangedElsewhereIsTakenUp: a schedule added, changed,
// paused or removed in the store by another process reaches this
// process's cron at its next refresh, without a restart.
func TestDigestScheduleChangedElsewhereIsTakenUp(t *testing.T) {
	storetest.Run(t, testDigestScheduleChangedElsewhereIsTakenUp)
}

func testDigestScheduleChangedElsewhereIsTakenUp(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, nil)
	ctx := context.Background()
	refresh := func() {
		t.Helper()
		if err := h.bot.dg.refresh(ctx, h.now()); err != nil {
			t.Fatal(err)
		}
	}
	c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"}) // by another process
	if _, ok := h.bot.dg.nextSlot("701", nov19noon); ok {
		t.Fatal("the schedule reached the cron before a refresh")
	}
	refresh()
	if next, ok := h.bot.dg.nextSlot("701", nov19noon); !ok || !next.Equal(romeSlot) {
		t.Fatalf("after a refresh the next slot is %v, %v; want %v", next, ok, romeSlot)
	}
	c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 10 * * *", TimeZone: "Europe/Rome"})
	refresh()
	if next, ok := h.bot.dg.nextSlot("701", nov19noon); !ok || !next.Equal(romeSlot.Add(2*time.Hour)) {
		t.Errorf("after a change elsewhere the next slot is %v, %v; want %v", next, ok, romeSlot.Add(2*time.Hour))
	}
	if _, err := c.store.FailDelivery(ctx, "701", romeSlot, errors.New("gone"), true, "the channel no longer exists"); err != nil {
		t.Fatal(err) // pauses the schedule
	}
	refresh()
	if _, ok := h.bot.dg.nextSlot("701", nov19noon); ok {
		t.Error("a schedule paused elsewhere keeps its cron entry")
	}
	c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"}) // resumed
	refresh()
	if err := c.store.DeleteSchedule(ctx, "701"); err != nil {
		t.Fatal(err)
	}
	refresh()
	if n := len(h.bot.dg.cron.Entries()); n != 0 {
		t.Errorf("a schedule removed elsewhere left %d cron entries, want 0", n)
	}
}

// TestDigestClaimedByAnotherProcess: a slot that another process has begun
// and holds is left to it; once that process has died and its claim has
// run out, the owner's refresh takes the slot over and finishes it by the
// delivery rule: the digest the dead process sent is found, not sent
// again.
func TestDigestClaimedByAnotherProcess(t *testing.T) {
	storetest.Run(t, testDigestClaimedByAnotherProcess)
}

func testDigestClaimedByAnotherProcess(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	slot := romeSlot
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		c.add(0, nov19noon.Add(time.Minute))
	})
	// The other process began the slot, claimed it and sent the digest.
	h.set(slot.Add(5 * time.Second))
	if _, _, err := c.store.BeginDelivery(ctx, "701", slot, nov19noon, slot); err != nil {
		t.Fatal(err)
	}
	if ok, err := c.store.ClaimDelivery(ctx, "701", slot, "other-process", h.now(), time.Minute); err != nil || !ok {
		t.Fatalf("claim by the other process: %v, %v", ok, err)
	}
	dig, err := c.eng.Digest(ctx, briefing.DigestRequest{Since: nov19noon, Until: slot})
	if err != nil {
		t.Fatal(err)
	}
	rome, _ := time.LoadLocation("Europe/Rome")
	pages := digestReply{digest: dig, key: sources.DeliveryKey("701", slot), slot: slot, loc: rome}.pages()
	sent := h.fake.AddMessage("701", discordtest.BotUser(), discordtest.Payload{Embeds: pages[0].embeds()})

	h.set(slot.Add(30 * time.Second)) // the claim is live
	h.runDue()
	if err := h.bot.dg.refresh(ctx, h.now()); err != nil {
		t.Fatal(err)
	}
	if n := len(h.posts("701")); n != 0 {
		t.Fatalf("%d pages posted while another process held the slot, want 0", n)
	}
	if d := c.delivery("701", slot); d.State != sources.DeliveryPending || d.ClaimedBy != "other-process" {
		t.Fatalf("delivery = %+v, want pending and still the other process's", d)
	}

	h.set(slot.Add(2 * time.Minute)) // the other process died: its claim ran out
	if err := h.bot.dg.refresh(ctx, h.now()); err != nil {
		t.Fatal(err)
	}
	if n := len(h.posts("701")); n != 0 {
		t.Fatalf("after taking over, %d messages posted, want 0: the digest was out already", n)
	}
	if d := c.delivery("701", slot); d.State != sources.DeliverySent || d.MessageID != sent {
		t.Errorf("delivery after the take-over = %+v, want sent as message %s", d, sent)
	}
}

// TestDigestTwoProcessesOneSlot: two processes that both think they own
// the same channels (an overlap during a deploy) and run the same slot at
// once post each digest once: the claim on the delivery decides.
func TestDigestTwoProcessesOneSlot(t *testing.T) { storetest.Run(t, testDigestTwoProcessesOneSlot) }

func testDigestTwoProcessesOneSlot(t *testing.T, e storetest.Engine) {
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		for i := range 12 {
			c.schedule(sources.Schedule{ChannelID: fmt.Sprint(7100 + i), Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
		}
		c.add(0, nov19noon.Add(time.Hour))
	})
	// The second process: its own scheduler over the same store, posting
	// to the same Discord.
	other := newScheduler(h.digest, c.store, c.eng, h.bot, Shard{ID: 0, Count: 1}, "other-process",
		slog.New(slog.DiscardHandler), h.now, func(string) {})
	other.base = context.Background()
	h.set(romeSlot.Add(10 * time.Second))
	var wg sync.WaitGroup
	for _, s := range []*scheduler{h.bot.dg, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.runDue(context.Background(), h.now(), true); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range 12 {
		ch := fmt.Sprint(7100 + i)
		if n := len(h.posts(ch)); n != 1 {
			t.Errorf("channel %s got %d digests from two processes, want 1", ch, n)
		}
		if d := c.delivery(ch, romeSlot); d.State != sources.DeliverySent {
			t.Errorf("channel %s's delivery = %+v, want sent", ch, d)
		}
	}
}

// TestDigestNowWhileAnotherProcessPosts: /digest now for the same second
// as a post another process holds is told so, and posts nothing.
func TestDigestNowWhileAnotherProcessPosts(t *testing.T) {
	storetest.Run(t, testDigestNowWhileAnotherProcessPosts)
}

func testDigestNowWhileAnotherProcessPosts(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, _ *harness, c *corpus) {
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", TimeZone: "Europe/Rome"})
	})
	slot := h.now().UTC().Truncate(time.Second)
	if _, _, err := c.store.BeginDelivery(ctx, "701", slot, nov19noon, slot); err != nil {
		t.Fatal(err)
	}
	if ok, err := c.store.ClaimDelivery(ctx, "701", slot, "other-process", slot, time.Minute); !ok || err != nil {
		t.Fatalf("claim by the other process: %v, %v", ok, err)
	}
	if got, want := h.commandReply("701", mod, "!digest now"), "A digest is being posted in <#701> right now. Try again in a few minutes."; got != want {
		t.Errorf("reply = %q, want %q", got, want)
	}
	if n := len(h.posts("701")); n != 0 { // the reply was taken by commandReply
		t.Errorf("%d digest messages posted, want 0", n)
	}
}
