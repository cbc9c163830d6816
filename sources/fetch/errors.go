package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Errors that Get wraps; test for them with errors.Is.
var (
	// ErrTooLarge: the body, after decompression, is over Options.MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrForbiddenAddress: the host is, or resolves to, a loopback,
	// private-network, link-local or otherwise non-public address.
	ErrForbiddenAddress = errors.New("loopback or private-network address not allowed")
	// ErrUnusualAddress: the host is a public IPv4 address in one of the
	// old spellings (a single number, octal or hexadecimal parts) that
	// resolvers read differently; the message gives the usual one.
	ErrUnusualAddress = errors.New("unusual spelling of an IPv4 address")
	// ErrUnsupportedScheme: not http or https (file only when allowed).
	ErrUnsupportedScheme = errors.New("unsupported URL scheme")
	// ErrTimeout: no complete answer within Options.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrTooManyRedirects: more than MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
)

// StatusError is an answer with a 4xx or 5xx status.
type StatusError struct {
	URL  string
	Code int
	// RetryAfter is the wait the server asked for with a 429 or 503 answer
	// (Retry-After in seconds or as an HTTP date); zero when it asked none.
	RetryAfter time.Duration
}

// Error names the URL and the status, and the wait asked for, if any.
func (e *StatusError) Error() string {
	msg := fmt.Sprintf("fetch: %s: server answered %d %s", e.URL, e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Temporary reports whether trying again later may succeed: 408, 425,
// 429 and every 5xx.
func (e *StatusError) Temporary() bool {
	switch e.Code {
	case http.StatusRequestTimeout, http.StatusTooEarly, http.StatusTooManyRequests:
		return true
	}
	return e.Code >= 500
}

// maxRetryAfter bounds what a server may ask for, so that a garbled date
// far in the future does not silence a feed for years.
const maxRetryAfter = 7 * 24 * time.Hour

// retryAfter reads Retry-After from a 429 or 503 answer.
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0
	}
	return parseRetryAfter(resp.Header.Get("Retry-After"), now)
}

// parseRetryAfter reads a Retry-After value: delay-seconds or an HTTP date.
// Anything unreadable, negative or past is zero.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	if d <= 0 {
		return 0
	}
	return min(d, maxRetryAfter)
}
