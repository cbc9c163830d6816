package bot

import (
	"testing"
	"time"

	"attache/sources"
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
	h, c := startWithDigests(t, nov19noon, func(cfg *Config, _ *harness, c *corpus) {
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
