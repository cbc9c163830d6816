package sources

import "attache/config"

// StoreConfig is the store: section of the configuration file: which
// engine serves the store, and where.
type StoreConfig struct {
	// URL is sqlite:PATH or postgres://USER@HOST/DATABASE; empty means the
	// SQLite file corpus.db in the data directory. --store overrides it.
	URL string `yaml:"url"`
}

// Validate reports a URL that names no engine.
func (c StoreConfig) Validate() error {
	if c.URL == "" {
		return nil
	}
	if _, _, err := ParseStoreURL(c.URL); err != nil {
		return config.Errorf("url", "%q: want sqlite:PATH or postgres://USER@HOST/DATABASE", redactURL(c.URL))
	}
	return nil
}
