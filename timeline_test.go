package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"attache/bot/discordtest"
	"attache/sources"
)

// conflictArticles are fixtures written for these tests, in the shape of
// wire stories: a pair that cooperated and then fell out.
func conflictArticles(now time.Time) []sources.Article {
	day := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	return []sources.Article{
		{URL: "https://wire.example/ca-mx-accord", Source: "Northern Wire", Published: day(150), Title: "Canada and Mexico sign a rail freight accord",
			Text: "Canada and Mexico signed a rail freight accord on Monday, the two governments said.\n\nThe Canadian and Mexican transport ministers met in Ottawa to sign the deal, which opens Mexican lines to Canadian grain trains.\n\nCanada also extended a loan of 200 million dollars to Mexico for new rolling stock."},
		{URL: "https://wire.example/ca-mx-talks", Source: "Gulf Courier", Published: day(120), Title: "Canada and Mexico hold talks on trade in steel",
			Text: "Canada and Mexico held talks on steel trade in Mexico City on Thursday.\n\nCanadian officials praised Mexico for its work on the rail accord, a Mexican spokesman said.\n\nBoth countries agreed to meet again in the autumn."},
		{URL: "https://wire.example/ca-mx-tariffs", Source: "Northern Wire", Published: day(20), Title: "Canada imposes tariffs on Mexican steel",
			Text: "Canada imposed tariffs of 25 percent on Mexican steel on Tuesday, the Canadian finance ministry said.\n\nMexico condemned the Canadian tariffs and accused Ottawa of breaking the spirit of the rail accord.\n\nMexico said it may impose duties on Canadian grain in reply."},
		{URL: "https://wire.example/ca-mx-ambassador", Source: "Gulf Courier", Published: day(10), Title: "Mexico summons Canadian ambassador over steel tariffs",
			Text: "Mexico summoned the Canadian ambassador on Friday to protest against the steel tariffs, the Mexican foreign ministry said.\n\nMexican officials warned Canada that the dispute would harm the rail accord.\n\nCanada rejected the Mexican protest and said the tariffs would stay."},
	}
}

func TestTimelineCommand(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	out, _, err := attache(t, data, "timeline", "japan", "italy", "--since", "3y", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Title   string `json:"title"`
		By      string `json:"by"`
		Trend   string `json:"trend"`
		Periods []struct {
			Label   string `json:"label"`
			Stories map[string]int
			Lead    *struct {
				Tone, Evidence, Cue, URL string
			} `json:"lead"`
		} `json:"periods"`
		Totals map[string]int `json:"totals"`
	}
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatalf("timeline --format json is not JSON: %v\n%s", err, out)
	}
	if tl.Title != "Japan and Italy" || tl.By != "month" || tl.Trend == "" {
		t.Errorf("title %q, by %q, trend %q", tl.Title, tl.By, tl.Trend)
	}
	stories, leads := 0, 0
	for _, p := range tl.Periods {
		if p.Lead == nil {
			continue
		}
		leads++
		if p.Lead.Tone != "neither" && (p.Lead.Evidence == "" || !strings.Contains(p.Lead.Evidence, p.Lead.Cue)) {
			t.Errorf("%s: lead tagged %s without its sentence: %+v", p.Label, p.Lead.Tone, p.Lead)
		}
	}
	for _, n := range tl.Totals {
		stories += n
	}
	if stories == 0 || leads == 0 {
		t.Fatalf("no story on the sample corpus's Japan and Italy timeline:\n%s", out)
	}

	text, _, err := attache(t, data, "timeline", "japan", "italy", "--since", "3y")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Japan and Italy: timeline", "Trend: ", "cooperation│conflict", "Lead stories", "[1] "} {
		if !strings.Contains(text, want) {
			t.Errorf("text timeline lacks %q:\n%s", want, text)
		}
	}

	img := filepath.Join(t.TempDir(), "chart.png")
	if _, _, err := attache(t, data, "timeline", "japan", "italy", "--since", "3y", "--format", "png", "--out", img); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(img)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(raw)); err != nil || len(raw) > 200<<10 {
		t.Errorf("chart: %d bytes, decode error %v; want a PNG under 200 KB", len(raw), err)
	}
}

func TestTimelineRefusesOneCountry(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	_, _, err := attache(t, t.TempDir(), "timeline", "japan")
	if err == nil || !strings.Contains(err.Error(), "two countries") {
		t.Errorf("timeline japan: err = %v, want one that asks for two countries", err)
	}
	_, _, err = attache(t, t.TempDir(), "timeline", "japan", "italy", "--by", "day")
	if err == nil || !strings.Contains(err.Error(), "week or month") {
		t.Errorf("--by day: err = %v, want one naming week or month", err)
	}
}

// TestBotTimelineSlash: /timeline answers through the real discordgo
// client with an embed whose image is the chart attached to the message.
func TestBotTimelineSlash(t *testing.T) {
	lb := startLiveBot(t, conflictArticles(time.Now().UTC())...)
	id, err := lb.fake.SendInteraction(discordtest.Interaction{GuildID: liveGuild, ChannelID: liveChannel,
		User: discordtest.User{ID: "11", Name: "alice"}, Type: discordgo.InteractionApplicationCommand,
		Command: discordtest.Slash("timeline", discordtest.Opt("countries", "canada mexico"), discordtest.Opt("since", "1y"), discordtest.Opt("by", "month"))})
	if err != nil {
		t.Fatal(err)
	}
	c, err := lb.fake.WaitFor(15*time.Second, func(c discordtest.Call) bool {
		return c.InteractionID == id && c.Route == discordtest.RouteEditOriginal
	})
	if err != nil {
		t.Fatalf("no answer to /timeline: %v", err)
	}
	if c.Rejected() {
		t.Fatalf("Discord rejected the timeline: %d %s", c.Status, c.Error)
	}
	checkTimelinePayload(t, c.Payload)
}

// TestBotTimelinePrefix: !timeline in a channel gets the same reply.
func TestBotTimelinePrefix(t *testing.T) {
	lb := startLiveBot(t, conflictArticles(time.Now().UTC())...)
	c := lb.ask(t, "!timeline canada mexico by month")
	checkTimelinePayload(t, c.Payload)
}

func checkTimelinePayload(t *testing.T, p discordtest.Payload) {
	t.Helper()
	if len(p.Embeds) == 0 || !strings.Contains(p.Embeds[0].Title, "Canada and Mexico: timeline") {
		t.Fatalf("reply = %q, want a timeline embed", p.VisibleText())
	}
	e := p.Embeds[0]
	if e.Image == nil || e.Image.URL != "attachment://timeline.png" {
		t.Errorf("embed image = %+v, want attachment://timeline.png", e.Image)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].Filename != "timeline.png" {
		t.Fatalf("attachments = %d, want the chart", len(p.Attachments))
	}
	a := p.Attachments[0]
	if _, err := png.Decode(bytes.NewReader(a.Data)); err != nil || len(a.Data) > 200<<10 {
		t.Errorf("attached chart: %d bytes, decode error %v; want a PNG under 200 KB", len(a.Data), err)
	}
	// What a person reads, markdown escapes taken out.
	text := strings.ReplaceAll(p.VisibleText(), "\\", "")
	for _, want := range []string{"cooling since", "conflict", "Turning points", "cooperation → conflict", "material conflict (CA on MX)", "imposed tariffs"} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline reply lacks %q:\n%s", want, text)
		}
	}
}
