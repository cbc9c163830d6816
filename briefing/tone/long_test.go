package tone

import (
	"strings"
	"testing"
)

// A text far longer than any sentence, full of parties and cues, is read
// as far as a sentence would go.
func TestLongTextIsBounded(t *testing.T) {
	text := strings.Repeat("The U.S. imposed tariffs on Japan and Japan protested to the U.S. ", 3000)
	s := sentence(t, text, [2]string{"US", "JP"})
	tag := New().Classify(s)
	if tag.Class != MaterialConflict || tag.CueEnd > 200 {
		t.Errorf("class = %s from %q at %d, want material conflict from the first clause", tag.Class, tag.Cue, tag.CueStart)
	}
}
