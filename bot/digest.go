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
	FinishDelivery(ctx context.Context, channelID string, slot time.Time, state, messageID string, stories int) error
	FailDelivery(ctx context.Context, channelID string, slot time.Time, cause error, final bool, pauseReason string) (int, error)
	SkipSlot(ctx context.Context, channelID string, slot time.Time) error
}

var _ DigestStore = (sources.Store)(nil)

// Digester composes digests: the briefing engine as the scheduler sees it.
type Digester interface {
	// ParseWordsContext reads a channel's filter ("japan italy", "G7"); a
	// word it does not know gives a *briefing.UserError.
	ParseWordsContext(ctx context.Context, words []string) (briefing.Request, error)
	// Digest returns the stories stored in (Since, Until], best first.
	Digest(ctx context.Context, req briefing.DigestRequest) (*briefing.Digest, error)
}

var _ Digester = (*briefing.Engine)(nil)

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

// digests is the scheduler: one cron with an entry per scheduled channel.
type digests struct {
	store DigestStore
	eng   Digester
	cron  *cron.Cron
	log   *slog.Logger

	mu       sync.Mutex
	entries  map[string]cron.EntryID  // by channel
	locks    map[string]*sync.Mutex   // one delivery at a time per channel
	compiled map[string]*slotSchedule // by zone and spec; read-only once made

	slots    chan struct{} // digestWorkers tokens
	stop     chan struct{} // closed at shutdown: back-off waits end
	stopOnce sync.Once
	bg       sync.WaitGroup // start-up recovery and RunDue work
	ready    chan struct{}  // closed when the start-up pass is done

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

func newDigests(store DigestStore, eng Digester, log *slog.Logger) *digests {
	cl := cronLogger{log}
	return &digests{
		store: store,
		eng:   eng,
		log:   log,
		cron: cron.New(
			cron.WithLocation(time.UTC),
			cron.WithLogger(cl),
			cron.WithChain(cron.Recover(cl), cron.SkipIfStillRunning(cl)),
		),
		entries:  map[string]cron.EntryID{},
		locks:    map[string]*sync.Mutex{},
		compiled: map[string]*slotSchedule{},
		slots:    make(chan struct{}, digestWorkers),
		stop:     make(chan struct{}),
		ready:    make(chan struct{}),
	}
}

// digestJob is a channel's cron entry. It reads the channel's schedule
// afresh each time, so a change made meanwhile counts.
type digestJob struct {
	b       *Bot
	channel string
}

func (j digestJob) Run() {
	b := j.b
	ctx := b.base
	now := b.now()
	unlock := b.dg.lock(j.channel)
	defer unlock()
	sc, err := b.dg.store.Schedule(ctx, j.channel)
	if errors.Is(err, sources.ErrNotFound) {
		b.dg.remove(j.channel)
		return
	}
	if err != nil {
		b.log.Error("digest schedule unreadable", "channel_id", j.channel, "err", err)
		return
	}
	b.due(ctx, sc, now)
}

// lock takes the channel's delivery lock and returns its release.
func (dg *digests) lock(channel string) func() {
	m := dg.channelLock(channel)
	m.Lock()
	return m.Unlock
}

// tryLock takes the channel's delivery lock if it is free.
func (dg *digests) tryLock(channel string) (func(), bool) {
	m := dg.channelLock(channel)
	if !m.TryLock() {
		return nil, false
	}
	return m.Unlock, true
}

func (dg *digests) channelLock(channel string) *sync.Mutex {
	dg.mu.Lock()
	defer dg.mu.Unlock()
	m, ok := dg.locks[channel]
	if !ok {
		m = &sync.Mutex{}
		dg.locks[channel] = m
	}
	return m
}

// set puts a schedule in the cron, replacing the channel's entry; a paused
// schedule has none. It takes effect at once, running or not.
func (b *Bot) setSchedule(sc sources.Schedule) error {
	dg := b.dg
	sched, err := dg.compile(sc.Spec, sc.TimeZone)
	if err != nil {
		return err
	}
	dg.mu.Lock()
	defer dg.mu.Unlock()
	if id, ok := dg.entries[sc.ChannelID]; ok {
		dg.cron.Remove(id)
		delete(dg.entries, sc.ChannelID)
	}
	if sc.Paused {
		return nil
	}
	dg.entries[sc.ChannelID] = dg.cron.Schedule(sched, digestJob{b: b, channel: sc.ChannelID})
	return nil
}

// compile returns the schedule of spec in zone, made once per bot: loading
// a zone reads the time zone database, which 10,000 schedules at start
// would otherwise do 10,000 times.
func (dg *digests) compile(spec, zone string) (*slotSchedule, error) {
	key := zone + " " + spec
	dg.mu.Lock()
	s, ok := dg.compiled[key]
	dg.mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := compileSchedule(spec, zone, dg.seconds)
	if err != nil {
		return nil, err
	}
	dg.mu.Lock()
	dg.compiled[key] = s
	dg.mu.Unlock()
	return s, nil
}

// remove drops a channel's cron entry.
func (dg *digests) remove(channel string) {
	dg.mu.Lock()
	defer dg.mu.Unlock()
	if id, ok := dg.entries[channel]; ok {
		dg.cron.Remove(id)
		delete(dg.entries, channel)
	}
}

// nextSlot is when the channel's cron entry will next post after t.
func (dg *digests) nextSlot(channel string, t time.Time) (time.Time, bool) {
	dg.mu.Lock()
	id, ok := dg.entries[channel]
	dg.mu.Unlock()
	if !ok {
		return time.Time{}, false
	}
	e := dg.cron.Entry(id)
	if !e.Valid() {
		return time.Time{}, false
	}
	return e.Schedule.Next(t), true
}

// startDigests loads the schedules into the cron and starts it, then, in
// the background, finishes the deliveries a crash left pending and posts
// what came due while the bot was down.
func (b *Bot) startDigests(ctx context.Context) error {
	dg := b.dg
	list, err := dg.store.Schedules(ctx)
	if err != nil {
		return fmt.Errorf("bot: load digest schedules: %w", err)
	}
	loaded := 0
	for _, sc := range list {
		if err := b.setSchedule(sc); err != nil {
			b.log.Error("digest schedule unusable", "channel_id", sc.ChannelID, "spec", sc.Spec, "timezone", sc.TimeZone, "err", err)
			continue
		}
		loaded++
	}
	if !dg.manual {
		dg.cron.Start()
	}
	b.log.Info("digest schedules loaded", "count", loaded)
	dg.bg.Add(1)
	go func() {
		defer dg.bg.Done()
		defer close(dg.ready)
		now := b.now()
		b.recoverPending(b.base, now)
		if err := b.RunDue(b.base, now); err != nil {
			b.log.Error("digest catch-up failed", "err", err)
		}
	}()
	return nil
}

// stopDigests stops the cron, ends back-off waits and waits (within grace)
// for the digests being posted.
func (b *Bot) stopDigests(grace time.Duration) {
	dg := b.dg
	dg.stopOnce.Do(func() { close(dg.stop) })
	cronDone := dg.cron.Stop()
	done := make(chan struct{})
	go func() {
		<-cronDone.Done()
		dg.bg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(grace):
		b.log.Warn("digests still being posted at shutdown", "grace", grace)
	}
}

// stopping reports whether shutdown has begun.
func (dg *digests) stopping() bool {
	select {
	case <-dg.stop:
		return true
	default:
		return false
	}
}

// wait sleeps for d unless shutdown begins first; it reports whether the
// whole time passed.
func (dg *digests) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-dg.stop:
		return false
	}
}

// RunDue posts, for every schedule, the latest slot that has come due by
// now and has not been dealt with, and waits until they are posted. The
// cron calls the same code for one channel when its slot comes; tests call
// RunDue with a fake clock, and the bot calls it at start to catch up:
// after downtime, only the latest missed slot of a schedule is posted, and
// only if it is no older than Config.DigestGrace; an older one is skipped
// (its stories are in the next digest). Call it while Run is running: it
// posts through Run's session.
func (b *Bot) RunDue(ctx context.Context, now time.Time) error {
	if b.dg == nil {
		return errors.New("bot: digests are not enabled")
	}
	list, err := b.dg.store.Schedules(ctx)
	if err != nil {
		return fmt.Errorf("bot: run due digests: %w", err)
	}
	var wg sync.WaitGroup
	for _, sc := range list {
		if b.dg.stopping() {
			break
		}
		if _, ok := b.dueSlot(sc, now); !ok {
			continue
		}
		wg.Add(1)
		go func(channel string) {
			defer wg.Done()
			unlock := b.dg.lock(channel)
			defer unlock()
			cur, err := b.dg.store.Schedule(ctx, channel) // afresh, under the lock
			if err != nil {
				if !errors.Is(err, sources.ErrNotFound) {
					b.log.Error("digest schedule unreadable", "channel_id", channel, "err", err)
				}
				return
			}
			b.due(ctx, cur, now)
		}(sc.ChannelID)
	}
	wg.Wait()
	return nil
}

// dueSlot is the latest slot of sc in (its last slot or last change, now].
func (b *Bot) dueSlot(sc sources.Schedule, now time.Time) (time.Time, bool) {
	if sc.Paused {
		return time.Time{}, false
	}
	sched, err := b.dg.compile(sc.Spec, sc.TimeZone)
	if err != nil {
		return time.Time{}, false
	}
	floor := sc.LastSlot
	if sc.Updated.After(floor) {
		floor = sc.Updated // slots of a replaced schedule do not count
	}
	if floor.IsZero() {
		floor = now.Add(-b.deps.Digest.Grace.D())
	}
	return sched.latestSlot(floor, now)
}

// due deals with the latest due slot of sc (the channel's lock held):
// posts it, or skips it when it is older than the grace period.
func (b *Bot) due(ctx context.Context, sc sources.Schedule, now time.Time) {
	if b.dg.stopping() {
		return // still due at the next start, within the grace period
	}
	slot, ok := b.dueSlot(sc, now)
	if !ok {
		return
	}
	if late := now.Sub(slot); late > b.deps.Digest.Grace.D() {
		if err := b.dg.store.SkipSlot(ctx, sc.ChannelID, slot); err != nil {
			b.log.Error("digest slot skip not recorded", "channel_id", sc.ChannelID, "slot", slot, "err", err)
			return
		}
		b.metrics.digest("skipped")
		b.log.Info("digest slot skipped", "guild_id", sc.GuildID, "channel_id", sc.ChannelID, "slot", slot, "late", late.Round(time.Second).String())
		return
	}
	_, _ = b.deliver(ctx, sc, slot, now, true)
}
