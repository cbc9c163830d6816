package bot

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"attache/bot/discordtest"

	"github.com/bwmarrin/discordgo"
)

// wait bounds every wait for the fake; it is a deadline for something
// that never comes, not a measurement, and generous because a busy
// machine is slow.
const wait = 2 * time.Minute

// Fixture ids.
const (
	guildID   = "500"
	channelID = "700"
	dmChannel = "800"
	ownerID   = "1"
	modRole   = "601"
	editRole  = "602"
)

// People in the fixture guild.
var (
	alice  = discordtest.User{ID: "11", Name: "alice", Roles: []string{}}
	mod    = discordtest.User{ID: "12", Name: "mod", Roles: []string{modRole}}
	editor = discordtest.User{ID: "13", Name: "editor", Roles: []string{editRole}}
	bob    = discordtest.User{ID: "14", Name: "bob", Roles: []string{}}
)

func fixtureGuild() *discordgo.Guild {
	return &discordgo.Guild{
		ID: guildID, Name: "Embassy Row", OwnerID: ownerID,
		Roles: []*discordgo.Role{
			{ID: guildID, Name: "@everyone", Permissions: discordgo.PermissionSendMessages | discordgo.PermissionViewChannel},
			{ID: modRole, Name: "Moderators", Permissions: discordgo.PermissionManageGuild},
			{ID: editRole, Name: "Editors", Permissions: 0},
		},
		Members: []*discordgo.Member{
			{GuildID: guildID, User: &discordgo.User{ID: alice.ID, Username: "alice"}, Roles: []string{}},
			{GuildID: guildID, User: &discordgo.User{ID: mod.ID, Username: "mod"}, Roles: []string{modRole}},
		},
	}
}

// syncBuffer is a log sink safe for concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is a Bot running against a fake Discord.
type harness struct {
	t       testing.TB
	fake    *discordtest.Server
	bot     *Bot
	briefer *fakeBriefer
	feeds   *fakeFeeds
	clock   *clock
	logs    *syncBuffer
	cfg     Config
	cancel  context.CancelFunc
	done    chan error
	// discardLogs sends the bot's logs nowhere (benchmarks).
	discardLogs bool
	// noGuildCreate makes the fake skip GUILD_CREATE.
	noGuildCreate bool
	// digests and digester, when set, enable scheduled digests.
	digests  DigestStore
	digester Digester
	digest   DigestConfig
	// memory and remember, when set, give the bot its memory of briefs
	// and digests.
	memory   MemoryStore
	remember time.Duration
	// cronLive starts the real cron (otherwise tests drive slots with
	// RunDue); cronSeconds reads stored six-field specs; realClock gives
	// the bot time.Now instead of the settable clock.
	cronLive, cronSeconds, realClock bool
	// channels and rateLimits configure the fake; onFake runs once the
	// fake is up, before the bot starts.
	channels   []*discordgo.Channel
	rateLimits *discordtest.RateLimits
	onFake     func()
}

// start runs a bot; edit adjusts the config and fakes before it starts.
func start(t testing.TB, edit func(*Config, *harness)) *harness {
	t.Helper()
	h := &harness{t: t, clock: &clock{t: day}, logs: &syncBuffer{}}
	h.briefer = newFakeBriefer(h.clock.Now)
	h.feeds = newFakeFeeds()
	h.cfg = DefaultConfig()
	h.cfg.Token, h.cfg.CommandGuild, h.cfg.AdminRoles, h.cfg.Cooldown = discordtest.DefaultToken, guildID, []string{"editors"}, 0
	h.digest = DefaultDigestConfig()
	if edit != nil {
		edit(&h.cfg, h)
	}
	h.fake = discordtest.New(t, discordtest.Options{Guilds: []*discordgo.Guild{fixtureGuild()}, ReplayEvents: 256,
		NoGuildCreate: h.noGuildCreate, Channels: h.channels, RateLimits: h.rateLimits})
	if h.onFake != nil {
		h.onFake()
	}
	h.launch()
	t.Cleanup(h.stop)
	return h
}

// now is the bot's clock.
func (h *harness) now() time.Time {
	if h.realClock {
		return time.Now()
	}
	return h.clock.Now()
}

// launch builds a Bot over the harness's fake and parts and runs it until
// it has registered its commands (and, with digests, caught up).
func (h *harness) launch() {
	t := h.t
	t.Helper()
	var sink io.Writer = h.logs
	if h.discardLogs {
		sink = io.Discard
	}
	b, err := New(h.cfg, Deps{
		Briefer: h.briefer, Feeds: h.feeds, Now: h.now, HTTPClient: h.fake.Client(),
		Logger:  slog.New(slog.NewJSONHandler(sink, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Digests: h.digests, Digester: h.digester, Digest: h.digest,
		Memory: h.memory, Remember: h.remember,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if b.dg != nil {
		b.dg.manual, b.dg.seconds = !h.cronLive, h.cronSeconds
	}
	if !h.realClock {
		b.pages.afterFunc = h.clock.AfterFunc // page buttons expire when the test moves the clock
	}
	h.bot = b
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	h.done = make(chan error, 1)
	go func() { h.done <- b.Run(ctx) }()
	if b.dg != nil {
		select {
		case <-b.dg.ready:
		case <-time.After(wait):
			t.Fatalf("bot did not start its digests\nlogs:\n%s", h.logs.String())
		}
		return
	}
	if _, err := h.fake.WaitCommands(h.cfg.CommandGuild, wait); err != nil {
		t.Fatalf("bot did not register its commands: %v\nlogs:\n%s", err, h.logs.String())
	}
}

// restart stops the bot and starts a new one over the same fake Discord
// and parts, as after a crash or a deploy.
func (h *harness) restart() {
	h.t.Helper()
	h.stop()
	h.launch()
}

// stop ends Run and returns its error.
func (h *harness) stop() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
	case <-time.After(wait):
		h.t.Errorf("Run did not return after cancel")
	}
}

// say sends a message in the fixture guild's channel, or in a DM when guild is "".
func (h *harness) say(guild string, u discordtest.User, content string) string {
	h.t.Helper()
	ch := channelID
	if guild == "" {
		ch = dmChannel
	}
	id, err := h.fake.SendMessage(discordtest.Message{GuildID: guild, ChannelID: ch, Author: u, Content: content})
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

// waitLogged waits until the bot has logged s at least n times (event
// handlers run on goroutines of their own, so a message that gets no reply
// is known handled only by its log line) and fails the test after wait.
func (h *harness) waitLogged(s string, n int) {
	h.t.Helper()
	deadline := time.Now().Add(wait)
	for strings.Count(h.logs.String(), s) < n {
		if time.Now().After(deadline) {
			h.t.Fatalf("logged %q %d times, want %d:\n%s", s, strings.Count(h.logs.String(), s), n, h.logs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// replyTo waits for the bot's message answering message id.
func (h *harness) replyTo(id string) discordtest.Call {
	h.t.Helper()
	c, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool {
		return c.Route == discordtest.RouteCreateMessage && c.Payload.MessageReference != nil && c.Payload.MessageReference.MessageID == id
	})
	if err != nil {
		h.t.Fatalf("no reply to message %s: %v\ncalls: %v\nlogs:\n%s", id, err, summarize(h.fake.Calls()), h.logs.String())
	}
	if c.Rejected() {
		h.t.Fatalf("Discord rejected the reply: %d %s", c.Status, c.Error)
	}
	return c
}

// interact sends an interaction and returns its id.
func (h *harness) interact(in discordtest.Interaction) string {
	h.t.Helper()
	if in.ChannelID == "" {
		in.ChannelID = channelID
	}
	id, err := h.fake.SendInteraction(in)
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

// answer waits for the next call of route for interaction id.
func (h *harness) answer(id, route string) discordtest.Call {
	h.t.Helper()
	c, err := h.fake.WaitFor(wait, func(c discordtest.Call) bool { return c.InteractionID == id && c.Route == route })
	if err != nil {
		h.t.Fatalf("no %s for interaction %s: %v\ncalls: %v\nlogs:\n%s", route, id, err, summarize(h.fake.Calls()), h.logs.String())
	}
	if c.Rejected() {
		h.t.Fatalf("Discord rejected the %s: %d %s", route, c.Status, c.Error)
	}
	return c
}

func summarize(calls []discordtest.Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Method+" "+c.Path+" "+c.Error)
	}
	return out
}

// slash is a slash-command interaction by u in the fixture guild, with
// the permissions Discord would compute for u.
func slash(u discordtest.User, perms int64, data *discordgo.ApplicationCommandInteractionData) discordtest.Interaction {
	u.Permissions = perms
	return discordtest.Interaction{GuildID: guildID, User: u, Type: discordgo.InteractionApplicationCommand, Command: data}
}
