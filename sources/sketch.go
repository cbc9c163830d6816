package sources

import (
	"crypto/sha256"
	"encoding/binary"
	"iter"

	"unicode"
	"unicode/utf8"
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
	// Hash each word once; a shingle's hash mixes its words' hashes, and
	// each of the sketch's values is a multiply-shift of that hash.
	for base := range shingles(wordHashes(text), shingleLen) {
		for j := range sk {
			v := uint32((base*sketchSeeds[j] + sketchSeeds[sketchSize-1-j]) >> 32)
			if v < sk[j] {
				sk[j] = v
			}
		}
	}
	return sk
}

// shingles yields the hash of each run of n words (of all the words when
// there are fewer), mixed from the words' hashes; nothing for no words.
func shingles(wh []uint64, n int) iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		n = min(n, len(wh))
		if n == 0 {
			return
		}
		for i := 0; i+n <= len(wh); i++ {
			var h uint64
			for _, w := range wh[i : i+n] {
				h = mix64(h*0x100000001b3 ^ w)
			}
			if !yield(h) {
				return
			}
		}
	}
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
		h := uint64(fnvOffset)
		for _, c := range buf {
			h = (h ^ uint64(c)) * fnvPrime
		}
		out = append(out, int64(h>>1))
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
// case and white space folded (the words of the lower-cased text, one
// space between them). It reads the text once, without copies: it runs
// for every article ingested.
func ContentHash(text string) []byte {
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	inWord, words := false, 0
	for i := 0; i < len(text); {
		// ASCII, most of any text, a byte at a time by table; other runes
		// as a range loop reads them (an invalid byte is U+FFFD).
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			if asciiClass[c]&asciiSpace != 0 {
				inWord = false
				i++
				continue
			}
			r = rune(asciiLower[c])
			i++
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsSpace(r) {
				inWord = false
				continue
			}
		}
		if !inWord {
			if words > 0 {
				buf = append(buf, ' ')
			}
			inWord = true
			words++
		}
		if r < utf8.RuneSelf {
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		if len(buf) > 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return h.Sum(nil)
}

// asciiClass marks the ASCII bytes that unicode.IsSpace, unicode.IsLetter
// and unicode.IsDigit hold true; asciiLower lower-cases an ASCII byte.
var asciiClass, asciiLower = func() (class, lower [utf8.RuneSelf]byte) {
	for c := range rune(utf8.RuneSelf) {
		if unicode.IsSpace(c) {
			class[c] |= asciiSpace
		}
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			class[c] |= asciiWord
		}
		lower[c] = byte(unicode.ToLower(c))
	}
	return class, lower
}()

const (
	asciiSpace = 1 << iota
	asciiWord
)

// FNV-1a, 64 bits: the hash of a word in a sketch.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHashes returns the FNV-1a hash of each lower-cased letter-and-digit
// run of text, in order, hashing as it reads.
func wordHashes(text string) []uint64 {
	out := make([]uint64, 0, len(text)/6)
	h, in := uint64(fnvOffset), false
	var enc [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if asciiClass[c]&asciiWord == 0 {
				if in {
					out = append(out, h)
					h, in = fnvOffset, false
				}
				continue
			}
			in = true
			h = (h ^ uint64(asciiLower[c])) * fnvPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if in {
				out = append(out, h)
				h, in = fnvOffset, false
			}
			continue
		}
		in = true
		for _, c := range enc[:utf8.EncodeRune(enc[:], unicode.ToLower(r))] {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	if in {
		out = append(out, h)
	}
	return out
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
