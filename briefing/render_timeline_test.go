package briefing

import (
	"strings"
	"testing"
	"time"
)

// A long stretch of periods without a story is one line of the text
// chart; a short one keeps its rows.
func TestTimelineTextFoldsQuietStretches(t *testing.T) {
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	tl := &Timeline{Title: "Peru and Chile", By: ByMonth, Since: start, Until: start.AddDate(0, 12, 0)}
	for i := 0; i < 12; i++ {
		p := Period{Start: start.AddDate(0, i, 0), End: start.AddDate(0, i+1, 0), Label: start.AddDate(0, i, 0).Format("Jan 2006")}
		switch i {
		case 0, 3:
			p.Stories = ToneCounts{VerbalCooperation: 1}
		}
		tl.Periods = append(tl.Periods, p)
	}
	var b strings.Builder
	if err := RenderTimelineText(&b, tl, 80); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Feb and Mar (two quiet months) keep their rows; May to Dec (eight)
	// are one line.
	for _, want := range []string{"Feb 2020", "Mar 2020", "no story, May 2020 to Dec 2020 (8 months)"} {
		if !strings.Contains(out, want) {
			t.Errorf("chart lacks %q:\n%s", want, out)
		}
	}
	for _, gone := range []string{"\nJun 2020", "\nNov 2020"} {
		if strings.Contains(out, gone) {
			t.Errorf("chart has a row %q inside a quiet stretch:\n%s", gone, out)
		}
	}
}
