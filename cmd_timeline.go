package main

import (
	"context"
	"fmt"
	"os"

	"attache/briefing"
	"attache/briefing/chart"
)

// cmdTimeline prints a pair's timeline: stories per period by tone, the
// lead stories with their evidence, the turning points and the trend.
func cmdTimeline(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("timeline", app.stderr)
	since := fs.String("since", "1y", "time window, e.g. 3m (months), 1y, 3y")
	by := fs.String("by", "", "week or month (default: week up to half a year, month beyond)")
	format := fs.String("format", "text", "text, json or png")
	out := fs.String("out", "", "with --format png: write the image to this file instead of standard output")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return usagef("timeline: name two countries, e.g. attache timeline japan italy")
	}
	if err := checkFormat("timeline", *format, "text", "json", "png"); err != nil {
		return err
	}
	if *by != "" && *by != briefing.ByWeek && *by != briefing.ByMonth {
		return usagef("timeline: --by %q: want week or month", *by)
	}
	if *since != "" {
		words = append(words, "since", *since)
	}
	eng, err := app.Engine(ctx)
	if err != nil {
		return err
	}
	asking := briefing.Asking{What: "a timeline takes", Example: "Name two countries, e.g. `attache timeline japan italy`."}
	req, err := eng.ParseWordsFor(ctx, asking, words)
	if err != nil {
		return userFacing(err)
	}
	t, err := eng.Timeline(ctx, req, *by)
	if err != nil {
		return userFacing(err)
	}
	switch *format {
	case "json":
		return briefing.RenderTimelineJSON(app.stdout, t)
	case "png":
		img, err := chart.TimelinePNG(t)
		if err != nil {
			return err
		}
		if *out != "" {
			if err := os.WriteFile(*out, img, 0o644); err != nil {
				return fmt.Errorf("timeline: %w", err)
			}
			return nil
		}
		_, err = app.stdout.Write(img)
		return err
	}
	return briefing.RenderTimelineText(app.stdout, t, 88)
}
