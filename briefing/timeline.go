package briefing

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"attache/briefing/tone"
	"attache/sources"
)

// Timeline is a pair's stories over time, period by period, each story
// tagged cooperation or conflict (GDELT's four quad classes, or neither)
// by the sentences of it that are about the pair.
type Timeline struct {
	Query Query     `json:"query"`
	Title string    `json:"title"`
	By    string    `json:"by"` // "week" or "month"
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
	// Periods run from Since to Until, empty ones included.
	Periods []Period `json:"periods"`
	// Turns are the periods where the balance flips between cooperation
	// and conflict.
	Turns []Turn `json:"turning_points"`
	// Trend is the one line a brief opens with: "mostly cooperation,
	// cooling since March: 3 conflict stories in 4 weeks".
	Trend  string     `json:"trend"`
	Totals ToneCounts `json:"totals"`
	Notes  []string   `json:"notes,omitempty"`
}

// ToneCounts counts stories by tone.
type ToneCounts struct {
	Neither             int `json:"neither"`
	VerbalCooperation   int `json:"verbal_cooperation"`
	MaterialCooperation int `json:"material_cooperation"`
	VerbalConflict      int `json:"verbal_conflict"`
	MaterialConflict    int `json:"material_conflict"`
}

// Add counts one story of class c.
func (tc *ToneCounts) Add(c tone.Class) {
	switch c {
	case tone.VerbalCooperation:
		tc.VerbalCooperation++
	case tone.MaterialCooperation:
		tc.MaterialCooperation++
	case tone.VerbalConflict:
		tc.VerbalConflict++
	case tone.MaterialConflict:
		tc.MaterialConflict++
	default:
		tc.Neither++
	}
}

// Of returns the count of class c.
func (tc ToneCounts) Of(c tone.Class) int {
	return [...]int{tc.Neither, tc.VerbalCooperation, tc.MaterialCooperation, tc.VerbalConflict, tc.MaterialConflict}[c]
}

// Cooperation counts the stories of either cooperation class.
func (tc ToneCounts) Cooperation() int { return tc.VerbalCooperation + tc.MaterialCooperation }

// Conflict counts the stories of either conflict class.
func (tc ToneCounts) Conflict() int { return tc.VerbalConflict + tc.MaterialConflict }

// Total counts every story.
func (tc ToneCounts) Total() int { return tc.Neither + tc.Cooperation() + tc.Conflict() }

// Period is one week or month of a timeline.
type Period struct {
	Start   time.Time  `json:"start"`
	End     time.Time  `json:"end"` // exclusive
	Label   string     `json:"label"`
	Stories ToneCounts `json:"stories"`
	// Balance is (cooperation − conflict) / (cooperation + conflict), in
	// [-1, 1]; 0 when the period has neither.
	Balance float64 `json:"balance"`
	// Lead is the period's most prominent story, with its citation.
	Lead *TimelineStory `json:"lead,omitempty"`
}

// Side says which way a period leans: "cooperation", "conflict" or "".
func (p Period) Side() string {
	switch {
	case p.Stories.Cooperation() > p.Stories.Conflict():
		return "cooperation"
	case p.Stories.Conflict() > p.Stories.Cooperation():
		return "conflict"
	}
	return ""
}

// TimelineStory is a story on a timeline: its article, its tone and the
// sentence that carries the tone (verbatim, with the words that decided
// it), so that every tag a person sees can be checked.
type TimelineStory struct {
	ArticleID int64     `json:"article_id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Outlets   int       `json:"outlets,omitempty"`
	Sample    bool      `json:"sample,omitempty"`
	Tone      string    `json:"tone"`
	// Actor and Target say who acts on whom, where the sentence says it.
	Actor  string `json:"actor,omitempty"`
	Target string `json:"target,omitempty"`
	// Evidence is the sentence, Cue the words in it that decided.
	Evidence string `json:"evidence,omitempty"`
	Cue      string `json:"cue,omitempty"`
	// Sentences counts the story's sentences about the pair by tone.
	Sentences ToneCounts `json:"sentences"`
}

// Class is the story's tone.
func (s *TimelineStory) Class() tone.Class {
	c, _ := tone.ParseClass(s.Tone)
	return c
}

// Turn is a period where the balance flips.
type Turn struct {
	Label string         `json:"label"`
	Start time.Time      `json:"start"`
	From  string         `json:"from"` // "cooperation" or "conflict"
	To    string         `json:"to"`
	Story *TimelineStory `json:"story,omitempty"`
}

// Timeline periods.
const (
	ByWeek  = "week"
	ByMonth = "month"
)

// DefaultTimelineWindow is the window of a timeline when the request has
// none: a year.
const DefaultTimelineWindow = 365 * 24 * time.Hour

// timelineLimit bounds the articles a timeline reads.
const timelineLimit = 5000

// Timeline answers a request for a pair's timeline: the stories about
// both countries in the window (a year unless the request says), by week
// or month ("" picks week for windows up to half a year), each story
// tagged by tone.
func (e *Engine) Timeline(ctx context.Context, req Request, by string) (*Timeline, error) {
	return e.timelineOf(ctx, req, by, nil, false)
}

// timelineOf is Timeline; noSample, when given, says whether the sample
// is left out (leaveSampleOut), so that a brief that knows it need not
// ask the store again. countsOnly asks for a timeline good for its counts,
// turns and trend only: the stories the store's readings give keep their
// tone class, date and story but neither their text (no title, URL or
// evidence) nor their outlets, which a store that keeps readings serves
// at a fraction of the cost.
func (e *Engine) timelineOf(ctx context.Context, req Request, by string, noSample *bool, countsOnly bool) (*Timeline, error) {
	if len(req.Countries) != 2 {
		return nil, &UserError{Message: "A timeline is about two countries, e.g. `timeline japan italy` or `/timeline japan italy`."}
	}
	until := req.Until
	if until.IsZero() {
		until = e.now()
	}
	since := req.Since
	if since.IsZero() {
		since = until.Add(-DefaultTimelineWindow)
	}
	if by == "" {
		by = ByMonth
		if until.Sub(since) <= 183*24*time.Hour {
			by = ByWeek
		}
	}
	if by != ByWeek && by != ByMonth {
		return nil, &UserError{Message: fmt.Sprintf("A timeline goes by week or by month, not by %q.", by)}
	}
	if noSample == nil {
		leave, err := e.leaveSampleOut(ctx, req)
		if err != nil {
			return nil, err
		}
		noSample = &leave
	}
	items, capped, err := e.pairItems(ctx, [2]string{req.Countries[0], req.Countries[1]}, since, until, *noSample, countsOnly)
	if err != nil {
		return nil, err
	}
	stories := timelineStories(items)
	t := &Timeline{
		Query: Query{Countries: req.Countries, Terms: []string{}, Since: since},
		Title: e.title(Request{Countries: req.Countries}), By: by, Since: since, Until: until,
	}
	t.Periods = periods(since, until, by)
	for _, s := range stories {
		k := periodIndex(t.Periods, s.Published)
		if k < 0 {
			continue
		}
		p := &t.Periods[k]
		c := s.Class()
		p.Stories.Add(c)
		t.Totals.Add(c)
		if p.Lead == nil || leads(s, p.Lead) {
			p.Lead = s.story()
		}
	}
	for i := range t.Periods {
		p := &t.Periods[i]
		if n := p.Stories.Cooperation() + p.Stories.Conflict(); n > 0 {
			p.Balance = float64(p.Stories.Cooperation()-p.Stories.Conflict()) / float64(n)
		}
	}
	t.Turns = turns(t.Periods)
	t.Trend = trend(t, stories, until)
	if len(stories) == 0 {
		t.Notes = append(t.Notes, "No story in the window is about "+t.Title+"; try a wider window (--since 3y).")
	}
	if capped {
		t.Notes = append(t.Notes, fmt.Sprintf("Only the newest %d articles about both were read.", timelineLimit))
	}
	return t, nil
}

// toned is a story read for a timeline.
type toned struct {
	TimelineStory
	strength float64
}

func (s *toned) story() *TimelineStory { c := s.TimelineStory; return &c }

// leads tells whether s makes a better lead than the current one: a
// story with a tone over one without, a deed over words, then the one
// more outlets carried, then the newer.
func leads(s *toned, cur *TimelineStory) bool {
	sc, cc := s.Class() != tone.Neither, cur.Class() != tone.Neither
	if sc != cc {
		return sc
	}
	if sm, cm := s.Class().Material(), cur.Class().Material(); sm != cm {
		return sm
	}
	if s.Outlets != cur.Outlets {
		return s.Outlets > cur.Outlets
	}
	return s.Published.After(cur.Published)
}

// pairItem is an article read for a pair: what a timeline counts of it
// (its id, story, date, outlet, how much it is about the pair and its
// tone) and, unless the store gave only that, the article and its whole
// reading.
type pairItem struct {
	head  sources.ReadingHead // Head aside: class holds the tone
	class tone.Class
	full  *readArticle
}

// readArticle is an article with its whole reading for a pair.
type readArticle struct {
	a  sources.Article
	st tone.StoryTone
}

func fullItem(a sources.Article, r toneRead) pairItem {
	return pairItem{
		head:  sources.ReadingHead{ArticleID: a.ID, StoryID: a.StoryID, Published: a.Published, Sample: a.Sample, Strength: r.strength},
		class: r.st.Class,
		full:  &readArticle{a: a, st: r.st},
	}
}

// pairItems returns the articles about the pair published in [since,
// until], each read for the pair: from the readings the store keeps when
// it keeps them, reading itself only the articles it has no reading of
// by these rules; otherwise from every article naming both. capped says
// that the window held more than timelineLimit. countsOnly asks the store
// for the readings' heads alone (sources.ReadingStore.PairHeads): the
// items it read then have no article or reading, their tone class alone,
// and their stories no outlets.
func (e *Engine) pairItems(ctx context.Context, pair [2]string, since, until time.Time, noSample, countsOnly bool) (items []pairItem, capped bool, err error) {
	pr, ok := e.corpus.(pairReadings)
	var arts []sources.Article
	if ok {
		q := sources.ReadingQuery{Pair: pair, Since: since, Until: until, NoSample: noSample, Version: e.pairs.Version(), Limit: timelineLimit}
		var unread []int64
		if countsOnly {
			var heads []sources.ReadingHead
			if heads, unread, err = pr.PairHeads(ctx, q); err != nil {
				return nil, false, err
			}
			capped = len(heads) == timelineLimit || len(unread) == timelineLimit
			items = make([]pairItem, 0, len(heads)+len(unread))
			for _, h := range heads {
				if int(h.Head) >= len(tone.Classes) {
					unread = append(unread, h.ArticleID) // read it afresh
					continue
				}
				items = append(items, pairItem{head: h, class: tone.Class(h.Head)})
			}
		} else {
			var read []sources.StoredReading
			if read, unread, err = pr.PairReadings(ctx, q); err != nil {
				return nil, false, err
			}
			capped = len(read) == timelineLimit || len(unread) == timelineLimit
			items = make([]pairItem, 0, len(read)+len(unread))
			for _, r := range read {
				st, err := decodeTone(r.Data)
				if err != nil {
					unread = append(unread, r.Article.ID) // read it afresh
					continue
				}
				items = append(items, fullItem(r.Article, toneRead{st: st, strength: r.Strength}))
			}
		}
		if len(unread) > 0 {
			if arts, err = pr.ArticlesByID(ctx, unread); err != nil {
				return nil, false, err
			}
		}
	} else {
		if arts, err = e.corpus.Search(ctx, sources.Query{Countries: pair[:], Since: since, Until: until, Limit: timelineLimit, NoSample: noSample}); err != nil {
			return nil, false, err
		}
		capped = len(arts) == timelineLimit
	}
	if noSample {
		arts = slices.DeleteFunc(arts, func(a sources.Article) bool { return a.Sample })
	}
	for k, r := range e.readAll(arts, pair) {
		if r.strength > 0 {
			items = append(items, fullItem(arts[k], r))
		}
	}
	// Newest first, however they were read: of two articles of a story
	// equally about the pair, the same one leads.
	slices.SortFunc(items, func(x, y pairItem) int { return cmp.Compare(y.head.ArticleID, x.head.ArticleID) })
	return items, capped, nil
}

// pairReadings is what a timeline needs of a store that keeps readings
// (sources.ReadingStore).
type pairReadings interface {
	PairReadings(ctx context.Context, q sources.ReadingQuery) ([]sources.StoredReading, []int64, error)
	PairHeads(ctx context.Context, q sources.ReadingQuery) ([]sources.ReadingHead, []int64, error)
	ArticlesByID(ctx context.Context, ids []int64) ([]sources.Article, error)
}

var _ pairReadings = (sources.Store)(nil)

// timelineStories keeps one item per story: the article most about the
// pair, dated by the story's first article, with the outlets that carried
// the story.
func timelineStories(items []pairItem) []*toned {
	type group struct {
		best    *pairItem
		first   time.Time
		outlets []string // few: a linear look is cheaper than a map
		// (none known of items the store gave the head of alone)
	}
	index := make(map[int64]int, len(items))
	groups := make([]group, 0, len(items))
	for i := range items {
		it := &items[i]
		h := &it.head
		sid := h.StoryID
		if sid == 0 {
			sid = -h.ArticleID
		}
		k, ok := index[sid]
		if !ok {
			k = len(groups)
			index[sid] = k
			groups = append(groups, group{first: h.Published})
		}
		g := &groups[k]
		if it.full != nil && !slices.Contains(g.outlets, it.full.a.Source) {
			g.outlets = append(g.outlets, it.full.a.Source)
		}
		if h.Published.Before(g.first) {
			g.first = h.Published
		}
		cur := g.best
		if cur == nil || h.Strength > cur.head.Strength || h.Strength == cur.head.Strength && it.class != tone.Neither && cur.class == tone.Neither {
			g.best = it
		}
	}
	out := make([]*toned, len(groups))
	for k, g := range groups {
		b := g.best
		s := &toned{strength: b.head.Strength}
		if b.full != nil {
			s.TimelineStory = storyOf(b.full.a, b.full.st)
		} else {
			s.TimelineStory = TimelineStory{ArticleID: b.head.ArticleID, Sample: b.head.Sample, Tone: b.class.String()}
		}
		s.Outlets = len(g.outlets)
		s.Published = g.first
		out[k] = s
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

// readAll reads the articles for the pair, on as many cores as there
// are: an article not read before is split into sentences, tagged with
// countries and its sentences about the pair with tone.
func (e *Engine) readAll(arts []sources.Article, pair [2]string) []toneRead {
	out := make([]toneRead, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts))
	if workers <= 1 {
		for k, a := range arts {
			out[k] = e.tones.read(a, pair)
		}
		return out
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				out[k] = e.tones.read(arts[k], pair)
			}
		}()
	}
	for k := range arts {
		next <- k
	}
	close(next)
	wg.Wait()
	return out
}

func storyOf(a sources.Article, st tone.StoryTone) TimelineStory {
	s := TimelineStory{ArticleID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published, Sample: a.Sample, Tone: st.Class.String()}
	for _, c := range tone.Classes {
		for k := 0; k < st.Counts[c]; k++ {
			s.Sentences.Add(c)
		}
	}
	if st.Class != tone.Neither {
		s.Actor, s.Target = st.Evidence.Actor, st.Evidence.Target
		s.Evidence = strings.Join(strings.Fields(st.Evidence.Sentence), " ")
		s.Cue = st.Evidence.Cue
	}
	return s
}

// periods cuts [since, until] into weeks (Monday to Monday, UTC) or
// calendar months.
func periods(since, until time.Time, by string) []Period {
	since, until = since.UTC(), until.UTC()
	start := time.Date(since.Year(), since.Month(), since.Day(), 0, 0, 0, 0, time.UTC)
	if by == ByMonth {
		start = time.Date(since.Year(), since.Month(), 1, 0, 0, 0, 0, time.UTC)
	} else {
		start = start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
	}
	var out []Period
	for s := start; !s.After(until); {
		var end time.Time
		var label string
		if by == ByMonth {
			end = s.AddDate(0, 1, 0)
			label = s.Format("Jan 2006")
		} else {
			end = s.AddDate(0, 0, 7)
			label = s.Format("2 Jan 2006")
		}
		out = append(out, Period{Start: s, End: end, Label: label})
		s = end
	}
	return out
}

func periodIndex(ps []Period, at time.Time) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End.After(at) })
	if i < len(ps) && !at.Before(ps[i].Start) {
		return i
	}
	return -1
}

// turns lists the periods where the side a period leans to changes from
// the last period that leaned one way.
func turns(ps []Period) []Turn {
	var out []Turn
	last := ""
	for _, p := range ps {
		side := p.Side()
		if side == "" {
			continue
		}
		if last != "" && side != last {
			out = append(out, Turn{Label: p.Label, Start: p.Start, From: last, To: side, Story: p.Lead})
		}
		last = side
	}
	return out
}

// fewToned is the number of cooperation and conflict stories below which
// the trend line gives counts instead of a leaning ("mostly cooperation"
// from one story says more than the story does).
const fewToned = 3

// latestStory is the publication time of the newest story not after until.
func latestStory(stories []*toned, until time.Time) time.Time {
	var latest time.Time
	for _, s := range stories {
		if !s.Published.After(until) && s.Published.After(latest) {
			latest = s.Published
		}
	}
	return latest
}

// recentSpan is the stretch the trend line counts recent stories over.
const recentSpan = 28 * 24 * time.Hour

// trend writes the one-line reading of a timeline: how the pair leans
// over the window, whether it turned, and the recent stories of the side
// it leans to now.
func trend(t *Timeline, stories []*toned, until time.Time) string {
	coop, conf := t.Totals.Cooperation(), t.Totals.Conflict()
	if coop+conf == 0 {
		if t.Totals.Neither == 0 {
			return ""
		}
		return "no cooperation or conflict in " + plural(t.Totals.Neither, "story", "stories")
	}
	var b strings.Builder
	share := float64(coop) / float64(coop+conf)
	side := "cooperation"
	switch {
	case coop+conf < fewToned:
		// Too few stories for "mostly": give the counts.
		var parts []string
		if coop > 0 {
			parts = append(parts, plural(coop, "cooperation story", "cooperation stories"))
		}
		if conf > 0 {
			parts = append(parts, plural(conf, "conflict story", "conflict stories"))
		}
		b.WriteString(strings.Join(parts, " and "))
		if latest := latestStory(stories, until); !latest.IsZero() {
			b.WriteString("; the latest " + latest.Format("2 Jan 2006"))
		}
		return b.String()
	case share >= 0.65:
		b.WriteString("mostly cooperation")
	case share <= 0.35:
		b.WriteString("mostly conflict")
		side = "conflict"
	default:
		b.WriteString("mixed")
		if conf > coop {
			side = "conflict"
		}
	}
	if n := len(t.Turns); n > 0 {
		last := t.Turns[n-1]
		when := last.Start.Format("January")
		switch {
		case t.By == ByWeek && last.Start.Year() == until.Year():
			when = last.Start.Format("2 January")
		case t.By == ByWeek:
			when = last.Start.Format("2 January 2006")
		case last.Start.Year() != until.Year():
			when = last.Start.Format("January 2006")
		}
		if last.To == "conflict" {
			b.WriteString(", cooling since " + when)
		} else {
			b.WriteString(", warming since " + when)
		}
		side = last.To
	}
	recent, inSpan := 0, 0
	latest := latestStory(stories, until)
	for _, s := range stories {
		if s.Published.After(until.Add(-recentSpan)) && !s.Published.After(until) {
			inSpan++
			c := s.Class()
			if side == "conflict" && c.Conflict() || side == "cooperation" && c.Cooperation() {
				recent++
			}
		}
	}
	switch {
	case inSpan == 0 && !latest.IsZero():
		// Nothing at all in the last four weeks: "no cooperation story"
		// would read as a change of tone, so say how old the latest is.
		b.WriteString("; the latest story " + latest.Format("2 Jan 2006"))
	case recent == 0:
		b.WriteString("; no " + side + " story in the last 4 weeks")
	default:
		b.WriteString(": " + plural(recent, side+" story", side+" stories") + " in 4 weeks")
	}
	return b.String()
}
