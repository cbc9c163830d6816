package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"attache/bot/discordtest"
	"attache/briefing"
	"attache/config"

	"github.com/bwmarrin/discordgo"
)

// checkBriefPayload asserts what every rendered sample brief must show.
func checkBriefPayload(t *testing.T, p discordtest.Payload) {
	t.Helper()
	if !p.AllowedMentions.PingsNobody() {
		t.Errorf("allowed_mentions = %+v, want parse [] and nothing else", p.AllowedMentions)
	}
	if len(p.Embeds) != 1 {
		t.Fatalf("got %d embeds, want 1", len(p.Embeds))
	}
	e := p.Embeds[0]
	if e.Title != "Japan and Italy" {
		t.Errorf("title = %q, want %q", e.Title, "Japan and Italy")
	}
	wantLine := "Japan and Italy agreed on Tuesday to speed up work on their joint fighter jet. [(1)](https://news.example.org/2026/11/gcap-rome-tokyo)"
	if !strings.Contains(e.Description, wantLine) {
		t.Errorf("description = %q, want the line %q", e.Description, wantLine)
	}
	var quote, sources string
	for _, f := range e.Fields {
		switch {
		case f.Name == "Aiko Tanaka, Defence Minister of Japan":
			quote = f.Value
		case f.Name == "Sources":
			sources = f.Value
		}
	}
	if want := "“Our partnership has never been closer” [(2)](https://daily.example.com/world/italy-japan-visit)"; quote != want {
		t.Errorf("quote field = %q, want %q", quote, want)
	}
	if want := "**1.** [Rome and Tokyo deepen fighter-jet partnership](https://news.example.org/2026/11/gcap-rome-tokyo) · Example Wire · 20 Nov 2026 · 3 outlets"; !strings.Contains(sources, want) {
		t.Errorf("sources field = %q, want it to hold %q", sources, want)
	}
}

func TestPrefixBriefInGuild(t *testing.T) {
	h := start(t, nil)
	id := h.say(guildID, alice, "!brief japan italy")
	c := h.replyTo(id)
	if c.ChannelID != channelID {
		t.Errorf("reply went to channel %s, want %s", c.ChannelID, channelID)
	}
	checkBriefPayload(t, c.Payload)
	if got, want := h.briefer.called(), []string{"parse japan italy", "brief JP,IT"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("briefer calls = %v, want %v", got, want)
	}
	if len(c.Payload.Components) != 0 {
		t.Errorf("a one-page brief got buttons: %+v", c.Payload.Components)
	}
	if got := h.fake.Gateway().Intents; got != Intents {
		t.Errorf("IDENTIFY intents = %d, want %d (guilds, guild messages, DMs, message content)", got, Intents)
	}
	h.stop() // waits for the handler, which logs after sending
	logs := h.logs.String()
	for _, want := range []string{`"guild_id":"500"`, `"channel_id":"700"`, `"command":"brief"`, `"outcome":"ok"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

func TestDirectMessages(t *testing.T) {
	h := start(t, nil)
	tests := []struct {
		name, content, wantTitle string
	}{
		{"with prefix", "!brief japan italy", "Japan and Italy"},
		{"command without prefix", "brief japan italy", "Japan and Italy"},
		{"just the countries", "japan italy", "Japan and Italy"},
		{"help", "help", "Attaché: diplomacy briefs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := h.replyTo(h.say("", alice, tt.content))
			if c.ChannelID != dmChannel {
				t.Errorf("reply in channel %s, want the DM %s", c.ChannelID, dmChannel)
			}
			if len(c.Payload.Embeds) == 0 || c.Payload.Embeds[0].Title != tt.wantTitle {
				t.Fatalf("got %q, want an embed titled %q", c.Payload.VisibleText(), tt.wantTitle)
			}
		})
	}
	t.Run("guild messages need the prefix", func(t *testing.T) {
		quiet := h.say(guildID, alice, "japan italy")
		// A later command's answer proves the first message was read and passed over.
		h.replyTo(h.say(guildID, alice, "!help"))
		for _, c := range h.fake.Calls() {
			if c.Payload.MessageReference != nil && c.Payload.MessageReference.MessageID == quiet {
				t.Fatalf("the bot answered a guild message without prefix: %q", c.Payload.VisibleText())
			}
		}
	})
}

func TestSlashBriefDefersThenEdits(t *testing.T) {
	h := start(t, nil)
	id := h.interact(slash(alice, 0, discordtest.Slash("brief", discordtest.Opt("countries", "japan italy"), discordtest.Opt("since", "7d"))))
	deferred := h.answer(id, discordtest.RouteCallback)
	if deferred.CallbackType != discordtest.CallbackDeferredMessage {
		t.Fatalf("first answer is callback type %d, want %d (deferred)", deferred.CallbackType, discordtest.CallbackDeferredMessage)
	}
	edit := h.answer(id, discordtest.RouteEditOriginal)
	checkBriefPayload(t, edit.Payload)
	if got, want := h.briefer.called(), []string{"parse japan italy since 7d", "brief JP,IT"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("briefer calls = %v, want %v", got, want)
	}
	cmds := h.fake.Commands(guildID)
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, " "), "brief quotes search feeds timeline forget digest help"; got != want {
		t.Errorf("registered commands %q, want %q", got, want)
	}
	if !cmds[0].Options[0].Autocomplete {
		t.Errorf("/brief countries option has no autocomplete")
	}
}

func TestAutocomplete(t *testing.T) {
	h := start(t, nil)
	tests := []struct {
		typed string
		want  []string // choice values
	}{
		{"it", []string{"italy"}},
		{"japan i", []string{"japan italy", "japan israel", "japan india"}},
		{"", nil}, // everything, up to 25: checked by count below
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			id := h.interact(discordtest.Interaction{GuildID: guildID, User: alice, Type: discordgo.InteractionApplicationCommandAutocomplete,
				Command: discordtest.Slash("brief", discordtest.Focused("countries", tt.typed))})
			c := h.answer(id, discordtest.RouteCallback)
			if c.CallbackType != discordtest.CallbackAutocomplete {
				t.Fatalf("callback type %d, want %d", c.CallbackType, discordtest.CallbackAutocomplete)
			}
			var got []string
			for _, ch := range c.Payload.Choices {
				got = append(got, fmt.Sprint(ch.Value))
			}
			if tt.want == nil {
				if len(got) != len(gazetteer) {
					t.Errorf("got %d choices for an empty prefix, want %d", len(got), len(gazetteer))
				}
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("choices = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPagingButtons(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(context.Context, briefing.Request) (*briefing.Brief, error) { return longBrief(40, 12), nil }
	})
	first := h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	buttons := first.Payload.Buttons()
	if len(buttons) != 2 || !buttons[0].Disabled || buttons[1].Disabled {
		t.Fatalf("first page buttons = %+v, want Previous disabled and Next enabled", buttons)
	}
	footer := first.Payload.Embeds[0].Footer.Text
	m := regexp.MustCompile(`^Page 1 of (\d+)`).FindStringSubmatch(footer)
	if m == nil {
		t.Fatalf("footer %q does not number the pages", footer)
	}
	var pages int
	fmt.Sscan(m[1], &pages)
	if pages < 3 {
		t.Fatalf("a 40-sentence brief fits in %d pages; want at least 3", pages)
	}

	t.Run("someone else cannot turn them", func(t *testing.T) {
		id := h.interact(discordtest.Interaction{GuildID: guildID, User: bob, Type: discordgo.InteractionMessageComponent, CustomID: buttons[1].CustomID, MessageID: first.MessageID})
		c := h.answer(id, discordtest.RouteCallback)
		if c.CallbackType != discordtest.CallbackMessage || !c.Ephemeral() || !strings.Contains(c.Payload.Text(), "Only the person who asked can turn these pages") {
			t.Fatalf("got callback %d ephemeral=%v %q; want an ephemeral refusal", c.CallbackType, c.Ephemeral(), c.Payload.Text())
		}
	})
	t.Run("the asker turns every page", func(t *testing.T) {
		seen := first.Payload.VisibleText()
		next := buttons[1].CustomID
		for n := 2; n <= pages; n++ {
			id := h.interact(discordtest.Interaction{GuildID: guildID, User: alice, Type: discordgo.InteractionMessageComponent, CustomID: next, MessageID: first.MessageID})
			c := h.answer(id, discordtest.RouteCallback)
			if c.CallbackType != discordtest.CallbackUpdateMessage {
				t.Fatalf("page %d: callback type %d, want %d (update)", n, c.CallbackType, discordtest.CallbackUpdateMessage)
			}
			if got, want := c.Payload.Embeds[0].Footer.Text, fmt.Sprintf("Page %d of %d", n, pages); !strings.HasPrefix(got, want) {
				t.Fatalf("footer %q, want it to start %q", got, want)
			}
			if !c.Payload.AllowedMentions.PingsNobody() {
				t.Errorf("page %d: allowed mentions %+v", n, c.Payload.AllowedMentions)
			}
			seen += c.Payload.VisibleText()
			b := c.Payload.Buttons()
			if n == pages && !b[1].Disabled {
				t.Errorf("last page: Next is still enabled")
			}
			next = b[1].CustomID
		}
		for _, want := range []string{"Sentence 1:", "Sentence 40:", "Quote 12:", "Speaker 12, Minister", "**40.** [Story number 40"} {
			if !strings.Contains(seen, want) {
				t.Errorf("no page shows %q", want)
			}
		}
	})
}

// TestPagingButtonsPressedTogether presses Next and Previous of one reply
// at once, many times: every press gets a page whose buttons belong to it
// (run with -race: the handlers of the presses run concurrently).
func TestPagingButtonsPressedTogether(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(context.Context, briefing.Request) (*briefing.Brief, error) { return longBrief(40, 12), nil }
	})
	first := h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	next := first.Payload.Buttons()[1].CustomID
	// "pg:<id>:next:1" becomes "pg:<id>:prev:0". (Replacing the first
	// ":1" failed one run in sixteen: when the random pager id began with
	// a 1, it changed the id instead of the page.)
	base, ok := strings.CutSuffix(next, ":next:1")
	if !ok {
		t.Fatalf("first page's Next button %q, want it to end in :next:1", next)
	}
	prev := base + ":prev:0"
	var ids []string
	for range 8 {
		for _, custom := range []string{next, prev} {
			ids = append(ids, h.interact(discordtest.Interaction{GuildID: guildID, User: alice, Type: discordgo.InteractionMessageComponent, CustomID: custom, MessageID: first.MessageID}))
		}
	}
	for _, id := range ids {
		c := h.answer(id, discordtest.RouteCallback)
		if c.CallbackType != discordtest.CallbackUpdateMessage {
			t.Fatalf("callback type %d, want %d (update)", c.CallbackType, discordtest.CallbackUpdateMessage)
		}
		footer := c.Payload.Embeds[0].Footer.Text
		b := c.Payload.Buttons()
		onFirst := strings.HasPrefix(footer, "Page 1 of")
		if len(b) != 2 || b[0].Disabled != onFirst {
			t.Errorf("page %q has Previous disabled = %v, want %v", footer, b[0].Disabled, onFirst)
		}
		if want := fmt.Sprintf("(%s/", strings.Fields(footer)[1]); !strings.Contains(b[1].Label, want) {
			t.Errorf("page %q has a Next button labelled %q, want it to say %q", footer, b[1].Label, want)
		}
	}
}

func TestPageButtonsStopAfterTimeout(t *testing.T) {
	h := start(t, func(c *Config, h *harness) {
		c.PageTimeout = config.Duration(time.Minute)
		h.briefer.brief = func(context.Context, briefing.Request) (*briefing.Brief, error) { return longBrief(40, 0), nil }
	})
	first := h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	h.clock.Advance(time.Minute)
	edit, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteEditMessage && c.MessageID == first.MessageID
	})
	if err != nil {
		t.Fatal(err)
	}
	if edit.Rejected() || edit.Payload.Components == nil || len(edit.Payload.Components) != 0 {
		t.Fatalf("expiry edit: status %d, components %+v; want the buttons removed", edit.Status, edit.Payload.Components)
	}
	h.clock.Advance(time.Hour - time.Minute)
	id := h.interact(discordtest.Interaction{GuildID: guildID, User: alice, Type: discordgo.InteractionMessageComponent, CustomID: first.Payload.Buttons()[1].CustomID, MessageID: first.MessageID})
	c := h.answer(id, discordtest.RouteCallback)
	if !c.Ephemeral() || !strings.Contains(c.Payload.Text(), "expired") {
		t.Fatalf("pressing an expired button: %q (ephemeral %v), want an ephemeral note that the pages expired", c.Payload.Text(), c.Ephemeral())
	}
}

func TestPageButtonsNotRemovedIsLogged(t *testing.T) {
	h := start(t, func(c *Config, h *harness) {
		c.PageTimeout = config.Duration(time.Minute)
		h.briefer.brief = func(context.Context, briefing.Request) (*briefing.Brief, error) { return longBrief(40, 0), nil }
	})
	first := h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	h.fake.FailChannel(channelID, discordtest.MissingAccess) // hidden from the bot before the buttons expire
	h.clock.Advance(time.Minute)
	edit, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteEditMessage && c.MessageID == first.MessageID
	})
	if err != nil {
		t.Fatal(err)
	}
	if !edit.Rejected() {
		t.Fatalf("the expiry edit in a hidden channel was accepted (status %d)", edit.Status)
	}
	h.stop()
	if logs := h.logs.String(); !strings.Contains(logs, "page buttons not removed") || !strings.Contains(logs, "Missing Access") {
		t.Errorf("the failed removal of the buttons is not logged:\n%s", logs)
	}
}

func TestSlashPagedBriefStaysWithinLimits(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(context.Context, briefing.Request) (*briefing.Brief, error) { return longBrief(60, 25), nil }
	})
	id := h.interact(slash(alice, 0, discordtest.Slash("brief", discordtest.Opt("countries", "japan italy"))))
	h.answer(id, discordtest.RouteCallback)
	edit := h.answer(id, discordtest.RouteEditOriginal) // answer fails the test if the fake rejected it
	if len(edit.Payload.Buttons()) != 2 {
		t.Fatalf("paged slash answer has buttons %+v, want Previous and Next", edit.Payload.Buttons())
	}
}

func TestAdminCommands(t *testing.T) {
	h := start(t, nil)
	tests := []struct {
		name   string
		guild  string
		user   discordtest.User
		want   string
		wantOK bool
	}{
		{"no role", guildID, alice, "Only people with the Manage Server permission or one of the roles editors", false},
		{"role with Manage Server", guildID, mod, "Subscribed to feed #4", true},
		{"admin role by name", guildID, editor, "Subscribed to feed #4", true},
		{"guild owner", guildID, discordtest.User{ID: ownerID, Roles: []string{}}, "Subscribed to feed #4", true},
		{"in a DM", "", mod, "only works in a server", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(h.feeds.addedURLs())
			c := h.replyTo(h.say(tt.guild, tt.user, "!feeds add https://daily.example.com/rss.xml"))
			if !strings.Contains(c.Payload.Text(), tt.want) {
				t.Fatalf("reply %q, want it to contain %q", c.Payload.Text(), tt.want)
			}
			if added := len(h.feeds.addedURLs()) - before; (added == 1) != tt.wantOK {
				t.Fatalf("AddFeed called %d times, want %v", added, tt.wantOK)
			}
		})
	}
	t.Run("slash by an admin role without the permission bit", func(t *testing.T) {
		id := h.interact(slash(editor, discordgo.PermissionSendMessages, discordtest.Slash("feeds", discordtest.Sub("remove", discordtest.IntOpt("id", 5)))))
		h.answer(id, discordtest.RouteCallback)
		if c := h.answer(id, discordtest.RouteEditOriginal); c.Payload.Text() != "Removed feed #5." {
			t.Fatalf("got %q, want %q", c.Payload.Text(), "Removed feed #5.")
		}
	})
	t.Run("slash without permission is refused ephemerally", func(t *testing.T) {
		id := h.interact(slash(alice, discordgo.PermissionSendMessages, discordtest.Slash("feeds", discordtest.Sub("remove", discordtest.IntOpt("id", 3)))))
		c := h.answer(id, discordtest.RouteCallback)
		if c.CallbackType != discordtest.CallbackMessage || !c.Ephemeral() || !strings.Contains(c.Payload.Text(), "Manage Server") {
			t.Fatalf("got callback %d ephemeral=%v %q, want an ephemeral refusal naming Manage Server", c.CallbackType, c.Ephemeral(), c.Payload.Text())
		}
	})
	t.Run("slash with Manage Server works", func(t *testing.T) {
		id := h.interact(slash(alice, discordgo.PermissionManageGuild, discordtest.Slash("feeds", discordtest.Sub("remove", discordtest.IntOpt("id", 3)))))
		h.answer(id, discordtest.RouteCallback)
		if c := h.answer(id, discordtest.RouteEditOriginal); c.Payload.Text() != "Removed feed #3." {
			t.Fatalf("got %q, want %q", c.Payload.Text(), "Removed feed #3.")
		}
	})
	t.Run("anyone may list", func(t *testing.T) {
		c := h.replyTo(h.say(guildID, alice, "!feeds"))
		if got := c.Payload.VisibleText(); !strings.Contains(got, "**#3** [Example Wire](https://news.example.org/rss) · 120 articles") {
			t.Fatalf("feeds list = %q", got)
		}
	})
}

func TestMentionsPingNobody(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(_ context.Context, req briefing.Request) (*briefing.Brief, error) {
			br := sampleBrief(req)
			br.Summary[0].Text = "@everyone the summit is on, says <@&123> and **bold** claims."
			return br, nil
		}
	})
	c := h.replyTo(h.say(guildID, alice, "!brief japan italy @here"))
	// "@here" is an unknown country to the fake: the error text echoes it.
	if !c.Payload.AllowedMentions.PingsNobody() {
		t.Fatalf("error reply allowed_mentions = %+v", c.Payload.AllowedMentions)
	}
	c = h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	if !c.Payload.AllowedMentions.PingsNobody() {
		t.Fatalf("allowed_mentions = %+v, want parse []", c.Payload.AllowedMentions)
	}
	desc := c.Payload.Embeds[0].Description
	if want := "@\u200beveryone the summit is on, says \\<@\u200b&123\\> and \\*\\*bold\\*\\* claims."; !strings.Contains(desc, want) {
		t.Fatalf("description %q, want the escaped line %q", desc, want)
	}
}

func TestReconnectAfterDroppedGateway(t *testing.T) {
	h := start(t, nil)
	h.replyTo(h.say(guildID, alice, "!help"))
	tests := []struct {
		name   string
		forget bool
		cond   func(discordtest.GatewayStats) bool
	}{
		{"resume", false, func(s discordtest.GatewayStats) bool { return s.Resumes == 1 }},
		{"identify again", true, func(s discordtest.GatewayStats) bool { return s.Identifies == 2 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := h.fake.DropConnection(tt.forget); err != nil {
				t.Fatal(err)
			}
			id := h.say(guildID, alice, "!brief japan italy")
			checkBriefPayload(t, h.replyTo(id).Payload)
			if err := h.fake.WaitReady(wait, tt.cond); err != nil {
				t.Fatalf("%v; gateway %+v", err, h.fake.Gateway())
			}
		})
	}
}

func TestIgnoresBotsAndItself(t *testing.T) {
	h := start(t, nil)
	other := h.say(guildID, discordtest.User{ID: "66", Name: "otherbot", Bot: true}, "!brief japan italy")
	self := h.say(guildID, discordtest.User{ID: discordtest.BotUserID, Name: "Attaché", Bot: true}, "!brief japan italy")
	h.replyTo(h.say(guildID, alice, "!brief japan"))
	if got := h.briefer.called(); len(got) != 2 || got[0] != "parse japan" {
		t.Fatalf("briefer calls = %v, want only alice's", got)
	}
	for _, c := range h.fake.Calls() {
		if ref := c.Payload.MessageReference; ref != nil && (ref.MessageID == other || ref.MessageID == self) {
			t.Fatalf("the bot answered a bot: %q", c.Payload.VisibleText())
		}
	}
}

func TestCooldown(t *testing.T) {
	h := start(t, func(c *Config, _ *harness) { c.Cooldown = config.Duration(30 * time.Second) })
	h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	c := h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	if want := "You're asking a little fast: try again in 30 seconds."; c.Payload.Text() != want {
		t.Fatalf("second command: %q, want %q", c.Payload.Text(), want)
	}
	quiet := h.say(guildID, alice, "!brief japan italy")
	h.replyTo(h.say(guildID, bob, "!brief japan italy")) // others are not held back
	// The quiet refusal is handled on a goroutine of its own: wait for its
	// log line before the clock moves past the cooldown.
	h.waitLogged(`"outcome":"cooldown"`, 2)
	h.clock.Advance(31 * time.Second)
	h.replyTo(h.say(guildID, alice, "!brief japan italy"))
	for _, c := range h.fake.Calls() {
		if ref := c.Payload.MessageReference; ref != nil && ref.MessageID == quiet {
			t.Fatalf("a repeated refusal was answered: %q", c.Payload.Text())
		}
	}
	if got := strings.Count(h.logs.String(), `"outcome":"cooldown"`); got != 2 {
		t.Errorf("logged %d cooldown outcomes, want 2", got)
	}
	t.Run("slash refusals are ephemeral", func(t *testing.T) {
		id := h.interact(slash(alice, 0, discordtest.Slash("brief", discordtest.Opt("countries", "japan"))))
		c := h.answer(id, discordtest.RouteCallback)
		if !c.Ephemeral() || !strings.Contains(c.Payload.Text(), "try again in 30 seconds") {
			t.Fatalf("got %q ephemeral=%v", c.Payload.Text(), c.Ephemeral())
		}
	})
}

func TestErrorsPeopleUnderstand(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(_ context.Context, req briefing.Request) (*briefing.Brief, error) {
			if len(req.Countries) == 1 && req.Countries[0] == "FR" {
				return nil, errors.New("store: database is locked")
			}
			if len(req.Countries) == 1 && req.Countries[0] == "DE" {
				return nil, &briefing.UserError{Message: "Nothing about Germany in the last 30 days. Try `since 90d`."}
			}
			return sampleBrief(req), nil
		}
	})
	t.Run("unknown country with suggestions", func(t *testing.T) {
		c := h.replyTo(h.say(guildID, alice, "!brief japan itly"))
		if want := `I don't know a country called "itly". Did you mean Italy, India?`; c.Payload.Text() != want {
			t.Fatalf("got %q, want %q", c.Payload.Text(), want)
		}
	})
	t.Run("nothing found", func(t *testing.T) {
		c := h.replyTo(h.say(guildID, alice, "!brief germany"))
		if want := "Nothing about Germany in the last 30 days. Try `since 90d`."; c.Payload.Text() != want {
			t.Fatalf("got %q, want %q", c.Payload.Text(), want)
		}
	})
	t.Run("internal failure", func(t *testing.T) {
		c := h.replyTo(h.say(guildID, alice, "!brief france"))
		m := regexp.MustCompile("^Sorry, something went wrong on my side \\(error id `([0-9a-f]{8})`\\)").FindStringSubmatch(c.Payload.Text())
		if m == nil {
			t.Fatalf("got %q, want a short apology with an error id", c.Payload.Text())
		}
		if strings.Contains(c.Payload.Text(), "database") {
			t.Errorf("the apology leaks the internal error: %q", c.Payload.Text())
		}
		logs := h.logs.String()
		if !strings.Contains(logs, `"error_id":"`+m[1]+`"`) || !strings.Contains(logs, "database is locked") {
			t.Errorf("the log lacks error id %s with the cause:\n%s", m[1], logs)
		}
	})
	t.Run("slash errors are ephemeral", func(t *testing.T) {
		id := h.interact(slash(alice, 0, discordtest.Slash("brief", discordtest.Opt("countries", "atlantis"))))
		h.answer(id, discordtest.RouteCallback)
		h.answer(id, discordtest.RouteDeleteOriginal)
		c := h.answer(id, discordtest.RouteFollowup)
		if !c.Ephemeral() || !strings.HasPrefix(c.Payload.Text(), `I don't know a country called "atlantis".`) {
			t.Fatalf("follow-up %q ephemeral=%v, want the user error, ephemeral", c.Payload.Text(), c.Ephemeral())
		}
	})
}

func TestQuotesAndSearch(t *testing.T) {
	h := start(t, nil)
	tests := []struct {
		content string
		want    []string
	}{
		{"!quotes japan italy", []string{"Aiko Tanaka, Defence Minister of Japan", "Our partnership has never been closer"}},
		{"!quotes by Aiko Tanaka since 30d", []string{"Aiko Tanaka"}},
		{"!search japan italy", []string{"Articles: japan italy", "**2.** [Italian minister visits Japan's defence ministry]"}},
	}
	for _, tt := range tests {
		t.Run(tt.content, func(t *testing.T) {
			got := h.replyTo(h.say(guildID, alice, tt.content)).Payload.VisibleText()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("reply %q lacks %q", got, w)
				}
			}
		})
	}
	if calls := strings.Join(h.briefer.called(), "|"); !strings.Contains(calls, "quotes Aiko Tanaka") {
		t.Errorf("briefer calls %q: want a Quotes call for the speaker Aiko Tanaka", calls)
	}
}

func TestShutdownWaitsForRunningCommands(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	h := start(t, func(_ *Config, h *harness) {
		h.briefer.brief = func(_ context.Context, req briefing.Request) (*briefing.Brief, error) {
			entered <- struct{}{}
			<-release
			return sampleBrief(req), nil
		}
	})
	id := h.say(guildID, alice, "!brief japan italy")
	select {
	case <-entered:
	case <-time.After(wait):
		t.Fatal("the brief never started")
	}
	h.cancel()
	h.cancel = nil
	close(release)
	select {
	case err := <-h.done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(wait):
		t.Fatal("Run did not return")
	}
	checkBriefPayload(t, h.replyTo(id).Payload)
}

func TestPostForDigests(t *testing.T) {
	h := start(t, nil)
	ctx := context.Background()
	id, err := h.bot.Post(ctx, "900", BriefReply{Brief: sampleBrief(briefing.Request{})})
	if err != nil || id == "" {
		t.Fatalf("Post: %q, %v", id, err)
	}
	c, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.ChannelID == "900"
	})
	if err != nil {
		t.Fatal(err)
	}
	checkBriefPayload(t, c.Payload)

	ids, err := h.bot.PostPages(ctx, "901", BriefReply{Brief: longBrief(40, 0)})
	if err != nil || len(ids) < 3 {
		t.Fatalf("PostPages: %d messages, %v; want 3 or more", len(ids), err)
	}
	for range ids {
		c, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
			return c.Route == discordtest.RouteCreateMessage && c.ChannelID == "901"
		})
		if err != nil || c.Rejected() || len(c.Payload.Components) != 0 {
			t.Fatalf("page post: %v, status %d, components %v; want accepted, without buttons", err, c.Status, c.Payload.Components)
		}
	}

	if _, err := h.bot.PostDM(ctx, alice.ID, TextReply{Text: "Your digest is ready."}); err != nil {
		t.Fatalf("PostDM: %v", err)
	}
	open, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool { return c.Route == discordtest.RouteOpenDM })
	if err != nil {
		t.Fatal(err)
	}
	dm, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.ChannelID == open.ChannelID
	})
	if err != nil || dm.Payload.Text() != "Your digest is ready." {
		t.Fatalf("DM post: %v %q", err, dm.Payload.Text())
	}
}

func TestAdminCheckFetchesGuildOverREST(t *testing.T) {
	h := start(t, func(_ *Config, h *harness) { h.noGuildCreate = true })
	tests := []struct {
		user discordtest.User
		want string
	}{
		{mod, "Subscribed to feed #4"},
		{alice, "Only people with the Manage Server permission"},
	}
	for _, tt := range tests {
		c := h.replyTo(h.say(guildID, tt.user, "!feeds add https://daily.example.com/rss.xml"))
		if !strings.Contains(c.Payload.Text(), tt.want) {
			t.Errorf("%s: got %q, want %q", tt.user.Name, c.Payload.Text(), tt.want)
		}
	}
	if _, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool { return c.Route == discordtest.RouteGetGuild && c.Status == 200 }); err != nil {
		t.Errorf("the bot never fetched the guild: %v", err)
	}
}
