package sources

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// The SQLite engine's readings (see readings.go): article_readings and
// pair_readings, written with the article in Save, read by PairReadings.

// writePlanReadings writes the readings of the articles a save plan
// writes, in id order. An article not read (ReadBy 0) gets no record and
// stays unread; an updated one's old readings are dropped before.
func writePlanReadings(ctx context.Context, tx *sql.Tx, plan *SavePlan) error {
	var read []PlannedArticle
	for _, list := range [][]PlannedArticle{plan.Updates, plan.Inserts} {
		for _, p := range list {
			if p.ReadBy != 0 {
				read = append(read, p)
			}
		}
	}
	if len(read) == 0 {
		return nil
	}
	slices.SortFunc(read, func(a, b PlannedArticle) int { return cmp.Compare(a.ID, b.ID) })
	mark, err := tx.PrepareContext(ctx, readingMarkSQL)
	if err != nil {
		return err
	}
	defer mark.Close()
	pair, err := tx.PrepareContext(ctx, readingPairSQL)
	if err != nil {
		return err
	}
	defer pair.Close()
	for _, p := range read {
		p.AwaitReadings()
		a := p.Article
		a.ID, a.StoryID = p.ID, p.StoryID
		if err := writeReadings(ctx, mark, pair, &a, p.ReadBy, p.Readings); err != nil {
			return err
		}
	}
	return nil
}

// writeReadings writes an article's record and its readings through the
// two statements (readingMarkSQL and readingPairSQL); a has its id and
// story id.
func writeReadings(ctx context.Context, mark, pair *sql.Stmt, a *Article, version int64, rs []PairReading) error {
	rs = NormaliseReadings(rs)
	if _, err := mark.ExecContext(ctx, a.ID, version, JoinPairs(rs)); err != nil {
		return fmt.Errorf("record reading: %w", err)
	}
	for _, r := range rs {
		data := r.Data
		if data == nil {
			data = []byte{}
		}
		if _, err := pair.ExecContext(ctx, r.Key(), a.ID, version, a.StoryID, boolInt(a.Sample), a.Published.Unix(),
			a.Title, a.URL, a.Source, r.Strength, data); err != nil {
			return fmt.Errorf("store reading of %s: %w", r.Key(), err)
		}
	}
	return nil
}

const (
	readingMarkSQL = `INSERT OR REPLACE INTO article_readings (article_id, version, pairs) VALUES (?, ?, ?)`
	readingPairSQL = `INSERT OR REPLACE INTO pair_readings (pair, article_id, version, story_id, sample, published, title, url, source, strength, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// dropReadings removes an article's record and readings (it changed, or
// is deleted).
func dropReadings(ctx context.Context, tx *sql.Tx, id int64) error {
	var pairs string
	err := tx.QueryRowContext(ctx, `SELECT pairs FROM article_readings WHERE article_id = ?`, id).Scan(&pairs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("drop readings: %w", err)
	}
	for _, k := range SplitPairs(pairs) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM pair_readings WHERE pair = ? AND article_id = ?`, k, id); err != nil {
			return fmt.Errorf("drop readings: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_readings WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("drop readings: %w", err)
	}
	return nil
}

// breakSeal removes the seal unless every version given (those that read
// the articles a write stores; 0 for one not read) is the sealed one.
func breakSeal(ctx context.Context, tx *sql.Tx, versions []int64) error {
	var sealed int64
	err := tx.QueryRowContext(ctx, `SELECT version FROM reading_seal LIMIT 1`).Scan(&sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read the readings' seal: %w", err)
	}
	for _, v := range versions {
		if v != sealed {
			if _, err := tx.ExecContext(ctx, `DELETE FROM reading_seal`); err != nil {
				return fmt.Errorf("break the readings' seal: %w", err)
			}
			return nil
		}
	}
	return nil
}

// sealedBy returns the version that has read every article, or 0.
func (s *SQLiteStore) sealedBy(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT version FROM reading_seal LIMIT 1`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("sources: read the readings' seal: %w", err)
	}
	return v, nil
}

// SealReadings seals the readings of version if it has read every
// article.
func (s *SQLiteStore) SealReadings(ctx context.Context, version int64) (bool, error) {
	if s.readOnly {
		return false, s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("sources: seal readings: %w", err)
	}
	defer tx.Rollback()
	var unread bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles a INDEXED BY articles_fetched
		WHERE NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.version = ?))`, version).Scan(&unread); err != nil {
		return false, fmt.Errorf("sources: seal readings: %w", err)
	}
	if unread {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM reading_seal`); err != nil {
		return false, fmt.Errorf("sources: seal readings: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO reading_seal (version) VALUES (?)`, version); err != nil {
		return false, fmt.Errorf("sources: seal readings: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sources: seal readings: %w", err)
	}
	return true, nil
}

// PairReadings returns the readings of a pair by a version, and the
// articles of the pair that version has not read.
func (s *SQLiteStore) PairReadings(ctx context.Context, q ReadingQuery) ([]StoredReading, []int64, error) {
	limit, lo, hi := q.Bounds()
	own := ownReadings(q)
	read, err := queryAll(ctx, s.db, "pair readings", scanStoredReading, `SELECT r.article_id, r.url, r.title, r.source, r.published,
		r.story_id, r.sample, r.strength, r.data
		FROM pair_readings r
		WHERE r.pair = ? AND r.article_id BETWEEN ? AND ? AND r.version = ?`+own+`
		ORDER BY r.article_id DESC LIMIT ?`, PairKey(q.Pair[0], q.Pair[1]), lo, hi, q.Version, limit)
	if err != nil {
		return nil, nil, err
	}
	for i := range read {
		read[i].Pair = sortedPair(q.Pair)
	}
	unread, err := s.unreadOfPair(ctx, q, lo, hi, limit)
	return read, unread, err
}

// PairHeads returns the heads of the readings of a pair by a version, and
// the articles of the pair that version has not read.
func (s *SQLiteStore) PairHeads(ctx context.Context, q ReadingQuery) ([]ReadingHead, []int64, error) {
	limit, lo, hi := q.Bounds()
	own := ownReadings(q)
	read, err := queryAll(ctx, s.db, "pair heads", scanReadingHead, `SELECT r.article_id, r.story_id, r.published, r.sample, r.strength, substr(r.data, 1, 1)
		FROM pair_readings r
		WHERE r.pair = ? AND r.article_id BETWEEN ? AND ? AND r.version = ?`+own+`
		ORDER BY r.article_id DESC LIMIT ?`, PairKey(q.Pair[0], q.Pair[1]), lo, hi, q.Version, limit)
	if err != nil {
		return nil, nil, err
	}
	unread, err := s.unreadOfPair(ctx, q, lo, hi, limit)
	return read, unread, err
}

// unreadOfPair returns the articles of the pair in [lo, hi] that
// q.Version has not read, unless it has read them all. (The sample's
// articles are looked for too: they are few.)
func (s *SQLiteStore) unreadOfPair(ctx context.Context, q ReadingQuery, lo, hi int64, limit int) ([]int64, error) {
	if sealed, err := s.sealedBy(ctx); err != nil || sealed == q.Version {
		return nil, err
	}
	return queryAll(ctx, s.db, "unread articles of a pair", scanID, `SELECT c0.article_id FROM article_countries c0
		JOIN article_countries c1 ON c1.country = ? AND c1.article_id = c0.article_id
		WHERE c0.country = ? AND c0.article_id BETWEEN ? AND ?
		AND NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = c0.article_id AND m.version = ?)
		ORDER BY c0.article_id DESC LIMIT ?`, q.Pair[1], q.Pair[0], lo, hi, q.Version, limit)
}

// ownReadings is the condition that leaves the sample's readings out when
// q asks.
func ownReadings(q ReadingQuery) string {
	if q.NoSample {
		return ` AND r.sample = 0`
	}
	return ""
}

func sortedPair(p [2]string) [2]string {
	if p[1] < p[0] {
		p[0], p[1] = p[1], p[0]
	}
	return p
}

func scanStoredReading(sc rowScanner) (StoredReading, error) {
	var (
		r         StoredReading
		published int64
		sample    int
	)
	a := &r.Article
	err := sc.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &published, &a.StoryID, &sample, &r.Strength, &r.Data)
	a.Published = time.Unix(published, 0).UTC()
	a.Sample = sample == 1
	return r, err
}

func scanReadingHead(sc rowScanner) (ReadingHead, error) {
	var (
		h         ReadingHead
		published int64
		sample    int
		head      []byte
	)
	err := sc.Scan(&h.ArticleID, &h.StoryID, &published, &sample, &h.Strength, &head)
	h.Published, h.Sample = time.Unix(published, 0).UTC(), sample == 1
	if len(head) > 0 {
		h.Head = head[0]
	}
	return h, err
}

func scanID(sc rowScanner) (int64, error) {
	var id int64
	err := sc.Scan(&id)
	return id, err
}

// ArticlesByID returns the stored articles among ids, in that order.
func (s *SQLiteStore) ArticlesByID(ctx context.Context, ids []int64) ([]Article, error) {
	byID := make(map[int64]Article, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		arts, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			byID[a.ID] = a
		}
	}
	out := make([]Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// UnreadArticles returns ids of articles that version has not read.
func (s *SQLiteStore) UnreadArticles(ctx context.Context, version int64, after int64, limit int) ([]int64, error) {
	// The fetched index holds every id and is far smaller than the
	// table, whose rows carry the text.
	return queryAll(ctx, s.db, "unread articles", scanID, `SELECT a.id FROM articles a INDEXED BY articles_fetched
		WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.version = ?)
		ORDER BY a.id LIMIT ?`, after, version, limit)
}

// CountUnread counts the articles that version has not read.
func (s *SQLiteStore) CountUnread(ctx context.Context, version int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a INDEXED BY articles_fetched
		WHERE NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.version = ?)`, version).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sources: count unread articles: %w", err)
	}
	return n, nil
}

// SaveReadings stores what version read in articles, in one transaction.
func (s *SQLiteStore) SaveReadings(ctx context.Context, version int64, reads []ArticleReadings) error {
	if s.readOnly {
		return s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sources: save readings: %w", err)
	}
	defer tx.Rollback()
	mark, err := tx.PrepareContext(ctx, readingMarkSQL)
	if err != nil {
		return fmt.Errorf("sources: save readings: %w", err)
	}
	defer mark.Close()
	pair, err := tx.PrepareContext(ctx, readingPairSQL)
	if err != nil {
		return fmt.Errorf("sources: save readings: %w", err)
	}
	defer pair.Close()
	if err := breakSeal(ctx, tx, []int64{version}); err != nil {
		return fmt.Errorf("sources: save readings: %w", err)
	}
	for _, r := range reads {
		var published, fetched int64
		var sample int
		a := Article{ID: r.ArticleID}
		err := tx.QueryRowContext(ctx, `SELECT fetched, published, title, url, source, story_id, sample FROM articles WHERE id = ?`, r.ArticleID).
			Scan(&fetched, &published, &a.Title, &a.URL, &a.Source, &a.StoryID, &sample)
		if errors.Is(err, sql.ErrNoRows) {
			continue // deleted since
		}
		if err != nil {
			return fmt.Errorf("sources: save readings: %w", err)
		}
		if fetched != r.Fetched.Unix() {
			continue // changed since: read again by whoever changed it, or by the next run
		}
		a.Published, a.Sample = time.Unix(published, 0).UTC(), sample == 1
		if err := dropReadings(ctx, tx, r.ArticleID); err != nil {
			return fmt.Errorf("sources: save readings: %w", err)
		}
		if err := writeReadings(ctx, mark, pair, &a, version, r.Readings); err != nil {
			return fmt.Errorf("sources: save readings: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sources: save readings: %w", err)
	}
	return nil
}
