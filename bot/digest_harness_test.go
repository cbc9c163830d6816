package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests' zones load on hosts without a zoneinfo directory

	"attache/bot/discordtest"
	"attache/briefing"
	"attache/briefing/geo"
	"attache/config"
	"attache/sources"

	"github.com/bwmarrin/discordgo"

	"attache/sources/storetest"
)

// corpus is a real store (of the test's engine) and briefing engine, on the
// harness clock.
type corpus struct {
	t     testing.TB
	store sources.Store
	eng   *briefing.Engine
	gaz   *geo.Gazetteer
	now   func() time.Time
	added int
}

func newCorpus(t testing.TB, e storetest.Engine, now func() time.Time) *corpus {
	t.Helper()
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	st := e.Open(t, sources.StoreOptions{Now: now})
	return &corpus{t: t, store: st, gaz: gaz, now: now, eng: briefing.New(st, gaz, briefing.Options{Now: now})}
}

// newsItem is an article written for these tests.
type newsItem struct {
	title, source, text string
}

// newsItems are short diplomacy stories in the shape of wire copy.
var newsItems = []newsItem{
	{"Japan and Italy agree to speed up joint fighter programme", "Example Wire",
		"Defence ministers from Japan and Italy agreed on Thursday to bring forward the first flight of the fighter they are building with Britain.\n\n" +
			"\"We are moving from drawings to hardware,\" Japan's defence minister Aiko Tanaka told reporters in Rome after the talks.\n\n" +
			"The two governments will also share test ranges and train engineers together, officials said."},
	{"G7 foreign ministers call for talks on a ceasefire", "Example Herald",
		"Foreign ministers of the Group of Seven called on Wednesday for talks on a ceasefire and for aid convoys to be let through.\n\n" +
			"\"Diplomacy has to be given room,\" Canada's foreign minister Claire Dubois said at the end of the meeting in Ottawa.\n\n" +
			"The ministers said they would meet again before the leaders' summit in June."},
	{"France and Germany sign an accord on power grids", "Example Post",
		"France and Germany signed an agreement on Tuesday to link their power grids more closely and to plan new lines together.\n\n" +
			"The accord was signed in Strasbourg by the two economy ministers, who said it would lower prices in winter.\n\n" +
			"\"Our grids are one system already,\" the French minister Luc Moreau said."},
	{"ASEAN envoys meet in Jakarta over a maritime code", "Example Daily",
		"Envoys from the Association of Southeast Asian Nations met in Jakarta on Monday to work on a code of conduct at sea.\n\n" +
			"Indonesia's foreign ministry said the talks had been frank and that a draft could be ready next year.\n\n" +
			"Vietnam and the Philippines pressed for binding rules, diplomats said."},
	{"Brazil and India widen trade in farm goods", "Example Wire",
		"Brazil and India agreed on Friday to lower tariffs on a list of farm goods and to meet every six months on trade.\n\n" +
			"\"This is a partnership between two large democracies,\" India's trade minister Rohan Mehta said in Brasilia.\n\n" +
			"The deal still needs the approval of both parliaments."},
}

// add stores news item i (mod len) as fetched at the given time; each call
// makes a new article.
func (c *corpus) add(i int, fetched time.Time) sources.Article {
	c.t.Helper()
	n := newsItems[i%len(newsItems)]
	c.added++
	a := sources.Article{
		Title: n.title, Source: n.source, Text: n.text, Published: fetched.Add(-time.Hour), Fetched: fetched,
		URL: fmt.Sprintf("https://news%d.example/2026/%d/%s", c.added, i, strings.ReplaceAll(strings.ToLower(n.title), " ", "-")),
	}
	if _, err := sources.NewIngester(c.store, c.gaz.Tag, c.now).Ingest(context.Background(), []sources.Article{a}, nil); err != nil {
		c.t.Fatal(err)
	}
	return a
}

// schedule stores a schedule the way /digest schedule would.
func (c *corpus) schedule(sc sources.Schedule) sources.Schedule {
	c.t.Helper()
	if sc.GuildID == "" {
		sc.GuildID = guildID
	}
	if sc.TimeZone == "" {
		sc.TimeZone = "UTC"
	}
	if sc.CreatedBy == "" {
		sc.CreatedBy = mod.ID
	}
	got, err := c.store.PutSchedule(context.Background(), sc)
	if err != nil {
		c.t.Fatal(err)
	}
	return got
}

func (c *corpus) get(channel string) sources.Schedule {
	c.t.Helper()
	sc, err := c.store.Schedule(context.Background(), channel)
	if err != nil {
		c.t.Fatal(err)
	}
	return sc
}

func (c *corpus) delivery(channel string, slot time.Time) sources.Delivery {
	c.t.Helper()
	d, err := c.store.Delivery(context.Background(), channel, slot)
	if err != nil {
		c.t.Fatalf("delivery %s@%v: %v", channel, slot, err)
	}
	return d
}

// startWithDigests runs a bot with digests over a real store and engine.
// The clock starts at at.
func startWithDigests(t testing.TB, e storetest.Engine, at time.Time, edit func(*Config, *harness, *corpus)) (*harness, *corpus) {
	t.Helper()
	var c *corpus
	h := start(t, func(cfg *Config, h *harness) {
		h.clock.t = at
		c = newCorpus(t, e, h.now)
		h.digests, h.digester = c.store, c.eng
		h.digest.RetryDelays = []config.Duration{config.Duration(time.Millisecond), config.Duration(time.Millisecond)}
		if edit != nil {
			edit(cfg, h, c)
		}
	})
	return h, c
}

// set moves the clock to t.
func (h *harness) set(t time.Time) {
	h.clock.mu.Lock()
	h.clock.t = t
	h.clock.mu.Unlock()
}

// runDue runs the due digests at the clock's time.
func (h *harness) runDue() {
	h.t.Helper()
	if err := h.bot.RunDue(context.Background(), h.now()); err != nil {
		h.t.Fatal(err)
	}
}

// posts are the messages the bot created in a channel (accepted ones).
func (h *harness) posts(channel string) []discordtest.Call {
	var out []discordtest.Call
	for _, c := range h.fake.Calls() {
		if c.Route == discordtest.RouteCreateMessage && c.ChannelID == channel && !c.Rejected() {
			out = append(out, c)
		}
	}
	return out
}

// footer is the footer of a payload's last embed, or its content.
func footer(p discordtest.Payload) string {
	if n := len(p.Embeds); n > 0 && p.Embeds[n-1].Footer != nil {
		return p.Embeds[n-1].Footer.Text
	}
	return p.Text()
}

// commandReply sends a prefix command in channel ch and returns the text
// of the bot's reply.
func (h *harness) commandReply(ch string, u discordtest.User, content string) string {
	h.t.Helper()
	id, err := h.fake.SendMessage(discordtest.Message{GuildID: guildID, ChannelID: ch, Author: u, Content: content})
	if err != nil {
		h.t.Fatal(err)
	}
	return h.replyTo(id).Payload.VisibleText()
}

// forumChannels are a forum and a post inside it, where a digest command
// can be used.
func forumChannels() []*discordgo.Channel {
	return []*discordgo.Channel{
		{ID: "720", GuildID: guildID, Name: "news-digests", Type: discordgo.ChannelTypeGuildForum},
		{ID: "721", GuildID: guildID, Name: "How digests work", Type: discordgo.ChannelTypeGuildPublicThread, ParentID: "720"},
	}
}
