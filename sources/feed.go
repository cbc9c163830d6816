package sources

import "time"

// Feed is a subscribed RSS, Atom or JSON feed with its poll state.
type Feed struct {
	ID           int64         `json:"id"`
	URL          string        `json:"url"`
	Title        string        `json:"title"`
	Interval     time.Duration `json:"interval"`
	ETag         string        `json:"etag,omitempty"`
	LastModified string        `json:"last_modified,omitempty"`
	Added        time.Time     `json:"added"`
	LastAttempt  time.Time     `json:"last_attempt"`
	LastSuccess  time.Time     `json:"last_success"`
	LastError    string        `json:"last_error,omitempty"`
	Failures     int           `json:"failures"` // consecutive
	NextPoll     time.Time     `json:"next_poll"`
	Articles     int           `json:"articles"`             // stored articles that came from this feed
	ClaimedBy    string        `json:"claimed_by,omitempty"` // the process polling it now (Store.ClaimDueFeeds)
	ClaimUntil   time.Time     `json:"claim_until,omitempty"`
}
