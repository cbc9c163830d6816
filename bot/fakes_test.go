package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"attache/briefing"
	"attache/sources"
)

// fakeBriefer is a Briefer made of function fields; nil fields use the
// small built-in behaviour of newFakeBriefer.
type fakeBriefer struct {
	parseWords func(words []string) (briefing.Request, error)
	brief      func(ctx context.Context, req briefing.Request) (*briefing.Brief, error)
	quotes     func(ctx context.Context, req briefing.Request) (*briefing.Brief, error)
	search     func(ctx context.Context, req briefing.Request, limit int) ([]briefing.ArticleRef, error)
	complete   func(prefix string, limit int) []briefing.Choice

	mu    sync.Mutex
	calls []string // "parse japan italy", "brief JP,IT", ...
	// quiet keeps no record of calls (benchmarks).
	quiet bool
}

var _ Briefer = (*fakeBriefer)(nil)

func (f *fakeBriefer) note(s string) {
	if f.quiet {
		return
	}
	f.mu.Lock()
	f.calls = append(f.calls, s)
	f.mu.Unlock()
}

func (f *fakeBriefer) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeBriefer) ParseWordsFor(_ context.Context, _ briefing.Asking, words []string) (briefing.Request, error) {
	f.note("parse " + strings.Join(words, " "))
	return f.parseWords(words)
}

func (f *fakeBriefer) Brief(ctx context.Context, req briefing.Request) (*briefing.Brief, error) {
	f.note("brief " + strings.Join(req.Countries, ","))
	return f.brief(ctx, req)
}

func (f *fakeBriefer) Quotes(ctx context.Context, req briefing.Request) (*briefing.Brief, error) {
	f.note("quotes " + strings.Join(req.Countries, ",") + req.Speaker)
	return f.quotes(ctx, req)
}

func (f *fakeBriefer) Search(ctx context.Context, req briefing.Request, limit int) ([]briefing.ArticleRef, error) {
	f.note("search " + strings.Join(req.Countries, ","))
	return f.search(ctx, req, limit)
}

func (f *fakeBriefer) Complete(prefix string, limit int) []briefing.Choice {
	return f.complete(prefix, limit)
}

// gazetteer is the fake's idea of country names.
var gazetteer = []struct{ name, code string }{
	{"Japan", "JP"}, {"Italy", "IT"}, {"Israel", "IL"}, {"India", "IN"}, {"France", "FR"},
	{"Germany", "DE"}, {"G7", "G7"}, {"European Union", "EU"},
}

func lookupCountry(word string) (string, bool) {
	for _, g := range gazetteer {
		if strings.EqualFold(g.name, word) || strings.EqualFold(g.code, word) {
			return g.code, true
		}
	}
	return "", false
}

// parseFake understands country names, "since Nd" and topic words after
// a "about"; any other word is an unknown country.
func parseFake(now func() time.Time) func([]string) (briefing.Request, error) {
	return func(words []string) (briefing.Request, error) {
		var req briefing.Request
		for i := 0; i < len(words); i++ {
			w := words[i]
			switch {
			case strings.EqualFold(w, "since") && i+1 < len(words):
				days, err := strconv.Atoi(strings.TrimSuffix(words[i+1], "d"))
				if err != nil {
					return req, &briefing.UserError{Message: fmt.Sprintf("I can't read the window %q; try `since 7d`.", words[i+1])}
				}
				req.Since = now().AddDate(0, 0, -days)
				i++
			case strings.EqualFold(w, "about"):
				req.Terms = append(req.Terms, words[i+1:]...)
				i = len(words)
			default:
				code, ok := lookupCountry(w)
				if !ok {
					return req, &briefing.UserError{Message: fmt.Sprintf("I don't know a country called %q.", w), Suggestions: []string{"Italy", "India"}}
				}
				req.Countries = append(req.Countries, code)
			}
		}
		if len(req.Countries) == 0 {
			return req, &briefing.UserError{Message: "Name at least one country."}
		}
		return req, nil
	}
}

func completeFake(prefix string, limit int) []briefing.Choice {
	var out []briefing.Choice
	for _, g := range gazetteer {
		if strings.HasPrefix(strings.ToLower(g.name), strings.ToLower(prefix)) && len(out) < limit {
			out = append(out, briefing.Choice{Name: g.name, Value: strings.ToLower(g.name)})
		}
	}
	return out
}

var day = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// sampleBrief is a small brief on Japan and Italy, written for these tests.
func sampleBrief(req briefing.Request) *briefing.Brief {
	arts := []briefing.ArticleRef{
		{ID: 1, Title: "Rome and Tokyo deepen fighter-jet partnership", URL: "https://news.example.org/2026/11/gcap-rome-tokyo", Source: "Example Wire", Published: day, Outlets: 3},
		{ID: 2, Title: "Italian minister visits Japan's defence ministry", URL: "https://daily.example.com/world/italy-japan-visit", Source: "Example Daily", Published: day.Add(-24 * time.Hour)},
	}
	return &briefing.Brief{
		Query: briefing.Query{Countries: req.Countries, Since: day.AddDate(0, 0, -30)},
		Title: "Japan and Italy",
		Summary: []briefing.Sentence{
			{Text: "Japan and Italy agreed on Tuesday to speed up work on their joint fighter jet.", ArticleID: 1, URL: arts[0].URL, Source: arts[0].Source},
			{Text: "The Italian defence minister met his Japanese counterpart in Tokyo.", ArticleID: 2, URL: arts[1].URL, Source: arts[1].Source},
		},
		Quotes: []briefing.Quote{
			{Text: "Our partnership has never been closer", Speaker: "Aiko Tanaka", Role: "Defence Minister of Japan", ArticleID: 2, URL: arts[1].URL},
		},
		Articles: arts,
	}
}

// longBrief has far more than one message can hold.
func longBrief(sentences, quotes int) *briefing.Brief {
	br := &briefing.Brief{Title: "Japan and Italy, at length", Query: briefing.Query{Countries: []string{"JP", "IT"}}}
	for i := 1; i <= sentences; i++ {
		url := fmt.Sprintf("https://news.example.org/story/%d", i)
		br.Articles = append(br.Articles, briefing.ArticleRef{ID: int64(i), Title: fmt.Sprintf("Story number %d about the partnership", i), URL: url, Source: "Example Wire", Published: day})
		br.Summary = append(br.Summary, briefing.Sentence{
			Text:      fmt.Sprintf("Sentence %d: ", i) + strings.Repeat("officials from both governments discussed supply chains and export rules at length ", 4),
			ArticleID: int64(i), URL: url, Source: "Example Wire",
		})
	}
	for i := 1; i <= quotes; i++ {
		br.Quotes = append(br.Quotes, briefing.Quote{
			Text:    fmt.Sprintf("Quote %d: ", i) + strings.Repeat("we will keep working together on this ", 10),
			Speaker: fmt.Sprintf("Speaker %d", i), Role: "Minister", ArticleID: int64(i), URL: br.Articles[i-1].URL,
		})
	}
	return br
}

func newFakeBriefer(now func() time.Time) *fakeBriefer {
	return &fakeBriefer{
		parseWords: parseFake(now),
		brief: func(_ context.Context, req briefing.Request) (*briefing.Brief, error) {
			return sampleBrief(req), nil
		},
		quotes: func(_ context.Context, req briefing.Request) (*briefing.Brief, error) {
			br := sampleBrief(req)
			br.Summary = nil
			return br, nil
		},
		search: func(_ context.Context, req briefing.Request, limit int) ([]briefing.ArticleRef, error) {
			return sampleBrief(req).Articles, nil
		},
		complete: completeFake,
	}
}

// fakeFeeds is a FeedStore made of function fields.
type fakeFeeds struct {
	feeds      func(ctx context.Context) ([]sources.Feed, error)
	addFeed    func(ctx context.Context, url string) (sources.Feed, error)
	removeFeed func(ctx context.Context, id int64) error
	ping       func(ctx context.Context) error

	mu    sync.Mutex
	added []string
}

var _ FeedStore = (*fakeFeeds)(nil)

func (f *fakeFeeds) Feeds(ctx context.Context) ([]sources.Feed, error) { return f.feeds(ctx) }
func (f *fakeFeeds) AddFeed(ctx context.Context, url string) (sources.Feed, error) {
	f.mu.Lock()
	f.added = append(f.added, url)
	f.mu.Unlock()
	return f.addFeed(ctx, url)
}
func (f *fakeFeeds) RemoveFeed(ctx context.Context, id int64) error { return f.removeFeed(ctx, id) }
func (f *fakeFeeds) Ping(ctx context.Context) error                 { return f.ping(ctx) }

func (f *fakeFeeds) addedURLs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.added...)
}

func newFakeFeeds() *fakeFeeds {
	return &fakeFeeds{
		feeds: func(context.Context) ([]sources.Feed, error) {
			return []sources.Feed{{ID: 3, URL: "https://news.example.org/rss", Title: "Example Wire", Articles: 120, LastSuccess: day}}, nil
		},
		addFeed: func(_ context.Context, url string) (sources.Feed, error) {
			return sources.Feed{ID: 4, URL: url, Title: "Example Daily"}, nil
		},
		removeFeed: func(context.Context, int64) error { return nil },
		ping:       func(context.Context) error { return nil },
	}
}

// clock is a settable clock for tests, with timers that fire when Advance
// moves it past their time.
type clock struct {
	mu     sync.Mutex
	t      time.Time
	timers []*clockTimer
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on and runs, each in its own goroutine as
// time.AfterFunc does, the functions of the timers that came due.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	var due []func()
	for _, tm := range c.timers {
		if tm.armed && !tm.at.After(c.t) {
			tm.armed = false
			due = append(due, tm.f)
		}
	}
	c.mu.Unlock()
	for _, f := range due {
		go f()
	}
}

// AfterFunc is time.AfterFunc on this clock.
func (c *clock) AfterFunc(d time.Duration, f func()) stopTimer {
	c.mu.Lock()
	defer c.mu.Unlock()
	tm := &clockTimer{c: c, at: c.t.Add(d), f: f, armed: true}
	c.timers = append(c.timers, tm)
	return tm
}

// clockTimer is a timer of a clock.
type clockTimer struct {
	c     *clock
	at    time.Time
	f     func()
	armed bool
}

func (tm *clockTimer) Stop() bool {
	tm.c.mu.Lock()
	defer tm.c.mu.Unlock()
	was := tm.armed
	tm.armed = false
	return was
}

func (tm *clockTimer) Reset(d time.Duration) bool {
	tm.c.mu.Lock()
	defer tm.c.mu.Unlock()
	was := tm.armed
	tm.at, tm.armed = tm.c.t.Add(d), true
	return was
}
