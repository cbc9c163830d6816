package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"attache/briefing"
	"attache/sources"

	"github.com/robfig/cron/v3"
)

// DigestStore is what the bot needs of the store for scheduled digests:
// the schedules, and a record per (channel, scheduled time) that is
// written before a digest is sent and finished after.
type DigestStore interface {
	PutSchedule(ctx context.Context, sc sources.Schedule) (sources.Schedule, error)
	Schedule(ctx context.Context, channelID string) (sources.Schedule, error) // sources.ErrNotFound if none
	Schedules(ctx context.Context) ([]sources.Schedule, error)
	DeleteSchedule(ctx context.Context, channelID string) error // sources.ErrNotFound if none
	BeginDelivery(ctx context.Context, channelID string, slot, since, until time.Time) (d sources.Delivery, existed bool, err error)
	Delivery(ctx context.Context, channelID string, slot time.Time) (sources.Delivery, error)
	PendingDeliveries(ctx context.Context) ([]sources.Delivery, error)
	ClaimDelivery(ctx context.Context, channelID string, slot time.Time, holder string, now time.Time, lease time.Duration) (bool, error)
	ReleaseDelivery(ctx context.Context, channelID string, slot time.Time, holder string) error
	FinishDelivery(ctx context.Context, channelID string, slot time.Time, state, messageID string, stories int) error
	FailDelivery(ctx context.Context, channelID string, slot time.Time, cause error, final bool, pauseReason string) (int, error)
	SkipSlot(ctx context.Context, channelID string, slot time.Time) error
}

var _ DigestStore = (sources.Store)(nil)

// Digester composes digests: the briefing engine as the scheduler sees it.
type Digester interface {
	// ParseWordsFor reads a channel's filter ("japan italy", "G7"); a
	// word it does not know gives a *briefing.UserError.
	ParseWordsFor(ctx context.Context, asking briefing.Asking, words []string) (briefing.Request, error)
	// Digest returns the stories stored in (Since, Until], best first.
	Digest(ctx context.Context, req briefing.DigestRequest) (*briefing.Digest, error)
}

var _ Digester = (*briefing.Engine)(nil)

// poster is what the scheduler needs of Discord; the Bot is one, over its
// session (digest_post.go).
type poster interface {
	// findDigest looks for the pages of the delivery with key that were
	// already posted for sc (after a crash, or a failed try that reached
	// Discord all the same).
	findDigest(ctx context.Context, sc sources.Schedule, key string) (postedPages, error)
	// postDigest posts the pages not in found and returns the first
	// page's message id.
	postDigest(ctx context.Context, sc sources.Schedule, d sources.Delivery, pages []page, found postedPages) (string, error)
	// tellPaused tells the admin who set sc that it paused, why, and how
	// to resume it.
	tellPaused(ctx context.Context, sc sources.Schedule, why postFailure, failures int)
}

// Limits of the scheduler.
const (
	// digestWorkers bounds the digests being composed and posted at once;
	// the rest wait their turn (Discord's rate limits pace them anyway).
	digestWorkers = 16
	// deliveryTimeout bounds one attempt to post one digest.
	deliveryTimeout = 2 * time.Minute
	// threadArchive is how long a digest's thread stays open without
	// messages, in minutes (one day).
	threadArchive = 1440
)

// scheduler posts the digests of the channels its shard owns, each on the
// channel's schedule: one robfig cron with an entry per channel, a
// catch-up pass at start, and the delivery rule of delivery.go. Everything
// about who schedules what is here: owns says which schedules are this
// process's.
type scheduler struct {
	cfg   DigestConfig
	store DigestStore
	eng   Digester
	post  poster
	shard Shard
	// holder names this process in the claims on deliveries it posts.
	holder string
	log    *slog.Logger
	now    func() time.Time
	count  func(outcome string) // a slot's outcome, for the metrics
	cron   *cron.Cron
	base   context.Context // deliveries' context: outlives start's ctx until shutdown

	mu       sync.Mutex
	entries  map[string]cron.EntryID  // by channel
	loaded   map[string]string        // by channel: the spec and zone of its entry
	locks    map[string]*sync.Mutex   // one delivery at a time per channel
	compiled map[string]*slotSchedule // by zone and spec; read-only once made

	slots    chan struct{} // digestWorkers tokens
	stop     chan struct{} // closed at shutdown: back-off waits end
	stopOnce sync.Once
	bg       sync.WaitGroup // start-up recovery and RunDue work
	ready    chan struct{}  // closed when the start-up pass is done

	// mem, when set, remembers for keep what each channel's last digest
	// on its filter held, so that the next one on the same filter says
	// what changed (digest_memory.go).
	mem  MemoryStore
	keep time.Duration

	// manual leaves the cron stopped (tests drive slots with RunDue and a
	// fake clock); seconds reads six-field specs (tests of the real cron).
	manual  bool
	seconds bool
}

// cronLogger adapts slog to cron's logger; cron's chatter is debug.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}

// newScheduler returns a scheduler that posts through post; start runs it.
func newScheduler(cfg DigestConfig, store DigestStore, eng Digester, post poster, shard Shard, holder string, log *slog.Logger, now func() time.Time, count func(string)) *scheduler {
	cl := cronLogger{log}
	if holder == "" {
		holder = InstanceName()
	}
	return &scheduler{
		cfg: cfg, store: store, eng: eng, post: post, shard: shard, holder: holder, log: log, now: now, count: count,
		base: context.Background(),
		cron: cron.New(
			cron.WithLocation(time.UTC),
			cron.WithLogger(cl),
			cron.WithChain(cron.Recover(cl), cron.SkipIfStillRunning(cl)),
		),
		entries:  map[string]cron.EntryID{},
		loaded:   map[string]string{},
		locks:    map[string]*sync.Mutex{},
		compiled: map[string]*slotSchedule{},
		slots:    make(chan struct{}, digestWorkers),
		stop:     make(chan struct{}),
		ready:    make(chan struct{}),
	}
}

// owns reports whether this process schedules sc: whether sc's guild (or,
// for a direct-message channel, shard 0) is this process's shard's.
func (s *scheduler) owns(sc sources.Schedule) bool { return s.shard.Owns(sc.GuildID) }

// start loads this shard's schedules into the cron and starts it, then, in
// the background, finishes the deliveries a crash left pending and posts
// what came due while the bot was down. Deliveries run in ctx's values
// without its cancellation; stop ends them.
func (s *scheduler) start(ctx context.Context) error {
	s.base = context.WithoutCancel(ctx)
	list, err := s.store.Schedules(ctx)
	if err != nil {
		return fmt.Errorf("bot: load digest schedules: %w", err)
	}
	loaded := 0
	for _, sc := range list {
		if !s.owns(sc) {
			continue
		}
		if err := s.set(sc); err != nil {
			s.log.Error("digest schedule unusable", "channel_id", sc.ChannelID, "spec", sc.Spec, "timezone", sc.TimeZone, "err", err)
			continue
		}
		loaded++
	}
	if !s.manual {
		s.cron.Start()
	}
	s.log.Info("digest schedules loaded", "count", loaded, "of", len(list), "shard_id", s.shard.ID, "shard_count", s.shard.Count)
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer close(s.ready)
		now := s.now()
		s.recoverPending(s.base, now)
		if err := s.runDue(s.base, now, true); err != nil {
			s.log.Error("digest catch-up failed", "err", err)
		}
	}()
	if !s.manual {
		s.bg.Add(1)
		go s.refreshEvery(s.cfg.Refresh.D())
	}
	return nil
}

// stopAll stops the cron, ends back-off waits and waits (within grace)
// for the digests being posted.
func (s *scheduler) stopAll(grace time.Duration) {
	s.stopOnce.Do(func() { close(s.stop) })
	cronDone := s.cron.Stop()
	done := make(chan struct{})
	go func() {
		<-cronDone.Done()
		s.bg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(grace):
		s.log.Warn("digests still being posted at shutdown", "grace", grace)
	}
}

// stopping reports whether shutdown has begun.
func (s *scheduler) stopping() bool {
	select {
	case <-s.stop:
		return true
	default:
		return false
	}
}

// wait sleeps for d unless shutdown begins first; it reports whether the
// whole time passed.
func (s *scheduler) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-s.stop:
		return false
	}
}

// runDue posts, for every schedule this shard owns, the latest slot that
// has come due by now and has not been dealt with, and waits until they
// are posted. The cron calls the same code for one channel when its slot
// comes; tests call it (through Bot.RunDue) with a fake clock, and the scheduler calls it
// at start to catch up: after downtime, only the latest missed slot of a
// schedule is posted, and only if it is no older than digest.grace; an
// older one is skipped (its stories are in the next digest).
//
// With wait unset, a channel whose digest is being posted right now is
// left to that post rather than waited for.
func (s *scheduler) runDue(ctx context.Context, now time.Time, wait bool) error {
	list, err := s.store.Schedules(ctx)
	if err != nil {
		return fmt.Errorf("bot: run due digests: %w", err)
	}
	s.runDueOf(ctx, list, now, wait)
	return nil
}

// runDueOf is runDue over schedules already read.
func (s *scheduler) runDueOf(ctx context.Context, list []sources.Schedule, now time.Time, wait bool) {
	var wg sync.WaitGroup
	for _, sc := range list {
		if s.stopping() {
			break
		}
		if !s.owns(sc) {
			continue
		}
		if _, ok := s.dueSlot(sc, now); !ok {
			continue
		}
		unlock, ok := s.tryLock(sc.ChannelID)
		if !ok && !wait {
			continue
		}
		wg.Add(1)
		go func(channel string) {
			defer wg.Done()
			if unlock == nil {
				unlock = s.lock(channel)
			}
			defer unlock()
			cur, err := s.store.Schedule(ctx, channel) // afresh, under the lock
			if err != nil {
				if !errors.Is(err, sources.ErrNotFound) {
					s.log.Error("digest schedule unreadable", "channel_id", channel, "err", err)
				}
				return
			}
			s.due(ctx, cur, now)
		}(sc.ChannelID)
	}
	wg.Wait()
}

// dueSlot is the latest slot of sc in (its last slot or last change, now].
func (s *scheduler) dueSlot(sc sources.Schedule, now time.Time) (time.Time, bool) {
	if sc.Paused {
		return time.Time{}, false
	}
	sched, err := s.compile(sc.Spec, sc.TimeZone)
	if err != nil {
		return time.Time{}, false
	}
	floor := sc.LastSlot
	if sc.Updated.After(floor) {
		floor = sc.Updated // slots of a replaced schedule do not count
	}
	if floor.IsZero() {
		floor = now.Add(-s.cfg.Grace.D())
	}
	return sched.latestSlot(floor, now)
}

// due deals with the latest due slot of sc (the channel's lock held):
// posts it, or skips it when it is older than the grace period.
func (s *scheduler) due(ctx context.Context, sc sources.Schedule, now time.Time) {
	if s.stopping() || !s.owns(sc) {
		return // still due at the next start, within the grace period
	}
	slot, ok := s.dueSlot(sc, now)
	if !ok {
		return
	}
	if late := now.Sub(slot); late > s.cfg.Grace.D() {
		if err := s.store.SkipSlot(ctx, sc.ChannelID, slot); err != nil {
			s.log.Error("digest slot skip not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", err)
			return
		}
		s.count("skipped")
		s.log.Info("digest slot skipped", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "late", late.Round(time.Second).String())
		return
	}
	_, _ = s.deliver(ctx, sc, slot, now, true)
}
