package main

import (
	"context"
	"strings"

	"attache/briefing"
)

// cmdDigest prints the stories new in the corpus since a time.
func cmdDigest(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("digest", app.stderr)
	since := fs.String("since", "24h", "stories stored within this window: 12h, 7d, 2w, 3m (months)")
	filter := fs.String("filter", "", "countries, bodies or words, e.g. \"japan italy\" or G7")
	format := fs.String("format", "text", "text, markdown or json")
	maxStories := fs.Int("max", 0, "most stories (default from the config)")
	withSample := fs.Bool("sample", false, "keep the bundled sample corpus in, once the store has articles of its own")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("digest: unexpected %q (use --filter \"%s\")", briefing.ClipWord(strings.Join(pos, " ")), briefing.ClipWord(strings.Join(pos, " ")))
	}
	if err := checkFormat("digest", *format, "text", "markdown", "json"); err != nil {
		return err
	}
	if *maxStories < 0 || *maxStories > 25 {
		return usagef("digest: --max %d: want 1 to 25", *maxStories)
	}
	window, err := briefing.ParseWindow(*since)
	if err != nil {
		return usagef("digest: --since: %v", err)
	}
	eng, err := app.Engine(ctx)
	if err != nil {
		return err
	}
	req := briefing.DigestRequest{Since: app.now().Add(-window), MaxStories: *maxStories, Sample: *withSample}
	if req.MaxStories == 0 {
		req.MaxStories = app.cfg.Digest.MaxStories
	}
	if strings.TrimSpace(*filter) != "" {
		asking := briefing.Asking{What: "a digest filter takes", Example: "Name countries, bodies or topics, e.g. `--filter \"japan italy\"` or `--filter G7`."}
		if req.Filter, err = eng.ParseWordsFor(ctx, asking, []string{*filter}); err != nil {
			return userFacing(err)
		}
	}
	d, err := eng.Digest(ctx, req)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return briefing.RenderDigestJSON(app.stdout, d)
	case "markdown":
		return briefing.RenderDigestMarkdown(app.stdout, d)
	}
	return briefing.RenderDigestText(app.stdout, d, 88)
}
