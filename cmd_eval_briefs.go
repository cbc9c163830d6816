package main

import (
	"context"
	"errors"
)

// evalBriefs is `attache eval briefs`.
func evalBriefs(ctx context.Context, app *App, args []string) error {
	return errors.New("eval briefs: not built yet")
}
