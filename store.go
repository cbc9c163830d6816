package main

import (
	"context"
	"errors"

	"attache/sources"
)

// openStore opens the store a URL names (see sources.ParseStoreURL).
func openStore(ctx context.Context, url string, opt sources.StoreOptions) (sources.Store, error) {
	engine, target, err := sources.ParseStoreURL(url)
	if err != nil {
		return nil, err
	}
	switch engine {
	case sources.EngineSQLite:
		return sources.OpenSQLite(ctx, target, opt)
	}
	return nil, errors.New("store: the PostgreSQL engine is not in this build yet")
}

// engineName is how the commands print an engine.
func engineName(engine string) string {
	switch engine {
	case sources.EngineSQLite:
		return "SQLite"
	case sources.EnginePostgres:
		return "PostgreSQL"
	}
	return engine
}
