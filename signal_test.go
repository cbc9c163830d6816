//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The real binary, sent SIGINT or SIGTERM in the middle of an ingest,
// stops at once, reports what it stored and exits with 130; a named pipe
// in the folder it reads is skipped, not waited on.
func TestIngestStopsOnSignals(t *testing.T) {
	dir := t.TempDir()
	bin := buildAttache(t, dir)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			data := t.TempDir()
			os.WriteFile(filepath.Join(data, "config.yaml"), []byte("sample_corpus: false\nfeeds:\n  allow_private: true\n"), 0o600)
			in := filepath.Join(data, "in")
			os.Mkdir(in, 0o755)
			var lines strings.Builder
			for i := range 600 {
				fmt.Fprintf(&lines, `{"title":"Talks %d","url":"https://wire.example/talks/%d","source":"Wire","text":"Japan and Italy held talks, round %d, on %s."}`+"\n", i, i, i, strings.Repeat("trade and defence ", 1+i%13)+fmt.Sprint(i*7919))
			}
			os.WriteFile(filepath.Join(in, "a.jsonl"), []byte(lines.String()), 0o644)
			if err := syscall.Mkfifo(filepath.Join(in, "b.txt"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			reached := make(chan struct{}, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reached <- struct{}{}
				<-r.Context().Done()
			}))
			defer srv.Close()

			var out, errOut bytes.Buffer
			cmd := exec.Command(bin, "--data", data, "--config", filepath.Join(data, "config.yaml"), "ingest", in, srv.URL+"/page", in)
			cmd.Stdout, cmd.Stderr = &out, &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-reached: // the first folder is read and stored; the page hangs
			case err := <-done:
				t.Fatalf("ingest ended before fetching the page: %v\n%s\n%s", err, out.String(), errOut.String())
			}
			cmd.Process.Signal(sig)
			err := <-done
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 130 {
				t.Errorf("ingest after %v = %v, want exit status 130\n%s", sig, err, errOut.String())
			}
			got := out.String()
			if !strings.Contains(got, "not a regular file") || strings.Count(got, "added ") != 600 || !strings.Contains(got, "\n600 added, 0 updated, 0 unchanged, 0 duplicates, 1 skipped\n") {
				t.Errorf("ingest reported:\n%.400s\n…%s\nwant 600 added, the pipe skipped, and the totals", got, got[max(0, len(got)-300):])
			}
			if !strings.Contains(errOut.String(), "stopped by a signal") {
				t.Errorf("stderr = %q, want it to say the signal stopped it", errOut.String())
			}
		})
	}
}
