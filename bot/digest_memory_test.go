package bot

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// caMX is a wire story about Canada and Mexico, written for these tests.
func (c *corpus) caMX(url, title, text string, fetched time.Time) {
	c.t.Helper()
	a := sources.Article{URL: "https://wire.example/" + url, Source: "Example Wire", Title: title, Text: text,
		Published: fetched.Add(-time.Hour), Fetched: fetched}
	if _, err := sources.NewIngester(c.store, c.gaz.Tag, c.now).Ingest(context.Background(), []sources.Article{a}, nil); err != nil {
		c.t.Fatal(err)
	}
}

// A digest with a filter is remembered per channel: the channel's next
// digest on the same filter says what is new since its last one and how
// the tone turned, with the sentence behind each story's tone; another
// channel with the same filter, and a channel without a filter, are
// unaffected; the memory is forgotten after briefing.remember and when
// the channel's digests are turned off.
func TestDigestSinceLastOnAFilter(t *testing.T) { storetest.Run(t, testDigestSinceLastOnAFilter) }

func testDigestSinceLastOnAFilter(t *testing.T, e storetest.Engine) {
	slot1 := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	slot2, slot3 := slot1.AddDate(0, 0, 1), slot1.AddDate(0, 0, 5)
	h, c := startWithDigests(t, e, nov19noon, func(_ *Config, h *harness, c *corpus) {
		h.memory, h.remember = c.store, 72*time.Hour
		c.schedule(sources.Schedule{ChannelID: "701", Spec: "0 8 * * *", Filter: "canada mexico"})
		c.schedule(sources.Schedule{ChannelID: "703", Spec: "0 8 * * *"})
	})
	mem := c.store
	ctx := context.Background()
	c.caMX("ca-mx-accord", "Canada and Mexico sign a rail freight accord",
		"Canada and Mexico signed a rail freight accord on Monday, the two governments said.\n\nThe Canadian and Mexican transport ministers met in Ottawa to sign the deal.\n\nCanada also extended a loan to Mexico for new rolling stock.", nov19noon.Add(time.Hour))
	c.caMX("ca-mx-talks", "Canada and Mexico hold talks on steel",
		"Canada and Mexico held talks on steel trade in Mexico City on Thursday.\n\nCanadian officials praised Mexico for its work on the rail accord, a Mexican spokesman said.\n\nBoth countries agreed to meet again in the autumn.", nov19noon.Add(2*time.Hour))

	h.set(slot1.Add(30 * time.Second))
	h.runDue()
	first := h.posts("701")
	if len(first) != 1 {
		t.Fatalf("%d digests in 701 at the first slot, want 1", len(first))
	}
	if text := first[0].Payload.VisibleText(); strings.Contains(text, "Since this channel's last digest") || !strings.Contains(text, "rail freight accord") {
		t.Errorf("the first digest on the filter:\n%s", text)
	}
	m, ok, err := mem.LastBrief(ctx, "discord:channel:701", "CA,MX")
	if err != nil || !ok || len(m.Stories) != 2 || !strings.Contains(m.Tone, "cooperation") || !m.At.Equal(slot1) {
		t.Fatalf("701's memory after its first digest = %+v, %v, %v; want its 2 stories, a cooperation tone, the slot", m, ok, err)
	}

	// A second channel takes the same filter; then the pair falls out.
	h.set(slot1.Add(time.Minute))
	c.schedule(sources.Schedule{ChannelID: "702", Spec: "0 8 * * *", Filter: "mexico canada"})
	c.caMX("ca-mx-tariffs", "Canada imposes tariffs on Mexican steel",
		"Canada imposed tariffs of 25 percent on Mexican steel on Tuesday, the Canadian finance ministry said.\n\nMexico condemned the Canadian tariffs.\n\nMexico said it may impose duties on Canadian grain in reply.", slot1.Add(2*time.Hour))
	c.caMX("ca-mx-seizure", "Mexico seizes Canadian grain cargo at Veracruz",
		"Mexico seized a Canadian grain cargo at the port of Veracruz on Sunday, Mexican customs officials said.\n\nCanadian officials condemned the seizure.\n\nMexico said the cargo broke its rules on labels.", slot1.Add(3*time.Hour))

	h.set(slot2.Add(30 * time.Second))
	h.runDue()
	second := h.posts("701")
	if len(second) != 2 {
		t.Fatalf("%d digests in 701 after the second slot, want 2", len(second))
	}
	text := second[1].Payload.VisibleText()
	for _, want := range []string{"Since this channel's last digest on this filter:", "2 new stories since 20 Nov",
		"Mexico seizes Canadian grain cargo", "conflict:* “Canada imposed tariffs of 25 percent on Mexican steel"} {
		if !strings.Contains(text, want) {
			t.Errorf("701's second digest lacks %q:\n%s", want, text)
		}
	}
	// Which kind of cooperation and conflict is the tone rules' call.
	if !regexp.MustCompile(`; tone turned from (verbal|material) cooperation to (verbal|material) conflict`).MatchString(text) {
		t.Errorf("701's second digest does not say the tone turned from cooperation to conflict:\n%s", text)
	}
	if strings.Contains(text, "**new**") {
		t.Errorf("every story of the digest is new, yet some are marked:\n%s", text)
	}
	other := h.posts("702")
	if len(other) != 1 {
		t.Fatalf("%d digests in 702, want 1", len(other))
	}
	if text := other[0].Payload.VisibleText(); strings.Contains(text, "Since this channel's last digest") || strings.Contains(text, "tone turned") {
		t.Errorf("702's first digest compares with 701's:\n%s", text)
	}
	if m, _, _ := mem.LastBrief(ctx, "discord:channel:701", "CA,MX"); len(m.Stories) != 4 || !strings.HasSuffix(m.Tone, "_conflict") {
		t.Errorf("701's memory after its second digest = %+v; want 4 stories, a conflict tone", m)
	}
	if m, _, _ := mem.LastBrief(ctx, "discord:channel:702", "CA,MX"); len(m.Stories) != 2 {
		t.Errorf("702's memory = %+v; want its own 2 stories", m)
	}
	if unfiltered := h.posts("703"); len(unfiltered) != 2 || strings.Contains(unfiltered[1].Payload.VisibleText(), "Since this channel's last digest") {
		t.Errorf("the channel without a filter: %d digests, the last:\n%s", len(unfiltered), unfiltered[len(unfiltered)-1].Payload.VisibleText())
	}

	// Four days on, past briefing.remember (72h): forgotten, no delta.
	c.caMX("ca-mx-envoy", "Mexico recalls its envoy to Canada",
		"Mexico recalled its ambassador to Canada on Monday over the steel tariffs.\n\nCanada said it regretted the decision.", slot3.Add(-2*time.Hour))
	h.set(slot3.Add(30 * time.Second))
	h.runDue()
	third := h.posts("701")
	if len(third) != 3 {
		t.Fatalf("%d digests in 701 after the third slot, want 3", len(third))
	}
	if text := third[2].Payload.VisibleText(); strings.Contains(text, "Since this channel's last digest") || !strings.Contains(text, "recalls its envoy") {
		t.Errorf("a digest after the memory expired:\n%s", text)
	}

	// Turning the digest off forgets the channel's memory, not another's.
	if got := h.commandReply("701", mod, "!digest off"); !strings.Contains(got, "Digests in <#701> are off.") {
		t.Fatalf("!digest off = %q", got)
	}
	if _, ok, _ := mem.LastBrief(ctx, "discord:channel:701", "CA,MX"); ok {
		t.Error("701's memory outlived !digest off")
	}
	if _, ok, _ := mem.LastBrief(ctx, "discord:channel:702", "CA,MX"); !ok {
		t.Error("turning 701 off forgot 702")
	}
	if n, err := mem.ForgetBriefs(ctx, "discord:channel:703"); err != nil || n != 0 {
		t.Errorf("the channel without a filter had %d memories (%v); want none", n, err)
	}
}
