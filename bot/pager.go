package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// pageButtonPrefix starts the custom id of every page button:
// "pg:<pager id>:<prev|next>:<target page>".
const pageButtonPrefix = "pg:"

// pager holds the pages of one long reply and who may turn them.
type pager struct {
	id      string
	owner   string // user id of the person who asked
	pages   []page
	timer   stopTimer
	expires time.Time
	// strip removes the buttons from the message once the pager stops;
	// it is set once the message has been sent. stoppedEarly says that
	// the pager stopped before then, so onStop strips at once.
	mu           sync.Mutex
	strip        func(ctx context.Context) error
	stoppedEarly bool
	once         sync.Once
}

// onStop sets what stop does, once the message is sent. If the pager has
// already stopped (it expired, or the bot is shutting down, while the
// message was on its way), it strips the buttons now and returns what went
// wrong doing so.
func (p *pager) onStop(ctx context.Context, strip func(ctx context.Context) error) error {
	p.mu.Lock()
	p.strip = strip
	early := p.stoppedEarly
	p.mu.Unlock()
	if early {
		return strip(ctx)
	}
	return nil
}

// stop strips the buttons (once) and returns what went wrong doing so.
func (p *pager) stop(ctx context.Context) error {
	var err error
	p.once.Do(func() {
		p.mu.Lock()
		strip := p.strip
		p.stoppedEarly = strip == nil
		p.mu.Unlock()
		if strip != nil {
			err = strip(ctx)
		}
	})
	return err
}

// stopTimer is the part of *time.Timer that pagers use.
type stopTimer interface {
	Stop() bool
	Reset(d time.Duration) bool
}

// pagers are the live pagers, by id.
type pagers struct {
	mu      sync.Mutex
	byID    map[string]*pager
	timeout time.Duration
	now     func() time.Time
	log     *slog.Logger
	// afterFunc starts the idle timers: time.AfterFunc, or a test's
	// clock, so that buttons expire when the test moves time on.
	afterFunc func(d time.Duration, f func()) stopTimer
}

func newPagers(timeout time.Duration, now func() time.Time, log *slog.Logger) *pagers {
	return &pagers{byID: map[string]*pager{}, timeout: timeout, now: now, log: log,
		afterFunc: func(d time.Duration, f func()) stopTimer { return time.AfterFunc(d, f) }}
}

// newPagerID returns a short random id; ids need only be unique among live pagers.
func newPagerID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// start makes a pager live until it has been idle for the timeout; then
// its buttons stop working and are stripped (see onStop).
func (ps *pagers) start(owner string, pages []page) *pager {
	p := &pager{id: newPagerID(), owner: owner, pages: pages}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p.expires = ps.now().Add(ps.timeout)
	p.timer = ps.afterFunc(ps.timeout, func() {
		ps.mu.Lock()
		_, live := ps.byID[p.id]
		delete(ps.byID, p.id)
		ps.mu.Unlock()
		if live {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := p.stop(ctx); err != nil {
				ps.log.Warn("page buttons not removed", "pager_id", p.id, "err", err)
			}
		}
	})
	ps.byID[p.id] = p
	return p
}

// pressResult is what a button press comes to.
type pressResult int

const (
	pressTurned pressResult = iota
	pressNotOwner
	pressExpired
)

// press turns the pages of pager id for user to target and returns the
// page to show with its buttons. Both are taken under the lock, so that
// presses handled at once each get the buttons of their own page.
func (ps *pagers) press(id, user string, target int) ([]discordgo.MessageComponent, page, pressResult) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	p, ok := ps.byID[id]
	if !ok || ps.now().After(p.expires) {
		return nil, page{}, pressExpired
	}
	if p.owner != user {
		return nil, page{}, pressNotOwner
	}
	if target < 0 {
		target = 0
	}
	if target >= len(p.pages) {
		target = len(p.pages) - 1
	}
	p.expires = ps.now().Add(ps.timeout)
	p.timer.Reset(ps.timeout)
	return p.buttons(target), p.pages[target], pressTurned
}

// drain stops every pager's timer and returns the pagers that were live.
func (ps *pagers) drain() []*pager {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var out []*pager
	for id, p := range ps.byID {
		p.timer.Stop()
		out = append(out, p)
		delete(ps.byID, id)
	}
	return out
}

// live counts the live pagers.
func (ps *pagers) live() int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return len(ps.byID)
}

// buttons are the Previous/Next buttons of page current of p.
func (p *pager) buttons(current int) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{
			Label: "◀ Previous", Style: discordgo.SecondaryButton, Disabled: current == 0,
			CustomID: fmt.Sprintf("%s%s:prev:%d", pageButtonPrefix, p.id, current-1),
		},
		discordgo.Button{
			Label: fmt.Sprintf("Next ▶ (%d/%d)", current+1, len(p.pages)), Style: discordgo.PrimaryButton, Disabled: current >= len(p.pages)-1,
			CustomID: fmt.Sprintf("%s%s:next:%d", pageButtonPrefix, p.id, current+1),
		},
	}}}
}

// parsePageButton reads a page button's custom id.
func parsePageButton(customID string) (id string, target int, ok bool) {
	rest, found := strings.CutPrefix(customID, pageButtonPrefix)
	if !found {
		return "", 0, false
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 || (parts[1] != "prev" && parts[1] != "next") || parts[0] == "" {
		return "", 0, false
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		return "", 0, false
	}
	return parts[0], n, true
}

// remove forgets a pager whose message could not be sent.
func (ps *pagers) remove(id string) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if p, ok := ps.byID[id]; ok {
		p.timer.Stop()
		delete(ps.byID, id)
	}
}
