package bot

import (
	"sync"
	"time"
)

// cooldowns enforce a least time between two commands of one person.
type cooldowns struct {
	mu    sync.Mutex
	every time.Duration // <= 0: no cooldown
	now   func() time.Time
	users map[string]*cooldownEntry
	calls int
}

type cooldownEntry struct {
	until  time.Time
	warned bool // told once in this window; later attempts are ignored quietly
}

// sweepEvery is how many calls pass between sweeps of ended windows, so
// that the map stays as small as the set of recently active people.
const sweepEvery = 512

func newCooldowns(every time.Duration, now func() time.Time) *cooldowns {
	return &cooldowns{every: every, now: now, users: map[string]*cooldownEntry{}}
}

// take starts a new window for user if the last one has ended. Otherwise
// it returns how long is left, and whether this is the first refusal in
// the window (only that one is answered in channels).
func (c *cooldowns) take(user string) (ok bool, left time.Duration, firstRefusal bool) {
	if c.every <= 0 {
		return true, 0, false
	}
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.calls%sweepEvery == 0 {
		for id, e := range c.users {
			if !now.Before(e.until) {
				delete(c.users, id)
			}
		}
	}
	e, found := c.users[user]
	if found && now.Before(e.until) {
		first := !e.warned
		e.warned = true
		return false, e.until.Sub(now), first
	}
	c.users[user] = &cooldownEntry{until: now.Add(c.every)}
	return true, 0, false
}

// size is the number of people tracked.
func (c *cooldowns) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.users)
}
