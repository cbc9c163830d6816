package main

import (
	"context"
	"errors"
)

// evalSummaries is `attache eval summaries`.
func evalSummaries(ctx context.Context, app *App, args []string) error {
	return errors.New("eval summaries: not built yet")
}
