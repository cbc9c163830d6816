package sources

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Readings: what each article says about the pairs of countries it is
// tagged with, read once (at ingest, or by ReadUnread for articles stored
// before) so that a request over many articles of a pair (a year's
// timeline) need not read them again. The store keeps the readings as the
// reader gave them; what they mean is the reader's (briefing's) business.
//
// An article is read by one version of the reader's rules at a time: the
// store records which version read it, and a request names the version it
// wants, so that articles read by older rules (or never read) are told
// apart and read again by the caller, never taken for readings of the
// current rules.

// PairReading is what one article says about one pair of the countries it
// is tagged with, as a Reader found it.
type PairReading struct {
	// Pair is two of the article's country codes, sorted.
	Pair [2]string
	// Strength is how much the article is about the pair (more than 0:
	// a reader gives no reading of a pair the article is not about).
	Strength float64
	// Data is the reader's own record of what the article says of the
	// pair; the store keeps it as given.
	Data []byte
}

// Key is the pair as the stores key it: "IT,JP".
func (r PairReading) Key() string { return PairKey(r.Pair[0], r.Pair[1]) }

// PairKey names an unordered pair of codes the way the stores key it: the
// two codes sorted, joined by a comma.
func PairKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "," + b
}

// Reader reads articles for their pairs: main hands one built from
// briefing to the Ingester (sources never imports briefing), and
// ReadUnread reads with it the articles stored before it.
type Reader struct {
	// Version names the rules Read applies; it is never 0. Articles read
	// by another version are read again.
	Version int64
	// Read returns the readings of the pairs of a's countries that a is
	// about (a has its countries, title, text and dates). It must be
	// safe for concurrent use.
	Read func(a Article) []PairReading
}

// ReadingQuery asks for the readings of one pair.
type ReadingQuery struct {
	// Pair is two country codes, in either order.
	Pair [2]string
	// Since and Until bound the publication time, as in Query.
	Since, Until time.Time
	// NoSample leaves the bundled sample corpus out.
	NoSample bool
	// Version is the reader's version: readings by others do not count.
	Version int64
	// Limit bounds each list, newest first (zero: 5000).
	Limit int
}

// Bounds returns what a store reads for q: at most limit rows of each
// list (Limit, or 5000), of the articles whose ids are in [lo, hi] (its
// window, IDRange).
func (q ReadingQuery) Bounds() (limit int, lo, hi int64) {
	limit = q.Limit
	if limit <= 0 {
		limit = defaultReadingLimit
	}
	lo, hi = IDRange(q.Since, q.Until)
	return limit, lo, hi
}

// ReadingHead is what counting a reading needs of it and its article:
// PairHeads returns these, a fraction of a StoredReading's size, with no
// text at all.
type ReadingHead struct {
	ArticleID, StoryID int64
	Published          time.Time
	Sample             bool
	Strength           float64
	// Head is the first byte of the reading's Data (0 when it is empty):
	// a reader that leads its record with what it counts by (the
	// briefing's tone class) can count a year of readings without
	// carrying the rest.
	Head byte
}

// StoredReading is a reading with the article it is of (the article's
// Text, Countries, Byline, Lang and FeedID left out).
type StoredReading struct {
	Article Article
	PairReading
}

// ArticleReadings are what a reader found in one article.
type ArticleReadings struct {
	ArticleID int64
	// Fetched is the article's Fetched as it was read: a store keeps the
	// readings only if the article has not changed since.
	Fetched  time.Time
	Readings []PairReading
}

// ReadingStore keeps readings: part of the store's contract, served by
// every engine.
type ReadingStore interface {
	// PairReadings returns the readings of q.Pair by q.Version of the
	// articles published in q's window, newest first; and the ids of the
	// articles tagged with both codes in the window that q.Version has
	// not read (stored before the reader, by a writer without it, or read
	// by other rules), newest first, for the caller to read itself.
	PairReadings(ctx context.Context, q ReadingQuery) (read []StoredReading, unread []int64, err error)
	// PairHeads is PairReadings with the heads of the readings, for a
	// caller that counts them.
	PairHeads(ctx context.Context, q ReadingQuery) (read []ReadingHead, unread []int64, err error)
	// ArticlesByID returns the stored articles among ids, in that order.
	ArticlesByID(ctx context.Context, ids []int64) ([]Article, error)
	// UnreadArticles returns, in id order, up to limit ids above after of
	// the articles that version has not read.
	UnreadArticles(ctx context.Context, version int64, after int64, limit int) ([]int64, error)
	// CountUnread counts the articles that version has not read.
	CountUnread(ctx context.Context, version int64) (int, error)
	// SaveReadings records that version read each article, with what it
	// found, replacing what any version found before; an article changed
	// since it was read (another Fetched) or gone is left as it is.
	SaveReadings(ctx context.Context, version int64, reads []ArticleReadings) error
	// SealReadings records, if version has read every stored article (it
	// checks in the same transaction), that it has, and reports whether
	// it did: PairReadings by that version then need not look for unread
	// articles. Any write that stores an article not read by version
	// (Save, SaveReadings by another version, an import) breaks the seal.
	SealReadings(ctx context.Context, version int64) (bool, error)
}

var _ ReadingStore = (*SQLiteStore)(nil)

// defaultReadingLimit bounds the lists of PairReadings.
const defaultReadingLimit = 5000

// JoinPairs writes the pairs an article has readings of, as the engines
// keep them beside the version ("IT,JP CN,US"), so that the readings can be
// removed when the article changes; SplitPairs reads it back.
func JoinPairs(rs []PairReading) string {
	keys := make([]string, len(rs))
	for i, r := range rs {
		keys[i] = r.Key()
	}
	return strings.Join(keys, " ")
}

// SplitPairs reads what JoinPairs wrote.
func SplitPairs(s string) []string { return strings.Fields(s) }

// NormaliseReadings is what a store keeps of a reader's answer: each
// pair sorted, and no reading of no pair (an empty code, the same code
// twice, no strength) nor a pair twice. Engines call it before writing.
func NormaliseReadings(rs []PairReading) []PairReading {
	var out []PairReading
	seen := map[string]bool{}
	for _, r := range rs {
		if r.Pair[1] < r.Pair[0] {
			r.Pair[0], r.Pair[1] = r.Pair[1], r.Pair[0]
		}
		if r.Pair[0] == "" || r.Pair[0] == r.Pair[1] || !(r.Strength > 0) || seen[r.Key()] {
			continue
		}
		seen[r.Key()] = true
		out = append(out, r)
	}
	return out
}

// ReadProgress reports how far ReadUnread has come: articles read and
// stored so far, of how many there were to read when it began.
type ReadProgress func(done, total int)

// readBatch is how many articles ReadUnread reads between writes.
const readBatch = 500

// ReadUnread reads with r the articles that r's version has not read (the
// articles stored before r existed, by a writer without r, or read by
// other rules) and stores what it finds, batch by batch, on every core,
// then seals the readings (ReadingStore.SealReadings) if nothing is left
// unread. A run cut short loses at most the batch under way: the next run
// goes on with what is still unread. It returns how many articles it
// read.
func ReadUnread(ctx context.Context, st ReadingStore, r Reader, progress ReadProgress) (int, error) {
	if r.Version == 0 || r.Read == nil {
		return 0, fmt.Errorf("sources: read unread articles: a reader needs a version and a Read function")
	}
	total, err := st.CountUnread(ctx, r.Version)
	if err != nil {
		return 0, err
	}
	if progress != nil {
		progress(0, total)
	}
	done := 0
	after := int64(-1 << 62)
	for {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		ids, err := st.UnreadArticles(ctx, r.Version, after, readBatch)
		if err != nil {
			return done, err
		}
		if len(ids) == 0 {
			if _, err := st.SealReadings(ctx, r.Version); err != nil {
				return done, err
			}
			return done, nil
		}
		after = ids[len(ids)-1]
		arts, err := st.ArticlesByID(ctx, ids)
		if err != nil {
			return done, err
		}
		reads := readArticles(arts, r)
		if err := st.SaveReadings(ctx, r.Version, reads); err != nil {
			return done, err
		}
		done += len(ids)
		if progress != nil {
			progress(done, max(total, done))
		}
	}
}

// readArticles reads articles with r on every core.
func readArticles(arts []Article, r Reader) []ArticleReadings {
	out := make([]ArticleReadings, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				a := arts[i]
				out[i] = ArticleReadings{ArticleID: a.ID, Fetched: a.Fetched, Readings: readOne(r, a)}
			}
		}()
	}
	wg.Wait()
	return out
}

// readOne reads one article: only articles with two countries or more
// have pairs to read.
func readOne(r Reader, a Article) []PairReading {
	if len(a.Countries) < 2 {
		return nil
	}
	return NormaliseReadings(r.Read(a))
}
