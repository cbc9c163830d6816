package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"attache/config"
)

func TestSplitWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"japan italy", "japan|italy"},
		{"  japan\t\nitaly  ", "japan|italy"},
		{`japan "fighter jet" since 7d`, "japan|fighter jet|since|7d"},
		{"japan “fighter jet”", "japan|fighter jet"},
		{`unclosed "quote here`, "unclosed|quote here"},
		{"a\x00b\x07c", "abc"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitWords(tt.in), "|"); got != tt.want {
			t.Errorf("splitWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := len(splitWords(strings.Repeat("w ", 3000))); got != maxWords {
		t.Errorf("3000 words kept %d, want %d", got, maxWords)
	}
}

func TestCommandWords(t *testing.T) {
	tests := []struct {
		content, prefix string
		dm              bool
		want            string
		ok              bool
	}{
		{"!brief japan italy", "!", false, "brief|japan|italy", true},
		{"  !brief japan", "!", false, "brief|japan", true},
		{"brief japan", "!", false, "", false},
		{"! brief japan", "!", false, "", false},
		{"!", "!", false, "", false},
		{"japan italy", "!", true, "japan|italy", true},
		{"!brief japan", "!", true, "brief|japan", true},
		{"a.brief japan", "a.", false, "brief|japan", true},
		{"", "!", true, "", false},
	}
	for _, tt := range tests {
		got, ok := commandWords(tt.content, tt.prefix, tt.dm)
		if strings.Join(got, "|") != tt.want || ok != tt.ok {
			t.Errorf("commandWords(%q, %q, dm=%v) = %q, %v; want %q, %v", tt.content, tt.prefix, tt.dm, strings.Join(got, "|"), ok, tt.want, tt.ok)
		}
	}
}

func FuzzCommandWords(f *testing.F) {
	for _, s := range []string{"!brief japan italy", `!quotes by "giorgia meloni" since 7d`, "\xff!", "!feeds add <https://x>"} {
		f.Add(s, false)
	}
	cs := newCommandSet()
	f.Fuzz(func(t *testing.T, s string, dm bool) {
		words, ok := commandWords(s, "!", dm)
		if ok && len(words) == 0 {
			t.Fatal("ok with no words")
		}
		if len(words) > maxWords {
			t.Fatalf("%d words, want at most %d", len(words), maxWords)
		}
		for _, w := range words {
			if w == "" || strings.ContainsAny(w, "\n\r\t\x00") {
				t.Fatalf("bad word %q", w)
			}
			if !utf8.ValidString(w) && utf8.ValidString(s) {
				t.Fatalf("word %q is not valid UTF-8", w)
			}
		}
		cs.find(words)
	})
}

func TestFind(t *testing.T) {
	cs := newCommandSet()
	tests := []struct {
		words    string
		want     string
		wantRest string
	}{
		{"brief japan italy", "brief", "japan|italy"},
		{"BRIEF japan", "brief", "japan"},
		{"feeds", "feeds list", ""},
		{"feeds add https://a.example/rss", "feeds add", "https://a.example/rss"},
		{"feeds remove 3", "feeds remove", "3"},
		{"feeds bogus", "feeds list", "bogus"},
		{"japan italy", "", ""},
	}
	for _, tt := range tests {
		c, rest := cs.find(strings.Fields(tt.words))
		got := ""
		if c != nil {
			got = c.fullName()
		}
		if got != tt.want || strings.Join(rest, "|") != tt.wantRest {
			t.Errorf("find(%q) = %q %q, want %q %q", tt.words, got, strings.Join(rest, "|"), tt.want, tt.wantRest)
		}
	}
}

func TestCooldowns(t *testing.T) {
	c := &clock{t: day}
	cd := newCooldowns(10*time.Second, c.Now)
	steps := []struct {
		user      string
		advance   time.Duration
		wantOK    bool
		wantLeft  time.Duration
		wantFirst bool
	}{
		{"a", 0, true, 0, false},
		{"a", 4 * time.Second, false, 6 * time.Second, true},
		{"a", time.Second, false, 5 * time.Second, false},
		{"b", 0, true, 0, false},
		{"a", 5 * time.Second, true, 0, false},
		{"a", 0, false, 10 * time.Second, true},
	}
	for i, s := range steps {
		c.Advance(s.advance)
		ok, left, first := cd.take(s.user)
		if ok != s.wantOK || left != s.wantLeft || first != s.wantFirst {
			t.Errorf("step %d (%s): got %v %v %v, want %v %v %v", i, s.user, ok, left, first, s.wantOK, s.wantLeft, s.wantFirst)
		}
	}
	off := newCooldowns(-1, c.Now)
	for i := 0; i < 3; i++ {
		if ok, _, _ := off.take("a"); !ok {
			t.Fatal("a negative cooldown refused a command")
		}
	}
}

func TestCooldownsForgetOldEntries(t *testing.T) {
	c := &clock{t: day}
	cd := newCooldowns(time.Second, c.Now)
	for i := 0; i < 5000; i++ {
		cd.take(strings.Repeat("u", 1+i%7) + string(rune('a'+i%26)) + time.Duration(i).String())
		c.Advance(10 * time.Millisecond)
	}
	// Only people seen in the last second (100 of them) need remembering;
	// a sweep runs every sweepEvery calls.
	if got := cd.size(); got > 100+sweepEvery {
		t.Errorf("tracking %d people after 5000 one-off commands, want at most %d", got, 100+sweepEvery)
	}
}

func TestParsePageButton(t *testing.T) {
	tests := []struct {
		in     string
		id     string
		target int
		ok     bool
	}{
		{"pg:abc123:next:2", "abc123", 2, true},
		{"pg:abc123:prev:-1", "abc123", -1, true},
		{"pg:abc123:jump:2", "", 0, false},
		{"pg::next:2", "", 0, false},
		{"pg:abc:next:x", "", 0, false},
		{"other:thing", "", 0, false},
		{"", "", 0, false},
	}
	for _, tt := range tests {
		id, target, ok := parsePageButton(tt.in)
		if id != tt.id || target != tt.target || ok != tt.ok {
			t.Errorf("parsePageButton(%q) = %q %d %v, want %q %d %v", tt.in, id, target, ok, tt.id, tt.target, tt.ok)
		}
	}
}

func TestPagersPress(t *testing.T) {
	c := &clock{t: day}
	ps := newPagers(time.Hour, c.Now, slog.New(slog.DiscardHandler))
	p := ps.start("owner", []page{{content: "1"}, {content: "2"}, {content: "3"}})
	defer ps.drain()
	tests := []struct {
		user   string
		target int
		want   pressResult
		page   string
	}{
		{"owner", 1, pressTurned, "2"},
		{"stranger", 2, pressNotOwner, ""},
		{"owner", 9, pressTurned, "3"},
		{"owner", -4, pressTurned, "1"},
	}
	for _, tt := range tests {
		_, pg, res := ps.press(p.id, tt.user, tt.target)
		if res != tt.want || pg.content != tt.page {
			t.Errorf("press(%s, %d) = %v %q, want %v %q", tt.user, tt.target, res, pg.content, tt.want, tt.page)
		}
	}
	c.Advance(2 * time.Hour)
	if _, _, res := ps.press(p.id, "owner", 1); res != pressExpired {
		t.Errorf("press after the timeout = %v, want expired", res)
	}
	if _, _, res := ps.press("nope", "owner", 1); res != pressExpired {
		t.Errorf("press on an unknown pager = %v, want expired", res)
	}
}

// A pager that expires while its message is still on its way strips the
// buttons once the message is out, instead of leaving them for good.
func TestPagerExpiredBeforeSentStripsOnceSent(t *testing.T) {
	c := &clock{t: day}
	ps := newPagers(time.Minute, c.Now, slog.New(slog.DiscardHandler))
	ps.afterFunc = c.AfterFunc
	p := ps.start("owner", []page{{content: "1"}, {content: "2"}})
	stopped := make(chan struct{})
	go func() { p.stop(context.Background()); close(stopped) }() // what the expiry does
	<-stopped
	strips := 0
	if err := p.onStop(context.Background(), func(context.Context) error { strips++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := p.stop(context.Background()); err != nil || strips != 1 {
		t.Errorf("buttons stripped %d times (err %v), want once, when the message was sent", strips, err)
	}
}

func TestConfigValidate(t *testing.T) {
	with := func(edit func(*Config)) Config {
		c := DefaultConfig()
		edit(&c)
		return c
	}
	tests := []struct {
		name string
		cfg  Config
		want string // the error; "" for none
	}{
		{"defaults", DefaultConfig(), ""},
		{"Bot prefix accepted", with(func(c *Config) { c.Token = "Bot abc" }), ""},
		{"five-character prefix", with(func(c *Config) { c.Prefix = "!!!!!" }), ""},
		{"token with a space", with(func(c *Config) { c.Token = "ab c" }), "token contains white space"},
		{"long prefix", with(func(c *Config) { c.Prefix = "!!!!!!" }), `prefix "!!!!!!": want 1 to 5 characters and no spaces`},
		{"empty prefix", with(func(c *Config) { c.Prefix = "" }), `prefix "": want 1 to 5 characters and no spaces`},
		{"shard out of range", with(func(c *Config) { c.ShardID, c.ShardCount = 2, 2 }), "shard_id 2 with shard_count 2: want 0 <= shard_id < shard_count"},
		{"bad guild id", with(func(c *Config) { c.CommandGuild = "my-guild" }), `command_guild "my-guild" is not a Discord id`},
		{"negative cooldown", with(func(c *Config) { c.Cooldown = config.Duration(-time.Second) }), "cooldown -1s: must not be negative (0 turns it off)"},
		{"no page timeout", with(func(c *Config) { c.PageTimeout = 0 }), "page_timeout 0s: must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if got := fmt.Sprint(err); (err == nil) != (tt.want == "") || (err != nil && got != tt.want) {
				t.Fatalf("Validate() = %v, want %q", err, tt.want)
			}
			var ce *config.Error
			if err != nil && !errors.As(err, &ce) {
				t.Errorf("Validate() = %T, want a *config.Error naming the key", err)
			}
		})
	}
}

func TestNewNeedsAToken(t *testing.T) {
	_, err := New(DefaultConfig(), Deps{Briefer: newFakeBriefer(time.Now), Feeds: newFakeFeeds()})
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("New without a token: %v, want a pointer to DISCORD_TOKEN", err)
	}
	cfg := DefaultConfig()
	cfg.Token = " Bot abc "
	b, err := New(cfg, Deps{Briefer: newFakeBriefer(time.Now), Feeds: newFakeFeeds()})
	if err != nil || b.cfg.Token != "abc" {
		t.Errorf("New with %q: token %q, %v; want abc", cfg.Token, b.cfg.Token, err)
	}
}

// tokenConfig is the default configuration with a token.
func tokenConfig() Config {
	c := DefaultConfig()
	c.Token = "a"
	return c
}

func TestNewNeedsDeps(t *testing.T) {
	if _, err := New(tokenConfig(), Deps{Feeds: newFakeFeeds()}); err == nil || !strings.Contains(err.Error(), "Briefer") {
		t.Errorf("New without a Briefer: %v", err)
	}
	if _, err := New(tokenConfig(), Deps{Briefer: newFakeBriefer(time.Now)}); err == nil || !strings.Contains(err.Error(), "Feeds") {
		t.Errorf("New without Feeds: %v", err)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	feeds := newFakeFeeds()
	b, err := New(tokenConfig(), Deps{Briefer: newFakeBriefer(time.Now), Feeds: feeds})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		b.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	tests := []struct {
		name      string
		connected bool
		ping      error
		code      int
		want      healthStatus
	}{
		{"all up", true, nil, 200, healthStatus{"ok", "connected", "ok"}},
		{"gateway down", false, nil, 503, healthStatus{"unavailable", "disconnected", "ok"}},
		{"store down", true, errors.New("database is closed"), 503, healthStatus{"unavailable", "connected", "unreachable"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.connected.Store(tt.connected)
			feeds.ping = func(context.Context) error { return tt.ping }
			code, body := get("/healthz")
			var got healthStatus
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("body %q: %v", body, err)
			}
			if code != tt.code || got != tt.want {
				t.Errorf("got %d %+v, want %d %+v", code, got, tt.code, tt.want)
			}
		})
	}
	b.metrics.observe("brief", outcomeOK, 20*time.Millisecond)
	b.metrics.observe("brief", outcomeUserError, time.Millisecond)
	code, body := get("/metrics")
	for _, want := range []string{
		`attache_bot_commands_total{command="brief",outcome="ok"} 1`,
		`attache_bot_commands_total{command="brief",outcome="user_error"} 1`,
		`attache_bot_command_seconds_bucket{command="brief",le="0.025"} 2`,
		"attache_bot_gateway_connected 1",
	} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("/metrics (%d) lacks %s", code, want)
		}
	}
}
