package discordtest

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// wait bounds every wait for the bot or discordgo; it is a deadline for
// something that never comes, not a measurement, and generous because a
// busy machine is slow.
const wait = 2 * time.Minute

// connect opens a real discordgo session against the fake.
func connect(t *testing.T, s *Server) (*discordgo.Session, chan *discordgo.MessageCreate) {
	t.Helper()
	dg, err := discordgo.New("Bot " + s.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = s.Client()
	dg.LogLevel = -1
	dg.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent
	got := make(chan *discordgo.MessageCreate, 16)
	dg.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	if err := dg.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	return dg, got
}

func receive(t *testing.T, ch chan *discordgo.MessageCreate) *discordgo.MessageCreate {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(wait):
		t.Fatal("no MESSAGE_CREATE reached the session")
		return nil
	}
}

func TestGatewayIdentifyDispatchAndResume(t *testing.T) {
	s := New(t, Options{})
	dg, got := connect(t, s)
	if err := s.WaitReady(wait, nil); err != nil {
		t.Fatal(err)
	}
	if st := s.Gateway(); st.Intents&discordgo.IntentMessageContent == 0 || st.Identifies != 1 {
		t.Fatalf("gateway stats %+v: want one IDENTIFY with the message content intent", st)
	}
	if dg.State.User == nil || dg.State.User.ID != BotUserID {
		t.Fatalf("READY user = %+v, want id %s", dg.State.User, BotUserID)
	}
	if _, err := s.SendMessage(Message{ChannelID: "10", Author: User{ID: "7"}, Content: "hello"}); err != nil {
		t.Fatal(err)
	}
	if m := receive(t, got); m.Content != "hello" || m.Author.ID != "7" {
		t.Fatalf("got message %q from %s, want %q from 7", m.Content, m.Author.ID, "hello")
	}

	t.Run("resume after a drop", func(t *testing.T) {
		if err := s.DropConnection(false); err != nil {
			t.Fatal(err)
		}
		// Sent while the bot is away: delivered after its RESUME.
		if _, err := s.SendMessage(Message{ChannelID: "10", Author: User{ID: "7"}, Content: "while away"}); err != nil {
			t.Fatal(err)
		}
		if m := receive(t, got); m.Content != "while away" {
			t.Fatalf("got %q, want %q", m.Content, "while away")
		}
		if st := s.Gateway(); st.Resumes != 1 || st.Identifies != 1 {
			t.Fatalf("after drop: %+v, want 1 resume and still 1 identify", st)
		}
	})
	t.Run("identify again when the session is forgotten", func(t *testing.T) {
		if err := s.DropConnection(true); err != nil {
			t.Fatal(err)
		}
		if err := s.WaitReady(wait, func(st GatewayStats) bool { return st.Identifies == 2 }); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SendMessage(Message{ChannelID: "10", Author: User{ID: "7"}, Content: "fresh"}); err != nil {
			t.Fatal(err)
		}
		if m := receive(t, got); m.Content != "fresh" {
			t.Fatalf("got %q, want %q", m.Content, "fresh")
		}
	})
}

func TestRESTRecordsAndRejects(t *testing.T) {
	s := New(t, Options{})
	dg, _ := connect(t, s)
	none := &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
	tests := []struct {
		name      string
		msg       *discordgo.MessageSend
		wantError string // substring of the error; "" means accepted
	}{
		{"plain", &discordgo.MessageSend{Content: "hi @everyone", AllowedMentions: none}, ""},
		{"content too long", &discordgo.MessageSend{Content: strings.Repeat("a", 2001)}, "BASE_TYPE_MAX_LENGTH"},
		{"empty", &discordgo.MessageSend{}, "Cannot send an empty message"},
		{"description too long", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("d", 4097)}}}, "description"},
		{"too many embeds", &discordgo.MessageSend{Embeds: make11Embeds()}, "embeds"},
		{"over 6000 in all", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{
			{Description: strings.Repeat("d", 4000)}, {Description: strings.Repeat("d", 2001)}}}, "MAX_EMBED_SIZE_EXCEEDED"},
		{"field value too long", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n", Value: strings.Repeat("v", 1025)}}}}}, "fields"},
		{"bad embed url", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: "t", URL: "sample:1"}}}, "URL_TYPE_INVALID_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dg.ChannelMessageSendComplex("10", tt.msg)
			c, werr := s.WaitFor(wait, func(c Call) bool { return c.Route == RouteCreateMessage })
			if werr != nil {
				t.Fatal(werr)
			}
			if tt.wantError == "" {
				if err != nil || c.Rejected() {
					t.Fatalf("err = %v, status %d; want accepted", err, c.Status)
				}
				if !c.Payload.AllowedMentions.PingsNobody() {
					t.Fatalf("allowed mentions %+v recorded, want parse []", c.Payload.AllowedMentions)
				}
				return
			}
			if err == nil || c.Status != 400 || !strings.Contains(c.Error+err.Error(), tt.wantError) {
				t.Fatalf("err = %v, call %d %q; want a 400 mentioning %q", err, c.Status, c.Error, tt.wantError)
			}
		})
	}
}

func make11Embeds() []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	for i := 0; i < 11; i++ {
		out = append(out, &discordgo.MessageEmbed{Title: "t"})
	}
	return out
}

func TestInteractionCallbacks(t *testing.T) {
	s := New(t, Options{})
	dg, _ := connect(t, s)
	interactions := make(chan *discordgo.InteractionCreate, 4)
	dg.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { interactions <- i })
	next := func() *discordgo.Interaction {
		t.Helper()
		if _, err := s.SendInteraction(Interaction{ChannelID: "10", User: User{ID: "7"}, Type: discordgo.InteractionApplicationCommand, Command: Slash("brief", Opt("countries", "japan"))}); err != nil {
			t.Fatal(err)
		}
		select {
		case i := <-interactions:
			return i.Interaction
		case <-time.After(wait):
			t.Fatal("no interaction")
			return nil
		}
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}

	t.Run("defer, edit, second callback refused", func(t *testing.T) {
		i := next()
		if got := i.ApplicationCommandData().Options[0].StringValue(); got != "japan" {
			t.Fatalf("option = %q, want japan", got)
		}
		if err := dg.InteractionRespond(i, deferred); err != nil {
			t.Fatal(err)
		}
		text := "done"
		if _, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &text}); err != nil {
			t.Fatal(err)
		}
		err := dg.InteractionRespond(i, deferred)
		if err == nil || !strings.Contains(err.Error(), "40060") {
			t.Fatalf("second callback: err = %v, want code 40060", err)
		}
	})
	t.Run("callback after the window", func(t *testing.T) {
		i := next()
		s.Advance(4 * time.Second)
		err := dg.InteractionRespond(i, deferred)
		if err == nil || !strings.Contains(err.Error(), "10062") {
			t.Fatalf("late callback: err = %v, want Unknown interaction (10062)", err)
		}
	})
	t.Run("edit after the token expired", func(t *testing.T) {
		i := next()
		if err := dg.InteractionRespond(i, deferred); err != nil {
			t.Fatal(err)
		}
		s.Advance(16 * time.Minute)
		text := "late"
		_, err := dg.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &text})
		if err == nil || !strings.Contains(err.Error(), "50027") {
			t.Fatalf("late edit: err = %v, want Invalid Webhook Token (50027)", err)
		}
	})
}

func TestOpenDMAndCommands(t *testing.T) {
	s := New(t, Options{Guilds: []*discordgo.Guild{{ID: "500", Name: "g"}}})
	dg, _ := connect(t, s)
	gb, err := dg.GatewayBot()
	if err != nil || gb.URL != s.GatewayURL() || gb.Shards != 1 {
		t.Fatalf("GET /gateway/bot = %+v, %v; want the fake's gateway and 1 shard", gb, err)
	}
	ch, err := dg.UserChannelCreate("7")
	if err != nil || ch.ID == "" {
		t.Fatalf("open DM: %v, %+v", err, ch)
	}
	again, _ := dg.UserChannelCreate("7")
	if again.ID != ch.ID {
		t.Fatalf("second DM channel %s, want the same %s", again.ID, ch.ID)
	}
	cmds := []*discordgo.ApplicationCommand{{Name: "brief", Description: "Brief me"}}
	if _, err := dg.ApplicationCommandBulkOverwrite(ApplicationID, "500", cmds); err != nil {
		t.Fatal(err)
	}
	if got := s.Commands("500"); len(got) != 1 || got[0].Name != "brief" {
		t.Fatalf("registered %v, want [brief]", got)
	}
	bad := []*discordgo.ApplicationCommand{{Name: "Brief Me", Description: ""}}
	if _, err := dg.ApplicationCommandBulkOverwrite(ApplicationID, "", bad); err == nil {
		t.Fatal("an invalid command name was accepted")
	}
}

// connectShard opens a real discordgo session as one shard of count.
func connectShard(t *testing.T, s *Server, shard, count int) (*discordgo.Session, chan *discordgo.MessageCreate) {
	t.Helper()
	dg, err := discordgo.New("Bot " + s.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = s.Client()
	dg.LogLevel = -1
	dg.ShardID, dg.ShardCount = shard, count
	dg.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentMessageContent
	got := make(chan *discordgo.MessageCreate, 16)
	dg.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { got <- m })
	if err := dg.Open(); err != nil {
		t.Fatalf("open shard %d: %v", shard, err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	return dg, got
}

func TestShardedGateway(t *testing.T) {
	// 1 << 22 is the first guild id of shard 1 of 2; 2 << 22 is shard 0's again.
	g0, g1, g2 := "500", "4194304", "8388608"
	var guilds []*discordgo.Guild
	for _, id := range []string{g0, g1, g2} {
		guilds = append(guilds, &discordgo.Guild{ID: id, Name: "guild " + id})
	}
	s := New(t, Options{Shards: 2, Guilds: guilds})
	req, _ := http.NewRequest(http.MethodGet, "https://discord.com/api/v10/gateway/bot", nil)
	req.Header.Set("Authorization", "Bot "+s.Token())
	c, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var gw struct{ Shards int }
	if err := json.NewDecoder(c.Body).Decode(&gw); err != nil || gw.Shards != 2 {
		t.Errorf("GET /gateway/bot shards = %d, %v; want 2", gw.Shards, err)
	}
	c.Body.Close()

	dg0, got0 := connectShard(t, s, 0, 2)
	dg1, got1 := connectShard(t, s, 1, 2)
	if err := s.WaitShards(wait); err != nil {
		t.Fatal(err)
	}
	if st := s.ShardGateway(1); st.Shard == nil || st.Shard[0] != 1 || st.Shard[1] != 2 || st.Identifies != 1 {
		t.Errorf("shard 1's gateway = %+v, want one IDENTIFY as [1, 2]", st)
	}
	if n, n1 := len(dg0.State.Guilds), len(dg1.State.Guilds); n != 2 || n1 != 1 || dg1.State.Guilds[0].ID != g1 {
		t.Errorf("shard 0 was told of %d guilds and shard 1 of %d (%v); want 2 and 1 (%s)", n, n1, dg1.State.Guilds, g1)
	}
	for _, tt := range []struct {
		guild string
		to    chan *discordgo.MessageCreate
		other chan *discordgo.MessageCreate
	}{{g1, got1, got0}, {g2, got0, got1}, {"", got0, got1}} {
		if _, err := s.SendMessage(Message{GuildID: tt.guild, ChannelID: "10", Author: User{ID: "7"}, Content: "to " + tt.guild}); err != nil {
			t.Fatal(err)
		}
		if m := receive(t, tt.to); m.Content != "to "+tt.guild {
			t.Errorf("guild %q's message reached its shard as %q", tt.guild, m.Content)
		}
		select {
		case m := <-tt.other:
			t.Errorf("guild %q's message %q also reached the other shard", tt.guild, m.Content)
		default:
		}
	}

	t.Run("a drop of one shard leaves the other", func(t *testing.T) {
		if err := s.DropShard(1, false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SendMessage(Message{GuildID: g1, ChannelID: "10", Author: User{ID: "7"}, Content: "while shard 1 is away"}); err != nil {
			t.Fatal(err)
		}
		if m := receive(t, got1); m.Content != "while shard 1 is away" {
			t.Errorf("after its RESUME shard 1 got %q", m.Content)
		}
		if st, st0 := s.ShardGateway(1), s.ShardGateway(0); st.Resumes != 1 || st0.Resumes != 0 || !st0.Ready {
			t.Errorf("after dropping shard 1: shard 1 %+v, shard 0 %+v; want one RESUME on shard 1 only", st, st0)
		}
	})
}

func TestShardedGatewayRefusesAWrongShardCount(t *testing.T) {
	s := New(t, Options{Shards: 3})
	dg, err := discordgo.New("Bot " + s.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = s.Client()
	dg.LogLevel = -1
	dg.ShardID, dg.ShardCount = 0, 2
	closed := make(chan struct{}, 1)
	dg.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
		select {
		case closed <- struct{}{}:
		default:
		}
	})
	if err := dg.Open(); err == nil {
		t.Cleanup(func() { _ = dg.Close() })
		select {
		case <-closed:
		case <-time.After(wait):
			t.Fatal("a session with 2 shards of 3 was not closed")
		}
	}
	if st := s.Gateway(); st.Ready || st.Identifies != 0 {
		t.Errorf("gateway after an IDENTIFY with the wrong shard count: %+v, want no session", st)
	}
}
