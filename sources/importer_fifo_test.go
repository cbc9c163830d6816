//go:build unix

package sources

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe among the files, or named on its own, is skipped as not a
// regular file: reading it would wait for a writer for ever.
func TestReadPathsSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"title":"Rome talks","url":"https://wire.example/rome","text":"Japan and Italy met in Rome."}`+"\n"), 0o644)
	fifo := filepath.Join(dir, "b.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []FileItem)
	go func() {
		var items []FileItem
		ReadPaths([]string{dir, fifo}, func(it FileItem) error { items = append(items, it); return nil })
		done <- items
	}()
	var items []FileItem
	select {
	case items = <-done:
	case <-time.After(time.Minute): // a deadline for the hang, not a measurement
		// Open the pipe's other end and close it, as often as the reader
		// waits on it, so that the test can finish.
		for {
			if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
			select {
			case <-done:
				t.Fatal("ReadPaths waited on a named pipe")
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	if len(items) != 3 || items[0].Err != nil || !strings.HasSuffix(items[0].Where, "a.jsonl:line 1") {
		t.Fatalf("items = %+v, want the .jsonl article and the pipe skipped twice", items)
	}
	for _, it := range items[1:] {
		if it.Where != fifo || it.Err == nil || !strings.HasPrefix(it.Err.Error(), "not a regular file") {
			t.Errorf("pipe item = %s %v, want skipped as not a regular file", it.Where, it.Err)
		}
	}
}
