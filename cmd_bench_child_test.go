package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain lets bench start this test binary as its bare writer process,
// as the real binary does in main.
func TestMain(m *testing.M) {
	if path := os.Getenv(bareChildEnv); path != "" {
		if err := runBareChild(path, os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}
