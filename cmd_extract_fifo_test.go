//go:build unix

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRunExtractRefusesNamedPipe: `extract FILE` on a named pipe with no
// writer is refused at once as not a regular file, instead of waiting for
// a writer that never comes.
func TestRunExtractRefusesNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "page.html")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		var out, errOut bytes.Buffer
		done <- runExtract(context.Background(), []string{fifo}, &out, &errOut, nil)
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("extract on a named pipe = %v, want it refused as not a regular file", err)
		}
	case <-time.After(2 * time.Minute): // a deadline for a hang, not a measurement
		t.Fatal("extract on a named pipe is still waiting for a writer")
	}
}
