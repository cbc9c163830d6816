package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"attache/briefing"
	"attache/sources"
	"attache/sources/postgres"
	"attache/sources/synth"
)

// cmdBench generates a corpus, ingests it into a fresh store and measures
// ingest rate, store size, peak memory and query latencies: the figures of
// the README, reproducible with the same flags. The store is SQLite in a
// temporary directory, or, with --store postgres://…, a new schema in that
// database (dropped after). Beside SQLite it times a bare FTS5 writer on
// the same corpus, the floor the store's ingest is measured against.
func cmdBench(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("bench", app.stderr)
	n := fs.Int("articles", 100000, "articles to generate and ingest")
	dir := fs.String("dir", "", "where to build a SQLite store (default: a new temporary directory, removed after)")
	storeURL := fs.String("store", "", "a PostgreSQL database to build the store in, as a new schema dropped after: postgres://USER@HOST/DATABASE (default: SQLite)")
	keep := fs.Bool("keep", false, "keep the PostgreSQL schema after the run")
	bare := fs.Bool("bare", true, "also time a bare SQLite FTS5 writer on the same corpus")
	queries := fs.Int("queries", 1000, "queries of each kind to time")
	seed := fs.Uint64("seed", 1, "generator seed")
	batchSize := fs.Int("batch", 2500, "articles per transaction")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	reuse := fs.Bool("reuse", false, "time the queries only, on the store an earlier run kept: --store with its search_path (from --keep), or --dir")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if *reuse {
		return benchReused(ctx, app, *storeURL, *dir, *queries, *seed)
	}
	if *storeURL != "" {
		if engine, _, err := sources.ParseStoreURL(*storeURL); err != nil || engine != sources.EnginePostgres {
			return usagef("bench: --store wants postgres://USER@HOST/DATABASE (SQLite is the default)")
		}
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "attache-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	st, closeStore, err := openBenchStore(ctx, *storeURL, *dir, *keep, app.stderr)
	if err != nil {
		return err
	}
	defer closeStore()
	tag, err := app.Tagger()
	if err != nil {
		return err
	}
	out := app.stdout
	fmt.Fprintf(out, "Generated corpus: %d articles of about 600 words, 1 to 3 countries each, two years of dates (seed %d)\n", *n, *seed)
	fmt.Fprintf(out, "Machine: %d CPUs, %s %s/%s; load average %s\n", runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, loadAverage())
	fmt.Fprintf(out, "Store: %s, %s\n\n", engineName(st.Engine()), st.Location())

	end := corpusEnd
	corpus := func() *synth.Generator { return synth.New(*seed, end.AddDate(-2, 0, 0), 2*365*24*time.Hour) }
	in := sources.NewIngester(st, tag, nil)
	in.BatchSize = *batchSize
	if in.Reader, err = app.PairReader(); err != nil {
		return err
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	sinks := []benchSink{func(arts []sources.Article) (ingestTime, error) {
		return measure(func() error {
			_, err := in.Ingest(ctx, arts, nil)
			// A checkpoint the saves started is the store's work: it
			// ends in the store's time, not in the bare writer's turn.
			if s, ok := st.(*sources.SQLiteStore); ok {
				s.WaitCheckpoint()
			}
			return err
		})
	}}
	// The bare writer, in a process of its own, takes the same chunks in
	// turn with the store, so that both are measured under the same load.
	withBare := *bare && st.Engine() == sources.EngineSQLite
	var bw *bareProcess
	if withBare {
		if bw, err = startBareFTS5(ctx, filepath.Join(*dir, "bare.db"), *batchSize); err != nil {
			return err
		}
		defer bw.close()
		sinks = append(sinks, bw.write)
	}
	pg, _ := st.(*postgres.Store)
	var server backendCPU
	if pg != nil {
		server = readBackendCPU(ctx, pg, benchApplication)
	}
	times, err := timeIngest(ctx, corpus(), *n, max(5000, *batchSize), app.stderr, sinks...)
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	took := times[0]
	rate := float64(*n) / took.wall.Seconds()
	fmt.Fprintf(out, "Ingest (tag, read for timelines, hash, sketch, index; batches of %d): %d articles in %.1fs = %.0f articles/s, %s of CPU per article\n",
		*batchSize, *n, took.wall.Seconds(), rate, perArticle(took.cpu, *n))
	if server != nil {
		if after := readBackendCPU(ctx, pg, benchApplication); after != nil {
			fmt.Fprintf(out, "PostgreSQL's backends for the ingest (read from /proc on this machine): %s of CPU per article\n", perArticle(after.since(server), *n))
		}
	}
	switch s := st.(type) {
	case *sources.SQLiteStore:
		if err := s.Checkpoint(ctx); err != nil {
			return err
		}
	case *postgres.Store:
		t0 := time.Now()
		if err := s.Vacuum(ctx); err != nil {
			return err
		}
		fmt.Fprintf(out, "VACUUM ANALYZE after the load: %.1fs\n", time.Since(t0).Seconds())
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Store: %.1f MB = %.1f KB per article (%d stories)\n", float64(stats.Bytes)/(1<<20), float64(stats.Bytes)/1024/float64(*n), stats.Stories)
	fmt.Fprintf(out, "Peak RSS of this process: %s\n", peakRSS())
	// What `attache run` does at start: read what is unread (nothing,
	// here: the ingest read every article) and seal the readings, so that
	// timelines need not look for unread articles.
	t0 := time.Now()
	unread, err := sources.ReadUnread(ctx, st, *in.Reader, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Looking for articles unread for timelines (%d found) and sealing the readings: %.0f ms\n", unread, float64(time.Since(t0).Microseconds())/1000)
	if withBare {
		bareTook := times[1]
		bareRate := float64(*n) / bareTook.wall.Seconds()
		fmt.Fprintf(out, "Bare FTS5 writer (one table and its FTS5 index, in a process of its own, same chunks in turn with the store): %.0f articles/s, %s of CPU per article, peak RSS %s; the store ingests at %.2f of its rate (%.2f of its CPU)\n",
			bareRate, perArticle(bareTook.cpu, *n), bw.peak, rate/bareRate, float64(bareTook.cpu)/float64(took.cpu))
	}
	fmt.Fprintln(out)

	return benchQueries(ctx, app, st, *queries, *seed)
}

// benchQueries times the queries, briefs and timelines on a store of the
// generated corpus.
func benchQueries(ctx context.Context, app *App, st sources.Store, queries int, seed uint64) error {
	out := app.stdout
	end := corpusEnd
	rng := rand.New(rand.NewPCG(seed, 7))
	codes := []string{"US", "CN", "RU", "UA", "JP", "IT", "FR", "DE", "IN", "GB"}
	pair := func() []string {
		a := codes[rng.IntN(len(codes))]
		for {
			if b := codes[rng.IntN(len(codes))]; b != a {
				return []string{a, b}
			}
		}
	}
	windowEnd := func() time.Time { return end.Add(-time.Duration(rng.Int64N(int64(700 * 24 * time.Hour)))) }
	month := 30 * 24 * time.Hour

	pairTimes, err := timeQueries(queries, func() error {
		e := windowEnd()
		_, err := st.ArticlesMentioning(ctx, pair(), e.Add(-month), e, 20)
		return err
	})
	if err != nil {
		return fmt.Errorf("bench: country pair query: %w", err)
	}
	fmt.Fprintf(out, "Two countries within 30 days, newest first, top 20: %s\n", pairTimes)

	words := commonWords(ctx, st)
	ftsTimes, err := timeQueries(queries, func() error {
		e := windowEnd()
		_, err := st.Search(ctx, sources.Query{Words: []string{words[rng.IntN(len(words))], words[rng.IntN(len(words))]}, Since: e.Add(-month), Until: e, Limit: 20})
		return err
	})
	if err != nil {
		return fmt.Errorf("bench: full-text query: %w", err)
	}
	fmt.Fprintf(out, "Two-word full-text query within 30 days, ranked (bm25 on SQLite, ts_rank on PostgreSQL), top 20: %s\n", ftsTimes)

	g, err := app.Gazetteer()
	if err != nil {
		return err
	}
	var clock time.Time
	timed := &timedCorpus{Store: st}
	eng := briefing.New(timed, g, briefing.Options{Now: func() time.Time { return clock }})
	var inStore latencies
	briefTimes, err := timeQueries(max(1, queries/5), func() error {
		clock = windowEnd()
		timed.spent.Store(0)
		_, err := eng.Brief(ctx, briefing.Request{Countries: pair()})
		inStore = append(inStore, time.Duration(timed.spent.Load()))
		var ue *briefing.UserError
		if errors.As(err, &ue) {
			return nil // no article for this pair in this window: timed all the same
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("bench: brief: %w", err)
	}
	fmt.Fprintf(out, "Brief for a country pair (select, summarise, quotes), 30-day window: %s\n", briefTimes)
	fmt.Fprintf(out, "  of which in store calls (added up; the engine reads pages in parallel): %s\n", inStore)

	timelineTimes, err := timeQueries(max(1, queries/5), func() error {
		clock = windowEnd()
		_, err := eng.Timeline(ctx, briefing.Request{Countries: pair(), Since: clock.AddDate(-1, 0, 0), Until: clock}, "")
		return err
	})
	if err != nil {
		return fmt.Errorf("bench: timeline: %w", err)
	}
	fmt.Fprintf(out, "Timeline of a country pair over a year, from the readings stored at ingest: %s\n", timelineTimes)
	return nil
}

// benchReused times the queries on a store of the generated corpus that
// an earlier run kept (bench --keep, or --dir), without building it again.
func benchReused(ctx context.Context, app *App, storeURL, dir string, queries int, seed uint64) error {
	var st sources.Store
	switch {
	case storeURL != "":
		if !strings.Contains(storeURL, "search_path=") {
			return usagef("bench: --reuse wants the --store URL that --keep printed, with its search_path")
		}
		s, err := postgres.Open(ctx, withApplicationName(storeURL, benchApplication), sources.StoreOptions{})
		if err != nil {
			return err
		}
		defer s.Close()
		st = s
	case dir != "":
		s, err := sources.OpenSQLite(ctx, filepath.Join(dir, "bench.db"), sources.StoreOptions{})
		if err != nil {
			return err
		}
		defer s.Close()
		st = s
	default:
		return usagef("bench: --reuse wants --store (a kept schema) or --dir")
	}
	out := app.stdout
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Reused store: %s, %s: %d articles, %.1f MB = %.1f KB per article\n", engineName(st.Engine()), st.Location(),
		stats.Articles, float64(stats.Bytes)/(1<<20), float64(stats.Bytes)/1024/float64(max(1, stats.Articles)))
	fmt.Fprintf(out, "Machine: %d CPUs, %s %s/%s; load average %s\n\n", runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, loadAverage())
	return benchQueries(ctx, app, st, queries, seed)
}

// timedCorpus is a store that adds up the time a brief spends in its
// reads, to tell the store's share of a brief from the engine's.
type timedCorpus struct {
	sources.Store
	spent atomic.Int64 // nanoseconds
}

func (c *timedCorpus) since(t0 time.Time) { c.spent.Add(int64(time.Since(t0))) }

func (c *timedCorpus) ArticlesMentioning(ctx context.Context, codes []string, since, until time.Time, limit int) ([]sources.Article, error) {
	defer c.since(time.Now())
	return c.Store.ArticlesMentioning(ctx, codes, since, until, limit)
}

func (c *timedCorpus) Search(ctx context.Context, q sources.Query) ([]sources.Article, error) {
	defer c.since(time.Now())
	return c.Store.Search(ctx, q)
}

func (c *timedCorpus) HasWord(ctx context.Context, word string) (bool, error) {
	defer c.since(time.Now())
	return c.Store.HasWord(ctx, word)
}

func (c *timedCorpus) Empty(ctx context.Context) (bool, error) {
	defer c.since(time.Now())
	return c.Store.Empty(ctx)
}

func (c *timedCorpus) StoryOutlets(ctx context.Context, ids []int64) (map[int64][]string, error) {
	defer c.since(time.Now())
	return c.Store.StoryOutlets(ctx, ids)
}

func (c *timedCorpus) ArticlesFetchedBetween(ctx context.Context, since, until time.Time, limit int) ([]sources.Article, int, error) {
	defer c.since(time.Now())
	return c.Store.ArticlesFetchedBetween(ctx, since, until, limit)
}

func (c *timedCorpus) StoryFirstSeen(ctx context.Context, ids []int64) (map[int64]time.Time, error) {
	defer c.since(time.Now())
	return c.Store.StoryFirstSeen(ctx, ids)
}

func (c *timedCorpus) HasOwnArticles(ctx context.Context) (bool, error) {
	defer c.since(time.Now())
	return c.Store.HasOwnArticles(ctx)
}

// corpusEnd is the newest publication time of the generated corpus.
var corpusEnd = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// benchApplication names the bench's connections to PostgreSQL (with the
// process id: two benches may run at once).
var benchApplication = "attache_bench_" + strconv.Itoa(os.Getpid())

// openBenchStore opens a fresh store for a benchmark: SQLite in dir, or a
// new schema in the PostgreSQL database that url names. close closes it
// and drops the schema unless keep.
func openBenchStore(ctx context.Context, url, dir string, keep bool, log io.Writer) (st sources.Store, close func(), err error) {
	if url == "" {
		path := filepath.Join(dir, "bench.db")
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
		s, err := sources.OpenSQLite(ctx, path, sources.StoreOptions{})
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	schemaURL, drop, err := postgres.NewSchema(ctx, url, "attache_bench_")
	if err != nil {
		return nil, nil, err
	}
	schemaURL = withApplicationName(schemaURL, benchApplication)
	s, err := postgres.Open(ctx, schemaURL, sources.StoreOptions{})
	if err != nil {
		drop(context.WithoutCancel(ctx))
		return nil, nil, err
	}
	return s, func() {
		s.Close()
		if keep {
			fmt.Fprintf(log, "kept the store: --store '%s'\n", sources.RedactStoreURL(schemaURL))
			return
		}
		if err := drop(context.WithoutCancel(ctx)); err != nil {
			fmt.Fprintln(log, err)
		}
	}, nil
}

// ingestTime is the time an ingest took, generation left out: on the
// clock, and of this process's CPU (every core's).
type ingestTime struct{ wall, cpu time.Duration }

// timeIngest generates n articles in chunks and hands each chunk to each
// sink in turn; it returns the time each sink took, generation left out.
func timeIngest(ctx context.Context, gen *synth.Generator, n, chunk int, progress io.Writer, sinks ...benchSink) ([]ingestTime, error) {
	took := make([]ingestTime, len(sinks))
	show := interactive(progress)
	for done := 0; done < n; done += chunk {
		if err := ctx.Err(); err != nil {
			return took, err
		}
		arts := make([]sources.Article, min(chunk, n-done))
		for i := range arts {
			arts[i] = gen.Article()
		}
		for i, sink := range sinks {
			t, err := sink(slices.Clone(arts))
			if err != nil {
				return took, err
			}
			took[i].wall += t.wall
			took[i].cpu += t.cpu
		}
		if show {
			fmt.Fprintf(progress, "\ringested %d of %d", done+len(arts), n)
		}
	}
	if show {
		fmt.Fprint(progress, "\r")
	}
	return took, nil
}

// benchSink stores a chunk of articles and returns the time it took.
type benchSink func([]sources.Article) (ingestTime, error)

// measure times run in this process.
func measure(run func() error) (ingestTime, error) {
	t0, c0 := time.Now(), processCPU()
	err := run()
	return ingestTime{wall: time.Since(t0), cpu: processCPU() - c0}, err
}

// perArticle is CPU time per article in milliseconds.
func perArticle(cpu time.Duration, n int) string {
	if cpu <= 0 || n <= 0 {
		return "unknown"
	}
	return strconv.FormatFloat(float64(cpu)/float64(time.Millisecond)/float64(n), 'f', 2, 64) + " ms"
}

// loadAverage is the machine's 1, 5 and 15-minute load (Linux), so that a
// figure measured on a busy machine says so.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// latencies summarises timed runs.
type latencies []time.Duration

func (l latencies) String() string {
	if len(l) == 0 {
		return "no runs"
	}
	slices.Sort(l)
	q := func(p float64) time.Duration { return l[min(len(l)-1, int(p*float64(len(l))))] }
	return fmt.Sprintf("p50 %s, p99 %s, max %s (%d runs)", round(q(0.5)), round(q(0.99)), round(l[len(l)-1]), len(l))
}

func round(d time.Duration) string {
	return strconv.FormatFloat(float64(d)/float64(time.Millisecond), 'f', 2, 64) + " ms"
}

// timeQueries times n runs; the first failure ends it.
func timeQueries(n int, run func() error) (latencies, error) {
	out := make(latencies, 0, n)
	for i := 0; i < n; i++ {
		t0 := time.Now()
		if err := run(); err != nil {
			return out, err
		}
		out = append(out, time.Since(t0))
	}
	return out, nil
}

// commonWords picks words of the generated vocabulary that occur often
// enough to make the full-text queries realistic.
func commonWords(ctx context.Context, st sources.Store) []string {
	arts, err := st.Search(ctx, sources.Query{Limit: 50})
	if err != nil || len(arts) == 0 {
		return []string{"talks", "summit"}
	}
	counts := map[string]int{}
	for _, a := range arts {
		for _, w := range strings.Fields(strings.ToLower(a.Text)) {
			w = strings.Trim(w, ".,“”\"")
			if len(w) > 4 {
				counts[w]++
			}
		}
	}
	var words []string
	for w, c := range counts {
		if c >= 3 && c <= 40 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	if len(words) > 200 {
		words = words[:200]
	}
	if len(words) == 0 {
		words = []string{"talks", "summit"}
	}
	return words
}

// peakRSS reads the process's high-water resident set size (Linux).
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown (no /proc)"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return fmt.Sprintf("%.0f MB", float64(kb)/1024)
		}
	}
	return "unknown"
}
