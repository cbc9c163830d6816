package sources

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// What a copy of the store to another engine reads (attache migrate):
// every row as it is stored, ids and story ids included.

// ArticlesAfter returns up to limit stored articles with ids above
// afterID, in id order, each with its id, story id, content hash and
// sketch as stored.
func (s *SQLiteStore) ArticlesAfter(ctx context.Context, afterID int64, limit int) ([]Prepared, error) {
	return queryAll(ctx, s.db, "read articles", func(sc rowScanner) (Prepared, error) {
		var (
			p                  Prepared
			published, fetched int64
			countries          string
			feedID             sql.NullInt64
			sample             int
			sketch             []byte
		)
		err := sc.Scan(&p.ID, &p.URL, &p.Hash, &p.Title, &p.Source, &p.Byline, &p.Lang, &published, &fetched, &p.Text,
			&countries, &p.StoryID, &sketch, &feedID, &sample)
		p.Published, p.Fetched = time.Unix(published, 0).UTC(), time.Unix(fetched, 0).UTC()
		p.Countries = SplitCountries(countries)
		p.FeedID, p.Sample = feedID.Int64, sample == 1
		p.Sketch = UnmarshalSketch(sketch)
		return p, err
	}, `SELECT id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample
		FROM articles WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
}

// DeliveryRecord is a delivery record with its bookkeeping times.
type DeliveryRecord struct {
	Delivery
	Created, Updated time.Time
}

// AllDeliveries returns every delivery record, whatever its state.
func (s *SQLiteStore) AllDeliveries(ctx context.Context) ([]DeliveryRecord, error) {
	return queryAll(ctx, s.db, "read deliveries", func(sc rowScanner) (DeliveryRecord, error) {
		var r DeliveryRecord
		var slot, since, until, claimUntil, created, updated int64
		err := sc.Scan(&r.ChannelID, &slot, &r.State, &r.Key, &r.MessageID, &r.Attempts, &r.LastError, &since, &until, &r.Stories,
			&r.ClaimedBy, &claimUntil, &created, &updated)
		r.Slot, r.Since, r.Until, r.ClaimUntil = timeOrZero(slot), timeOrZero(since), timeOrZero(until), timeOrZero(claimUntil)
		r.Created, r.Updated = timeOrZero(created), timeOrZero(updated)
		return r, err
	}, `SELECT `+deliveryColumns+`, created, updated FROM digest_deliveries ORDER BY slot, channel_id`)
}

// Settings returns every setting.
func (s *SQLiteStore) Settings(ctx context.Context) (map[string]string, error) {
	type kv struct{ k, v string }
	rows, err := queryAll(ctx, s.db, "read settings", func(sc rowScanner) (kv, error) {
		var r kv
		return r, sc.Scan(&r.k, &r.v)
	}, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.k] = r.v
	}
	return out, nil
}

// CountArticles returns how many articles the store holds with ids above
// afterID.
func (s *SQLiteStore) CountArticles(ctx context.Context, afterID int64) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id > ?`, afterID).Scan(&n); err != nil {
		return 0, fmt.Errorf("sources: count articles: %w", err)
	}
	return n, nil
}
