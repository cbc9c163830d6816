// Package config holds what the sections of Attaché's configuration file
// share: durations written as people write them ("30d", "90m", "45s") and
// errors that name the file's key ("discord.prefix").
//
// Each section of the file belongs to the package it configures (feeds:
// to sources, briefing: to briefing, discord: and digest: to bot, store:
// to the store), which declares its type with YAML tags, its defaults and
// one Validate. The root decodes the file once over the defaults and
// validates each section once, putting the section's name before its keys
// with Section.
package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Error is a bad value in the configuration: Key names it as the file
// does ("prefix" within its section, "discord.prefix" once Section has put
// the section's name before it), Problem says what is wrong with it.
type Error struct {
	Key     string
	Problem string
}

func (e *Error) Error() string { return e.Key + " " + e.Problem }

// Errorf returns an *Error for key, its problem formatted as fmt.Sprintf
// does: Errorf("prefix", "%q: want at most 5 characters", p).
func Errorf(key, format string, args ...any) error {
	return &Error{Key: key, Problem: fmt.Sprintf(format, args...)}
}

// Section puts a section's name before the key of err, when err is an
// *Error, so that it names the key as the file does. Other errors and nil
// come back unchanged.
func Section(name string, err error) error {
	var ce *Error
	if err == nil || !errors.As(err, &ce) {
		return err
	}
	return &Error{Key: name + "." + ce.Key, Problem: ce.Problem}
}

// Duration is a time.Duration that reads and writes "30d", "2w", "12h",
// "90m" or "45s" in YAML.
type Duration time.Duration

// D is the duration as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// UnmarshalYAML reads a duration string.
func (d *Duration) UnmarshalYAML(node *yaml.Node) error {
	v, err := ParseDuration(node.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", node.Line, err)
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration back in the same form.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// String writes whole days as "30d" and other durations without their zero
// units: "30m", "2h", "1h30m", "45s".
func (d Duration) String() string {
	td := time.Duration(d)
	if td >= 24*time.Hour && td%(24*time.Hour) == 0 {
		return strconv.FormatInt(int64(td/(24*time.Hour)), 10) + "d"
	}
	s := td.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// ParseDuration reads Go durations plus days ("30d") and weeks ("2w").
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if n := len(s); n > 1 && (s[n-1] == 'd' || s[n-1] == 'w') {
		unit := 24 * time.Hour
		if s[n-1] == 'w' {
			unit *= 7
		}
		v, err := strconv.ParseFloat(s[:n-1], 64)
		// NaN fails every comparison, so it is refused by the last test;
		// a product past the largest Duration would wrap around.
		if err != nil || !(v >= 0 && v*float64(unit) < math.MaxInt64) {
			return 0, fmt.Errorf("bad duration %q: want e.g. 30d, 2w, 12h or 90m", s)
		}
		return time.Duration(v * float64(unit)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q: want e.g. 30d, 2w, 12h or 90m", s)
	}
	return d, nil
}
