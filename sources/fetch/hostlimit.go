package fetch

import (
	"context"
	"sync"
)

// hostLimiter keeps at most n requests in flight per host: one semaphore
// (a buffered channel) per host, dropped when no request holds or awaits it.
type hostLimiter struct {
	n     int
	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem   chan struct{}
	users int // requests holding or waiting for a slot
}

func newHostLimiter(n int) *hostLimiter {
	return &hostLimiter{n: n, hosts: make(map[string]*hostSlot)}
}

// acquire waits for a slot for host, or for ctx to end. The returned
// function gives the slot back and must be called exactly once.
func (l *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.n)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()

	select {
	case s.sem <- struct{}{}:
		return func() {
			<-s.sem
			l.leave(host, s)
		}, nil
	case <-ctx.Done():
		l.leave(host, s)
		return nil, ctx.Err()
	}
}

func (l *hostLimiter) leave(host string, s *hostSlot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s.users--
	if s.users == 0 {
		delete(l.hosts, host)
	}
}
