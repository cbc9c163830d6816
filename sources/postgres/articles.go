package postgres

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

// Save stores a batch of prepared articles in one transaction, holding the
// schema's save lock so that writers in every process take their turns and
// the save rules (sources.PlanSave) read a store that does not change
// under them.
func (s *Store) Save(ctx context.Context, batch []sources.Prepared) ([]sources.Result, error) {
	docs := indexDocuments(batch)
	var plan *sources.SavePlan
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		// The full-text index takes a batch's terms into its pending list
		// and merges them into the index when the list is full: with room
		// to sort them in memory it merges in a few passes, not dozens.
		// A large batch (an import, bench) lets the list grow to 32 MB
		// instead of 4: each merge rewrites the posting lists of the terms
		// it touches, and the common terms are touched by every merge, so
		// eight times fewer merges cost the server about a fifth less CPU
		// per article (measured at 50,000 articles). A search reads the
		// whole pending list, so small batches (the poller's) keep the
		// server's setting (4 MB by default); the first of them merges
		// what a large one left.
		set := `SET LOCAL work_mem = '64MB'`
		if len(batch) >= bulkBatch {
			set += `; SET LOCAL gin_pending_list_limit = '32MB'`
		}
		if _, err := tx.Exec(ctx, set); err != nil {
			return err
		}
		var err error
		plan, err = sources.PlanSave(ctx, saveReader{tx}, batch)
		if err != nil {
			return err
		}
		if err := breakSeal(ctx, tx, plan.ReadBy()); err != nil {
			return err
		}
		// Updates first, in the plan's order: a new article may take the
		// content hash an updated one gives up.
		for _, u := range plan.Updates {
			if err := updateArticle(ctx, tx, u, docs[u.Index]); err != nil {
				return fmt.Errorf("update %q: %w", u.URL, err)
			}
		}
		return insertArticles(ctx, tx, plan.Inserts, docs)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: save: %w", err)
	}
	if len(batch) >= bulkBatch {
		s.mergePending()
	}
	return plan.Results, nil
}

// mergePending merges the full-text index's pending list into the index
// on a connection of its own, beside the next batch's preparing and
// writing, unless a merge runs already. Left to the saves, the merge runs
// inside the save whose terms fill the list, and the writer waits for it.
// A merge that fails (the role does not own the index) is left to the
// saves, as before.
func (s *Store) mergePending() {
	if s.merging.Swap(true) {
		return
	}
	s.merges.Add(1)
	go func() {
		defer s.merges.Done()
		defer s.merging.Store(false)
		ctx := context.Background()
		// One implicit transaction: SET LOCAL holds for the merge alone.
		s.pool.Exec(ctx, `SET LOCAL work_mem = '64MB'; SELECT gin_clean_pending_list('articles_tsv'::regclass)`)
	}()
}

// bulkBatch is the smallest batch Save takes for a bulk load.
const bulkBatch = 500

// IndexText reads an article's title and text into its full-text terms;
// the Ingester calls it ahead of Save, on spare cores.
func (s *Store) IndexText(title, text string) any { return indexDocument(title, text) }

var _ sources.TextIndexer = (*Store)(nil)

// indexDocuments returns the full-text terms of every article of the
// batch: those the Ingester read ahead, and the others read now, on all
// cores.
func indexDocuments(batch []sources.Prepared) []document {
	docs := make([]document, len(batch))
	var todo []int
	for i := range batch {
		if d, ok := batch[i].TextIndex.(document); ok {
			docs[i] = d
		} else {
			todo = append(todo, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := w; k < len(todo); k += workers {
				i := todo[k]
				docs[i] = indexDocument(batch[i].Title, batch[i].Text)
			}
		}()
	}
	wg.Wait()
	return docs
}

// articleRows are the columns of the articles table, one slice each, for
// writing many rows in one statement.
type articleRows struct {
	id, published, fetched, story []int64
	feed                          []*int64
	url, title, source, byline    []string
	lang, text, countries         []string
	tsv                           []packedTSVector
	hash, sketch                  [][]byte
	sample                        []bool
	ntokens                       []int32
	countryCode                   []string
	countryArticle                []int64
	bucket, bucketArticle         []int64
}

func (r *articleRows) add(p sources.PlannedArticle, doc document) {
	var feed *int64
	if p.FeedID != 0 {
		f := p.FeedID
		feed = &f
	}
	r.id = append(r.id, p.ID)
	r.published = append(r.published, p.Published.Unix())
	r.fetched = append(r.fetched, p.Fetched.Unix())
	r.story = append(r.story, p.StoryID)
	r.feed = append(r.feed, feed)
	r.url = append(r.url, p.URL)
	r.title = append(r.title, p.Title)
	r.source = append(r.source, p.Source)
	r.byline = append(r.byline, p.Byline)
	r.lang = append(r.lang, p.Lang)
	r.text = append(r.text, p.Text)
	r.countries = append(r.countries, sources.JoinCountries(p.Countries))
	r.tsv = append(r.tsv, doc.tsv)
	r.hash = append(r.hash, p.Hash)
	r.sketch = append(r.sketch, p.Sketch.MarshalBinary())
	r.sample = append(r.sample, p.Sample)
	r.ntokens = append(r.ntokens, int32(doc.tokens))
	r.addIndexes(p)
}

// addIndexes adds an article's country and story-bucket rows, each once.
func (r *articleRows) addIndexes(p sources.PlannedArticle) {
	for i, c := range p.Countries {
		if !slices.Contains(p.Countries[:i], c) {
			r.countryCode = append(r.countryCode, c)
			r.countryArticle = append(r.countryArticle, p.ID)
		}
	}
	buckets := p.Buckets()
	for i, b := range buckets {
		if !slices.Contains(buckets[:i], b) {
			r.bucket = append(r.bucket, b)
			r.bucketArticle = append(r.bucketArticle, p.ID)
		}
	}
}

// insertArticles writes the new articles with their countries and story
// buckets, with COPY: the save rules have settled every conflict, and COPY
// is the server's cheapest way in.
func insertArticles(ctx context.Context, tx pgx.Tx, ins []sources.PlannedArticle, docs []document) error {
	if len(ins) == 0 {
		return nil
	}
	var r articleRows
	for _, p := range ins {
		r.add(p, docs[p.Index])
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"articles"},
		[]string{"id", "url", "hash", "title", "source", "byline", "lang", "published", "fetched", "text", "countries", "story_id", "sketch", "feed_id", "sample", "tsv", "ntokens"},
		pgx.CopyFromSlice(len(r.id), func(i int) ([]any, error) {
			return []any{r.id[i], r.url[i], r.hash[i], r.title[i], r.source[i], r.byline[i], r.lang[i], r.published[i], r.fetched[i],
				r.text[i], r.countries[i], r.story[i], r.sketch[i], r.feed[i], r.sample[i], r.tsv[i], r.ntokens[i]}, nil
		}))
	if err != nil {
		return fmt.Errorf("insert articles: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"article_countries"}, []string{"country", "article_id"},
		pgx.CopyFromSlice(len(r.countryCode), func(i int) ([]any, error) { return []any{r.countryCode[i], r.countryArticle[i]}, nil })); err != nil {
		return fmt.Errorf("insert countries: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"story_buckets"}, []string{"bucket", "article_id"},
		pgx.CopyFromSlice(len(r.bucket), func(i int) ([]any, error) { return []any{r.bucket[i], r.bucketArticle[i]}, nil })); err != nil {
		return fmt.Errorf("insert story buckets: %w", err)
	}
	var reads readingRows
	for _, p := range ins {
		if p.ReadBy != 0 {
			p.AwaitReadings()
			a := p.Article
			a.ID, a.StoryID = p.ID, p.StoryID
			reads.add(&a, p.ReadBy, p.Readings)
		}
	}
	return reads.copy(ctx, tx)
}

// insertIndexes writes the country index and the story buckets of rows
// that may be there already.
func insertIndexes(ctx context.Context, tx pgx.Tx, r *articleRows) error {
	if len(r.countryCode) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO article_countries (country, article_id)
			SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING`, r.countryCode, r.countryArticle); err != nil {
			return fmt.Errorf("insert countries: %w", err)
		}
	}
	if len(r.bucket) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO story_buckets (bucket, article_id)
			SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, r.bucket, r.bucketArticle); err != nil {
			return fmt.Errorf("insert story buckets: %w", err)
		}
	}
	return nil
}

// updateArticle changes a stored article in place: its text and what is
// indexed of it, keeping its id, story id, feed and publication time.
func updateArticle(ctx context.Context, tx pgx.Tx, u sources.PlannedArticle, doc document) error {
	_, err := tx.Exec(ctx, `UPDATE articles SET hash = $1, title = $2, source = $3, byline = $4, lang = $5,
		fetched = $6, text = $7, countries = $8, sketch = $9, tsv = $10::tsvector, ntokens = $11 WHERE id = $12`,
		u.Hash, u.Title, u.Source, u.Byline, u.Lang, u.Fetched.Unix(), u.Text,
		sources.JoinCountries(u.Countries), u.Sketch.MarshalBinary(), doc.tsv, doc.tokens, u.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM article_countries WHERE article_id = $1`, u.ID); err != nil {
		return err
	}
	if err := deleteBuckets(ctx, tx, u.ID, u.Old.Keys()); err != nil {
		return err
	}
	if err := dropReadings(ctx, tx, []int64{u.ID}); err != nil {
		return err
	}
	if u.ReadBy != 0 {
		u.AwaitReadings()
		var reads readingRows
		a := u.Article
		a.ID, a.StoryID = u.ID, u.StoryID
		reads.add(&a, u.ReadBy, u.Readings)
		if err := reads.write(ctx, tx); err != nil {
			return err
		}
	}
	var r articleRows
	r.addIndexes(u)
	return insertIndexes(ctx, tx, &r)
}

// deleteBuckets removes an article's story-bucket rows by their keys
// (sources.StoredArticle.Keys).
func deleteBuckets(ctx context.Context, tx pgx.Tx, id int64, keys []int64) error {
	if _, err := tx.Exec(ctx, `DELETE FROM story_buckets WHERE article_id = $1 AND bucket = ANY($2)`, id, keys); err != nil {
		return fmt.Errorf("delete story buckets: %w", err)
	}
	return nil
}

// saveReader answers the save rules' questions inside the save
// transaction.
type saveReader struct{ tx pgx.Tx }

func scanStored(row pgx.Row) (sources.StoredArticle, error) {
	var a sources.StoredArticle
	var sketch []byte
	err := row.Scan(&a.ID, &a.StoryID, &a.Hash, &sketch)
	a.Sketch = sources.UnmarshalSketch(sketch)
	return a, err
}

func (r saveReader) StoredByURL(ctx context.Context, urls []string) (map[string]sources.StoredArticle, error) {
	rows, err := r.tx.Query(ctx, `SELECT id, story_id, hash, sketch, title, source, url FROM articles WHERE url = ANY($1)`, urls)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]sources.StoredArticle{}
	for rows.Next() {
		var a sources.StoredArticle
		var sketch []byte
		var url string
		if err := rows.Scan(&a.ID, &a.StoryID, &a.Hash, &sketch, &a.Title, &a.Source, &url); err != nil {
			return nil, err
		}
		a.Sketch = sources.UnmarshalSketch(sketch)
		out[url] = a
	}
	return out, rows.Err()
}

func (r saveReader) IDsByHash(ctx context.Context, hashes [][]byte) (map[string]int64, error) {
	rows, err := r.tx.Query(ctx, `SELECT hash, id FROM articles WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var h []byte
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		out[string(h)] = id
	}
	return out, rows.Err()
}

func (r saveReader) SharingBuckets(ctx context.Context, buckets []int64) ([]sources.StoredArticle, error) {
	return queryAll(ctx, r.tx, "story candidates", scanStored, `SELECT a.id, a.story_id, a.hash, a.sketch FROM articles a
		WHERE a.id IN (SELECT article_id FROM story_buckets WHERE bucket = ANY($1))`, buckets)
}

// scanTitled reads a stored article with its title, source and text.
func scanTitled(row pgx.Row) (sources.StoredArticle, error) {
	var a sources.StoredArticle
	var sketch []byte
	err := row.Scan(&a.ID, &a.StoryID, &a.Hash, &sketch, &a.Title, &a.Source, &a.Text)
	a.Sketch = sources.UnmarshalSketch(sketch)
	return a, err
}

func (r saveReader) SameTitle(ctx context.Context, keys []int64, lo, hi int64) ([]sources.StoredArticle, error) {
	return queryAll(ctx, r.tx, "refile candidates", scanTitled, `SELECT a.id, a.story_id, a.hash, a.sketch, a.title, a.source, a.text FROM articles a
		WHERE a.id IN (SELECT article_id FROM story_buckets WHERE bucket = ANY($1) AND article_id BETWEEN $2 AND $3)`, keys, lo, hi)
}

func (r saveReader) LastIDs(ctx context.Context, seconds []int64) (map[int64]int64, error) {
	rows, err := r.tx.Query(ctx, `SELECT s, (SELECT max(id) FROM articles WHERE id >= s * 1000 AND id < s * 1000 + 1000)
		FROM unnest($1::bigint[]) AS s`, seconds)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var sec int64
		var last *int64
		if err := rows.Scan(&sec, &last); err != nil {
			return nil, err
		}
		if last != nil {
			out[sec] = *last
		}
	}
	return out, rows.Err()
}

func (r saveReader) LastID(ctx context.Context, lo, hi int64) (int64, bool, error) {
	var last *int64
	if err := r.tx.QueryRow(ctx, `SELECT max(id) FROM articles WHERE id >= $1 AND id < $2`, lo, hi).Scan(&last); err != nil {
		return 0, false, err
	}
	if last == nil {
		return 0, false, nil
	}
	return *last, true, nil
}

const articleColumns = `a.id, a.url, a.title, a.source, a.byline, a.lang, a.published, a.fetched, a.text, a.countries, a.story_id, a.feed_id, a.sample`

func scanArticle(row pgx.Row) (sources.Article, error) {
	var (
		a                  sources.Article
		published, fetched int64
		countries          string
		feedID             *int64
	)
	err := row.Scan(&a.ID, &a.URL, &a.Title, &a.Source, &a.Byline, &a.Lang, &published, &fetched, &a.Text, &countries, &a.StoryID, &feedID, &a.Sample)
	if err != nil {
		return a, err
	}
	a.Published = time.Unix(published, 0).UTC()
	a.Fetched = time.Unix(fetched, 0).UTC()
	a.Countries = sources.SplitCountries(countries)
	if feedID != nil {
		a.FeedID = *feedID
	}
	return a, nil
}

// Article returns one article by id.
func (s *Store) Article(ctx context.Context, id int64) (sources.Article, error) {
	a, err := scanArticle(s.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("postgres: article %d: %w", id, sources.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	return a, nil
}

// HasURL reports whether an article with this canonical URL is stored.
func (s *Store) HasURL(ctx context.Context, canonicalURL string) (bool, error) {
	var found bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE url = $1)`, canonicalURL).Scan(&found); err != nil {
		return false, fmt.Errorf("postgres: look up URL: %w", err)
	}
	return found, nil
}

// Empty reports whether the store holds no article at all.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var any bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&any); err != nil {
		return false, fmt.Errorf("postgres: empty: %w", err)
	}
	return !any, nil
}

// HasOwnArticles reports whether the store holds an article that is not
// part of the bundled sample corpus.
func (s *Store) HasOwnArticles(ctx context.Context) (bool, error) {
	var found bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE NOT sample)`).Scan(&found); err != nil {
		return false, fmt.Errorf("postgres: look for own articles: %w", err)
	}
	return found, nil
}

// RemoveSample deletes the bundled sample articles and says how many there
// were.
func (s *Store) RemoveSample(ctx context.Context) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		doomed, err := queryAll(ctx, tx, "sample articles", scanTitled, `SELECT id, story_id, hash, sketch, title, source, '' FROM articles WHERE sample`)
		if err != nil {
			return err
		}
		for _, a := range doomed {
			if err := deleteBuckets(ctx, tx, a.ID, a.Keys()); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM pair_readings WHERE sample`); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM articles WHERE sample`)
		n = int(tag.RowsAffected())
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: remove sample: %w", err)
	}
	return n, nil
}
