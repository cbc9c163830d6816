package sources

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// PollClaimed polls the due feeds that no other process is polling: it
// claims them for owner (Store.ClaimDueFeeds), Concurrency at a time and
// each for lease, polls them, and claims again until no feed is left due.
// Processes sharing a store each call it on their own schedule, and each
// due feed is polled by one of them, once per interval; a feed claimed by
// a process that dies is polled by another once the lease has run out.
// The lease must outlast the poll of one feed, pages included. It returns
// one report per feed polled.
func (p *Poller) PollClaimed(ctx context.Context, owner string, lease time.Duration) ([]PollReport, error) {
	if owner == "" || lease <= 0 {
		return nil, errors.New("sources: poll claimed feeds: want an owner and a lease")
	}
	var all []PollReport
	for ctx.Err() == nil {
		feeds, err := p.store.ClaimDueFeeds(ctx, owner, p.now(), lease, max(1, p.Concurrency))
		if err != nil {
			return all, fmt.Errorf("sources: poll claimed feeds: %w", err)
		}
		if len(feeds) == 0 {
			break
		}
		reports, err := p.PollFeeds(ctx, feeds)
		all = append(all, reports...)
		if err != nil {
			return all, err
		}
	}
	return all, ctx.Err()
}
