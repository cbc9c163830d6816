package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"attache/bot"
	"attache/briefing"
	"attache/briefing/geo"
	"attache/briefing/quote"
	"attache/sources"
	"attache/sources/doc"
	"attache/sources/feed"
	"attache/sources/fetch"
)

// ingestHelp is what `attache help ingest` says beyond the usage line.
const ingestHelp = `What each kind of item gives:
  .txt, .md       the first non-empty line is the title, the rest the text;
                  the file's modification time stands for its date
  .html, .htm,    an article page, extracted (title, outlet, byline, date
  .html.gz        from the page's metadata when it has them)
  .jsonl          one article per line, a JSON object with the fields
                    title      (required)
                    url        (required; any unique address)
                    text       (required; paragraphs separated by a blank line)
                    source     the outlet's name ("unknown" when left out)
                    byline     the author
                    published  the date, in one of the forms
                               2024-02-05T09:00:00Z (RFC 3339, any offset),
                               2024-02-05T09:00:00, 2024-02-05 09:00:00,
                               2024-02-05, Mon, 05 Feb 2024 09:00:00 +0000
                               (RFC 1123); other fields are ignored
  a directory     every importable file in it, recursively
  a URL           the page, fetched and extracted
An article with no date (none in the page or the line) is stored undated
and ranked as older than any dated article; it is not taken to be new.
Each item is reported as added, updated, unchanged, duplicate of an
article already stored, or skipped with the reason; when any item was
skipped, the last line says how many were not stored (the others are).

`

// cmdIngest adds files, directories and article URLs to the corpus and
// reports what happened to each item.
func cmdIngest(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("ingest", app.stderr)
	format := fs.String("format", "text", "text or json")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), ingestHelp)
		fs.PrintDefaults()
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("ingest: name at least one file, directory or URL")
	}
	if err := checkFormat("ingest", *format, "text", "json"); err != nil {
		return err
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	in, err := app.Ingester(st)
	if err != nil {
		return err
	}
	rep := newIngestReport(app.stdout, *format == "json", interactive(app.stderr), app.stderr)

	// Items are reported in the order they were read: an item skipped
	// while reading waits in the queue behind the articles before it
	// until their batch is stored.
	type queued struct {
		where string
		res   sources.Result // an item skipped while reading
		index int            // else its place in batch
	}
	var batch []sources.Article
	var queue []queued
	pagesFetched := false // an article page was fetched by its address
	flush := func(ctx context.Context) error {
		var results []sources.Result
		var err error
		switch {
		case len(batch) > 0 && pagesFetched:
			// Pages compare with their site's pages stored before.
			results, err = in.IngestPages(ctx, batch, app.log)
		case len(batch) > 0:
			results, err = in.Ingest(ctx, batch, nil)
		}
		for _, q := range queue {
			switch {
			case q.index < 0:
				rep.result(q.where, q.res)
			case q.index < len(results):
				rep.result(q.where, results[q.index])
			default:
				return err // the batch failed here; the rest is not reported
			}
		}
		batch, queue = batch[:0], queue[:0]
		return err
	}
	add := func(it sources.FileItem) error {
		if err := ctx.Err(); err != nil {
			return err // stopped: read no further
		}
		if it.Err != nil {
			queue = append(queue, queued{where: it.Where, res: sources.Result{Outcome: sources.Skipped, Reason: it.Err.Error()}, index: -1})
		} else {
			queue = append(queue, queued{where: it.Where, index: len(batch)})
			batch = append(batch, it.Article)
		}
		// Ten of the ingester's batches a call, so that it prepares the
		// next batch while it writes one (one batch a call leaves a core
		// idle through each; the Reuters dev file, 12,274 stories, 6.4 s
		// against 5.9-6.0 s in turn).
		if len(queue) >= 5000 {
			return flush(ctx)
		}
		return nil
	}
	// On SIGINT or SIGTERM (ctx ends) ingest stops reading, stores what it
	// has read (one batch at most), reports what it stored, and ends.
	stopped := func() error {
		if err := flush(context.WithoutCancel(ctx)); err != nil {
			return err
		}
		rep.done()
		return errStopped
	}
	var client *fetch.Client
	for _, p := range pos {
		if ctx.Err() != nil {
			return stopped()
		}
		if !strings.HasPrefix(p, "http://") && !strings.HasPrefix(p, "https://") {
			if err := sources.ReadPaths([]string{p}, add); err != nil {
				if ctx.Err() != nil {
					return stopped()
				}
				return err
			}
			continue
		}
		if client == nil {
			client = app.Fetcher()
		}
		a, err := fetchArticle(ctx, client, p)
		pagesFetched = true
		if err := add(sources.FileItem{Where: p, Article: a, Err: withFetchHint(err)}); err != nil {
			if ctx.Err() != nil {
				return stopped()
			}
			return err
		}
	}
	if err := flush(ctx); err != nil {
		if ctx.Err() != nil {
			return stopped()
		}
		return err
	}
	rep.done()
	return nil
}

// withFetchHint adds to a refused fetch how to allow it.
func withFetchHint(err error) error {
	if errors.Is(err, fetch.ErrForbiddenAddress) {
		return fmt.Errorf("%w (to allow local or private-network addresses, set feeds.allow_private: true in the config)", err)
	}
	return err
}

// fetchArticle fetches and extracts one article page. A feed is not an
// article: it is refused with how to subscribe to it.
func fetchArticle(ctx context.Context, client *fetch.Client, url string) (sources.Article, error) {
	resp, err := client.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return sources.Article{}, err
	}
	if kind, ok := feed.Sniff(resp.Body, resp.ContentType); ok {
		return sources.Article{}, fmt.Errorf("this is a feed (%s), not an article page; add it with `attache feeds add %s`, and `attache poll` fetches its articles", kind, url)
	}
	a, err := sources.ParseHTML(resp.Body, resp.URL)
	if err != nil {
		return a, err
	}
	a.URL = resp.URL
	return a, nil
}

// fetchBody adapts the fetch client to the extract command.
func fetchBody(client *fetch.Client) func(ctx context.Context, url string) ([]byte, string, error) {
	return func(ctx context.Context, url string) ([]byte, string, error) {
		resp, err := client.Get(ctx, fetch.Request{URL: url})
		if err != nil {
			return nil, "", withFetchHint(err)
		}
		return resp.Body, resp.ContentType, nil
	}
}

// ingestReport prints one line per item and the totals.
type ingestReport struct {
	out      io.Writer
	json     bool
	progress io.Writer // nil when stderr is not a terminal
	counts   map[sources.Outcome]int
	n        int
}

func newIngestReport(out io.Writer, asJSON, tty bool, stderr io.Writer) *ingestReport {
	r := &ingestReport{out: out, json: asJSON, counts: map[sources.Outcome]int{}}
	if tty {
		r.progress = stderr
	}
	return r
}

func (r *ingestReport) result(where string, res sources.Result) {
	r.counts[res.Outcome]++
	r.n++
	if r.json {
		line, _ := json.Marshal(struct {
			Where string `json:"where"`
			sources.Result
		}{where, res})
		fmt.Fprintf(r.out, "%s\n", line)
	} else {
		switch res.Outcome {
		case sources.Added, sources.Updated:
			undated := ""
			if res.Undated {
				undated = "; undated: no date in it, ranked as older than any dated article"
			}
			fmt.Fprintf(r.out, "%-9s %d  %s  (%s%s)\n", res.Outcome, res.ID, res.Title, where, undated)
		case sources.Unchanged:
			fmt.Fprintf(r.out, "%-9s %d  %s  (already stored; %s)\n", res.Outcome, res.ID, res.Title, where)
		case sources.Duplicate:
			fmt.Fprintf(r.out, "%-9s of %d  %s  (%s)\n", res.Outcome, res.DuplicateOf, res.Title, where)
		default:
			fmt.Fprintf(r.out, "%-9s %s: %s\n", res.Outcome, where, res.Reason)
		}
	}
	if r.progress != nil && r.n%500 == 0 {
		fmt.Fprintf(r.progress, "\r%d items...", r.n)
	}
}

func (r *ingestReport) done() {
	if r.progress != nil && r.n >= 500 {
		fmt.Fprint(r.progress, "\r")
	}
	if r.json {
		return
	}
	fmt.Fprintf(r.out, "%d added, %d updated, %d unchanged, %d duplicates, %d skipped\n",
		r.counts[sources.Added], r.counts[sources.Updated], r.counts[sources.Unchanged], r.counts[sources.Duplicate], r.counts[sources.Skipped])
	if n := r.counts[sources.Skipped]; n > 0 {
		fmt.Fprintf(r.out, "Not stored: %d of %s, skipped for the reasons given above; the others are stored.\n", n, countNoun(r.n, "item", "items"))
	}
}

// countryList is a repeatable --country flag: codes or names, each
// also a comma-separated list.
type countryList []string

func (c *countryList) String() string { return strings.Join(*c, ",") }
func (c *countryList) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*c = append(*c, part)
		}
	}
	return nil
}

// countryCodes turns --country values into the gazetteer's codes: a code
// ("JP", "jp") stands as it is, a name ("japan", "South Korea", "G7") is
// looked up. A value that is neither is a usage error rather than a search
// that can only come back empty.
func countryCodes(g *geo.Gazetteer, values []string, at time.Time) ([]string, error) {
	codes := make([]string, 0, len(values))
	for _, v := range values {
		if e, ok := g.Entity(v); ok {
			codes = append(codes, e.Code)
			continue
		}
		p := g.ParseWords([]string{v}, at)
		if len(p.Codes) != 1 || len(p.Rest) > 0 {
			return nil, usagef("search: --country %q is not a country or body (give a code such as JP or a name such as japan)", briefing.ClipWord(v))
		}
		codes = append(codes, p.Codes[0])
	}
	return codes, nil
}

// cmdSearch lists the articles that match words, countries and a window.
func cmdSearch(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("search", app.stderr)
	var countries countryList
	fs.Var(&countries, "country", "country or body, by code or name (repeatable), e.g. JP or japan")
	since := fs.String("since", "", "time window: 12h, 7d, 2w, 3m (months), 1y")
	limit := fs.Int("limit", 20, "most articles to list")
	format := fs.String("format", "text", "text or json")
	withSample := fs.Bool("sample", false, "search the bundled sample corpus too, once the store has articles of its own")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 && len(countries) == 0 {
		return usagef("search: give words or --country, e.g. attache search fighter jet --country JP")
	}
	if err := checkFormat("search", *format, "text", "json"); err != nil {
		return err
	}
	g, err := app.Gazetteer()
	if err != nil {
		return err
	}
	codes, err := countryCodes(g, countries, app.now())
	if err != nil {
		return err
	}
	if *limit < 1 || *limit > 1000 {
		return usagef("search: --limit %d: want 1 to 1000", *limit)
	}
	q := sources.Query{Countries: codes, Words: words, Limit: *limit}
	if *since != "" {
		d, err := briefing.ParseWindow(*since)
		if err != nil {
			return usagef("search: --since: %v", err)
		}
		q.Since = app.now().Add(-d)
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	if !*withSample {
		if q.NoSample, err = st.HasOwnArticles(ctx); err != nil {
			return err
		}
	}
	arts, err := st.Search(ctx, q)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		type hit struct {
			ID        int64     `json:"id"`
			Title     string    `json:"title"`
			URL       string    `json:"url"`
			Source    string    `json:"source"`
			Published time.Time `json:"published"`
			Undated   bool      `json:"undated,omitempty"`
			Countries []string  `json:"countries"`
			StoryID   int64     `json:"story_id"`
			Snippet   string    `json:"snippet"`
		}
		hits := make([]hit, 0, len(arts))
		for _, a := range arts {
			hits = append(hits, hit{a.ID, a.Title, a.URL, a.Source, a.Published, a.Published.IsZero(), a.Countries, a.StoryID,
				briefing.Snippet(a.Text, words, 200)})
		}
		return writeJSON(app.stdout, hits)
	default:
		if len(arts) == 0 {
			fmt.Fprintf(app.stdout, "No articles match %s.\n", describeQuery(q))
			if q.NoSample {
				fmt.Fprintln(app.stdout, "(The bundled sample corpus is left out now that the store has articles of its own; --sample searches it too.)")
			}
			return nil
		}
		for _, a := range arts {
			fmt.Fprintf(app.stdout, "%d  %s  %s\n    %s  %s\n", a.ID, dateOrUndated(a.Published, "2006-01-02"), a.Title, a.Source, a.URL)
			fmt.Fprintf(app.stdout, "%s\n", briefing.WrapText("    "+briefing.Snippet(a.Text, words, 160), 88, "    "))
		}
	}
	return nil
}

// countNoun is "1 outlet" or "3 outlets".
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// dateOrUndated formats a publication date, or says "undated".
func dateOrUndated(t time.Time, layout string) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(layout)
}

func describeQuery(q sources.Query) string {
	var parts []string
	if len(q.Words) > 0 {
		parts = append(parts, fmt.Sprintf("%q", briefing.ClipWord(strings.Join(q.Words, " "))))
	}
	if len(q.Countries) > 0 {
		parts = append(parts, "countries "+strings.Join(q.Countries, "+"))
	}
	if !q.Since.IsZero() {
		parts = append(parts, "since "+q.Since.Format("2006-01-02"))
	}
	return strings.Join(parts, ", ")
}

// cmdShow prints one article.
func cmdShow(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("show", app.stderr)
	format := fs.String("format", "text", "text or json")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("show: give one article id (from attache search)")
	}
	if err := checkFormat("show", *format, "text", "json"); err != nil {
		return err
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return usagef("show: %q is not an article id", briefing.ClipWord(pos[0]))
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	a, err := st.Article(ctx, id)
	if errors.Is(err, sources.ErrNotFound) {
		return fmt.Errorf("no article with id %d (attache search lists ids)", id)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(app.stdout, a)
	}
	w := app.stdout
	fmt.Fprintf(w, "%s\n%s\n", a.Title, strings.Repeat("=", min(78, len([]rune(a.Title)))))
	fmt.Fprintf(w, "Source:    %s\n", a.Source)
	if a.Byline != "" {
		fmt.Fprintf(w, "Byline:    %s\n", a.Byline)
	}
	if a.Published.IsZero() {
		fmt.Fprintf(w, "Published: undated (the page, feed or file gave no date; ranked as older than any dated article)\n")
	} else {
		fmt.Fprintf(w, "Published: %s\n", a.Published.Format("2006-01-02 15:04 MST"))
	}
	fmt.Fprintf(w, "URL:       %s\n", a.URL)
	if len(a.Countries) > 0 {
		fmt.Fprintf(w, "Countries: %s\n", strings.Join(a.Countries, " "))
	}
	fmt.Fprintf(w, "Id:        %d (story %d)\n\n", a.ID, a.StoryID)
	// A block quote's attribution line ("Fumio Kishida Japanese Prime
	// Minister", as a page lays it out) is shown as speaker and role.
	attribution := map[string][2]string{}
	for _, q := range quote.Find(a.Text) {
		if q.Speaker != "" && q.Role != "" {
			attribution[doc.Fold(q.Speaker+" "+q.Role)] = [2]string{q.Speaker, q.Role}
		}
	}
	for _, b := range doc.Parse(a.Text) {
		if b.Kind == doc.Heading {
			fmt.Fprintf(w, "## %s\n\n", b.Text)
			continue
		}
		if sr, ok := attribution[doc.Fold(b.Text)]; ok {
			fmt.Fprintf(w, "    — %s\n      %s\n\n", sr[0], sr[1])
			continue
		}
		// Lines of a block stay apart (a block quote's speaker and role);
		// each is wrapped on its own.
		for _, line := range strings.Split(b.Text, "\n") {
			fmt.Fprintf(w, "%s\n", briefing.WrapText(line, 78, ""))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// cmdStats counts what the corpus holds.
func cmdStats(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("stats", app.stderr)
	format := fs.String("format", "text", "text or json")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := checkFormat("stats", *format, "text", "json"); err != nil {
		return err
	}
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(app.stdout, s)
	}
	w := app.stdout
	switch {
	case s.SampleArticles > 0 && s.SampleArticles < s.Articles:
		fmt.Fprintf(w, "Articles:  %d (%d of them the bundled sample, left out of briefs, digests and search while the store has articles of its own)\n",
			s.Articles, s.SampleArticles)
	case s.SampleArticles > 0:
		fmt.Fprintf(w, "Articles:  %d (all from the bundled sample)\n", s.Articles)
	default:
		fmt.Fprintf(w, "Articles:  %d\n", s.Articles)
	}
	if s.Undated > 0 {
		fmt.Fprintf(w, "Undated:   %d (no date in the page, feed or file; ranked as older than any dated article)\n", s.Undated)
	}
	fmt.Fprintf(w, "Stories:   %d (near-duplicates counted once)\n", s.Stories)
	fmt.Fprintf(w, "Sources:   %s\n", countNoun(s.Sources, "outlet", "outlets"))
	fmt.Fprintf(w, "Countries: %d tagged\n", s.Countries)
	fmt.Fprintf(w, "Feeds:     %d (%d failing)\n", s.Feeds, s.FailingFeeds)
	if !s.Oldest.IsZero() {
		fmt.Fprintf(w, "Published: %s to %s\n", s.Oldest.Format("2006-01-02"), s.Newest.Format("2006-01-02"))
	}
	fmt.Fprintf(w, "Store:     %s, %s, %.1f MB\n", engineName(s.Engine), s.Location, float64(s.Bytes)/(1<<20))
	return nil
}

// cmdFeeds manages subscriptions.
func cmdFeeds(ctx context.Context, app *App, args []string) error {
	app.quiet()
	if len(args) == 0 {
		return usagef("feeds: add URL | list | remove ID")
	}
	sub, args := args[0], args[1:]
	if strings.HasPrefix(sub, "-") {
		// "feeds --help": the flags, before any subcommand touches the store.
		sub, args = "", append([]string{sub}, args...)
	}
	fs := newFlags("feeds "+sub, app.stderr)
	format := fs.String("format", "text", "text or json")
	interval := fs.String("interval", "", "poll interval for a new feed, e.g. 30m")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat("feeds "+sub, *format, "text", "json"); err != nil {
		return err
	}
	app.readsOnly = sub == "list"
	st, err := app.Store(ctx)
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		if len(pos) != 1 {
			return usagef("feeds add: give one feed URL")
		}
		var every time.Duration
		if *interval != "" {
			if every, err = ParseDuration(*interval); err != nil || every < time.Minute {
				return usagef("feeds add: --interval %q: want a duration of at least 1m", briefing.ClipWord(*interval))
			}
		}
		p, err := app.Poller(ctx)
		if err != nil {
			return err
		}
		f, err := p.AddFeed(ctx, pos[0], every)
		if errors.Is(err, sources.ErrFeedExists) {
			return fmt.Errorf("%s is already subscribed (attache feeds list)", pos[0])
		}
		if err != nil {
			return withFetchHint(err)
		}
		fmt.Fprintf(app.stdout, "Subscribed to feed %d: %s (%s), polled every %s. Run attache poll to fetch it now.\n", f.ID, displayTitle(f), f.URL, Duration(f.Interval))
		return nil
	case "list":
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return err
		}
		if *format == "json" {
			return writeJSON(app.stdout, feeds)
		}
		if len(feeds) == 0 {
			fmt.Fprintln(app.stdout, "No feeds yet. Add one with: attache feeds add URL")
			return nil
		}
		for _, f := range feeds {
			fmt.Fprintf(app.stdout, "%d  %s  %s\n    %s\n", f.ID, feedHealth(f), displayTitle(f), f.URL)
			fmt.Fprintf(app.stdout, "    %d articles, every %s, next poll %s\n", f.Articles, Duration(f.Interval), relTime(f.NextPoll, app.now()))
			if f.LastError != "" {
				fmt.Fprintf(app.stdout, "    last error (%d in a row): %s\n", f.Failures, f.LastError)
			}
		}
		return nil
	case "remove":
		if len(pos) != 1 {
			return usagef("feeds remove: give one feed id (attache feeds list)")
		}
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil {
			return usagef("feeds remove: %q is not a feed id", briefing.ClipWord(pos[0]))
		}
		if err := st.DeleteFeed(ctx, id); errors.Is(err, sources.ErrNotFound) {
			return fmt.Errorf("no feed with id %d (attache feeds list)", id)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(app.stdout, "Removed feed %d. Its articles stay in the corpus.\n", id)
		return nil
	}
	return usagef("feeds: unknown subcommand %q (add, list, remove)", briefing.ClipWord(sub))
}

func displayTitle(f sources.Feed) string {
	if f.Title != "" {
		return f.Title
	}
	return "(untitled feed)"
}

// feedHealth is a one-word state for feeds list.
func feedHealth(f sources.Feed) string {
	switch {
	case f.LastAttempt.IsZero():
		return "new    "
	case f.Failures >= 3:
		return "failing"
	case f.Failures > 0:
		return "retry  "
	default:
		return "ok     "
	}
}

// relTime says when t comes, to the minute: "now", "in 30m", "in 1h30m".
func relTime(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := t.Sub(now).Round(time.Minute)
	if d <= 0 {
		return "now"
	}
	return "in " + Duration(d).String()
}

// cmdPoll runs one pass over the due feeds.
func cmdPoll(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("poll", app.stderr)
	all := fs.Bool("all", false, "poll every feed now, due or not")
	format := fs.String("format", "text", "text or json")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	if err := checkFormat("poll", *format, "text", "json"); err != nil {
		return err
	}
	p, err := app.Poller(ctx)
	if err != nil {
		return err
	}
	var reports []sources.PollReport
	var pollErr error
	if *all {
		st, err := app.Store(ctx)
		if err != nil {
			return err
		}
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return err
		}
		// The same worker pool and per-host limits as scheduled polls.
		reports, pollErr = p.PollFeeds(ctx, feeds)
	} else {
		// Claimed like the polls of `attache run`, so that a pass by hand
		// never fetches a feed that a running process is polling.
		reports, pollErr = p.PollClaimed(ctx, "poll "+bot.InstanceName(), app.cfg.Feeds.Lease.D())
	}
	if pollErr != nil && ctx.Err() == nil {
		return pollErr
	}
	stopped := ctx.Err() != nil
	if *format == "json" {
		if err := writeJSON(app.stdout, reports); err != nil {
			return err
		}
		if stopped {
			return errStopped
		}
		return nil
	}
	if len(reports) == 0 && !stopped {
		fmt.Fprintln(app.stdout, "No feed is due. attache poll --all polls every feed now; attache feeds list shows when each is due.")
		return nil
	}
	for _, r := range reports {
		switch {
		case r.Stopped:
			fmt.Fprintf(app.stdout, "feed %d  stopped: %d added, %d updated before the stop\n", r.FeedID, r.Added, r.Updated)
		case r.Err != nil:
			fmt.Fprintf(app.stdout, "feed %d  failed: %v (next try %s)\n", r.FeedID, r.Err, relTime(r.NextPoll, app.now()))
		case r.NotModified:
			fmt.Fprintf(app.stdout, "feed %d  not modified since the last poll\n", r.FeedID)
		default:
			fmt.Fprintf(app.stdout, "feed %d  %d items: %d added, %d updated, %d already stored, %d duplicates, %d skipped\n",
				r.FeedID, r.Items, r.Added, r.Updated, r.Known, r.Duplicates, r.Skipped)
		}
	}
	if stopped {
		fmt.Fprintf(app.stdout, "Stopped: %d articles were stored before the stop; the next attache poll takes up the rest.\n", pollStored(reports))
		return errStopped
	}
	return nil
}

// pollStored counts the articles that polls added or updated.
func pollStored(reports []sources.PollReport) int {
	n := 0
	for _, r := range reports {
		n += r.Added + r.Updated
	}
	return n
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
