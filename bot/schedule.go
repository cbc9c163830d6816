package bot

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
)

// Digest schedules: what a person writes ("daily 08:00", "0 8 * * 1-5"),
// the cron expression it becomes, and the times ("slots") it names.
//
// Daylight saving. A slot is a wall-clock time in the schedule's zone;
// on the two days a year when the clocks change:
//   - a time that does not exist that day (02:30 when the clocks jump from
//     02:00 to 03:00) is posted at the moment the clocks jump, 03:00 new
//     time: the day's digest is late, never lost;
//   - a time that happens twice (02:30 when the clocks fall back from 03:00
//     to 02:00) is posted once, the first time: the day's digest is never
//     doubled.
// robfig/cron on its own skips the first kind and runs the second twice;
// slotSchedule wraps its SpecSchedule to give the rules above, and both
// the cron entries and the catch-up after downtime use it.

// specParser reads the five-field expressions we store; each entry's time
// zone is set on its parsed schedule (as a CRON_TZ= prefix would).
var specParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// secondsParser reads six-field expressions with seconds; only tests use
// it, to see the real cron fire within a second or two.
var secondsParser = cron.NewParser(cron.Second | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)

// slotSchedule is a cron schedule in a time zone with the daylight-saving
// rules above. It implements cron.Schedule.
type slotSchedule struct {
	spec *cron.SpecSchedule // in loc
	wall *cron.SpecSchedule // the same fields read in UTC: matches wall-clock times
	loc  *time.Location
}

// compileSchedule parses a stored spec in a zone. withSeconds reads a
// six-field spec (tests only).
func compileSchedule(spec, zone string, withSeconds bool) (*slotSchedule, error) {
	loc, err := loadZone(zone)
	if err != nil {
		return nil, err
	}
	p := specParser
	if withSeconds {
		p = secondsParser
	}
	parsed, err := p.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("bot: cron spec %q: %w", spec, err)
	}
	ss, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("bot: cron spec %q is not a calendar schedule", spec)
	}
	inZone, wall := *ss, *ss
	inZone.Location, wall.Location = loc, time.UTC
	return &slotSchedule{spec: &inZone, wall: &wall, loc: loc}, nil
}

// Next is the first slot after t, or the zero time if there is none in
// the next five years.
func (s *slotSchedule) Next(t time.Time) time.Time {
	for range 64 {
		n := s.spec.Next(t)
		if n.IsZero() {
			return n
		}
		if g, ok := s.gapSlot(t, n); ok {
			return g
		}
		if s.repeated(n) {
			t = n
			continue
		}
		return n.UTC()
	}
	return time.Time{}
}

// gapSlot finds a spring-forward change in (t, n] whose skipped wall-clock
// hour holds a time of the schedule; the slot is then the instant of the
// change.
func (s *slotSchedule) gapSlot(t, n time.Time) (time.Time, bool) {
	x := t.In(s.loc)
	for range 16 {
		_, end := x.ZoneBounds()
		if end.IsZero() || end.After(n) {
			return time.Time{}, false
		}
		_, before := end.Add(-time.Second).Zone()
		_, after := end.Zone()
		if after > before {
			// Wall clocks from end+before to end+after were skipped.
			from := wallClock(end, before)
			to := wallClock(end, after)
			if w := s.wall.Next(from.Add(-time.Second)); !w.IsZero() && w.Before(to) {
				return end.UTC(), true
			}
		}
		x = end.In(s.loc)
	}
	return time.Time{}, false
}

// wallClock is the wall-clock reading of instant t at a UTC offset, as a
// UTC time.
func wallClock(t time.Time, offset int) time.Time {
	return t.UTC().Add(time.Duration(offset) * time.Second)
}

// repeated reports whether n's wall-clock time already happened once that
// day, before the clocks fell back.
func (s *slotSchedule) repeated(n time.Time) bool {
	n = n.In(s.loc)
	start, _ := n.ZoneBounds()
	if start.IsZero() {
		return false
	}
	_, now := n.Zone()
	_, prev := start.Add(-time.Second).Zone()
	return prev > now && n.Sub(start) < time.Duration(prev-now)*time.Second
}

// latestSlot is the latest slot in (after, upTo], if there is one. It looks
// back over growing windows, so that a per-minute schedule and a yearly
// one both cost a few dozen steps.
func (s *slotSchedule) latestSlot(after, upTo time.Time) (time.Time, bool) {
	if !upTo.After(after) {
		return time.Time{}, false
	}
	for window := time.Hour; ; window *= 4 {
		from := upTo.Add(-window)
		if !from.After(after) {
			from = after
		}
		var last time.Time
		for t, i := s.Next(from), 0; !t.IsZero() && !t.After(upTo) && i < 100000; t, i = s.Next(t), i+1 {
			last = t
		}
		if !last.IsZero() {
			return last, true
		}
		if from.Equal(after) || window > 20*365*24*time.Hour {
			return time.Time{}, false
		}
	}
}
