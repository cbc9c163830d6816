package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRelTime(t *testing.T) {
	now := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Time{}, "never"},
		{now.Add(-time.Hour), "now"},
		{now.Add(20 * time.Second), "now"},
		{now.Add(30 * time.Minute), "in 30m"},
		{now.Add(10*time.Minute + 10*time.Second), "in 10m"},
		{now.Add(time.Hour), "in 1h"},
		{now.Add(90 * time.Minute), "in 1h30m"},
		{now.Add(48 * time.Hour), "in 2d"},
	}
	for _, tt := range tests {
		if got := relTime(tt.at, now); got != tt.want {
			t.Errorf("relTime(now+%v) = %q, want %q", tt.at.Sub(now), got, tt.want)
		}
	}
}

// --store names the store's file, and stats says which engine serves it.
func TestStoreFlagAndStatsEngine(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	path := filepath.Join(t.TempDir(), "elsewhere.db")
	out, _, err := attache(t, data, "--store", "sqlite:"+path, "stats")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Store:     SQLite, " + path + ","; !strings.Contains(out, want) {
		t.Errorf("stats lacks %q:\n%s", want, out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no store at the --store path: %v", err)
	}
	if _, err := os.Stat(filepath.Join(data, "corpus.db")); err == nil {
		t.Error("a store was made in the data directory as well")
	}
	if _, _, err := attache(t, data, "--store", "mysql://db/news", "stats"); err == nil || !strings.Contains(err.Error(), "--store") {
		t.Errorf("a bad --store gave %v, want an error naming --store", err)
	}
}
