package briefing

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Citations maps article ids to their 1-based number in b.Articles, the
// numbers that renderers print after sentences and quotes.
func (b *Brief) Citations() map[int64]int {
	m := make(map[int64]int, len(b.Articles))
	for i, a := range b.Articles {
		m[a.ID] = i + 1
	}
	return m
}

// Span describes the dates the brief's articles cover: "5 Feb 2024" or
// "5 Feb – 20 Mar 2024".
func (b *Brief) Span() string {
	if len(b.Articles) == 0 {
		return ""
	}
	first, last := b.Articles[0].Published, b.Articles[0].Published
	for _, a := range b.Articles {
		if a.Published.Before(first) {
			first = a.Published
		}
		if a.Published.After(last) {
			last = a.Published
		}
	}
	switch {
	case sameDay(first, last):
		return last.Format("2 Jan 2006")
	case first.Year() == last.Year():
		return first.Format("2 Jan") + " – " + last.Format("2 Jan 2006")
	}
	return first.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// Attribution is "Fumio Kishida, Japanese Prime Minister" or the speaker
// alone.
func (q Quote) Attribution() string {
	if q.Role == "" {
		return q.Speaker
	}
	return q.Speaker + ", " + q.Role
}

// RenderText writes the brief for a terminal, wrapped to width columns.
func RenderText(w io.Writer, b *Brief, width int) error {
	if width < 40 {
		width = 40
	}
	cite := b.Citations()
	var s strings.Builder
	s.WriteString(b.Title + "\n")
	s.WriteString(strings.Repeat("=", min(width, utf8.RuneCountInString(b.Title))) + "\n")
	if len(b.Articles) > 0 {
		fmt.Fprintf(&s, "%s from %s, %s\n", plural(len(b.Articles), "story", "stories"), plural(outletCount(b), "outlet", "outlets"), b.Span())
	}
	if b.Delta != "" {
		s.WriteString(WrapText("Since your last brief: "+b.Delta, width, "      ") + "\n")
	}
	if b.Trend != "" {
		s.WriteString(WrapText("Trend: "+b.Trend, width, "      ") + "\n")
	}
	for _, n := range b.Notes {
		s.WriteString(WrapText("Note: "+n, width, "      ") + "\n")
	}
	if len(b.Summary) > 0 {
		s.WriteString("\nWhat the articles say\n")
		for _, sen := range b.Summary {
			s.WriteString(WrapText(fmt.Sprintf("  • %s [%d]", sen.Text, cite[sen.ArticleID]), width, "    ") + "\n")
		}
	}
	if len(b.Quotes) > 0 {
		s.WriteString("\nKey quotes\n")
		for _, q := range b.Quotes {
			text := "“" + q.Text + "”"
			if q.Partial {
				text = "… “" + q.Text + "” …"
			}
			s.WriteString(WrapText("  "+text, width, "   ") + "\n")
			s.WriteString(WrapText(fmt.Sprintf("      — %s [%d]", q.Attribution(), cite[q.ArticleID]), width, "        ") + "\n")
		}
	}
	if len(b.Articles) > 0 {
		s.WriteString("\nSources\n")
		for i, a := range b.Articles {
			line := fmt.Sprintf("  [%d] %s, %s: %s", i+1, a.SourceLabel(), a.Published.Format("2 Jan 2006"), a.Title)
			if a.Outlets > 1 {
				line += fmt.Sprintf(" (also carried by %s)", plural(a.Outlets-1, "other outlet", "other outlets"))
			}
			if a.New {
				line += " (new)"
			}
			s.WriteString(WrapText(line, width, "      ") + "\n")
			s.WriteString("      " + a.URL + "\n")
		}
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// RenderMarkdown writes the brief as markdown with linked citations.
func RenderMarkdown(w io.Writer, b *Brief) error {
	cite := b.Citations()
	var s strings.Builder
	fmt.Fprintf(&s, "## %s\n\n", escapeMarkdown(b.Title))
	fmt.Fprintf(&s, "*%s from %s, %s*\n\n", plural(len(b.Articles), "story", "stories"), plural(outletCount(b), "outlet", "outlets"), b.Span())
	if b.Delta != "" {
		fmt.Fprintf(&s, "**Since your last brief:** %s\n\n", escapeMarkdown(b.Delta))
	}
	if b.Trend != "" {
		fmt.Fprintf(&s, "**Trend:** %s\n\n", escapeMarkdown(b.Trend))
	}
	for _, n := range b.Notes {
		fmt.Fprintf(&s, "> %s\n\n", escapeMarkdown(n))
	}
	link := func(id int64) string {
		n := cite[id]
		if n == 0 {
			return ""
		}
		if u := MarkdownURL(b.Articles[n-1].URL); u != "" {
			return fmt.Sprintf(" [[%d]](%s)", n, u)
		}
		return fmt.Sprintf(" [%d]", n)
	}
	if len(b.Summary) > 0 {
		s.WriteString("### What the articles say\n\n")
		for _, sen := range b.Summary {
			fmt.Fprintf(&s, "- %s%s\n", escapeMarkdown(sen.Text), link(sen.ArticleID))
		}
		s.WriteString("\n")
	}
	if len(b.Quotes) > 0 {
		s.WriteString("### Key quotes\n\n")
		for _, q := range b.Quotes {
			fmt.Fprintf(&s, "> “%s”\n> — **%s**%s\n\n", escapeMarkdown(q.Text), escapeMarkdown(q.Attribution()), link(q.ArticleID))
		}
	}
	if len(b.Articles) > 0 {
		s.WriteString("### Sources\n\n")
		for i, a := range b.Articles {
			title := escapeMarkdown(a.Title)
			if u := MarkdownURL(a.URL); u != "" {
				title = "[" + title + "](" + u + ")"
			}
			fmt.Fprintf(&s, "%d. %s, %s, %s", i+1, title, escapeMarkdown(a.SourceLabel()), a.Published.Format("2 Jan 2006"))
			if a.Outlets > 1 {
				fmt.Fprintf(&s, " (%d outlets)", a.Outlets)
			}
			s.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// RenderJSON writes the brief in the JSON shape of DESIGN.md.
func RenderJSON(w io.Writer, b *Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	out := *b
	if out.Summary == nil {
		out.Summary = []Sentence{}
	}
	if out.Quotes == nil {
		out.Quotes = []Quote{}
	}
	if out.Articles == nil {
		out.Articles = []ArticleRef{}
	}
	return enc.Encode(out)
}

// SourceLabel is the outlet's name as renderers show it: "Pacific Ledger
// (sample)" for an article of the bundled sample corpus.
func (a ArticleRef) SourceLabel() string {
	if a.Sample {
		return a.Source + " (sample)"
	}
	return a.Source
}

// markdownURLEscapes are the characters that would end or break a
// markdown link's address.
var markdownURLEscapes = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D")

// MarkdownURL returns u fit to stand in a markdown link, or "" when it is
// not an http(s) address (a file: or sample: URL, or garbage).
func MarkdownURL(u string) string {
	if len(u) > 2000 {
		return ""
	}
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return markdownURLEscapes.Replace(p.String())
}

// escapeMarkdown escapes the characters that markdown (and Discord) would
// read as formatting.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '<', '>', '#':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func outletCount(b *Brief) int {
	seen := map[string]bool{}
	for _, a := range b.Articles {
		seen[a.Source] = true
	}
	return len(seen)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// WrapText breaks text into lines of at most width runes; lines after the
// first start with indent.
func WrapText(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	lead := len(text) - len(strings.TrimLeft(text, " "))
	b.WriteString(text[:lead])
	line = lead
	for i, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		if i > 0 {
			if line+1+n > width {
				b.WriteString("\n" + indent)
				line = utf8.RuneCountInString(indent)
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += n
	}
	return b.String()
}
