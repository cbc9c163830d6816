package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"attache/sources"
	"attache/sources/postgres"
)

// migrateProgressKey is the target's setting that records the last
// article id copied from a SQLite file, so that a copy cut short resumes.
func migrateProgressKey(path string) string {
	return "migrate_from_sqlite:" + path + ":last_article_id"
}

// cmdMigrate copies the configured SQLite store (articles, feeds,
// schedules, delivery records, settings) into a PostgreSQL store. It may
// be run again: it resumes after the last article copied and leaves what
// is there as it is.
func cmdMigrate(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("migrate", app.stderr)
	to := fs.String("to", "", "the PostgreSQL store to copy into: postgres://USER@HOST/DATABASE")
	batch := fs.Int("batch", 1000, "articles per transaction")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if engine, _, err := sources.ParseStoreURL(*to); err != nil || engine != sources.EnginePostgres {
		return usagef("migrate: --to postgres://USER@HOST/DATABASE names the store to copy into")
	}
	if *batch < 1 {
		return usagef("migrate: --batch %d: want at least 1", *batch)
	}
	engine, path, err := sources.ParseStoreURL(app.StoreURL())
	if err != nil {
		return err
	}
	if engine != sources.EngineSQLite {
		return usagef("migrate: the store to copy from is %s; migrate copies a SQLite store (name it with --store sqlite:PATH)", sources.RedactStoreURL(app.StoreURL()))
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("migrate: no SQLite store to copy: %w", err)
	}
	src, err := sources.OpenSQLite(ctx, path, sources.StoreOptions{Now: app.now})
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, *to, sources.StoreOptions{Now: app.now})
	if err != nil {
		return err
	}
	defer dst.Close()
	m := migration{src: src, dst: dst, key: migrateProgressKey(path), batch: *batch, progress: app.stderr, terminal: interactive(app.stderr), now: time.Now}
	sum, err := m.run(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w (run it again to resume)", err)
	}
	// Readings are not copied: the copy reads its articles for timelines
	// itself (resumable, like the copy).
	r, err := app.PairReader()
	if err != nil {
		return err
	}
	read, err := sources.ReadUnread(ctx, dst, *r, reindexProgress(app.stderr, interactive(app.stderr), time.Now))
	if err != nil {
		return fmt.Errorf("migrate: read the articles for timelines: %w (run it again to go on)", err)
	}
	fmt.Fprintf(app.stdout, "Copied %s to %s:\n", path, dst.Location())
	fmt.Fprintf(app.stdout, "  articles:         %d copied, %d there already\n", sum.copied, sum.present)
	fmt.Fprintf(app.stdout, "  feeds:            %d\n", sum.feeds)
	fmt.Fprintf(app.stdout, "  schedules:        %d\n", sum.schedules)
	fmt.Fprintf(app.stdout, "  delivery records: %d\n", sum.deliveries)
	fmt.Fprintf(app.stdout, "  settings:         %d\n", sum.settings)
	fmt.Fprintf(app.stdout, "  read for timelines: %d articles\n", read)
	fmt.Fprintf(app.stdout, "Use it with --store %s, or store.url in the configuration.\n", sources.RedactStoreURL(*to))
	return nil
}

// migration is one copy of a SQLite store into PostgreSQL.
type migration struct {
	src      *sources.SQLiteStore
	dst      *postgres.Store
	key      string // the target's progress setting
	batch    int
	progress io.Writer
	terminal bool // show a progress line (only on a terminal)
	now      func() time.Time
}

type migrationSummary struct {
	copied, present, feeds, schedules, deliveries, settings int
}

func (m migration) run(ctx context.Context) (migrationSummary, error) {
	var sum migrationSummary
	settings, err := m.src.Settings(ctx)
	if err != nil {
		return sum, err
	}
	for k, v := range settings {
		if err := m.dst.SetSetting(ctx, k, v); err != nil {
			return sum, err
		}
	}
	sum.settings = len(settings)
	// Feeds first: articles refer to them.
	feeds, err := m.src.Feeds(ctx)
	if err != nil {
		return sum, err
	}
	if err := m.dst.ImportFeeds(ctx, feeds); err != nil {
		return sum, err
	}
	sum.feeds = len(feeds)
	schedules, err := m.src.Schedules(ctx)
	if err != nil {
		return sum, err
	}
	if err := m.dst.ImportSchedules(ctx, schedules); err != nil {
		return sum, err
	}
	sum.schedules = len(schedules)
	deliveries, err := m.src.AllDeliveries(ctx)
	if err != nil {
		return sum, err
	}
	if err := m.dst.ImportDeliveries(ctx, deliveries); err != nil {
		return sum, err
	}
	sum.deliveries = len(deliveries)

	var after int64
	if v, ok, err := m.dst.Setting(ctx, m.key); err != nil {
		return sum, err
	} else if ok {
		after, _ = strconv.ParseInt(v, 10, 64)
	}
	total, err := m.src.CountArticles(ctx, after)
	if err != nil {
		return sum, err
	}
	bar := progressLine{w: m.progress, on: m.terminal, total: total, start: m.now(), now: m.now, what: "copying articles"}
	if after > 0 {
		bar.what = "copying articles (resumed)"
	}
	done := 0
	for {
		if err := ctx.Err(); err != nil {
			bar.end()
			return sum, errors.Join(err, errStopped)
		}
		arts, err := m.src.ArticlesAfter(ctx, after, m.batch)
		if err != nil {
			bar.end()
			return sum, err
		}
		if len(arts) == 0 {
			break
		}
		n, err := m.dst.ImportArticles(ctx, arts, m.key)
		if err != nil {
			bar.end()
			return sum, err
		}
		sum.copied += n
		sum.present += len(arts) - n
		done += len(arts)
		after = arts[len(arts)-1].ID
		bar.show(done)
	}
	bar.end()
	if sum.copied > 0 {
		if err := m.dst.Vacuum(ctx); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// progressLine is a progress bar on one terminal line, rewritten in place;
// off a terminal it writes nothing.
type progressLine struct {
	w       io.Writer
	on      bool
	what    string
	total   int
	start   time.Time
	now     func() time.Time
	shown   time.Time
	written bool
}

func (p *progressLine) show(done int) {
	if !p.on {
		return
	}
	now := p.now()
	if p.written && now.Sub(p.shown) < 200*time.Millisecond && done < p.total {
		return
	}
	p.shown, p.written = now, true
	const width = 30
	frac := 1.0
	if p.total > 0 {
		frac = min(1, float64(done)/float64(p.total))
	}
	filled := int(frac * width)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < filled {
			bar[i] = '#'
		}
	}
	rate := ""
	if s := now.Sub(p.start).Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.0f/s", float64(done)/s)
	}
	fmt.Fprintf(p.w, "\r%s [%s] %d of %d (%.0f%%%s)   ", p.what, bar, done, p.total, 100*frac, rate)
}

func (p *progressLine) end() {
	if p.on && p.written {
		fmt.Fprintln(p.w)
	}
}
