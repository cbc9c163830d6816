package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"attache/bot"
	"attache/bot/discordtest"
	"attache/sources"
)

// liveBot runs the real bot, engine and store (seeded with the sample
// corpus, plus extra articles) against the fake Discord.
type liveBot struct {
	fake  *discordtest.Server
	store sources.Store
	app   *App
}

const (
	liveGuild   = "500"
	liveChannel = "700"
)

// botWait bounds each wait for the bot; it is a deadline for something that
// never comes, not a measurement, and generous because a busy machine is
// slow.
const botWait = 2 * time.Minute

func startLiveBot(t *testing.T, extra ...sources.Article) *liveBot {
	t.Helper()
	return startLiveBotOn(t, "", extra...)
}

// startLiveBotOn is startLiveBot over the store that storeURL names (a
// SQLite file in a temporary data directory when empty).
func startLiveBotOn(t *testing.T, storeURL string, extra ...sources.Article) *liveBot {
	t.Helper()
	t.Setenv("DISCORD_TOKEN", "")
	ctx := context.Background()
	app := &App{stdout: io.Discard, stderr: io.Discard, dataDir: t.TempDir(), storeURL: storeURL}
	if err := app.setup(); err != nil {
		t.Fatal(err)
	}
	app.log = slog.New(slog.DiscardHandler)
	t.Cleanup(app.Close)
	eng, err := app.Engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := app.Store(ctx)
	if len(extra) > 0 {
		in, err := app.Ingester(st)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := in.Ingest(ctx, extra, nil); err != nil {
			t.Fatal(err)
		}
	}
	poller, err := app.Poller(ctx)
	if err != nil {
		t.Fatal(err)
	}
	guild := &discordgo.Guild{ID: liveGuild, Name: "Embassy Row", OwnerID: "1", Roles: []*discordgo.Role{
		{ID: liveGuild, Name: "@everyone", Permissions: discordgo.PermissionSendMessages | discordgo.PermissionViewChannel},
	}}
	fake := discordtest.New(t, discordtest.Options{Guilds: []*discordgo.Guild{guild}})
	b, err := bot.New(liveBotConfig(), bot.Deps{Briefer: eng, Feeds: feedStore{st, poller}, Digests: st, Digester: eng,
		Digest: bot.DefaultDigestConfig(), Logger: app.log, HTTPClient: fake.Client(),
		Memory: memoryOf(st), Remember: app.cfg.Briefing.Remember.D()})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- b.Run(runCtx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(botWait):
			t.Error("the bot did not stop")
		}
	})
	if _, err := fake.WaitCommands(liveGuild, botWait); err != nil {
		t.Fatalf("commands not registered: %v", err)
	}
	return &liveBot{fake: fake, store: st, app: app}
}

// liveBotConfig is the default discord section for the fake Discord, with
// commands in the fixture guild and no cooldown.
func liveBotConfig() bot.Config {
	c := bot.DefaultConfig()
	c.Token, c.CommandGuild, c.Cooldown = discordtest.DefaultToken, liveGuild, 0
	return c
}

func (lb *liveBot) ask(t *testing.T, content string) discordtest.Call {
	t.Helper()
	id, err := lb.fake.SendMessage(discordtest.Message{GuildID: liveGuild, ChannelID: liveChannel,
		Author: discordtest.User{ID: "11", Name: "alice"}, Content: content})
	if err != nil {
		t.Fatal(err)
	}
	c, err := lb.fake.WaitFor(botWait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.Payload.MessageReference != nil && c.Payload.MessageReference.MessageID == id
	})
	if err != nil {
		t.Fatalf("no reply to %q: %v", content, err)
	}
	if c.Rejected() {
		t.Fatalf("Discord rejected the reply to %q: %d %s", content, c.Status, c.Error)
	}
	return c
}

// TestBotBriefsFromTheRealCorpus: `!brief japan italy` in a channel is
// answered with the same brief as the terminal, from the real engine.
func TestBotBriefsFromTheRealCorpus(t *testing.T) {
	lb := startLiveBot(t)
	c := lb.ask(t, "!brief japan italy")
	text := c.Payload.VisibleText()
	for _, want := range []string{"Japan and Italy", "Kishida", "Pacific Ledger", "https://sample.attache.invalid/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the bot's brief lacks %q:\n%s", want, text)
		}
	}
	if !c.Payload.AllowedMentions.PingsNobody() {
		t.Errorf("allowed mentions = %+v, want none", c.Payload.AllowedMentions)
	}

	c = lb.ask(t, "!brief japn italy")
	if text := c.Payload.VisibleText(); !strings.Contains(text, "Japan") || !strings.Contains(strings.ToLower(text), "did you mean") {
		t.Errorf("reply to a misspelt country = %q, want a suggestion of Japan", text)
	}
}

// TestBotArticleWithEveryone: an article whose text says "@everyone" is
// quoted in a brief without pinging anyone.
func TestBotArticleWithEveryone(t *testing.T) {
	now := time.Now().UTC()
	art := sources.Article{
		Title: "Iceland and Bhutan open embassies", URL: "https://example.test/iceland-bhutan", Source: "Example Wire",
		Published: now.Add(-48 * time.Hour),
		Text: "Iceland and Bhutan agreed on Monday to open embassies in each other's capitals, the two foreign ministries said.\n\n" +
			"\"@everyone should know that small states can be close friends,\" Iceland's foreign minister, Anna Jonsdottir, said at the ceremony in Reykjavik with her Bhutanese counterpart.\n\n" +
			"Bhutan's foreign minister said the two countries shared a concern for glaciers and for the rights of small nations at the United Nations.",
	}
	lb := startLiveBot(t, art)
	c := lb.ask(t, "!brief iceland bhutan")
	text := c.Payload.VisibleText()
	if !strings.Contains(text, "everyone should know") {
		t.Fatalf("brief lacks the quote:\n%s", text)
	}
	if !c.Payload.AllowedMentions.PingsNobody() {
		t.Errorf("allowed mentions = %+v, want none", c.Payload.AllowedMentions)
	}
}

// TestBotDigestSchedule: an admin's `!digest schedule` lands in the real
// store, in the words' time zone.
func TestBotDigestSchedule(t *testing.T) {
	lb := startLiveBot(t)
	id, err := lb.fake.SendMessage(discordtest.Message{GuildID: liveGuild, ChannelID: liveChannel,
		Author: discordtest.User{ID: "1", Name: "owner"}, Content: "!digest schedule daily 08:00 Europe/Rome"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lb.fake.WaitFor(botWait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.Payload.MessageReference != nil && c.Payload.MessageReference.MessageID == id
	}); err != nil {
		t.Fatalf("no answer to digest schedule: %v", err)
	}
	sc, err := lb.store.Schedule(context.Background(), liveChannel)
	if err != nil || sc.TimeZone != "Europe/Rome" || sc.Spec != "0 8 * * *" {
		t.Fatalf("stored schedule = %+v, %v", sc, err)
	}
}

// TestBotFeedsAddBadURL: an admin adding a URL that is not a working feed
// is told why, not given an apology for an internal failure.
func TestBotFeedsAddBadURL(t *testing.T) {
	lb := startLiveBot(t)
	id, err := lb.fake.SendMessage(discordtest.Message{GuildID: liveGuild, ChannelID: liveChannel,
		Author: discordtest.User{ID: "1", Name: "owner"}, Content: "!feeds add http://127.0.0.1:9/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	c, err := lb.fake.WaitFor(botWait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.Payload.MessageReference != nil && c.Payload.MessageReference.MessageID == id
	})
	if err != nil {
		t.Fatal(err)
	}
	text := c.Payload.VisibleText()
	if !strings.Contains(text, "I couldn't subscribe to that feed") || !strings.Contains(text, "not allowed") {
		t.Errorf("reply = %q, want the reason the feed was refused", text)
	}
}

// TestBotWordLimitsSpeakForTheirCommand: too many words in !quotes,
// !search or !timeline are refused in that command's own words, not a
// brief's, and with the command as the person would type it.
func TestBotWordLimitsSpeakForTheirCommand(t *testing.T) {
	lb := startLiveBot(t)
	many := strings.TrimSpace(strings.Repeat("japan ", 50))
	for _, tt := range []struct{ cmd, want string }{
		{"quotes", "That is 50 words; quotes take at most 40. Try `!quotes "},
		{"search", "That is 50 words; a search takes at most 40. Try `!search "},
		{"timeline", "That is 50 words; a timeline takes at most 40. Try `!timeline "},
		{"brief", "That is 50 words; a brief takes at most 40. Try `!brief "},
	} {
		text := lb.ask(t, "!"+tt.cmd+" "+many).Payload.VisibleText()
		if !strings.Contains(text, tt.want) {
			t.Errorf("!%s with 50 words = %q, want %q", tt.cmd, text, tt.want)
		}
	}
}
