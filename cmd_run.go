package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/robfig/cron/v3"

	"attache/bot"
	"attache/briefing"
	"attache/sources"
)

// feedStore adapts the store and the poller to what the bot needs.
type feedStore struct {
	store  sources.Store
	poller *sources.Poller
}

func (f feedStore) Feeds(ctx context.Context) ([]sources.Feed, error) { return f.store.Feeds(ctx) }

// AddFeed subscribes; a URL that is not a working feed, or one already
// subscribed, is the asker's to fix, so it comes back as a UserError.
func (f feedStore) AddFeed(ctx context.Context, url string) (sources.Feed, error) {
	feed, err := f.poller.AddFeed(ctx, url, 0)
	var fe *sources.FeedError
	switch {
	case errors.Is(err, sources.ErrFeedExists):
		return feed, &briefing.UserError{Message: "That feed is already subscribed (see `feeds`)."}
	case errors.As(err, &fe):
		return feed, &briefing.UserError{Message: "I couldn't subscribe to that feed: " + fe.Err.Error() + "."}
	}
	return feed, err
}
func (f feedStore) RemoveFeed(ctx context.Context, id int64) error {
	return f.store.DeleteFeed(ctx, id)
}
func (f feedStore) Ping(ctx context.Context) error { return f.store.Ping(ctx) }

// cmdRun runs the Discord bot with feed polling until SIGINT or SIGTERM.
func cmdRun(ctx context.Context, app *App, args []string) error {
	fs := newFlags("run", app.stderr)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	m := NewMain(app)
	defer m.Close()
	return m.Run(ctx)
}

// Main is `attache run`, wired from one Config in one place (after
// benbjohnson/wtf's cmd/wtfd): the store, the briefing engine, the feed
// poller on a cron, the Discord bot of one shard with its digest
// scheduler, and the operations listener. Run serves until its context
// ends and stops the parts in order; Close releases what Run opened.
type Main struct {
	app *App // configuration, logger, and the parts built on first use
	// instance names this process in the claims it holds on feeds and
	// digests in a store that other processes share.
	instance string

	poll *cron.Cron   // feed polling
	ops  *http.Server // /healthz and /metrics, when http.listen is set
	// stopReading ends the reading of unread articles for timelines,
	// and reading is closed when it has ended.
	stopReading context.CancelFunc
	reading     chan struct{}
}

// NewMain returns the service over app's configuration and parts.
func NewMain(app *App) *Main { return &Main{app: app, instance: bot.InstanceName()} }

// Run builds the parts, connects the bot, starts feed polling and the
// operations listener, and serves until ctx ends. Then the bot stops (its
// digests, its handlers, its session), then feed polling (waiting for a
// poll under way) and the listener.
func (m *Main) Run(ctx context.Context) error {
	app, cfg := m.app, m.app.cfg
	if cfg.Discord.Token == "" {
		return errors.New("no Discord token: set DISCORD_TOKEN (see the README, \"Running the bot\")")
	}
	eng, err := app.Engine(ctx)
	if err != nil {
		return err
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	poller, err := app.Poller(ctx)
	if err != nil {
		return err
	}
	b, err := bot.New(cfg.Discord, bot.Deps{
		Briefer: eng, Feeds: feedStore{st, poller}, Logger: app.log, Now: app.now,
		Digests: st, Digester: eng, Digest: cfg.Digest, Instance: m.instance,
		Memory: memoryOf(st), Remember: cfg.Briefing.Remember.D(),
	})
	if err != nil {
		return err
	}
	if err := m.startPolling(ctx, poller, b.Metrics()); err != nil {
		return err
	}
	if err := m.startOps(b.Handler()); err != nil {
		return err
	}
	// Articles stored before readings were kept, or read by older rules,
	// are read in the background: until then a timeline reads them itself.
	reader, err := app.PairReader()
	if err != nil {
		return err
	}
	readCtx, stop := context.WithCancel(ctx)
	m.stopReading, m.reading = stop, make(chan struct{})
	go readUnreadInBackground(readCtx, st, *reader, app.log, func() { close(m.reading) })
	app.log.Info("attache running", "store", sources.RedactStoreURL(app.StoreURL()), "instance", m.instance, "prefix", cfg.Discord.Prefix,
		"shard_id", cfg.Discord.ShardID, "shard_count", cfg.Discord.ShardCount, "poll_cron", cfg.Feeds.PollCron)
	runErr := b.Run(ctx)
	m.Close()
	app.log.Info("attache stopped")
	return runErr
}

// startPolling polls the due feeds on the feeds.poll_cron schedule,
// claiming each (for feeds.lease) so that of the processes sharing the
// store one polls it; a pass that overruns the next tick is skipped rather
// than stacked, and a panic is logged, not fatal.
func (m *Main) startPolling(ctx context.Context, poller *sources.Poller, reg *prometheus.Registry) error {
	polls := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "attache_feed_polls_total", Help: "Feed polls by outcome (ok, not_modified, failed).",
	}, []string{"outcome"})
	added := prometheus.NewCounter(prometheus.CounterOpts{Name: "attache_articles_added_total", Help: "Articles added by feed polls."})
	reg.MustRegister(polls, added)
	log := m.app.log
	clog := cronLogger{log}
	c := cron.New(cron.WithChain(cron.Recover(clog), cron.SkipIfStillRunning(clog)), cron.WithLogger(clog))
	_, err := c.AddFunc(m.app.cfg.Feeds.PollCron, func() {
		reports, err := poller.PollClaimed(ctx, m.instance, m.app.cfg.Feeds.Lease.D())
		if err != nil && !errors.Is(err, context.Canceled) {
			log.Error("feed poll pass failed", "err", err)
		}
		for _, r := range reports {
			switch {
			case r.Err != nil:
				polls.WithLabelValues("failed").Inc()
			case r.NotModified:
				polls.WithLabelValues("not_modified").Inc()
			default:
				polls.WithLabelValues("ok").Inc()
				added.Add(float64(r.Added))
			}
		}
	})
	if err != nil {
		return fmt.Errorf("config: feeds.poll_cron %q: %w", m.app.cfg.Feeds.PollCron, err)
	}
	c.Start()
	m.poll = c
	return nil
}

// startOps serves /healthz and /metrics on http.listen, if set.
func (m *Main) startOps(h http.Handler) error {
	addr := m.app.cfg.HTTP.Listen
	if addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("http.listen %s: %w", addr, err)
	}
	m.ops = &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := m.ops.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.app.log.Error("operations listener stopped", "err", err)
		}
	}()
	m.app.log.Info("operations listener started", "addr", ln.Addr().String())
	return nil
}

// Close stops the reading of articles for timelines and feed polling
// (waiting for a batch or a poll under way) and the operations listener,
// then releases the store. It may be called more
// than once.
func (m *Main) Close() {
	if m.stopReading != nil {
		m.stopReading()
		<-m.reading
		m.stopReading = nil
	}
	if m.poll != nil {
		<-m.poll.Stop().Done()
		m.poll = nil
	}
	if m.ops != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = m.ops.Shutdown(ctx)
		cancel()
		m.ops = nil
	}
	m.app.Close()
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
