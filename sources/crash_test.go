package sources

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashEnv names the store file when this test binary runs as the child
// that ingests until it is killed.
const crashEnv = "ATTACHE_CRASH_CHILD_STORE"

// TestCrashChild is the child's body: it ingests batches of generated
// articles forever, printing the running total after each commit.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("runs only as the child of TestKilledIngestLeavesStoreIntact")
	}
	ctx := context.Background()
	s, err := OpenSQLite(ctx, path, StoreOptions{})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	in := NewIngester(s, testTagger, nil)
	in.BatchSize = 50
	total := 0
	for batch := 0; ; batch++ {
		arts := make([]Article, 50)
		for i := range arts {
			n := batch*50 + i
			arts[i] = Article{
				Title:     fmt.Sprintf("Generated article %d", n),
				URL:       fmt.Sprintf("https://crash.example/%d", n),
				Source:    "Crash Wire",
				Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute),
				Text:      strings.Repeat(fmt.Sprintf("Japan and Italy discussed item %d at length. ", n), 40),
			}
		}
		if _, err := in.Ingest(ctx, arts, nil); err != nil {
			fmt.Println("ingest:", err)
			os.Exit(3)
		}
		total += len(arts)
		fmt.Println("committed", total)
	}
}

// TestKilledIngestLeavesStoreIntact kills a process with SIGKILL in the
// middle of a large ingest and checks that the store opens, passes
// integrity_check, and holds every article committed before the kill.
func TestKilledIngestLeavesStoreIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	path := filepath.Join(t.TempDir(), "corpus.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "committed "); ok {
			committed, _ = strconv.Atoi(n)
			if committed >= 1000 {
				break // mid-ingest: the child is already writing the next batch
			}
		} else if strings.HasPrefix(line, "open:") || strings.HasPrefix(line, "ingest:") {
			t.Fatalf("child failed: %s", line)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if committed < 1000 {
		t.Fatalf("child stopped after %d articles", committed)
	}

	ctx := context.Background()
	s, err := OpenSQLite(ctx, path, StoreOptions{})
	if err != nil {
		t.Fatalf("store does not open after SIGKILL: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles < committed {
		t.Fatalf("store holds %d articles, want at least the %d committed before the kill", st.Articles, committed)
	}
	// The full-text index agrees with the table.
	var fts int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'japan'`).Scan(&fts); err != nil {
		t.Fatal(err)
	}
	if fts != st.Articles {
		t.Errorf("full-text index has %d rows matching, table %d", fts, st.Articles)
	}
	t.Logf("killed after %d committed; %d stored", committed, st.Articles)
}
