package sources

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
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

// IDTime is the publication second that article ids are grouped by: the
// id's second (undated articles' ids give times before every date).
// For the id of a dated article, IDRange(IDTime(id), IDTime(id)) holds
// it.
func IDTime(id int64) time.Time {
	sec := id / idScale
	if id%idScale < 0 {
		sec--
	}
	return time.Unix(sec, 0).UTC()
}

// Save stores a batch of prepared articles in one transaction: it applies
// the save rules (PlanSave) to what the store holds under SQLite's write
// lock, then writes the plan. The full-text rows are written by the batch
// (no trigger): FTS5 then gathers the whole batch's terms in memory and
// writes them as one segment, where a trigger made it flush at every
// statement. The country and bucket rows are written in key order, a
// B-tree's cheapest order.
func (s *SQLiteStore) Save(ctx context.Context, batch []Prepared) ([]Result, error) {
	if s.readOnly {
		return nil, s.readOnlyError()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	conn, err := s.writeConn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sources: begin save: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		// The next save opens a fresh connection.
		conn.Close()
		s.writer = nil
		return nil, fmt.Errorf("sources: begin save: %w", err)
	}
	defer tx.Rollback()
	r, err := newSQLiteReader(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("sources: prepare save: %w", err)
	}
	defer r.close()
	plan, err := PlanSave(ctx, r, batch)
	if err != nil {
		return nil, err
	}
	if err := writePlan(ctx, tx, plan); err != nil {
		return nil, fmt.Errorf("sources: save: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sources: commit save: %w", err)
	}
	s.afterSave(conn)
	return plan.Results, nil
}

// writePlan writes a save plan: updates first, in order (one may free a
// content hash that the next takes), then the new articles and their
// full-text rows, then the index rows.
func writePlan(ctx context.Context, tx *sql.Tx, plan *SavePlan) error {
	var idx indexRows
	if err := breakSeal(ctx, tx, plan.ReadBy()); err != nil {
		return err
	}
	for _, u := range plan.Updates {
		_, err := tx.ExecContext(ctx, `UPDATE articles SET hash = ?, title = ?, source = ?, byline = ?, lang = ?,
			fetched = ?, text = ?, countries = ?, sketch = ? WHERE id = ?`,
			u.Hash, u.Title, u.Source, u.Byline, u.Lang, u.Fetched.Unix(), u.Text,
			JoinCountries(u.Countries), u.Sketch.MarshalBinary(), u.ID)
		if err != nil {
			return fmt.Errorf("update %q: %w", u.URL, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_countries WHERE article_id = ?`, u.ID); err != nil {
			return err
		}
		if err := deleteBuckets(ctx, tx, u.ID, u.Old.Keys()); err != nil {
			return err
		}
		if err := dropReadings(ctx, tx, u.ID); err != nil {
			return err
		}
		idx.add(u)
	}
	if len(plan.Inserts) > 0 {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles
			(id, url, hash, title, source, byline, lang, published, fetched, text, countries, story_id, sketch, feed_id, sample)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		fts, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer fts.Close()
		for _, p := range plan.Inserts {
			_, err := ins.ExecContext(ctx, p.ID, p.URL, p.Hash, p.Title, p.Source, p.Byline, p.Lang, p.Published.Unix(), p.Fetched.Unix(),
				p.Text, JoinCountries(p.Countries), p.StoryID, p.Sketch.MarshalBinary(), nullID(p.FeedID), boolInt(p.Sample))
			if err != nil {
				return fmt.Errorf("insert %q: %w", p.URL, err)
			}
			idx.add(p)
		}
		// In id order: FTS5 writes a segment whenever a rowid goes
		// backwards.
		order := slices.Clone(plan.Inserts)
		slices.SortFunc(order, func(a, b PlannedArticle) int { return cmp.Compare(a.ID, b.ID) })
		for _, p := range order {
			if _, err := fts.ExecContext(ctx, p.ID, p.Title, p.Text); err != nil {
				return fmt.Errorf("index %q: %w", p.URL, err)
			}
		}
	}
	if err := idx.write(ctx, tx); err != nil {
		return err
	}
	return writePlanReadings(ctx, tx, plan)
}

// indexRows are the country and story-bucket rows of a batch.
type indexRows struct {
	countries []countryRow
	buckets   [][2]int64 // bucket, article id
}

type countryRow struct {
	code string
	id   int64
}

func (r *indexRows) add(p PlannedArticle) {
	for _, c := range p.Countries {
		r.countries = append(r.countries, countryRow{c, p.ID})
	}
	for _, b := range p.Buckets() {
		r.buckets = append(r.buckets, [2]int64{b, p.ID})
	}
}

// write inserts the rows sorted by their keys, many to a statement.
func (r *indexRows) write(ctx context.Context, tx *sql.Tx) error {
	slices.SortFunc(r.countries, func(a, b countryRow) int {
		return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(a.id, b.id))
	})
	slices.SortFunc(r.buckets, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	args := make([]any, 0, 2*rowsPerInsert)
	err := insertRows(ctx, tx, `INSERT OR IGNORE INTO article_countries (country, article_id) VALUES `, len(r.countries), func(i int) []any {
		return append(args[:0], r.countries[i].code, r.countries[i].id)
	})
	if err != nil {
		return err
	}
	return insertRows(ctx, tx, `INSERT OR IGNORE INTO story_buckets (bucket, article_id) VALUES `, len(r.buckets), func(i int) []any {
		return append(args[:0], r.buckets[i][0], r.buckets[i][1])
	})
}

// rowsPerInsert is how many two-column rows one INSERT carries.
const rowsPerInsert = 250

// insertRows inserts n two-column rows with multi-row INSERTs: a
// statement's cost is paid once per rowsPerInsert rows rather than per
// row. row(i) returns the i-th row's values (valid until the next call).
func insertRows(ctx context.Context, tx *sql.Tx, prefix string, n int, row func(i int) []any) error {
	st := chunkStmt{tx: tx, full: rowsPerInsert, build: func(k int) string {
		return prefix + strings.TrimSuffix(strings.Repeat("(?, ?), ", k), ", ")
	}}
	defer st.close()
	args := make([]any, 0, 2*rowsPerInsert)
	for start := 0; start < n; start += rowsPerInsert {
		end := min(start+rowsPerInsert, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		if err := st.exec(ctx, end-start, args); err != nil {
			return err
		}
	}
	return nil
}

// chunkStmt runs a statement built for a chunk of k items by build(k):
// the statement of a full chunk is prepared once and kept, since SQLite's
// parsing of hundreds of placeholders cost as much as running it; a
// shorter chunk's (the last) is run from its text.
type chunkStmt struct {
	tx    *sql.Tx
	full  int
	build func(k int) string
	stmt  *sql.Stmt
}

// prepared is the kept statement for a full chunk of k items, or nil and
// the text to run for a shorter one.
func (c *chunkStmt) prepared(ctx context.Context, k int) (*sql.Stmt, string, error) {
	if k < c.full {
		return nil, c.build(k), nil
	}
	if c.stmt == nil {
		st, err := c.tx.PrepareContext(ctx, c.build(k))
		if err != nil {
			return nil, "", err
		}
		c.stmt = st
	}
	return c.stmt, "", nil
}

func (c *chunkStmt) exec(ctx context.Context, k int, args []any) error {
	st, q, err := c.prepared(ctx, k)
	switch {
	case err != nil:
	case st != nil:
		_, err = st.ExecContext(ctx, args...)
	default:
		_, err = c.tx.ExecContext(ctx, q, args...)
	}
	return err
}

func (c *chunkStmt) query(ctx context.Context, k int, args []any) (*sql.Rows, error) {
	st, q, err := c.prepared(ctx, k)
	if err != nil {
		return nil, err
	}
	if st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.tx.QueryContext(ctx, q, args...)
}

func (c *chunkStmt) close() {
	if c.stmt != nil {
		c.stmt.Close()
	}
}

// sqliteReader answers the save rules' questions inside the save
// transaction, which holds SQLite's write lock.
type sqliteReader struct {
	tx     *sql.Tx
	lastID *sql.Stmt
}

func newSQLiteReader(ctx context.Context, tx *sql.Tx) (*sqliteReader, error) {
	st, err := tx.PrepareContext(ctx, `SELECT max(id) FROM articles WHERE id >= ? AND id < ?`)
	if err != nil {
		return nil, err
	}
	return &sqliteReader{tx: tx, lastID: st}, nil
}

func (r *sqliteReader) close() { r.lastID.Close() }

// inChunks runs query once per chunk of keys, filling its "IN (?)" with
// the chunk's placeholders; extra are the arguments of the placeholders
// after it.
func inChunks[K any](ctx context.Context, tx *sql.Tx, keys []K, query string, row func(rowScanner) error, extra ...any) error {
	const chunk = 500
	st := chunkStmt{tx: tx, full: chunk, build: func(k int) string {
		return strings.Replace(query, "(?)", "("+placeholders(k)+")", 1)
	}}
	defer st.close()
	args := make([]any, 0, chunk+len(extra))
	for start := 0; start < len(keys); start += chunk {
		part := keys[start:min(start+chunk, len(keys))]
		args = args[:0]
		for _, k := range part {
			args = append(args, k)
		}
		args = append(args, extra...)
		rows, err := st.query(ctx, len(part), args)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (r *sqliteReader) StoredByURL(ctx context.Context, urls []string) (map[string]StoredArticle, error) {
	out := map[string]StoredArticle{}
	err := inChunks(ctx, r.tx, urls, `SELECT id, story_id, hash, sketch, title, source, url FROM articles WHERE url IN (?)`, func(sc rowScanner) error {
		var a StoredArticle
		var sketch []byte
		var url string
		if err := sc.Scan(&a.ID, &a.StoryID, &a.Hash, &sketch, &a.Title, &a.Source, &url); err != nil {
			return err
		}
		a.Sketch = UnmarshalSketch(sketch)
		out[url] = a
		return nil
	})
	return out, err
}

func (r *sqliteReader) IDsByHash(ctx context.Context, hashes [][]byte) (map[string]int64, error) {
	out := map[string]int64{}
	err := inChunks(ctx, r.tx, hashes, `SELECT hash, id FROM articles WHERE hash IN (?)`, func(sc rowScanner) error {
		var h []byte
		var id int64
		if err := sc.Scan(&h, &id); err != nil {
			return err
		}
		out[string(h)] = id
		return nil
	})
	return out, err
}

func (r *sqliteReader) SharingBuckets(ctx context.Context, buckets []int64) ([]StoredArticle, error) {
	return r.storedUnder(ctx, buckets, `SELECT a.id, a.story_id, a.hash, a.sketch FROM articles a
		WHERE a.id IN (SELECT article_id FROM story_buckets WHERE bucket IN (?))`, false)
}

func (r *sqliteReader) SameTitle(ctx context.Context, keys []int64, lo, hi int64) ([]StoredArticle, error) {
	return r.storedUnder(ctx, keys, `SELECT a.id, a.story_id, a.hash, a.sketch, a.title, a.source, a.text FROM articles a
		WHERE a.id IN (SELECT article_id FROM story_buckets WHERE bucket IN (?) AND article_id BETWEEN ? AND ?)`, true, lo, hi)
}

// storedUnder reads the stored articles a query finds under these bucket
// keys, each once: rows of id, story id, hash and sketch, and with
// withText their title, source and text too.
func (r *sqliteReader) storedUnder(ctx context.Context, keys []int64, query string, withText bool, extra ...any) ([]StoredArticle, error) {
	seen := map[int64]bool{}
	var out []StoredArticle
	err := inChunks(ctx, r.tx, keys, query, func(sc rowScanner) error {
		var a StoredArticle
		var sketch []byte
		dest := []any{&a.ID, &a.StoryID, &a.Hash, &sketch}
		if withText {
			dest = append(dest, &a.Title, &a.Source, &a.Text)
		}
		if err := sc.Scan(dest...); err != nil {
			return err
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			a.Sketch = UnmarshalSketch(sketch)
			out = append(out, a)
		}
		return nil
	}, extra...)
	return out, err
}

func (r *sqliteReader) LastIDs(ctx context.Context, seconds []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	for _, sec := range seconds {
		last, ok, err := r.LastID(ctx, sec*idScale, (sec+1)*idScale)
		if err != nil {
			return nil, err
		}
		if ok {
			out[sec] = last
		}
	}
	return out, nil
}

func (r *sqliteReader) LastID(ctx context.Context, lo, hi int64) (int64, bool, error) {
	var last sql.NullInt64
	if err := r.lastID.QueryRowContext(ctx, lo, hi).Scan(&last); err != nil {
		return 0, false, err
	}
	return last.Int64, last.Valid, nil
}

// deleteBuckets removes an article's story-bucket rows by their keys
// (StoredArticle.Keys): the lean table has no index by article.
func deleteBuckets(ctx context.Context, tx *sql.Tx, id int64, keys []int64) error {
	for _, b := range keys {
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
