// Command attache briefs people on diplomacy news, in Discord and in the
// terminal, from a corpus of articles it keeps in an embedded store.
//
//	attache brief japan italy          a cited brief on Japan and Italy
//	attache run                        the Discord bot, with feed polling and digests
//
// Run `attache help` for every command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	_ "time/tzdata" // digest schedules name IANA zones; hosts may lack a zoneinfo directory
)

func main() {
	if path := os.Getenv(bareChildEnv); path != "" { // attache bench's bare writer
		if err := runBareChild(path, os.Stdin, os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "attache: bench: bare store: %v\n", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first signal asks the command to stop and report what it did; a
	// second one ends the process at once, whatever it is waiting on.
	go func() { <-ctx.Done(); stop() }()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if errors.Is(err, errStopped) {
			fmt.Fprintf(os.Stderr, "attache: %v\n", err)
			os.Exit(130)
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(os.Stderr, "attache: %v\n", err)
			os.Exit(2)
		}
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(os.Stderr, "attache: %v\n", err)
			os.Exit(1)
		}
	}
}

// command is one subcommand of the command line.
type command struct {
	name    string
	usage   string // arguments, after the name
	summary string
	// store says whether the command needs the corpus (config, store,
	// gazetteer); the others run without touching the data directory.
	store bool
	run   func(ctx context.Context, app *App, args []string) error
}

func commands() []command {
	return []command{
		{"brief", "[--since 30d] [--new] [--format text|markdown|json] WORDS...", "a cited brief on countries, bodies and topics; --new: only what is new since your last brief on it", true, cmdBrief},
		{"forget", "", "forget which stories your last briefs held (they are remembered to mark what is new)", true, cmdForget},
		{"timeline", "[--since 1y] [--by week|month] [--format text|json|png] [--out FILE] WORDS...", "a pair's stories over time, cooperation and conflict marked", true, cmdTimeline},
		{"quotes", quotesUsage, "what people said: about countries or topics, by one person, or in one article", true, cmdQuotes},
		{"digest", "[--since 24h] [--filter WORDS] [--format text|markdown|json]", "the stories new in the corpus, one by one", true, cmdDigest},
		{"search", "[--country JP|japan]... [--since 30d] [--format text|json] WORDS...", "list matching articles", true, cmdSearch},
		{"show", "[--format text|json] ID", "one article's cleaned text and metadata", true, cmdShow},
		{"ingest", "PATH|URL...", "add .txt, .md, .html, .jsonl files, directories or article URLs", true, cmdIngest},
		{"feeds", "add URL [--interval 30m] | list [--format text|json] | remove ID", "manage feed subscriptions", true, cmdFeeds},
		{"poll", "[--all]", "one pass over the feeds that are due", true, cmdPoll},
		{"stats", "[--format text|json]", "count articles, stories, sources and feeds", true, cmdStats},
		{"extract", "FILE|URL [--format text|json] | --dir DIR", "what ingest would store for a page", false, cmdExtract},
		{"summarize", "[--sentences N] < article", "the extractive summariser on one article (the evaluation: attache eval summaries)", false, cmdSummarize},
		{"run", "", "the Discord bot, with feed polling and digests", true, cmdRun},
		{"eval", "NAME [ARGS]", "evaluations over the dev sets (attache eval help)", false, cmdEval},
		{"migrate", "--to postgres://USER@HOST/DATABASE [--batch 1000]", "copy the SQLite store into PostgreSQL (run it again to resume)", true, cmdMigrate},
		{"reindex", "", "read for timelines the articles stored before, or read by older rules (resumes where it stopped)", true, cmdReindex},
		{"bench", "[--articles 100000] [--queries 1000] [--dir DIR]", "measure ingest and query speed on a generated corpus", true, cmdBench},
	}
}

// readOnlyCommands only read the corpus: they work on a store whose folder
// and files are read-only.
func readOnlyCommands() []string {
	return []string{"brief", "search", "show", "stats", "digest", "quotes"}
}

// errStopped is what a command returns when a signal stopped it before the
// end, after reporting what it did until then; attache exits with 130.
var errStopped = errors.New("stopped by a signal before the end; what was done until then is kept")

// explainer is a store that can say what to do about its errors (a
// read-only or damaged SQLite file).
type explainer interface{ Explain(err error) error }

// usageError is a mistake on the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	global := flag.NewFlagSet("attache", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	configPath := global.String("config", "", "configuration file (YAML)")
	dataDir := global.String("data", "", "data directory (overrides data_dir)")
	storeURL := global.String("store", "", "store URL: sqlite:PATH or postgres://… (overrides store.url)")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) { // attache -h, attache --help
			printUsage(stdout)
			return nil
		}
		printUsage(stderr)
		return usagef("%v", err)
	}
	rest := global.Args()
	if len(rest) == 0 {
		printUsage(stderr)
		return usagef("no command given")
	}
	if rest[0] == "help" {
		if len(rest) == 1 {
			printUsage(stdout)
			return nil
		}
		for _, c := range commands() {
			if c.name == rest[1] {
				fmt.Fprintf(stdout, "usage: attache %s %s\n\n%s\n", c.name, c.usage, c.summary)
				printFlags(ctx, stdout, c)
				return nil
			}
		}
		printUsage(stderr)
		return usagef("help: unknown command %q", rest[1])
	}
	name := rest[0]
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		app := &App{stdin: stdin, stdout: stdout, stderr: stderr, configPath: *configPath, dataDir: *dataDir,
			storeURL: *storeURL, command: c.name, readsOnly: slices.Contains(readOnlyCommands(), c.name)}
		defer app.Close()
		if c.store {
			if err := app.setup(); err != nil {
				return err
			}
		}
		err := c.run(ctx, app, rest[1:])
		if ex, ok := app.store.(explainer); ok && err != nil {
			err = ex.Explain(err)
		}
		return err
	}
	printUsage(stderr)
	return usagef("unknown command %q", name)
}

// printFlags lists a command's flags as the command itself defines them:
// it runs the command with --help, which every command answers by
// printing its flags before it touches the data directory or the network.
func printFlags(ctx context.Context, w io.Writer, c command) {
	var buf strings.Builder
	app := &App{stdin: strings.NewReader(""), stdout: &buf, stderr: &buf}
	if err := c.run(ctx, app, []string{"--help"}); err != nil && !errors.Is(err, flag.ErrHelp) {
		return
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if strings.HasPrefix(line, "Usage of ") || strings.HasPrefix(line, "usage: ") {
			continue
		}
		b.WriteString(line)
	}
	if strings.TrimSpace(b.String()) != "" {
		fmt.Fprintf(w, "\n%s", b.String())
	}
}

func printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("Attaché briefs you on diplomacy news from a corpus of articles.\n\nusage: attache [--config FILE] [--data DIR] [--store URL] COMMAND [ARGS]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString("\nattache help COMMAND shows a command's arguments. Example: attache brief japan italy\n")
	io.WriteString(w, b.String())
}
