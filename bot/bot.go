// Package bot is Attaché's Discord edge: it connects to the gateway, turns
// prefix commands, direct messages and slash commands into briefing
// requests, renders the answers as embeds within Discord's limits (paged
// with buttons when long), checks permissions and cooldowns, and serves
// /healthz and Prometheus /metrics.
//
// Every command is defined once (see commands.go) and serves all its
// triggers: "!brief japan italy" in a channel, "japan italy" in a DM and
// /brief. A command returns a typed Reply; the adapter (discord.go) renders
// and sends it. Package bot/discordtest is a fake Discord for its tests.
//
// With Deps.Digests and Deps.Digester set, the bot also posts scheduled
// digests: /digest schedule gives a channel a cron schedule in its time
// zone (schedule.go); the scheduler (digest.go, schedule_cron.go) runs
// the schedules of the guilds of its shard (shard.go) on one robfig cron
// and posts through the bot (digest_post.go, the only part that touches
// the session); and each (channel, scheduled time) is posted at least
// once and at most once, across processes too (delivery.go).
package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/prometheus/client_golang/prometheus"
)

// Intents are the gateway intents the bot asks for. Message content is
// privileged: prefix commands need it, slash commands do not.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages |
	discordgo.IntentsDirectMessages | discordgo.IntentMessageContent

// shutdownGrace bounds how long Run waits for handlers still running.
const shutdownGrace = 30 * time.Second

// Bot is a Discord bot serving Attaché's commands. Build it with New and
// start it with Run.
type Bot struct {
	cfg      Config
	deps     Deps
	log      *slog.Logger
	now      func() time.Time
	session  *discordgo.Session
	commands *commandSet
	cooldown *cooldowns
	pages    *pagers
	metrics  *metrics
	dg       *scheduler // nil: digests off

	mu       sync.Mutex
	closing  bool
	running  bool
	base     context.Context // handlers' context: outlives Run's ctx until shutdown
	inflight sync.WaitGroup

	connected atomic.Bool
	// connecting is set while Run tries to reach Discord at start; wait
	// spaces the tries (sleep; tests hold it).
	connecting atomic.Bool
	wait       func(ctx context.Context, d time.Duration) error
}

// New builds a bot from its configuration and parts. It does not connect;
// Run does.
func New(cfg Config, deps Deps) (*Bot, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("bot: config: %w", err)
	}
	cfg.Token = botToken(cfg.Token)
	if cfg.Token == "" {
		return nil, errors.New("bot: no Discord token: set DISCORD_TOKEN")
	}
	if deps.Briefer == nil {
		return nil, errors.New("bot: Deps.Briefer is nil")
	}
	if deps.Feeds == nil {
		return nil, errors.New("bot: Deps.Feeds is nil")
	}
	if (deps.Digests == nil) != (deps.Digester == nil) {
		return nil, errors.New("bot: set both Deps.Digests and Deps.Digester, or neither")
	}
	if deps.Digests != nil {
		if err := deps.Digest.Validate(); err != nil {
			return nil, fmt.Errorf("bot: digest config: %w", err)
		}
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	s, err := discordgo.New("Bot " + cfg.Token)
	if err != nil {
		return nil, fmt.Errorf("bot: discord session: %w", err)
	}
	s.Identify.Intents = Intents
	s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	s.LogLevel = discordgo.LogError
	s.StateEnabled = true
	if deps.HTTPClient != nil {
		s.Client = deps.HTTPClient
	}
	b := &Bot{
		cfg:      cfg,
		deps:     deps,
		log:      deps.Logger.With("component", "bot"),
		now:      deps.Now,
		session:  s,
		commands: newCommandSet(),
		cooldown: newCooldowns(cfg.Cooldown.D(), deps.Now),
		base:     context.Background(),
		wait:     sleep,
	}
	b.pages = newPagers(cfg.PageTimeout.D(), deps.Now, b.log)
	b.metrics = newMetrics(b.connected.Load)
	if deps.Digests != nil {
		b.dg = newScheduler(deps.Digest, deps.Digests, deps.Digester, b, Shard{ID: cfg.ShardID, Count: cfg.ShardCount}, deps.Instance,
			b.log, deps.Now, b.metrics.digest)
		b.dg.mem, b.dg.keep = deps.Memory, deps.Remember
	}
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) { b.setConnected(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.setConnected(true) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { b.setConnected(false) })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) {
		b.track(func(ctx context.Context) { b.onMessage(ctx, m) })
	})
	s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) {
		b.track(func(ctx context.Context) { b.onInteraction(ctx, i) })
	})
	return b, nil
}

func (b *Bot) setConnected(up bool) {
	if b.connected.Swap(up) != up {
		if up {
			b.log.Info("gateway connected")
		} else {
			b.log.Warn("gateway disconnected")
		}
	}
}

// Metrics is the bot's own Prometheus registry, served at /metrics. main
// registers its other collectors here (feed polls and failures).
func (b *Bot) Metrics() *prometheus.Registry { return b.metrics.registry }

// track runs one event handler unless the bot is shutting down, so that
// shutdown can wait for it. A panic is logged, not fatal.
func (b *Bot) track(handle func(ctx context.Context)) {
	b.mu.Lock()
	if b.closing {
		b.mu.Unlock()
		return
	}
	b.inflight.Add(1)
	base := b.base
	b.mu.Unlock()
	defer b.inflight.Done()
	defer func() {
		if r := recover(); r != nil {
			b.log.Error("handler panicked", "panic", fmt.Sprint(r))
		}
	}()
	ctx, cancel := context.WithTimeout(base, b.cfg.CommandTimeout.D())
	defer cancel()
	handle(ctx)
}

// Run connects to Discord, registers the slash commands, starts the
// digest schedules (and catches up on digests missed while down) and
// serves until ctx ends. Then it stops the schedules and takes no more
// events, waits for the digests and commands still running, disables the
// page buttons still live and closes the session.
func (b *Bot) Run(ctx context.Context) error {
	b.mu.Lock()
	if b.running || b.closing {
		b.mu.Unlock()
		return errors.New("bot: Run called twice")
	}
	b.running = true
	// Handlers keep their values but not the cancellation of ctx: a brief
	// being written when shutdown begins is still delivered.
	b.base = context.WithoutCancel(ctx)
	b.mu.Unlock()

	if err := b.connect(ctx); err != nil {
		if ctx.Err() != nil {
			return nil // asked to stop while starting: not a failure
		}
		return fmt.Errorf("bot: connect to discord gateway: %w", err)
	}
	if err := b.registerCommands(ctx); err != nil {
		b.shutdown()
		if ctx.Err() != nil {
			return nil // asked to stop while starting: not a failure
		}
		return err
	}
	if b.dg != nil {
		if err := b.dg.start(ctx); err != nil {
			b.shutdown()
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
	}
	b.log.Info("bot running", "shard_id", b.cfg.ShardID, "shard_count", b.cfg.ShardCount, "prefix", b.cfg.Prefix)
	<-ctx.Done()
	b.shutdown()
	return nil
}

func (b *Bot) shutdown() {
	b.log.Info("bot shutting down")
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	if b.dg != nil {
		b.dg.stopAll(shutdownGrace)
	}
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(shutdownGrace):
		b.log.Warn("handlers still running at shutdown", "grace", shutdownGrace)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	for _, p := range b.pages.drain() {
		if err := p.stop(ctx); err != nil {
			b.log.Warn("page buttons not removed", "pager_id", p.id, "err", err)
		}
	}
	cancel()
	if err := b.session.Close(); err != nil {
		b.log.Warn("closing discord session", "err", err)
	}
	b.setConnected(false)
}

// applicationID is the id slash commands are registered under.
func (b *Bot) applicationID() string {
	st := b.session.State
	if st == nil {
		return ""
	}
	if st.Application != nil && st.Application.ID != "" {
		return st.Application.ID
	}
	if st.User != nil {
		return st.User.ID
	}
	return ""
}

// selfID is the bot user's id, once READY has arrived.
func (b *Bot) selfID() string {
	if st := b.session.State; st != nil && st.User != nil {
		return st.User.ID
	}
	return ""
}

// registerCommands replaces the application's slash commands with ours in
// one bulk overwrite, globally or in one guild. The commands belong to the
// application, not to a shard: of several processes, shard 0's registers
// them, and the others do not spend Discord's limit on the same request.
func (b *Bot) registerCommands(ctx context.Context) error {
	if b.cfg.ShardID != 0 {
		b.log.Debug("slash commands left to shard 0", "shard_id", b.cfg.ShardID)
		return nil
	}
	app := b.applicationID()
	if app == "" {
		return errors.New("bot: register commands: no application id in READY")
	}
	defs := b.commands.slashDefinitions()
	got, err := b.session.ApplicationCommandBulkOverwrite(app, b.cfg.CommandGuild, defs, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: register slash commands: %w", err)
	}
	scope := "global"
	if b.cfg.CommandGuild != "" {
		scope = "guild " + b.cfg.CommandGuild
	}
	b.log.Info("slash commands registered", "count", len(got), "scope", scope)
	return nil
}

// RunDue posts, for every schedule of this shard, the latest slot that has
// come due by now and has not been dealt with, and waits until they are
// posted: the work the cron does for one channel when its slot comes, for
// all at once. Tests call it with a fake clock. Call it while Run is
// running: it posts through Run's session.
func (b *Bot) RunDue(ctx context.Context, now time.Time) error {
	if b.dg == nil {
		return errors.New("bot: digests are not enabled")
	}
	return b.dg.runDue(ctx, now, true)
}
