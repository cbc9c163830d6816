package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// evalCommand is one subcommand of `attache eval`: an evaluation over the
// dev sets in ../shared/eval that prints the whole-dev figure beside the
// cross-validated one (tuned on four fifths, reported on the fifth).
type evalCommand struct {
	name    string
	usage   string
	summary string
	run     func(ctx context.Context, app *App, args []string) error
}

func evalCommands() []evalCommand {
	return []evalCommand{
		{"pages", "[--set zyte|snippets|both] [--dir ../shared/eval]", "page text extraction on both page benchmarks", evalPages},
		{"briefs", "[--queries FILE] [--dir ../shared/eval]", "pair briefs end to end on Reuters dev", evalBriefs},
		{"summaries", "[--sentences 3|ref] [--dir ../shared/eval]", "single-article summaries on BBC dev", evalSummaries},
		{"quotes", "[--dir ../shared/eval] [--out FILE] [--errors N] [--pronouns FILE] | --jsonl FILE", "quotes and speakers on PolNeAR dev, and the hand-labelled quotes shown in briefs", evalQuotes},
		{"tone", "FILE.jsonl [--score]", "cooperation and conflict per sentence", evalTone},
	}
}

// cmdEval dispatches `attache eval SUB ...`.
func cmdEval(ctx context.Context, app *App, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printEvalUsage(app.stdout)
		if len(args) == 0 {
			return usagef("eval: name an evaluation")
		}
		return nil
	}
	for _, c := range evalCommands() {
		if c.name == args[0] {
			if err := app.setup(); err != nil {
				return err
			}
			return c.run(ctx, app, args[1:])
		}
	}
	printEvalUsage(app.stderr)
	return usagef("eval: unknown evaluation %q", args[0])
}

func printEvalUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("usage: attache eval NAME [ARGS]\n\nEvaluations over the dev sets in ../shared/eval; each prints the whole-dev\nfigure beside the cross-validated one.\n\n")
	for _, c := range evalCommands() {
		fmt.Fprintf(&b, "  %-10s %s\n             attache eval %s %s\n", c.name, c.summary, c.name, c.usage)
	}
	io.WriteString(w, b.String())
}
