package main

import (
	"context"

	"attache/sources"
	"attache/sources/postgres"
)

// openStore opens the store a URL names (see sources.ParseStoreURL).
func openStore(ctx context.Context, url string, opt sources.StoreOptions) (sources.Store, error) {
	engine, target, err := sources.ParseStoreURL(url)
	if err != nil {
		return nil, err
	}
	if engine == sources.EnginePostgres {
		return postgres.Open(ctx, target, opt)
	}
	return sources.OpenSQLite(ctx, target, opt)
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
