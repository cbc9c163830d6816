package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `attache help COMMAND` lists the command's flags, for every command,
// without creating or touching the data directory.
func TestHelpListsEveryFlag(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	want := map[string][]string{
		"quotes": {"-speaker", "-since", "-format", "-article"},
		"brief":  {"-since", "-format", "-sentences"},
		"search": {"-country", "-limit", "-since"},
		"digest": {"-since", "-filter", "-max"},
		"feeds":  {"-format", "-interval"},
		"poll":   {"-all"},
	}
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			var out, errOut bytes.Buffer
			if err := run(context.Background(), []string{"--data", data, "help", c.name}, strings.NewReader(""), &out, &errOut); err != nil {
				t.Fatalf("help %s: %v (%s)", c.name, err, errOut.String())
			}
			if !strings.HasPrefix(out.String(), "usage: attache "+c.name) {
				t.Errorf("help %s starts %q, want the usage line", c.name, out.String())
			}
			for _, f := range want[c.name] {
				if !strings.Contains(out.String(), "  "+f+" ") && !strings.Contains(out.String(), "  "+f+"\n") {
					t.Errorf("help %s does not list %s:\n%s", c.name, f, out.String())
				}
			}
			if _, err := os.Stat(data); err == nil {
				t.Errorf("help %s created the data directory", c.name)
			}
		})
	}
}
