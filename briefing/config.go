package briefing

import (
	"time"

	"attache/config"
)

// Config is the briefing: section of the configuration file.
type Config struct {
	// Window is the default time window of a brief; it is widened, with
	// a note, when it holds nothing.
	Window config.Duration `yaml:"window"`
	// Sentences is the number of summary sentences per brief.
	Sentences int `yaml:"sentences"`
	// Quotes is the number of quotes per brief.
	Quotes int `yaml:"quotes"`
	// Gazetteer names an optional JSON or YAML file that adds or overrides
	// countries, bodies and leaders.
	Gazetteer string `yaml:"gazetteer"`
	// Remember is how long the bot (per person) and the terminal (per
	// local user) remember which stories their last brief on a request
	// held, so that the next one marks what is new; 0 remembers nothing.
	Remember config.Duration `yaml:"remember"`
}

// DefaultConfig is the briefing section when the file says nothing.
func DefaultConfig() Config {
	return Config{Window: config.Duration(30 * 24 * time.Hour), Sentences: 6, Quotes: 4, Remember: config.Duration(90 * 24 * time.Hour)}
}

// Validate reports the first bad value, naming its key within the section.
func (c Config) Validate() error {
	switch {
	case c.Window < config.Duration(time.Hour):
		return config.Errorf("window", "%s: must be at least 1h", c.Window)
	case c.Sentences < 1 || c.Sentences > 30:
		return config.Errorf("sentences", "%d: want 1 to 30", c.Sentences)
	case c.Quotes < 1 || c.Quotes > 20:
		// The engine reads 0 as its default, so 0 cannot mean none.
		return config.Errorf("quotes", "%d: want 1 to 20", c.Quotes)
	case c.Remember < 0:
		return config.Errorf("remember", "%s: must not be negative", c.Remember)
	}
	return nil
}

// Options are the engine's options as the section sets them, on the
// clock now.
func (c Config) Options(now func() time.Time) Options {
	return Options{Window: c.Window.D(), Sentences: c.Sentences, Quotes: c.Quotes, Now: now}
}
