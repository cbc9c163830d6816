package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"attache/briefing"
	"attache/briefing/chart"
)

// timeliner is what /timeline needs of the briefer: the briefing engine
// has it.
type timeliner interface {
	Timeline(ctx context.Context, req briefing.Request, by string) (*briefing.Timeline, error)
}

// timelineImage is the attachment's name, which the embed shows.
const timelineImage = "timeline.png"

// colorTimeline is the embed colour of timelines.
const colorTimeline = 0x4a5568

// maxTimelineLeads bounds the lead stories listed under a timeline.
const maxTimelineLeads = 6

// timelineCommand is /timeline, !timeline and "timeline ..." in a DM.
func timelineCommand(countries, since *discordgo.ApplicationCommandOption) *command {
	return &command{
		name: "timeline", summary: "A pair's stories over time, cooperation and conflict marked, as a chart",
		usage: "japan italy [since 1y] [by week|month]",
		options: []*discordgo.ApplicationCommandOption{countries, since, {
			Type: discordgo.ApplicationCommandOptionString, Name: "by", Description: "Periods of the chart",
			Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "week", Value: "week"}, {Name: "month", Value: "month"}},
		}},
		optionWord: map[string]string{"since": "since", "by": "by"},
		run:        runTimeline,
	}
}

func runTimeline(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if len(in.words) == 0 {
		return nil, usageError(b, in, "Tell me which two countries to draw.")
	}
	tl, ok := b.deps.Briefer.(timeliner)
	if !ok {
		return nil, errors.New("bot: the briefer draws no timelines")
	}
	words, by := timelineWords(in.words)
	req, err := b.deps.Briefer.ParseWordsFor(ctx, asking(b, in, "a timeline takes"), words)
	if err != nil {
		return nil, err
	}
	t, err := tl.Timeline(ctx, req, by)
	if err != nil {
		return nil, err
	}
	img, err := chart.TimelinePNG(t)
	if err != nil {
		return nil, err
	}
	return TimelineReply{Timeline: t, Image: img}, nil
}

// timelineWords takes "by week" or "by month" (and "weekly", "monthly")
// out of a person's words.
func timelineWords(words []string) (rest []string, by string) {
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		switch {
		case w == "by" && i+1 < len(words) && (strings.EqualFold(words[i+1], "week") || strings.EqualFold(words[i+1], "month")):
			by = strings.ToLower(words[i+1])
			i++
		case w == "weekly":
			by = briefing.ByWeek
		case w == "monthly":
			by = briefing.ByMonth
		default:
			rest = append(rest, words[i])
		}
	}
	return rest, by
}

// TimelineReply is a timeline: an embed with the trend, the periods that
// had stories, the turning points and the lead stories with the sentence
// that gives each its tone, and the chart attached as a PNG.
type TimelineReply struct {
	Timeline *briefing.Timeline
	Image    []byte // PNG; none when empty
}

func (r TimelineReply) pages() []page {
	t := r.Timeline
	if t == nil {
		return TextReply{Text: "The timeline came back empty."}.pages()
	}
	p := &packer{title: escapeMarkdown(fold(t.Title) + ": timeline"), color: colorTimeline}
	if t.Trend != "" {
		p.line("**" + escapeMarkdown(upperFirst(t.Trend)) + "**")
	}
	for _, n := range t.Notes {
		p.line("*" + escapeMarkdown(fold(n)) + "*")
	}
	cites := newCitations(nil)
	var leads []*briefing.TimelineStory
	for _, per := range t.Periods {
		if per.Stories.Total() == 0 {
			continue
		}
		line := fmt.Sprintf("`%s` %s", per.Label, periodCounts(per.Stories))
		if per.Lead != nil {
			n := cites.number(per.Lead.ArticleID, per.Lead.URL, per.Lead.Source)
			if n > len(leads) {
				leads = append(leads, per.Lead)
			}
			line += " " + cites.link(n)
		}
		p.line(line)
	}
	if len(t.Turns) > 0 {
		var lines []string
		for _, tp := range t.Turns {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", tp.Label, tp.From, tp.To))
		}
		p.fieldLines("Turning points", lines)
	}
	for i, s := range leads {
		if i == maxTimelineLeads {
			break
		}
		n := i + 1
		name := fmt.Sprintf("(%d) %s", n, fold(s.Title))
		value := escapeMarkdown(toneWords(s))
		if s.Evidence != "" {
			value += "\n“" + escapeMarkdown(truncate(fold(s.Evidence), maxFieldValue-runes(value)-40)) + "”"
		}
		value += " " + cites.link(n)
		p.field(escapeMarkdown(name), value)
	}
	footer := fmt.Sprintf("%s to %s, by %s · Attaché", t.Since.UTC().Format("2 Jan 2006"), t.Until.UTC().Format("2 Jan 2006"), t.By)
	pages := p.pages(footer)
	if len(r.Image) > 0 {
		pages[0].embed.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + timelineImage}
		pages[0].files = []*discordgo.File{{Name: timelineImage, ContentType: "image/png", Reader: bytes.NewReader(r.Image)}}
	}
	return pages
}

// periodCounts words a period's stories: "2 cooperation, 1 conflict, 1
// neither".
func periodCounts(tc briefing.ToneCounts) string {
	var parts []string
	if n := tc.Cooperation(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d cooperation", n))
	}
	if n := tc.Conflict(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d conflict", n))
	}
	if tc.Neither > 0 {
		parts = append(parts, fmt.Sprintf("%d neither", tc.Neither))
	}
	return strings.Join(parts, ", ")
}

// toneWords says a story's tone: "material conflict (US on JP), from
// “imposed tariffs”".
func toneWords(s *briefing.TimelineStory) string {
	out := s.Class().Words()
	if s.Actor != "" && s.Target != "" {
		out += " (" + s.Actor + " on " + s.Target + ")"
	}
	if s.Cue != "" {
		out += ", from “" + fold(s.Cue) + "”"
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
