package briefing

import (
	"context"
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
// for a page of articles tagged with both (newest first or not), or nil
// when the store keeps none, the request is not on two countries, or the
// page is empty.
func (e *Engine) storedReadings(ctx context.Context, codes []string, arts []sources.Article, noSample bool) (*storedPage, error) {
	pr, ok := e.corpus.(pairReadings)
	if !ok || len(codes) != 2 || codes[0] == codes[1] || len(arts) == 0 {
		return nil, nil
	}
	since, until := arts[0].Published, arts[0].Published
	for _, a := range arts[1:] {
		if a.Published.Before(since) {
			since = a.Published
		}
		if a.Published.After(until) {
			until = a.Published
		}
	}
	// Whole seconds: the store keys ids by the second of publication.
	since, until = time.Unix(since.Unix(), 0), time.Unix(until.Unix(), 0)
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
	for i := range stories {
		if c := &stories[i]; c.reading == nil {
			c.reading = e.rel.Read(c.art.Title, c.art.Text, c.art.Published)
		}
	}
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
