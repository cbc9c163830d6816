package bot

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Waits between attempts to reach Discord at start: the first, doubled
// after each failure, up to the most.
const (
	firstConnectWait = time.Second
	mostConnectWait  = 2 * time.Minute
)

// ErrRefused wraps what Discord answers when retrying cannot help: the
// token is refused, or the configuration asks for something Discord does
// not allow (a shard it does not know, intents the bot may not use).
var ErrRefused = errors.New("discord refused the bot")

// connect opens the gateway session. While Discord cannot be reached (no
// network, an outage, a server error) it tries again with back-off,
// logging each try; health says "connecting" meanwhile. What retrying
// cannot mend (see gatewayRefusal) ends it at once with an error that says what
// to change. It returns ctx's error if ctx ends first.
func (b *Bot) connect(ctx context.Context) error {
	b.connecting.Store(true)
	defer b.connecting.Store(false)
	wait := firstConnectWait
	for attempt := 1; ; attempt++ {
		err := b.session.Open()
		if err == nil {
			// Open returns once the gateway has taken the identify, so
			// health says connected from here; discordgo's Connect event,
			// which says so too, reaches its handler on another goroutine,
			// maybe only after the bot has begun to serve.
			b.setConnected(true)
			if attempt > 1 {
				b.log.Info("discord reached", "attempt", attempt)
			}
			return nil
		}
		if refused := gatewayRefusal(err); refused != nil {
			return refused
		}
		// Jitter, so that several processes do not come back at once.
		next := time.Duration(float64(wait) * (0.8 + 0.4*rand.Float64()))
		b.log.Warn("discord not reachable; trying again", "attempt", attempt, "retry_in", next.Round(time.Millisecond).String(), "err", err)
		if err := b.wait(ctx, next); err != nil {
			return err
		}
		wait = min(2*wait, mostConnectWait)
	}
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// gatewayRefusal names what Discord said when it refused the bot for good, or
// returns nil when trying again may work.
func gatewayRefusal(err error) error {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("%w: authentication failed: Discord does not accept the token (reset it in the developer portal and set DISCORD_TOKEN to the new one)", ErrRefused)
	}
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return nil
	}
	switch ce.Code {
	case 4004:
		return fmt.Errorf("%w: authentication failed: Discord does not accept the token (reset it in the developer portal and set DISCORD_TOKEN to the new one)", ErrRefused)
	case 4010:
		return fmt.Errorf("%w: invalid shard: discord.shard_id and discord.shard_count do not fit this bot", ErrRefused)
	case 4011:
		return fmt.Errorf("%w: sharding required: the bot is in too many servers for one connection; set discord.shard_count", ErrRefused)
	case 4013:
		return fmt.Errorf("%w: invalid intents", ErrRefused)
	case 4014:
		return fmt.Errorf("%w: disallowed intents: switch on the Message Content intent in the developer portal (Bot, Privileged Gateway Intents)", ErrRefused)
	}
	return nil
}
