// Package discordtest is a fake Discord for tests: a REST API and a gateway
// websocket on 127.0.0.1 that the real discordgo Session connects to.
//
// The fake serves GET /gateway and /gateway/bot, a gateway that says HELLO,
// answers IDENTIFY with READY (and GUILD_CREATE for each configured guild),
// acknowledges heartbeats and accepts RESUME after a dropped connection, and
// the REST routes a bot uses to answer people: create and edit messages, open
// a DM channel, bulk-overwrite application commands, interaction callbacks,
// edit or delete the original response, follow-ups, and guild, role and
// member look-ups; and, for scheduled digests, channel look-ups (text
// channels, threads and forums), a channel's recent messages, threads
// started from a message, forum posts and a guild's active threads.
// Everything the bot sends is recorded as a Call; payloads
// that Discord would refuse (an embed over the limits, content over 2,000
// characters, more than 10 embeds, a callback after the interaction expired
// or a second callback for one interaction) are answered with a
// Discord-shaped error and recorded too.
//
// With Options.Shards the fake is a sharded gateway, as Discord is for a
// large bot: GET /gateway/bot recommends that many shards, each IDENTIFY
// names its shard, each session is told of its shard's guilds only, and
// every event goes to the session of its guild's shard (ShardOf; direct
// messages to shard 0), so that several processes of one bot can each
// serve their share.
//
// Tests can make a channel fail as Discord does (FailChannel: a missing
// permission, missing access, a deleted channel), place earlier messages
// in a channel (AddMessage), and turn on Discord-shaped rate limits
// (Options.RateLimits): a bucket per channel for messages and a global
// limit, answered with 429 and the X-RateLimit-* headers discordgo reads.
//
// A discordgo Session is pointed at the fake with Client, whose transport
// rewrites requests for discord.com to the fake; the gateway address the
// fake hands out is its own websocket URL. Neither the library nor its
// package variables are touched.
package discordtest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Default identities of the fake.
const (
	DefaultToken    = "fake-token"
	BotUserID       = "900000000000000001"
	ApplicationID   = "900000000000000002"
	BotUsername     = "Attaché"
	PermManageGuild = discordgo.PermissionManageGuild
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Token is the bot token the fake expects (without "Bot "); empty means DefaultToken.
	Token string
	// HeartbeatInterval is announced in HELLO; zero means 41.25 s as Discord does.
	HeartbeatInterval time.Duration
	// CallbackWindow is how long an interaction may wait for its first
	// callback; zero means 3 s as Discord does. It is measured on the
	// fake's own clock, which stands still unless a test calls Advance, so
	// that a slow machine never runs out of it.
	CallbackWindow time.Duration
	// TokenLifetime is how long an interaction token stays valid for edits
	// and follow-ups; zero means 15 minutes as Discord does. Like the
	// callback window, it passes only with Advance.
	TokenLifetime time.Duration
	// Guilds are announced with GUILD_CREATE after READY and served by the
	// guild routes.
	Guilds []*discordgo.Guild
	// NoGuildCreate leaves out the GUILD_CREATE events, so a bot must fetch
	// guilds, roles and members over REST.
	NoGuildCreate bool
	// ReplayEvents bounds the dispatched events kept for RESUME; zero means 4,096.
	ReplayEvents int
	// KeepCalls bounds how many calls are kept for assertions; zero means 10,000.
	// Older calls are forgotten first.
	KeepCalls int
	// Channels are served by GET /channels/{id}, as are the Channels of
	// each guild in Guilds. A channel the fake has not been told about is
	// a plain text channel of the first guild. A GuildForum channel takes
	// forum posts (POST /channels/{id}/threads) and refuses messages.
	Channels []*discordgo.Channel
	// RateLimits, if set, limits message creation as Discord does, with
	// 429 answers and X-RateLimit-* headers; nil means no limits.
	RateLimits *RateLimits
	// Shards, when above 0, makes the fake a sharded gateway: GET
	// /gateway/bot recommends that many shards, an IDENTIFY must name one
	// of them ([shard_id, Shards]), each shard's session gets the guilds of
	// its shard (ShardOf) in READY and GUILD_CREATE, and every event goes
	// to the shard of its guild (direct messages to shard 0). Zero is one
	// unsharded gateway that takes whatever an IDENTIFY says.
	Shards int
}

// settleWait bounds the fake's own waits for the bot (DropConnection). It
// is a deadline for a bot that never gets there, not a measurement: a busy
// machine may be slow, and a test waits on the event.
const settleWait = 2 * time.Minute

// Server is a running fake Discord. Close it when done.
type Server struct {
	opts Options
	hs   *httptest.Server
	// URL is the base address of the fake, "http://127.0.0.1:port".
	URL string

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever state changes
	epoch    time.Time     // the fake's clock at Start
	offset   time.Duration // how far Advance has moved the clock
	nextID   int64
	gws      map[int]*gatewayState // by shard
	conns    map[*gwConn]struct{}  // open gateway connections
	sessions int                   // gateway sessions started, for their ids
	calls    []Call                // not yet taken by Next or WaitFor
	all      int                   // calls ever recorded
	dispatch map[string]time.Time
	inter    map[string]*interaction // by interaction id
	byToken  map[string]*interaction
	messages map[string]*storedMessage
	commands map[string][]*discordgo.ApplicationCommand // by scope: "" global, else guild id
	guilds   map[string]*discordgo.Guild
	dms      map[string]string // user id -> DM channel id
	// channels are the known channels and the threads started in them.
	channels  map[string]*discordgo.Channel
	byChannel map[string][]string // channel id -> message ids, oldest first
	failing   map[string]ChannelFailure
	held      map[string]chan struct{} // channel id -> closed on release
	failLeft  map[string]int           // refusals left, for FailChannelFor
	limits    *limiter
	tunnels   *tunnels // CONNECT tunnels for bots in other processes
	closed    bool
}

// New starts a fake Discord on 127.0.0.1. It is closed when the test ends.
func New(t interface {
	Helper()
	Cleanup(func())
	Fatalf(string, ...any)
}, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("discordtest: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Start starts a fake Discord on 127.0.0.1; the caller closes it.
func Start(opts Options) (*Server, error) {
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = 41250 * time.Millisecond
	}
	if opts.CallbackWindow <= 0 {
		opts.CallbackWindow = 3 * time.Second
	}
	if opts.TokenLifetime <= 0 {
		opts.TokenLifetime = 15 * time.Minute
	}
	if opts.ReplayEvents <= 0 {
		opts.ReplayEvents = 4096
	}
	if opts.KeepCalls <= 0 {
		opts.KeepCalls = 10000
	}
	s := &Server{
		opts:      opts,
		epoch:     time.Now(),
		changed:   make(chan struct{}),
		nextID:    1000,
		gws:       make(map[int]*gatewayState),
		conns:     make(map[*gwConn]struct{}),
		dispatch:  make(map[string]time.Time),
		inter:     make(map[string]*interaction),
		byToken:   make(map[string]*interaction),
		messages:  make(map[string]*storedMessage),
		commands:  make(map[string][]*discordgo.ApplicationCommand),
		guilds:    make(map[string]*discordgo.Guild),
		dms:       make(map[string]string),
		channels:  make(map[string]*discordgo.Channel),
		byChannel: make(map[string][]string),
		failing:   make(map[string]ChannelFailure),
		held:      make(map[string]chan struct{}),
		failLeft:  make(map[string]int),
		limits:    newLimiter(opts.RateLimits),
	}
	for _, g := range opts.Guilds {
		s.guilds[g.ID] = g
		for _, c := range g.Channels {
			s.addChannel(c, g.ID)
		}
	}
	for _, c := range opts.Channels {
		s.addChannel(c, "")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("discordtest: listen: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway-ws/", s.serveGateway)
	mux.HandleFunc("/", s.serveREST)
	if s.tunnels, err = newTunnels(mux); err != nil {
		ln.Close()
		return nil, err
	}
	proxy := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodConnect {
			s.tunnels.serveConnect(w, r)
			return
		}
		mux.ServeHTTP(w, r)
	})
	s.hs = &httptest.Server{Listener: ln, Config: &http.Server{Handler: proxy}}
	s.hs.Start()
	s.URL = s.hs.URL
	return s, nil
}

// Close drops the gateway connections and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	var conns []*gwConn
	for c := range s.conns {
		conns = append(conns, c)
	}
	for _, st := range s.gws {
		st.conn, st.ready = nil, false
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.tunnels.close()
	s.hs.CloseClientConnections()
	s.hs.Close()
}

// Token is the bot token the fake accepts, without "Bot ".
func (s *Server) Token() string { return s.opts.Token }

// GatewayURL is the websocket address the fake hands out from /gateway.
func (s *Server) GatewayURL() string {
	return "ws" + s.URL[len("http"):] + "/gateway-ws/"
}

// Client returns an HTTP client whose transport sends every request for
// discord.com to the fake instead. Requests for any other host fail, so a
// test can never reach the real Discord.
func (s *Server) Client() *http.Client {
	target, _ := url.Parse(s.URL)
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &rewriteTransport{
			target: target,
			next:   &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: 30 * time.Second},
		},
	}
}

// rewriteTransport redirects requests for discord.com to the fake.
type rewriteTransport struct {
	target *url.URL
	next   http.RoundTripper
}

func (rt *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	host := req.URL.Hostname()
	if host != "discord.com" && host != "discordapp.com" && req.URL.Host != rt.target.Host {
		return nil, fmt.Errorf("discordtest: refusing request to %s: only discord.com is faked", req.URL.Host)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = rt.target.Scheme
	out.URL.Host = rt.target.Host
	out.Host = rt.target.Host
	return rt.next.RoundTrip(out)
}

// Advance moves the fake's clock forward, e.g. past an interaction's
// callback window. The clock moves only this way: interaction windows and
// token lifetimes never run out on their own, however slow the machine.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	s.offset += d
	s.mu.Unlock()
}

// nowLocked is the fake's clock: the time of Start, moved on by Advance.
func (s *Server) nowLocked() time.Time { return s.epoch.Add(s.offset) }

// newIDLocked returns a fresh snowflake-shaped id.
func (s *Server) newIDLocked() string {
	s.nextID++
	return strconv.FormatInt(1100000000000000000+s.nextID, 10)
}

// notifyLocked wakes everyone waiting for a change.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitUntil waits until cond (called with the lock held) is true, the
// timeout passes or ctx ends.
func (s *Server) waitUntil(ctx context.Context, timeout time.Duration, what string, cond func() bool) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		closed := s.closed
		s.mu.Unlock()
		if ok {
			return nil
		}
		if closed {
			return fmt.Errorf("discordtest: server closed while waiting for %s", what)
		}
		select {
		case <-ch:
		case <-timer.C:
			return fmt.Errorf("discordtest: no %s within %v", what, timeout)
		case <-ctx.Done():
			return fmt.Errorf("discordtest: waiting for %s: %w", what, ctx.Err())
		}
	}
}

// Commands returns the application commands registered for a scope: "" for
// global commands, or a guild id.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...)
}

// WaitCommands waits until commands have been registered for a scope.
func (s *Server) WaitCommands(guildID string, timeout time.Duration) ([]*discordgo.ApplicationCommand, error) {
	err := s.waitUntil(context.Background(), timeout, "command registration", func() bool {
		_, ok := s.commands[guildID]
		return ok
	})
	return s.Commands(guildID), err
}
