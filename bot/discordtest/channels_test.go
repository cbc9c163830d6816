package discordtest

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// restSession is a discordgo session that only makes REST calls to s.
func restSession(t *testing.T, s *Server) *discordgo.Session {
	t.Helper()
	dg, err := discordgo.New("Bot " + s.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = s.Client()
	dg.LogLevel = -1
	return dg
}

func restCode(err error) (status, code int) {
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		return 0, 0
	}
	if re.Message != nil {
		code = re.Message.Code
	}
	return re.Response.StatusCode, code
}

func TestChannelsThreadsAndForums(t *testing.T) {
	s := New(t, Options{
		Guilds: []*discordgo.Guild{{ID: "500", Name: "Embassy Row"}},
		Channels: []*discordgo.Channel{
			{ID: "720", GuildID: "500", Name: "digests", Type: discordgo.ChannelTypeGuildForum},
		},
	})
	dg := restSession(t, s)

	ch, err := dg.Channel("720")
	if err != nil || ch.Type != discordgo.ChannelTypeGuildForum || ch.GuildID != "500" {
		t.Fatalf("GET forum channel = %+v, %v", ch, err)
	}
	ch, err = dg.Channel("701")
	if err != nil || ch.Type != discordgo.ChannelTypeGuildText || ch.GuildID != "500" {
		t.Fatalf("GET unknown-to-the-fake channel = %+v, %v; want a text channel of the first guild", ch, err)
	}

	// Messages, newest first, with their embeds and author.
	var ids []string
	for i := 0; i < 3; i++ {
		m, err := dg.ChannelMessageSendComplex("701", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{
			Description: "page", Footer: &discordgo.MessageEmbedFooter{Text: "Digest k" + string(rune('0'+i))}}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	other := s.AddMessage("701", User{ID: "14", Name: "bob"}, Payload{Content: ptr("hello")})
	msgs, err := dg.ChannelMessages("701", 3, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 3 || msgs[0].ID != other || msgs[1].ID != ids[2] || msgs[2].ID != ids[1] {
		t.Fatalf("GET messages limit 3 = %v, want newest first: %s %s %s", msgIDs(msgs), other, ids[2], ids[1])
	}
	if msgs[0].Author.ID != "14" || msgs[1].Author.ID != BotUserID || msgs[1].Embeds[0].Footer.Text != "Digest k2" {
		t.Errorf("messages lost their author or embeds: %+v %+v", msgs[0].Author, msgs[1])
	}
	if _, err := dg.ChannelMessages("701", 101, "", "", ""); err == nil {
		t.Error("limit 101 was accepted")
	}

	// A thread from a message: once only, and not from a missing message.
	th, err := dg.MessageThreadStart("701", ids[0], "Digest 20 Nov 2026", 1440)
	if err != nil || th.ID != ids[0] || th.ParentID != "701" || th.Type != discordgo.ChannelTypeGuildPublicThread || th.OwnerID != BotUserID {
		t.Fatalf("thread = %+v, %v", th, err)
	}
	if _, err := dg.MessageThreadStart("701", ids[0], "again", 1440); err == nil {
		t.Error("a second thread on one message was accepted")
	}
	if _, err := dg.MessageThreadStart("701", "999", "nothing", 1440); err == nil {
		t.Error("a thread on a missing message was accepted")
	}
	if _, err := dg.MessageThreadStart("701", ids[1], strings.Repeat("n", 101), 1440); err == nil {
		t.Error("a thread name over 100 characters was accepted")
	}
	msgs, _ = dg.ChannelMessages("701", 50, "", "", "")
	if last := msgs[len(msgs)-1]; last.ID != ids[0] || last.Thread == nil || last.Thread.ID != ids[0] {
		t.Errorf("the message does not show its thread: %+v", last.Thread)
	}

	// A forum takes posts, not messages.
	if _, err := dg.ChannelMessageSend("720", "hi"); err == nil {
		t.Error("a message straight into a forum was accepted")
	} else if st, code := restCode(err); st != 400 || code != 50008 {
		t.Errorf("message into a forum: %d %d, want 400 50008", st, code)
	}
	post, err := dg.ForumThreadStartComplex("720", &discordgo.ThreadStart{Name: "Digest 20 Nov 2026"}, &discordgo.MessageSend{Content: "first page"})
	if err != nil || post.ParentID != "720" || post.OwnerID != BotUserID {
		t.Fatalf("forum post = %+v, %v", post, err)
	}
	if got := s.Posts(post.ID); len(got) != 1 || got[0].ID != post.ID || got[0].Payload.Text() != "first page" {
		t.Errorf("the post's first message = %+v, want one with the post's id", got)
	}
	if _, err := dg.ForumThreadStartComplex("701", &discordgo.ThreadStart{Name: "x"}, &discordgo.MessageSend{Content: "x"}); err == nil {
		t.Error("a forum post in a text channel was accepted")
	}
	if _, err := dg.ChannelMessageSend(post.ID, "second page"); err != nil {
		t.Errorf("a message in the forum post: %v", err)
	}
	active, err := dg.GuildThreadsActive("500")
	if err != nil || len(active.Threads) != 2 {
		t.Fatalf("active threads = %+v, %v; want the message thread and the forum post", active, err)
	}
	if got := s.Threads("720"); len(got) != 1 || got[0].ID != post.ID {
		t.Errorf("Threads(forum) = %v", got)
	}
	c, err := s.WaitFor(wait, func(c Call) bool { return c.Route == RouteStartForumPost && c.Status == 201 })
	if err != nil || c.ThreadName != "Digest 20 Nov 2026" || c.Payload.Text() != "first page" || c.MessageID != post.ID {
		t.Errorf("recorded forum post = %+v, %v", c, err)
	}
}

func msgIDs(ms []*discordgo.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func ptr(s string) *string { return &s }

func TestChannelFailures(t *testing.T) {
	s := New(t, Options{Guilds: []*discordgo.Guild{{ID: "500"}}})
	dg := restSession(t, s)
	tests := []struct {
		failure                  ChannelFailure
		postStatus, postCode     int
		readStatus, readCode     int // GET messages
		lookupStatus, lookupCode int // GET channel
		editStatus, editCode     int // PATCH one of the bot's messages
	}{
		{MissingPermissions, 403, 50013, 0, 0, 0, 0, 0, 0},
		{MissingAccess, 403, 50001, 403, 50001, 403, 50001, 403, 50001},
		{UnknownChannel, 404, 10003, 404, 10003, 404, 10003, 404, 10003},
	}
	earlier, err := dg.ChannelMessageSend("701", "posted before the failure")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(fmtFailure(tt.failure), func(t *testing.T) {
			s.FailChannel("701", tt.failure)
			defer s.FailChannel("701", NoFailure)
			_, err := dg.ChannelMessageSend("701", "digest")
			if st, code := restCode(err); st != tt.postStatus || code != tt.postCode {
				t.Errorf("post: %d %d, want %d %d", st, code, tt.postStatus, tt.postCode)
			}
			_, err = dg.ChannelMessages("701", 50, "", "", "")
			if st, code := restCode(err); st != tt.readStatus || code != tt.readCode {
				t.Errorf("read: %d %d, want %d %d", st, code, tt.readStatus, tt.readCode)
			}
			_, err = dg.Channel("701")
			if st, code := restCode(err); st != tt.lookupStatus || code != tt.lookupCode {
				t.Errorf("look up: %d %d, want %d %d", st, code, tt.lookupStatus, tt.lookupCode)
			}
			_, err = dg.ChannelMessageEdit("701", earlier.ID, "edited")
			if st, code := restCode(err); st != tt.editStatus || code != tt.editCode {
				t.Errorf("edit: %d %d, want %d %d", st, code, tt.editStatus, tt.editCode)
			}
		})
	}
	if _, err := dg.ChannelMessageSend("701", "digest"); err != nil {
		t.Errorf("after NoFailure: %v", err)
	}
	if _, err := dg.ChannelMessageSend("702", "digest"); err != nil {
		t.Errorf("another channel: %v", err)
	}
}

func fmtFailure(f ChannelFailure) string {
	return map[ChannelFailure]string{MissingPermissions: "missing permissions", MissingAccess: "missing access", UnknownChannel: "unknown channel"}[f]
}

// TestRateLimitsPaceDiscordgo: with the bucket headers, discordgo waits
// for the window instead of running into 429s, and every message arrives.
func TestRateLimitsPaceDiscordgo(t *testing.T) {
	s := New(t, Options{RateLimits: &RateLimits{PerChannel: 2, Window: 300 * time.Millisecond}})
	dg := restSession(t, s)
	for i := 0; i < 6; i++ {
		if _, err := dg.ChannelMessageSend("701", "m"); err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
	}
	if got := len(s.Posts("701")); got != 6 {
		t.Errorf("%d messages stored, want 6", got)
	}
	if hits := s.RateLimitHits(); hits != 0 {
		t.Errorf("discordgo ran into %d 429s; the headers should have paced it", hits)
	}
}

// TestRateLimitAnswers checks the 429 bodies and headers, request by
// request, with a plain HTTP client.
func TestRateLimitAnswers(t *testing.T) {
	// The limits' clock stands still: the four requests fall in one
	// second however slow the machine.
	frozen := time.Now()
	s := New(t, Options{RateLimits: &RateLimits{PerChannel: 1, Window: time.Hour, Global: 3, Now: func() time.Time { return frozen }}})
	post := func(ch string) (*http.Response, map[string]any) {
		req, _ := http.NewRequest("POST", "https://discord.com/api/v10/channels/"+ch+"/messages", strings.NewReader(`{"content":"hi"}`))
		req.Header.Set("Authorization", "Bot "+s.Token())
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var body map[string]any
		_ = json.Unmarshal(raw, &body)
		return resp, body
	}
	resp, _ := post("701")
	if resp.StatusCode != 200 || resp.Header.Get("X-RateLimit-Limit") != "1" || resp.Header.Get("X-RateLimit-Remaining") != "0" || resp.Header.Get("X-RateLimit-Reset-After") == "" {
		t.Fatalf("first message: %d with headers %v", resp.StatusCode, resp.Header)
	}
	resp, body := post("701")
	if resp.StatusCode != 429 || body["global"] != false || body["retry_after"].(float64) <= 0 || resp.Header.Get("Retry-After") == "" || resp.Header.Get("X-RateLimit-Global") != "" {
		t.Fatalf("second message in the channel: %d %v %v, want a per-channel 429", resp.StatusCode, body, resp.Header)
	}
	if resp, _ := post("702"); resp.StatusCode != 200 {
		t.Fatalf("another channel: %d, want 200 (its own bucket)", resp.StatusCode)
	}
	resp, body = post("703") // the fourth request this second
	if resp.StatusCode != 429 || body["global"] != true || resp.Header.Get("X-RateLimit-Global") != "true" {
		t.Fatalf("fourth request in a second: %d %v %v, want a global 429", resp.StatusCode, body, resp.Header)
	}
	if got := s.RateLimitHits(); got != 2 {
		t.Errorf("RateLimitHits = %d, want 2", got)
	}
	n := 0
	for _, c := range s.Calls() {
		if c.RateLimited() {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d calls recorded as rate limited, want 2", n)
	}
}

// FailChannelFor refuses as many requests as it is told and no more: the
// next attempt, however soon, is served.
func TestFailChannelFor(t *testing.T) {
	s := New(t, Options{})
	dg := restSession(t, s)
	s.FailChannelFor("701", MissingPermissions, 2)
	for i := range 2 {
		if _, err := dg.ChannelMessageSend("701", "m"); err == nil {
			t.Fatalf("message %d was accepted, want refused", i)
		} else if status, code := restCode(err); status != 403 || code != 50013 {
			t.Fatalf("message %d: %d/%d, want 403/50013", i, status, code)
		}
	}
	if _, err := dg.ChannelMessageSend("701", "m"); err != nil {
		t.Fatalf("third message: %v, want it served", err)
	}
	if got := len(s.Posts("701")); got != 1 {
		t.Errorf("%d posts stored, want 1", got)
	}
}
