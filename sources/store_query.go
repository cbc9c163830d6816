package sources

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attache/sources/fts"
)

// Query selects articles from the store. All conditions must hold.
type Query struct {
	Countries []string  // codes that every article must be tagged with
	Words     []string  // full-text words; empty lists newest first
	Since     time.Time // published at or after; zero: no bound
	Until     time.Time // published at or before; zero: no bound
	Limit     int       // zero: 20
	// NoSample leaves the articles of the bundled sample corpus out.
	NoSample bool
}

// Search returns the articles that match q: by bm25 relevance (title
// weighted above body) when q has words, newest first otherwise. The time
// window restricts the indexes through the article ids, which grow with
// publication time, so a narrow window never scans the whole corpus.
func (s *SQLiteStore) Search(ctx context.Context, q Query) ([]Article, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	lo, hi := IDRange(q.Since, q.Until)
	match, hasWords := ftsQuery(q.Words)
	var (
		sqlText string
		args    []any
	)
	own := ""
	if q.NoSample {
		own = ` AND a.sample = 0`
	}
	switch {
	case !hasWords && len(q.Countries) > 0:
		sqlText, args = mentioningSQL(q.Countries, lo, hi, limit, own)
	case !hasWords:
		sqlText = `SELECT ` + articleColumns + ` FROM articles a WHERE a.id BETWEEN ? AND ?` + own + ` ORDER BY a.id DESC LIMIT ?`
		args = []any{lo, hi, limit}
	case match == "":
		return nil, nil // words without terms match nothing
	default:
		var b strings.Builder
		b.WriteString(`SELECT ` + articleColumns + ` FROM articles_fts f JOIN articles a ON a.id = f.rowid
			WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ?` + own)
		args = []any{match, lo, hi}
		for _, c := range q.Countries {
			b.WriteString(` AND a.id IN (SELECT article_id FROM article_countries WHERE country = ? AND article_id BETWEEN ? AND ?)`)
			args = append(args, c, lo, hi)
		}
		b.WriteString(` ORDER BY bm25(articles_fts, 4.0, 1.0), a.id DESC LIMIT ?`)
		args = append(args, limit)
		sqlText = b.String()
	}
	return s.queryArticles(ctx, sqlText, args...)
}

// SearchIDs returns the ids of the articles that Search returns for q, in
// the same order. Without words it reads the indexes alone (the country
// index, and the sample's index when q leaves the sample out), so that a
// caller that keeps what it read of the articles before (readings) reads
// only the rows it needs.
func (s *SQLiteStore) SearchIDs(ctx context.Context, q Query) ([]int64, error) {
	if len(q.Words) > 0 || len(q.Countries) == 0 {
		arts, err := s.Search(ctx, q)
		return articleIDs(arts), err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	lo, hi := IDRange(q.Since, q.Until)
	var b strings.Builder
	b.WriteString(`SELECT c0.article_id FROM article_countries c0`)
	args := []any{}
	for i := 1; i < len(q.Countries); i++ {
		fmt.Fprintf(&b, ` JOIN article_countries c%d ON c%d.country = ? AND c%d.article_id = c0.article_id`, i, i, i)
		args = append(args, q.Countries[i])
	}
	b.WriteString(` WHERE c0.country = ? AND c0.article_id BETWEEN ? AND ?`)
	args = append(args, q.Countries[0], lo, hi)
	if q.NoSample {
		b.WriteString(` AND c0.article_id NOT IN (SELECT id FROM articles INDEXED BY articles_sample WHERE sample = 1)`)
	}
	b.WriteString(` ORDER BY c0.article_id DESC LIMIT ?`)
	args = append(args, limit)
	return queryAll(ctx, s.db, "search ids", scanID, b.String(), args...)
}

// articleIDs lists the articles' ids in order.
func articleIDs(arts []Article) []int64 {
	ids := make([]int64, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}

// ArticlesMentioning returns the articles tagged with every one of the
// countries and published within [since, until], newest first.
func (s *SQLiteStore) ArticlesMentioning(ctx context.Context, countries []string, since, until time.Time, limit int) ([]Article, error) {
	return s.Search(ctx, Query{Countries: countries, Since: since, Until: until, Limit: limit})
}

// mentioningSQL joins the country index once per country, walking the
// first country's rows newest first within the id window; extra is more
// of the WHERE clause.
func mentioningSQL(countries []string, lo, hi int64, limit int, extra string) (string, []any) {
	var b strings.Builder
	b.WriteString(`SELECT ` + articleColumns + ` FROM article_countries c0`)
	args := []any{}
	for i := 1; i < len(countries); i++ {
		fmt.Fprintf(&b, ` JOIN article_countries c%d ON c%d.country = ? AND c%d.article_id = c0.article_id`, i, i, i)
		args = append(args, countries[i])
	}
	b.WriteString(` JOIN articles a ON a.id = c0.article_id WHERE c0.country = ? AND c0.article_id BETWEEN ? AND ?` + extra + `
		ORDER BY c0.article_id DESC LIMIT ?`)
	args = append(args, countries[0], lo, hi, limit)
	return b.String(), args
}

func (s *SQLiteStore) queryArticles(ctx context.Context, query string, args ...any) ([]Article, error) {
	return queryAll(ctx, s.db, "query articles", scanArticle, query, args...)
}

// ftsQuery turns free words into an FTS5 query that requires all of them,
// each quoted so that no word is read as FTS5 syntax. A word may list
// alternatives separated by "|" ("defense|defence"): any of them matches.
// An alternative without a term ("!!!") is left out, and so is a word
// with none left; when no word has a term the query is empty and matches
// nothing. hasWords says whether any word had text at all: without, the
// search is no full-text search. (FTS5 itself reads an empty phrase one
// way beside AND and another beside a space.)
func ftsQuery(words []string) (match string, hasWords bool) {
	var parts []string
	for _, w := range words {
		var alts []string
		for _, alt := range strings.Split(w, "|") {
			alt = strings.TrimSpace(strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || r == utf8.RuneError {
					return -1
				}
				return r
			}, alt))
			if alt == "" {
				continue
			}
			hasWords = true
			if len(fts.Phrase(alt)) == 0 {
				continue
			}
			alts = append(alts, `"`+strings.ReplaceAll(alt, `"`, `""`)+`"`)
		}
		switch len(alts) {
		case 0:
		case 1:
			parts = append(parts, alts[0])
		default:
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	// FTS5 reads words side by side as AND, but not next to a group in
	// parentheses: the AND is written out.
	return strings.Join(parts, " AND "), hasWords
}

// HasOwnArticles reports whether the store holds an article that is not
// part of the bundled sample corpus.
func (s *SQLiteStore) HasOwnArticles(ctx context.Context) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE sample = 0 LIMIT 1`).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sources: look for own articles: %w", err)
	}
	return true, nil
}

// HasWord reports whether any stored article contains the word (after the
// index's stemming), so that a request can tell a topic word from a
// misspelt country.
func (s *SQLiteStore) HasWord(ctx context.Context, word string) (bool, error) {
	match, _ := ftsQuery([]string{word})
	if match == "" {
		return false, nil
	}
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1`, match).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sources: look up word %q: %w", word, err)
	}
	return true, nil
}

// StoryOutlets returns, for each story id, the distinct outlets that
// carried it.
func (s *SQLiteStore) StoryOutlets(ctx context.Context, storyIDs []int64) (map[int64][]string, error) {
	out := make(map[int64][]string, len(storyIDs))
	if len(storyIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(storyIDs))
	for i, id := range storyIDs {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT story_id, source FROM articles WHERE story_id IN (`+placeholders(len(storyIDs))+`) ORDER BY story_id, source`, args...)
	if err != nil {
		return nil, fmt.Errorf("sources: story outlets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var src string
		if err := rows.Scan(&id, &src); err != nil {
			return nil, fmt.Errorf("sources: story outlets: %w", err)
		}
		out[id] = append(out[id], src)
	}
	return out, rows.Err()
}

// ArticlesFetchedBetween returns the articles stored (fetched) in
// (since, until], oldest first. When there are more than limit, it keeps
// the newest limit of them; total counts them all.
func (s *SQLiteStore) ArticlesFetchedBetween(ctx context.Context, since, until time.Time, limit int) (arts []Article, total int, err error) {
	if limit <= 0 {
		limit = 1000
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE fetched > ? AND fetched <= ?`, since.Unix(), until.Unix()).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sources: count new articles: %w", err)
	}
	arts, err = s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.fetched > ? AND a.fetched <= ?
		ORDER BY a.fetched DESC, a.id DESC LIMIT ?`, since.Unix(), until.Unix(), limit)
	if err != nil {
		return nil, 0, err
	}
	slices.Reverse(arts)
	return arts, total, nil
}

// Stats counts what the store holds.
type Stats struct {
	Engine         string    `json:"engine"`   // "sqlite" or "postgres"
	Location       string    `json:"location"` // file, or server and database
	Articles       int       `json:"articles"`
	SampleArticles int       `json:"sample_articles"`
	Undated        int       `json:"undated"` // articles without a publication date
	Stories        int       `json:"stories"`
	Sources        int       `json:"sources"`
	Feeds          int       `json:"feeds"`
	FailingFeeds   int       `json:"failing_feeds"`
	Countries      int       `json:"countries"`
	Oldest         time.Time `json:"oldest"` // of the dated articles
	Newest         time.Time `json:"newest"`
	Bytes          int64     `json:"bytes"` // on disk: the database file plus WAL, or the database's size
}

// Stats returns the store's counts.
func (s *SQLiteStore) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Engine: EngineSQLite, Location: s.path}
	var oldest, newest sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(sample), 0), count(DISTINCT story_id), count(DISTINCT source),
		coalesce(sum(published = ?), 0), min(nullif(published, ?)), max(nullif(published, ?)) FROM articles`, undatedUnix, undatedUnix, undatedUnix).
		Scan(&st.Articles, &st.SampleArticles, &st.Stories, &st.Sources, &st.Undated, &oldest, &newest)
	if err != nil {
		return st, fmt.Errorf("sources: stats: %w", err)
	}
	if oldest.Valid {
		st.Oldest, st.Newest = time.Unix(oldest.Int64, 0).UTC(), time.Unix(newest.Int64, 0).UTC()
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(failures > 0), 0) FROM feeds`).Scan(&st.Feeds, &st.FailingFeeds); err != nil {
		return st, fmt.Errorf("sources: stats: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT country) FROM article_countries`).Scan(&st.Countries); err != nil {
		return st, fmt.Errorf("sources: stats: %w", err)
	}
	for _, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			st.Bytes += fi.Size()
		}
	}
	return st, nil
}

// RemoveSample deletes the bundled sample articles (when the config turns
// the sample off) and returns how many there were.
func (s *SQLiteStore) RemoveSample(ctx context.Context) (int, error) {
	if s.readOnly {
		return 0, s.readOnlyError()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("sources: remove sample: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, sketch, title, source FROM articles WHERE sample = 1`)
	if err != nil {
		return 0, fmt.Errorf("sources: remove sample: %w", err)
	}
	type doomed struct {
		id   int64
		keys []int64
	}
	var all []doomed
	for rows.Next() {
		var a StoredArticle
		var raw []byte
		if err := rows.Scan(&a.ID, &raw, &a.Title, &a.Source); err != nil {
			rows.Close()
			return 0, fmt.Errorf("sources: remove sample: %w", err)
		}
		a.Sketch = UnmarshalSketch(raw)
		all = append(all, doomed{a.ID, a.Keys()})
	}
	rows.Close()
	for _, d := range all {
		if err := deleteBuckets(ctx, tx, d.id, d.keys); err != nil {
			return 0, fmt.Errorf("sources: remove sample: %w", err)
		}
		if err := dropReadings(ctx, tx, d.id); err != nil {
			return 0, fmt.Errorf("sources: remove sample: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, d.id); err != nil {
			return 0, fmt.Errorf("sources: remove sample: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("sources: remove sample: %w", err)
	}
	return len(all), nil
}

// StoryFirstSeen returns, for each story id, when its first article was
// stored.
func (s *SQLiteStore) StoryFirstSeen(ctx context.Context, storyIDs []int64) (map[int64]time.Time, error) {
	out := make(map[int64]time.Time, len(storyIDs))
	for start := 0; start < len(storyIDs); start += 500 {
		chunk := storyIDs[start:min(start+500, len(storyIDs))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT story_id, min(fetched) FROM articles WHERE story_id IN (`+placeholders(len(chunk))+`) GROUP BY story_id`, args...)
		if err != nil {
			return nil, fmt.Errorf("sources: story first seen: %w", err)
		}
		for rows.Next() {
			var id, t int64
			if err := rows.Scan(&id, &t); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sources: story first seen: %w", err)
			}
			out[id] = time.Unix(t, 0).UTC()
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sources: story first seen: %w", err)
		}
	}
	return out, nil
}

// Empty reports whether the store holds no article at all.
func (s *SQLiteStore) Empty(ctx context.Context) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles LIMIT 1`).Scan(&one)
	if err == sql.ErrNoRows {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("sources: empty: %w", err)
	}
	return false, nil
}
