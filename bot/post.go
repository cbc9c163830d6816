package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Post sends a reply to a channel on the bot's own initiative (a digest,
// say) and returns the id of the message. Only its first page is sent: a
// post has nobody to turn pages, so long replies should be made to fit, or
// posted page by page with PostPages. Nothing in it pings anyone.
func (b *Bot) Post(ctx context.Context, channelID string, r Reply) (string, error) {
	ids, err := b.postPages(ctx, channelID, r.pages()[:1])
	if err != nil {
		return "", err
	}
	return ids[0], nil
}

// PostPages sends every page of a reply to a channel, one message each,
// and returns the message ids.
func (b *Bot) PostPages(ctx context.Context, channelID string, r Reply) ([]string, error) {
	return b.postPages(ctx, channelID, r.pages())
}

// PostDM opens (or reuses) the direct-message channel with a user and
// posts the reply's first page there.
func (b *Bot) PostDM(ctx context.Context, userID string, r Reply) (string, error) {
	ch, err := b.session.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("bot: open DM with %s: %w", userID, err)
	}
	return b.Post(ctx, ch.ID, r)
}

func (b *Bot) postPages(ctx context.Context, channelID string, pages []page) ([]string, error) {
	if channelID == "" {
		return nil, errors.New("bot: post: no channel")
	}
	var ids []string
	for _, p := range pages {
		m, err := b.session.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
			Content: p.content, Embeds: p.embeds(), AllowedMentions: noMentions(),
		}, discordgo.WithContext(ctx))
		if err != nil {
			return ids, fmt.Errorf("bot: post to channel %s: %w", channelID, err)
		}
		ids = append(ids, m.ID)
	}
	return ids, nil
}
