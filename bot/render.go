package bot

import (
	"fmt"
	"strings"
	"time"

	"attache/briefing"
	"attache/sources"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on what one message may carry.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedTotal  = 6000 // over all embeds of a message
	// footerReserve is kept free on every page for "Page 12 of 12 · ...".
	footerReserve = 120
	pageBudget    = maxEmbedTotal - footerReserve
)

// Embed colours.
const (
	colorBrief  = 0x2b6cb0
	colorSearch = 0x2f855a
	colorFeeds  = 0x6b46c1
	colorHelp   = 0x4a5568
)

// Reply is what a command answers, before it is rendered for Discord. The
// adapter sends its first page, with buttons when there are more.
type Reply interface {
	pages() []page
}

// page is one message's worth of a reply: content, or one embed.
type page struct {
	content string
	embed   *discordgo.MessageEmbed
	// files are sent with the page (the first one only): a chart the
	// embed shows as "attachment://name".
	files []*discordgo.File
}

func (p page) embeds() []*discordgo.MessageEmbed {
	if p.embed == nil {
		return []*discordgo.MessageEmbed{}
	}
	return []*discordgo.MessageEmbed{p.embed}
}

// TextReply is a plain message. Text is sent as it is (it may hold
// markdown); it is cut to Discord's 2,000 characters.
type TextReply struct {
	Text string
}

func (r TextReply) pages() []page {
	text := strings.TrimSpace(r.Text)
	if text == "" {
		text = "(nothing to say)"
	}
	return []page{{content: truncate(text, maxContent)}}
}

// BriefReply is a brief (or a quotes answer): summary sentences with
// numbered links to their articles, quotes with speaker and role, and the
// sources with outlet and date.
type BriefReply struct {
	Brief *briefing.Brief
}

func (r BriefReply) pages() []page {
	br := r.Brief
	if br == nil {
		return TextReply{Text: "The brief came back empty."}.pages()
	}
	title := fold(br.Title)
	if title == "" {
		title = "Brief"
	}
	cites := newCitations(br.Articles)
	p := &packer{title: escapeMarkdown(title), color: colorBrief}
	if br.Delta != "" {
		p.line("**Since your last brief:** " + escapeMarkdown(br.Delta))
	}
	if br.Trend != "" {
		p.line("**Trend:** " + escapeMarkdown(br.Trend))
	}
	for _, n := range br.Notes {
		if n = fold(n); n != "" {
			p.line("*" + escapeMarkdown(n) + "*")
		}
	}
	for _, s := range br.Summary {
		text := escapeMarkdown(s.Text)
		if text == "" {
			continue
		}
		n := cites.number(s.ArticleID, s.URL, s.Source)
		p.line(truncate(text, maxDescription-40) + " " + cites.link(n))
	}
	for _, q := range br.Quotes {
		text := escapeMarkdown(q.Text)
		if text == "" {
			continue
		}
		name := fold(q.Speaker)
		if name == "" {
			name = "Unnamed speaker"
		}
		if role := fold(q.Role); role != "" {
			name += ", " + role
		}
		n := cites.number(q.ArticleID, q.URL, q.Source)
		tail := " " + cites.link(n)
		if q.Partial {
			tail = " (partial)" + tail
		}
		value := "“" + truncate(text, maxFieldValue-runes(tail)-2) + "”" + tail
		p.field(escapeMarkdown(name), value)
	}
	p.fieldLines("Sources", cites.lines())
	footer := "Attaché"
	if !br.Query.Since.IsZero() {
		footer = "Since " + br.Query.Since.UTC().Format("2 Jan 2006") + " · Attaché"
	}
	return p.pages(footer)
}

// citations numbers the articles a reply cites, in the brief's order.
type citations struct {
	refs  []briefing.ArticleRef
	byID  map[int64]int
	byURL map[string]int
}

func newCitations(arts []briefing.ArticleRef) *citations {
	c := &citations{byID: map[int64]int{}, byURL: map[string]int{}}
	for _, a := range arts {
		c.add(a)
	}
	return c
}

func (c *citations) add(a briefing.ArticleRef) int {
	if n, ok := c.find(a.ID, a.URL); ok {
		return n
	}
	c.refs = append(c.refs, a)
	n := len(c.refs)
	if a.ID != 0 {
		c.byID[a.ID] = n
	}
	if a.URL != "" {
		c.byURL[a.URL] = n
	}
	return n
}

func (c *citations) find(id int64, url string) (int, bool) {
	if n, ok := c.byID[id]; ok && id != 0 {
		return n, true
	}
	n, ok := c.byURL[url]
	return n, ok && url != ""
}

// number returns the citation number of an article, adding it if the
// brief's article list lacks it.
func (c *citations) number(id int64, url, source string) int {
	if n, ok := c.find(id, url); ok {
		return n
	}
	return c.add(briefing.ArticleRef{ID: id, URL: url, Source: source})
}

// link is the numbered link to article n: "[(3)](https://...)".
func (c *citations) link(n int) string {
	return link(fmt.Sprintf("(%d)", n), c.refs[n-1].URL)
}

// lines are the source list: number, linked title, outlet and date.
func (c *citations) lines() []string {
	out := make([]string, 0, len(c.refs))
	for i, a := range c.refs {
		title := escapeMarkdown(truncate(fold(a.Title), 150))
		if title == "" {
			title = "article"
		}
		line := fmt.Sprintf("**%d.** %s", i+1, link(title, a.URL))
		if src := fold(a.SourceLabel()); src != "" {
			line += " · " + escapeMarkdown(truncate(src, 90))
		}
		if !a.Published.IsZero() {
			line += " · " + a.Published.UTC().Format("2 Jan 2006")
		}
		if a.Outlets > 1 {
			line += fmt.Sprintf(" · %d outlets", a.Outlets)
		}
		if a.New {
			line += " · **new**"
		}
		out = append(out, line)
	}
	return out
}

// searchReply lists articles, newest first.
type searchReply struct {
	query    string
	articles []briefing.ArticleRef
}

func (r searchReply) pages() []page {
	p := &packer{title: "Articles: " + escapeMarkdown(truncate(fold(r.query), 200)), color: colorSearch}
	for _, line := range newCitations(r.articles).lines() {
		p.line(line)
	}
	return p.pages(fmt.Sprintf("%d articles, newest first · Attaché", len(r.articles)))
}

// feedsReply lists the subscribed feeds with their health.
type feedsReply struct {
	feeds []sources.Feed
	now   time.Time
}

func (r feedsReply) pages() []page {
	if len(r.feeds) == 0 {
		return TextReply{Text: "No feeds yet. An admin can add one with `feeds add URL`."}.pages()
	}
	p := &packer{title: "News feeds", color: colorFeeds}
	for _, f := range r.feeds {
		title := fold(f.Title)
		if title == "" {
			title = f.URL
		}
		line := fmt.Sprintf("**#%d** %s", f.ID, link(escapeMarkdown(truncate(title, 120)), f.URL))
		if f.Articles > 0 {
			line += fmt.Sprintf(" · %d articles", f.Articles)
		}
		switch {
		case f.Failures > 0:
			line += fmt.Sprintf(" · failing (%d in a row): %s", f.Failures, escapeMarkdown(truncate(fold(f.LastError), 200)))
		case !f.LastSuccess.IsZero():
			line += " · polled " + ago(r.now.Sub(f.LastSuccess))
		default:
			line += " · not polled yet"
		}
		p.line(line)
	}
	return p.pages(fmt.Sprintf("%d feeds · Attaché", len(r.feeds)))
}

// ago says how long ago, roughly: "5 min ago", "3 h ago", "2 days ago".
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	default:
		return fmt.Sprintf("%d days ago", int(d.Hours()/24))
	}
}

// helpReply explains the commands.
type helpReply struct {
	intro string
	lines []helpLine
}

type helpLine struct{ example, summary string }

func (r helpReply) pages() []page {
	p := &packer{title: "Attaché: diplomacy briefs", color: colorHelp}
	p.line(r.intro)
	for _, l := range r.lines {
		p.line("`" + strings.ReplaceAll(l.example, "`", "'") + "`: " + l.summary)
	}
	return p.pages("Answers cite their articles; numbers link to the sources.")
}

// packer lays out lines and fields over as many single-embed pages as
// needed, keeping every page within Discord's limits.
type packer struct {
	title string
	color int
	done  []*discordgo.MessageEmbed
	cur   *discordgo.MessageEmbed
	size  int // characters counted towards maxEmbedTotal on cur
}

func (p *packer) open() {
	if p.cur != nil {
		return
	}
	p.cur = &discordgo.MessageEmbed{Title: truncate(p.title, maxTitle), Color: p.color, Type: discordgo.EmbedTypeRich}
	p.size = runes(p.cur.Title)
}

func (p *packer) next() {
	if p.cur != nil && (p.cur.Description != "" || len(p.cur.Fields) > 0) {
		p.done = append(p.done, p.cur)
		p.cur = nil
	}
	p.open()
}

// line adds a line to the description. Lines come before fields, so a
// line after fields starts a new page.
func (p *packer) line(s string) {
	s = truncate(s, maxDescription)
	if s == "" {
		return
	}
	p.open()
	n := runes(s)
	if p.cur.Description != "" {
		n++ // the newline
	}
	if len(p.cur.Fields) > 0 || runes(p.cur.Description)+n > maxDescription || p.size+n > pageBudget {
		p.next()
		n = runes(s)
	}
	if p.cur.Description != "" {
		p.cur.Description += "\n"
	}
	p.cur.Description += s
	p.size += n
}

// field adds a field, starting a new page when this one is full.
func (p *packer) field(name, value string) {
	name, value = truncate(strings.TrimSpace(name), maxFieldName), truncate(strings.TrimSpace(value), maxFieldValue)
	if name == "" {
		name = "\u200b"
	}
	if value == "" {
		value = "\u200b"
	}
	p.open()
	n := runes(name) + runes(value)
	if len(p.cur.Fields) >= maxFields || p.size+n > pageBudget {
		p.next()
	}
	p.cur.Fields = append(p.cur.Fields, &discordgo.MessageEmbedField{Name: name, Value: value})
	p.size += n
}

// fieldLines adds lines as fields named name, each holding as many whole
// lines as fit.
func (p *packer) fieldLines(name string, lines []string) {
	var b strings.Builder
	first := true
	emit := func() {
		if b.Len() == 0 {
			return
		}
		n := name
		if !first {
			n = name + " (continued)"
		}
		p.field(n, b.String())
		b.Reset()
		first = false
	}
	for _, l := range lines {
		l = truncate(l, maxFieldValue)
		if b.Len() > 0 && runes(b.String())+1+runes(l) > maxFieldValue {
			emit()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	emit()
}

// pages closes the layout: every page gets the footer, numbered when
// there is more than one.
func (p *packer) pages(footer string) []page {
	p.next()
	p.cur = nil
	if len(p.done) == 0 {
		p.open()
		p.cur.Description = "(empty)"
		p.done = append(p.done, p.cur)
		p.cur = nil
	}
	out := make([]page, len(p.done))
	for i, e := range p.done {
		text := footer
		if len(p.done) > 1 {
			text = fmt.Sprintf("Page %d of %d · %s", i+1, len(p.done), footer)
		}
		e.Footer = &discordgo.MessageEmbedFooter{Text: truncate(text, footerReserve)}
		out[i] = page{embed: e}
	}
	return out
}
