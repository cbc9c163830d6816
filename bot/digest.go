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
	// ParseWordsContext reads a channel's filter ("japan italy", "G7"); a
	// word it does not know gives a *briefing.UserError.
	ParseWordsContext(ctx context.Context, words []string) (briefing.Request, error)
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

// digestJob is a channel's cron entry. It reads the channel's schedule
// afresh each time, so a change made meanwhile counts.
type digestJob struct {
	s       *scheduler
	channel string
}

func (j digestJob) Run() {
	s := j.s
	now := s.now()
	unlock := s.lock(j.channel)
	defer unlock()
	sc, err := s.store.Schedule(s.base, j.channel)
	if errors.Is(err, sources.ErrNotFound) {
		s.remove(j.channel)
		return
	}
	if err != nil {
		s.log.Error("digest schedule unreadable", "channel_id", j.channel, "err", err)
		return
	}
	s.due(s.base, sc, now)
}

// lock takes the channel's delivery lock and returns its release.
func (s *scheduler) lock(channel string) func() {
	m := s.channelLock(channel)
	m.Lock()
	return m.Unlock
}

// tryLock takes the channel's delivery lock if it is free.
func (s *scheduler) tryLock(channel string) (func(), bool) {
	m := s.channelLock(channel)
	if !m.TryLock() {
		return nil, false
	}
	return m.Unlock, true
}

func (s *scheduler) channelLock(channel string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.locks[channel]
	if !ok {
		m = &sync.Mutex{}
		s.locks[channel] = m
	}
	return m
}

// set puts a schedule in the cron, replacing the channel's entry; a paused
// schedule, or one of another shard's guild, has none. It takes effect at
// once, running or not.
func (s *scheduler) set(sc sources.Schedule) error {
	sched, err := s.compile(sc.Spec, sc.TimeZone)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entries[sc.ChannelID]; ok {
		s.cron.Remove(id)
		delete(s.entries, sc.ChannelID)
		delete(s.loaded, sc.ChannelID)
	}
	if sc.Paused || !s.owns(sc) {
		return nil
	}
	s.entries[sc.ChannelID] = s.cron.Schedule(sched, digestJob{s: s, channel: sc.ChannelID})
	s.loaded[sc.ChannelID] = entryKey(sc)
	return nil
}

// put stores a channel's schedule and puts it in the cron (of the shard
// that owns it: another shard's process finds it when it next syncs).
func (s *scheduler) put(ctx context.Context, sc sources.Schedule) (sources.Schedule, error) {
	if _, err := s.compile(sc.Spec, sc.TimeZone); err != nil {
		return sc, err
	}
	sc, err := s.store.PutSchedule(ctx, sc)
	if err != nil {
		return sc, err
	}
	return sc, s.set(sc)
}

// turnOff deletes a channel's schedule and its cron entry; its delivery
// records stay.
func (s *scheduler) turnOff(ctx context.Context, channel string) error {
	if err := s.store.DeleteSchedule(ctx, channel); err != nil {
		return err
	}
	s.remove(channel)
	return nil
}

// compile returns the schedule of spec in zone, made once per scheduler:
// loading a zone reads the time zone database, which 10,000 schedules at
// start would otherwise do 10,000 times.
func (s *scheduler) compile(spec, zone string) (*slotSchedule, error) {
	key := zone + " " + spec
	s.mu.Lock()
	c, ok := s.compiled[key]
	s.mu.Unlock()
	if ok {
		return c, nil
	}
	c, err := compileSchedule(spec, zone, s.seconds)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.compiled[key] = c
	s.mu.Unlock()
	return c, nil
}

// remove drops a channel's cron entry.
func (s *scheduler) remove(channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.entries[channel]; ok {
		s.cron.Remove(id)
		delete(s.entries, channel)
		delete(s.loaded, channel)
	}
}

// entryKey is what a channel's cron entry is made from: its spec and zone.
func entryKey(sc sources.Schedule) string { return sc.TimeZone + " " + sc.Spec }

// nextSlot is when the channel's cron entry will next post after t.
func (s *scheduler) nextSlot(channel string, t time.Time) (time.Time, bool) {
	s.mu.Lock()
	id, ok := s.entries[channel]
	s.mu.Unlock()
	if !ok {
		return time.Time{}, false
	}
	e := s.cron.Entry(id)
	if !e.Valid() {
		return time.Time{}, false
	}
	return e.Schedule.Next(t), true
}

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

// refreshEvery refreshes the schedules every d until shutdown, once the
// start-up pass is done.
func (s *scheduler) refreshEvery(d time.Duration) {
	defer s.bg.Done()
	select {
	case <-s.ready:
	case <-s.stop:
		return
	}
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if err := s.refresh(s.base, s.now()); err != nil {
				s.log.Error("digest schedules not refreshed", "err", err)
			}
		case <-s.stop:
			return
		}
	}
}

// refresh reads the schedules again and brings the cron in line with
// those this shard owns: a schedule added, changed, paused or removed by
// another process (or by another tool on the store) takes effect without a
// restart. The store is polled rather than told (PostgreSQL's LISTEN could
// tell): polling works the same on both engines, cannot miss a change made
// while a connection was down, and costs one read of the schedules per
// refresh. Then it takes up the deliveries left pending whose claim ran
// out (a process that died mid-post) and the slots that came due, skipping
// the channels being posted right now.
func (s *scheduler) refresh(ctx context.Context, now time.Time) error {
	list, err := s.store.Schedules(ctx)
	if err != nil {
		return fmt.Errorf("bot: refresh digest schedules: %w", err)
	}
	want := map[string]bool{}
	changed := 0
	for _, sc := range list {
		if sc.Paused || !s.owns(sc) {
			continue
		}
		want[sc.ChannelID] = true
		s.mu.Lock()
		key, ok := s.loaded[sc.ChannelID]
		s.mu.Unlock()
		if ok && key == entryKey(sc) {
			continue
		}
		if err := s.set(sc); err != nil {
			s.log.Error("digest schedule unusable", "channel_id", sc.ChannelID, "spec", sc.Spec, "timezone", sc.TimeZone, "err", err)
			continue
		}
		changed++
	}
	s.mu.Lock()
	var gone []string
	for ch := range s.entries {
		if !want[ch] {
			gone = append(gone, ch)
		}
	}
	s.mu.Unlock()
	for _, ch := range gone {
		s.remove(ch)
	}
	if changed > 0 || len(gone) > 0 {
		s.log.Info("digest schedules refreshed", "changed", changed, "removed", len(gone), "count", len(want))
	}
	s.recoverPending(ctx, now)
	return s.runDue(ctx, now, false)
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
	return nil
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
