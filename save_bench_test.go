package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"attache/briefing"
	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/synth"
)

// capturingStore keeps the batches an Ingester hands it instead of saving
// them, so that the writer's work can be timed apart from the preparing.
type capturingStore struct {
	sources.Store
	batches [][]sources.Prepared
}

func (c *capturingStore) Save(ctx context.Context, batch []sources.Prepared) ([]sources.Result, error) {
	c.batches = append(c.batches, batch)
	out := make([]sources.Result, len(batch))
	for i := range out {
		out[i].Outcome = sources.Added
	}
	return out, nil
}

// BenchmarkSQLiteWriter times the SQLite store's writer alone (Save, one
// batch of 2,500 prepared articles after another, the preparing done
// before) beside the bench's bare FTS5 writer on the same articles, in CPU
// time an article of the writing thread: the writer's share of the ingest,
// measured steadily on a busy machine. The first half of the articles fill
// both stores untimed.
//
//	go test -run '^$' -bench SQLiteWriter -benchtime 1x .
func BenchmarkSQLiteWriter(b *testing.B) {
	const n, batch = 40000, 2500
	ctx := context.Background()
	g, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	st, err := sources.OpenSQLite(ctx, filepath.Join(dir, "store.db"), sources.StoreOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	capture := &capturingStore{Store: st}
	in := sources.NewIngester(capture, g.Tag, nil)
	in.BatchSize = batch
	in.Reader = briefing.NewPairReader(g, briefing.RelevanceRule{}).Reader()
	gen := synth.New(1, corpusEnd.AddDate(-2, 0, 0), 2*365*24*time.Hour)
	var arts [][]sources.Article
	for i := 0; i < n; i += batch {
		chunk := make([]sources.Article, batch)
		for j := range chunk {
			chunk[j] = gen.Article()
		}
		arts = append(arts, chunk)
		if _, err := in.Ingest(ctx, chunk, nil); err != nil {
			b.Fatal(err)
		}
	}
	bare, err := openBareFTS5(ctx, filepath.Join(dir, "bare.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer bare.close()
	half := len(capture.batches) / 2
	var storeCPU, bareCPU time.Duration
	timed := 0
	// The writer's own thread: work the store hands to other goroutines
	// (a checkpoint) is not the writer's.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i, bt := range capture.batches {
		c0 := threadCPU()
		if _, err := st.Save(ctx, bt); err != nil {
			b.Fatal(err)
		}
		c1 := threadCPU()
		if err := bare.write(ctx, arts[i], batch); err != nil {
			b.Fatal(err)
		}
		c2 := threadCPU()
		if i >= half {
			storeCPU += c1 - c0
			bareCPU += c2 - c1
			timed += len(bt)
		}
	}
	if fi, err := os.Stat(filepath.Join(dir, "store.db-wal")); err == nil {
		b.Logf("store's write-ahead log: %.1f MB", float64(fi.Size())/(1<<20))
	}
	b.ReportMetric(float64(storeCPU)/float64(time.Millisecond)/float64(timed), "store-ms/article")
	b.ReportMetric(float64(bareCPU)/float64(time.Millisecond)/float64(timed), "bare-ms/article")
}

// threadCPU is the CPU time of the calling thread (Linux), user and system.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
