package sources

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// TitleKeysSetting is the setting that marks a store whose articles all
// have their title keys (TitleKey) among their story buckets. Stores made
// before the refile rule lack them; opening one for writing adds them
// once (backfillTitleKeys), so that new articles find stored refiles.
// Story ids already given stay as they are.
const TitleKeysSetting = "story_title_keys"

// backfillTitleKeys adds every article's title key to the story buckets,
// once per store: a one-off pass over the articles' titles and sources
// (not their texts), in one transaction under the write lock.
func (s *SQLiteStore) backfillTitleKeys(ctx context.Context) error {
	if _, ok, err := s.Setting(ctx, TitleKeysSetting); err != nil || ok {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	defer tx.Rollback()
	// Another process may have done it meanwhile: the write lock is held
	// now.
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key = ?`, TitleKeysSetting).Scan(&done); err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	if done > 0 {
		return nil
	}
	rows, err := queryAll(ctx, tx, "read titles", func(sc rowScanner) ([2]int64, error) {
		var id int64
		var title, source string
		err := sc.Scan(&id, &title, &source)
		return [2]int64{TitleKey(source, title), id}, err
	}, `SELECT id, title, source FROM articles`)
	if err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	slices.SortFunc(rows, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	args := make([]any, 0, 2)
	err = insertRows(ctx, tx, `INSERT OR IGNORE INTO story_buckets (bucket, article_id) VALUES `, len(rows), func(i int) []any {
		return append(args[:0], rows[i][0], rows[i][1])
	})
	if err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, '1')`, TitleKeysSetting); err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sources: add title keys: %w", err)
	}
	return nil
}
