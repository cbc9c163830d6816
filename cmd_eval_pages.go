package main

import (
	"context"
	"errors"
)

// evalPages is `attache eval pages`.
func evalPages(ctx context.Context, app *App, args []string) error {
	return errors.New("eval pages: not built yet")
}
