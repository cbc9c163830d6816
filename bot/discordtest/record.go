package discordtest

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Routes the fake records, as Call.Route.
const (
	RouteCreateMessage  = "create message"
	RouteEditMessage    = "edit message"
	RouteOpenDM         = "open dm"
	RouteBulkOverwrite  = "bulk overwrite commands"
	RouteCallback       = "interaction callback"
	RouteEditOriginal   = "edit original"
	RouteDeleteOriginal = "delete original"
	RouteFollowup       = "follow-up"
	RouteGetGuild       = "get guild"
	RouteGetRoles       = "get roles"
	RouteGetMember      = "get member"
	RouteGateway        = "get gateway"
	RouteGetChannel     = "get channel"
	RouteGetMessages    = "get messages"
	RouteStartThread    = "start thread"       // from a message
	RouteStartForumPost = "start forum thread" // a new post in a forum
	RouteActiveThreads  = "active threads"
	RouteUnknown        = "unknown"
)

// Interaction callback types, as Call.CallbackType.
const (
	CallbackMessage         = 4
	CallbackDeferredMessage = 5
	CallbackDeferredUpdate  = 6
	CallbackUpdateMessage   = 7
	CallbackAutocomplete    = 8
)

// FlagEphemeral marks a message only its recipient sees.
const FlagEphemeral = 1 << 6

// Call is one REST request the bot made, with what the fake answered.
type Call struct {
	Route  string
	Method string
	Path   string // after /api/vN
	// ChannelID, MessageID and InteractionID are filled where the route has them.
	ChannelID     string
	MessageID     string
	InteractionID string
	CallbackType  int          // for interaction callbacks
	Payload       Payload      // the decoded message body, if any (a forum post's first message)
	ThreadName    string       // for thread and forum post creation
	Raw           []byte       // the request body as sent (its JSON part when multipart)
	Files         []Attachment // the files of a multipart body
	Status        int          // the HTTP status the fake answered
	// Held is set on a message created in a held channel (HoldMessages):
	// recorded when created, answered only on release.
	Held  bool
	Error string // the Discord error message when Status >= 400
	At    time.Time
}

// Rejected reports whether the fake refused the call.
func (c Call) Rejected() bool { return c.Status >= 400 }

// RateLimited reports whether the fake answered 429 Too Many Requests.
func (c Call) RateLimited() bool { return c.Status == 429 }

// Ephemeral reports whether the message is visible only to its recipient.
func (c Call) Ephemeral() bool { return c.Payload.Flags&FlagEphemeral != 0 }

// Payload is the message part of a request: create and edit message,
// callback data, webhook edits and follow-ups.
type Payload struct {
	Content          *string                                     `json:"content"`
	Embeds           []*discordgo.MessageEmbed                   `json:"embeds"`
	Components       []Row                                       `json:"components"`
	AllowedMentions  *AllowedMentions                            `json:"allowed_mentions"`
	Flags            int                                         `json:"flags"`
	MessageReference *discordgo.MessageReference                 `json:"message_reference"`
	Choices          []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	// Attachments are the files sent with the message (multipart), not
	// part of its JSON.
	Attachments []Attachment `json:"-"`
}

// Text returns the content, or "" when none was sent.
func (p Payload) Text() string {
	if p.Content == nil {
		return ""
	}
	return *p.Content
}

// VisibleText is everything a person sees of the payload: its content,
// then each embed's title, description, fields and footer, one per line.
func (p Payload) VisibleText() string {
	var b strings.Builder
	b.WriteString(p.Text())
	for _, e := range p.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

// Buttons returns every button in the payload's rows.
func (p Payload) Buttons() []Button {
	var out []Button
	for _, r := range p.Components {
		out = append(out, r.Components...)
	}
	return out
}

// Row is an action row of buttons.
type Row struct {
	Type       int      `json:"type"`
	Components []Button `json:"components"`
}

// Button is a message button.
type Button struct {
	Type     int    `json:"type"`
	Style    int    `json:"style"`
	Label    string `json:"label"`
	CustomID string `json:"custom_id"`
	URL      string `json:"url"`
	Disabled bool   `json:"disabled"`
}

// AllowedMentions is the allowed_mentions object as sent. Parse is nil when
// the field was null or absent.
type AllowedMentions struct {
	Parse       *[]string `json:"parse"`
	Roles       []string  `json:"roles"`
	Users       []string  `json:"users"`
	RepliedUser bool      `json:"replied_user"`
}

// PingsNobody reports whether the allowed mentions let no mention ping
// anyone: parse is present and empty, and no roles or users are listed.
func (a *AllowedMentions) PingsNobody() bool {
	return a != nil && a.Parse != nil && len(*a.Parse) == 0 && len(a.Roles) == 0 && len(a.Users) == 0 && !a.RepliedUser
}

// record appends a call and wakes waiters.
func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	s.all++
	if len(s.calls) > s.opts.KeepCalls {
		s.calls = append([]Call(nil), s.calls[len(s.calls)-s.opts.KeepCalls/2:]...)
	}
	s.notifyLocked()
}

// Calls returns the recorded calls not yet taken by Next or WaitFor.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallCount is the number of calls recorded since the start.
func (s *Server) CallCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.all
}

// Forget drops the recorded calls, dispatch times, stored messages and
// interactions, e.g. between rounds of a benchmark. Buttons on forgotten
// messages can no longer be pressed.
func (s *Server) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = nil
	s.dispatch = make(map[string]time.Time)
	s.messages = make(map[string]*storedMessage)
	s.byChannel = make(map[string][]string)
	s.inter = make(map[string]*interaction)
	s.byToken = make(map[string]*interaction)
}

// Next waits for the next recorded call and takes it.
func (s *Server) Next(timeout time.Duration) (Call, error) {
	return s.WaitFor(timeout, func(Call) bool { return true })
}

// WaitFor waits until a recorded call matches and takes it, leaving the
// others for later. It fails after timeout.
func (s *Server) WaitFor(timeout time.Duration, match func(Call) bool) (Call, error) {
	var got Call
	err := s.waitUntil(context.Background(), timeout, "matching REST call", func() bool {
		for i, c := range s.calls {
			if match(c) {
				got = c
				s.calls = append(s.calls[:i:i], s.calls[i+1:]...)
				return true
			}
		}
		return false
	})
	return got, err
}

// WaitCount waits until n calls have been recorded since the start.
func (s *Server) WaitCount(ctx context.Context, n int, timeout time.Duration) error {
	return s.waitUntil(ctx, timeout, "calls", func() bool { return s.all >= n })
}

// DispatchedAt returns when the event that created a message or
// interaction with this id was written to the gateway.
func (s *Server) DispatchedAt(id string) (time.Time, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.dispatch[id]
	return t, ok
}

func decodePayload(raw []byte) (Payload, error) {
	var p Payload
	if len(raw) == 0 {
		return p, nil
	}
	err := json.Unmarshal(raw, &p)
	return p, err
}
