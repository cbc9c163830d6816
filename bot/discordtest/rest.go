package discordtest

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// interaction is an interaction the fake dispatched, with its response state.
type interaction struct {
	id, token     string
	channelID     string
	created       time.Time
	responded     bool
	original      string // message id of the original response, once there is one
	sourceMessage string // the message a pressed button is on
}

// storedMessage is a message in a channel: one the bot created, or one a
// test placed there with AddMessage.
type storedMessage struct {
	id, channelID string
	payload       Payload
	author        User      // the bot, unless a test said otherwise
	created       time.Time // when it was stored
	thread        string    // id of the thread started from it, if any
}

// apiPrefix matches "/api/v9/", "/api/v10/" and the like.
var apiPrefix = regexp.MustCompile(`^/api/v\d+`)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) fail(w http.ResponseWriter, c Call, e *apiError) {
	c.Status = e.status
	c.Error = e.msg
	if len(e.form) > 0 {
		b, _ := json.Marshal(e.body())
		c.Error = string(b)
	}
	if c.ChannelID != "" {
		s.mu.Lock()
		s.refusedLocked(c.ChannelID, e)
		s.mu.Unlock()
	}
	s.record(c)
	writeJSON(w, e.status, e.body())
}

func (s *Server) ok(w http.ResponseWriter, c Call, status int, v any) {
	c.Status = status
	s.record(c)
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, v)
}

var (
	errUnauthorized       = &apiError{status: 401, code: 0, msg: "401: Unauthorized"}
	errNotFound           = &apiError{status: 404, code: 0, msg: "404: Not Found"}
	errUnknownMessage     = &apiError{status: 404, code: 10008, msg: "Unknown Message"}
	errUnknownGuild       = &apiError{status: 404, code: 10004, msg: "Unknown Guild"}
	errUnknownMember      = &apiError{status: 404, code: 10007, msg: "Unknown Member"}
	errUnknownInteraction = &apiError{status: 404, code: 10062, msg: "Unknown interaction"}
	errAcknowledged       = &apiError{status: 400, code: 40060, msg: "Interaction has already been acknowledged."}
	errInvalidToken       = &apiError{status: 401, code: 50027, msg: "Invalid Webhook Token"}
	errBadJSON            = &apiError{status: 400, code: 50109, msg: "The request body contains invalid JSON."}
)

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	path := apiPrefix.ReplaceAllString(r.URL.Path, "")
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 8<<20))
	c := Call{Method: r.Method, Path: path, Raw: raw, At: time.Now(), Route: RouteUnknown}
	if err != nil {
		s.fail(w, c, &apiError{status: 413, code: 40005, msg: "Request entity too large"})
		return
	}
	if c.Raw, c.Files, err = splitMultipart(r, raw); err != nil {
		s.fail(w, c, errBadJSON)
		return
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	webhook := len(parts) > 0 && (parts[0] == "webhooks" || parts[0] == "interactions")
	if !webhook && r.Header.Get("Authorization") != "Bot "+s.opts.Token {
		s.fail(w, c, errUnauthorized)
		return
	}
	if !webhook {
		if e := s.limits.takeGlobal(w.Header()); e != nil {
			s.fail(w, c, e)
			return
		}
	}
	route := func(method string, pattern ...string) bool {
		if r.Method != method || len(parts) != len(pattern) {
			return false
		}
		for i, p := range pattern {
			if p != "*" && p != parts[i] {
				return false
			}
		}
		return true
	}
	switch {
	case route("GET", "gateway"), route("GET", "gateway", "bot"):
		c.Route = RouteGateway
		body := map[string]any{"url": s.GatewayURL()}
		if len(parts) == 2 {
			body["shards"] = s.shardCount()
			body["session_start_limit"] = map[string]int{"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
		}
		s.ok(w, c, 200, body)
	case route("POST", "channels", "*", "messages"):
		c.Route, c.ChannelID = RouteCreateMessage, parts[1]
		s.createMessage(w, r, c)
	case route("GET", "channels", "*"):
		c.Route, c.ChannelID = RouteGetChannel, parts[1]
		s.getChannel(w, c, parts[1])
	case route("GET", "channels", "*", "messages"):
		c.Route, c.ChannelID = RouteGetMessages, parts[1]
		s.getMessages(w, c, parts[1], r.URL.Query())
	case route("POST", "channels", "*", "messages", "*", "threads"):
		c.Route, c.ChannelID, c.MessageID = RouteStartThread, parts[1], parts[3]
		s.startThread(w, c, parts[1], parts[3])
	case route("POST", "channels", "*", "threads"):
		c.Route, c.ChannelID = RouteStartForumPost, parts[1]
		s.startForumPost(w, c, parts[1])
	case route("GET", "guilds", "*", "threads", "active"):
		c.Route = RouteActiveThreads
		s.activeThreads(w, c, parts[1])
	case route("PATCH", "channels", "*", "messages", "*"):
		c.Route, c.ChannelID, c.MessageID = RouteEditMessage, parts[1], parts[3]
		s.editMessage(w, c, parts[3])
	case route("POST", "users", "@me", "channels"):
		c.Route = RouteOpenDM
		s.openDM(w, c)
	case route("PUT", "applications", "*", "commands"):
		c.Route = RouteBulkOverwrite
		s.overwriteCommands(w, c, parts[1], "")
	case route("PUT", "applications", "*", "guilds", "*", "commands"):
		c.Route = RouteBulkOverwrite
		s.overwriteCommands(w, c, parts[1], parts[3])
	case route("POST", "interactions", "*", "*", "callback"):
		c.Route, c.InteractionID = RouteCallback, parts[1]
		s.callback(w, c, parts[1], parts[2])
	case route("PATCH", "webhooks", "*", "*", "messages", "@original"):
		c.Route = RouteEditOriginal
		s.editOriginal(w, c, parts[2])
	case route("DELETE", "webhooks", "*", "*", "messages", "@original"):
		c.Route = RouteDeleteOriginal
		s.deleteOriginal(w, c, parts[2])
	case route("POST", "webhooks", "*", "*"):
		c.Route = RouteFollowup
		s.followup(w, c, parts[2])
	case route("GET", "guilds", "*"):
		c.Route = RouteGetGuild
		s.getGuild(w, c, parts[1], func(g *discordgo.Guild) any { return g })
	case route("GET", "guilds", "*", "roles"):
		c.Route = RouteGetRoles
		s.getGuild(w, c, parts[1], func(g *discordgo.Guild) any { return g.Roles })
	case route("GET", "guilds", "*", "members", "*"):
		c.Route = RouteGetMember
		s.getMember(w, c, parts[1], parts[3])
	default:
		s.fail(w, c, errNotFound)
	}
}

func (s *Server) messageJSON(m *storedMessage) map[string]any {
	author := m.author
	if author.ID == "" {
		author = BotUser()
	}
	out := map[string]any{
		"id":          m.id,
		"type":        discordgo.MessageTypeDefault,
		"channel_id":  m.channelID,
		"content":     m.payload.Text(),
		"embeds":      nonNilEmbeds(m.payload.Embeds),
		"components":  m.payload.Components,
		"flags":       m.payload.Flags,
		"author":      author.json(),
		"timestamp":   m.created.UTC().Format(time.RFC3339Nano),
		"attachments": attachmentsJSON(m),
	}
	if m.thread != "" {
		if th, ok := s.channels[m.thread]; ok {
			out["thread"] = th
		}
	}
	return out
}

func nonNilEmbeds(e []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if e == nil {
		return []*discordgo.MessageEmbed{}
	}
	return e
}

// decodeMessage fills c.Payload from the request body and checks it
// against Discord's limits (see checkMessage; edit for an edit). It
// reports a Discord error when the body is not JSON or breaks a limit.
func decodeMessage(c *Call, edit bool) *apiError {
	p, err := decodePayload(c.Raw)
	if err != nil {
		return errBadJSON
	}
	p.Attachments = c.Files
	c.Payload = p
	if e := checkAttachments(p); e != nil {
		return e
	}
	return checkMessage(p, edit)
}

// storeLocked keeps a new message the bot created.
func (s *Server) storeLocked(channelID string, p Payload) *storedMessage {
	return s.storeAsLocked(s.newIDLocked(), channelID, BotUser(), p)
}

// storeAsLocked keeps a message with a given id and author.
func (s *Server) storeAsLocked(id, channelID string, author User, p Payload) *storedMessage {
	m := &storedMessage{id: id, channelID: channelID, payload: p, author: author, created: time.Now()}
	s.messages[m.id] = m
	s.byChannel[channelID] = append(s.byChannel[channelID], m.id)
	return m
}

// merge applies an edit: only the fields present in the body change.
func merge(old Payload, raw []byte, edit Payload) Payload {
	var keys map[string]json.RawMessage
	_ = json.Unmarshal(raw, &keys)
	if _, ok := keys["content"]; ok {
		old.Content = edit.Content
	}
	if _, ok := keys["embeds"]; ok {
		old.Embeds = edit.Embeds
	}
	if _, ok := keys["components"]; ok {
		old.Components = edit.Components
	}
	if _, ok := keys["allowed_mentions"]; ok {
		old.AllowedMentions = edit.AllowedMentions
	}
	if len(edit.Attachments) > 0 {
		old.Attachments = edit.Attachments
	}
	return old
}

func (s *Server) createMessage(w http.ResponseWriter, r *http.Request, c Call) {
	if e := decodeMessage(&c, false); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	e := s.channelErrorLocked(c.ChannelID, true)
	if e == nil && s.channelLocked(c.ChannelID).Type == discordgo.ChannelTypeGuildForum {
		e = errNotTextChannel
	}
	s.mu.Unlock()
	if e != nil {
		s.fail(w, c, e)
		return
	}
	if e := s.limits.take(w.Header(), c.ChannelID); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	m := s.storeLocked(c.ChannelID, c.Payload)
	c.MessageID = m.id
	body := s.messageJSON(m)
	release, held := s.held[c.ChannelID]
	s.mu.Unlock()
	if held {
		// Created, but the answer is held back (HoldMessages): a bot that
		// dies meanwhile never learns that it posted.
		c.Held = true
		c.Status = 200
		s.record(c)
		select {
		case <-release:
			writeJSON(w, 200, body)
		case <-r.Context().Done():
		}
		return
	}
	s.ok(w, c, 200, body)
}

func (s *Server) editMessage(w http.ResponseWriter, c Call, id string) {
	if e := decodeMessage(&c, true); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	if e := s.channelErrorLocked(c.ChannelID, false); e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	m, ok := s.messages[id]
	if !ok || m.channelID != c.ChannelID {
		s.mu.Unlock()
		s.fail(w, c, errUnknownMessage)
		return
	}
	m.payload = merge(m.payload, c.Raw, c.Payload)
	body := s.messageJSON(m)
	s.mu.Unlock()
	s.ok(w, c, 200, body)
}

func (s *Server) openDM(w http.ResponseWriter, c Call) {
	var req struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.Unmarshal(c.Raw, &req); err != nil || req.RecipientID == "" {
		s.fail(w, c, invalidForm([]formError{{[]string{"recipient_id"}, "BASE_TYPE_REQUIRED", "This field is required"}}))
		return
	}
	s.mu.Lock()
	id, ok := s.dms[req.RecipientID]
	if !ok {
		id = s.newIDLocked()
		s.dms[req.RecipientID] = id
	}
	s.mu.Unlock()
	c.ChannelID = id
	s.ok(w, c, 200, map[string]any{
		"id": id, "type": discordgo.ChannelTypeDM,
		"recipients": []map[string]any{{"id": req.RecipientID, "username": "user" + req.RecipientID}},
	})
}

func (s *Server) overwriteCommands(w http.ResponseWriter, c Call, appID, guildID string) {
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(c.Raw, &cmds); err != nil {
		s.fail(w, c, errBadJSON)
		return
	}
	if appID != ApplicationID {
		s.fail(w, c, &apiError{status: 403, code: 50001, msg: "Missing Access"})
		return
	}
	if e := checkCommands(cmds); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	if guildID != "" {
		if _, ok := s.guilds[guildID]; !ok {
			s.mu.Unlock()
			s.fail(w, c, &apiError{status: 403, code: 50001, msg: "Missing Access"})
			return
		}
	}
	for _, cmd := range cmds {
		cmd.ID = s.newIDLocked()
		cmd.ApplicationID = appID
		cmd.GuildID = guildID
	}
	s.commands[guildID] = cmds
	s.notifyLocked()
	s.mu.Unlock()
	s.ok(w, c, 200, cmds)
}

func (s *Server) callback(w http.ResponseWriter, c Call, id, token string) {
	var req struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(c.Raw, &req); err != nil {
		s.fail(w, c, errBadJSON)
		return
	}
	c.CallbackType = req.Type
	if len(req.Data) > 0 && string(req.Data) != "null" {
		p, err := decodePayload(req.Data)
		if err != nil {
			s.fail(w, c, errBadJSON)
			return
		}
		c.Payload = p
	}
	s.mu.Lock()
	in, ok := s.inter[id]
	switch {
	case !ok || in.token != token:
		s.mu.Unlock()
		s.fail(w, c, errUnknownInteraction)
		return
	case in.responded:
		s.mu.Unlock()
		s.fail(w, c, errAcknowledged)
		return
	case s.nowLocked().Sub(in.created) > s.opts.CallbackWindow:
		s.mu.Unlock()
		s.fail(w, c, errUnknownInteraction)
		return
	}
	var e *apiError
	switch req.Type {
	case CallbackMessage, CallbackUpdateMessage:
		e = checkMessage(c.Payload, req.Type == CallbackUpdateMessage)
	case CallbackDeferredMessage, CallbackDeferredUpdate:
	case CallbackAutocomplete:
		e = checkChoices(c.Payload.Choices)
	default:
		e = invalidForm([]formError{{[]string{"type"}, "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}."}})
	}
	if e == nil && (req.Type == CallbackUpdateMessage || req.Type == CallbackDeferredUpdate) && in.sourceMessage == "" {
		e = &apiError{status: 400, code: 40060, msg: "Interaction has no message to update."}
	}
	if e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	in.responded = true
	switch req.Type {
	case CallbackMessage, CallbackDeferredMessage:
		m := s.storeLocked(in.channelID, c.Payload)
		in.original = m.id
		c.MessageID = m.id
	case CallbackUpdateMessage:
		if m, ok := s.messages[in.sourceMessage]; ok {
			m.payload = merge(m.payload, req.Data, c.Payload)
		}
		in.original = in.sourceMessage
		c.MessageID = in.sourceMessage
	}
	s.mu.Unlock()
	s.ok(w, c, http.StatusNoContent, nil)
}

// byTokenLocked finds a live interaction for a webhook route.
func (s *Server) byTokenLocked(token string) (*interaction, *apiError) {
	in, ok := s.byToken[token]
	if !ok {
		return nil, errUnknownInteraction
	}
	if s.nowLocked().Sub(in.created) > s.opts.TokenLifetime {
		return nil, errInvalidToken
	}
	return in, nil
}

func (s *Server) editOriginal(w http.ResponseWriter, c Call, token string) {
	if e := decodeMessage(&c, true); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	in, e := s.byTokenLocked(token)
	if e == nil && in.original == "" {
		e = errUnknownMessage
	}
	var m *storedMessage
	if e == nil {
		m = s.messages[in.original]
		if m == nil {
			e = errUnknownMessage
		}
	}
	if e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	c.InteractionID, c.MessageID, c.ChannelID = in.id, m.id, m.channelID
	m.payload = merge(m.payload, c.Raw, c.Payload)
	body := s.messageJSON(m)
	s.mu.Unlock()
	s.ok(w, c, 200, body)
}

func (s *Server) deleteOriginal(w http.ResponseWriter, c Call, token string) {
	s.mu.Lock()
	in, e := s.byTokenLocked(token)
	if e == nil && (in.original == "" || s.messages[in.original] == nil) {
		e = errUnknownMessage
	}
	if e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	c.InteractionID, c.MessageID = in.id, in.original
	delete(s.messages, in.original)
	s.mu.Unlock()
	s.ok(w, c, http.StatusNoContent, nil)
}

func (s *Server) followup(w http.ResponseWriter, c Call, token string) {
	if e := decodeMessage(&c, false); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	in, e := s.byTokenLocked(token)
	if e == nil && !in.responded {
		e = &apiError{status: 400, code: 40060, msg: "Interaction has not been acknowledged."}
	}
	if e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	m := s.storeLocked(in.channelID, c.Payload)
	c.InteractionID, c.MessageID, c.ChannelID = in.id, m.id, in.channelID
	body := s.messageJSON(m)
	s.mu.Unlock()
	s.ok(w, c, 200, body)
}

func (s *Server) getGuild(w http.ResponseWriter, c Call, id string, part func(*discordgo.Guild) any) {
	s.mu.Lock()
	g, ok := s.guilds[id]
	s.mu.Unlock()
	if !ok {
		s.fail(w, c, errUnknownGuild)
		return
	}
	s.ok(w, c, 200, part(g))
}

func (s *Server) getMember(w http.ResponseWriter, c Call, guildID, userID string) {
	s.mu.Lock()
	g, ok := s.guilds[guildID]
	s.mu.Unlock()
	if !ok {
		s.fail(w, c, errUnknownGuild)
		return
	}
	for _, m := range g.Members {
		if m.User != nil && m.User.ID == userID {
			s.ok(w, c, 200, m)
			return
		}
	}
	s.fail(w, c, errUnknownMember)
}
