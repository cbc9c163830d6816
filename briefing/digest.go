package briefing

import (
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"attache/briefing/summary"
	"attache/sources"
)

// DigestRequest asks for what is new in the corpus.
type DigestRequest struct {
	Since time.Time // articles stored after this (the last digest, or a window)
	Until time.Time // zero: now
	// Filter restricts the digest to countries, bodies and words; empty
	// means every story.
	Filter     Request
	MaxStories int // zero: 8
	// Sample keeps the bundled sample corpus in the digest even when the
	// store holds articles of its own (it is left out then otherwise).
	Sample bool
}

// Digest is the list of stories new since a time, best first.
type Digest struct {
	Since   time.Time `json:"since"`
	Until   time.Time `json:"until"`
	Filter  string    `json:"filter,omitempty"`
	Stories []Story   `json:"stories"`
	// Considered counts the new articles read; More counts the stories
	// left out by the MaxStories cap. Unread counts the oldest new
	// articles left unread when more than maxDigestArticles arrived in
	// the window: a digest reads the newest.
	Considered int `json:"considered"`
	More       int `json:"more,omitempty"`
	Unread     int `json:"unread,omitempty"`
	// SampleLeftOut counts the articles of the bundled sample left out
	// because the store holds articles of its own.
	SampleLeftOut int `json:"sample_left_out,omitempty"`
	// Tone is which way a digest on two countries leans: the tone class
	// most of its stories carry, or empty.
	Tone string `json:"tone,omitempty"`
	// Delta says what changed since the channel's last digest on the
	// same filter (DigestSinceLast); empty when there is none to compare.
	Delta string `json:"delta,omitempty"`
}

// Story is one news story in a digest: the same event from one or more
// outlets.
type Story struct {
	ID        int64        `json:"id"`
	Headline  string       `json:"headline"`
	Summary   []Sentence   `json:"summary"`
	Quote     *Quote       `json:"quote,omitempty"`
	Articles  []ArticleRef `json:"articles"`
	Countries []string     `json:"countries,omitempty"`
	Published time.Time    `json:"published"`
	// Tone is the story's tone for the pair of a digest on two countries,
	// with its evidence.
	Tone *ToneTag `json:"tone,omitempty"`
	// New marks a story that the channel's last digest on the same filter
	// did not hold (DigestSinceLast).
	New   bool    `json:"new,omitempty"`
	Score float64 `json:"-"`
}

// maxDigestArticles bounds the articles a digest reads: in a window with
// more, it reads the newest (and counts the rest in Digest.Unread).
const maxDigestArticles = 5000

// diplomaticWords mark a story as diplomacy rather than other news.
var diplomaticWords = []string{
	"summit", "minister", "ministers", "talks", "treaty", "sanction", "embassy", "ambassador", "envoy",
	"diplomat", "agreement", "accord", "bilateral", "alliance", "ceasefire", "negotiat", "foreign",
	"president", "prime minister", "state visit", "delegation", "communiqué", "communique", "cooperation",
	"security council", "resolution", "trade deal", "partnership", "defence", "defense",
}

// Digest composes the stories new since req.Since: new articles grouped by
// story (a story seen before req.Since is not new, even if another outlet
// carried it since), filtered, ranked by coverage, recency and how
// diplomatic they are, each with a headline, a one- or two-sentence
// summary, a key quote and links.
func (e *Engine) Digest(ctx context.Context, req DigestRequest) (*Digest, error) {
	until := req.Until
	if until.IsZero() {
		until = e.now()
	}
	max := req.MaxStories
	if max <= 0 {
		max = 8
	}
	d := &Digest{Since: req.Since, Until: until, Filter: e.describe(req.Filter), Stories: []Story{}}
	arts, total, err := e.corpus.ArticlesFetchedBetween(ctx, req.Since, until, maxDigestArticles)
	if err != nil {
		return nil, err
	}
	d.Unread = total - len(arts)
	noSample := false
	if !req.Sample {
		if noSample, err = e.corpus.HasOwnArticles(ctx); err != nil {
			return nil, err
		}
	}
	groups := map[int64][]sources.Article{}
	var order []int64
	for _, a := range arts {
		if noSample && a.Sample {
			d.SampleLeftOut++
			continue
		}
		d.Considered++
		if !e.matches(a, req.Filter) {
			continue
		}
		if _, ok := groups[a.StoryID]; !ok {
			order = append(order, a.StoryID)
		}
		groups[a.StoryID] = append(groups[a.StoryID], a)
	}
	first, err := e.corpus.StoryFirstSeen(ctx, order)
	if err != nil {
		return nil, err
	}
	var stories []Story
	for _, id := range order {
		if seen, ok := first[id]; ok && !seen.After(req.Since) {
			continue // an old story with a new outlet: already digested
		}
		stories = append(stories, e.story(id, groups[id], req.Filter, until))
	}
	sort.SliceStable(stories, func(i, j int) bool { return stories[i].Score > stories[j].Score })
	if len(stories) > max {
		d.More = len(stories) - max
		stories = stories[:max]
	}
	for i := range stories {
		e.fillStory(&stories[i], groups[stories[i].ID], req.Filter)
	}
	d.Stories = stories
	e.toneDigest(d, req.Filter, groups)
	return d, nil
}

// matches applies a digest filter to one article.
func (e *Engine) matches(a sources.Article, f Request) bool {
	for _, c := range f.Countries {
		if !containsCode(a.Countries, c) {
			return false
		}
	}
	if len(f.Terms) > 0 && termCoverage(a.Title+" "+a.Text, f.Terms) < 1 {
		return false
	}
	return true
}

// story scores one story from its articles.
func (e *Engine) story(id int64, arts []sources.Article, f Request, now time.Time) Story {
	sort.SliceStable(arts, func(i, j int) bool { return len(arts[i].Text) > len(arts[j].Text) })
	lead := arts[0]
	outlets := map[string]bool{}
	newest := lead.Published
	for _, a := range arts {
		outlets[a.Source] = true
		if a.Published.After(newest) {
			newest = a.Published
		}
	}
	age := now.Sub(newest).Hours()
	if age < 0 {
		age = 0
	}
	lower := strings.ToLower(lead.Title + " " + lead.Text)
	dip := 0
	for _, w := range diplomaticWords {
		if strings.Contains(lower, w) {
			dip++
		}
	}
	score := 1.0*math.Log1p(float64(len(outlets))) + // coverage
		0.8*math.Exp(-age/48) + // recency, over two days
		0.6*math.Min(1, float64(dip)/6) + // how diplomatic
		0.3*math.Min(1, float64(len(lead.Countries))/3) // how international
	return Story{ID: id, Headline: lead.Title, Countries: lead.Countries, Published: newest, Score: score}
}

// fillStory adds the summary, quote and links of a chosen story.
func (e *Engine) fillStory(s *Story, arts []sources.Article, f Request) {
	lead := arts[0]
	picks := summary.Multi([]summary.Doc{{Text: lead.Text, Published: lead.Published, Weight: 1}},
		summary.Options{Sentences: 2, MaxChars: 420, Now: lead.Published})
	for _, p := range picks {
		s.Summary = append(s.Summary, Sentence{Text: p.Sentence.Text, ArticleID: lead.ID, URL: lead.URL, Source: lead.Source})
	}
	cands := make([]candidate, len(arts))
	for i, a := range arts {
		cands[i] = candidate{art: a}
	}
	if qs := e.findQuotes(f, cands[:1], 1, "", s.Summary); len(qs) > 0 {
		s.Quote = &qs[0]
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Published.Before(arts[j].Published) })
	seen := map[string]bool{}
	for _, a := range arts {
		if seen[a.Source] {
			continue
		}
		seen[a.Source] = true
		s.Articles = append(s.Articles, refOf(a, 1))
	}
}
