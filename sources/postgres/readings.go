package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

// The PostgreSQL engine's readings (see sources/readings.go): the same
// two tables as SQLite's, written with the articles in Save.

var _ sources.ReadingStore = (*Store)(nil)

// readingRows are readings to write, one slice per column, for writing
// many rows in one statement.
type readingRows struct {
	markID, markVersion                            []int64
	markPairs                                      []string
	pair, pairTitle, pairURL, pairSource           []string
	pairArticle, pairVersion, pairStory, pairStamp []int64
	pairSample                                     []bool
	pairStrength                                   []float64
	pairData                                       [][]byte
}

// add records that version read article a (with its id and story id) and
// found rs.
func (r *readingRows) add(a *sources.Article, version int64, rs []sources.PairReading) {
	rs = sources.NormaliseReadings(rs)
	r.markID = append(r.markID, a.ID)
	r.markVersion = append(r.markVersion, version)
	r.markPairs = append(r.markPairs, sources.JoinPairs(rs))
	for _, p := range rs {
		r.pair = append(r.pair, p.Key())
		r.pairArticle = append(r.pairArticle, a.ID)
		r.pairVersion = append(r.pairVersion, version)
		r.pairStory = append(r.pairStory, a.StoryID)
		r.pairSample = append(r.pairSample, a.Sample)
		r.pairStamp = append(r.pairStamp, a.Published.Unix())
		r.pairTitle = append(r.pairTitle, a.Title)
		r.pairURL = append(r.pairURL, a.URL)
		r.pairSource = append(r.pairSource, a.Source)
		r.pairStrength = append(r.pairStrength, p.Strength)
		data := p.Data
		if data == nil {
			data = []byte{}
		}
		r.pairData = append(r.pairData, data)
	}
}

// write inserts the rows, replacing the records of the same articles.
func (r *readingRows) write(ctx context.Context, tx pgx.Tx) error {
	if len(r.markID) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO article_readings (article_id, version, pairs)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])
		ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, pairs = excluded.pairs`,
		r.markID, r.markVersion, r.markPairs); err != nil {
		return fmt.Errorf("record readings: %w", err)
	}
	if len(r.pair) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO pair_readings (pair, article_id, version, story_id, sample, published, title, url, source, strength, data)
		SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::boolean[], $6::bigint[], $7::text[], $8::text[], $9::text[],
			$10::double precision[], $11::bytea[])
		ON CONFLICT (pair, article_id) DO UPDATE SET version = excluded.version, story_id = excluded.story_id, sample = excluded.sample,
			published = excluded.published, title = excluded.title, url = excluded.url, source = excluded.source,
			strength = excluded.strength, data = excluded.data`,
		r.pair, r.pairArticle, r.pairVersion, r.pairStory, r.pairSample, r.pairStamp, r.pairTitle, r.pairURL, r.pairSource,
		r.pairStrength, r.pairData); err != nil {
		return fmt.Errorf("store readings: %w", err)
	}
	return nil
}

// copy writes the rows of new articles (which have none yet) with COPY.
func (r *readingRows) copy(ctx context.Context, tx pgx.Tx) error {
	if len(r.markID) == 0 {
		return nil
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"article_readings"}, []string{"article_id", "version", "pairs"},
		pgx.CopyFromSlice(len(r.markID), func(i int) ([]any, error) {
			return []any{r.markID[i], r.markVersion[i], r.markPairs[i]}, nil
		})); err != nil {
		return fmt.Errorf("record readings: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pair_readings"},
		[]string{"pair", "article_id", "version", "story_id", "sample", "published", "title", "url", "source", "strength", "data"},
		pgx.CopyFromSlice(len(r.pair), func(i int) ([]any, error) {
			return []any{r.pair[i], r.pairArticle[i], r.pairVersion[i], r.pairStory[i], r.pairSample[i], r.pairStamp[i],
				r.pairTitle[i], r.pairURL[i], r.pairSource[i], r.pairStrength[i], r.pairData[i]}, nil
		})); err != nil {
		return fmt.Errorf("store readings: %w", err)
	}
	return nil
}

// dropReadings removes the records and readings of articles (they
// changed, or are deleted).
func dropReadings(ctx context.Context, tx pgx.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM pair_readings r USING article_readings m
		WHERE m.article_id = ANY($1) AND r.article_id = m.article_id AND r.pair = ANY(string_to_array(m.pairs, ' '))`, ids); err != nil {
		return fmt.Errorf("drop readings: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM article_readings WHERE article_id = ANY($1)`, ids); err != nil {
		return fmt.Errorf("drop readings: %w", err)
	}
	return nil
}

// breakSeal removes the seal unless every version given (those that read
// the articles a write stores; 0 for one not read) is the sealed one.
func breakSeal(ctx context.Context, tx pgx.Tx, versions []int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM reading_seal
		WHERE EXISTS (SELECT 1 FROM unnest($1::bigint[]) AS v WHERE v <> reading_seal.version)`, versions); err != nil {
		return fmt.Errorf("break the readings' seal: %w", err)
	}
	return nil
}

// SealReadings seals the readings of version if it has read every
// article.
func (s *Store) SealReadings(ctx context.Context, version int64) (bool, error) {
	sealed := false
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Under the save lock: no article is stored between the look
		// and the seal.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		var unread bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles a
			WHERE NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.version = $1))`, version).Scan(&unread); err != nil {
			return err
		}
		if unread {
			return nil
		}
		if _, err := tx.Exec(ctx, `DELETE FROM reading_seal`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO reading_seal (version) VALUES ($1)`, version); err != nil {
			return err
		}
		sealed = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: seal readings: %w", s.readOnly(err))
	}
	return sealed, nil
}

// PairReadings returns the readings of a pair by a version, and the
// articles of the pair that version has not read.
func (s *Store) PairReadings(ctx context.Context, q sources.ReadingQuery) ([]sources.StoredReading, []int64, error) {
	limit, lo, hi := q.Bounds()
	own := ownReadings(q)
	pair := q.Pair
	if pair[1] < pair[0] {
		pair[0], pair[1] = pair[1], pair[0]
	}
	read, err := queryAll(ctx, s.pool, "pair readings", func(row pgx.Row) (sources.StoredReading, error) {
		var r sources.StoredReading
		var published int64
		a := &r.Article
		err := row.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &published, &a.StoryID, &a.Sample, &r.Strength, &r.Data)
		a.Published = time.Unix(published, 0).UTC()
		r.Pair = pair
		return r, err
	}, `SELECT r.article_id, r.url, r.title, r.source, r.published, r.story_id, r.sample, r.strength, r.data
		FROM pair_readings r
		WHERE r.pair = $1 AND r.article_id BETWEEN $2 AND $3 AND r.version = $4`+own+`
		ORDER BY r.article_id DESC LIMIT $5`, sources.PairKey(pair[0], pair[1]), lo, hi, q.Version, limit)
	if err != nil {
		return nil, nil, err
	}
	unread, err := s.unreadOfPair(ctx, q, lo, hi, limit)
	return read, unread, err
}

// PairHeads returns the heads of the readings of a pair by a version, and
// the articles of the pair that version has not read.
func (s *Store) PairHeads(ctx context.Context, q sources.ReadingQuery) ([]sources.ReadingHead, []int64, error) {
	limit, lo, hi := q.Bounds()
	own := ownReadings(q)
	read, err := queryAll(ctx, s.pool, "pair heads", func(row pgx.Row) (sources.ReadingHead, error) {
		var (
			h         sources.ReadingHead
			published int64
			head      int32
		)
		err := row.Scan(&h.ArticleID, &h.StoryID, &published, &h.Sample, &h.Strength, &head)
		h.Published, h.Head = time.Unix(published, 0).UTC(), byte(head)
		return h, err
	}, `SELECT r.article_id, r.story_id, r.published, r.sample, r.strength, r.head
		FROM pair_readings r
		WHERE r.pair = $1 AND r.article_id BETWEEN $2 AND $3 AND r.version = $4`+own+`
		ORDER BY r.article_id DESC LIMIT $5`, sources.PairKey(q.Pair[0], q.Pair[1]), lo, hi, q.Version, limit)
	if err != nil {
		return nil, nil, err
	}
	unread, err := s.unreadOfPair(ctx, q, lo, hi, limit)
	return read, unread, err
}

// unreadOfPair returns the articles of the pair in [lo, hi] that
// q.Version has not read, unless it has read them all.
func (s *Store) unreadOfPair(ctx context.Context, q sources.ReadingQuery, lo, hi int64, limit int) ([]int64, error) {
	var sealed bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM reading_seal WHERE version = $1)`, q.Version).Scan(&sealed); err != nil {
		return nil, fmt.Errorf("postgres: read the readings' seal: %w", err)
	}
	if sealed {
		return nil, nil
	}
	return queryAll(ctx, s.pool, "unread articles of a pair", scanID, `SELECT c0.article_id FROM article_countries c0
		JOIN article_countries c1 ON c1.country = $1 AND c1.article_id = c0.article_id
		WHERE c0.country = $2 AND c0.article_id BETWEEN $3 AND $4
		AND NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = c0.article_id AND m.version = $5)
		ORDER BY c0.article_id DESC LIMIT $6`, q.Pair[1], q.Pair[0], lo, hi, q.Version, limit)
}

// ownReadings is the condition that leaves the sample's readings out when
// q asks.
func ownReadings(q sources.ReadingQuery) string {
	if q.NoSample {
		return ` AND NOT r.sample`
	}
	return ""
}

func scanID(row pgx.Row) (int64, error) {
	var id int64
	err := row.Scan(&id)
	return id, err
}

// ArticlesByID returns the stored articles among ids, in that order.
func (s *Store) ArticlesByID(ctx context.Context, ids []int64) ([]sources.Article, error) {
	arts, err := s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]sources.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]sources.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := byID[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// UnreadArticles returns ids of articles that version has not read.
func (s *Store) UnreadArticles(ctx context.Context, version int64, after int64, limit int) ([]int64, error) {
	// The bound on m.article_id is the planner's to know: it does not carry
	// a.id > $1 across the join, and with it a merge anti-join read
	// article_readings from its start on every call (30 s a call at
	// 1,000,000 articles once most were read).
	return queryAll(ctx, s.pool, "unread articles", scanID, `SELECT a.id FROM articles a
		WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.article_id > $1 AND m.version = $2)
		ORDER BY a.id LIMIT $3`, after, version, limit)
}

// CountUnread counts the articles that version has not read.
func (s *Store) CountUnread(ctx context.Context, version int64) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM article_readings m WHERE m.article_id = a.id AND m.version = $1)`, version).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("postgres: count unread articles: %w", err)
	}
	return n, nil
}

// SaveReadings stores what version read in articles, in one transaction
// that holds the save lock: an article that a save changes meanwhile is
// either changed before (and left as it is here) or after (and its new
// readings replace these).
func (s *Store) SaveReadings(ctx context.Context, version int64, reads []sources.ArticleReadings) error {
	if len(reads) == 0 {
		return nil
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		if err := breakSeal(ctx, tx, []int64{version}); err != nil {
			return err
		}
		ids := make([]int64, len(reads))
		for i, r := range reads {
			ids[i] = r.ArticleID
		}
		now := map[int64]*sources.Article{}
		rows, err := tx.Query(ctx, `SELECT id, fetched, published, title, url, source, story_id, sample FROM articles WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a sources.Article
			var fetched, published int64
			if err := rows.Scan(&a.ID, &fetched, &published, &a.Title, &a.URL, &a.Source, &a.StoryID, &a.Sample); err != nil {
				rows.Close()
				return err
			}
			a.Fetched, a.Published = time.Unix(fetched, 0).UTC(), time.Unix(published, 0).UTC()
			now[a.ID] = &a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var keep []int64
		var out readingRows
		for _, r := range reads {
			a, ok := now[r.ArticleID]
			if !ok || !a.Fetched.Equal(r.Fetched.Truncate(time.Second)) {
				continue // gone, or changed since it was read
			}
			keep = append(keep, r.ArticleID)
			out.add(a, version, r.Readings)
		}
		if err := dropReadings(ctx, tx, keep); err != nil {
			return err
		}
		return out.write(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("postgres: save readings: %w", s.readOnly(err))
	}
	return nil
}
