package sources

import (
	"math"
	"testing"
)

func TestTitleKey(t *testing.T) {
	k := TitleKey("Example Wire", "Dock strike halts grain loading")
	if k >= 0 {
		t.Errorf("title key %d, want negative (apart from the band keys)", k)
	}
	if got := TitleKey("Example Wire", "  DOCK strike\thalts grain  loading "); got != k {
		t.Errorf("case- and space-folded title: key %d, want %d", got, k)
	}
	if got := TitleKey("Example Herald", "Dock strike halts grain loading"); got == k {
		t.Errorf("another source has the same key")
	}
	if got := TitleKey("Example Wire", "Dock strike halts grain loading again"); got == k {
		t.Errorf("another title has the same key")
	}
	for _, text := range []string{"one two three four five six", "a", "Dock workers walked off the job on Tuesday."} {
		for _, b := range SketchText(text).Buckets() {
			if b < 0 {
				t.Errorf("band key %d of %q is negative", b, text)
			}
		}
	}
}

func TestTextContainment(t *testing.T) {
	short := "Dock workers walked off the job on Tuesday, halting the loading of grain ships."
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"a prefix", short, short + " Talks resume on Wednesday, the ministry said.", 1},
		{"either order", short + " Talks resume on Wednesday, the ministry said.", short, 1},
		{"case and punctuation", short, "DOCK WORKERS WALKED OFF THE JOB ON TUESDAY -- HALTING THE LOADING OF GRAIN SHIPS", 1},
		// 14 words, 12 shingles; one word changed breaks three of them.
		{"one word changed", short, "Dock workers walked off the job on Monday, halting the loading of grain ships.", 9.0 / 12},
		{"nothing shared", short, "Lawmakers approved the budget after a long night of debate.", 0},
		{"empty", "", short, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextContainment(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("containment = %.3f, want %.3f", got, tt.want)
			}
		})
	}
}
