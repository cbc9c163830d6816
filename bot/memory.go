package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"attache/briefing"
	"attache/sources"
)

// MemoryStore keeps each person's last brief on each request, so that the
// next one marks what is new (sources.MemoryStore).
type MemoryStore interface {
	briefing.Memory
	ForgetBriefs(ctx context.Context, owner string) (int, error)
}

var _ MemoryStore = (sources.MemoryStore)(nil)

// rememberer is the briefer with memory: the briefing engine has it.
type rememberer interface {
	BriefFor(ctx context.Context, req briefing.Request, mem briefing.Memory, owner string, keep time.Duration, onlyNew bool) (*briefing.Brief, error, error)
}

// newWord asks /brief for only what is new; the slash option new:true
// becomes it, and people may type it after !brief.
const newWord = "new:true"

// personOwner is whose memory a person's briefs are: theirs alone,
// whatever channel or DM they ask in.
func personOwner(userID string) string { return "discord:user:" + userID }

// briefFor answers /brief for the person who asked: with a memory, the
// stories new since their last brief on the request are marked and the
// brief opens with what changed; otherwise a plain brief.
func (b *Bot) briefFor(ctx context.Context, in *invocation, req briefing.Request, onlyNew bool) (*briefing.Brief, error) {
	r, ok := b.deps.Briefer.(rememberer)
	if !ok || b.deps.Memory == nil {
		br, err := b.deps.Briefer.Brief(ctx, req)
		if err == nil && onlyNew {
			br.Notes = append(br.Notes, "Nothing is remembered between briefs here, so nothing can be told apart as new.")
		}
		return br, err
	}
	br, memErr, err := r.BriefFor(ctx, req, b.deps.Memory, personOwner(in.userID), b.deps.Remember, onlyNew)
	if err != nil {
		return nil, err
	}
	if memErr != nil {
		// The person gets their brief; the memory's failure is logged.
		b.log.Error("brief memory failed", "guild_id", in.guildID, "channel_id", in.channelID, "user_id", in.userID, "err", memErr)
	}
	return br, nil
}

// takeNewWord removes "new:true" (or "--new") from a person's words.
func takeNewWord(words []string) ([]string, bool) {
	var out []string
	found := false
	for _, w := range words {
		if strings.EqualFold(w, newWord) || w == "--new" {
			found = true
			continue
		}
		out = append(out, w)
	}
	return out, found
}

func forgetCommand() *command {
	return &command{
		name: "forget", summary: "Forget which stories your last briefs held (kept to mark what is new)", usage: "",
		run: runForget,
	}
}

// runForget removes what the bot remembers of the person's briefs. The
// answer is theirs only: a reply in a channel says no more than a count.
func runForget(ctx context.Context, b *Bot, in *invocation) (Reply, error) {
	if b.deps.Memory == nil {
		return TextReply{Text: "I don't remember your briefs here, so there is nothing to forget."}, nil
	}
	n, err := b.deps.Memory.ForgetBriefs(ctx, personOwner(in.userID))
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return TextReply{Text: "I had nothing remembered of your briefs."}, nil
	}
	what := "request"
	if n > 1 {
		what = fmt.Sprintf("%d requests", n)
	}
	return TextReply{Text: "Forgotten: your last brief on " + what + ". Your next brief will not mark anything as new."}, nil
}
