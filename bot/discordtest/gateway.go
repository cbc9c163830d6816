package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes the fake speaks.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// Gateway close codes the fake sends.
const (
	closeDecodeError    = 4002
	closeAuthFailed     = 4004
	closeInvalidShard   = 4010
	closeShardsRequired = 4011
)

// gatewayState is one shard's gateway session, guarded by Server.mu. An
// unsharded fake (Options.Shards 0) has one, shard 0's.
type gatewayState struct {
	conn       *gwConn
	sessionID  string
	seq        int64
	log        []frame // recent dispatches, for RESUME
	pending    []frame // dispatched while no session was ready
	ready      bool    // the current connection has identified or resumed
	identifies int
	resumes    int
	heartbeats int
	// identify is the last IDENTIFY payload received.
	identify    *identifyData
	forgetNext  bool // answer the next RESUME with INVALID_SESSION
	connections int
}

// identifyData is the part of IDENTIFY the fake reads.
type identifyData struct {
	Token   string           `json:"token"`
	Intents discordgo.Intent `json:"intents"`
	Shard   *[2]int          `json:"shard"`
}

// frame is one gateway payload.
type frame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  int64           `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
}

// gwConn serialises writes to one websocket.
type gwConn struct {
	ws   *websocket.Conn
	wmu  sync.Mutex
	once sync.Once
	// shard is the shard the connection identified or resumed as, once
	// bound is set; heartbeats counts the heartbeats it carried (all
	// guarded by Server.mu).
	shard      int
	bound      bool
	heartbeats int
}

func (c *gwConn) write(f frame) error {
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// close drops the connection at once, without a close frame, as a network
// failure would.
func (c *gwConn) close() {
	c.once.Do(func() { _ = c.ws.UnderlyingConn().Close() })
}

// closeWith sends a close frame with a gateway close code, then drops the
// connection.
func (c *gwConn) closeWith(code int, reason string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.close()
}

// ShardOf is the shard of a guild by Discord's rule, (guild_id >> 22) %
// count; direct messages (no guild) are shard 0's.
func ShardOf(guildID string, count int) int {
	if count <= 1 || guildID == "" {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// shardCount is how many shards the fake routes over: 1 when unsharded.
func (s *Server) shardCount() int { return max(1, s.opts.Shards) }

// shardLocked returns a shard's gateway state, made on first use.
func (s *Server) shardLocked(id int) *gatewayState {
	st, ok := s.gws[id]
	if !ok {
		st = &gatewayState{}
		s.gws[id] = st
	}
	return st
}

// connStateLocked is the state of the shard c is bound to (shard 0's
// before it identifies).
func (s *Server) connStateLocked(c *gwConn) *gatewayState {
	if c.bound {
		return s.shardLocked(c.shard)
	}
	return s.shardLocked(0)
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		c.close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if st := s.connStateLocked(c); c.bound && st.conn == c {
			st.conn = nil
			st.ready = false
			s.notifyLocked()
		}
		s.mu.Unlock()
		c.close()
	}()

	hello, _ := json.Marshal(map[string]int64{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()})
	if err := c.write(frame{Op: opHello, Data: hello}); err != nil {
		return
	}
	ws.SetReadLimit(1 << 20)
	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var f frame
		if err := json.Unmarshal(msg, &f); err != nil {
			c.closeWith(closeDecodeError, "Error while decoding payload.")
			return
		}
		switch f.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.connStateLocked(c).heartbeats++
			c.heartbeats++
			s.notifyLocked()
			s.mu.Unlock()
			if err := c.write(frame{Op: opHeartbeatACK, Data: json.RawMessage("null")}); err != nil {
				return
			}
		case opIdentify:
			if code, err := s.handleIdentify(c, f.Data); err != nil {
				c.closeWith(code, err.Error())
				return
			}
		case opResume:
			if err := s.handleResume(c, f.Data); err != nil {
				c.closeWith(closeAuthFailed, err.Error())
				return
			}
		default:
			// Presence updates, member requests and the like are accepted silently.
		}
	}
}

// bindLocked makes c the connection of shard id, dropping the shard's
// previous connection (returned, to close once the lock is released).
func (s *Server) bindLocked(c *gwConn, id int) (*gatewayState, *gwConn) {
	st := s.shardLocked(id)
	old := st.conn
	if old == c {
		old = nil
	}
	st.conn, st.ready = c, false
	st.connections++
	c.shard, c.bound = id, true
	s.notifyLocked()
	return st, old
}

func (s *Server) handleIdentify(c *gwConn, data json.RawMessage) (int, error) {
	var id identifyData
	if err := json.Unmarshal(data, &id); err != nil {
		return closeDecodeError, fmt.Errorf("bad identify: %w", err)
	}
	if id.Token != "Bot "+s.opts.Token {
		return closeAuthFailed, fmt.Errorf("Authentication failed.")
	}
	shard, count := 0, 1
	if id.Shard != nil {
		shard, count = id.Shard[0], id.Shard[1]
	}
	if s.opts.Shards > 0 {
		// A sharded fake holds the bot to the shard count it announces, as
		// Discord holds a large bot to at least the count it requires.
		if count < s.opts.Shards {
			return closeShardsRequired, fmt.Errorf("Sharding required.")
		}
		if count != s.opts.Shards || shard < 0 || shard >= count {
			return closeInvalidShard, fmt.Errorf("Invalid shard.")
		}
	} else {
		shard = 0 // unsharded: whatever the bot says, one gateway serves all
	}
	s.mu.Lock()
	st, old := s.bindLocked(c, shard)
	st.identify = &id
	st.identifies++
	s.sessions++
	st.sessionID = fmt.Sprintf("fake-session-%d-%d", shard, s.sessions)
	st.seq = 0
	st.log = nil
	var unavailable []map[string]any
	var guilds []*discordgo.Guild
	for _, g := range s.opts.Guilds {
		if s.opts.Shards > 0 && ShardOf(g.ID, s.shardCount()) != shard {
			continue
		}
		unavailable = append(unavailable, map[string]any{"id": g.ID, "unavailable": true})
		guilds = append(guilds, s.guilds[g.ID])
	}
	ready := map[string]any{
		"v":                  10,
		"session_id":         st.sessionID,
		"resume_gateway_url": s.GatewayURL(),
		"user":               map[string]any{"id": BotUserID, "username": BotUsername, "bot": true},
		"application":        map[string]any{"id": ApplicationID, "flags": 0},
		"guilds":             unavailable,
		"private_channels":   []any{},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	frames := []frame{s.nextDispatchLocked(st, "READY", ready)}
	for _, g := range guilds {
		if !s.opts.NoGuildCreate {
			frames = append(frames, s.nextDispatchLocked(st, "GUILD_CREATE", g))
		}
	}
	if old != nil {
		old.close()
	}
	return closeAuthFailed, s.sendSessionStart(c, st, frames)
}

func (s *Server) handleResume(c *gwConn, data json.RawMessage) error {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("bad resume: %w", err)
	}
	s.mu.Lock()
	if r.Token != "Bot "+s.opts.Token && r.Token != s.opts.Token {
		s.mu.Unlock()
		return fmt.Errorf("Authentication failed.")
	}
	shard, found := 0, false
	for id, st := range s.gws {
		if st.sessionID != "" && st.sessionID == r.SessionID {
			shard, found = id, true
			break
		}
	}
	if !found || s.gws[shard].forgetNext {
		if found {
			s.gws[shard].forgetNext = false
			s.gws[shard].sessionID = ""
		}
		s.mu.Unlock()
		return c.write(frame{Op: opInvalidSession, Data: json.RawMessage("false")})
	}
	st, old := s.bindLocked(c, shard)
	st.resumes++
	var frames []frame
	for _, f := range st.log {
		if f.Seq > r.Seq {
			frames = append(frames, f)
		}
	}
	frames = append(frames, s.nextDispatchLocked(st, "RESUMED", map[string]any{}))
	if old != nil {
		old.close()
	}
	return s.sendSessionStart(c, st, frames)
}

// sendSessionStart writes frames (READY or RESUMED and what goes with it),
// marks the connection ready and flushes events dispatched meanwhile. It is
// called with s.mu held and releases it.
func (s *Server) sendSessionStart(c *gwConn, st *gatewayState, frames []frame) error {
	for {
		s.mu.Unlock()
		for _, f := range frames {
			if err := c.write(f); err != nil {
				return err
			}
		}
		s.mu.Lock()
		if len(st.pending) == 0 || st.conn != c {
			break
		}
		frames = nil
		for _, f := range st.pending {
			f.Seq = s.nextSeqLocked(st, f)
			frames = append(frames, f)
		}
		st.pending = nil
	}
	if st.conn == c {
		st.ready = true
	}
	s.notifyLocked()
	s.mu.Unlock()
	return nil
}

func (s *Server) nextSeqLocked(st *gatewayState, f frame) int64 {
	st.seq++
	f.Seq = st.seq
	st.log = append(st.log, f)
	if max := s.opts.ReplayEvents; len(st.log) > max {
		st.log = append([]frame(nil), st.log[len(st.log)-max/2:]...)
	}
	return f.Seq
}

func (s *Server) nextDispatchLocked(st *gatewayState, typ string, data any) frame {
	b, _ := json.Marshal(data)
	f := frame{Op: opDispatch, Type: typ, Data: b}
	f.Seq = s.nextSeqLocked(st, f)
	return f
}

// Dispatch sends a gateway event to the bot: to the shard of the event's
// guild_id (shard 0 for an event without one, such as a direct message).
// If that shard has no ready session (before the bot connected, or
// between a dropped connection and its RESUME), the event is queued and
// delivered once it has.
func (s *Server) Dispatch(eventType string, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("discordtest: encode %s: %w", eventType, err)
	}
	var routing struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(b, &routing) // an event that is not an object goes to shard 0
	s.mu.Lock()
	st := s.shardLocked(ShardOf(routing.GuildID, s.shardCount()))
	f := frame{Op: opDispatch, Type: eventType, Data: b}
	if !st.ready || st.conn == nil {
		st.pending = append(st.pending, f)
		s.mu.Unlock()
		return nil
	}
	f.Seq = s.nextSeqLocked(st, f)
	c := st.conn
	s.mu.Unlock()
	if err := c.write(f); err != nil {
		// The bot will RESUME and get it from the log.
		return nil
	}
	return nil
}

// DropConnection cuts shard 0's gateway connection (the only one of an
// unsharded fake) without a close frame, as a network failure would. The
// bot is expected to reconnect and RESUME; if forgetSession is true the
// fake answers the RESUME with INVALID_SESSION, so the bot must IDENTIFY
// afresh.
func (s *Server) DropConnection(forgetSession bool) error { return s.DropShard(0, forgetSession) }

// DropShard cuts one shard's gateway connection, as DropConnection does.
//
// It first waits until the session on the connection is ready and has sent
// its first heartbeat. discordgo starts its heartbeat goroutine once the
// session has started; if that goroutine first writes after the connection
// was dropped, it closes whatever connection the session has by then, the
// new one, and every reconnect can repeat that. On a busy machine this is
// likely, and the bot would reconnect over and over; a dropped connection
// that had its heartbeat is what a network failure looks like anyway.
func (s *Server) DropShard(shard int, forgetSession bool) error {
	err := s.waitUntil(context.Background(), settleWait, "heartbeat on the gateway connection", func() bool {
		st := s.shardLocked(shard)
		return st.conn != nil && st.ready && st.conn.heartbeats > 0
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	st := s.shardLocked(shard)
	c := st.conn
	st.conn = nil
	st.ready = false
	if forgetSession {
		st.forgetNext = true
	}
	s.notifyLocked()
	s.mu.Unlock()
	if c != nil {
		c.close()
	}
	return nil
}

// GatewayStats counts what happened on one shard's gateway so far.
type GatewayStats struct {
	Connections, Identifies, Resumes, Heartbeats int
	Ready                                        bool // a session is connected and ready
	Intents                                      discordgo.Intent
	Shard                                        *[2]int
}

func (st *gatewayState) stats() GatewayStats {
	g := GatewayStats{
		Connections: st.connections,
		Identifies:  st.identifies,
		Resumes:     st.resumes,
		Heartbeats:  st.heartbeats,
		Ready:       st.ready && st.conn != nil,
	}
	if st.identify != nil {
		g.Intents = st.identify.Intents
		g.Shard = st.identify.Shard
	}
	return g
}

// Gateway reports shard 0's gateway counters and last IDENTIFY (the only
// gateway of an unsharded fake).
func (s *Server) Gateway() GatewayStats { return s.ShardGateway(0) }

// ShardGateway reports one shard's gateway counters and last IDENTIFY.
func (s *Server) ShardGateway(shard int) GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shardLocked(shard).stats()
}

// WaitReady waits until shard 0's gateway session is ready and cond (if
// not nil) holds for its counters, e.g. that a RESUME happened.
func (s *Server) WaitReady(timeout time.Duration, cond func(GatewayStats) bool) error {
	return s.WaitShardReady(0, timeout, cond)
}

// WaitShardReady waits until one shard's session is ready and cond (if
// not nil) holds for its counters.
func (s *Server) WaitShardReady(shard int, timeout time.Duration, cond func(GatewayStats) bool) error {
	return s.waitUntil(context.Background(), timeout, fmt.Sprintf("ready gateway session of shard %d", shard), func() bool {
		st := s.shardLocked(shard).stats()
		return st.Ready && (cond == nil || cond(st))
	})
}

// WaitShards waits until every shard of a sharded fake (Options.Shards)
// has a ready session.
func (s *Server) WaitShards(timeout time.Duration) error {
	return s.waitUntil(context.Background(), timeout, "a ready session on every shard", func() bool {
		for id := range s.shardCount() {
			if !s.shardLocked(id).stats().Ready {
				return false
			}
		}
		return true
	})
}
