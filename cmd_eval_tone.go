package main

import (
	"context"
	"errors"
)

// evalTone is `attache eval tone`.
func evalTone(ctx context.Context, app *App, args []string) error {
	return errors.New("eval tone: not built yet")
}
