package bot

import (
	"fmt"
	"strings"
	"time"

	"attache/briefing"
	"attache/briefing/tone"
)

// colorDigest is the embed colour of digests.
const colorDigest = 0xb7791f

// Bounds on one story of a digest, so that a few stories fill a page.
const (
	maxStoryHeadline = 200
	maxStorySummary  = 600
	maxStoryQuote    = 300
	maxStoryEvidence = 240
	maxStoryOutlets  = 5
	maxOutletsLine   = 700
)

// digestReply is a scheduled digest: per story the headline linked to its
// lead article, a one- or two-sentence summary, the key quote with
// speaker and role, and the outlets as links with their count. Every
// page's footer carries the delivery key and the slot ("Digest
// 3f9a1c0b2e4d · Fri 20 Nov 08:00 Europe/Rome"), by which a digest posted
// before a crash is recognised. An empty digest is one line.
type digestReply struct {
	digest *briefing.Digest
	key    string
	slot   time.Time
	loc    *time.Location
	filter string // as the channel wrote it
}

// footer is the key and the slot in the schedule's zone.
func (r digestReply) footer() string {
	loc := r.loc
	if loc == nil {
		loc = time.UTC
	}
	return fmt.Sprintf("Digest %s · %s %s", r.key, r.slot.In(loc).Format("Mon 2 Jan 15:04"), loc.String())
}

func (r digestReply) since() string {
	loc := r.loc
	if loc == nil {
		loc = time.UTC
	}
	var since time.Time
	if r.digest != nil {
		since = r.digest.Since
	}
	return since.In(loc).Format("Mon 2 Jan 15:04")
}

func (r digestReply) pages() []page {
	d := r.digest
	if d == nil || len(d.Stories) == 0 {
		line := "Nothing new since " + r.since()
		if f := fold(r.filter); f != "" {
			line += " on " + escapeMarkdown(truncate(f, 100))
		}
		return []page{{content: truncate(line+". ("+r.footer()+")", maxContent)}}
	}
	// Only the filter can hold markdown; the rest is digits and words.
	title := fmt.Sprintf("Digest: %s since %s", countStories(len(d.Stories), "new "), r.since())
	if f := fold(r.filter); f != "" {
		title += " (" + escapeMarkdown(truncate(f, 80)) + ")"
	}
	p := &packer{title: title, color: colorDigest}
	if d.Delta != "" {
		p.line("**Since this channel's last digest on this filter:** " + escapeMarkdown(d.Delta))
	}
	// Stories are marked new only when some are not: a digest holds the
	// stories first seen since the one before, so usually all are.
	newOnes := 0
	for _, s := range d.Stories {
		if s.New {
			newOnes++
		}
	}
	mark := newOnes > 0 && newOnes < len(d.Stories)
	for i, s := range d.Stories {
		p.line(storyBlock(i+1, s, mark && s.New))
	}
	if d.More > 0 {
		p.line("*…and " + countStories(d.More, "more ") + " not shown.*")
	}
	return p.pages(r.footer())
}

// countStories is "1 new story" or "5 new stories" (adj "new ").
func countStories(n int, adj string) string {
	if n == 1 {
		return "1 " + adj + "story"
	}
	return fmt.Sprintf("%d %sstories", n, adj)
}

// storyBlock renders one story as a few lines of the description;
// isNew marks it new since the channel's last digest on its filter.
func storyBlock(n int, s briefing.Story, isNew bool) string {
	lead := ""
	if len(s.Summary) > 0 {
		lead = s.Summary[0].URL
	}
	if safeURL(lead) == "" && len(s.Articles) > 0 {
		lead = s.Articles[0].URL
	}
	headline := escapeMarkdown(truncate(fold(s.Headline), maxStoryHeadline))
	if headline == "" {
		headline = "Untitled story"
	}
	first := fmt.Sprintf("**%d. %s**", n, link(headline, lead))
	if isNew {
		first += " · **new**"
	}
	lines := []string{first}
	var sum []string
	for _, sen := range s.Summary {
		if t := fold(sen.Text); t != "" {
			sum = append(sum, t)
		}
	}
	if len(sum) > 0 {
		lines = append(lines, escapeMarkdown(truncate(strings.Join(sum, " "), maxStorySummary)))
	}
	if q := s.Quote; q != nil && fold(q.Text) != "" {
		who := escapeMarkdown(fold(q.Speaker))
		if who == "" {
			who = "Unnamed speaker"
		}
		if role := escapeMarkdown(fold(q.Role)); role != "" {
			who += ", " + role
		}
		lines = append(lines, "> “"+escapeMarkdown(truncate(fold(q.Text), maxStoryQuote))+"” — "+truncate(who, 150))
	}
	if t := s.Tone; t != nil && t.Evidence != "" {
		// The story's tone for the filter's pair, with the sentence that
		// carries it: every tag shown can be checked.
		if c, err := tone.ParseClass(t.Class); err == nil {
			lines = append(lines, "*"+c.Words()+":* “"+escapeMarkdown(truncate(fold(t.Evidence), maxStoryEvidence))+"”")
		}
	}
	if out := outletsLine(s.Articles); out != "" {
		lines = append(lines, out)
	}
	return strings.Join(lines, "\n")
}

// outletsLine links each outlet (up to maxStoryOutlets) and counts them:
// "[Example Wire](…) · [Example Herald](…) · 2 outlets". Names stand
// without links when the links would be too long.
func outletsLine(arts []briefing.ArticleRef) string {
	if len(arts) == 0 {
		return ""
	}
	shown := arts
	if len(shown) > maxStoryOutlets {
		shown = shown[:maxStoryOutlets]
	}
	var linked, plain []string
	for _, a := range shown {
		name := escapeMarkdown(truncate(fold(a.Source), 60))
		if name == "" {
			name = "source"
		}
		linked = append(linked, link(name, a.URL))
		plain = append(plain, name)
	}
	count := "1 outlet"
	if len(arts) > 1 {
		count = fmt.Sprintf("%d outlets", len(arts))
	}
	line := strings.Join(linked, " · ")
	if runes(line) > maxOutletsLine {
		line = strings.Join(plain, " · ")
	}
	if len(arts) > len(shown) {
		line += fmt.Sprintf(" · and %d more", len(arts)-len(shown))
	}
	return line + " · " + count
}
