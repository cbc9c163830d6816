package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"attache/sources"
)

// cmdReindex reads for their pairs of countries the articles that the
// current rules have not read (stored before readings were kept, by a
// writer without them, or read by older rules), so that timelines draw on
// stored readings alone. It may be stopped and run again: it goes on with
// what is still unread. `attache run` does the same in the background at
// start.
func cmdReindex(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("reindex", app.stderr)
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	r, err := app.PairReader()
	if err != nil {
		return err
	}
	start := time.Now()
	n, err := sources.ReadUnread(ctx, st, *r, reindexProgress(app.stderr, interactive(app.stderr), time.Now))
	if err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			fmt.Fprintf(app.stdout, "Read %d articles before the stop; run it again to go on.\n", n)
			return errStopped
		}
		return fmt.Errorf("reindex: %w (what was read is kept; run it again to go on)", err)
	}
	if n == 0 {
		fmt.Fprintln(app.stdout, "Every article is read for timelines already.")
		return nil
	}
	fmt.Fprintf(app.stdout, "Read %d articles for timelines in %s.\n", n, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// reindexProgress reports ReadUnread's progress: on a terminal as one
// line rewritten in place, elsewhere a line every 10%.
func reindexProgress(w io.Writer, terminal bool, now func() time.Time) sources.ReadProgress {
	start := now()
	lastTenth := -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		if done == 0 {
			fmt.Fprintf(w, "reading %d articles for timelines\n", total)
			return
		}
		rate := float64(done) / max(now().Sub(start).Seconds(), 1e-3)
		line := fmt.Sprintf("read %d of %d articles (%.0f a second)", done, total, rate)
		switch {
		case terminal:
			fmt.Fprint(w, "\r"+line)
			if done >= total {
				fmt.Fprintln(w)
			}
		case done*10/total > lastTenth:
			lastTenth = done * 10 / total
			fmt.Fprintln(w, line)
		}
	}
}

// readUnreadInBackground reads, while the bot runs, the articles the
// current rules have not read, logging its progress; it stops when ctx
// ends (what it read stays read) and calls done when it is over.
func readUnreadInBackground(ctx context.Context, st sources.Store, r sources.Reader, log *slog.Logger, done func()) {
	defer done()
	start := time.Now()
	last := start
	n, err := sources.ReadUnread(ctx, st, r, func(read, total int) {
		switch {
		case read == 0 && total > 0:
			log.Info("reading articles for timelines", "unread", total)
		case read > 0 && (time.Since(last) >= 30*time.Second || read >= total):
			last = time.Now()
			log.Info("articles read for timelines", "read", read, "of", total)
		}
	})
	switch {
	case err != nil && ctx.Err() != nil:
		log.Info("reading articles for timelines stopped", "read", n)
	case err != nil:
		log.Error("reading articles for timelines failed", "read", n, "err", err)
	case n > 0:
		log.Info("articles read for timelines", "read", n, "took_ms", time.Since(start).Milliseconds())
	}
}
