package briefing

import (
	"sync"

	"attache/briefing/tone"
	"attache/sources"
)

// toneReader reads articles for the tone of a pair with the PairReader,
// for the stories of a brief and the articles a store has no reading of.
// What it read is kept, a bounded number of entries, so that briefs and
// timelines do not read an article twice; stored articles do not change
// without a new fetch time.
type toneReader struct {
	pairs *PairReader

	mu    sync.Mutex
	cache map[toneKey]toneRead
	ring  []toneKey // insertion order, for eviction
	next  int
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

func newToneReader(pairs *PairReader) *toneReader {
	return &toneReader{pairs: pairs, cache: map[toneKey]toneRead{}, ring: make([]toneKey, 0, 1024)}
}

// read returns the article's tone for the pair, reading it if need be.
func (tr *toneReader) read(a sources.Article, pair [2]string) toneRead {
	pair = sortedPair(pair[0], pair[1])
	key := toneKey{id: a.ID, pair: pair, fetched: a.Fetched.UnixNano(), size: len(a.Text)}
	tr.mu.Lock()
	r, ok := tr.cache[key]
	tr.mu.Unlock()
	if ok {
		return r
	}
	r = tr.pairs.read(a, pair)
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
