package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"attache/bot"
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
		{"discord:\n  shard_id: 2\n  shard_count: 2\n", "discord.shard_id 2 with shard_count 2: want 0 <= shard_id < shard_count"},
		// The file's check is the bot's: a six-character prefix used to
		// pass here and fail when the bot started.
		{"discord:\n  prefix: \"!!!!!!\"\n", `discord.prefix "!!!!!!": want 1 to 5 characters and no spaces`},
		{"discord:\n  command_guild: my-guild\n", `discord.command_guild "my-guild" is not a Discord id`},
		{"discord:\n  command_guild_id: \"500\"\n", "field command_guild_id not found"},
		{"discord:\n  cooldown: -5s\n", `bad duration "-5s"`},
		{"digest:\n  retry_delays: [1m, 2h]\n", "digest.retry_delays 2h: want 0 to 1h"},
		// 0 quotes used to pass and then give the engine's default of 4.
		{"briefing:\n  quotes: 0\n", "briefing.quotes 0: want 1 to 20"},
		{"feeds:\n  intervall: 5m\n", "field intervall not found"},
		{"digest:\n  max_stories: 40\n", "digest.max_stories 40"},
		{"store:\n  url: corpus.db\n", `store.url "corpus.db": want sqlite:PATH or postgres://`},
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

// A file that loads is one the bot accepts: the discord section has one
// validator, so the two cannot disagree.
func TestLoadedConfigStartsTheBot(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "Bot from-env")
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("discord:\n  prefix: \"!!!!!\"\n  command_guild: \"500\"\n  shard_id: 1\n  shard_count: 2\n  cooldown: 0s\n"), 0o600)
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Discord.CommandGuild != "500" || cfg.Discord.ShardID != 1 || cfg.Discord.Cooldown != 0 {
		t.Errorf("discord section = %+v", cfg.Discord)
	}
	if _, err := bot.New(cfg.Discord, bot.Deps{Briefer: nil}); err == nil || strings.Contains(err.Error(), "config") {
		t.Errorf("bot.New on a loaded config = %v, want only the missing parts refused", err)
	}
}

// A file with a second YAML document is refused: the second one would be
// ignored, settings such as feeds.allow_private included. A document
// marker at the start, or a bare one at the end, is one document.
func TestLoadConfigRefusesMultipleDocuments(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	refused := []string{
		"log:\n  level: info\n---\nfeeds:\n  allow_private: true\n",
		"---\nlog:\n  level: info\n---\nlog:\n  level: debug\n",
		"log:\n  level: info\n---\n{}\n",
		"log:\n  level: info\n---\n- a\n",
	}
	for _, y := range refused {
		path := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(path, []byte(y), 0o600)
		_, err := LoadConfig(path)
		if err == nil || !strings.Contains(err.Error(), "a second YAML document starts at line") || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadConfig(%q) = %v, want the second document refused", y, err)
		}
	}
	for _, y := range []string{"---\nlog:\n  level: debug\n", "log:\n  level: debug\n---\n", "log:\n  level: debug\n...\n", ""} {
		path := filepath.Join(t.TempDir(), "c.yaml")
		os.WriteFile(path, []byte(y), 0o600)
		if _, err := LoadConfig(path); err != nil {
			t.Errorf("LoadConfig(%q) = %v, want it read", y, err)
		}
	}
}
