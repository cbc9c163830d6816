package briefing

import (
	"slices"
	"testing"
	"time"
)

// A digest against the channel's last one on its filter: the stories the
// last one did not hold are new, the delta counts them and says how the
// tone turned; what is remembered keeps the last tone when this digest
// has none.
func TestDigestSinceLast(t *testing.T) {
	now := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	last := LastBrief{At: time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC), Stories: []int64{1, 2}, Tone: "verbal_cooperation"}
	d := &Digest{Stories: []Story{{ID: 2}, {ID: 3}, {ID: 4}}, Tone: "verbal_conflict"}
	DigestSinceLast(d, last, now)
	if d.Stories[0].New || !d.Stories[1].New || !d.Stories[2].New {
		t.Errorf("new marks = %v %v %v, want false true true", d.Stories[0].New, d.Stories[1].New, d.Stories[2].New)
	}
	if want := "2 new stories since 3 Dec; tone turned from verbal cooperation to verbal conflict"; d.Delta != want {
		t.Errorf("delta = %q, want %q", d.Delta, want)
	}
	r := RememberDigest(d, last, now)
	if !slices.Equal(r.Stories, []int64{1, 2, 3, 4}) || r.Tone != "verbal_conflict" || !r.At.Equal(now) {
		t.Errorf("remembered %+v", r)
	}

	quiet := &Digest{Stories: []Story{{ID: 5}}}
	DigestSinceLast(quiet, LastBrief{At: time.Date(2025, 12, 30, 8, 0, 0, 0, time.UTC), Tone: "verbal_conflict"}, now)
	if want := "1 new story since 30 Dec 2025"; quiet.Delta != want {
		t.Errorf("delta without a tone now = %q, want %q", quiet.Delta, want)
	}
	if r := RememberDigest(quiet, LastBrief{Tone: "verbal_conflict"}, now); r.Tone != "verbal_conflict" {
		t.Errorf("a digest without a tone forgot the last one's: %+v", r)
	}
}
