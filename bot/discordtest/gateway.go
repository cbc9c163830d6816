package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
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

// gatewayState is the gateway side of the fake, guarded by Server.mu.
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
	old := s.gw.conn
	s.gw.conn = c
	s.gw.ready = false
	s.gw.connections++
	s.notifyLocked()
	s.mu.Unlock()
	if old != nil {
		old.close()
	}
	defer func() {
		s.mu.Lock()
		if s.gw.conn == c {
			s.gw.conn = nil
			s.gw.ready = false
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
			_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4002, "Error while decoding payload."), time.Now().Add(time.Second))
			return
		}
		switch f.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.gw.heartbeats++
			s.notifyLocked()
			s.mu.Unlock()
			if err := c.write(frame{Op: opHeartbeatACK, Data: json.RawMessage("null")}); err != nil {
				return
			}
		case opIdentify:
			if err := s.handleIdentify(c, f.Data); err != nil {
				_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, err.Error()), time.Now().Add(time.Second))
				return
			}
		case opResume:
			if err := s.handleResume(c, f.Data); err != nil {
				_ = ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, err.Error()), time.Now().Add(time.Second))
				return
			}
		default:
			// Presence updates, member requests and the like are accepted silently.
		}
	}
}

func (s *Server) handleIdentify(c *gwConn, data json.RawMessage) error {
	var id identifyData
	if err := json.Unmarshal(data, &id); err != nil {
		return fmt.Errorf("bad identify: %w", err)
	}
	if id.Token != "Bot "+s.opts.Token {
		return fmt.Errorf("Authentication failed.")
	}
	s.mu.Lock()
	s.gw.identify = &id
	s.gw.identifies++
	s.gw.sessionID = fmt.Sprintf("fake-session-%d", s.gw.identifies)
	s.gw.seq = 0
	s.gw.log = nil
	var unavailable []map[string]any
	var guilds []*discordgo.Guild
	for _, g := range s.opts.Guilds {
		unavailable = append(unavailable, map[string]any{"id": g.ID, "unavailable": true})
		guilds = append(guilds, s.guilds[g.ID])
	}
	ready := map[string]any{
		"v":                  10,
		"session_id":         s.gw.sessionID,
		"resume_gateway_url": s.GatewayURL(),
		"user":               map[string]any{"id": BotUserID, "username": BotUsername, "bot": true},
		"application":        map[string]any{"id": ApplicationID, "flags": 0},
		"guilds":             unavailable,
		"private_channels":   []any{},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	frames := []frame{s.nextDispatchLocked("READY", ready)}
	for _, g := range guilds {
		if !s.opts.NoGuildCreate {
			frames = append(frames, s.nextDispatchLocked("GUILD_CREATE", g))
		}
	}
	return s.sendSessionStart(c, frames)
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
	if s.gw.forgetNext || r.SessionID != s.gw.sessionID {
		s.gw.forgetNext = false
		s.gw.sessionID = ""
		s.mu.Unlock()
		return c.write(frame{Op: opInvalidSession, Data: json.RawMessage("false")})
	}
	s.gw.resumes++
	var frames []frame
	for _, f := range s.gw.log {
		if f.Seq > r.Seq {
			frames = append(frames, f)
		}
	}
	frames = append(frames, s.nextDispatchLocked("RESUMED", map[string]any{}))
	return s.sendSessionStart(c, frames)
}

// sendSessionStart writes frames (READY or RESUMED and what goes with it),
// marks the connection ready and flushes events dispatched meanwhile. It is
// called with s.mu held and releases it.
func (s *Server) sendSessionStart(c *gwConn, frames []frame) error {
	for {
		s.mu.Unlock()
		for _, f := range frames {
			if err := c.write(f); err != nil {
				return err
			}
		}
		s.mu.Lock()
		if len(s.gw.pending) == 0 {
			break
		}
		frames = nil
		for _, f := range s.gw.pending {
			f.Seq = s.nextSeqLocked(f)
			frames = append(frames, f)
		}
		s.gw.pending = nil
	}
	if s.gw.conn == c {
		s.gw.ready = true
	}
	s.notifyLocked()
	s.mu.Unlock()
	return nil
}

func (s *Server) nextSeqLocked(f frame) int64 {
	s.gw.seq++
	f.Seq = s.gw.seq
	s.gw.log = append(s.gw.log, f)
	if max := s.opts.ReplayEvents; len(s.gw.log) > max {
		s.gw.log = append([]frame(nil), s.gw.log[len(s.gw.log)-max/2:]...)
	}
	return f.Seq
}

func (s *Server) nextDispatchLocked(typ string, data any) frame {
	b, _ := json.Marshal(data)
	f := frame{Op: opDispatch, Type: typ, Data: b}
	f.Seq = s.nextSeqLocked(f)
	return f
}

// Dispatch sends a gateway event to the bot. If no session is ready (before
// the bot connected, or between a dropped connection and its RESUME), the
// event is queued and delivered once one is.
func (s *Server) Dispatch(eventType string, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("discordtest: encode %s: %w", eventType, err)
	}
	s.mu.Lock()
	if !s.gw.ready || s.gw.conn == nil {
		s.gw.pending = append(s.gw.pending, frame{Op: opDispatch, Type: eventType, Data: b})
		s.mu.Unlock()
		return nil
	}
	f := frame{Op: opDispatch, Type: eventType, Data: b}
	f.Seq = s.nextSeqLocked(f)
	c := s.gw.conn
	s.mu.Unlock()
	if err := c.write(f); err != nil {
		// The bot will RESUME and get it from the log.
		return nil
	}
	return nil
}

// DropConnection cuts the gateway connection without a close frame, as a
// network failure would. The bot is expected to reconnect and RESUME; if
// forgetSession is true the fake answers the RESUME with INVALID_SESSION,
// so the bot must IDENTIFY afresh.
func (s *Server) DropConnection(forgetSession bool) {
	s.mu.Lock()
	c := s.gw.conn
	s.gw.conn = nil
	s.gw.ready = false
	if forgetSession {
		s.gw.forgetNext = true
	}
	s.notifyLocked()
	s.mu.Unlock()
	if c != nil {
		c.close()
	}
}

// GatewayStats counts what happened on the gateway so far.
type GatewayStats struct {
	Connections, Identifies, Resumes, Heartbeats int
	Ready                                        bool // a session is connected and ready
	Intents                                      discordgo.Intent
	Shard                                        *[2]int
}

// Gateway reports the gateway counters and the last IDENTIFY.
func (s *Server) Gateway() GatewayStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := GatewayStats{
		Connections: s.gw.connections,
		Identifies:  s.gw.identifies,
		Resumes:     s.gw.resumes,
		Heartbeats:  s.gw.heartbeats,
		Ready:       s.gw.ready && s.gw.conn != nil,
	}
	if s.gw.identify != nil {
		st.Intents = s.gw.identify.Intents
		st.Shard = s.gw.identify.Shard
	}
	return st
}

// WaitReady waits until a gateway session is ready and cond (if not nil)
// holds for the gateway counters, e.g. that a RESUME happened.
func (s *Server) WaitReady(timeout time.Duration, cond func(GatewayStats) bool) error {
	return s.waitUntil(context.Background(), timeout, "ready gateway session", func() bool {
		st := GatewayStats{
			Connections: s.gw.connections, Identifies: s.gw.identifies,
			Resumes: s.gw.resumes, Heartbeats: s.gw.heartbeats,
			Ready: s.gw.ready && s.gw.conn != nil,
		}
		return st.Ready && (cond == nil || cond(st))
	})
}
