package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The example file must load and equal the defaults, so that it documents
// them truthfully.
func TestExampleConfigIsTheDefaults(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	cfg, err := LoadConfig("config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := DefaultConfig(); !reflect.DeepEqual(cfg, want) {
		t.Errorf("config.example.yaml = %+v\nwant the defaults %+v", cfg, want)
	}
}

func TestLoadConfigErrorsNameTheField(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	tests := []struct{ yaml, want string }{
		{"feeds:\n  interval: 10s\n", "feeds.interval 10s: must be at least 1m"},
		{"log:\n  level: loud\n", `log.level "loud"`},
		{"briefing:\n  window: soon\n", `bad duration "soon"`},
		{"discord:\n  shard_id: 2\n  shard_count: 2\n", "discord.shard_id 2 / shard_count 2"},
		{"feeds:\n  intervall: 5m\n", "field intervall not found"},
		{"digest:\n  max_stories: 40\n", "digest.max_stories 40"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(path, []byte(tt.yaml), 0o600)
		_, err := LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadConfig(%q) = %v, want an error containing %q", tt.yaml, err, tt.want)
		}
	}
}

func TestTokenFromEnvironment(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "secret-from-env")
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("discord:\n  token: from-file\n"), 0o600)
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.Token != "secret-from-env" {
		t.Errorf("token = %q, want the environment's", cfg.Discord.Token)
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "90m": 90 * time.Minute, "1.5h": 90 * time.Minute} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "-3d", "soon", "5x", "nand", "NaNw", "infd", "+Infd", "1e300d", "999999999d", "2562048h"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted", in)
		}
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{30 * time.Minute, "30m"},
		{10 * time.Minute, "10m"},
		{2 * time.Hour, "2h"},
		{90 * time.Minute, "1h30m"},
		{20 * time.Second, "20s"},
		{time.Hour + 5*time.Second, "1h0m5s"},
		{0, "0s"},
		{30 * 24 * time.Hour, "30d"},
		{36 * time.Hour, "36h"},
	}
	for _, tt := range tests {
		if got := Duration(tt.in).String(); got != tt.want {
			t.Errorf("Duration(%v).String() = %q, want %q", tt.in, got, tt.want)
		}
		if back, err := ParseDuration(Duration(tt.in).String()); err != nil || back != tt.in {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", Duration(tt.in).String(), back, err, tt.in)
		}
	}
}
