package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Config is everything Attaché can be told in config.yaml. Every field has
// a default; config.example.yaml mirrors this struct with comments.
type Config struct {
	// DataDir holds the SQLite store (corpus.db).
	DataDir string `yaml:"data_dir"`
	// SampleCorpus seeds a new store with the bundled sample articles, and
	// keeps them; false removes them from an existing store.
	SampleCorpus *bool `yaml:"sample_corpus"`

	Log      LogConfig      `yaml:"log"`
	Feeds    FeedsConfig    `yaml:"feeds"`
	Briefing BriefingConfig `yaml:"briefing"`
	Discord  DiscordConfig  `yaml:"discord"`
	Digest   DigestConfig   `yaml:"digest"`
	HTTP     HTTPConfig     `yaml:"http"`
}

// LogConfig sets up log/slog.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// FeedsConfig tunes fetching and polling.
type FeedsConfig struct {
	Interval        Duration `yaml:"interval"`           // default poll interval per feed
	PollCron        string   `yaml:"poll_cron"`          // how often `attache run` looks for due feeds
	Timeout         Duration `yaml:"timeout"`            // per request
	MaxBytes        int64    `yaml:"max_bytes"`          // per response body, after decompression
	PerHost         int      `yaml:"per_host"`           // concurrent requests per host
	Concurrency     int      `yaml:"concurrency"`        // feeds polled at once
	UserAgent       string   `yaml:"user_agent"`         // empty: Attaché's own
	AllowPrivate    bool     `yaml:"allow_private"`      // allow loopback and private-network URLs
	FetchFullText   *bool    `yaml:"fetch_full_text"`    // fetch the page when an item is only a teaser
	MaxItemsPerPoll int      `yaml:"max_items_per_poll"` // newest items taken from one poll of a feed
}

// BriefingConfig tunes briefs.
type BriefingConfig struct {
	Window    Duration `yaml:"window"`    // default time window
	Sentences int      `yaml:"sentences"` // summary sentences
	Quotes    int      `yaml:"quotes"`    // quotes per brief
	Gazetteer string   `yaml:"gazetteer"` // optional file that adds or overrides gazetteer entries
}

// DiscordConfig configures `attache run`.
type DiscordConfig struct {
	Token        string   `yaml:"token"` // leave empty and set DISCORD_TOKEN
	Prefix       string   `yaml:"prefix"`
	ShardID      int      `yaml:"shard_id"`
	ShardCount   int      `yaml:"shard_count"`
	CommandGuild string   `yaml:"command_guild"` // register slash commands to this guild only (testing)
	AdminRoles   []string `yaml:"admin_roles"`
	Cooldown     Duration `yaml:"cooldown"`
	PageTimeout  Duration `yaml:"page_timeout"`
}

// DigestConfig tunes scheduled digests.
type DigestConfig struct {
	Grace       Duration `yaml:"grace"`        // a digest missed during downtime is posted if this recent
	MaxFailures int      `yaml:"max_failures"` // consecutive failed posts before a schedule pauses
	MaxStories  int      `yaml:"max_stories"`
}

// HTTPConfig is the optional operations listener.
type HTTPConfig struct {
	Listen string `yaml:"listen"` // e.g. 127.0.0.1:8089; empty: off
}

// DefaultConfig returns the configuration used when no file is given.
func DefaultConfig() Config {
	yes := true
	return Config{
		DataDir:      "data",
		SampleCorpus: &yes,
		Log:          LogConfig{Level: "info", Format: "text"},
		Feeds: FeedsConfig{
			Interval:        Duration(30 * time.Minute),
			PollCron:        "@every 1m",
			Timeout:         Duration(20 * time.Second),
			MaxBytes:        10 << 20,
			PerHost:         2,
			Concurrency:     4,
			FetchFullText:   &yes,
			MaxItemsPerPoll: 50,
		},
		Briefing: BriefingConfig{Window: Duration(30 * 24 * time.Hour), Sentences: 6, Quotes: 4},
		Discord: DiscordConfig{
			Prefix:      "!",
			AdminRoles:  []string{},
			ShardCount:  1,
			Cooldown:    Duration(5 * time.Second),
			PageTimeout: Duration(10 * time.Minute),
		},
		Digest: DigestConfig{Grace: Duration(6 * time.Hour), MaxFailures: 5, MaxStories: 8},
	}
}

// LoadConfig reads a YAML file over the defaults; unknown fields are an
// error so that a misspelt key does not go unnoticed. An empty path gives
// the defaults. DISCORD_TOKEN, when set, wins over the file.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
			return cfg, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if tok := os.Getenv("DISCORD_TOKEN"); tok != "" {
		cfg.Discord.Token = tok
	}
	if err := cfg.Validate(); err != nil {
		if path != "" {
			return cfg, fmt.Errorf("config %s: %w", path, err)
		}
		return cfg, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// Validate checks every field and names the first bad one.
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.DataDir) == "":
		return errors.New("data_dir must not be empty")
	case !oneOf(c.Log.Level, "debug", "info", "warn", "error"):
		return fmt.Errorf("log.level %q: want debug, info, warn or error", c.Log.Level)
	case !oneOf(c.Log.Format, "text", "json"):
		return fmt.Errorf("log.format %q: want text or json", c.Log.Format)
	case c.Feeds.Interval < Duration(time.Minute):
		return fmt.Errorf("feeds.interval %s: must be at least 1m", c.Feeds.Interval)
	case c.Feeds.Timeout <= 0:
		return errors.New("feeds.timeout must be positive")
	case c.Feeds.MaxBytes < 1024:
		return fmt.Errorf("feeds.max_bytes %d: must be at least 1024", c.Feeds.MaxBytes)
	case c.Feeds.PerHost < 1:
		return fmt.Errorf("feeds.per_host %d: must be at least 1", c.Feeds.PerHost)
	case c.Feeds.Concurrency < 1:
		return fmt.Errorf("feeds.concurrency %d: must be at least 1", c.Feeds.Concurrency)
	case c.Feeds.MaxItemsPerPoll < 1:
		return fmt.Errorf("feeds.max_items_per_poll %d: must be at least 1", c.Feeds.MaxItemsPerPoll)
	case strings.TrimSpace(c.Feeds.PollCron) == "":
		return errors.New("feeds.poll_cron must not be empty")
	case c.Briefing.Window < Duration(time.Hour):
		return fmt.Errorf("briefing.window %s: must be at least 1h", c.Briefing.Window)
	case c.Briefing.Sentences < 1 || c.Briefing.Sentences > 30:
		return fmt.Errorf("briefing.sentences %d: want 1 to 30", c.Briefing.Sentences)
	case c.Briefing.Quotes < 0 || c.Briefing.Quotes > 20:
		return fmt.Errorf("briefing.quotes %d: want 0 to 20", c.Briefing.Quotes)
	case c.Discord.Prefix == "" || strings.ContainsAny(c.Discord.Prefix, " \t\n"):
		return fmt.Errorf("discord.prefix %q: must be non-empty without spaces", c.Discord.Prefix)
	case c.Discord.ShardCount < 1 || c.Discord.ShardID < 0 || c.Discord.ShardID >= c.Discord.ShardCount:
		return fmt.Errorf("discord.shard_id %d / shard_count %d: want 0 <= shard_id < shard_count", c.Discord.ShardID, c.Discord.ShardCount)
	case c.Discord.Cooldown < 0:
		return errors.New("discord.cooldown must not be negative")
	case c.Discord.PageTimeout < Duration(time.Minute):
		return fmt.Errorf("discord.page_timeout %s: must be at least 1m", c.Discord.PageTimeout)
	case c.Digest.Grace < 0:
		return errors.New("digest.grace must not be negative")
	case c.Digest.MaxFailures < 1:
		return fmt.Errorf("digest.max_failures %d: must be at least 1", c.Digest.MaxFailures)
	case c.Digest.MaxStories < 1 || c.Digest.MaxStories > 25:
		return fmt.Errorf("digest.max_stories %d: want 1 to 25", c.Digest.MaxStories)
	}
	return nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

// Duration is a time.Duration that reads "30d", "12h", "90m" or "45s".
type Duration time.Duration

// UnmarshalYAML reads a duration string.
func (d *Duration) UnmarshalYAML(node *yaml.Node) error {
	v, err := ParseDuration(node.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", node.Line, err)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration back in the same form.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// String writes whole days as "30d" and other durations without their zero
// units: "30m", "2h", "1h30m", "45s".
func (d Duration) String() string {
	td := time.Duration(d)
	if td >= 24*time.Hour && td%(24*time.Hour) == 0 {
		return strconv.FormatInt(int64(td/(24*time.Hour)), 10) + "d"
	}
	s := td.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// ParseDuration reads Go durations plus days ("30d") and weeks ("2w").
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if n := len(s); n > 1 && (s[n-1] == 'd' || s[n-1] == 'w') {
		unit := 24 * time.Hour
		if s[n-1] == 'w' {
			unit *= 7
		}
		v, err := strconv.ParseFloat(s[:n-1], 64)
		// NaN fails every comparison, so it is refused by the last test;
		// a product past the largest Duration would wrap around.
		if err != nil || !(v >= 0 && v*float64(unit) < math.MaxInt64) {
			return 0, fmt.Errorf("bad duration %q: want e.g. 30d, 2w, 12h or 90m", s)
		}
		return time.Duration(v * float64(unit)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q: want e.g. 30d, 2w, 12h or 90m", s)
	}
	return d, nil
}
