package discordtest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimits are the fake's limits on what the bot sends, shaped like
// Discord's: a bucket per channel for creating messages (and forum posts)
// and a global limit over all requests of the bot. Answers carry the
// X-RateLimit-* headers that discordgo reads to pace itself; a request
// over a limit gets 429 with retry_after.
type RateLimits struct {
	// PerChannel messages may be created in one channel per Window.
	PerChannel int
	Window     time.Duration
	// Global requests per second over every route except interaction
	// callbacks and webhooks (0: no global limit).
	Global int
	// Now is the limits' clock; nil means the real one, which discordgo
	// paces itself by. A test that checks the answers request by request
	// sets a clock that stands still, so that its windows never pass.
	Now func() time.Time
}

// DiscordRateLimits are limits like those Discord applies to a bot: 5
// messages per 5 seconds in a channel, 50 requests per second in all.
func DiscordRateLimits() *RateLimits {
	return &RateLimits{PerChannel: 5, Window: 5 * time.Second, Global: 50}
}

// limiter applies RateLimits with fixed windows. Its clock is the real
// one, as discordgo's is, unless RateLimits.Now is set.
type limiter struct {
	limits *RateLimits
	mu     sync.Mutex
	// per channel: when its window started and how many messages it has had
	buckets map[string]*window
	global  window
	hits    int // 429 answers given
}

type window struct {
	start time.Time
	count int
}

func newLimiter(l *RateLimits) *limiter {
	return &limiter{limits: l, buckets: make(map[string]*window)}
}

func (l *limiter) now() time.Time {
	if l.limits.Now != nil {
		return l.limits.Now()
	}
	return time.Now()
}

// open returns w, restarted if its window of length d has passed.
func (w *window) open(now time.Time, d time.Duration) *window {
	if now.Sub(w.start) >= d {
		w.start, w.count = now, 0
	}
	return w
}

// seconds formats a wait in seconds with millisecond precision, rounded
// up and a millisecond over: discordgo truncates what it reads to whole
// milliseconds, and must not come back before the window has ended.
func seconds(d time.Duration) string {
	ms := math.Ceil(float64(d)/float64(time.Millisecond)) + 1
	return strconv.FormatFloat(math.Max(ms, 1)/1000, 'f', 3, 64)
}

// takeGlobal counts one request against the global limit, or returns the
// 429 to answer with.
func (l *limiter) takeGlobal(h http.Header) *apiError {
	if l.limits == nil || l.limits.Global <= 0 {
		return nil
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.global.open(now, time.Second)
	if w.count < l.limits.Global {
		w.count++
		return nil
	}
	l.hits++
	after := w.start.Add(time.Second).Sub(now)
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(after.Seconds()))))
	h.Set("X-RateLimit-Global", "true")
	h.Set("X-RateLimit-Scope", "global")
	h.Set("X-RateLimit-Reset-After", seconds(after))
	return &apiError{status: 429, code: 0, msg: "You are being rate limited.", retryAfter: math.Max(after.Seconds(), 0.001), global: true}
}

// take counts one message in a channel's bucket and sets the bucket's
// headers, or returns the 429 to answer with.
func (l *limiter) take(h http.Header, channelID string) *apiError {
	if l.limits == nil || l.limits.PerChannel <= 0 {
		return nil
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[channelID]
	if !ok {
		b = &window{}
		l.buckets[channelID] = b
	}
	b.open(now, l.limits.Window)
	reset := b.start.Add(l.limits.Window)
	after := reset.Sub(now)
	h.Set("X-RateLimit-Limit", strconv.Itoa(l.limits.PerChannel))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(reset.UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", seconds(after))
	h.Set("X-RateLimit-Bucket", fmt.Sprintf("messages-%s", channelID))
	if b.count >= l.limits.PerChannel {
		l.hits++
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Scope", "user")
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(after.Seconds()))))
		return &apiError{status: 429, code: 0, msg: "You are being rate limited.", retryAfter: math.Max(after.Seconds(), 0.001)}
	}
	b.count++
	h.Set("X-RateLimit-Remaining", strconv.Itoa(l.limits.PerChannel-b.count))
	return nil
}

// RateLimitHits is the number of 429 answers the fake has given.
func (s *Server) RateLimitHits() int {
	s.limits.mu.Lock()
	defer s.limits.mu.Unlock()
	return s.limits.hits
}
