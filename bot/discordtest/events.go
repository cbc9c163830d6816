package discordtest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// User is a person (or another bot) in the fake.
type User struct {
	ID   string
	Name string
	Bot  bool
	// Roles are the member's role ids in a guild.
	Roles []string
	// Permissions is what Discord computes for the member in the channel of
	// an interaction; prefix commands have to work it out from the roles.
	Permissions int64
}

func (u User) json() map[string]any {
	name := u.Name
	if name == "" {
		name = "user" + u.ID
	}
	return map[string]any{"id": u.ID, "username": name, "bot": u.Bot, "discriminator": "0"}
}

// Message is a message someone sends in a channel or a DM. A DM has no GuildID.
type Message struct {
	GuildID   string
	ChannelID string
	Author    User
	Content   string
}

// SendMessage dispatches MESSAGE_CREATE for m and returns the new message's id.
func (s *Server) SendMessage(m Message) (string, error) {
	s.mu.Lock()
	id := s.newIDLocked()
	s.mu.Unlock()
	data := map[string]any{
		"id":         id,
		"type":       discordgo.MessageTypeDefault,
		"channel_id": m.ChannelID,
		"author":     m.Author.json(),
		"content":    m.Content,
		"timestamp":  time.Now().UTC().Format(time.RFC3339Nano),
		"mentions":   []any{},
	}
	if m.GuildID != "" {
		data["guild_id"] = m.GuildID
		data["member"] = map[string]any{"roles": nonNil(m.Author.Roles), "joined_at": "2024-01-01T00:00:00Z"}
	}
	s.markDispatched(id)
	return id, s.Dispatch("MESSAGE_CREATE", data)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) markDispatched(id string) {
	s.mu.Lock()
	s.dispatch[id] = time.Now()
	s.mu.Unlock()
}

// Interaction is an interaction someone starts: a slash command, an
// autocomplete request or a button press.
type Interaction struct {
	GuildID   string // empty in a DM
	ChannelID string
	User      User
	Type      discordgo.InteractionType
	// Command is the data of a slash command or autocomplete request.
	Command *discordgo.ApplicationCommandInteractionData
	// CustomID and MessageID name the pressed button and the message it is on.
	CustomID  string
	MessageID string
}

// SendInteraction dispatches INTERACTION_CREATE and returns the interaction id.
func (s *Server) SendInteraction(in Interaction) (string, error) {
	s.mu.Lock()
	id := s.newIDLocked()
	token := "tok-" + id
	st := &interaction{id: id, token: token, channelID: in.ChannelID, created: s.nowLocked()}
	data := map[string]any{
		"id":             id,
		"application_id": ApplicationID,
		"type":           in.Type,
		"channel_id":     in.ChannelID,
		"token":          token,
		"version":        1,
		"locale":         "en-US",
	}
	switch in.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		if in.Command == nil {
			s.mu.Unlock()
			return "", fmt.Errorf("discordtest: interaction of type %v needs Command", in.Type)
		}
		data["data"] = in.Command
	case discordgo.InteractionMessageComponent:
		m, ok := s.messages[in.MessageID]
		if !ok {
			s.mu.Unlock()
			return "", fmt.Errorf("discordtest: no message %q to press a button on", in.MessageID)
		}
		data["data"] = map[string]any{"custom_id": in.CustomID, "component_type": discordgo.ButtonComponent}
		data["message"] = s.messageJSON(m)
		st.sourceMessage = m.id
	default:
		s.mu.Unlock()
		return "", fmt.Errorf("discordtest: unsupported interaction type %v", in.Type)
	}
	if in.GuildID != "" {
		data["guild_id"] = in.GuildID
		data["member"] = map[string]any{
			"user":        in.User.json(),
			"roles":       nonNil(in.User.Roles),
			"permissions": strconv.FormatInt(in.User.Permissions, 10),
			"joined_at":   "2024-01-01T00:00:00Z",
		}
	} else {
		data["user"] = in.User.json()
	}
	s.inter[id] = st
	s.byToken[token] = st
	s.dispatch[id] = time.Now()
	s.mu.Unlock()
	return id, s.Dispatch("INTERACTION_CREATE", data)
}

// Slash builds the data of a slash command with options.
func Slash(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionData {
	return &discordgo.ApplicationCommandInteractionData{ID: "cmd-" + name, Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts}
}

// Opt is a string option of a slash command.
func Opt(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntOpt is an integer option of a slash command.
func IntOpt(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// BoolOpt is a boolean option of a slash command.
func BoolOpt(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// Focused is the string option being typed in an autocomplete request.
func Focused(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	o := Opt(name, value)
	o.Focused = true
	return o
}

// Sub is a subcommand with its options.
func Sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}
