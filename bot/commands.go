package bot

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"attache/briefing"

	"github.com/bwmarrin/discordgo"
)

// command is one command, defined once for every trigger: a prefix command
// in a channel, words in a DM and a slash command.
type command struct {
	// group and name: "brief" is {"", "brief"}; "feeds add" is {"feeds", "add"}.
	group, name string
	// summary is the slash-command description (at most 100 characters).
	summary string
	// usage shows the words after the command name, for help.
	usage string
	// options are the slash options, in the order their values become
	// words; optionWord puts a marker word before a value ("since 7d").
	options    []*discordgo.ApplicationCommandOption
	optionWord map[string]string
	// admin commands need Manage Server or an admin role, and a guild.
	admin bool
	// adminWhat and adminWhy word a refusal: "you may <what>", "because
	// <why>"; empty means the feeds' wording.
	adminWhat, adminWhy string
	run                 func(ctx context.Context, b *Bot, in *invocation) (Reply, error)
}

// fullName is "brief" or "feeds add".
func (c *command) fullName() string {
	if c.group == "" {
		return c.name
	}
	return c.group + " " + c.name
}

// invocation is one use of a command, from any trigger.
type invocation struct {
	cmd       *command
	words     []string // the person's words after the command name
	userID    string
	guildID   string // empty in a DM
	channelID string
	trigger   string // "prefix", "dm" or "slash"
	// member facts for the permission check
	roles      []string
	perms      int64
	permsKnown bool // perms came from Discord (interactions)
}

// Triggers, as logged and counted.
const (
	triggerPrefix = "prefix"
	triggerDM     = "dm"
	triggerSlash  = "slash"
)

// commandSet is the table of commands.
type commandSet struct {
	list []*command
	// groups describe the slash commands that hold subcommands.
	groups map[string]string
}

// Limits of what the commands fetch.
const (
	searchLimit = 25
	// maxWords bounds the words kept of one message. It is far above what
	// a command takes (briefing.MaxRequestWords), so that a long message
	// is refused by the command's own words ("That is 50 words; quotes
	// take at most 40") instead of being cut short without a word; a
	// Discord message of 4,000 characters holds no more than 2,000 words.
	maxWords   = 2000
	maxFeedURL = 2048
)

func newCommandSet() *commandSet {
	countries := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: "countries", Required: true, Autocomplete: true,
		Description: "Countries or bodies, e.g. japan italy, or g7",
	}
	topic := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: "topic",
		Description: "Topic words, e.g. defense or fighter jet",
	}
	since := &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: "since",
		Description: "How far back, e.g. 7d, 30d or 2024-05-01",
	}
	optional := func(o *discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		c := *o
		c.Required = false
		return &c
	}
	sinceWord := map[string]string{"since": "since"}
	list := []*command{
		{
			name: "brief", summary: "A cited brief on what countries are saying about each other",
			usage: "japan italy [topic words] [since 7d] [new:true]",
			options: []*discordgo.ApplicationCommandOption{countries, topic, since, {
				Type: discordgo.ApplicationCommandOptionBoolean, Name: "new",
				Description: "Only what is new since your last brief on this",
			}},
			optionWord: map[string]string{"since": "since", "new": newWord},
			run:        runBrief,
		},
		{
			name: "quotes", summary: "What a pair of countries, or one person, said lately",
			usage: "japan italy [since 30d], or by meloni",
			options: []*discordgo.ApplicationCommandOption{optional(countries), {
				Type: discordgo.ApplicationCommandOptionString, Name: "person",
				Description: "A person, e.g. Meloni (instead of countries)",
			}, since},
			optionWord: map[string]string{"since": "since", "person": "by"},
			run:        runQuotes,
		},
		{
			name: "search", summary: "Articles naming the countries, newest first",
			usage:   "japan italy [topic words] [since 7d]",
			options: []*discordgo.ApplicationCommandOption{countries, topic, since}, optionWord: sinceWord,
			run: runSearch,
		},
		{
			group: "feeds", name: "list", summary: "The news feeds Attaché reads", usage: "",
			run: runFeedsList,
		},
		{
			group: "feeds", name: "add", summary: "Subscribe to a news feed (admins)", usage: "https://example.org/feed.xml",
			options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "url", Required: true,
				Description: "The RSS, Atom or JSON feed address",
			}},
			admin: true, run: runFeedsAdd,
		},
		{
			group: "feeds", name: "remove", summary: "Unsubscribe from a news feed (admins)", usage: "ID",
			options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionInteger, Name: "id", Required: true,
				Description: "The feed's number from feeds list",
			}},
			admin: true, run: runFeedsRemove,
		},
	}
	list = append(list, timelineCommand(countries, since), forgetCommand())
	list = append(list, digestCommands()...)
	list = append(list, &command{
		name: "help", summary: "How to ask Attaché for a brief", usage: "",
		run: runHelp,
	})
	return &commandSet{list: list, groups: map[string]string{
		"feeds":  "Manage the news feeds Attaché reads",
		"digest": "Scheduled digests of what is new, posted in this channel",
	}}
}

// find returns the command a person's words name, and the words after
// the name. "feeds" alone means "feeds list", "digest" alone "digest show".
func (cs *commandSet) find(words []string) (*command, []string) {
	if len(words) == 0 {
		return nil, nil
	}
	first := strings.ToLower(words[0])
	for _, c := range cs.list {
		if c.group == "" && c.name == first {
			return c, words[1:]
		}
	}
	var group []*command
	for _, c := range cs.list {
		if c.group == first {
			group = append(group, c)
		}
	}
	if len(group) == 0 {
		return nil, nil
	}
	if len(words) > 1 {
		sub := strings.ToLower(words[1])
		for _, c := range group {
			if c.name == sub {
				return c, words[2:]
			}
		}
	}
	for _, c := range group {
		if c.name == "list" || c.name == "show" {
			return c, words[1:]
		}
	}
	return nil, nil
}

// byName finds a command by its slash name and subcommand.
func (cs *commandSet) byName(name, sub string) *command {
	for _, c := range cs.list {
		if (c.group == "" && c.name == name && sub == "") || (c.group == name && c.name == sub) {
			return c
		}
	}
	return nil
}

// slashDefinitions are the application commands for one bulk overwrite:
// one per command, and one per group with a subcommand per member.
func (cs *commandSet) slashDefinitions() []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	groups := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cs.list {
		if c.group == "" {
			out = append(out, &discordgo.ApplicationCommand{
				Type: discordgo.ChatApplicationCommand, Name: c.name, Description: c.summary, Options: c.options,
			})
			continue
		}
		g, ok := groups[c.group]
		if !ok {
			g = &discordgo.ApplicationCommand{
				Type: discordgo.ChatApplicationCommand, Name: c.group, Description: cs.groups[c.group],
			}
			groups[c.group] = g
			out = append(out, g)
		}
		g.Options = append(g.Options, &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: c.name, Description: c.summary, Options: c.options,
		})
	}
	return out
}

// slashWords turns slash options into the words a prefix command would
// have had, in the command's option order: /brief countries:"japan italy"
// since:7d becomes [japan italy since 7d].
func (c *command) slashWords(given []*discordgo.ApplicationCommandInteractionDataOption) []string {
	values := map[string]string{}
	for _, o := range given {
		switch o.Type {
		case discordgo.ApplicationCommandOptionString:
			values[o.Name] = o.StringValue()
		case discordgo.ApplicationCommandOptionInteger:
			values[o.Name] = strconv.FormatInt(o.IntValue(), 10)
		case discordgo.ApplicationCommandOptionBoolean:
			if b, ok := o.Value.(bool); ok && b {
				values[o.Name] = "true"
			}
		default:
			values[o.Name] = fmt.Sprint(o.Value)
		}
	}
	var words []string
	for _, o := range c.options {
		v, ok := values[o.Name]
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		if o.Type == discordgo.ApplicationCommandOptionBoolean {
			// A flag: its word alone ("thread"), and only when true.
			if w := c.optionWord[o.Name]; w != "" {
				words = append(words, w)
			}
			continue
		}
		if w := c.optionWord[o.Name]; w != "" {
			words = append(words, w)
		}
		words = append(words, splitWords(v)...)
	}
	return words
}

func usageError(b *Bot, in *invocation, what string) error {
	return &briefing.UserError{Message: fmt.Sprintf("%s Try `%s`.", what, b.example(in, in.cmd))}
}

// asking tells the word parser which command asked, so that its messages
// ("That is 52 words; quotes take at most 40.") speak for that command and
// show it as the person would type it.
func asking(b *Bot, in *invocation, what string) briefing.Asking {
	return briefing.Asking{What: what, Example: fmt.Sprintf("Try `%s`.", b.example(in, in.cmd))}
}

// digestFilterAsking is asking for a channel's digest filter.
var digestFilterAsking = briefing.Asking{What: "a digest filter takes", Example: "Name countries, bodies or topics, e.g. `japan italy` or `G7`."}

// example shows a command as the person would type it with their trigger.
func (b *Bot) example(in *invocation, c *command) string {
	lead := b.cfg.Prefix
	switch in.trigger {
	case triggerSlash:
		lead = "/"
	case triggerDM:
		lead = ""
	}
	s := lead + c.fullName()
	if c.usage != "" {
		s += " " + c.usage
	}
	return s
}

func runBrief(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if len(in.words) == 0 {
		return nil, usageError(b, in, "Tell me which countries or bodies to brief you on.")
	}
	words, onlyNew := takeNewWord(in.words)
	req, err := b.deps.Briefer.ParseWordsFor(ctx, asking(b, in, "a brief takes"), words)
	if err != nil {
		return nil, err
	}
	br, err := b.briefFor(ctx, in, req, onlyNew)
	if err != nil {
		return nil, err
	}
	return BriefReply{Brief: br}, nil
}

func runQuotes(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	words := in.words
	if len(words) == 0 {
		return nil, usageError(b, in, "Tell me whose quotes you want: two countries, or a person.")
	}
	var req briefing.Request
	if strings.EqualFold(words[0], "by") || strings.EqualFold(words[0], "from") {
		// "by giorgia meloni since 30d": the speaker runs up to "since".
		rest := words[1:]
		cut := len(rest)
		for i, w := range rest {
			if strings.EqualFold(w, "since") {
				cut = i
				break
			}
		}
		speaker := strings.Join(rest[:cut], " ")
		if speaker == "" {
			return nil, usageError(b, in, "Tell me whose quotes you want.")
		}
		if cut < len(rest) {
			since, err := parseWindow(rest[cut:], b.now())
			if err != nil {
				return nil, err
			}
			req.Since = since
		}
		req.Speaker = speaker
	} else {
		var err error
		if req, err = b.deps.Briefer.ParseWordsFor(ctx, asking(b, in, "quotes take"), words); err != nil {
			return nil, err
		}
	}
	br, err := b.deps.Briefer.Quotes(ctx, req)
	if err != nil {
		return nil, err
	}
	if len(br.Quotes) == 0 {
		return nil, &briefing.UserError{Message: fmt.Sprintf("I found no quotes for %s in that window. Try a longer one, e.g. `since 90d`.", quoteWords(in.words))}
	}
	return BriefReply{Brief: br}, nil
}

func quoteWords(words []string) string {
	return "“" + escapeMarkdown(truncate(strings.Join(words, " "), 100)) + "”"
}

func runSearch(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if len(in.words) == 0 {
		return nil, usageError(b, in, "Tell me what to search for.")
	}
	req, err := b.deps.Briefer.ParseWordsFor(ctx, asking(b, in, "a search takes"), in.words)
	if err != nil {
		return nil, err
	}
	arts, err := b.deps.Briefer.Search(ctx, req, searchLimit)
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, &briefing.UserError{Message: fmt.Sprintf("No articles match %s. Try fewer topic words or a longer window, e.g. `since 90d`.", quoteWords(in.words))}
	}
	return searchReply{query: strings.Join(in.words, " "), articles: arts}, nil
}

func runFeedsList(ctx context.Context, b *Bot, _ *invocation) (Reply, error) {
	feeds, err := b.deps.Feeds.Feeds(ctx)
	if err != nil {
		return nil, fmt.Errorf("bot: list feeds: %w", err)
	}
	return feedsReply{feeds: feeds, now: b.now()}, nil
}

func runFeedsAdd(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if len(in.words) != 1 {
		return nil, usageError(b, in, "Give me one feed address.")
	}
	raw := strings.Trim(in.words[0], "<>")
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(raw) > maxFeedURL {
		return nil, usageError(b, in, fmt.Sprintf("%s is not a web address I can subscribe to.", quoteWords([]string{raw})))
	}
	f, err := b.deps.Feeds.AddFeed(ctx, u.String())
	if err != nil {
		return nil, err
	}
	title := f.Title
	if title == "" {
		title = f.URL
	}
	return TextReply{Text: fmt.Sprintf("Subscribed to feed #%d, %s (%s).", f.ID, escapeMarkdown(truncate(title, 200)), "<"+truncate(f.URL, maxFeedURL)+">")}, nil
}

func runFeedsRemove(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if len(in.words) != 1 {
		return nil, usageError(b, in, "Give me the number of one feed.")
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(in.words[0], "#"), 10, 64)
	if err != nil || id <= 0 {
		return nil, usageError(b, in, fmt.Sprintf("%s is not a feed number (see `feeds list`).", quoteWords(in.words)))
	}
	if err := b.deps.Feeds.RemoveFeed(ctx, id); err != nil {
		return nil, err
	}
	return TextReply{Text: fmt.Sprintf("Removed feed #%d.", id)}, nil
}

func runHelp(_ context.Context, b *Bot, in *invocation) (Reply, error) {
	h := helpReply{}
	for _, c := range b.commands.list {
		h.lines = append(h.lines, helpLine{example: b.example(in, c), summary: c.summary})
	}
	switch in.trigger {
	case triggerDM:
		h.intro = "Here you can write just the countries, e.g. `japan italy`. In a server, use `" + b.cfg.Prefix + "brief japan italy` or `/brief`."
	default:
		h.intro = "Ask with `" + b.cfg.Prefix + "brief japan italy` or `/brief`, or DM me just the countries."
	}
	return h, nil
}

// parseWindow reads "since 30d" (a window as briefing.ParseWindow reads
// it: "12h", "2w", "3m" for months, "1y") or "since 2026-05-01" for quotes
// by one person, whose words the
// briefer's country parser does not take.
func parseWindow(words []string, now time.Time) (time.Time, error) {
	bad := &briefing.UserError{Message: fmt.Sprintf("I can't read the window %s. Try `since 30d` or `since 2026-05-01`.", quoteWords(words))}
	if len(words) != 2 || !strings.EqualFold(words[0], "since") {
		return time.Time{}, bad
	}
	w := strings.ToLower(words[1])
	if t, err := time.Parse("2006-01-02", w); err == nil {
		return t, nil
	}
	d, err := briefing.ParseWindow(w)
	if err != nil {
		return time.Time{}, bad
	}
	return now.Add(-d), nil
}
