package sources

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"attache/sources/doc"
	"attache/sources/extract"
	"attache/sources/feed"
	"attache/sources/fetch"
)

// Poller fetches due feeds, completes teaser items from their pages, and
// stores the articles. One failing feed is recorded on that feed and never
// stops the others.
type Poller struct {
	store  Store
	ingest *Ingester
	client *fetch.Client
	log    *slog.Logger
	now    func() time.Time
	rnd    func() float64

	// Concurrency is how many feeds are polled at once (default 4); the
	// fetch client separately bounds requests per host.
	Concurrency int
	// FetchFullText fetches the article page when an item is a teaser.
	FetchFullText bool
	// MaxItems is how many of a feed's newest items one poll takes.
	MaxItems int
	// Interval is the poll interval of feeds added without one.
	Interval time.Duration
	// BatchSize is how many of a feed's new articles are stored per
	// commit while it is polled (default 25), so that a poll that stops
	// half-way keeps what it fetched.
	BatchSize int
}

// NewPoller returns a Poller. now may be nil (time.Now).
func NewPoller(store Store, ingest *Ingester, client *fetch.Client, log *slog.Logger, now func() time.Time) *Poller {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Poller{
		store: store, ingest: ingest, client: client, log: log, now: now, rnd: rand.Float64,
		Concurrency: 4, FetchFullText: true, MaxItems: 50, Interval: 30 * time.Minute, BatchSize: 25,
	}
}

// PollReport says what one poll of one feed did.
type PollReport struct {
	FeedID      int64  `json:"feed_id"`
	URL         string `json:"url"`
	NotModified bool   `json:"not_modified,omitempty"`
	// Stopped is true when the poll was stopped (its context ended)
	// before the end; the counts say what it stored until then, and the
	// feed stays due.
	Stopped    bool          `json:"stopped,omitempty"`
	Items      int           `json:"items"`
	Added      int           `json:"added"`
	Updated    int           `json:"updated"`
	Duplicates int           `json:"duplicates"`
	Known      int           `json:"known"` // items already stored, not fetched again
	Skipped    int           `json:"skipped"`
	Err        error         `json:"-"`
	Error      string        `json:"error,omitempty"`
	NextPoll   time.Time     `json:"next_poll"`
	Took       time.Duration `json:"took"`
}

// PollDue polls every feed that is due now, a few at a time, and returns
// one report per feed.
func (p *Poller) PollDue(ctx context.Context) ([]PollReport, error) {
	due, err := p.store.DueFeeds(ctx, p.now())
	if err != nil {
		return nil, err
	}
	return p.PollFeeds(ctx, due)
}

// PollFeeds polls the feeds now, due or not, Concurrency at a time (the
// fetch client bounds the requests per host), and returns one report per
// feed in the order given. When ctx ends, the feeds not yet started are
// left alone and have no report; what was stored stays.
func (p *Poller) PollFeeds(ctx context.Context, feeds []Feed) ([]PollReport, error) {
	reports := make([]PollReport, len(feeds))
	started := make([]bool, len(feeds))
	workers := max(1, min(p.Concurrency, len(feeds)))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				reports[i] = p.PollFeed(ctx, feeds[i])
			}
		}()
	}
feeding:
	for i := range feeds {
		select {
		case next <- i:
			started[i] = true
		case <-ctx.Done():
			break feeding
		}
	}
	close(next)
	wg.Wait()
	out := reports[:0]
	for i, r := range reports {
		if started[i] {
			out = append(out, r)
		}
	}
	return out, ctx.Err()
}

// PollFeed polls one feed now and records the outcome on it.
func (p *Poller) PollFeed(ctx context.Context, f Feed) PollReport {
	start := p.now()
	rep := PollReport{FeedID: f.ID, URL: f.URL}
	outcome, err := p.poll(ctx, f, &rep)
	if err != nil && ctx.Err() != nil {
		rep.Stopped, rep.Err, rep.Error = true, err, "stopped before the end"
		rep.Took = p.now().Sub(start)
		p.log.Info("feed poll stopped", "feed_id", f.ID, "added", rep.Added, "updated", rep.Updated)
		return rep
	}
	interval := f.Interval
	if interval <= 0 {
		interval = p.Interval
	}
	outcome.At = p.now()
	if err != nil {
		var se *fetch.StatusError
		var retry time.Duration
		if errors.As(err, &se) {
			retry = se.RetryAfter
		}
		outcome.Err = err
		outcome.NextPoll = outcome.At.Add(fetch.Backoff(interval, f.Failures+1, retry, p.rnd))
		rep.Err, rep.Error = err, err.Error()
		p.log.Warn("feed poll failed", "feed_id", f.ID, "url", f.URL, "failures", f.Failures+1, "next_poll", outcome.NextPoll, "err", err)
	} else {
		outcome.NextPoll = outcome.At.Add(fetch.Backoff(interval, 0, 0, p.rnd))
		p.log.Info("feed polled", "feed_id", f.ID, "items", rep.Items, "added", rep.Added, "updated", rep.Updated, "not_modified", rep.NotModified)
	}
	rep.NextPoll = outcome.NextPoll
	if err := p.store.RecordPoll(context.WithoutCancel(ctx), f.ID, outcome); err != nil {
		p.log.Error("record feed poll", "feed_id", f.ID, "err", err)
	}
	rep.Took = p.now().Sub(start)
	return rep
}

func (p *Poller) poll(ctx context.Context, f Feed, rep *PollReport) (PollOutcome, error) {
	outcome := PollOutcome{ETag: f.ETag, LastModified: f.LastModified}
	resp, err := p.client.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return outcome, err
	}
	if resp.NotModified {
		rep.NotModified = true
		return outcome, nil
	}
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return outcome, err
	}
	outcome.ETag, outcome.LastModified, outcome.Title = resp.ETag, resp.LastModified, parsed.Title
	items := parsed.Items
	if p.MaxItems > 0 && len(items) > p.MaxItems {
		items = items[:p.MaxItems]
	}
	rep.Items = len(items)
	size := p.BatchSize
	if size <= 0 {
		size = 25
	}
	var arts []Article
	store := func() error {
		if len(arts) == 0 {
			return nil
		}
		// A batch that was fetched is stored even when ctx has just
		// ended: what the poll paid for is kept.
		results, err := p.ingest.IngestPages(context.WithoutCancel(ctx), arts, p.log)
		arts = arts[:0]
		if err != nil {
			return err
		}
		for _, r := range results {
			switch r.Outcome {
			case Added:
				rep.Added++
			case Updated:
				rep.Updated++
			case Duplicate, Unchanged:
				rep.Duplicates++
			case Skipped:
				rep.Skipped++
			}
		}
		return nil
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			if serr := store(); serr != nil {
				return outcome, serr
			}
			return outcome, err
		}
		a, known, reason, err := p.article(ctx, parsed, it, f.ID)
		if err != nil {
			if ctx.Err() != nil {
				if serr := store(); serr != nil {
					return outcome, serr
				}
			}
			return outcome, err
		}
		switch {
		case known:
			rep.Known++
		case reason != "":
			rep.Skipped++
			p.log.Debug("feed item skipped", "feed_id", f.ID, "item", it.URL, "reason", reason)
		default:
			arts = append(arts, a)
		}
		if len(arts) >= size {
			if err := store(); err != nil {
				return outcome, err
			}
		}
	}
	return outcome, store()
}

// article turns a feed item into an article, fetching the page when the
// item is only a teaser. known is true when the item's URL is already
// stored (it is not fetched again); reason says why an item is skipped.
// An error is the store's, or ctx's, and ends the poll.
func (p *Poller) article(ctx context.Context, parsed *feed.Feed, it feed.Item, feedID int64) (a Article, known bool, reason string, err error) {
	if it.URL == "" {
		return a, false, "item has no link", nil
	}
	canon, err := CanonicalURL(it.URL)
	if err != nil {
		return a, false, err.Error(), nil
	}
	switch ok, err := p.store.HasURL(ctx, canon); {
	case err != nil:
		return a, false, "", err
	case ok:
		return a, true, "", nil
	}
	a = Article{
		Title:     it.Title,
		URL:       canon,
		Source:    parsed.Title,
		Byline:    it.Author,
		Lang:      parsed.Language,
		Published: it.Published,
		FeedID:    feedID,
	}
	if a.Published.IsZero() {
		a.Published = it.Updated
	}
	body := it.Content
	if body == "" {
		body = it.Summary
	}
	a.Text = doc.Format(FragmentBlocks(body))
	if p.FetchFullText && feed.Teaser(it) {
		page, err := p.fetchPage(ctx, canon)
		switch {
		case err != nil && ctx.Err() != nil:
			return a, false, "", ctx.Err() // stopped: the item is left for the next poll
		case err != nil:
			p.log.Info("article page not fetched; keeping the feed's text", "url", canon, "err", err)
		case len(page.Blocks) > 0:
			a.Text = doc.Format(page.Blocks)
			if a.Byline == "" {
				a.Byline = page.Byline
			}
			if a.Published.IsZero() {
				a.Published = page.Published
			}
			if page.Site != "" {
				a.Source = page.Site
			}
			if a.Title == "" {
				a.Title = page.Title
			}
			if a.Lang == "" {
				a.Lang = page.Lang
			}
		}
	}
	if a.Title == "" {
		return a, false, "item has no title", nil
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, false, "item has no text and its page gave none", nil
	}
	return a, false, "", nil
}

func (p *Poller) fetchPage(ctx context.Context, url string) (*extract.Page, error) {
	resp, err := p.client.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return nil, err
	}
	page, err := extract.Extract(resp.Body, resp.URL, resp.ContentType)
	if err != nil {
		return nil, fmt.Errorf("sources: extract %s: %w", url, err)
	}
	return page, nil
}

// FeedError says why a URL could not be subscribed to: it could not be
// fetched, or it is not a feed. It is the feed's problem, not the store's,
// and its message is meant for the person who gave the URL.
type FeedError struct {
	URL string
	Err error
}

// Error says why the feed could not be added.
func (e *FeedError) Error() string { return "sources: add feed: " + e.Err.Error() }

// Unwrap gives the fetch or parse error to errors.Is and errors.As.
func (e *FeedError) Unwrap() error { return e.Err }

// AddFeed subscribes to a feed after fetching and parsing it once. Given an
// HTML page instead of a feed, it follows the first feed the page
// advertises. interval zero means the Poller's default. A URL that is not
// a working feed gives a *FeedError.
func (p *Poller) AddFeed(ctx context.Context, url string, interval time.Duration) (Feed, error) {
	if interval <= 0 {
		interval = p.Interval
	}
	resp, err := p.client.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return Feed{}, &FeedError{URL: url, Err: err}
	}
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if errors.Is(err, feed.ErrNotAFeed) {
		found := feed.Discover(resp.Body, resp.URL)
		if len(found) == 0 {
			return Feed{}, &FeedError{URL: url, Err: fmt.Errorf("%s is a web page that advertises no feed", url)}
		}
		url = found[0]
		if resp, err = p.client.Get(ctx, fetch.Request{URL: url}); err != nil {
			return Feed{}, &FeedError{URL: url, Err: err}
		}
		parsed, err = feed.Parse(resp.Body, resp.URL)
	}
	if err != nil {
		return Feed{}, &FeedError{URL: url, Err: err}
	}
	return p.store.InsertFeed(ctx, url, parsed.Title, interval)
}
