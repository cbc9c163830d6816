package sources

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Store is the corpus contract: what the briefing engine, the bot, the
// poller and the commands rely on. Two engines serve it with the same
// behaviour: embedded SQLite (SQLiteStore, the default) and PostgreSQL
// (package sources/postgres), chosen by a store URL (ParseStoreURL).
// The contract tests in store_contract_test.go run against both.
type Store interface {
	ArticleStore
	FeedStore
	DigestStore
	MemoryStore
	SiteStore
	ReadingStore

	// Engine names the engine: "sqlite" or "postgres".
	Engine() string
	// Location says where the store lives (a file path, or a server and
	// database without credentials), for logs and `attache stats`.
	Location() string
	// Setting reads a value from the settings; ok is false when unset.
	Setting(ctx context.Context, key string) (value string, ok bool, err error)
	// SetSetting writes a value to the settings.
	SetSetting(ctx context.Context, key, value string) error
	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
	// Ping checks that the store answers.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
}

// ArticleStore is the article half of the contract.
type ArticleStore interface {
	// Save stores a batch of prepared articles in one transaction and
	// reports what happened to each, in the batch's order. Writers are
	// serialised: ids and story ids are assigned as if the articles were
	// saved one by one in publication order.
	Save(ctx context.Context, batch []Prepared) ([]Result, error)
	// Article returns one article by id (ErrNotFound if none).
	Article(ctx context.Context, id int64) (Article, error)
	// HasURL reports whether an article with this canonical URL is stored.
	HasURL(ctx context.Context, canonicalURL string) (bool, error)
	// Search returns the articles that match q: by bm25 relevance (title
	// weighted four times the body) when q has words, newest first
	// otherwise.
	Search(ctx context.Context, q Query) ([]Article, error)
	// SearchIDs returns the ids of the articles Search returns for q, in
	// the same order, reading as few of the articles as it can.
	SearchIDs(ctx context.Context, q Query) ([]int64, error)
	// ArticlesMentioning returns the articles tagged with every one of
	// the countries, published within [since, until], newest first.
	ArticlesMentioning(ctx context.Context, countries []string, since, until time.Time, limit int) ([]Article, error)
	// HasWord reports whether any article contains the word.
	HasWord(ctx context.Context, word string) (bool, error)
	// StoryOutlets returns the distinct outlets that carried each story.
	StoryOutlets(ctx context.Context, storyIDs []int64) (map[int64][]string, error)
	// ArticlesFetchedBetween returns the articles stored in (since,
	// until], oldest first, the newest limit of them, and how many there
	// were in all.
	ArticlesFetchedBetween(ctx context.Context, since, until time.Time, limit int) (arts []Article, total int, err error)
	// StoryFirstSeen says when each story's first article was stored.
	StoryFirstSeen(ctx context.Context, storyIDs []int64) (map[int64]time.Time, error)
	// Empty reports whether the store holds no article at all.
	Empty(ctx context.Context) (bool, error)
	// HasOwnArticles reports whether the store holds an article that is
	// not part of the bundled sample corpus (Query.NoSample leaves those
	// out of a search).
	HasOwnArticles(ctx context.Context) (bool, error)
	// RemoveSample deletes the bundled sample articles and says how many
	// there were.
	RemoveSample(ctx context.Context) (int, error)
}

// FeedStore is the feed half of the contract.
type FeedStore interface {
	// InsertFeed subscribes to a feed URL, due for its first poll at once
	// (ErrFeedExists if it is subscribed already).
	InsertFeed(ctx context.Context, url, title string, interval time.Duration) (Feed, error)
	// Feed returns one feed by id (ErrNotFound if none).
	Feed(ctx context.Context, id int64) (Feed, error)
	// Feeds lists every feed, oldest subscription first.
	Feeds(ctx context.Context) ([]Feed, error)
	// DueFeeds lists the feeds due at now, most overdue first, whether or
	// not another process has claimed them.
	DueFeeds(ctx context.Context, now time.Time) ([]Feed, error)
	// ClaimDueFeeds claims up to limit feeds due at now that no live
	// claim holds, most overdue first, for owner until now+lease, and
	// returns them. Each due feed goes to one claimant: processes sharing
	// a store poll each feed once. RecordPoll ends the claim; a claimant
	// that dies gives its feeds back when the lease runs out.
	ClaimDueFeeds(ctx context.Context, owner string, now time.Time, lease time.Duration, limit int) ([]Feed, error)
	// DeleteFeed unsubscribes a feed; its articles stay (ErrNotFound if
	// none).
	DeleteFeed(ctx context.Context, id int64) error
	// RecordPoll stores a poll's outcome on the feed and ends its claim.
	RecordPoll(ctx context.Context, id int64, o PollOutcome) error
}

// DigestStore is the digest half of the contract: schedules, and a
// delivery record per (channel, scheduled time) written before a digest is
// sent and finished after, the one authority for "posted exactly once".
type DigestStore interface {
	PutSchedule(ctx context.Context, sc Schedule) (Schedule, error)
	Schedule(ctx context.Context, channelID string) (Schedule, error)
	Schedules(ctx context.Context) ([]Schedule, error)
	DeleteSchedule(ctx context.Context, channelID string) error
	BeginDelivery(ctx context.Context, channelID string, slot, since, until time.Time) (d Delivery, existed bool, err error)
	Delivery(ctx context.Context, channelID string, slot time.Time) (Delivery, error)
	PendingDeliveries(ctx context.Context) ([]Delivery, error)
	// ClaimDelivery makes holder the one process posting the pending
	// delivery of (channel, slot), until now+lease, unless another
	// holder's claim on it runs past now, and reports whether holder has
	// it: processes sharing a store never post one slot at once. A
	// delivery no longer pending is never claimed; a holder that dies
	// gives it back when the lease runs out.
	ClaimDelivery(ctx context.Context, channelID string, slot time.Time, holder string, now time.Time, lease time.Duration) (bool, error)
	// ReleaseDelivery ends holder's claim on a pending delivery, so that
	// the next process need not wait for the lease to run out.
	ReleaseDelivery(ctx context.Context, channelID string, slot time.Time, holder string) error
	FinishDelivery(ctx context.Context, channelID string, slot time.Time, state, messageID string, stories int) error
	FailDelivery(ctx context.Context, channelID string, slot time.Time, cause error, final bool, pauseReason string) (int, error)
	SkipSlot(ctx context.Context, channelID string, slot time.Time) error
}

var _ Store = (*SQLiteStore)(nil)

// Prepared is an article with everything a store indexes computed by the
// Ingester: cleaned and tagged, its content hash and its MinHash sketch.
type Prepared struct {
	Article
	Hash   []byte
	Sketch Sketch
	// TextIndex is what the store's TextIndexer made of the title and
	// text ahead of Save, if it is one; nil otherwise.
	TextIndex any
	// ReadBy is the version of the Reader that read the article (0: not
	// read), and Readings what it found, normalised.
	ReadBy   int64
	Readings []PairReading
	// ReadingsDone, if not nil, is closed once Readings is set: the
	// Ingester reads a batch's articles for their pairs while the store
	// writes the rest of it. A store reads Readings after AwaitReadings.
	ReadingsDone <-chan struct{}
}

// AwaitReadings returns once p's Readings are set.
func (p *Prepared) AwaitReadings() {
	if p.ReadingsDone != nil {
		<-p.ReadingsDone
	}
}

// A TextIndexer is a store that reads an article's text into its own
// full-text form ahead of Save: the Ingester calls it while it prepares
// the next batch on spare cores, off the writer's path. (SQLite's FTS5
// reads the text itself, as it writes.)
type TextIndexer interface {
	IndexText(title, text string) any
}

// The store engines, as named by Store.Engine and store URLs.
const (
	EngineSQLite   = "sqlite"
	EnginePostgres = "postgres"
)

// DefaultStorePath is the SQLite file used when no store URL is given,
// relative to the data directory.
const DefaultStorePath = "corpus.db"

// ParseStoreURL reads a store URL: "sqlite:PATH" (a file), or
// "postgres://…" / "postgresql://…" (a PostgreSQL server, in libpq's URL
// form). It returns the engine and what to open: the file path, or the URL
// unchanged.
func ParseStoreURL(raw string) (engine, target string, err error) {
	raw = strings.TrimSpace(raw)
	switch {
	case strings.HasPrefix(raw, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(raw, "sqlite:"), "//")
		if path == "" {
			return "", "", fmt.Errorf("sources: store URL %q: no file after sqlite:", raw)
		}
		return EngineSQLite, path, nil
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		return EnginePostgres, raw, nil
	}
	return "", "", fmt.Errorf("sources: store URL %q: want sqlite:PATH or postgres://USER@HOST/DATABASE", redactURL(raw))
}

// redactURL hides a password in a URL-shaped string, for messages.
func redactURL(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok || strings.Contains(userinfo, "/") {
		return raw
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return raw
}

// RedactStoreURL returns a store URL fit for logs: any password replaced.
func RedactStoreURL(raw string) string { return redactURL(raw) }
