package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"attache/bot"
	"attache/briefing"
	"attache/config"
	"attache/sources"
)

// Config is everything Attaché can be told in config.yaml. Each section
// belongs to the package it configures, which declares its type, its
// defaults and its one Validate; the root owns the data directory, the
// sample corpus, logging and the operations listener. Every field has a
// default; config.example.yaml mirrors this struct with comments.
type Config struct {
	// DataDir holds the SQLite store (corpus.db) unless store.url names
	// another.
	DataDir string `yaml:"data_dir"`
	// SampleCorpus seeds a new store with the bundled sample articles, and
	// keeps them; false removes them from an existing store.
	SampleCorpus bool `yaml:"sample_corpus"`

	Store    sources.StoreConfig `yaml:"store"`
	Log      LogConfig           `yaml:"log"`
	Feeds    sources.FeedsConfig `yaml:"feeds"`
	Briefing briefing.Config     `yaml:"briefing"`
	Discord  bot.Config          `yaml:"discord"`
	Digest   bot.DigestConfig    `yaml:"digest"`
	HTTP     HTTPConfig          `yaml:"http"`
}

// LogConfig is the log: section: how log/slog writes.
type LogConfig struct {
	Level  string `yaml:"level"`  // debug, info, warn, error
	Format string `yaml:"format"` // text or json
}

// HTTPConfig is the http: section: the optional operations listener of
// `attache run`.
type HTTPConfig struct {
	Listen string `yaml:"listen"` // e.g. 127.0.0.1:8089; empty: off
}

// DefaultConfig returns the configuration used when no file is given.
func DefaultConfig() Config {
	return Config{
		DataDir:      "data",
		SampleCorpus: true,
		Log:          LogConfig{Level: "info", Format: "text"},
		Feeds:        sources.DefaultFeedsConfig(),
		Briefing:     briefing.DefaultConfig(),
		Discord:      bot.DefaultConfig(),
		Digest:       bot.DefaultDigestConfig(),
	}
}

// LoadConfig reads a YAML file over the defaults, decoding each section
// once into its package's type; unknown fields are an error so that a
// misspelt key does not go unnoticed. An empty path gives the defaults.
// DISCORD_TOKEN, when set, wins over the file. Then every section is
// validated once, and an error names the file and the key.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
			return cfg, fmt.Errorf("config %s: %w", path, err)
		}
		if line, more := nextDocument(dec); more {
			return cfg, fmt.Errorf("config %s: a second YAML document starts at line %d (after ---), and only one is read; put every setting in one document", path, line)
		}
	}
	if tok := os.Getenv("DISCORD_TOKEN"); tok != "" {
		cfg.Discord.Token = tok
	}
	if err := cfg.Validate(); err != nil {
		if path != "" {
			return cfg, fmt.Errorf("config %s: %w", path, err)
		}
		return cfg, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// nextDocument reports whether the decoder holds another document with
// anything in it, and the line where it starts. A bare --- at the end is
// nothing.
func nextDocument(dec *yaml.Decoder) (line int, more bool) {
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return 0, false
	}
	if err != nil {
		return 0, true
	}
	empty := doc.Kind == 0 || (len(doc.Content) == 1 && doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null")
	return doc.Line, !empty
}

// Validate checks the root's own keys, then each section with its
// package's Validate, and names the first bad key as the file does
// ("discord.prefix").
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.DataDir) == "":
		return config.Errorf("data_dir", "must not be empty")
	case !slices.Contains([]string{"debug", "info", "warn", "error"}, c.Log.Level):
		return config.Errorf("log.level", "%q: want debug, info, warn or error", c.Log.Level)
	case !slices.Contains([]string{"text", "json"}, c.Log.Format):
		return config.Errorf("log.format", "%q: want text or json", c.Log.Format)
	}
	sections := []struct {
		name     string
		validate func() error
	}{
		{"store", c.Store.Validate},
		{"feeds", c.Feeds.Validate},
		{"briefing", c.Briefing.Validate},
		{"discord", c.Discord.Validate},
		{"digest", c.Digest.Validate},
	}
	for _, s := range sections {
		if err := s.validate(); err != nil {
			return config.Section(s.name, err)
		}
	}
	return nil
}

// Duration is the configuration's duration, which the commands print
// and read the same way ("30d", "90m").
type Duration = config.Duration

// ParseDuration reads Go durations plus days ("30d") and weeks ("2w").
func ParseDuration(s string) (time.Duration, error) { return config.ParseDuration(s) }
