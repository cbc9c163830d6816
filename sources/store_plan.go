package sources

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// The rules by which a batch of prepared articles becomes rows, shared by
// the engines so that the same articles get the same ids, story ids and
// outcomes whichever engine stores them. An engine reads what the rules
// need inside its write transaction (SaveReader), calls PlanSave, and
// writes the plan.
//
// The rules, for each article in publication order (ties in batch order),
// as if the batch were saved one article at a time:
//   - an article whose URL is stored is Unchanged when its content hash is
//     the stored one, a Duplicate when another article has its hash, and
//     otherwise Updated in place (same id and story id, new text, tags and
//     buckets);
//   - a new URL whose hash is stored is a Duplicate;
//   - otherwise it is Added, with the next free id in its publication
//     second (id = seconds * 1000 + n), and the story id of the most
//     similar article sharing a bucket with it (similarity at least
//     StoryThreshold; ties to the lowest article id); failing that, of
//     the article of the same source and folded title, published within
//     RefileWindow of it, whose text holds the most of the shorter one's
//     (containment at least RefileContainment; ties to the lowest id: a
//     refile, see refile.go); or its own id.

// StoredArticle is what the save rules know of a stored article.
type StoredArticle struct {
	ID      int64
	StoryID int64
	Hash    []byte
	Sketch  Sketch
	// Title and Source are read for the articles found by URL (an update
	// removes their title key) and for refile candidates; Text for
	// refile candidates alone.
	Title, Source, Text string
}

// Keys are the keys of a stored article's story-bucket rows: its
// sketch's band keys and its title key (Title and Source must be read).
func (a StoredArticle) Keys() []int64 { return storyKeys(a.Sketch, a.Source, a.Title) }

// storyKeys are the story-bucket keys of an article: its sketch's band
// keys and its title key.
func storyKeys(sk Sketch, source, title string) []int64 {
	return append(sk.Buckets(), TitleKey(source, title))
}

// SaveReader is what PlanSave reads from an engine inside the engine's
// write transaction, so that nothing changes between the reads and the
// writes.
type SaveReader interface {
	// StoredByURL returns the stored articles with these URLs, by URL.
	StoredByURL(ctx context.Context, urls []string) (map[string]StoredArticle, error)
	// IDsByHash returns the ids of the stored articles with these content
	// hashes, keyed by string(hash).
	IDsByHash(ctx context.Context, hashes [][]byte) (map[string]int64, error)
	// SharingBuckets returns the stored articles that have any of these
	// story buckets, each once.
	SharingBuckets(ctx context.Context, buckets []int64) ([]StoredArticle, error)
	// SameTitle returns the stored articles that have any of these title
	// keys (TitleKey) and ids in [lo, hi], each once, with their titles,
	// sources and texts.
	SameTitle(ctx context.Context, keys []int64, lo, hi int64) ([]StoredArticle, error)
	// LastIDs returns, for each publication second s, the largest article
	// id in [s*1000, s*1000+1000); seconds without one are left out.
	LastIDs(ctx context.Context, seconds []int64) (map[int64]int64, error)
	// LastID returns the largest article id in [lo, hi); ok is false when
	// there is none.
	LastID(ctx context.Context, lo, hi int64) (id int64, ok bool, err error)
}

// SavePlan is what an engine writes for a batch: the updates first, in
// their order (an update may free a content hash that a later one, or a
// new article, takes), then the inserts.
type SavePlan struct {
	// Results are in the batch's order.
	Results []Result
	// Inserts are the new articles, in the order they were planned
	// (publication order).
	Inserts []PlannedArticle
	// Updates are the articles changed in place.
	Updates []PlannedArticle
}

// PlannedArticle is an article to write with its id and story id. Index
// is its place in the batch. For an update, Old is the stored article
// before it (its buckets are the ones to remove).
type PlannedArticle struct {
	*Prepared
	Index       int
	ID, StoryID int64
	Old         StoredArticle
}

// ReadBy lists the versions of the readers that read the articles the plan
// writes (0 for one not read): a seal of the readings by another version
// breaks.
func (p *SavePlan) ReadBy() []int64 {
	var out []int64
	for _, a := range p.Updates {
		out = append(out, a.ReadBy)
	}
	for _, a := range p.Inserts {
		out = append(out, a.ReadBy)
	}
	return out
}

// Buckets are the keys of the article's story-bucket rows: its sketch's
// band keys and its title key.
func (p PlannedArticle) Buckets() []int64 { return storyKeys(p.Sketch, p.Source, p.Title) }

// PublicationOrder returns the indexes of batch in the order articles are
// saved: by publication time, ties in batch order. Ids follow publication
// time, and a full-text index writes fastest when ids come in order.
func PublicationOrder(batch []Prepared) []int {
	order := make([]int, len(batch))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return batch[order[a]].Published.Before(batch[order[b]].Published) })
	return order
}

// PlanSave applies the save rules to a batch, reading what it needs from r.
func PlanSave(ctx context.Context, r SaveReader, batch []Prepared) (*SavePlan, error) {
	p := &planner{
		byURL:   map[string]StoredArticle{},
		byHash:  map[string]int64{},
		buckets: map[int64][]int64{},
		known:   map[int64]StoredArticle{},
		titles:  map[int64][]*refileCandidate{},
	}
	if err := p.load(ctx, r, batch); err != nil {
		return nil, err
	}
	plan := &SavePlan{Results: make([]Result, len(batch))}
	for _, i := range PublicationOrder(batch) {
		res, err := p.planOne(ctx, r, plan, batch, i)
		if err != nil {
			return nil, fmt.Errorf("sources: save %q: %w", batch[i].URL, err)
		}
		plan.Results[i] = res
	}
	return plan, nil
}

// planner is the state of the rules within one batch: the stored articles
// as the batch has changed them so far.
type planner struct {
	byURL   map[string]StoredArticle
	byHash  map[string]int64
	buckets map[int64][]int64            // bucket: article ids, ascending
	known   map[int64]StoredArticle      // article id: its current state, for story candidates
	lastID  map[int64]int64              // publication second: largest id taken
	taken   []int64                      // ids taken by this batch, ascending
	titles  map[int64][]*refileCandidate // title key: refile candidates, ascending ids
}

// refileCandidate is a stored or planned article under a title key.
type refileCandidate struct {
	id, story     int64
	source, title string
	text          string
	shingles      map[uint64]struct{} // of text, once needed
}

func (p *planner) load(ctx context.Context, r SaveReader, batch []Prepared) error {
	urls := make([]string, 0, len(batch))
	hashes := make([][]byte, 0, len(batch))
	var buckets, seconds []int64
	for i := range batch {
		a := &batch[i]
		urls = append(urls, a.URL)
		hashes = append(hashes, a.Hash)
		buckets = append(buckets, a.Sketch.Buckets()...)
		seconds = append(seconds, idSecond(a.Published))
	}
	var err error
	if p.byURL, err = r.StoredByURL(ctx, dedupe(urls)); err != nil {
		return fmt.Errorf("sources: look up URLs: %w", err)
	}
	if p.byHash, err = r.IDsByHash(ctx, hashes); err != nil {
		return fmt.Errorf("sources: look up hashes: %w", err)
	}
	if p.lastID, err = r.LastIDs(ctx, dedupe(seconds)); err != nil {
		return fmt.Errorf("sources: look up ids: %w", err)
	}
	near, err := r.SharingBuckets(ctx, dedupe(buckets))
	if err != nil {
		return fmt.Errorf("sources: look up story buckets: %w", err)
	}
	for _, a := range near {
		p.index(a)
	}
	if err := p.loadTitles(ctx, r, batch); err != nil {
		return fmt.Errorf("sources: look up titles: %w", err)
	}
	// Articles found by URL may be updated in this batch: their buckets
	// must be known to be moved.
	for _, a := range p.byURL {
		if _, ok := p.known[a.ID]; !ok {
			p.index(a)
		}
	}
	return nil
}

// loadTitles reads the stored refile candidates of the batch's dated
// articles: those under their title keys published within RefileWindow
// of the batch's span.
func (p *planner) loadTitles(ctx context.Context, r SaveReader, batch []Prepared) error {
	var keys []int64
	var first, last int64
	for i := range batch {
		a := &batch[i]
		if !dated(a.Published) {
			continue
		}
		sec := idSecond(a.Published)
		if len(keys) == 0 || sec < first {
			first = sec
		}
		last = max(last, sec)
		keys = append(keys, TitleKey(a.Source, a.Title))
	}
	if len(keys) == 0 {
		return nil
	}
	window := int64(RefileWindow / time.Second)
	same, err := r.SameTitle(ctx, dedupe(keys), (first-window)*idScale, (last+window+1)*idScale-1)
	if err != nil {
		return err
	}
	for _, a := range same {
		p.addTitled(a.ID, a.StoryID, a.Source, a.Title, a.Text)
	}
	return nil
}

// dated reports whether an article has a publication time a refile
// window can be measured from.
func dated(t time.Time) bool { return t.Unix() > 1 }

// addTitled makes an article a refile candidate under its title key (an
// undated one, in the ids' first second, is never taken).
func (p *planner) addTitled(id, story int64, source, title, text string) {
	key := TitleKey(source, title)
	cands := p.titles[key]
	at, found := slices.BinarySearchFunc(cands, id, byCandidateID)
	c := &refileCandidate{id: id, story: story, source: source, title: title, text: text}
	if found {
		cands[at] = c
		return
	}
	p.titles[key] = slices.Insert(cands, at, c)
}

// byCandidateID orders refile candidates by article id, for a binary
// search.
func byCandidateID(c *refileCandidate, id int64) int { return cmp.Compare(c.id, id) }

// removeTitled drops an article from the refile candidates of its title
// key.
func (p *planner) removeTitled(id int64, source, title string) {
	key := TitleKey(source, title)
	cands := p.titles[key]
	if at, found := slices.BinarySearchFunc(cands, id, byCandidateID); found {
		p.titles[key] = slices.Delete(cands, at, at+1)
	}
}

// refileStory returns the story id of the article under a's title key,
// of a's source and folded title and published within RefileWindow of
// it, whose text and a's have the highest containment, at least
// RefileContainment (ties to the lowest id); or self when there is none.
func (p *planner) refileStory(a *Prepared, self int64) int64 {
	if !dated(a.Published) {
		return self
	}
	cands := p.titles[TitleKey(a.Source, a.Title)]
	window := int64(RefileWindow / time.Second)
	sec := self / idScale
	var mine map[uint64]struct{}
	best, bestC := self, 0.0
	for _, c := range cands {
		csec := c.id / idScale
		if c.id == self || csec <= 1 || max(csec-sec, sec-csec) > window || !sameTitle(a.Source, a.Title, c.source, c.title) {
			continue
		}
		if mine == nil {
			mine = shingleSet(a.Text)
		}
		if c.shingles == nil {
			c.shingles = shingleSet(c.text)
		}
		if k := Containment(mine, c.shingles); k >= RefileContainment && k > bestC {
			best, bestC = c.story, k
		}
	}
	return best
}

// index makes a stored or planned article a story candidate.
func (p *planner) index(a StoredArticle) {
	p.known[a.ID] = a
	for _, b := range a.Sketch.Buckets() {
		ids := p.buckets[b]
		at, found := slices.BinarySearch(ids, a.ID)
		if !found {
			p.buckets[b] = slices.Insert(ids, at, a.ID)
		}
	}
}

// unindex removes an article's buckets (before they change).
func (p *planner) unindex(a StoredArticle) {
	for _, b := range a.Sketch.Buckets() {
		ids := p.buckets[b]
		if at, found := slices.BinarySearch(ids, a.ID); found {
			p.buckets[b] = slices.Delete(ids, at, at+1)
		}
	}
	delete(p.known, a.ID)
}

func (p *planner) planOne(ctx context.Context, r SaveReader, plan *SavePlan, batch []Prepared, i int) (Result, error) {
	a := &batch[i]
	res := Result{Title: a.Title, URL: a.URL}
	if old, ok := p.byURL[a.URL]; ok {
		res.ID, res.StoryID = old.ID, old.StoryID
		if string(old.Hash) == string(a.Hash) {
			res.Outcome = Unchanged
			return res, nil
		}
		if other, ok := p.byHash[string(a.Hash)]; ok {
			res.Outcome, res.DuplicateOf = Duplicate, other
			return res, nil
		}
		plan.Updates = append(plan.Updates, PlannedArticle{Prepared: a, Index: i, ID: old.ID, StoryID: old.StoryID, Old: old})
		now := StoredArticle{ID: old.ID, StoryID: old.StoryID, Hash: a.Hash, Sketch: a.Sketch, Title: a.Title, Source: a.Source}
		delete(p.byHash, string(old.Hash))
		p.byHash[string(a.Hash)] = old.ID
		p.byURL[a.URL] = now
		p.unindex(old)
		p.index(now)
		p.removeTitled(old.ID, old.Source, old.Title)
		p.addTitled(old.ID, old.StoryID, a.Source, a.Title, a.Text)
		res.Outcome = Updated
		return res, nil
	}
	if other, ok := p.byHash[string(a.Hash)]; ok {
		res.Outcome, res.DuplicateOf = Duplicate, other
		return res, nil
	}
	id, err := p.allocateID(ctx, r, a.Published)
	if err != nil {
		return res, err
	}
	story := p.findStory(a.Sketch, id)
	if story == id {
		story = p.refileStory(a, id)
	}
	plan.Inserts = append(plan.Inserts, PlannedArticle{Prepared: a, Index: i, ID: id, StoryID: story})
	now := StoredArticle{ID: id, StoryID: story, Hash: a.Hash, Sketch: a.Sketch, Title: a.Title, Source: a.Source}
	p.byURL[a.URL] = now
	p.byHash[string(a.Hash)] = id
	p.index(now)
	p.addTitled(id, story, a.Source, a.Title, a.Text)
	res.Outcome, res.ID, res.StoryID = Added, id, story
	return res, nil
}

// idSecond is the publication second an article's id is taken in; times
// before 1970 share the first second.
func idSecond(t time.Time) int64 { return max(t.Unix(), 1) }

// allocateID returns the next free id in t's second; when the second is
// full (only generated corpora get there), the one after the largest id
// of the following hour.
func (p *planner) allocateID(ctx context.Context, r SaveReader, t time.Time) (int64, error) {
	sec := idSecond(t)
	base := sec * idScale
	last, ok := p.lastID[sec]
	var id int64
	switch {
	case !ok:
		id = base
	case last+1 < base+idScale:
		id = last + 1
	default:
		hi := base + idScale*3600
		stored, found, err := r.LastID(ctx, base, hi)
		if err != nil {
			return 0, err
		}
		if !found {
			stored = base - 1
		}
		// Ids this batch took in that hour are not stored yet.
		if at, _ := slices.BinarySearch(p.taken, hi); at > 0 && p.taken[at-1] >= base {
			stored = max(stored, p.taken[at-1])
		}
		id = stored + 1
	}
	// An id past its own second (after a full one) counts in the second
	// it falls in, as a stored one would.
	if in := id / idScale; id > p.lastID[in] {
		p.lastID[in] = id
	}
	at, _ := slices.BinarySearch(p.taken, id)
	p.taken = slices.Insert(p.taken, at, id)
	return id, nil
}

// findStory returns the story id of the most similar known article whose
// sketch is at least StoryThreshold alike (ties to the lowest id), or
// self when there is none.
func (p *planner) findStory(sk Sketch, self int64) int64 {
	var cands []int64
	for _, b := range sk.Buckets() {
		cands = append(cands, p.buckets[b]...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	best, bestSim := self, 0.0
	for _, id := range cands {
		a := p.known[id]
		if sim := sk.Similarity(a.Sketch); sim >= StoryThreshold && sim > bestSim {
			best, bestSim = a.StoryID, sim
		}
	}
	return best
}

// dedupe returns the distinct values of vs, sorted.
func dedupe[T interface{ ~int64 | ~string }](vs []T) []T {
	out := slices.Clone(vs)
	slices.Sort(out)
	return slices.Compact(out)
}

// JoinCountries is how an article's country codes are stored in one column.
func JoinCountries(codes []string) string { return strings.Join(codes, ",") }

// SplitCountries reads JoinCountries's column back.
func SplitCountries(col string) []string {
	if col == "" {
		return nil
	}
	return strings.Split(col, ",")
}
