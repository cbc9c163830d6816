// Package chart draws a pair's timeline as a PNG image: one stacked bar a
// period, cooperation above the axis and conflict below it, material
// classes darker than verbal ones, with the trend line as the title. It is
// pure Go (go-analyze/charts over golang/freetype); no browser, no cgo.
package chart

import (
	"fmt"

	"github.com/go-analyze/charts"

	"attache/briefing"
	"attache/briefing/tone"
)

// Size is the image's size in pixels; Discord shows an embed's image 400
// pixels high at most, wider ones scaled.
const (
	Width  = 800
	Height = 400
)

// series are the bars, bottom up: conflict is drawn as negative values so
// that it hangs below the axis.
var series = []struct {
	class tone.Class
	color string
	sign  float64
}{
	{tone.MaterialConflict, "#b2182b", -1},
	{tone.VerbalConflict, "#ef8a62", -1},
	{tone.VerbalCooperation, "#67a9cf", 1},
	{tone.MaterialCooperation, "#2166ac", 1},
}

// TimelinePNG draws the timeline.
func TimelinePNG(t *briefing.Timeline) ([]byte, error) {
	if len(t.Periods) == 0 {
		return nil, fmt.Errorf("chart: a timeline with no period")
	}
	ps := storySpan(t.Periods)
	values := make([][]float64, len(series))
	names := make([]string, len(series))
	colors := make([]charts.Color, len(series))
	for i, s := range series {
		names[i] = s.class.Words()
		colors[i] = charts.ParseColor(s.color)
		values[i] = make([]float64, len(ps))
		for k, p := range ps {
			values[i][k] = s.sign * float64(p.Stories.Of(s.class))
		}
	}
	labels := make([]string, len(ps))
	for k, p := range ps {
		labels[k] = p.Start.Format("Jan 2")
		if t.By == briefing.ByMonth {
			labels[k] = p.Start.Format("Jan 06")
		}
	}
	opt := charts.NewBarChartOptionWithData(values)
	opt.Theme = charts.GetDefaultTheme().WithSeriesColors(colors)
	opt.StackSeries = charts.Ptr(true)
	opt.CategoryAxis.Labels = labels
	opt.Title = charts.TitleOption{Text: t.Title, Subtext: trendLine(t, ps), Offset: charts.OffsetLeft,
		FontStyle: charts.NewFontStyleWithSize(15), SubtextFontStyle: charts.NewFontStyleWithSize(11)}
	opt.Legend = charts.LegendOption{SeriesNames: names, Offset: charts.OffsetStr{Left: charts.PositionCenter, Top: charts.PositionBottom}}
	opt.Padding = charts.Box{Top: 20, Right: 20, Bottom: 20, Left: 20}
	opt.ValueFormatter = func(f float64) string {
		if f < 0 {
			f = -f
		}
		return fmt.Sprintf("%.0f", f)
	}
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG, Width: Width, Height: Height})
	if err := p.BarChart(opt); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	raw, err := p.Bytes()
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return raw, nil
}

// quietEdge is the number of periods without a story at either end of the
// window from which the picture leaves them out: forty years by month
// around one year of news would be bars a pixel wide.
const quietEdge = 4

// storySpan is the periods to draw: the window's, less long runs without a
// story at its ends (one empty period kept beside the stories).
func storySpan(ps []briefing.Period) []briefing.Period {
	first, last := storyBounds(ps)
	if first < 0 {
		return ps
	}
	a, b := 0, len(ps)
	if first >= quietEdge {
		a = first - 1
	}
	if len(ps)-1-last >= quietEdge {
		b = last + 2
	}
	return ps[a:b]
}

// storyBounds are the indexes of the first and last periods with a
// story, or -1 and -1.
func storyBounds(ps []briefing.Period) (first, last int) {
	first, last = -1, -1
	for i, p := range ps {
		if p.Stories.Total() > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// trendLine is the chart's subtitle: the trend, or the totals.
func trendLine(t *briefing.Timeline, drawn []briefing.Period) string {
	s := fmt.Sprintf("%d stories about the pair, %s to %s, by %s; cooperation above the line, conflict below",
		t.Totals.Total(), t.Since.Format("Jan 2006"), t.Until.Format("Jan 2006"), t.By)
	if len(drawn) > 0 && len(drawn) < len(t.Periods) {
		first, last := storyBounds(drawn)
		s = fmt.Sprintf("%d stories about the pair by %s, none outside %s – %s; cooperation above the line, conflict below",
			t.Totals.Total(), t.By, drawn[first].Start.Format("Jan 2006"), drawn[last].Start.Format("Jan 2006"))
	}
	if t.Trend != "" {
		s = "Trend: " + t.Trend + "\n" + s
	}
	return s
}
