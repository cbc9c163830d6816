package briefing

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"attache/briefing/tone"
)

// Heading is the digest's one-line title, e.g. "5 new stories since
// 25 Nov 2026 08:00 UTC (filter: Japan and Italy)".
func (d *Digest) Heading() string {
	h := plural(len(d.Stories), "new story", "new stories")
	if d.More > 0 {
		h = fmt.Sprintf("%d of %d new stories", len(d.Stories), len(d.Stories)+d.More)
	}
	h += " since " + d.Since.Format("2 Jan 2006 15:04 MST")
	if d.Filter != "" {
		h += " (filter: " + d.Filter + ")"
	}
	return h
}

// Selection says how the digest chose its stories, and what it left out:
// "The 8 shown are those carried by the most outlets, the newest and the
// most about diplomacy; 44 more are not shown." Empty when it shows every
// new story and left nothing out.
func (d *Digest) Selection() string {
	var parts []string
	if d.More > 0 {
		more := fmt.Sprintf("%d more are", d.More)
		if d.More == 1 {
			more = "1 more is"
		}
		shown := fmt.Sprintf("The %d shown are those", len(d.Stories))
		if len(d.Stories) == 1 {
			shown = "The one shown is the story"
		}
		parts = append(parts, shown+" carried by the most outlets, the newest and the most about diplomacy; "+more+" not shown")
	}
	if d.Unread > 0 {
		parts = append(parts, fmt.Sprintf("the oldest %s of the window were not read", plural(d.Unread, "new article", "new articles")))
	}
	if d.SampleLeftOut > 0 {
		parts = append(parts, "the bundled sample corpus is left out now that the store has articles of its own")
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// RenderDigestText writes a digest for a terminal.
func RenderDigestText(w io.Writer, d *Digest, width int) error {
	var s strings.Builder
	if len(d.Stories) == 0 {
		fmt.Fprintf(&s, "Nothing new since %s", d.Since.Format("2 Jan 2006 15:04 MST"))
		if d.Filter != "" {
			s.WriteString(" on " + d.Filter)
		}
		fmt.Fprintf(&s, " (%s read). Try a longer window, e.g. --since 7d.\n", plural(d.Considered, "new article", "new articles"))
		_, err := io.WriteString(w, s.String())
		return err
	}
	s.WriteString("Digest: " + d.Heading() + "\n")
	if sel := d.Selection(); sel != "" {
		s.WriteString(WrapText(sel, width, "") + "\n")
	}
	s.WriteString("\n")
	for i, st := range d.Stories {
		s.WriteString(WrapText(fmt.Sprintf("%d. %s", i+1, st.Headline), width, "   ") + "\n")
		meta := st.Published.Format("2 Jan 2006")
		if n := len(st.Articles); n > 1 {
			meta += fmt.Sprintf(" · %d outlets", n)
		} else if n == 1 {
			meta += " · " + st.Articles[0].Source
		}
		s.WriteString("   " + meta + "\n")
		if len(st.Summary) > 0 {
			var texts []string
			for _, sen := range st.Summary {
				texts = append(texts, sen.Text)
			}
			s.WriteString("   " + WrapText(strings.Join(texts, " "), width-3, "   ") + "\n")
		}
		if st.Quote != nil {
			s.WriteString("   " + WrapText("“"+st.Quote.Text+"” — "+st.Quote.Attribution(), width-3, "   ") + "\n")
		}
		if t := st.Tone; t != nil && t.Evidence != "" {
			// The story's tone for the filter's pair, with the sentence
			// that carries it, as Discord shows it.
			if c, err := tone.ParseClass(t.Class); err == nil {
				s.WriteString("   " + WrapText(c.Words()+": “"+t.Evidence+"”", width-3, "   ") + "\n")
			}
		}
		for _, a := range st.Articles {
			s.WriteString("   " + a.Source + ": " + a.URL + "\n")
		}
		s.WriteString("\n")
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// RenderDigestMarkdown writes a digest as markdown.
func RenderDigestMarkdown(w io.Writer, d *Digest) error {
	var s strings.Builder
	if len(d.Stories) == 0 {
		fmt.Fprintf(&s, "*Nothing new since %s.*\n", d.Since.Format("2 Jan 2006 15:04 MST"))
		_, err := io.WriteString(w, s.String())
		return err
	}
	fmt.Fprintf(&s, "## Digest: %s\n\n", escapeMarkdown(d.Heading()))
	if sel := d.Selection(); sel != "" {
		fmt.Fprintf(&s, "*%s*\n\n", escapeMarkdown(sel))
	}
	for i, st := range d.Stories {
		fmt.Fprintf(&s, "### %d. %s\n\n", i+1, escapeMarkdown(st.Headline))
		for _, sen := range st.Summary {
			s.WriteString(escapeMarkdown(sen.Text) + " ")
		}
		s.WriteString("\n\n")
		if st.Quote != nil {
			fmt.Fprintf(&s, "> “%s”\n> — **%s**\n\n", escapeMarkdown(st.Quote.Text), escapeMarkdown(st.Quote.Attribution()))
		}
		var links []string
		for _, a := range st.Articles {
			if u := MarkdownURL(a.URL); u != "" {
				links = append(links, fmt.Sprintf("[%s](%s)", escapeMarkdown(a.Source), u))
			} else {
				links = append(links, escapeMarkdown(a.Source))
			}
		}
		s.WriteString(strings.Join(links, " · ") + "\n\n")
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// RenderDigestJSON writes a digest as JSON.
func RenderDigestJSON(w io.Writer, d *Digest) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}
