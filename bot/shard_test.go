package bot

import (
	"strconv"
	"testing"
)

func TestShardOf(t *testing.T) {
	tests := []struct {
		guild string
		count int
		want  int
	}{
		{"", 4, 0},          // direct messages
		{"500", 4, 0},       // 500 >> 22 is 0
		{"not-an-id", 4, 0}, // refused ids fall to shard 0
		{"4194304", 4, 1},   // 1 << 22
		{"12582912", 4, 3},  // 3 << 22
		{"16777216", 4, 0},  // 4 << 22 wraps
		{"16777216", 1, 0},  // one shard
		{"197038439483310086", 10, int((uint64(197038439483310086) >> 22) % 10)},
	}
	for _, tt := range tests {
		if got := ShardOf(tt.guild, tt.count); got != tt.want {
			t.Errorf("ShardOf(%q, %d) = %d, want %d", tt.guild, tt.count, got, tt.want)
		}
	}
	// Every guild belongs to exactly one of the shards.
	for g := uint64(0); g < 64; g++ {
		id := strconv.FormatUint(g<<22|g, 10)
		owners := 0
		for s := 0; s < 3; s++ {
			if (Shard{ID: s, Count: 3}).Owns(id) {
				owners++
			}
		}
		if owners != 1 {
			t.Errorf("guild %s has %d owning shards of 3, want 1", id, owners)
		}
	}
}
