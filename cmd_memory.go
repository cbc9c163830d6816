package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"slices"

	"attache/bot"
	"attache/briefing"
	"attache/sources"
)

// localOwner names the terminal's reader for the memory of briefs: the
// local user, so that people sharing a store do not share what is new.
func localOwner() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "local:" + u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return "local:" + name
	}
	return "local:unknown"
}

// briefMemory is the store's memory of briefs.
func (a *App) briefMemory(ctx context.Context) (sources.MemoryStore, error) {
	return a.Store(ctx)
}

// takeFlag removes a boolean flag from args and says whether it was there.
func takeFlag(args []string, names ...string) ([]string, bool) {
	found := false
	out := args[:0:0]
	for _, a := range args {
		if slices.Contains(names, a) {
			found = true
			continue
		}
		out = append(out, a)
	}
	return out, found
}

// briefForLocal answers a brief for the local user: new stories marked,
// what changed since their last brief on the request said, and with
// onlyNew only what is new.
func briefForLocal(ctx context.Context, app *App, eng *briefing.Engine, req briefing.Request, onlyNew bool) (*briefing.Brief, error) {
	mem, err := app.briefMemory(ctx)
	if err != nil {
		return nil, err
	}
	b, memErr, err := eng.BriefFor(ctx, req, mem, localOwner(), app.cfg.Briefing.Remember.D(), onlyNew)
	if err != nil {
		return nil, err
	}
	if memErr != nil && !errors.Is(memErr, sources.ErrReadOnly) {
		// The brief stands; the reader is told that it will not be
		// remembered. A read-only store remembers nothing, quietly.
		fmt.Fprintf(app.stderr, "attache: this brief is not remembered: %v\n", memErr)
	}
	return b, nil
}

// cmdForget removes what the terminal remembers of the local user's briefs.
func cmdForget(ctx context.Context, app *App, args []string) error {
	if len(args) > 0 {
		return usagef("forget takes no arguments")
	}
	mem, err := app.briefMemory(ctx)
	if err != nil {
		return err
	}
	n, err := mem.ForgetBriefs(ctx, localOwner())
	if err != nil {
		return err
	}
	fmt.Fprintf(app.stdout, "Forgot your last brief on %d %s.\n", n, map[bool]string{true: "request", false: "requests"}[n == 1])
	return nil
}

// memoryOf is the store's memory of briefs, as the bot sees it.
func memoryOf(st sources.Store) bot.MemoryStore { return st }
