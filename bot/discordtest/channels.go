package discordtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// ChannelFailure is an error the fake answers for every request about one
// channel, as Discord does when the bot lost a permission or the channel
// was deleted.
type ChannelFailure int

// Channel failures, for FailChannel.
const (
	// NoFailure serves the channel normally again.
	NoFailure ChannelFailure = iota
	// MissingPermissions answers 403 with code 50013 to whatever would
	// post in the channel (messages, threads, forum posts): the bot can
	// see the channel but lacks Send Messages, Embed Links or Create
	// Public Threads there.
	MissingPermissions
	// MissingAccess answers 403 with code 50001 to every request about
	// the channel: the bot cannot see it.
	MissingAccess
	// UnknownChannel answers 404 with code 10003: the channel is gone.
	UnknownChannel
)

var (
	errMissingPermissions = &apiError{status: 403, code: 50013, msg: "Missing Permissions"}
	errMissingAccess      = &apiError{status: 403, code: 50001, msg: "Missing Access"}
	errUnknownChannel     = &apiError{status: 404, code: 10003, msg: "Unknown Channel"}
	errNotTextChannel     = &apiError{status: 400, code: 50008, msg: "Cannot send messages in a non-text channel"}
	errThreadExists       = &apiError{status: 400, code: 160004, msg: "A thread has already been created for this message"}
	errNotForum           = &apiError{status: 400, code: 50024, msg: "Cannot execute action on this channel type"}
)

// maxThreadName is Discord's limit on a thread's name.
const maxThreadName = 100

// BotUser is the fake's bot user, the author of everything the bot posts.
func BotUser() User {
	return User{ID: BotUserID, Name: BotUsername, Bot: true}
}

// addChannel registers a channel (under the lock, or before serving).
func (s *Server) addChannel(c *discordgo.Channel, guildID string) {
	cp := *c
	if cp.GuildID == "" {
		cp.GuildID = guildID
	}
	s.channels[cp.ID] = &cp
}

// FailChannel makes the fake answer requests about a channel with f
// (NoFailure to serve it normally again).
func (s *Server) FailChannel(channelID string, f ChannelFailure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.failLeft, channelID)
	if f == NoFailure {
		delete(s.failing, channelID)
		return
	}
	s.failing[channelID] = f
}

// FailChannelFor is FailChannel for the next refusals requests that f
// refuses; then the channel is served normally again, as when someone gives
// the bot its permission back. The failure ends before the refused request
// is answered, so the bot's next attempt, however soon, finds it over.
func (s *Server) FailChannelFor(channelID string, f ChannelFailure, refusals int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f == NoFailure || refusals <= 0 {
		delete(s.failing, channelID)
		delete(s.failLeft, channelID)
		return
	}
	s.failing[channelID] = f
	s.failLeft[channelID] = refusals
}

// refusedLocked counts a request refused for a channel failure against the
// refusals that FailChannelFor allowed.
func (s *Server) refusedLocked(channelID string, e *apiError) {
	if e != errMissingPermissions && e != errMissingAccess && e != errUnknownChannel {
		return
	}
	n, ok := s.failLeft[channelID]
	if !ok {
		return
	}
	if n <= 1 {
		delete(s.failing, channelID)
		delete(s.failLeft, channelID)
		return
	}
	s.failLeft[channelID] = n - 1
}

// channelErrorLocked is the error a request about channelID gets; posting
// says whether the request would post something.
func (s *Server) channelErrorLocked(channelID string, posting bool) *apiError {
	switch s.failing[channelID] {
	case MissingPermissions:
		if posting {
			return errMissingPermissions
		}
	case MissingAccess:
		return errMissingAccess
	case UnknownChannel:
		return errUnknownChannel
	}
	return nil
}

// channelLocked returns a channel: a known one, or a plain text channel of
// the first guild for an id the fake was not told about.
func (s *Server) channelLocked(id string) *discordgo.Channel {
	if c, ok := s.channels[id]; ok {
		return c
	}
	c := &discordgo.Channel{ID: id, Type: discordgo.ChannelTypeGuildText, Name: "channel-" + id}
	if len(s.opts.Guilds) > 0 {
		c.GuildID = s.opts.Guilds[0].ID
	}
	return c
}

// AddMessage places a message in a channel as if it had been posted
// earlier, e.g. by the bot just before it crashed; it records no call.
// An author without an id is the bot. It returns the message's id.
func (s *Server) AddMessage(channelID string, author User, p Payload) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if author.ID == "" {
		author = BotUser()
	}
	m := s.storeAsLocked(s.newIDLocked(), channelID, author, p)
	s.notifyLocked()
	return m.id
}

// Posted is a message in a channel, as the fake holds it.
type Posted struct {
	ID        string
	ChannelID string
	Author    User
	Payload   Payload
	// ThreadID is the thread started from the message, if any.
	ThreadID string
}

// Posts returns the messages in a channel (or thread), oldest first.
func (s *Server) Posts(channelID string) []Posted {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Posted
	for _, id := range s.byChannel[channelID] {
		if m, ok := s.messages[id]; ok {
			out = append(out, Posted{ID: m.id, ChannelID: m.channelID, Author: m.author, Payload: m.payload, ThreadID: m.thread})
		}
	}
	return out
}

// Threads returns the threads started in a channel or forum, oldest first.
func (s *Server) Threads(parentID string) []*discordgo.Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.Channel
	for _, c := range s.channels {
		if c.ParentID == parentID && c.IsThread() {
			cp := *c
			out = append(out, &cp)
		}
	}
	sort.Slice(out, func(i, j int) bool { return snowflakeLess(out[i].ID, out[j].ID) })
	return out
}

func snowflakeLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func (s *Server) getChannel(w http.ResponseWriter, c Call, id string) {
	s.mu.Lock()
	if e := s.channelErrorLocked(id, false); e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	ch := *s.channelLocked(id)
	s.mu.Unlock()
	s.ok(w, c, 200, &ch)
}

// getMessages lists a channel's newest messages first, as Discord does,
// up to ?limit= (default 50, at most 100).
func (s *Server) getMessages(w http.ResponseWriter, c Call, id string, q url.Values) {
	limit := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			s.fail(w, c, invalidForm([]formError{{[]string{"limit"}, "NUMBER_TYPE_MAX", "int value should be between 1 and 100."}}))
			return
		}
		limit = n
	}
	s.mu.Lock()
	if e := s.channelErrorLocked(id, false); e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	if s.channelLocked(id).Type == discordgo.ChannelTypeGuildForum {
		s.mu.Unlock()
		s.fail(w, c, errNotTextChannel)
		return
	}
	ids := s.byChannel[id]
	out := []map[string]any{}
	for i := len(ids) - 1; i >= 0 && len(out) < limit; i-- {
		if m, ok := s.messages[ids[i]]; ok {
			out = append(out, s.messageJSON(m))
		}
	}
	s.mu.Unlock()
	s.ok(w, c, 200, out)
}

// threadRequest is the body of the thread routes.
type threadRequest struct {
	Name                string          `json:"name"`
	AutoArchiveDuration int             `json:"auto_archive_duration"`
	Message             json.RawMessage `json:"message"`
}

func checkThreadName(name string) *apiError {
	var ck checker
	ck.required(name, "name")
	ck.maxLen(name, maxThreadName, "name")
	if len(ck.form) > 0 {
		return invalidForm(ck.form)
	}
	return nil
}

// startThread starts a public thread from a message; the thread has the
// message's id, as on Discord.
func (s *Server) startThread(w http.ResponseWriter, c Call, channelID, messageID string) {
	var req threadRequest
	if err := json.Unmarshal(c.Raw, &req); err != nil {
		s.fail(w, c, errBadJSON)
		return
	}
	c.ThreadName = req.Name
	if e := checkThreadName(req.Name); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	parent := s.channelLocked(channelID)
	m, ok := s.messages[messageID]
	var e *apiError
	switch {
	case s.channelErrorLocked(channelID, true) != nil:
		e = s.channelErrorLocked(channelID, true)
	case parent.IsThread() || parent.Type == discordgo.ChannelTypeGuildForum:
		e = errNotForum
	case !ok || m.channelID != channelID:
		e = errUnknownMessage
	case m.thread != "":
		e = errThreadExists
	}
	if e != nil {
		s.mu.Unlock()
		s.fail(w, c, e)
		return
	}
	th := s.newThreadLocked(messageID, parent, req)
	m.thread = th.ID
	s.notifyLocked()
	body := *th
	s.mu.Unlock()
	s.ok(w, c, 201, &body)
}

// newThreadLocked registers a public thread under parent.
func (s *Server) newThreadLocked(id string, parent *discordgo.Channel, req threadRequest) *discordgo.Channel {
	archive := req.AutoArchiveDuration
	if archive == 0 {
		archive = 4320
	}
	th := &discordgo.Channel{
		ID: id, Type: discordgo.ChannelTypeGuildPublicThread, GuildID: parent.GuildID, ParentID: parent.ID,
		Name: req.Name, OwnerID: BotUserID,
		ThreadMetadata: &discordgo.ThreadMetadata{AutoArchiveDuration: archive},
	}
	s.channels[id] = th
	return th
}

// startForumPost creates a post in a forum: a thread whose first message
// (with the thread's id) is the body's message.
func (s *Server) startForumPost(w http.ResponseWriter, c Call, forumID string) {
	var req threadRequest
	if err := json.Unmarshal(c.Raw, &req); err != nil {
		s.fail(w, c, errBadJSON)
		return
	}
	c.ThreadName = req.Name
	if len(req.Message) > 0 && string(req.Message) != "null" {
		p, err := decodePayload(req.Message)
		if err != nil {
			s.fail(w, c, errBadJSON)
			return
		}
		c.Payload = p
	}
	if e := checkThreadName(req.Name); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	forum := s.channelLocked(forumID)
	e := s.channelErrorLocked(forumID, true)
	if e == nil && forum.Type != discordgo.ChannelTypeGuildForum {
		e = errNotForum // a thread without a message in a text channel: not used here
	}
	s.mu.Unlock()
	if e == nil {
		e = checkMessage(c.Payload, false)
	}
	if e != nil {
		s.fail(w, c, e)
		return
	}
	if e := s.limits.take(w.Header(), forumID); e != nil {
		s.fail(w, c, e)
		return
	}
	s.mu.Lock()
	id := s.newIDLocked()
	th := s.newThreadLocked(id, forum, req)
	m := s.storeAsLocked(id, id, BotUser(), c.Payload)
	c.MessageID = m.id
	body := map[string]any{}
	raw, _ := json.Marshal(th)
	_ = json.Unmarshal(raw, &body)
	body["message"] = s.messageJSON(m)
	s.mu.Unlock()
	s.ok(w, c, 201, body)
}

// activeThreads lists a guild's threads, as GET /guilds/{id}/threads/active.
func (s *Server) activeThreads(w http.ResponseWriter, c Call, guildID string) {
	s.mu.Lock()
	_, ok := s.guilds[guildID]
	threads := []*discordgo.Channel{}
	for _, ch := range s.channels {
		if ch.GuildID == guildID && ch.IsThread() && s.channelErrorLocked(ch.ParentID, false) == nil {
			cp := *ch
			threads = append(threads, &cp)
		}
	}
	s.mu.Unlock()
	if !ok {
		s.fail(w, c, errUnknownGuild)
		return
	}
	sort.Slice(threads, func(i, j int) bool { return snowflakeLess(threads[i].ID, threads[j].ID) })
	s.ok(w, c, 200, map[string]any{"threads": threads, "members": []any{}})
}

// HoldMessages makes the fake create the messages posted to a channel
// (they are stored, and recorded as calls with Held set, at once) but hold
// back its answers until ReleaseMessages, as a stalled connection would: a
// bot that dies meanwhile has posted a message it never learnt about.
func (s *Server) HoldMessages(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.held[channelID]; !ok {
		s.held[channelID] = make(chan struct{})
	}
}

// ReleaseMessages answers the messages held in a channel and holds no more.
func (s *Server) ReleaseMessages(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, ok := s.held[channelID]; ok {
		close(ch)
		delete(s.held, channelID)
	}
}
