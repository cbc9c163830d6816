package sources

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestStoryThreshold sets StoryThreshold between what the same wire copy
// scores under another outlet's dressing and what two different articles on
// the same meeting score.
func TestStoryThreshold(t *testing.T) {
	base := SketchText(wireBody)
	same := []string{
		"TOKYO (Example Herald) —\n\n" + strings.Replace(wireBody, "in the summer", "this summer", 1) + "\n\nReporting by the Example Herald staff. Comments are closed.",
		wireBody + "\n\nCopyright 2024 Example Post. All rights reserved. Sign up for our newsletter.",
		strings.Replace(strings.Replace(wireBody, "on Monday", "on Feb. 5", 1), "officials said", "according to officials", 1),
	}
	for i, text := range same {
		if sim := base.Similarity(SketchText(text)); sim < StoryThreshold {
			t.Errorf("syndicated copy %d: similarity %.2f, below the threshold %.2f", i, sim, StoryThreshold)
		}
	}
	different := []string{
		`Japan and Italy held their first talks between foreign and defence ministries in Rome on Thursday, a month after their prime ministers met in Tokyo.

The officials discussed the fighter jet programme they share with Britain, the planned visit of an Italian carrier group to Japanese ports and the coming Group of Seven summit in Apulia.`,
		`Italy's prime minister said on Monday that her country would use its Group of Seven presidency to focus on Africa, migration and artificial intelligence, speaking after talks with Japan's leader in Tokyo.`,
	}
	for i, text := range different {
		if sim := base.Similarity(SketchText(text)); sim >= StoryThreshold {
			t.Errorf("different article %d: similarity %.2f, at or above the threshold %.2f", i, sim, StoryThreshold)
		}
	}
	if sim := base.Similarity(SketchText("")); sim != 0 {
		t.Errorf("similarity with empty text = %.2f, want 0", sim)
	}
	if len(SketchText("").Buckets()) != 0 {
		t.Error("empty text must have no buckets")
	}
	if got := UnmarshalSketch(base.MarshalBinary()); got != base {
		t.Error("sketch does not survive a binary round trip")
	}
}

func TestContentHashFoldsCaseAndSpace(t *testing.T) {
	if string(ContentHash("Japan  and\nItaly")) != string(ContentHash("japan and italy")) {
		t.Error("hash must fold case and white space")
	}
	if string(ContentHash("Japan and Italy")) == string(ContentHash("Japan and France")) {
		t.Error("different texts must hash differently")
	}
}

// referenceContentHash and referenceWordHashes are the plain definitions
// that ContentHash and wordHashes compute in one pass: they must agree, or
// stored hashes and sketches would no longer match new ones.
func referenceContentHash(text string) []byte {
	h := sha256.New()
	for i, w := range strings.Fields(strings.ToLower(text)) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum(nil)
}

func referenceWordHashes(text string) []uint64 {
	var out []uint64
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		h := fnv.New64a()
		h.Write([]byte(strings.ToLower(w)))
		out = append(out, h.Sum64())
	}
	return out
}

// referenceBuckets is what Buckets computes, with the standard library's
// FNV-1a.
func referenceBuckets(s Sketch) []int64 {
	const rows = sketchSize / sketchBands
	var out []int64
	for b := 0; b < sketchBands; b++ {
		buf := binary.LittleEndian.AppendUint32(nil, uint32(b))
		empty := true
		for r := 0; r < rows; r++ {
			v := s[b*rows+r]
			empty = empty && v == ^uint32(0)
			buf = binary.LittleEndian.AppendUint32(buf, v)
		}
		if !empty {
			h := fnv.New64a()
			h.Write(buf)
			out = append(out, int64(h.Sum64()>>1))
		}
	}
	return out
}

func TestHashesAgreeWithTheirDefinitions(t *testing.T) {
	texts := []string{"", "  ", wireBody, "Ärger  über\tİstanbul\u00a0and ΣΟΦΙΑ's 2024 G7", "bad \xff\xfe bytes\xe2\x82 end", "ǅungla Ǆ ǆ"}
	for i := range 200 {
		var b strings.Builder
		for j := range 50 {
			b.WriteRune(rune((i*7919 + j*104729) % 0x3000))
			if j%5 == 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		if got, want := ContentHash(text), referenceContentHash(text); string(got) != string(want) {
			t.Errorf("ContentHash(%.30q) differs from its definition", text)
		}
		if got, want := wordHashes(text), referenceWordHashes(text); !slices.Equal(got, want) {
			t.Errorf("wordHashes(%.30q) = %d hashes, definition %d", text, len(got), len(want))
		}
		if sk := SketchText(text); !slices.Equal(sk.Buckets(), referenceBuckets(sk)) {
			t.Errorf("Buckets of %.30q differ from their definition", text)
		}
	}
}

func FuzzHashesAgreeWithTheirDefinitions(f *testing.F) {
	f.Add(wireBody)
	f.Add("Ärger \xff İ")
	f.Fuzz(func(t *testing.T, text string) {
		if string(ContentHash(text)) != string(referenceContentHash(text)) {
			t.Errorf("ContentHash(%q) differs from its definition", text)
		}
		if !slices.Equal(wordHashes(text), referenceWordHashes(text)) {
			t.Errorf("wordHashes(%q) differs from its definition", text)
		}
	})
}
