package briefing

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"attache/sources"
)

// storedPage is what the store's readings say of a page of candidates for
// a brief on two countries: for each article the engine's rules have read
// (the same rules, so the same answer as reading it here), whether it is
// about the pair, how much, and its tone for the pair. A brief reads in
// full only the stories it keeps, and the articles no reading covers.
type storedPage struct {
	about  map[int64]sources.StoredReading // read, and about the pair
	unread map[int64]bool                  // tagged with both, not read by these rules
	// lo and hi bound the ids the readings were asked for, and floor the
	// ids below which a list that reached its limit says nothing.
	lo, hi, floor int64
}

// storedPageLimit bounds each list of a page's readings; a page is at most
// candidateLimit articles.
const storedPageLimit = 4 * candidateLimit

// storedReadings returns the readings of the pair that the store keeps
// for a page of articles tagged with both (their ids, in any order), or
// nil when the store keeps none, the request is not on two countries, or
// the page is empty.
func (e *Engine) storedReadings(ctx context.Context, codes []string, ids []int64, noSample bool) (*storedPage, error) {
	pr, ok := e.corpus.(pairReadings)
	if !ok || !pairRequest(codes) || len(ids) == 0 {
		return nil, nil
	}
	lo, hi := slices.Min(ids), slices.Max(ids)
	since, until := sources.IDTime(lo), sources.IDTime(hi)
	read, unread, err := pr.PairReadings(ctx, sources.ReadingQuery{Pair: [2]string{codes[0], codes[1]}, Since: since, Until: until,
		NoSample: noSample, Version: e.pairs.Version(), Limit: storedPageLimit})
	if err != nil {
		return nil, err
	}
	p := &storedPage{about: make(map[int64]sources.StoredReading, len(read)), unread: make(map[int64]bool, len(unread))}
	p.lo, p.hi = sources.IDRange(since, until)
	p.floor = p.lo
	for _, r := range read {
		p.about[r.Article.ID] = r
	}
	for _, id := range unread {
		p.unread[id] = true
	}
	if len(read) == storedPageLimit {
		p.floor = max(p.floor, read[len(read)-1].Article.ID)
	}
	if len(unread) == storedPageLimit {
		p.floor = max(p.floor, unread[len(unread)-1])
	}
	return p, nil
}

// pairRequest tells whether codes are two countries, which the store
// keeps readings of.
func pairRequest(codes []string) bool {
	return len(codes) == 2 && codes[0] != codes[1]
}

// candidatePage is a page of a brief's candidates: the ids the store's
// search lists, in its order; what the store's readings say of them; and
// the articles read in full, keyed by id: every one of them, or, when the
// store lists ids and keeps readings, only those no reading covers.
type candidatePage struct {
	ids    []int64
	stored *storedPage
	arts   map[int64]sources.Article
}

// idSearcher is a store that lists the ids of a search without reading
// the articles (sources.Store).
type idSearcher interface {
	SearchIDs(ctx context.Context, q sources.Query) ([]int64, error)
}

var _ idSearcher = (sources.Store)(nil)

// candidates returns a page of up to limit candidates for the request in
// the window; seen are the candidates looked at before, which it need not
// read again. When the store lists ids, *listed keeps the window's first
// candidateLimit of them for the next page (a longer list of the same
// order begins with the shorter one).
func (e *Engine) candidates(ctx context.Context, req Request, since, until time.Time, noSample bool, limit int, seen map[int64]bool, listed *[]int64) (candidatePage, error) {
	q := sources.Query{Countries: req.Countries, Words: searchWords(req.Terms), Since: since, Until: until, Limit: limit, NoSample: noSample}
	var pg candidatePage
	unseen := func() []int64 {
		var out []int64
		for _, id := range pg.ids {
			if !seen[id] {
				out = append(out, id)
			}
		}
		return out
	}
	is, listsIDs := e.corpus.(idSearcher)
	pr, keepsReadings := e.corpus.(pairReadings)
	if listsIDs && keepsReadings && pairRequest(req.Countries) && len(q.Words) == 0 {
		if *listed == nil {
			q.Limit = max(limit, candidateLimit)
			ids, err := is.SearchIDs(ctx, q)
			if err != nil {
				return pg, err
			}
			*listed = append(make([]int64, 0, len(ids)), ids...)
		}
		pg.ids = (*listed)[:min(limit, len(*listed))]
		var err error
		fresh := unseen()
		if pg.stored, err = e.storedReadings(ctx, req.Countries, fresh, noSample); err != nil {
			return pg, err
		}
		var need []int64
		for _, id := range fresh {
			if _, known := pg.stored.lookup(id); !known {
				need = append(need, id)
			}
		}
		pg.arts = map[int64]sources.Article{}
		if len(need) > 0 {
			arts, err := pr.ArticlesByID(ctx, need)
			if err != nil {
				return pg, err
			}
			for _, a := range arts {
				pg.arts[a.ID] = a
			}
		}
		return pg, nil
	}
	arts, err := e.corpus.Search(ctx, q)
	if err != nil {
		return pg, err
	}
	pg.ids = make([]int64, len(arts))
	pg.arts = make(map[int64]sources.Article, len(arts))
	for i, a := range arts {
		pg.ids[i] = a.ID
		pg.arts[a.ID] = a
	}
	pg.stored, err = e.storedReadings(ctx, req.Countries, unseen(), noSample)
	return pg, err
}

// fetchChosen reads in full the articles of cands[from:] that the
// readings chose by id alone; one gone since is left out.
func (e *Engine) fetchChosen(ctx context.Context, cands []candidate, from int) ([]candidate, error) {
	var ids []int64
	for _, c := range cands[from:] {
		if c.bare {
			ids = append(ids, c.art.ID)
		}
	}
	if len(ids) == 0 {
		return cands, nil
	}
	arts, err := e.corpus.(pairReadings).ArticlesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]sources.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := cands[:from]
	for _, c := range cands[from:] {
		if c.bare {
			a, ok := byID[c.art.ID]
			if !ok {
				continue
			}
			c.art, c.bare = a, false
		}
		out = append(out, c)
	}
	return out, nil
}

// lookup says what the readings know of article id: its reading of the
// pair if it is about the pair, or known with a zero reading when these
// rules read it and found it not about the pair. known is false when the
// article must be read here: not read by these rules, or outside what the
// readings were asked for.
func (p *storedPage) lookup(id int64) (r sources.StoredReading, known bool) {
	if p == nil {
		return r, false
	}
	if r, ok := p.about[id]; ok {
		return r, true
	}
	if p.unread[id] || id < p.floor || id > p.hi {
		return r, false
	}
	return r, true
}

// readStories reads the stories a brief keeps that the store's readings
// chose: the summary and the quotes read their sentences.
func (e *Engine) readStories(stories []candidate) {
	parallel(len(stories), func(i int) {
		if c := &stories[i]; c.reading == nil {
			c.reading = e.rel.Read(c.art.Title, c.art.Text, c.art.Published)
		}
	})
}

// parallel calls f for each of 0 to n-1 on as many cores as there are,
// and returns when every call has.
func parallel(n int, f func(k int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for k := range n {
			f(k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := int(next.Add(1)) - 1; k < n; k = int(next.Add(1)) - 1 {
				f(k)
			}
		}()
	}
	wg.Wait()
}

// storyTone is a story's tone for the pair: from the store's record when
// its readings chose the story, else from the story's reading (the
// relevance reading that selected it is the one the pair reader makes).
func (e *Engine) storyTone(c candidate, pair [2]string) toneRead {
	if c.stored != nil {
		if st, err := decodeTone(c.stored); err == nil {
			return toneRead{st: st, strength: c.score}
		}
	}
	if c.reading == nil {
		return e.tones.read(c.art, pair)
	}
	pair = sortedPair(pair[0], pair[1])
	return e.pairs.readPair(c.reading, pair, e.pairs.partiesOf(c.reading, c.art.Published))
}
