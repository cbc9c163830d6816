package discordtest

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's message limits, as documented for the REST API.
const (
	MaxContent        = 2000
	MaxEmbeds         = 10
	MaxEmbedTitle     = 256
	MaxEmbedDesc      = 4096
	MaxEmbedFields    = 25
	MaxFieldName      = 256
	MaxFieldValue     = 1024
	MaxFooterText     = 2048
	MaxAuthorName     = 256
	MaxEmbedsTotal    = 6000
	MaxActionRows     = 5
	MaxRowButtons     = 5
	MaxCustomID       = 100
	MaxButtonLabel    = 80
	MaxChoices        = 25
	MaxChoiceLength   = 100
	MaxCommands       = 100
	MaxCommandOptions = 25
)

// formError is one field problem in Discord's "Invalid Form Body" shape.
type formError struct {
	path []string
	code string
	msg  string
}

// apiError is a Discord error response.
type apiError struct {
	status int
	code   int
	msg    string
	form   []formError
	// retryAfter (seconds) and global are sent with 429 answers.
	retryAfter float64
	global     bool
}

func (e *apiError) Error() string { return e.msg }

// body renders the error as Discord does:
// {"code":50035,"errors":{"embeds":{"0":{"description":{"_errors":[...]}}}},"message":"Invalid Form Body"}.
func (e *apiError) body() map[string]any {
	out := map[string]any{"code": e.code, "message": e.msg}
	if e.status == 429 {
		out["retry_after"] = e.retryAfter
		out["global"] = e.global
	}
	if len(e.form) == 0 {
		return out
	}
	errs := map[string]any{}
	for _, f := range e.form {
		node := errs
		for _, p := range f.path {
			next, ok := node[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[p] = next
			}
			node = next
		}
		list, _ := node["_errors"].([]any)
		node["_errors"] = append(list, map[string]any{"code": f.code, "message": f.msg})
	}
	out["errors"] = errs
	return out
}

func invalidForm(form []formError) *apiError {
	return &apiError{status: 400, code: 50035, msg: "Invalid Form Body", form: form}
}

// length counts characters as Discord does for its limits.
func length(s string) int { return utf8.RuneCountInString(s) }

type checker struct{ form []formError }

func (c *checker) maxLen(s string, max int, path ...string) {
	if length(s) > max {
		c.form = append(c.form, formError{path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max)})
	}
}

func (c *checker) required(s string, path ...string) {
	if s == "" {
		c.form = append(c.form, formError{path, "BASE_TYPE_REQUIRED", "This field is required"})
	}
}

func (c *checker) url(s string, path ...string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.form = append(c.form, formError{path, "URL_TYPE_INVALID_URL", "Not a well formed URL."})
	}
}

// checkMessage validates a message payload against Discord's limits. An
// edit may leave out content and embeds; a new message may not be empty.
func checkMessage(p Payload, isEdit bool) *apiError {
	var c checker
	if p.Content != nil {
		c.maxLen(*p.Content, MaxContent, "content")
	}
	if len(p.Embeds) > MaxEmbeds {
		c.form = append(c.form, formError{[]string{"embeds"}, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbeds)})
	}
	total := 0
	for i, e := range p.Embeds {
		if e == nil {
			continue
		}
		at := func(field ...string) []string { return append([]string{"embeds", strconv.Itoa(i)}, field...) }
		c.maxLen(e.Title, MaxEmbedTitle, at("title")...)
		c.maxLen(e.Description, MaxEmbedDesc, at("description")...)
		c.url(e.URL, at("url")...)
		total += length(e.Title) + length(e.Description)
		if len(e.Fields) > MaxEmbedFields {
			c.form = append(c.form, formError{at("fields"), "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbedFields)})
		}
		for j, f := range e.Fields {
			if f == nil {
				continue
			}
			c.required(f.Name, at("fields", strconv.Itoa(j), "name")...)
			c.required(f.Value, at("fields", strconv.Itoa(j), "value")...)
			c.maxLen(f.Name, MaxFieldName, at("fields", strconv.Itoa(j), "name")...)
			c.maxLen(f.Value, MaxFieldValue, at("fields", strconv.Itoa(j), "value")...)
			total += length(f.Name) + length(f.Value)
		}
		if e.Footer != nil {
			c.maxLen(e.Footer.Text, MaxFooterText, at("footer", "text")...)
			total += length(e.Footer.Text)
		}
		if e.Author != nil {
			c.maxLen(e.Author.Name, MaxAuthorName, at("author", "name")...)
			c.url(e.Author.URL, at("author", "url")...)
			total += length(e.Author.Name)
		}
	}
	if total > MaxEmbedsTotal {
		c.form = append(c.form, formError{[]string{"embeds"}, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"})
	}
	checkComponents(&c, p.Components)
	if p.AllowedMentions != nil && p.AllowedMentions.Parse != nil {
		for i, v := range *p.AllowedMentions.Parse {
			if v != "roles" && v != "users" && v != "everyone" {
				c.form = append(c.form, formError{[]string{"allowed_mentions", "parse", strconv.Itoa(i)}, "BASE_TYPE_CHOICES", "Value must be one of {'roles', 'users', 'everyone'}."})
			}
		}
	}
	if len(c.form) > 0 {
		return invalidForm(c.form)
	}
	if !isEdit && p.Text() == "" && len(p.Embeds) == 0 {
		return &apiError{status: 400, code: 50006, msg: "Cannot send an empty message"}
	}
	return nil
}

func checkComponents(c *checker, rows []Row) {
	if len(rows) > MaxActionRows {
		c.form = append(c.form, formError{[]string{"components"}, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxActionRows)})
	}
	seen := map[string]bool{}
	for i, r := range rows {
		at := func(field ...string) []string {
			return append([]string{"components", strconv.Itoa(i)}, field...)
		}
		if r.Type != 1 {
			c.form = append(c.form, formError{at("type"), "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,)."})
		}
		if len(r.Components) == 0 || len(r.Components) > MaxRowButtons {
			c.form = append(c.form, formError{at("components"), "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", MaxRowButtons)})
		}
		for j, b := range r.Components {
			bp := func(field string) []string { return at("components", strconv.Itoa(j), field) }
			c.maxLen(b.Label, MaxButtonLabel, bp("label")...)
			if b.Style == int(discordgo.LinkButton) {
				c.url(b.URL, bp("url")...)
				c.required(b.URL, bp("url")...)
				continue
			}
			c.required(b.CustomID, bp("custom_id")...)
			c.maxLen(b.CustomID, MaxCustomID, bp("custom_id")...)
			if seen[b.CustomID] {
				c.form = append(c.form, formError{bp("custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"})
			}
			seen[b.CustomID] = true
		}
	}
}

func checkChoices(choices []*discordgo.ApplicationCommandOptionChoice) *apiError {
	var c checker
	if len(choices) > MaxChoices {
		c.form = append(c.form, formError{[]string{"data", "choices"}, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxChoices)})
	}
	for i, ch := range choices {
		if ch == nil {
			continue
		}
		at := []string{"data", "choices", strconv.Itoa(i)}
		if length(ch.Name) < 1 || length(ch.Name) > MaxChoiceLength {
			c.form = append(c.form, formError{append(at, "name"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."})
		}
		if s, ok := ch.Value.(string); ok && length(s) > MaxChoiceLength {
			c.form = append(c.form, formError{append(at, "value"), "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."})
		}
	}
	if len(c.form) > 0 {
		return invalidForm(c.form)
	}
	return nil
}

// commandName is the pattern Discord requires of chat command and option names.
var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

func checkCommands(cmds []*discordgo.ApplicationCommand) *apiError {
	var c checker
	if len(cmds) > MaxCommands {
		c.form = append(c.form, formError{nil, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."})
	}
	names := map[string]bool{}
	for i, cmd := range cmds {
		at := []string{strconv.Itoa(i)}
		if !commandName.MatchString(cmd.Name) {
			c.form = append(c.form, formError{append(at, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"})
		}
		if names[cmd.Name] {
			c.form = append(c.form, formError{append(at, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"})
		}
		names[cmd.Name] = true
		if d := length(cmd.Description); d < 1 || d > 100 {
			c.form = append(c.form, formError{append(at, "description"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."})
		}
		checkOptions(&c, cmd.Options, append(at, "options"))
	}
	if len(c.form) > 0 {
		return invalidForm(c.form)
	}
	return nil
}

func checkOptions(c *checker, opts []*discordgo.ApplicationCommandOption, at []string) {
	if len(opts) > MaxCommandOptions {
		c.form = append(c.form, formError{at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."})
	}
	optional := false
	for i, o := range opts {
		p := append(append([]string(nil), at...), strconv.Itoa(i))
		if !commandName.MatchString(o.Name) {
			c.form = append(c.form, formError{append(p, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"})
		}
		if d := length(o.Description); d < 1 || d > 100 {
			c.form = append(c.form, formError{append(p, "description"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."})
		}
		if o.Required && optional {
			c.form = append(c.form, formError{append(p, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options"})
		}
		if !o.Required {
			optional = true
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			c.form = append(c.form, formError{append(p, "autocomplete"), "AUTOCOMPLETE_AND_CHOICES", "Autocomplete cannot be set with choices"})
		}
		checkOptions(c, o.Options, append(p, "options"))
	}
}
