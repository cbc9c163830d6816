package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"attache/bot/discordtest"
	"attache/sources"
	"attache/sources/storetest"
)

// slashBrief sends /brief as user and returns the answer edited into the
// deferred response.
func (lb *liveBot) slash(t *testing.T, userID string, cmd *discordgo.ApplicationCommandInteractionData) discordtest.Payload {
	t.Helper()
	id, err := lb.fake.SendInteraction(discordtest.Interaction{GuildID: liveGuild, ChannelID: liveChannel,
		User: discordtest.User{ID: userID, Name: "user" + userID}, Type: discordgo.InteractionApplicationCommand, Command: cmd})
	if err != nil {
		t.Fatal(err)
	}
	c, err := lb.fake.WaitFor(15*time.Second, func(c discordtest.Call) bool {
		return c.InteractionID == id && (c.Route == discordtest.RouteEditOriginal || c.Route == discordtest.RouteFollowup)
	})
	if err != nil {
		t.Fatalf("no answer to /%s: %v", cmd.Name, err)
	}
	if c.Rejected() || c.Route != discordtest.RouteEditOriginal {
		t.Fatalf("/%s answered by %s (%d %s): %s", cmd.Name, c.Route, c.Status, c.Error, c.Payload.VisibleText())
	}
	return c.Payload
}

func (lb *liveBot) ingest(t *testing.T, arts ...sources.Article) {
	t.Helper()
	in, err := lb.app.Ingester(lb.store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Ingest(context.Background(), arts, nil); err != nil {
		t.Fatal(err)
	}
}

// TestBriefSinceLast: a person's second /brief on a pair marks the stories
// that arrived since their first and says how the tone moved; new:true
// shows only those; another person's memory is theirs, and the brief of
// someone who never asked marks nothing; /forget clears one person's
// memory and not the other's. On both store engines.
func TestBriefSinceLast(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		url := ""
		if e.Name != sources.EngineSQLite {
			url = e.New(t).URL()
		}
		testBriefSinceLast(t, url)
	})
}

func testBriefSinceLast(t *testing.T, storeURL string) {
	now := time.Now().UTC()
	fx := conflictArticles(now)
	cooperation, conflict := fx[:2], fx[2:]
	conflict = append(conflict, sources.Article{URL: "https://wire.example/ca-mx-seizure", Source: "Harbour Daily", Published: now.AddDate(0, 0, -5),
		Title: "Mexico seizes Canadian grain cargo at Veracruz",
		Text:  "Mexico seized a Canadian grain cargo at the port of Veracruz on Sunday, Mexican customs officials said.\n\nCanadian officials condemned the seizure.\n\nMexico said the cargo broke its rules on labels."})
	lb := startLiveBotOn(t, storeURL, cooperation...)
	brief := discordtest.Slash("brief", discordtest.Opt("countries", "canada mexico"), discordtest.Opt("since", "1y"))
	const alice, bob = "21", "22"

	first := lb.slash(t, alice, brief).VisibleText()
	if strings.Contains(first, "Since your last brief") || strings.Contains(first, "**new**") {
		t.Fatalf("a first brief says what changed since a last one:\n%s", first)
	}
	lb.slash(t, bob, brief)
	lb.ingest(t, conflict...)

	second := lb.slash(t, alice, brief).VisibleText()
	for _, want := range []string{"Since your last brief:", "3 new stories since", "tone turned from", "to material conflict", "**new**", "Mexico seizes Canadian grain cargo"} {
		if !strings.Contains(second, want) {
			t.Errorf("alice's second brief lacks %q:\n%s", want, second)
		}
	}
	if n := strings.Count(second, "**new**"); n != 3 {
		t.Errorf("%d stories marked new, want the 3 that arrived:\n%s", n, second)
	}

	// Carol never asked: alice's memory does not reach her brief.
	carol := lb.slash(t, "23", brief).VisibleText()
	if strings.Contains(carol, "Since your last brief") || strings.Contains(carol, "**new**") || !strings.Contains(carol, "Mexico seizes Canadian grain cargo") {
		t.Errorf("carol's first brief, after alice's two:\n%s", carol)
	}

	// Alice's briefs changed nothing of Bob's: his memory still holds the
	// two stories of his first brief, and his next brief finds all three
	// new ones new.
	mem := memoryOf(lb.store)
	bobs, ok, err := mem.LastBrief(context.Background(), "discord:user:"+bob, "CA,MX")
	if err != nil || !ok || len(bobs.Stories) != 2 {
		t.Fatalf("bob's memory = %+v, %v, %v; want his first brief's two stories", bobs, ok, err)
	}
	onlyNew := discordtest.Slash("brief", discordtest.Opt("countries", "canada mexico"), discordtest.Opt("since", "1y"),
		&discordgo.ApplicationCommandInteractionDataOption{Name: "new", Type: discordgo.ApplicationCommandOptionBoolean, Value: true})
	bobNew := lb.slash(t, bob, onlyNew).VisibleText()
	if !strings.Contains(bobNew, "3 new stories since") || strings.Contains(bobNew, "rail freight accord") {
		t.Errorf("bob's new:true brief should hold the three new stories and not the old ones:\n%s", bobNew)
	}

	again := lb.slash(t, alice, onlyNew).VisibleText()
	if !strings.Contains(again, "nothing new since") || strings.Contains(again, "**new**") {
		t.Errorf("alice's third brief, with nothing new, = \n%s", again)
	}

	forgot := lb.slash(t, alice, discordtest.Slash("forget")).VisibleText()
	if !strings.Contains(forgot, "Forgotten") {
		t.Errorf("/forget = %q", forgot)
	}
	if _, ok, _ := mem.LastBrief(context.Background(), "discord:user:"+alice, "CA,MX"); ok {
		t.Error("alice's memory survived /forget")
	}
	if m, ok, _ := mem.LastBrief(context.Background(), "discord:user:"+bob, "CA,MX"); !ok || len(m.Stories) != 5 {
		t.Errorf("bob's memory after alice's /forget = %+v, %v; want his five stories", m, ok)
	}
}

// TestTerminalBriefSinceLast: the terminal remembers per local user.
func TestTerminalBriefSinceLast(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	if _, _, err := attache(t, data, "brief", "japan", "italy", "--since", "3y"); err != nil {
		t.Fatal(err)
	}
	out, _, err := attache(t, data, "brief", "japan", "italy", "--since", "3y")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Since your last brief: nothing new since") {
		t.Errorf("second brief:\n%s", out)
	}
	out, _, err = attache(t, data, "forget")
	if err != nil || !strings.Contains(out, "Forgot your last brief on 1 request") {
		t.Errorf("forget = %q, %v", out, err)
	}
	out, _, _ = attache(t, data, "brief", "japan", "italy", "--since", "3y")
	if strings.Contains(out, "Since your last brief") {
		t.Errorf("a brief after forget still compares with the forgotten one:\n%s", out)
	}
}
