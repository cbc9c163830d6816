package sources

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// coreCounter is a tagger that counts the articles being prepared at once.
type coreCounter struct {
	mu       sync.Mutex
	inFlight int
	most     int // the most at once
	saving   bool
	mostSave int // the most at once while the store saves
	two      chan struct{}
	once     sync.Once
}

func (c *coreCounter) tag(text string, _ time.Time) []string {
	c.mu.Lock()
	c.inFlight++
	c.most = max(c.most, c.inFlight)
	if c.saving {
		c.mostSave = max(c.mostSave, c.inFlight)
	}
	if c.inFlight >= 2 {
		c.once.Do(func() { close(c.two) })
	}
	c.mu.Unlock()
	// Give a second preparer the time to start; with one it would wait
	// the full second for every article.
	select {
	case <-c.two:
	case <-time.After(time.Second):
	}
	c.mu.Lock()
	c.inFlight--
	c.mu.Unlock()
	return testTagger(text, time.Time{})
}

// countingStore tells the counter when a save is under way.
type countingStore struct {
	*SQLiteStore
	c *coreCounter
}

func (s countingStore) Save(ctx context.Context, batch []Prepared) ([]Result, error) {
	s.c.mu.Lock()
	s.c.saving = true
	s.c.mu.Unlock()
	defer func() {
		s.c.mu.Lock()
		s.c.saving = false
		s.c.mu.Unlock()
	}()
	return s.SQLiteStore.Save(ctx, batch)
}

func TestIngestPreparesOnEveryCoreWhileTheWriterWaits(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	c := &coreCounter{two: make(chan struct{})}
	st := openTestStore(t)
	in := NewIngester(countingStore{st, c}, c.tag, nil)
	in.BatchSize = 4
	var arts []Article
	for i := range 12 {
		arts = append(arts, Article{Title: fmt.Sprintf("Japan and Italy %d", i), URL: fmt.Sprintf("https://x.example/%d", i),
			Source: "x", Published: day(1 + i), Text: fmt.Sprintf("Talks in Tokyo and Rome, round %d of the %d planned.", i, 100+i)})
	}
	res, err := in.Ingest(context.Background(), arts, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Outcome != Added {
			t.Errorf("article %d: %+v, want added", i, r)
		}
	}
	if n := countRows(t, st, `SELECT count(*) FROM article_countries`); n != 2*len(arts) {
		t.Errorf("%d country rows, want %d (JP and IT for each article)", n, 2*len(arts))
	}
	// The first batch is prepared with no save under way: on both cores.
	if c.most != 2 {
		t.Errorf("at most %d articles prepared at once on 2 cores, want 2", c.most)
	}
	// While a batch is saved, the writer keeps a core to itself.
	if c.mostSave > 1 {
		t.Errorf("%d articles prepared at once while the store saved, want at most 1 on 2 cores", c.mostSave)
	}
}
