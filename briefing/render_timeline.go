package briefing

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"attache/briefing/tone"
)

// RenderTimelineJSON writes a timeline as indented JSON.
func RenderTimelineJSON(w io.Writer, t *Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(t)
}

// timelineMarks are the letters of the text chart, by class.
var timelineMarks = [...]string{tone.Neither: "·", tone.VerbalCooperation: "c", tone.MaterialCooperation: "C", tone.VerbalConflict: "x", tone.MaterialConflict: "X"}

// chartHalf is the widest a side of the text chart gets, in characters.
const chartHalf = 16

// RenderTimelineText writes a timeline as a compact text chart: one line
// per period, cooperation to the left of the bar and conflict to the
// right, then the turning points and the lead stories with their evidence,
// wrapped to width.
func RenderTimelineText(w io.Writer, t *Timeline, width int) error {
	if width < 40 {
		width = 80
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: timeline, %s to %s, by %s\n", t.Title, t.Since.Format("2 Jan 2006"), t.Until.Format("2 Jan 2006"), t.By)
	if t.Trend != "" {
		b.WriteString(WrapText("Trend: "+t.Trend, width, "  ") + "\n")
	}
	for _, n := range t.Notes {
		b.WriteString(WrapText(n, width, "  ") + "\n")
	}
	b.WriteString("\n")
	most := 1
	for _, p := range t.Periods {
		most = max(most, p.Stories.Cooperation(), p.Stories.Conflict())
	}
	scale := 1.0
	if most > chartHalf {
		scale = float64(chartHalf) / float64(most)
	}
	labelWidth := 0
	for _, p := range t.Periods {
		labelWidth = max(labelWidth, utf8.RuneCountInString(p.Label))
	}
	half := min(most, chartHalf)
	fmt.Fprintf(&b, "%-*s %*s│%-*s\n", labelWidth, "", half, "cooperation", half, "conflict")
	cites := map[int64]int{}
	var cited []*TimelineStory
	cite := func(s *TimelineStory) int {
		if s == nil {
			return 0
		}
		if n, ok := cites[s.ArticleID]; ok {
			return n
		}
		cited = append(cited, s)
		cites[s.ArticleID] = len(cited)
		return len(cited)
	}
	for i := 0; i < len(t.Periods); i++ {
		p := t.Periods[i]
		if quiet := emptyRun(t.Periods[i:]); quiet >= quietRun {
			// A long stretch without a story is one line, not a page of
			// empty rows ("--since 40y" over news of one year).
			last := t.Periods[i+quiet-1]
			fmt.Fprintf(&b, "%-*s %*s┆%-*s  no story, %s to %s (%d %ss)\n", labelWidth, "", half, "", half, "", p.Label, last.Label, quiet, t.By)
			i += quiet - 1
			continue
		}
		left := marks(p.Stories, scale, tone.MaterialCooperation, tone.VerbalCooperation)
		right := marks(p.Stories, scale, tone.VerbalConflict, tone.MaterialConflict)
		fmt.Fprintf(&b, "%-*s %*s│%-*s", labelWidth, p.Label, half, reverse(left), half, right)
		if n := p.Stories.Total(); n > 0 {
			fmt.Fprintf(&b, "  %s", plural(n, "story", "stories"))
			if p.Stories.Neither > 0 {
				fmt.Fprintf(&b, " (%d neither)", p.Stories.Neither)
			}
			if p.Lead != nil {
				fmt.Fprintf(&b, " [%d]", cite(p.Lead))
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s material cooperation, %s verbal cooperation, %s verbal conflict, %s material conflict; one mark a story",
		timelineMarks[tone.MaterialCooperation], timelineMarks[tone.VerbalCooperation], timelineMarks[tone.VerbalConflict], timelineMarks[tone.MaterialConflict])
	if scale < 1 {
		fmt.Fprintf(&b, " (scaled: a mark is %.1f stories)", 1/scale)
	}
	b.WriteString("\n")
	if len(t.Turns) > 0 {
		b.WriteString("\nTurning points\n")
		for _, tp := range t.Turns {
			line := fmt.Sprintf("  %s: %s to %s", tp.Label, tp.From, tp.To)
			if tp.Story != nil {
				line += fmt.Sprintf(" [%d]", cite(tp.Story))
			}
			b.WriteString(line + "\n")
		}
	}
	if len(cited) > 0 {
		b.WriteString("\nLead stories\n")
		for i, s := range cited {
			b.WriteString(WrapText(fmt.Sprintf("[%d] %s — %s, %s", i+1, s.Title, s.Source, s.Published.Format("2 Jan 2006")), width, "    ") + "\n")
			b.WriteString(WrapText("    "+storyTone(s), width, "    ") + "\n")
			if s.Evidence != "" {
				b.WriteString(WrapText("    “"+s.Evidence+"”", width, "     ") + "\n")
			}
			if s.URL != "" {
				b.WriteString("    " + s.URL + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quietRun is the number of periods without a story from which the text
// chart draws them as one line.
const quietRun = 4

// emptyRun is the number of periods at the start of ps without a story.
func emptyRun(ps []Period) int {
	n := 0
	for n < len(ps) && ps[n].Stories.Total() == 0 {
		n++
	}
	return n
}

// storyTone says a story's tone in words, with who acts on whom and the
// words that decided it.
func storyTone(s *TimelineStory) string {
	c := s.Class()
	out := c.Words()
	if s.Actor != "" && s.Target != "" {
		out += " (" + s.Actor + " on " + s.Target + ")"
	}
	if s.Cue != "" {
		out += ", from “" + s.Cue + "”"
	}
	return out
}

// marks draws a side of a period: one mark per story of each class, in
// the order given, scaled.
func marks(tc ToneCounts, scale float64, classes ...tone.Class) string {
	var b strings.Builder
	for _, c := range classes {
		n := tc.Of(c)
		k := int(float64(n)*scale + 0.5)
		if n > 0 && k == 0 {
			k = 1
		}
		b.WriteString(strings.Repeat(timelineMarks[c], k))
	}
	return b.String()
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
