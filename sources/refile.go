package sources

import (
	"hash/fnv"
	"strings"
	"time"
)

// Refiles: one outlet's versions of one story. A wire files a short
// version and, minutes or hours later, a longer one under the same
// headline and a new URL; the short text is most of the long one, so the
// two are one story, though their shingle sets' Jaccard similarity (about
// short/long) stays under StoryThreshold. The save rules join an article
// to the story of a stored or earlier one of the same source under the
// same case- and space-folded title, published within RefileWindow of it,
// when at least RefileContainment of the shorter text's three-word
// shingles are in the longer.
const (
	// RefileWindow is how far apart in publication time two versions of
	// one story may be.
	RefileWindow = 48 * time.Hour

	// RefileContainment is the share of the shorter text's three-word
	// shingles that must be in the longer's. A refile repeats the
	// shorter version with few edits (each edited word breaks up to three
	// shingles: 0.8 allows about one word in fifteen), where items under
	// a recurring headline (a list of filings, a table of rates) share
	// their set phrases but not their content. Precision first: rewrites
	// of one event under one headline below it stay apart.
	RefileContainment = 0.8

	refileShingleLen = 3
)

// TitleKey is the story-bucket key of an article's source and case- and
// space-folded title: articles that share it are refile candidates. The
// keys are negative, the sketch's band keys (Sketch.Buckets) never are,
// so the two kinds share the bucket table without meeting.
func TitleKey(source, title string) int64 {
	h := fnv.New64a()
	h.Write([]byte(source))
	h.Write([]byte{0})
	h.Write([]byte(foldTitle(title)))
	return int64(mix64(h.Sum64()) | 1<<63)
}

// foldTitle is a title lower-cased, its words one space apart.
func foldTitle(title string) string {
	return strings.Join(strings.Fields(strings.ToLower(title)), " ")
}

// sameTitle reports whether two articles have one source and one folded
// title (a title key may be shared by chance, or be stale).
func sameTitle(source1, title1, source2, title2 string) bool {
	return source1 == source2 && foldTitle(title1) == foldTitle(title2)
}

// shingleSet is the set of a text's three-word shingle hashes (a text of
// fewer words gives one shingle of all of them).
func shingleSet(text string) map[uint64]struct{} {
	wh := wordHashes(text)
	set := make(map[uint64]struct{}, max(len(wh)-refileShingleLen+1, 1))
	for h := range shingles(wh, refileShingleLen) {
		set[h] = struct{}{}
	}
	return set
}

// Containment is the share of the smaller of two shingle sets that is in
// the larger: 1 when one text's three-word shingles are all in the
// other's, whatever the other adds. Two empty texts give 0.
func Containment(a, b map[uint64]struct{}) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	in := 0
	for h := range a {
		if _, ok := b[h]; ok {
			in++
		}
	}
	return float64(in) / float64(len(a))
}

// TextContainment is Containment of two texts' three-word shingles.
func TextContainment(a, b string) float64 { return Containment(shingleSet(a), shingleSet(b)) }
