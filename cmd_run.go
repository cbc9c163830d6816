package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/robfig/cron/v3"

	"attache/bot"
	"attache/briefing"
	"attache/sources"
)

// feedStore adapts the store and the poller to what the bot needs.
type feedStore struct {
	store  *sources.Store
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
	if app.cfg.Discord.Token == "" {
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
	d := app.cfg.Discord
	b, err := bot.New(bot.Config{
		Token:             d.Token,
		Prefix:            d.Prefix,
		ShardID:           d.ShardID,
		ShardCount:        d.ShardCount,
		CommandGuildID:    d.CommandGuild,
		AdminRoles:        d.AdminRoles,
		Cooldown:          time.Duration(d.Cooldown),
		PageTimeout:       time.Duration(d.PageTimeout),
		HealthAddr:        app.cfg.HTTP.Listen,
		DigestGrace:       time.Duration(app.cfg.Digest.Grace),
		DigestMaxFailures: app.cfg.Digest.MaxFailures,
		DigestMaxStories:  app.cfg.Digest.MaxStories,
	}, bot.Deps{Briefer: eng, Feeds: feedStore{st, poller}, Digests: st, Digester: eng, Logger: app.log, Now: app.now})
	if err != nil {
		return err
	}

	polls := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "attache_feed_polls_total", Help: "Feed polls by outcome (ok, not_modified, failed).",
	}, []string{"outcome"})
	added := prometheus.NewCounter(prometheus.CounterOpts{Name: "attache_articles_added_total", Help: "Articles added by feed polls."})
	b.Metrics().MustRegister(polls, added)

	// Feed polling runs on cron; a pass that overruns the next tick is
	// skipped rather than stacked, and a panic is logged, not fatal.
	clog := cronLogger{app.log}
	c := cron.New(cron.WithChain(cron.Recover(clog), cron.SkipIfStillRunning(clog)), cron.WithLogger(clog))
	_, err = c.AddFunc(app.cfg.Feeds.PollCron, func() {
		reports, err := poller.PollDue(ctx)
		if err != nil && !errors.Is(err, context.Canceled) {
			app.log.Error("feed poll pass failed", "err", err)
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
		return fmt.Errorf("config: feeds.poll_cron %q: %w", app.cfg.Feeds.PollCron, err)
	}
	c.Start()
	app.log.Info("attache running", "data_dir", app.cfg.DataDir, "prefix", d.Prefix, "poll_cron", app.cfg.Feeds.PollCron)
	runErr := b.Run(ctx)
	// Shutdown in order: stop scheduling and wait for a running poll, then
	// the store closes when main returns.
	<-c.Stop().Done()
	app.log.Info("attache stopped")
	return runErr
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
