package sources

import (
	"strings"
	"time"

	"attache/config"
	"attache/sources/fetch"
)

// FeedsConfig is the feeds: section of the configuration file: how feeds
// are fetched and polled.
type FeedsConfig struct {
	// Interval is how often a feed added without its own interval is polled.
	Interval config.Duration `yaml:"interval"`
	// PollCron is how often `attache run` looks for due feeds (robfig/cron syntax).
	PollCron string `yaml:"poll_cron"`
	// Timeout bounds one request, body included.
	Timeout config.Duration `yaml:"timeout"`
	// MaxBytes caps a response body, after decompression.
	MaxBytes int64 `yaml:"max_bytes"`
	// PerHost bounds the requests in flight to one host.
	PerHost int `yaml:"per_host"`
	// Concurrency is how many feeds are polled at once.
	Concurrency int `yaml:"concurrency"`
	// UserAgent is sent with every request; empty: Attaché's own.
	UserAgent string `yaml:"user_agent"`
	// AllowPrivate allows loopback and private-network URLs.
	AllowPrivate bool `yaml:"allow_private"`
	// FetchFullText fetches the article page when an item is only a teaser.
	FetchFullText bool `yaml:"fetch_full_text"`
	// MaxItemsPerPoll is how many of a feed's newest items one poll takes.
	MaxItemsPerPoll int `yaml:"max_items_per_poll"`
	// Lease is how long a process's claim on a feed it polls lasts
	// (Poller.PollClaimed): longer than one feed's poll, pages included.
	// A process that dies mid-poll gives its feeds back after it.
	Lease config.Duration `yaml:"lease"`
}

// DefaultFeedsConfig is the feeds section when the file says nothing.
func DefaultFeedsConfig() FeedsConfig {
	return FeedsConfig{
		Interval:        config.Duration(30 * time.Minute),
		PollCron:        "@every 1m",
		Timeout:         config.Duration(fetch.DefaultTimeout),
		MaxBytes:        fetch.DefaultMaxBytes,
		PerHost:         fetch.DefaultPerHost,
		Concurrency:     4,
		FetchFullText:   true,
		MaxItemsPerPoll: 50,
		Lease:           config.Duration(10 * time.Minute),
	}
}

// Validate reports the first bad value, naming its key within the section.
func (c FeedsConfig) Validate() error {
	switch {
	case c.Interval < config.Duration(time.Minute):
		return config.Errorf("interval", "%s: must be at least 1m", c.Interval)
	case strings.TrimSpace(c.PollCron) == "":
		return config.Errorf("poll_cron", "must not be empty")
	case c.Timeout <= 0:
		return config.Errorf("timeout", "must be positive")
	case c.MaxBytes < 1024:
		return config.Errorf("max_bytes", "%d: must be at least 1024", c.MaxBytes)
	case c.PerHost < 1:
		return config.Errorf("per_host", "%d: must be at least 1", c.PerHost)
	case c.Concurrency < 1:
		return config.Errorf("concurrency", "%d: must be at least 1", c.Concurrency)
	case c.MaxItemsPerPoll < 1:
		return config.Errorf("max_items_per_poll", "%d: must be at least 1", c.MaxItemsPerPoll)
	case c.Lease < c.Timeout || c.Lease < config.Duration(time.Minute):
		return config.Errorf("lease", "%v: must be at least 1m and at least the timeout", c.Lease)
	}
	return nil
}

// FetchOptions are the fetch client's options as the section sets them,
// on the clock now.
func (c FeedsConfig) FetchOptions(now func() time.Time) fetch.Options {
	return fetch.Options{
		UserAgent:    c.UserAgent,
		Timeout:      c.Timeout.D(),
		MaxBytes:     c.MaxBytes,
		PerHost:      c.PerHost,
		AllowPrivate: c.AllowPrivate,
		Now:          now,
	}
}

// Configure sets a poller's knobs from the section.
func (c FeedsConfig) Configure(p *Poller) {
	p.Concurrency = c.Concurrency
	p.FetchFullText = c.FetchFullText
	p.MaxItems = c.MaxItemsPerPoll
	p.Interval = c.Interval.D()
}
