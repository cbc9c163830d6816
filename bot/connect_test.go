package bot

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"attache/bot/discordtest"
)

// unreachable is a transport that fails like a network without a route to
// Discord while down is set, and otherwise passes requests on.
type unreachable struct {
	next http.RoundTripper
	down atomic.Bool
}

func (u *unreachable) RoundTrip(r *http.Request) (*http.Response, error) {
	if u.down.Load() {
		return nil, errors.New("dial tcp 162.159.135.232:443: connect: network is unreachable")
	}
	return u.next.RoundTrip(r)
}

// healthz asks the bot's operations handler for its health.
func healthz(t *testing.T, b *Bot) (int, healthStatus) {
	t.Helper()
	rec := httptest.NewRecorder()
	b.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	var st healthStatus
	if err := json.Unmarshal(rec.Body.Bytes(), &st); err != nil {
		t.Fatalf("healthz body %q: %v", rec.Body.String(), err)
	}
	return rec.Code, st
}

// newConnectBot builds a bot over fake whose HTTP goes through tr, and
// whose waits between tries are handed to the test on waits: each wait
// lasts until the test sends on proceed.
func newConnectBot(t *testing.T, token string, tr http.RoundTripper, logs *syncBuffer) (b *Bot, waits chan time.Duration, proceed chan struct{}) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Token, cfg.CommandGuild = token, guildID
	b, err := New(cfg, Deps{
		Briefer: newFakeBriefer(time.Now), Feeds: newFakeFeeds(), HTTPClient: &http.Client{Transport: tr},
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatal(err)
	}
	waits, proceed = make(chan time.Duration), make(chan struct{})
	b.wait = func(ctx context.Context, d time.Duration) error {
		select {
		case waits <- d:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case <-proceed:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return b, waits, proceed
}

// `attache run` started while Discord cannot be reached keeps trying,
// waiting longer each time and logging each try, with health saying
// "connecting", and serves once Discord answers.
func TestRunRetriesUntilDiscordAnswers(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{Guilds: []*discordgo.Guild{fixtureGuild()}})
	tr := &unreachable{next: fake.Client().Transport}
	tr.down.Store(true)
	logs := &syncBuffer{}
	b, waits, proceed := newConnectBot(t, discordtest.DefaultToken, tr, logs)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var runErr error
	go func() { runErr = b.Run(ctx); close(done) }()
	defer func() {
		cancel()
		<-done
		if runErr != nil {
			t.Errorf("Run: %v", runErr)
		}
	}()

	var got []time.Duration
	for try := 1; try <= 3; try++ {
		select {
		case d := <-waits:
			got = append(got, d)
		case <-done:
			t.Fatalf("Run gave up at try %d: %v", try, runErr)
		}
		if code, st := healthz(t, b); code != http.StatusServiceUnavailable || st.Gateway != "connecting" {
			t.Errorf("healthz while retrying = %d %+v, want 503 with the gateway connecting", code, st)
		}
		if try == 3 {
			tr.down.Store(false)
		}
		proceed <- struct{}{}
	}
	if _, err := fake.WaitCommands(guildID, wait); err != nil {
		t.Fatalf("the bot did not come up once Discord answered: %v\n%s", err, logs.String())
	}
	if code, st := healthz(t, b); code != http.StatusOK || st.Gateway != "connected" {
		t.Errorf("healthz once connected = %d %+v, want 200 connected", code, st)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Errorf("waits %v: want each longer than the one before", got)
		}
	}
	if got[0] < firstConnectWait*8/10 || got[0] > firstConnectWait*12/10 {
		t.Errorf("first wait %v, want about %v", got[0], firstConnectWait)
	}
	if n := strings.Count(logs.String(), `"msg":"discord not reachable; trying again"`); n != 3 {
		t.Errorf("%d tries logged, want 3:\n%s", n, logs.String())
	}
	for _, want := range []string{`"attempt":1`, `"attempt":2`, `"attempt":3`, "network is unreachable", `"msg":"discord reached"`, `"attempt":4`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %s", want)
		}
	}
}

// A token that Discord refuses ends Run at once, naming the refusal; so
// does a stop asked for while waiting to try again.
func TestRunStopsOnAuthenticationError(t *testing.T) {
	fake := discordtest.New(t, discordtest.Options{Guilds: []*discordgo.Guild{fixtureGuild()}})
	logs := &syncBuffer{}
	b, waits, _ := newConnectBot(t, "not-the-token", fake.Client().Transport, logs)
	done := make(chan error, 1)
	go func() { done <- b.Run(context.Background()) }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "authentication failed") || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
			t.Errorf("Run with a refused token = %v, want the authentication failure named", err)
		}
	case d := <-waits:
		t.Fatalf("Run waits %v to try a refused token again", d)
	}

	tr := &unreachable{next: fake.Client().Transport}
	tr.down.Store(true)
	b, waits, _ = newConnectBot(t, discordtest.DefaultToken, tr, logs)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { done <- b.Run(ctx) }()
	select {
	case <-waits:
	case err := <-done:
		t.Fatalf("Run gave up on an unreachable Discord: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run stopped while waiting to try again = %v, want nil", err)
	}
}

// The gateway's close codes that retrying cannot mend are named; others
// are retried.
func TestGatewayRefusal(t *testing.T) {
	tests := []struct {
		code int
		want string // "" means try again
	}{
		{4004, "authentication failed"},
		{4010, "invalid shard"},
		{4011, "sharding required"},
		{4013, "invalid intents"},
		{4014, "Message Content intent"},
		{4000, ""},
		{1006, ""},
	}
	for _, tt := range tests {
		err := gatewayRefusal(&websocket.CloseError{Code: tt.code})
		if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("close %d: %v, want %q", tt.code, err, tt.want)
		}
	}
	if err := gatewayRefusal(errors.New("connection refused")); err != nil {
		t.Errorf("a network error is refused for good: %v", err)
	}
}
