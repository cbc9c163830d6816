package briefing

import (
	"sync"
	"time"

	"attache/briefing/tone"
	"attache/sources"
)

// toneReader reads articles for the tone of a pair: whether the article is
// about the pair (the relevance rule), and if so the tone of its sentences
// about the pair. What it read is kept, a bounded number of entries, so
// that timelines and the trend lines of briefs do not read an article
// twice; stored articles do not change without a new fetch time.
type toneReader struct {
	cls    *tone.Classifier
	finder *tone.Finder

	mu    sync.Mutex
	cache map[toneKey]toneRead
	ring  []toneKey // insertion order, for eviction
	next  int

	// timelines keeps drawn timelines while no article has been stored
	// since: a pair asked again within the hour costs one look at the
	// store.
	tlMu      sync.Mutex
	timelines map[timelineKey]timelineEntry
}

// timelineKey names a timeline: the pair, the window to the hour, the
// periods and whether the sample was left out.
type timelineKey struct {
	pair         [2]string
	since, until int64
	by           string
	noSample     bool
}

type timelineEntry struct {
	t    *Timeline
	at   time.Time // the newest article's storing time when it was drawn
	last int       // articles stored in at's second or after, then
}

// maxTimelines bounds the timelines kept.
const maxTimelines = 256

func (tr *toneReader) timeline(k timelineKey) (timelineEntry, bool) {
	tr.tlMu.Lock()
	defer tr.tlMu.Unlock()
	e, ok := tr.timelines[k]
	return e, ok
}

func (tr *toneReader) keepTimeline(k timelineKey, e timelineEntry) {
	tr.tlMu.Lock()
	defer tr.tlMu.Unlock()
	if tr.timelines == nil || len(tr.timelines) >= maxTimelines {
		tr.timelines = map[timelineKey]timelineEntry{}
	}
	tr.timelines[k] = e
}

// toneCacheSize bounds the articles kept read: about 200 bytes each.
const toneCacheSize = 50000

type toneKey struct {
	id      int64
	pair    [2]string
	fetched int64
	size    int
}

// toneRead is an article read for a pair.
type toneRead struct {
	st       tone.StoryTone
	strength float64 // 0: not about the pair
}

func newToneReader(e *Engine) *toneReader {
	return &toneReader{cls: tone.New(), finder: tone.NewFinder(e.gaz), cache: map[toneKey]toneRead{}, ring: make([]toneKey, 0, 1024)}
}

// read returns the article's tone for the pair, reading it if need be.
func (tr *toneReader) read(e *Engine, a sources.Article, pair [2]string) toneRead {
	key := toneKey{id: a.ID, pair: pair, fetched: a.Fetched.UnixNano(), size: len(a.Text)}
	tr.mu.Lock()
	r, ok := tr.cache[key]
	tr.mu.Unlock()
	if ok {
		return r
	}
	r = tr.readArticle(e, a, pair)
	tr.mu.Lock()
	if _, ok := tr.cache[key]; !ok {
		if len(tr.ring) < toneCacheSize {
			tr.ring = append(tr.ring, key)
		} else {
			delete(tr.cache, tr.ring[tr.next])
			tr.ring[tr.next] = key
			tr.next = (tr.next + 1) % toneCacheSize
		}
		tr.cache[key] = r
	}
	tr.mu.Unlock()
	return r
}

func (tr *toneReader) readArticle(e *Engine, a sources.Article, pair [2]string) toneRead {
	codes := pair[:]
	if !e.rel.Prominent(a.Title, a.Text, a.Published, codes) {
		return toneRead{} // not about the pair: the headline and lede say so, cheaply
	}
	rd := e.rel.Read(a.Title, a.Text, a.Published)
	strength := rd.Strength(codes)
	if strength == 0 {
		return toneRead{}
	}
	sents := rd.Sentences()
	var tags []tone.Tag
	for i, s := range sents {
		if !rd.SentenceAbout(i, codes) {
			continue
		}
		in := tone.Sentence{Text: s.Text, Pair: pair, Parties: tr.finder.Parties(s.Text, a.Published)}
		if i > 0 && !sents[i-1].Heading {
			in.Context = sents[i-1].Text
			in.ContextParties = tr.finder.Parties(in.Context, a.Published)
		}
		tags = append(tags, tr.cls.Classify(in))
	}
	return toneRead{st: tone.Story(tags), strength: strength}
}
