package sources

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Near-duplicate detection: a MinHash sketch over word shingles, banded for
// locality-sensitive lookup. Two articles whose sketches agree in at least
// StoryThreshold of their positions are the same story.
const (
	sketchSize  = 64 // MinHash values per article
	sketchBands = 16 // buckets per article; sketchSize/sketchBands rows each
	shingleLen  = 5  // words per shingle

	// StoryThreshold is the estimated Jaccard similarity of word shingles
	// at or above which two articles are one story. Set by
	// TestStoryThreshold: the same wire copy under another headline and
	// footer scores well above it, different articles on the same meeting
	// well below.
	StoryThreshold = 0.45
)

// Sketch is the MinHash signature of an article body.
type Sketch [sketchSize]uint32

// SketchText computes the sketch of text. Empty text gives a sketch that
// matches nothing (all values at their maximum).
func SketchText(text string) Sketch {
	var sk Sketch
	for i := range sk {
		sk[i] = ^uint32(0)
	}
	words := sketchWords(text)
	n := shingleLen
	if len(words) < n {
		n = len(words)
	}
	if n == 0 {
		return sk
	}
	// Hash each word once; a shingle's hash mixes its words' hashes, and
	// each of the sketch's values is a multiply-shift of that hash.
	wh := make([]uint64, len(words))
	for i, w := range words {
		h := fnv.New64a()
		h.Write([]byte(w))
		wh[i] = h.Sum64()
	}
	for i := 0; i+n <= len(wh); i++ {
		var base uint64
		for _, h := range wh[i : i+n] {
			base = mix64(base*0x100000001b3 ^ h)
		}
		for j := range sk {
			v := uint32((base*sketchSeeds[j] + sketchSeeds[sketchSize-1-j]) >> 32)
			if v < sk[j] {
				sk[j] = v
			}
		}
	}
	return sk
}

// Similarity estimates the Jaccard similarity of the two texts' shingle sets.
func (s Sketch) Similarity(o Sketch) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] && s[i] != ^uint32(0) {
			same++
		}
	}
	return float64(same) / sketchSize
}

// Buckets returns the LSH bucket keys of the sketch: articles that share any
// bucket are near-duplicate candidates.
func (s Sketch) Buckets() []int64 {
	const rows = sketchSize / sketchBands
	out := make([]int64, 0, sketchBands)
	var buf [4 + rows*4]byte
	for b := 0; b < sketchBands; b++ {
		binary.LittleEndian.PutUint32(buf[:4], uint32(b))
		empty := true
		for r := 0; r < rows; r++ {
			v := s[b*rows+r]
			if v != ^uint32(0) {
				empty = false
			}
			binary.LittleEndian.PutUint32(buf[4+r*4:], v)
		}
		if empty {
			continue
		}
		h := fnv.New64a()
		h.Write(buf[:])
		out = append(out, int64(h.Sum64()>>1))
	}
	return out
}

// MarshalBinary encodes the sketch in 256 bytes.
func (s Sketch) MarshalBinary() []byte {
	out := make([]byte, 4*sketchSize)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[i*4:], v)
	}
	return out
}

// UnmarshalSketch decodes MarshalBinary's output; a short input gives an
// empty sketch.
func UnmarshalSketch(b []byte) Sketch {
	var s Sketch
	for i := range s {
		if len(b) >= (i+1)*4 {
			s[i] = binary.LittleEndian.Uint32(b[i*4:])
		} else {
			s[i] = ^uint32(0)
		}
	}
	return s
}

// ContentHash is the hash that identifies an exact duplicate: the body with
// case and white space folded.
func ContentHash(text string) []byte {
	h := sha256.New()
	for i, w := range strings.Fields(strings.ToLower(text)) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum(nil)
}

// sketchWords splits text into lower-case letter-and-digit runs.
func sketchWords(text string) []string {
	words := make([]string, 0, len(text)/6)
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			words = append(words, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(text[start:]))
	}
	return words
}

// mix64 is the splitmix64 finaliser: a cheap, well-spread 64-bit mixer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// sketchSeeds are fixed so that sketches stay comparable across runs and
// versions; changing them needs a migration that recomputes every sketch.
var sketchSeeds = func() [sketchSize]uint64 {
	var seeds [sketchSize]uint64
	x := uint64(0x6174746163686521) // "attache!"
	for i := range seeds {
		x += 0x9e3779b97f4a7c15
		seeds[i] = mix64(x) | 1 // odd, so that multiplying by it is a bijection
	}
	return seeds
}()
