package sources

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// Outcome says what happened to one article on its way into the store.
type Outcome string

// The outcomes of Save.
const (
	Added     Outcome = "added"
	Updated   Outcome = "updated"   // same URL, changed text: updated in place
	Unchanged Outcome = "unchanged" // same URL, same text
	Duplicate Outcome = "duplicate" // same text as another article under another URL
	Skipped   Outcome = "skipped"   // not stored; Reason says why
)

// Result reports what Save did with one article.
type Result struct {
	Outcome     Outcome `json:"outcome"`
	ID          int64   `json:"id,omitempty"`
	StoryID     int64   `json:"story_id,omitempty"`
	DuplicateOf int64   `json:"duplicate_of,omitempty"`
	Title       string  `json:"title"`
	URL         string  `json:"url"`
	Reason      string  `json:"reason,omitempty"`
	// Undated marks an article stored without a publication date: the
	// page, feed or file gave none, so it ranks as older than any dated
	// article.
	Undated bool `json:"undated,omitempty"`
}

// undatedUnix is the published value of an undated article (the zero
// time), which sorts before every date.
var undatedUnix = time.Time{}.Unix()

// idScale makes article ids grow with publication time: id =
// published seconds * idScale + a tie-breaker.
const idScale = 1000

// IDRange returns the article ids that can belong to articles published in
// [since, until]; a zero until means no upper bound.
func IDRange(since, until time.Time) (lo, hi int64) {
	lo = 0
	if !since.IsZero() && since.Unix() > 0 {
		lo = since.Unix() * idScale
	}
	hi = int64(1) << 62
	if !until.IsZero() {
		hi = (until.Unix()+1)*idScale - 1
	}
	return lo, hi
}

// Save stores a batch of prepared articles in one transaction.
func (s *SQLiteStore) Save(ctx context.Context, batch []Prepared) ([]Result, error) {
	if s.readOnly {
		return nil, s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sources: begin save: %w", err)
	}
	defer tx.Rollback()
	st, err := prepareSave(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("sources: prepare save: %w", err)
	}
	defer st.close()
	// Write in publication order: ids follow publication time, and FTS5
	// must flush its in-memory index whenever a rowid goes backwards, so
	// an unordered batch would write one tiny segment per article.
	order := make([]int, len(batch))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return batch[order[a]].Published.Before(batch[order[b]].Published) })
	results := make([]Result, len(batch))
	for _, i := range order {
		r, err := st.saveOne(ctx, &batch[i])
		if err != nil {
			return nil, fmt.Errorf("sources: save %q: %w", batch[i].URL, err)
		}
		results[i] = r
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sources: commit save: %w", err)
	}
	return results, nil
}

// saveStmts are the statements of one save transaction, prepared once.
type saveStmts struct {
	tx                                             *sql.Tx
	byURL, byHash, lastID, insert, country, bucket *sql.Stmt
	candidates                                     *sql.Stmt
}

func prepareSave(ctx context.Context, tx *sql.Tx) (*saveStmts, error) {
	st := &saveStmts{tx: tx}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&st.byURL, `SELECT id, hash, story_id, sketch FROM articles WHERE url = ?`},
		{&st.candidates, `SELECT a.id, a.story_id, a.sketch FROM articles a
			WHERE a.id IN (SELECT DISTINCT article_id FROM story_buckets WHERE bucket IN (` + placeholders(sketchBands) + `))`},
		{&st.byHash, `SELECT id FROM articles WHERE hash = ?`},
		{&st.lastID, `SELECT max(id) FROM articles WHERE id >= ? AND id < ?`},
		{&st.insert, `INSERT INTO articles
			(id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&st.country, `INSERT OR IGNORE INTO article_countries (country, article_id) VALUES (?, ?)`},
		{&st.bucket, `INSERT OR IGNORE INTO story_buckets (bucket, article_id) VALUES (?, ?)`},
	} {
		s, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.stmt = s
	}
	return st, nil
}

func (st *saveStmts) close() {
	for _, s := range []*sql.Stmt{st.byURL, st.byHash, st.lastID, st.insert, st.country, st.bucket, st.candidates} {
		if s != nil {
			s.Close()
		}
	}
}

func (st *saveStmts) saveOne(ctx context.Context, p *Prepared) (Result, error) {
	res := Result{Title: p.Title, URL: p.URL}
	var (
		id        int64
		oldHash   []byte
		storyID   int64
		oldSketch []byte
	)
	err := st.byURL.QueryRowContext(ctx, p.URL).Scan(&id, &oldHash, &storyID, &oldSketch)
	switch {
	case err == nil:
		res.ID, res.StoryID = id, storyID
		if string(oldHash) == string(p.Hash) {
			res.Outcome = Unchanged
			return res, nil
		}
		if other, ok, err := st.idByHash(ctx, p.Hash); err != nil {
			return res, err
		} else if ok {
			res.Outcome, res.DuplicateOf = Duplicate, other
			return res, nil
		}
		if err := st.updateArticle(ctx, id, UnmarshalSketch(oldSketch), p); err != nil {
			return res, err
		}
		res.Outcome = Updated
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}
	if other, ok, err := st.idByHash(ctx, p.Hash); err != nil {
		return res, err
	} else if ok {
		res.Outcome, res.DuplicateOf = Duplicate, other
		return res, nil
	}
	id, err = st.allocateID(ctx, p.Published)
	if err != nil {
		return res, err
	}
	storyID, err = st.findStory(ctx, p.Sketch, id)
	if err != nil {
		return res, err
	}
	_, err = st.insert.ExecContext(ctx, id, p.URL, p.Hash, p.Title, p.Source, p.Byline, p.Lang, p.Published.Unix(), p.Fetched.Unix(),
		p.Text, strings.Join(p.Countries, ","), storyID, p.Sketch.MarshalBinary(), nullID(p.FeedID), boolInt(p.Sample))
	if err != nil {
		return res, err
	}
	if err := st.indexArticle(ctx, id, p); err != nil {
		return res, err
	}
	res.Outcome, res.ID, res.StoryID = Added, id, storyID
	return res, nil
}

func (st *saveStmts) updateArticle(ctx context.Context, id int64, old Sketch, p *Prepared) error {
	tx := st.tx
	_, err := tx.ExecContext(ctx, `UPDATE articles SET hash = ?, title = ?, source = ?, byline = ?, lang = ?,
		fetched = ?, text = ?, countries = ?, sketch = ? WHERE id = ?`,
		p.Hash, p.Title, p.Source, p.Byline, p.Lang, p.Fetched.Unix(), p.Text,
		strings.Join(p.Countries, ","), p.Sketch.MarshalBinary(), id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_countries WHERE article_id = ?`, id); err != nil {
		return err
	}
	if err := deleteBuckets(ctx, tx, id, old); err != nil {
		return err
	}
	return st.indexArticle(ctx, id, p)
}

func (st *saveStmts) indexArticle(ctx context.Context, id int64, p *Prepared) error {
	for _, c := range p.Countries {
		if _, err := st.country.ExecContext(ctx, c, id); err != nil {
			return err
		}
	}
	for _, b := range p.Sketch.Buckets() {
		if _, err := st.bucket.ExecContext(ctx, b, id); err != nil {
			return err
		}
	}
	return nil
}

func (st *saveStmts) idByHash(ctx context.Context, hash []byte) (int64, bool, error) {
	var id int64
	err := st.byHash.QueryRowContext(ctx, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// allocateID returns a free id for an article published at t: the next
// free value in t's second, so that ids follow publication time.
func (st *saveStmts) allocateID(ctx context.Context, t time.Time) (int64, error) {
	sec := t.Unix()
	if sec < 1 {
		sec = 1
	}
	base := sec * idScale
	var last sql.NullInt64
	if err := st.lastID.QueryRowContext(ctx, base, base+idScale).Scan(&last); err != nil {
		return 0, err
	}
	switch {
	case !last.Valid:
		return base, nil
	case last.Int64+1 < base+idScale:
		return last.Int64 + 1, nil
	}
	// The second is full (only generated corpora get here): take the slot
	// after the largest id of the following hour.
	if err := st.lastID.QueryRowContext(ctx, base, base+idScale*3600).Scan(&last); err != nil {
		return 0, err
	}
	return last.Int64 + 1, nil
}

// findStory returns the story id of the most similar stored article whose
// sketch is at least StoryThreshold alike, or self when there is none.
func (st *saveStmts) findStory(ctx context.Context, sk Sketch, self int64) (int64, error) {
	buckets := sk.Buckets()
	if len(buckets) == 0 {
		return self, nil
	}
	args := make([]any, len(buckets))
	for i, b := range buckets {
		args[i] = b
	}
	var rows *sql.Rows
	var err error
	if len(buckets) == sketchBands {
		rows, err = st.candidates.QueryContext(ctx, args...)
	} else {
		rows, err = st.tx.QueryContext(ctx, `SELECT a.id, a.story_id, a.sketch FROM articles a
			WHERE a.id IN (SELECT DISTINCT article_id FROM story_buckets WHERE bucket IN (`+placeholders(len(buckets))+`))`, args...)
	}
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	best, bestSim := self, 0.0
	for rows.Next() {
		var id, story int64
		var raw []byte
		if err := rows.Scan(&id, &story, &raw); err != nil {
			return 0, err
		}
		sim := sk.Similarity(UnmarshalSketch(raw))
		if sim >= StoryThreshold && sim > bestSim {
			best, bestSim = story, sim
		}
	}
	return best, rows.Err()
}

// deleteBuckets removes an article's buckets, found from its sketch.
func deleteBuckets(ctx context.Context, tx *sql.Tx, id int64, sk Sketch) error {
	for _, b := range sk.Buckets() {
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_buckets WHERE bucket = ? AND article_id = ?`, b, id); err != nil {
			return err
		}
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const articleColumns = `a.id, a.url, a.title, a.source, a.byline, a.lang, a.published, a.fetched, a.text, a.countries, a.story_id, a.feed_id, a.sample`

func scanArticle(sc rowScanner) (Article, error) {
	var (
		a                  Article
		published, fetched int64
		countries          string
		feedID             sql.NullInt64
		sample             int
	)
	err := sc.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &a.Byline, &a.Lang, &published, &fetched, &a.Text, &countries, &a.StoryID, &feedID, &sample)
	if err != nil {
		return a, err
	}
	a.Published = time.Unix(published, 0).UTC()
	a.Fetched = time.Unix(fetched, 0).UTC()
	if countries != "" {
		a.Countries = strings.Split(countries, ",")
	}
	a.FeedID = feedID.Int64
	a.Sample = sample == 1
	return a, nil
}

// Article returns one article by id.
func (s *SQLiteStore) Article(ctx context.Context, id int64) (Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("sources: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("sources: article %d: %w", id, err)
	}
	return a, nil
}

// HasURL reports whether an article with this canonical URL is stored.
func (s *SQLiteStore) HasURL(ctx context.Context, canonicalURL string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE url = ?`, canonicalURL).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sources: look up URL: %w", err)
	}
	return true, nil
}
