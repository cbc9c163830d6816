package briefing

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Heading is the digest's one-line title, e.g. "5 new stories since
// 25 Nov 2026 08:00 UTC (filter: Japan and Italy)".
func (d *Digest) Heading() string {
	h := plural(len(d.Stories), "new story", "new stories") + " since " + d.Since.Format("2 Jan 2006 15:04 MST")
	if d.Filter != "" {
		h += " (filter: " + d.Filter + ")"
	}
	return h
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
	s.WriteString("Digest: " + d.Heading() + "\n\n")
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
		for _, a := range st.Articles {
			s.WriteString("   " + a.Source + ": " + a.URL + "\n")
		}
		s.WriteString("\n")
	}
	if d.More > 0 {
		fmt.Fprintf(&s, "…and %s not shown.\n", plural(d.More, "more story", "more stories"))
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
	if d.More > 0 {
		fmt.Fprintf(&s, "*…and %s not shown.*\n", plural(d.More, "more story", "more stories"))
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
