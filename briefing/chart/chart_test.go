package chart

import (
	"bytes"
	"image/png"
	"testing"
	"time"

	"attache/briefing"
)

func months(n int, withStories ...int) []briefing.Period {
	start := time.Date(1986, 12, 1, 0, 0, 0, 0, time.UTC)
	var ps []briefing.Period
	for i := 0; i < n; i++ {
		ps = append(ps, briefing.Period{Start: start.AddDate(0, i, 0), End: start.AddDate(0, i+1, 0), Label: start.AddDate(0, i, 0).Format("Jan 2006")})
	}
	for _, i := range withStories {
		ps[i].Stories.VerbalCooperation++
	}
	return ps
}

// Long quiet runs at the ends of a window are not drawn; short ones are.
func TestStorySpan(t *testing.T) {
	ps := months(480, 2, 3, 10)
	got := storySpan(ps)
	// Two quiet months before the first story stay; of the 469 after the
	// last, one stays.
	if len(got) != 12 || !got[0].Start.Equal(ps[0].Start) || !got[len(got)-1].Start.Equal(ps[11].Start) {
		t.Errorf("span of 480 months with stories in months 2-10: %d periods from %s to %s, want 12 from %s to %s",
			len(got), got[0].Label, got[len(got)-1].Label, ps[0].Label, ps[11].Label)
	}
	late := months(40, 20, 22)
	if got := storySpan(late); len(got) != 5 || !got[0].Start.Equal(late[19].Start) {
		t.Errorf("stories in months 20 and 22 of 40: %d periods drawn from %s, want 5 from %s", len(got), got[0].Label, late[19].Label)
	}
	short := months(8, 2, 5)
	if got := storySpan(short); len(got) != 8 {
		t.Errorf("quiet edges of 2 periods: %d periods drawn, want all 8", len(got))
	}
	if got := storySpan(months(6)); len(got) != 6 {
		t.Errorf("no story at all: %d periods drawn, want all 6", len(got))
	}
}

func TestTimelinePNGIsAnImageWithinDiscordsLimits(t *testing.T) {
	ps := months(480, 2, 3, 10)
	tl := &briefing.Timeline{Title: "Peru and Chile", By: briefing.ByMonth, Since: ps[0].Start, Until: ps[len(ps)-1].End, Periods: ps}
	for _, p := range ps {
		tl.Totals.VerbalCooperation += p.Stories.VerbalCooperation
	}
	raw, err := TimelinePNG(tl)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height || len(raw) > 200<<10 {
		t.Errorf("image %dx%d, %d bytes; want %dx%d within 200 KB", b.Dx(), b.Dy(), len(raw), Width, Height)
	}
	if s := trendLine(tl, storySpan(ps)); !bytes.Contains([]byte(s), []byte("none outside Feb 1987 – Oct 1987")) {
		t.Errorf("subtitle %q does not say where the stories are", s)
	}
}
