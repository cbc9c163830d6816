package briefing

import (
	"strings"
	"testing"
	"time"
)

// A digest on a pair shows each story's tone with the sentence that
// carries it in the terminal too; a story without evidence shows none.
func TestDigestTextShowsToneWithItsSentence(t *testing.T) {
	at := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	d := &Digest{Since: at.Add(-24 * time.Hour), Filter: "both Peru and Chile", Stories: []Story{
		{ID: 1, Headline: "Peru and Chile sign a port accord", Published: at,
			Articles: []ArticleRef{{Source: "Wire", URL: "https://wire.example/1"}},
			Tone:     &ToneTag{Class: "material_cooperation", Evidence: "Peru and Chile signed a port accord in Lima.", Cue: "signed"}},
		{ID: 2, Headline: "Ministers meet again", Published: at,
			Articles: []ArticleRef{{Source: "Wire", URL: "https://wire.example/2"}},
			Tone:     &ToneTag{Class: "neither"}},
	}}
	var b strings.Builder
	if err := RenderDigestText(&b, d, 100); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "material cooperation: “Peru and Chile signed a port accord in Lima.”") {
		t.Errorf("digest lacks the first story's tone and sentence:\n%s", out)
	}
	if strings.Count(out, "“") != 1 {
		t.Errorf("digest shows a tone for a story without evidence:\n%s", out)
	}
}
