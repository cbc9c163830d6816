package tone

import "sync"

// modelIndex is a model's weights numbered for reading: each feature name
// the model weighs has an id, its row of weights rows[id]. A sentence's
// features are looked up by the name built in a reused buffer, so that
// classifying builds no strings; the model's Weights stay what it is
// trained and stored as.
type modelIndex struct {
	ids  map[string]int32
	rows [][len(Classes)]float64
}

func indexModel(m *Model) *modelIndex {
	ix := &modelIndex{ids: make(map[string]int32, len(m.Weights)), rows: make([][len(Classes)]float64, 0, len(m.Weights))}
	for name, row := range m.Weights {
		ix.ids[name] = int32(len(ix.rows))
		ix.rows = append(ix.rows, row)
	}
	return ix
}

// embeddedIndex is the embedded model's index, built once.
var embeddedIndex = sync.OnceValue(func() *modelIndex {
	if m := embeddedModel(); m != nil {
		return indexModel(m)
	}
	return nil
})

// featWriter takes the features of one sentence as writeFeatures states
// them. With names set it keeps each feature's name, once (what training
// reads); with an index it keeps only the features the model weighs, by
// id, once each and in the order first stated (what classifying reads).
type featWriter struct {
	buf []byte
	// rule is the rule reading's class, which the model's prior favours.
	rule Class

	// Kept by name: seen and fs.
	seen map[string]bool
	fs   []string

	// Kept by id: ix, and the ids in the order first stated. stamp[id]
	// == gen marks an id already kept for this sentence.
	ix    *modelIndex
	ids   []int32
	stamp []uint32
	gen   uint32
}

// add states the feature named by the parts joined.
func (fw *featWriter) add(parts ...string) {
	fw.buf = fw.buf[:0]
	for _, p := range parts {
		fw.buf = append(fw.buf, p...)
	}
	if fw.ix == nil {
		// A fact counts once, however often the sentence states it.
		if name := string(fw.buf); !fw.seen[name] {
			fw.seen[name] = true
			fw.fs = append(fw.fs, name)
		}
		return
	}
	id, ok := fw.ix.ids[string(fw.buf)] // no string is built to look up
	if !ok || fw.stamp[id] == fw.gen {
		return
	}
	fw.stamp[id] = fw.gen
	fw.ids = append(fw.ids, id)
}

// reset readies fw to take a new sentence's features by id.
func (fw *featWriter) reset(ix *modelIndex) {
	if fw.ix != ix || len(fw.stamp) != len(ix.rows) {
		fw.ix, fw.stamp, fw.gen = ix, make([]uint32, len(ix.rows)), 0
	}
	fw.gen++
	if fw.gen == 0 {
		clear(fw.stamp)
		fw.gen = 1
	}
	fw.ids = fw.ids[:0]
}

// scratch holds the buffers one classification reuses.
type scratch struct {
	fw           featWriter
	near, inSide []bool
}

// marks returns *b cleared to n marks, grown as needed.
func (sc *scratch) marks(b *[]bool, n int) []bool {
	if cap(*b) < n {
		*b = make([]bool, n)
	}
	*b = (*b)[:n]
	clear(*b)
	return *b
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}
