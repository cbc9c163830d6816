package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"attache/sources"
)

// backfillTitleKeys adds every article's title key (sources.TitleKey) to
// the story buckets, once per store (sources.TitleKeysSetting): a store
// made before the refile rule lacks them. One pass over the articles'
// titles and sources, under the save lock.
func (s *Store) backfillTitleKeys(ctx context.Context) error {
	if _, ok, err := s.Setting(ctx, sources.TitleKeysSetting); err != nil || ok {
		return err
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, ".attache.save"); err != nil {
			return err
		}
		var done bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM settings WHERE key = $1)`, sources.TitleKeysSetting).Scan(&done); err != nil || done {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT id, title, source FROM articles`)
		if err != nil {
			return err
		}
		var keys, ids []int64
		var id int64
		var title, source string
		if _, err := pgx.ForEachRow(rows, []any{&id, &title, &source}, func() error {
			keys = append(keys, sources.TitleKey(source, title))
			ids = append(ids, id)
			return nil
		}); err != nil {
			return err
		}
		const chunk = 50000
		for start := 0; start < len(ids); start += chunk {
			end := min(start+chunk, len(ids))
			if _, err := tx.Exec(ctx, `INSERT INTO story_buckets (bucket, article_id)
				SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`, keys[start:end], ids[start:end]); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, '1') ON CONFLICT (key) DO NOTHING`, sources.TitleKeysSetting)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: add title keys: %w", err)
	}
	return nil
}
