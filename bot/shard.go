package bot

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
)

// Shard is one process's share of the work when several processes serve
// one bot: the guilds of shard ID out of Count, by Discord's own rule
// (ShardOf). The gateway sends a process the events of its shard's guilds
// (and, to shard 0, direct messages); the process schedules the digests of
// the same guilds' channels (and shard 0 those of direct messages).
type Shard struct {
	ID, Count int
}

// ShardOf is the shard of a guild: (guild_id >> 22) % count, Discord's
// rule. Direct messages (no guild) and ids that are not numbers belong to
// shard 0.
func ShardOf(guildID string, count int) int {
	if count <= 1 || guildID == "" {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// Owns reports whether a guild (or, for "", direct messages) belongs to
// the shard.
func (s Shard) Owns(guildID string) bool { return ShardOf(guildID, s.Count) == s.ID }

// InstanceName names this process among those sharing a store, for the
// claims it holds: host, process id and a random part, so that a restarted
// process is a new claimant and two processes on one host never collide.
func InstanceName() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "host"
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}
