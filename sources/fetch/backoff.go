package fetch

import (
	"math/rand/v2"
	"time"
)

// Bounds of Backoff.
const (
	// MaxBackoff caps the back-off after failures (unless the regular
	// interval or the server's Retry-After is longer).
	MaxBackoff = 24 * time.Hour
	// MinBackoffBase is the smallest interval that back-off doubles from,
	// so that a feed polled every few seconds still backs off in minutes.
	MinBackoffBase = time.Minute
)

// Backoff returns the delay before the next attempt at a feed polled every
// interval, after the given number of consecutive failures, when the server
// last asked for retryAfter (zero when it did not).
//
// With no failures it is the interval. After n failures it is drawn from
// [b/2, b) with b = interval·2ⁿ ("equal jitter"), so the first failure waits
// between one and two intervals and each further one about doubles it, up to
// MaxBackoff. It is never less than retryAfter. rnd returns numbers in
// [0, 1); nil means math/rand/v2.
func Backoff(interval time.Duration, failures int, retryAfter time.Duration, rnd func() float64) time.Duration {
	if interval < 0 {
		interval = 0
	}
	if failures <= 0 {
		return max(interval, retryAfter)
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	limit := max(MaxBackoff, interval)
	b := max(interval, MinBackoffBase)
	for i := 0; i < failures && b < limit; i++ {
		b *= 2
	}
	b = min(b, limit)
	r := rnd()
	if r < 0 || r >= 1 || r != r { // out of contract (or NaN): no jitter
		r = 0
	}
	d := b/2 + time.Duration(r*float64(b/2))
	return max(d, retryAfter)
}
