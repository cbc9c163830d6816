package main

import (
	"context"
	"errors"
	"fmt"

	"attache/briefing"
)

// Engine builds the briefing engine over the store.
func (a *App) Engine(ctx context.Context) (*briefing.Engine, error) {
	st, err := a.Store(ctx)
	if err != nil {
		return nil, err
	}
	g, err := a.Gazetteer()
	if err != nil {
		return nil, err
	}
	return briefing.New(st, g, a.cfg.Briefing.Options(a.now)), nil
}

// requestFromArgs parses the brief-like commands' shared flags and words.
func requestFromArgs(ctx context.Context, app *App, name string, args []string) (*briefing.Engine, briefing.Request, string, error) {
	fs := newFlags(name, app.stderr)
	since := fs.String("since", "", "time window, e.g. 7d, 2w, 3m (months), 1y; default 30d, widened when empty")
	format := fs.String("format", "text", "text, markdown or json")
	sentences := fs.Int("sentences", 0, "summary sentences (default from the config)")
	withSample := fs.Bool("sample", false, "keep the bundled sample corpus in, once the store has articles of its own")
	words, err := parseArgs(fs, args)
	if err != nil {
		return nil, briefing.Request{}, "", err
	}
	if err := checkFormat(name, *format, "text", "markdown", "json"); err != nil {
		return nil, briefing.Request{}, "", err
	}
	if *since != "" {
		words = append(words, "since", *since)
	}
	eng, err := app.Engine(ctx)
	if err != nil {
		return nil, briefing.Request{}, "", err
	}
	req, err := eng.ParseWordsContext(ctx, words)
	if err != nil {
		return nil, req, "", err
	}
	req.MaxSentences = *sentences
	req.Sample = *withSample
	return eng, req, *format, nil
}

// cmdBrief prints a brief.
func cmdBrief(ctx context.Context, app *App, args []string) error {
	app.quiet()
	if len(args) == 0 {
		return usagef("brief: name countries or topics, e.g. attache brief japan italy")
	}
	args, onlyNew := takeFlag(args, "--new", "-new")
	eng, req, format, err := requestFromArgs(ctx, app, "brief", args)
	if err != nil {
		return userFacing(err)
	}
	b, err := briefForLocal(ctx, app, eng, req, onlyNew)
	if err != nil {
		return userFacing(err)
	}
	return render(app, b, format)
}

func render(app *App, b *briefing.Brief, format string) error {
	switch format {
	case "json":
		return briefing.RenderJSON(app.stdout, b)
	case "markdown":
		return briefing.RenderMarkdown(app.stdout, b)
	}
	return briefing.RenderText(app.stdout, b, 88)
}

// userFacing turns a briefing.UserError into a plain message for the
// terminal; other errors pass through.
func userFacing(err error) error {
	var ue *briefing.UserError
	if errors.As(err, &ue) {
		return fmt.Errorf("%s", ue.Error())
	}
	return err
}

// cmdExtract shows what ingest would store for a page.
func cmdExtract(ctx context.Context, app *App, args []string) error {
	cfg, err := LoadConfig(app.configPath)
	if err != nil {
		return err
	}
	app.cfg = cfg
	return runExtract(ctx, args, app.stdout, app.stderr, fetchBody(app.Fetcher()))
}

// cmdSummarize runs the single-article summariser.
func cmdSummarize(ctx context.Context, app *App, args []string) error {
	return runSummarize(ctx, args, app.stdin, app.stdout, app.stderr)
}
