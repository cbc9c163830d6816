package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

// rankWeights weigh the title's terms (weight A) four times the body's
// (weight D), as the SQLite engine's bm25 does; B and C are unused.
const rankWeights = `'{0.25, 0.25, 0.25, 1.0}'`

// Search returns the articles that match q: by relevance when q has words
// (ts_rank over the same terms FTS5 indexes, title weighted four times the
// body, normalised by length; see the README for how it differs from
// bm25), newest first otherwise. The time window restricts the indexes
// through the article ids, which grow with publication time.
func (s *Store) Search(ctx context.Context, q sources.Query) ([]sources.Article, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	lo, hi := sources.IDRange(q.Since, q.Until)
	query, hasWords := tsQuery(q.Words)
	own := ""
	if q.NoSample {
		own = ` AND NOT a.sample`
	}
	switch {
	case !hasWords && len(q.Countries) > 0:
		sql, args := mentioningSQL(articleColumns, q.Countries, lo, hi, limit, own)
		return s.queryArticles(ctx, sql, args...)
	case !hasWords:
		return s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id BETWEEN $1 AND $2`+own+` ORDER BY a.id DESC LIMIT $3`, lo, hi, limit)
	case query == "":
		return nil, nil // words without terms match nothing, as in FTS5
	}
	var b strings.Builder
	args := []any{query, lo, hi}
	b.WriteString(`SELECT ` + articleColumns + ` FROM articles a WHERE a.tsv @@ $1::tsquery AND a.id BETWEEN $2 AND $3` + own)
	for _, c := range q.Countries {
		args = append(args, c)
		fmt.Fprintf(&b, ` AND a.id IN (SELECT article_id FROM article_countries WHERE country = $%d AND article_id BETWEEN $2 AND $3)`, len(args))
	}
	args = append(args, limit)
	fmt.Fprintf(&b, ` ORDER BY ts_rank(%s, a.tsv, $1::tsquery, 1) DESC, a.id DESC LIMIT $%d`, rankWeights, len(args))
	return s.queryArticles(ctx, b.String(), args...)
}

// SearchIDs returns the ids of the articles that Search returns for q, in
// the same order. Without words it reads the country index and the
// articles' rows but not their texts.
func (s *Store) SearchIDs(ctx context.Context, q sources.Query) ([]int64, error) {
	if len(q.Words) > 0 || len(q.Countries) == 0 {
		arts, err := s.Search(ctx, q)
		ids := make([]int64, len(arts))
		for i, a := range arts {
			ids[i] = a.ID
		}
		return ids, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	lo, hi := sources.IDRange(q.Since, q.Until)
	own := ""
	if q.NoSample {
		own = ` AND NOT a.sample`
	}
	sql, args := mentioningSQL(`a.id`, q.Countries, lo, hi, limit, own)
	return queryAll(ctx, s.pool, "search ids", scanID, sql, args...)
}

// ArticlesMentioning returns the articles tagged with every one of the
// countries and published within [since, until], newest first.
func (s *Store) ArticlesMentioning(ctx context.Context, countries []string, since, until time.Time, limit int) ([]sources.Article, error) {
	return s.Search(ctx, sources.Query{Countries: countries, Since: since, Until: until, Limit: limit})
}

// mentioningSQL selects columns of the articles (a) tagged with every
// country: it joins the country index once per country, walking the
// first country's rows newest first within the id window; extra adds
// conditions on the article a.
func mentioningSQL(columns string, countries []string, lo, hi int64, limit int, extra string) (string, []any) {
	var b strings.Builder
	args := []any{countries[0], lo, hi, limit}
	b.WriteString(`SELECT ` + columns + ` FROM article_countries c0`)
	for i := 1; i < len(countries); i++ {
		args = append(args, countries[i])
		// The window again on each country: the planner may merge the
		// countries' rows rather than look each up, and should read only
		// the window's.
		fmt.Fprintf(&b, ` JOIN article_countries c%d ON c%d.country = $%d AND c%d.article_id = c0.article_id AND c%d.article_id BETWEEN $2 AND $3`, i, i, len(args), i, i)
	}
	b.WriteString(` JOIN articles a ON a.id = c0.article_id WHERE c0.country = $1 AND c0.article_id BETWEEN $2 AND $3` + extra + `
		ORDER BY c0.article_id DESC LIMIT $4`)
	return b.String(), args
}

func (s *Store) queryArticles(ctx context.Context, sql string, args ...any) ([]sources.Article, error) {
	return queryAll(ctx, s.pool, "query articles", scanArticle, sql, args...)
}

// HasWord reports whether any stored article contains the word (after
// stemming), so that a request can tell a topic word from a misspelt
// country.
func (s *Store) HasWord(ctx context.Context, word string) (bool, error) {
	query, _ := tsQuery([]string{word})
	if query == "" {
		return false, nil
	}
	var found bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE tsv @@ $1::tsquery)`, query).Scan(&found); err != nil {
		return false, fmt.Errorf("postgres: look up word %q: %w", word, err)
	}
	return found, nil
}

// StoryOutlets returns, for each story id, the distinct outlets that
// carried it, in byte order as the SQLite engine sorts them.
func (s *Store) StoryOutlets(ctx context.Context, storyIDs []int64) (map[int64][]string, error) {
	out := make(map[int64][]string, len(storyIDs))
	if len(storyIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT story_id, source COLLATE "C" FROM articles WHERE story_id = ANY($1)
		ORDER BY story_id, source COLLATE "C"`, storyIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: story outlets: %w", err)
	}
	var id int64
	var src string
	_, err = pgx.ForEachRow(rows, []any{&id, &src}, func() error {
		out[id] = append(out[id], src)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: story outlets: %w", err)
	}
	return out, nil
}

// ArticlesFetchedBetween returns the articles stored (fetched) in
// (since, until], oldest first. When there are more than limit, it keeps
// the newest limit of them; total counts them all.
func (s *Store) ArticlesFetchedBetween(ctx context.Context, since, until time.Time, limit int) (arts []sources.Article, total int, err error) {
	if limit <= 0 {
		limit = 1000
	}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE fetched > $1 AND fetched <= $2`, since.Unix(), until.Unix()).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgres: count new articles: %w", err)
	}
	arts, err = s.queryArticles(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.fetched > $1 AND a.fetched <= $2
		ORDER BY a.fetched DESC, a.id DESC LIMIT $3`, since.Unix(), until.Unix(), limit)
	if err != nil {
		return nil, 0, err
	}
	slices.Reverse(arts)
	return arts, total, nil
}

// StoryFirstSeen returns, for each story id, when its first article was
// stored.
func (s *Store) StoryFirstSeen(ctx context.Context, storyIDs []int64) (map[int64]time.Time, error) {
	out := make(map[int64]time.Time, len(storyIDs))
	if len(storyIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT story_id, min(fetched) FROM articles WHERE story_id = ANY($1) GROUP BY story_id`, storyIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: story first seen: %w", err)
	}
	var id, t int64
	_, err = pgx.ForEachRow(rows, []any{&id, &t}, func() error {
		out[id] = time.Unix(t, 0).UTC()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: story first seen: %w", err)
	}
	return out, nil
}
