package sources

import (
	"strings"
	"testing"
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
