package bot

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/briefing"

	"github.com/bwmarrin/discordgo"
)

const testKey = "3f9a1c0b2e4d"

// sampleDigest is a small digest written for these tests: a story from
// three outlets with a quote, a story from one outlet whose text tries
// markdown and a mass mention, and one more story left out by the cap.
func sampleDigest() *briefing.Digest {
	since := time.Date(2026, 11, 19, 7, 0, 0, 0, time.UTC)
	return &briefing.Digest{
		Since: since, Until: since.Add(24 * time.Hour), Considered: 14, More: 1,
		Stories: []briefing.Story{
			{
				ID: 7, Headline: "Japan and Italy agree to speed up joint fighter programme",
				Summary: []briefing.Sentence{
					{Text: "Defence ministers from Japan and Italy agreed on Thursday to bring forward the first flight of their joint fighter.", URL: "https://wire.example/2026/11/gcap", Source: "Example Wire"},
					{Text: "The two governments will also share test ranges.", URL: "https://wire.example/2026/11/gcap", Source: "Example Wire"},
				},
				Quote: &briefing.Quote{Text: "We are moving from drawings to hardware", Speaker: "Aiko Tanaka", Role: "Defence Minister of Japan"},
				Articles: []briefing.ArticleRef{
					{Title: "Japan and Italy agree to speed up joint fighter programme", URL: "https://wire.example/2026/11/gcap", Source: "Example Wire"},
					{Title: "Rome and Tokyo bring fighter forward", URL: "https://herald.example/world/gcap-forward", Source: "Example Herald"},
					{Title: "Fighter timetable advanced", URL: "https://post.example/gcap", Source: "Example Post"},
				},
				Countries: []string{"JP", "IT"}, Published: since.Add(5 * time.Hour),
			},
			{
				ID: 9, Headline: "ASEAN envoys *meet* in [Jakarta]",
				Summary:   []briefing.Sentence{{Text: "@everyone The envoys met for two hours and issued no statement.", URL: "https://daily.example/asean", Source: "Example Daily"}},
				Articles:  []briefing.ArticleRef{{Title: "ASEAN envoys meet", URL: "https://daily.example/asean", Source: "Example Daily"}},
				Published: since.Add(9 * time.Hour),
			},
		},
	}
}

func TestDigestRenderGolden(t *testing.T) {
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		t.Fatal(err)
	}
	slot := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	r := digestReply{digest: sampleDigest(), key: testKey, slot: slot, loc: rome, filter: "japan italy asean"}
	pages := r.pages()
	var embeds []*discordgo.MessageEmbed
	for _, p := range pages {
		if probs := limitProblems(p); len(probs) > 0 {
			t.Errorf("page breaks Discord limits: %v", probs)
		}
		embeds = append(embeds, p.embed)
	}
	got, err := json.MarshalIndent(embeds, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "digest.golden.json")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
		t.Errorf("rendered digest differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
	// What the golden file must show, spelled out.
	e := pages[0].embed
	for _, want := range []string{
		"**1. [Japan and Italy agree to speed up joint fighter programme](https://wire.example/2026/11/gcap)**",
		"> “We are moving from drawings to hardware” — Aiko Tanaka, Defence Minister of Japan",
		"[Example Wire](https://wire.example/2026/11/gcap) · [Example Herald](https://herald.example/world/gcap-forward) · [Example Post](https://post.example/gcap) · 3 outlets",
		"ASEAN envoys \\*meet\\* in \\[Jakarta\\]",
		"@\u200beveryone",
		"*…and 1 more story not shown.*",
	} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, e.Description)
		}
	}
	if got, want := e.Footer.Text, "Digest 3f9a1c0b2e4d · Fri 20 Nov 08:00 Europe/Rome"; got != want {
		t.Errorf("footer = %q, want %q", got, want)
	}
	if got, want := e.Title, "Digest: 2 new stories since Thu 19 Nov 08:00 (japan italy asean)"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

// manyStories is a digest too long for one message.
func manyStories(n int) *briefing.Digest {
	d := &briefing.Digest{Since: time.Date(2026, 11, 19, 7, 0, 0, 0, time.UTC)}
	for i := 1; i <= n; i++ {
		var arts []briefing.ArticleRef
		for j := 0; j < 8; j++ {
			arts = append(arts, briefing.ArticleRef{URL: fmt.Sprintf("https://outlet%d.example/%s", j, strings.Repeat("long-path/", 30)), Source: fmt.Sprintf("Outlet %d", j)})
		}
		d.Stories = append(d.Stories, briefing.Story{
			Headline: fmt.Sprintf("Story %d: ", i) + strings.Repeat("ministers meet again ", 20),
			Summary:  []briefing.Sentence{{Text: strings.Repeat("Officials said the talks would continue next week in Geneva. ", 20), URL: arts[0].URL}},
			Quote:    &briefing.Quote{Text: strings.Repeat("we will keep talking ", 40), Speaker: "A Spokesperson", Role: strings.Repeat("Role ", 50)},
			Articles: arts,
		})
	}
	return d
}

func TestDigestPagesStayWithinLimitsAndCarryTheKey(t *testing.T) {
	tests := []struct {
		name      string
		digest    *briefing.Digest
		wantPages int // 0: more than one
	}{
		{"one story", &briefing.Digest{Stories: sampleDigest().Stories[:1]}, 1},
		{"twenty-five long stories", manyStories(25), 0},
		{"empty", &briefing.Digest{}, 1},
		{"nil", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := digestReply{digest: tt.digest, key: testKey, slot: time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC), filter: "g7"}.pages()
			if tt.wantPages > 0 && len(pages) != tt.wantPages || tt.wantPages == 0 && len(pages) < 2 {
				t.Fatalf("got %d pages, want %d (0: several)", len(pages), tt.wantPages)
			}
			for i, p := range pages {
				if probs := limitProblems(p); len(probs) > 0 {
					t.Errorf("page %d breaks Discord limits: %v", i+1, probs)
				}
				m := &discordgo.Message{Content: p.content, Embeds: p.embeds()}
				idx, ok := digestPage(m, testKey)
				if !ok || idx != i {
					t.Errorf("page %d: key found %v at page index %d, want it at %d", i+1, ok, idx, i)
				}
				if _, ok := digestPage(m, "000000000000"); ok {
					t.Errorf("page %d matched another delivery's key", i+1)
				}
			}
		})
	}
}

func TestEmptyDigestLine(t *testing.T) {
	d := &briefing.Digest{Since: time.Date(2026, 11, 19, 23, 0, 0, 0, time.UTC)}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	pages := digestReply{digest: d, key: testKey, slot: time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC), loc: tokyo, filter: "japan *korea*"}.pages()
	if len(pages) != 1 || pages[0].embed != nil {
		t.Fatalf("an empty digest is %d pages, want one line of content", len(pages))
	}
	want := "Nothing new since Fri 20 Nov 08:00 on japan \\*korea\\*. (Digest 3f9a1c0b2e4d · Sat 21 Nov 08:00 Asia/Tokyo)"
	if got := pages[0].content; got != want || strings.Contains(got, "\n") {
		t.Errorf("empty digest line = %q, want %q", got, want)
	}
}

func TestDigestPageOfMessages(t *testing.T) {
	tests := []struct {
		name    string
		msg     *discordgo.Message
		wantIdx int
		wantOK  bool
	}{
		{"first page footer", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Footer: &discordgo.MessageEmbedFooter{Text: "Digest 3f9a1c0b2e4d · Fri 20 Nov 08:00 UTC"}}}}, 0, true},
		{"third page footer", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Footer: &discordgo.MessageEmbedFooter{Text: "Page 3 of 4 · Digest 3f9a1c0b2e4d · Fri 20 Nov 08:00 UTC"}}}}, 2, true},
		{"empty-day line", &discordgo.Message{Content: "Nothing new since Thu. (Digest 3f9a1c0b2e4d · Fri 20 Nov 08:00 UTC)"}, 0, true},
		{"another key", &discordgo.Message{Content: "Digest 3f9a1c0b2e4e"}, 0, false},
		{"a longer hex run", &discordgo.Message{Content: "Digest 3f9a1c0b2e4d00"}, 0, false},
		{"no footer", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Title: "Digest 3f9a1c0b2e4d"}}}, 0, false},
		{"nil embed", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{nil}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx, ok := digestPage(tt.msg, testKey)
			if idx != tt.wantIdx || ok != tt.wantOK {
				t.Errorf("digestPage = %d, %v; want %d, %v", idx, ok, tt.wantIdx, tt.wantOK)
			}
		})
	}
}

// A digest that says what changed since the channel's last one opens with
// it; stories are marked new only when some of them are not.
func TestDigestDeltaAndMarks(t *testing.T) {
	slot := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	d := sampleDigest()
	d.Delta = "2 new stories since 19 Nov; tone turned from verbal cooperation to verbal conflict"
	d.Stories[0].New, d.Stories[1].New = true, true
	d.Stories[0].Tone = &briefing.ToneTag{Class: "verbal_conflict", Evidence: "Italy criticised Japan over the *fighter* delay.", Cue: "criticised"}
	text := digestReply{digest: d, key: testKey, slot: slot, filter: "japan italy"}.pages()[0].embeds()[0].Description
	for _, want := range []string{"**Since this channel's last digest on this filter:** 2 new stories since 19 Nov; tone turned from verbal cooperation to verbal conflict",
		"*verbal conflict:* “Italy criticised Japan over the \\*fighter\\* delay.”"} {
		if !strings.Contains(text, want) {
			t.Errorf("digest lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "**new**") {
		t.Errorf("all stories new, yet marked:\n%s", text)
	}
	d.Stories[1].New = false
	text = digestReply{digest: d, key: testKey, slot: slot, filter: "japan italy"}.pages()[0].embeds()[0].Description
	if strings.Count(text, "**new**") != 1 || !strings.Contains(text, "fighter programme](https://wire.example/2026/11/gcap)** · **new**") {
		t.Errorf("one story of two new: want it alone marked:\n%s", text)
	}
}
