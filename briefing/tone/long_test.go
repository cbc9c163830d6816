package tone

import (
	"strings"
	"testing"
)

// A text far longer than any sentence, full of parties and cues, is read
// as far as a sentence would go: it is tagged as its first maxWords words
// are, from a cue among them.
func TestLongTextIsBounded(t *testing.T) {
	text := strings.Repeat("The U.S. imposed tariffs on Japan and Japan protested to the U.S. ", 3000)
	c := New()
	tag := c.Classify(sentence(t, text, [2]string{"US", "JP"}))
	head := text[:tokens(text)[maxWords-1].End]
	want := c.Classify(sentence(t, head, [2]string{"US", "JP"}))
	if tag.Class != want.Class || tag.Class == Neither || tag.CueEnd > len(head) {
		t.Errorf("long text: %s from %q at %d; its first %d words: %s", tag.Class, tag.Cue, tag.CueStart, maxWords, want.Class)
	}
}
