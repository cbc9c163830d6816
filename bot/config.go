package bot

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"attache/briefing"
	"attache/config"
	"attache/sources"
)

// Briefer is the briefing engine as the bot sees it.
type Briefer interface {
	// ParseWordsFor turns a person's words ("japan italy defense", "g7 since 7d") into a
	// request; asking says, in its messages, which command asked. Unknown or misspelt country
	// names give a *briefing.UserError with Suggestions.
	ParseWordsFor(ctx context.Context, asking briefing.Asking, words []string) (briefing.Request, error)
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

// Config is the discord: section of the configuration file.
type Config struct {
	// Token is the bot token, with or without the "Bot " prefix. main takes
	// it from DISCORD_TOKEN (or the config file); it is never logged. Only
	// `attache run` needs one: New refuses an empty token, Validate does not.
	Token string `yaml:"token"`
	// Prefix starts a command in a channel ("!brief japan italy"). In a DM
	// it is optional.
	Prefix string `yaml:"prefix"`
	// ShardID and ShardCount split guilds over several processes: this
	// process serves the guilds of shard ShardID (Discord's rule, see
	// ShardOf) and schedules their channels' digests.
	ShardID    int `yaml:"shard_id"`
	ShardCount int `yaml:"shard_count"`
	// CommandGuild registers the slash commands to this one guild, where
	// they appear at once (for testing); empty registers them globally.
	CommandGuild string `yaml:"command_guild"`
	// AdminRoles are role names (compared without case) whose members may
	// manage feeds and digests even without the Manage Server permission.
	AdminRoles []string `yaml:"admin_roles"`
	// Cooldown is the least time between two commands of one person; 0
	// turns the cooldown off.
	Cooldown config.Duration `yaml:"cooldown"`
	// PageTimeout is how long page buttons keep working after their last use.
	PageTimeout config.Duration `yaml:"page_timeout"`
	// CommandTimeout bounds the work of one command.
	CommandTimeout config.Duration `yaml:"command_timeout"`
}

// DefaultConfig is the discord section when the file says nothing.
func DefaultConfig() Config {
	return Config{
		Prefix:         "!",
		ShardCount:     1,
		AdminRoles:     []string{},
		Cooldown:       config.Duration(5 * time.Second),
		PageTimeout:    config.Duration(10 * time.Minute),
		CommandTimeout: config.Duration(60 * time.Second),
	}
}

// Validate reports the first bad value, naming its key within the section.
// An empty token passes (only `attache run` needs one; New checks).
func (c Config) Validate() error {
	switch {
	case strings.ContainsAny(botToken(c.Token), " \t\r\n"):
		return config.Errorf("token", "contains white space")
	case c.Prefix == "" || len(c.Prefix) > 5 || strings.ContainsAny(c.Prefix, " \t\r\n"):
		return config.Errorf("prefix", "%q: want 1 to 5 characters and no spaces", c.Prefix)
	case c.ShardCount < 1 || c.ShardID < 0 || c.ShardID >= c.ShardCount:
		return config.Errorf("shard_id", "%d with shard_count %d: want 0 <= shard_id < shard_count", c.ShardID, c.ShardCount)
	case c.CommandGuild != "" && !isSnowflake(c.CommandGuild):
		return config.Errorf("command_guild", "%q is not a Discord id", c.CommandGuild)
	case c.Cooldown < 0:
		return config.Errorf("cooldown", "%v: must not be negative (0 turns it off)", c.Cooldown)
	case c.PageTimeout <= 0:
		return config.Errorf("page_timeout", "%v: must be positive", c.PageTimeout)
	case c.CommandTimeout < config.Duration(time.Second):
		return config.Errorf("command_timeout", "%v: must be at least 1s", c.CommandTimeout)
	}
	return nil
}

// botToken is the token without the "Bot " prefix and surrounding space.
func botToken(t string) string {
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "Bot "))
}

// DigestConfig is the digest: section of the configuration file: how
// scheduled digests are posted.
type DigestConfig struct {
	// Grace is how late a digest missed while the bot was down may still
	// be posted; a missed digest older than that is skipped (its stories
	// go into the next one).
	Grace config.Duration `yaml:"grace"`
	// MaxFailures is how many failed posts in a row pause a channel's
	// digests (its admin is told by DM).
	MaxFailures int `yaml:"max_failures"`
	// MaxStories caps the stories of one digest.
	MaxStories int `yaml:"max_stories"`
	// RetryDelays are the waits before each new try of a failed post
	// within its slot.
	RetryDelays []config.Duration `yaml:"retry_delays"`
	// Refresh is how often the scheduler reads the schedules again, to
	// take up those changed by another process (or another tool) and the
	// digests that came due or were left pending meanwhile.
	Refresh config.Duration `yaml:"refresh"`
	// Lease is how long a process's claim on a digest being posted lasts
	// without renewal (it renews it every third of that while it works):
	// after a crash, another process (or the restarted one) takes the
	// digest over once the lease has run out.
	Lease config.Duration `yaml:"lease"`
}

// DefaultDigestConfig is the digest section when the file says nothing.
func DefaultDigestConfig() DigestConfig {
	return DigestConfig{
		Grace:       config.Duration(6 * time.Hour),
		MaxFailures: 5,
		MaxStories:  8,
		RetryDelays: []config.Duration{config.Duration(time.Minute), config.Duration(5 * time.Minute), config.Duration(15 * time.Minute)},
		Refresh:     config.Duration(time.Minute),
		Lease:       config.Duration(time.Minute),
	}
}

// Validate reports the first bad value, naming its key within the section.
func (c DigestConfig) Validate() error {
	switch {
	case c.Grace < 0:
		return config.Errorf("grace", "%v: must not be negative", c.Grace)
	case c.MaxFailures < 1:
		return config.Errorf("max_failures", "%d: must be at least 1", c.MaxFailures)
	case c.MaxStories < 1 || c.MaxStories > 25:
		return config.Errorf("max_stories", "%d: want 1 to 25", c.MaxStories)
	case len(c.RetryDelays) > 10:
		return config.Errorf("retry_delays", "has %d delays: want at most 10", len(c.RetryDelays))
	case c.Refresh < config.Duration(time.Second) || c.Refresh > config.Duration(time.Hour):
		return config.Errorf("refresh", "%v: want 1s to 1h", c.Refresh)
	case c.Lease < config.Duration(3*time.Second) || c.Lease > config.Duration(time.Hour):
		return config.Errorf("lease", "%v: want 3s to 1h", c.Lease)
	}
	for _, d := range c.RetryDelays {
		if d < 0 || d > config.Duration(time.Hour) {
			return config.Errorf("retry_delays", "%v: want 0 to 1h", d)
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
	// neither: without them /digest says digests are off); Digest is how
	// they are posted (a valid DigestConfig when they are set).
	Digests  DigestStore
	Digester Digester
	Digest   DigestConfig
	// Instance names this process among those sharing the store (it
	// holds the claims on the digests it posts); empty: host, process id
	// and a random part.
	Instance string
	// Memory, when set, remembers each person's last brief on each
	// request for Remember, so that /brief marks what is new since then
	// (and /brief new:true shows only that); /forget clears it. It also
	// remembers each channel's last digest on its filter, so that the
	// next digest on the same filter says how the tone moved.
	Memory   MemoryStore
	Remember time.Duration
}

// durations are config durations as time.Durations.
func durations(ds []config.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.D()
	}
	return out
}
