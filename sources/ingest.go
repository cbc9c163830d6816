package sources

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"attache/sources/doc"
)

// MaxTextBytes is the largest article body the corpus keeps; a longer one
// is skipped with a reason rather than truncated mid-sentence.
const MaxTextBytes = 2 << 20

// Ingester stores cleaned articles: it canonicalises their URLs, tags them
// with countries, hashes and sketches them, and saves them in batched
// transactions. Ingest may be called from several goroutines at once (the
// poller does, one feed each); set BatchSize before the first call.
type Ingester struct {
	store Store
	tag   Tagger
	now   func() time.Time
	// BatchSize is the number of articles per transaction (default 500).
	BatchSize int
	// Reader, if set, reads each article for its pairs of countries as
	// it is prepared, and the store keeps the readings with the article
	// (see ReadingStore); without, the articles are stored unread.
	Reader *Reader
}

// NewIngester returns an Ingester writing to store. tag may be nil (no
// country tags); now may be nil (time.Now).
func NewIngester(store Store, tag Tagger, now func() time.Time) *Ingester {
	if now == nil {
		now = time.Now
	}
	return &Ingester{store: store, tag: tag, now: now, BatchSize: 500}
}

// Ingest stores articles and reports, in the same order, what happened to
// each. Articles whose Text is in the block format of package doc are kept
// as they are; callers clean them first. Progress, if not nil, is called
// after each batch with the number of articles done.
func (in *Ingester) Ingest(ctx context.Context, arts []Article, progress func(done int)) ([]Result, error) {
	results := make([]Result, len(arts))
	size := in.BatchSize
	if size <= 0 {
		size = 500
	}
	// Prepare the next batch (tagging, hashing, sketching: CPU work, in
	// parallel) while the store writes the current one.
	batches := make(chan batch, 1)
	stop := make(chan struct{})
	defer close(stop)
	// One token a core: the writer holds one while it saves, and each
	// article prepared holds one. Preparing takes every core while the
	// writer waits (the first batch of a call, or a writer faster than
	// the preparing), and leaves the writer its own while it writes.
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	// The articles are read for their pairs after the store has the
	// batch: the store writes them last (Prepared.ReadingsDone), so the
	// writer starts on a batch as soon as the rest is prepared, and the
	// reading runs beside it. With one core the writer would hold the
	// only token while it waits for the reading: read first, then.
	readLate := in.Reader != nil && cap(cores) > 1
	go func() {
		defer close(batches)
		for start := 0; start < len(arts); start += size {
			end := min(start+size, len(arts))
			b := in.prepare(start, arts[start:end], cores, !readLate)
			var read chan struct{}
			if readLate && len(b.toSave) > 0 {
				read = make(chan struct{})
				for i := range b.toSave {
					b.toSave[i].ReadingsDone = read
				}
			}
			select {
			case batches <- b:
			case <-stop:
				return
			}
			if read != nil {
				onCores(len(b.toSave), cores, func(i int) {
					b.toSave[i].Readings = readOne(*in.Reader, b.toSave[i].Article)
				})
				close(read)
			}
		}
	}()
	done := 0
	for b := range batches {
		if err := ctx.Err(); err != nil {
			return results[:done], err
		}
		for _, r := range b.skipped {
			results[r.at] = r.Result
		}
		if len(b.toSave) > 0 {
			cores <- struct{}{}
			saved, err := in.store.Save(ctx, b.toSave)
			<-cores
			if err != nil {
				return results[:done], err
			}
			for i, r := range saved {
				r.Undated = b.toSave[i].Published.IsZero()
				results[b.where[i]] = r
			}
		}
		done = b.start + b.n
		if progress != nil {
			progress(done)
		}
	}
	return results, nil
}

// batch is a batch of articles prepared: those to save, with their index
// in the call's articles, and those skipped.
type batch struct {
	start, n int
	toSave   []Prepared
	where    []int
	skipped  []skippedArticle
}

type skippedArticle struct {
	at int
	Result
}

// prepare computes, in parallel, everything the store indexes for the
// articles arts (from index start of the call's), an article at a time on
// each core for which it gets a token from cores; read says whether to
// read them for their pairs too.
func (in *Ingester) prepare(start int, arts []Article, cores chan struct{}, read bool) batch {
	preps := make([]Prepared, len(arts))
	reasons := make([]string, len(arts))
	onCores(len(arts), cores, func(i int) {
		preps[i], reasons[i] = in.prepareOne(arts[i], read)
	})
	b := batch{start: start, n: len(arts)}
	for i := range preps {
		if reasons[i] != "" {
			b.skipped = append(b.skipped, skippedArticle{start + i, Result{Outcome: Skipped, Title: arts[i].Title, URL: arts[i].URL, Reason: reasons[i]}})
			continue
		}
		b.toSave = append(b.toSave, preps[i])
		b.where = append(b.where, start+i)
	}
	return b
}

// onCores calls fn(i) for every i below n, in parallel, each call holding
// a token of cores.
func onCores(n int, cores chan struct{}, fn func(i int)) {
	workers := min(cap(cores), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				cores <- struct{}{}
				fn(i)
				<-cores
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (in *Ingester) prepareOne(a Article, read bool) (Prepared, string) {
	a.Title = doc.Fold(a.Title)
	a.Source = doc.Fold(a.Source)
	a.Byline = doc.Fold(a.Byline)
	a.Text = strings.TrimSpace(a.Text)
	switch {
	case a.Text == "":
		return Prepared{}, "no article text"
	case len(a.Text) > MaxTextBytes:
		return Prepared{}, fmt.Sprintf("article text is %.1f MB, over the %d MB limit", float64(len(a.Text))/(1<<20), MaxTextBytes>>20)
	}
	if a.Title == "" {
		return Prepared{}, "no title"
	}
	if a.Source == "" {
		a.Source = "unknown"
	}
	if a.URL == "" {
		return Prepared{}, "no URL or file name"
	}
	canon, err := CanonicalURL(a.URL)
	if err != nil {
		return Prepared{}, err.Error()
	}
	a.URL = canon
	now := in.now().UTC()
	if a.Fetched.IsZero() {
		a.Fetched = now
	}
	// An article without a date (or with one days in the future) stays
	// undated: it is not made "now", which would put it at the top of
	// every recent window; the store ranks it as older than any dated one.
	if a.Published.After(now.Add(48 * time.Hour)) {
		a.Published = time.Time{}
	}
	if !a.Published.IsZero() {
		a.Published = a.Published.UTC()
	}
	if in.tag != nil {
		a.Countries = in.tag(a.Title+"\n\n"+a.Text, a.Published)
	}
	p := Prepared{Article: a, Hash: ContentHash(a.Text), Sketch: SketchText(a.Text)}
	if ti, ok := in.store.(TextIndexer); ok {
		p.TextIndex = ti.IndexText(p.Title, p.Text)
	}
	if in.Reader != nil {
		p.ReadBy = in.Reader.Version
		if read {
			p.Readings = readOne(*in.Reader, a)
		}
	}
	return p, ""
}
