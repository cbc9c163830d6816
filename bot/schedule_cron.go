package bot

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"attache/sources"
)

// The cron entries of the schedules this shard owns: one per channel,
// made from its spec and zone; a channel's lock, so that one delivery of
// it runs at a time in this process; and the refresh that keeps the
// entries in line with the store, where other processes change schedules
// too.

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

// turnOff deletes a channel's schedule and its cron entry, and forgets
// what its digests held (digest_memory.go); its delivery records stay.
func (s *scheduler) turnOff(ctx context.Context, channel string) error {
	if err := s.store.DeleteSchedule(ctx, channel); err != nil {
		return err
	}
	s.remove(channel)
	if s.mem != nil {
		if _, err := s.mem.ForgetBriefs(ctx, channelOwner(channel)); err != nil {
			s.log.Error("digest memory not forgotten", "channel_id", channel, "err", err)
		}
	}
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
	s.runDueOf(ctx, list, now, false)
	return nil
}
