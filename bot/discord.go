package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The adapter: gateway events in, rendered replies out.

// autocompleteLimit is Discord's cap on autocomplete choices.
const autocompleteLimit = 25

// slashTokenLife is how long after an interaction its token can still edit
// the original response (Discord allows 15 minutes).
const slashTokenLife = 14 * time.Minute

// noMentions lets nothing in a message ping anyone: not "@everyone" in an
// article, not a role or user mention in someone's words, not the person
// being replied to.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// onMessage answers a prefix command in a channel, or words in a DM.
func (b *Bot) onMessage(ctx context.Context, m *discordgo.MessageCreate) {
	if m.Message == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.Author.ID == b.selfID() {
		return
	}
	dm := m.GuildID == ""
	words, ok := commandWords(m.Content, b.cfg.Prefix, dm)
	if !ok {
		return
	}
	cmd, args := b.commands.find(words)
	if cmd == nil {
		if !dm {
			return // not ours: perhaps another bot's command with the same prefix
		}
		cmd, args = b.commands.byName("brief", ""), words
	}
	in := &invocation{cmd: cmd, words: args, userID: m.Author.ID, guildID: m.GuildID, channelID: m.ChannelID, trigger: triggerPrefix}
	if dm {
		in.trigger = triggerDM
	}
	if m.Member != nil && m.Member.Roles != nil {
		in.roles = m.Member.Roles
	}
	start := time.Now()
	no := false
	ref := &discordgo.MessageReference{MessageID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, FailIfNotExists: &no}

	reply, err := b.execute(ctx, in)
	if err != nil {
		// Logged before the answer goes out, so the error id is in the log
		// by the time anyone reads it.
		ex := explain(err)
		b.finish(in, ex, err, start)
		if !ex.quiet {
			if serr := b.sendPages(ctx, in, ref, TextReply{Text: ex.text}.pages()); serr != nil {
				b.log.Error("error reply failed", "guild_id", in.guildID, "channel_id", in.channelID, "err", serr)
			}
		}
		return
	}
	if err := b.sendPages(ctx, in, ref, reply.pages()); err != nil {
		ex := explain(err)
		b.finish(in, ex, err, start)
		// Tell them something, in case the reply itself was the problem.
		_ = b.sendPages(ctx, in, ref, TextReply{Text: ex.text}.pages())
		return
	}
	b.finish(in, explanation{outcome: outcomeOK}, nil, start)
}

// execute checks and runs a command.
func (b *Bot) execute(ctx context.Context, in *invocation) (Reply, error) {
	if err := b.admit(ctx, in); err != nil {
		return nil, err
	}
	return in.cmd.run(ctx, b, in)
}

// sendPages sends the first page to the channel, as a reply to ref, with
// page buttons for the one who asked when there are more pages.
func (b *Bot) sendPages(ctx context.Context, in *invocation, ref *discordgo.MessageReference, pages []page) error {
	first := pages[0]
	msg := &discordgo.MessageSend{Content: first.content, Embeds: first.embeds(), AllowedMentions: noMentions(), Reference: ref, Files: first.files}
	var p *pager
	if len(pages) > 1 {
		p = b.pages.start(in.userID, pages)
		msg.Components = p.buttons(0)
	}
	sent, err := b.session.ChannelMessageSendComplex(in.channelID, msg, discordgo.WithContext(ctx))
	if err != nil {
		if p != nil {
			b.pages.remove(p.id)
		}
		return fmt.Errorf("bot: send reply: %w", err)
	}
	if p != nil {
		channel, id := in.channelID, sent.ID
		err := p.onStop(ctx, func(ctx context.Context) error {
			edit := &discordgo.MessageEdit{ID: id, Channel: channel, Components: &[]discordgo.MessageComponent{}, AllowedMentions: noMentions()}
			_, err := b.session.ChannelMessageEditComplex(edit, discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			b.log.Warn("page buttons not removed", "pager_id", p.id, "err", err)
		}
	}
	return nil
}

// finish logs and counts a handled command.
func (b *Bot) finish(in *invocation, ex explanation, err error, start time.Time) {
	took := time.Since(start)
	name := in.cmd.fullName()
	b.metrics.observe(name, ex.outcome, took)
	attrs := []any{
		"guild_id", in.guildID, "channel_id", in.channelID, "user_id", in.userID,
		"command", name, "trigger", in.trigger, "outcome", ex.outcome, "duration_ms", took.Milliseconds(),
	}
	if ex.outcome == outcomeInternal {
		b.log.Error("command failed", append(attrs, "error_id", ex.errorID, "err", err)...)
		return
	}
	b.log.Info("command handled", attrs...)
}

// onInteraction answers slash commands, autocomplete and page buttons.
func (b *Bot) onInteraction(ctx context.Context, ic *discordgo.InteractionCreate) {
	if ic.Interaction == nil {
		return
	}
	switch ic.Type {
	case discordgo.InteractionApplicationCommand:
		b.onSlash(ctx, ic.Interaction)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.onAutocomplete(ctx, ic.Interaction)
	case discordgo.InteractionMessageComponent:
		b.onButton(ctx, ic.Interaction)
	}
}

// interactionUser is the person behind an interaction: the member's user
// in a guild, the user in a DM.
func interactionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// slashTarget finds the command and its options, looking inside a subcommand.
func (b *Bot) slashTarget(i *discordgo.Interaction) (*command, []*discordgo.ApplicationCommandInteractionDataOption) {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return nil, nil
	}
	opts, sub := data.Options, ""
	if len(opts) == 1 && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		sub, opts = opts[0].Name, opts[0].Options
	}
	return b.commands.byName(data.Name, sub), opts
}

// respondEphemeral answers an interaction with a message only its user sees.
func (b *Bot) respondEphemeral(ctx context.Context, i *discordgo.Interaction, text string) error {
	return b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: truncate(text, maxContent), Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
		},
	}, discordgo.WithContext(ctx))
}

// onSlash runs a slash command: refusals are answered at once; otherwise
// the answer is deferred, worked out, and edited into the deferred
// response. Errors replace it with an ephemeral follow-up.
func (b *Bot) onSlash(ctx context.Context, i *discordgo.Interaction) {
	cmd, opts := b.slashTarget(i)
	user := interactionUser(i)
	if cmd == nil || user == nil {
		_ = b.respondEphemeral(ctx, i, "I don't know that command any more. Try `/help`.")
		return
	}
	in := &invocation{cmd: cmd, words: cmd.slashWords(opts), userID: user.ID, guildID: i.GuildID, channelID: i.ChannelID, trigger: triggerSlash}
	if i.Member != nil {
		in.roles, in.perms, in.permsKnown = i.Member.Roles, i.Member.Permissions, true
	}
	start := time.Now()
	if err := b.admit(ctx, in); err != nil {
		ex := explain(err)
		b.finish(in, ex, err, start)
		if rerr := b.respondEphemeral(ctx, i, ex.text); rerr != nil {
			b.log.Error("refusal reply failed", "guild_id", in.guildID, "channel_id", in.channelID, "err", rerr)
		}
		return
	}
	if err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
	}, discordgo.WithContext(ctx)); err != nil {
		b.finish(in, explain(err), fmt.Errorf("bot: defer interaction: %w", err), start)
		return
	}
	reply, err := cmd.run(ctx, b, in)
	if err != nil {
		ex := explain(err)
		b.finish(in, ex, err, start)
		if ferr := b.replaceWithEphemeral(ctx, i, ex.text); ferr != nil {
			b.log.Error("error reply failed", "guild_id", in.guildID, "channel_id", in.channelID, "err", ferr)
		}
		return
	}
	if err := b.editPages(ctx, i, in, reply.pages()); err != nil {
		ex := explain(err)
		b.finish(in, ex, err, start)
		_ = b.replaceWithEphemeral(ctx, i, ex.text)
		return
	}
	b.finish(in, explanation{outcome: outcomeOK}, nil, start)
}

// replaceWithEphemeral deletes the public deferred response and sends text
// as a follow-up only the user sees.
func (b *Bot) replaceWithEphemeral(ctx context.Context, i *discordgo.Interaction, text string) error {
	derr := b.session.InteractionResponseDelete(i, discordgo.WithContext(ctx))
	_, ferr := b.session.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
		Content: truncate(text, maxContent), Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: noMentions(),
	}, discordgo.WithContext(ctx))
	if derr != nil || ferr != nil {
		return fmt.Errorf("bot: replace deferred response: %w", errors.Join(derr, ferr))
	}
	return nil
}

// editPages edits the first page into the deferred response, with page
// buttons when there are more.
func (b *Bot) editPages(ctx context.Context, i *discordgo.Interaction, in *invocation, pages []page) error {
	first := pages[0]
	embeds := first.embeds()
	edit := &discordgo.WebhookEdit{Content: &first.content, Embeds: &embeds, AllowedMentions: noMentions(), Files: first.files}
	var p *pager
	if len(pages) > 1 {
		p = b.pages.start(in.userID, pages)
		buttons := p.buttons(0)
		edit.Components = &buttons
	}
	msg, err := b.session.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx))
	if err != nil {
		if p != nil {
			b.pages.remove(p.id)
		}
		return fmt.Errorf("bot: edit deferred response: %w", err)
	}
	if p != nil {
		sentAt := b.now()
		err := p.onStop(ctx, func(ctx context.Context) error {
			none := []discordgo.MessageComponent{}
			if b.now().Sub(sentAt) < slashTokenLife {
				_, err := b.session.InteractionResponseEdit(i, &discordgo.WebhookEdit{Components: &none, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
				return err
			}
			_, err := b.session.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: msg.ID, Channel: msg.ChannelID, Components: &none, AllowedMentions: noMentions()}, discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			b.log.Warn("page buttons not removed", "pager_id", p.id, "err", err)
		}
	}
	return nil
}

// onAutocomplete suggests country and body names for the word being typed
// (earlier words stay: typing "japan it" offers "japan Italy"), and time
// zones for a timezone option.
func (b *Bot) onAutocomplete(ctx context.Context, i *discordgo.Interaction) {
	_, opts := b.slashTarget(i)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, o := range opts {
		if !o.Focused || o.Type != discordgo.ApplicationCommandOptionString {
			continue
		}
		if o.Name == "timezone" {
			for _, z := range completeZones(fold(o.StringValue()), autocompleteLimit) {
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: z, Value: z})
			}
			continue
		}
		value := fold(o.StringValue())
		head, last := "", value
		if j := strings.LastIndexByte(value, ' '); j >= 0 {
			head, last = value[:j], value[j+1:]
		}
		for _, c := range b.deps.Briefer.Complete(last, autocompleteLimit) {
			name, val := strings.TrimSpace(head+" "+c.Name), strings.TrimSpace(head+" "+c.Value)
			if val == "" || runes(val) > 100 {
				continue
			}
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: truncate(name, 100), Value: val})
			if len(choices) == autocompleteLimit {
				break
			}
		}
	}
	err := b.session.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("autocomplete answer failed", "guild_id", i.GuildID, "channel_id", i.ChannelID, "err", err)
	}
}

// onButton turns pages, for the person who asked only.
func (b *Bot) onButton(ctx context.Context, i *discordgo.Interaction) {
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	user := interactionUser(i)
	if !ok || user == nil {
		return
	}
	id, target, ok := parsePageButton(data.CustomID)
	if !ok {
		_ = b.respondEphemeral(ctx, i, "That button no longer does anything.")
		return
	}
	buttons, pg, res := b.pages.press(id, user.ID, target)
	outcome := outcomeOK
	var err error
	switch res {
	case pressNotOwner:
		outcome = outcomeRefused
		err = b.respondEphemeral(ctx, i, "Only the person who asked can turn these pages. Ask for your own with `/brief`.")
	case pressExpired:
		outcome = outcomeRefused
		err = b.respondEphemeral(ctx, i, "These pages have expired. Ask again for a fresh answer.")
	default:
		err = b.session.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{
				Content: pg.content, Embeds: pg.embeds(), Components: buttons, AllowedMentions: noMentions(),
			},
		}, discordgo.WithContext(ctx))
	}
	if err != nil {
		outcome = outcomeInternal
		b.log.Error("page button answer failed", "guild_id", i.GuildID, "channel_id", i.ChannelID, "user_id", user.ID, "err", err)
	}
	b.metrics.observe("page", outcome, 0)
	b.log.Debug("page button", "guild_id", i.GuildID, "channel_id", i.ChannelID, "user_id", user.ID, "outcome", outcome)
}
