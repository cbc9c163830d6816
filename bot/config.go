package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"attache/briefing"
	"attache/sources"
)

// Briefer is the briefing engine as the bot sees it.
type Briefer interface {
	// ParseWordsContext turns a person's words ("japan italy defense", "g7 since 7d") into a
	// request. Unknown or misspelt country names give a *briefing.UserError with Suggestions.
	ParseWordsContext(ctx context.Context, words []string) (briefing.Request, error)
	// Brief answers a request; nothing found is a *briefing.UserError saying what was searched
	// and how to widen it.
	Brief(ctx context.Context, req briefing.Request) (*briefing.Brief, error)
	// Quotes answers a request for quotes (req.Countries, or req.Speaker for one person): a
	// Brief whose Quotes (and Articles) are filled and whose Summary is empty.
	Quotes(ctx context.Context, req briefing.Request) (*briefing.Brief, error)
	// Search lists articles matching the request's countries and terms, newest first.
	Search(ctx context.Context, req briefing.Request, limit int) ([]briefing.ArticleRef, error)
	// Complete returns up to limit country and body names starting with (or near) prefix,
	// for slash-command autocomplete: Name is shown, Value is what to put in the option.
	Complete(prefix string, limit int) []briefing.Choice
}

// FeedStore is what the bot needs of the corpus store for `feeds`.
type FeedStore interface {
	Feeds(ctx context.Context) ([]sources.Feed, error)
	AddFeed(ctx context.Context, url string) (sources.Feed, error) // fetches and validates the feed first
	RemoveFeed(ctx context.Context, id int64) error
	Ping(ctx context.Context) error // for /healthz
}

// Config is the bot's part of Attaché's configuration.
type Config struct {
	// Token is the bot token, with or without the "Bot " prefix. main takes
	// it from DISCORD_TOKEN (or the config file); it is never logged.
	Token string `yaml:"token"`
	// Prefix starts a command in a channel ("!brief japan italy"). In a DM
	// it is optional. Default "!".
	Prefix string `yaml:"prefix"`
	// ShardID and ShardCount split guilds over several processes; a
	// ShardCount of 0 or 1 means one shard.
	ShardID    int `yaml:"shard_id"`
	ShardCount int `yaml:"shard_count"`
	// CommandGuildID registers the slash commands to this one guild, where
	// they appear at once (for testing); empty registers them globally.
	CommandGuildID string `yaml:"command_guild_id"`
	// AdminRoles are role names (compared without case) whose members may
	// manage feeds even without the Manage Server permission.
	AdminRoles []string `yaml:"admin_roles"`
	// Cooldown is the least time between two commands of one person.
	// Default 5s; a negative value turns the cooldown off.
	Cooldown time.Duration `yaml:"cooldown"`
	// PageTimeout is how long page buttons keep working after their last
	// use. Default 10m.
	PageTimeout time.Duration `yaml:"page_timeout"`
	// CommandTimeout bounds the work of one command. Default 60s.
	CommandTimeout time.Duration `yaml:"command_timeout"`
	// HealthAddr, if set, is where /healthz and /metrics are served, e.g.
	// "127.0.0.1:8089".
	HealthAddr string `yaml:"health_addr"`
	// DigestGrace is how late a digest missed while the bot was down may
	// still be posted; a missed digest older than that is skipped (its
	// stories go into the next one). Default 6h.
	DigestGrace time.Duration `yaml:"digest_grace"`
	// DigestMaxFailures is how many failed posts in a row pause a
	// channel's digests (its admin is told by DM). Default 5.
	DigestMaxFailures int `yaml:"digest_max_failures"`
	// DigestMaxStories caps the stories of one digest. Default 8.
	DigestMaxStories int `yaml:"digest_max_stories"`
	// DigestRetryDelays are the waits before each new try of a failed
	// post within its slot. Default 1m, 5m, 15m.
	DigestRetryDelays []time.Duration `yaml:"digest_retry_delays"`
}

// Defaults of Config.
const (
	DefaultPrefix         = "!"
	DefaultCooldown       = 5 * time.Second
	DefaultPageTimeout    = 10 * time.Minute
	DefaultCommandTimeout = 60 * time.Second
	DefaultDigestGrace    = 6 * time.Hour
	DefaultDigestFailures = 5
	DefaultDigestStories  = 8
)

// DefaultDigestRetryDelays are the default waits before retrying a failed
// digest post.
func DefaultDigestRetryDelays() []time.Duration {
	return []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute}
}

// withDefaults fills the zero fields with their defaults.
func (c Config) withDefaults() Config {
	if c.Prefix == "" {
		c.Prefix = DefaultPrefix
	}
	if c.ShardCount == 0 {
		c.ShardCount = 1
	}
	if c.Cooldown == 0 {
		c.Cooldown = DefaultCooldown
	}
	if c.PageTimeout == 0 {
		c.PageTimeout = DefaultPageTimeout
	}
	if c.CommandTimeout == 0 {
		c.CommandTimeout = DefaultCommandTimeout
	}
	if c.DigestGrace == 0 {
		c.DigestGrace = DefaultDigestGrace
	}
	if c.DigestMaxFailures == 0 {
		c.DigestMaxFailures = DefaultDigestFailures
	}
	if c.DigestMaxStories == 0 {
		c.DigestMaxStories = DefaultDigestStories
	}
	if c.DigestRetryDelays == nil {
		c.DigestRetryDelays = DefaultDigestRetryDelays()
	}
	c.Token = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Token), "Bot "))
	return c
}

// Validate reports the first problem with the configuration (after
// defaults), naming the field.
func (c Config) Validate() error {
	c = c.withDefaults()
	switch {
	case c.Token == "":
		return errors.New("bot: token is empty: set DISCORD_TOKEN")
	case strings.ContainsAny(c.Token, " \t\r\n"):
		return errors.New("bot: token contains white space")
	case len(c.Prefix) > 5 || strings.ContainsAny(c.Prefix, " \t\r\n"):
		return fmt.Errorf("bot: prefix %q: want at most 5 characters and no spaces", c.Prefix)
	case c.ShardCount < 1 || c.ShardID < 0 || c.ShardID >= c.ShardCount:
		return fmt.Errorf("bot: shard_id %d with shard_count %d: want 0 <= shard_id < shard_count", c.ShardID, c.ShardCount)
	case c.CommandGuildID != "" && !isSnowflake(c.CommandGuildID):
		return fmt.Errorf("bot: command_guild_id %q is not a Discord id", c.CommandGuildID)
	case c.PageTimeout < 0:
		return fmt.Errorf("bot: page_timeout %v is negative", c.PageTimeout)
	case c.CommandTimeout < 0:
		return fmt.Errorf("bot: command_timeout %v is negative", c.CommandTimeout)
	case c.DigestGrace < 0:
		return fmt.Errorf("bot: digest_grace %v is negative", c.DigestGrace)
	case c.DigestMaxFailures < 1:
		return fmt.Errorf("bot: digest_max_failures %d: want at least 1", c.DigestMaxFailures)
	case c.DigestMaxStories < 1 || c.DigestMaxStories > 25:
		return fmt.Errorf("bot: digest_max_stories %d: want 1 to 25", c.DigestMaxStories)
	case len(c.DigestRetryDelays) > 10:
		return fmt.Errorf("bot: digest_retry_delays: %d delays, want at most 10", len(c.DigestRetryDelays))
	}
	for _, d := range c.DigestRetryDelays {
		if d < 0 || d > time.Hour {
			return fmt.Errorf("bot: digest_retry_delays: %v, want 0 to 1h", d)
		}
	}
	return nil
}

func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Deps are the parts the bot is built from.
type Deps struct {
	Briefer Briefer
	Feeds   FeedStore
	Logger  *slog.Logger     // nil: discard
	Now     func() time.Time // nil: time.Now
	// HTTPClient, if set, carries every REST request of the Discord session,
	// including the gateway address look-up. Tests set it to
	// discordtest.Server.Client() to point the session at the fake.
	HTTPClient *http.Client
	// Digests and Digester enable scheduled digests (set both, or
	// neither: without them /digest says digests are off).
	Digests  DigestStore
	Digester Digester
}
