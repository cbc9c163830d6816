package main

import (
	"context"
	"errors"
)

// evalQuotes is `attache eval quotes`.
func evalQuotes(ctx context.Context, app *App, args []string) error {
	return errors.New("eval quotes: not built yet")
}
