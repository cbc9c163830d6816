package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"attache/briefing"
	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/clean"
	"attache/sources/doc"
	"attache/sources/fetch"
	"attache/sources/sample"
)

// App holds what the commands share: configuration, logger, and the parts
// built from them on first use. main builds one per invocation.
type App struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configPath     string
	dataDir        string
	storeURL       string
	// command is the command being run; readsOnly says that it only
	// reads the corpus, so a read-only store is opened read-only for it.
	command   string
	readsOnly bool

	cfg   Config
	log   *slog.Logger
	now   func() time.Time
	store sources.Store
	gaz   *geo.Gazetteer
	pairs *briefing.PairReader
}

// setup loads the configuration and builds the logger.
func (a *App) setup() error {
	cfg, err := LoadConfig(a.configPath)
	if err != nil {
		return err
	}
	if a.dataDir != "" {
		cfg.DataDir = a.dataDir
	}
	if a.storeURL != "" {
		cfg.Store.URL = a.storeURL
		if err := cfg.Validate(); err != nil {
			return fmt.Errorf("--store: %w", err)
		}
	}
	a.cfg = cfg
	a.now = time.Now
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Log.Level)); err != nil {
		return fmt.Errorf("config: log.level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		a.log = slog.New(slog.NewJSONHandler(a.stderr, opts))
	} else {
		a.log = slog.New(slog.NewTextHandler(a.stderr, opts))
	}
	return nil
}

// quiet raises the log level to warnings for terminal commands, whose
// results go to stdout; `attache run` keeps the configured level.
func (a *App) quiet() {
	if a.cfg.Log.Level == "debug" {
		return
	}
	opts := &slog.HandlerOptions{Level: slog.LevelWarn}
	if a.cfg.Log.Format == "json" {
		a.log = slog.New(slog.NewJSONHandler(a.stderr, opts))
	} else {
		a.log = slog.New(slog.NewTextHandler(a.stderr, opts))
	}
}

// Close releases the store.
func (a *App) Close() {
	if a.store != nil {
		a.store.Close()
		a.store = nil
	}
}

// Store opens the corpus on first use. A new store is seeded with the
// bundled sample corpus unless the config turns it off; turning it off
// removes the sample from an existing store. A store that cannot be
// written is opened read-only for the commands that only read, as it is
// (no seeding), and refused plainly for the others.
func (a *App) Store(ctx context.Context) (sources.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	url := a.StoreURL()
	st, err := openStore(ctx, url, sources.StoreOptions{Now: a.now})
	if errors.Is(err, sources.ErrReadOnly) {
		if !a.readsOnly {
			return nil, fmt.Errorf("%w; %s needs to write to it (make its folder and files writable; %s read it as it is)", err, a.command, joinAnd(readOnlyCommands()))
		}
		st, err = openStore(ctx, url, sources.StoreOptions{Now: a.now, ReadOnly: true})
		if err != nil {
			return nil, err
		}
		a.log.Info("store opened read-only", "store", st.Location())
		a.store = st
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	a.store = st
	if err := a.syncSample(ctx); err != nil {
		return nil, err
	}
	return st, nil
}

// StoreURL is the store the configuration names: store.url (or --store),
// else the SQLite file in the data directory.
func (a *App) StoreURL() string {
	if a.cfg.Store.URL != "" {
		return a.cfg.Store.URL
	}
	return "sqlite:" + filepath.Join(a.cfg.DataDir, sources.DefaultStorePath)
}

const sampleSetting = "sample_corpus_seeded"

func (a *App) syncSample(ctx context.Context) error {
	_, seeded, err := a.store.Setting(ctx, sampleSetting)
	if err != nil {
		return err
	}
	want := a.cfg.SampleCorpus
	switch {
	case want && !seeded:
		n, err := a.seedSample(ctx)
		if err != nil {
			return fmt.Errorf("seed sample corpus: %w", err)
		}
		a.log.Info("store seeded with the sample corpus", "articles", n, "path", a.store.Location())
		return a.store.SetSetting(ctx, sampleSetting, a.now().UTC().Format(time.RFC3339))
	case !want && seeded:
		n, err := a.store.RemoveSample(ctx)
		if err != nil {
			return err
		}
		a.log.Info("sample corpus removed", "articles", n)
		return a.store.SetSetting(ctx, sampleSetting+"_removed", a.now().UTC().Format(time.RFC3339))
	}
	return nil
}

func (a *App) seedSample(ctx context.Context) (int, error) {
	raws, err := sample.Articles()
	if err != nil {
		return 0, err
	}
	arts := make([]sources.Article, 0, len(raws))
	for _, r := range raws {
		arts = append(arts, sources.Article{
			Title: r.Title, URL: r.URL, Source: r.Source, Byline: r.Byline,
			Published: r.Published, Text: doc.Format(clean.PlainText(r.Text)), Sample: true,
		})
	}
	in, err := a.Ingester(a.store)
	if err != nil {
		return 0, err
	}
	results, err := in.Ingest(ctx, arts, nil)
	if err != nil {
		return 0, err
	}
	added := 0
	for _, r := range results {
		if r.Outcome == sources.Added {
			added++
		}
	}
	return added, nil
}

// Gazetteer builds the gazetteer on first use, with the config's extra
// entries.
func (a *App) Gazetteer() (*geo.Gazetteer, error) {
	if a.gaz != nil {
		return a.gaz, nil
	}
	var extra [][]byte
	if a.cfg.Briefing.Gazetteer != "" {
		data, err := os.ReadFile(a.cfg.Briefing.Gazetteer)
		if err != nil {
			return nil, fmt.Errorf("config: briefing.gazetteer: %w", err)
		}
		extra = append(extra, data)
	}
	g, err := geo.New(extra...)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	a.gaz = g
	return g, nil
}

// Tagger is the gazetteer's tagging function, handed to sources.
func (a *App) Tagger() (sources.Tagger, error) {
	g, err := a.Gazetteer()
	if err != nil {
		return nil, err
	}
	return g.Tag, nil
}

// PairReader builds, on first use, the reader that reads each article for
// the pairs of countries it is about (for timelines), with the engine's
// rules.
func (a *App) PairReader() (*sources.Reader, error) {
	if a.pairs == nil {
		g, err := a.Gazetteer()
		if err != nil {
			return nil, err
		}
		a.pairs = briefing.NewPairReader(g, a.cfg.Briefing.Options(a.now).Relevance)
	}
	return a.pairs.Reader(), nil
}

// Ingester builds an ingester into st that tags each article with its
// countries and reads it for its pairs.
func (a *App) Ingester(st sources.Store) (*sources.Ingester, error) {
	tag, err := a.Tagger()
	if err != nil {
		return nil, err
	}
	in := sources.NewIngester(st, tag, a.now)
	if in.Reader, err = a.PairReader(); err != nil {
		return nil, err
	}
	return in, nil
}

// Fetcher builds the polite HTTP client from the config.
func (a *App) Fetcher() *fetch.Client {
	return fetch.New(a.cfg.Feeds.FetchOptions(a.now))
}

// Poller builds the feed poller over the store.
func (a *App) Poller(ctx context.Context) (*sources.Poller, error) {
	st, err := a.Store(ctx)
	if err != nil {
		return nil, err
	}
	in, err := a.Ingester(st)
	if err != nil {
		return nil, err
	}
	p := sources.NewPoller(st, in, a.Fetcher(), a.log, a.now)
	a.cfg.Feeds.Configure(p)
	return p, nil
}

// joinAnd joins words as a list in a sentence: "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// interactive reports whether w is a terminal (progress is shown only there).
func interactive(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// parseArgs parses flags that may come before, between or after the
// positional arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// checkFormat refuses an output format that a command does not write,
// before the command does any work.
func checkFormat(name, format string, allowed ...string) error {
	if slices.Contains(allowed, format) {
		return nil
	}
	want := allowed[len(allowed)-1]
	if len(allowed) > 1 {
		want = strings.Join(allowed[:len(allowed)-1], ", ") + " or " + want
	}
	return usagef("%s: --format %q: want %s", name, format, want)
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("attache "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
