package config

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "90m": 90 * time.Minute, "1.5h": 90 * time.Minute} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "-3d", "soon", "5x", "nand", "NaNw", "infd", "+Infd", "1e300d", "999999999d", "2562048h"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted", in)
		}
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{30 * time.Minute, "30m"},
		{10 * time.Minute, "10m"},
		{2 * time.Hour, "2h"},
		{90 * time.Minute, "1h30m"},
		{20 * time.Second, "20s"},
		{time.Hour + 5*time.Second, "1h0m5s"},
		{0, "0s"},
		{30 * 24 * time.Hour, "30d"},
		{36 * time.Hour, "36h"},
	}
	for _, tt := range tests {
		if got := Duration(tt.in).String(); got != tt.want {
			t.Errorf("Duration(%v).String() = %q, want %q", tt.in, got, tt.want)
		}
		if back, err := ParseDuration(Duration(tt.in).String()); err != nil || back != tt.in {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", Duration(tt.in).String(), back, err, tt.in)
		}
	}
}

func TestSectionNamesTheKey(t *testing.T) {
	err := Section("discord", Errorf("prefix", "%q: want 1 to 5 characters", "!!!!!!"))
	if got, want := err.Error(), `discord.prefix "!!!!!!": want 1 to 5 characters`; got != want {
		t.Errorf("Section = %q, want %q", got, want)
	}
	var ce *Error
	if !errors.As(err, &ce) || ce.Key != "discord.prefix" {
		t.Errorf("Section = %#v, want an *Error with key discord.prefix", err)
	}
	plain := errors.New("not a key")
	if got := Section("discord", plain); got != plain {
		t.Errorf("Section(plain error) = %v, want it unchanged", got)
	}
	if got := Section("discord", nil); got != nil {
		t.Errorf("Section(nil) = %v, want nil", got)
	}
	if got := Section("a", fmt.Errorf("wrapped: %w", Errorf("b", "bad"))); got.Error() != "a.b bad" {
		t.Errorf("Section(wrapped) = %q, want %q", got, "a.b bad")
	}
}
