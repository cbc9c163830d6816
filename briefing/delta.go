package briefing

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"attache/briefing/tone"
	"attache/sources"
)

// ToneTag is a story's tone for a pair with its evidence: the sentence,
// verbatim, and the words in it that decided.
type ToneTag struct {
	Class    string `json:"class"`
	Actor    string `json:"actor,omitempty"`
	Target   string `json:"target,omitempty"`
	Evidence string `json:"evidence,omitempty"`
	Cue      string `json:"cue,omitempty"`
}

// toneTagOf is the tag shown for a story's tone: its class, and for a
// tone other than neither who acts on whom and the sentence and words that
// decided it.
func toneTagOf(st tone.StoryTone) *ToneTag {
	tag := &ToneTag{Class: st.Class.String()}
	if st.Class != tone.Neither {
		tag.Actor, tag.Target = st.Evidence.Actor, st.Evidence.Target
		tag.Evidence = strings.Join(strings.Fields(st.Evidence.Sentence), " ")
		tag.Cue = st.Evidence.Cue
	}
	return tag
}

// toneBrief tags each story of a brief on two countries with its tone for
// the pair, says which way the brief leans, and adds the pair's trend over
// the year to the brief's end.
func (e *Engine) toneBrief(b *Brief, req Request, sel selection, trend string) {
	if len(req.Countries) != 2 {
		return
	}
	pair := [2]string{req.Countries[0], req.Countries[1]}
	byID := map[int64]toneRead{}
	for _, c := range sel.stories {
		byID[c.art.ID] = e.storyTone(c, pair)
	}
	var classes []tone.Class
	for i := range b.Articles {
		r, ok := byID[b.Articles[i].ID]
		if !ok || r.strength == 0 {
			continue
		}
		st := r.st
		tag := toneTagOf(st)
		if st.Class != tone.Neither {
			classes = append(classes, st.Class)
		}
		b.Articles[i].Tone = tag
	}
	if c := leaning(classes); c != tone.Neither {
		b.Tone = c.String()
	}
	b.Trend = trend
}

// pairTrend is the pair's trend line over its timeline's window and how
// many stories that timeline holds.
type pairTrend struct {
	text    string
	stories int
}

// line is the trend as a brief of shown stories prints it: when the
// timeline holds other stories than the brief (a brief shows its best
// few, or only those on its topic words), the line says it reads all of
// them, so that its dates and counts do not seem to contradict the
// brief's own.
func (p pairTrend) line(shown int, topic bool) string {
	if p.text == "" || !topic && p.stories <= shown {
		return p.text
	}
	return "across all " + strconv.Itoa(p.stories) + " of their stories, " + p.text
}

// startTrend draws the pair's trend for a brief on two countries, beside
// the brief, and sends it (no text for none): over a year, or over the
// brief's own window when it reaches further back.
func (e *Engine) startTrend(ctx context.Context, req Request, sel selection) <-chan pairTrend {
	out := make(chan pairTrend, 1)
	if len(req.Countries) != 2 {
		out <- pairTrend{}
		return out
	}
	from := e.now().Add(-DefaultTimelineWindow)
	if !sel.since.IsZero() && sel.since.Before(from) {
		from = sel.since
	}
	go func() {
		t, err := e.timelineOf(ctx, Request{Countries: req.Countries, Since: from, Until: req.Until, Sample: req.Sample}, "", &sel.noSample, true)
		if err != nil || t.Trend == "" {
			out <- pairTrend{}
			return
		}
		out <- pairTrend{text: t.Trend, stories: t.Totals.Total()}
	}()
	return out
}

// leaning is the class most of the stories carry; between classes with
// as many, the one met first.
func leaning(cs []tone.Class) tone.Class {
	var n [len(tone.Classes)]int
	for _, c := range cs {
		n[c]++
	}
	best := tone.Neither
	for _, c := range cs {
		if best == tone.Neither || n[c] > n[best] {
			best = c
		}
	}
	return best
}

// LastBrief is what a reader's last brief on the same request held.
type LastBrief struct {
	At      time.Time
	Stories []int64 // story ids
	Tone    string  // which way it leaned (a tone class), or ""
}

// RequestKey names a request the same way every time it is asked, for
// remembering what a reader's last brief on it held: the countries and
// the topic words, sorted.
func RequestKey(req Request) string {
	cs := sortedCopy(req.Countries)
	ts := make([]string, len(req.Terms))
	for i, t := range req.Terms {
		ts[i] = strings.ToLower(t)
	}
	slices.Sort(ts)
	key := strings.Join(cs, ",")
	if len(ts) > 0 {
		key += " " + strings.Join(ts, " ")
	}
	return key
}

// SinceLast compares a brief with the reader's last brief on the same
// request: the stories that brief did not hold and that reached the
// corpus since (in the same second or later) are marked New, and Delta says how many there are and
// whether the tone turned.
func (e *Engine) SinceLast(ctx context.Context, b *Brief, last LastBrief) error {
	seen := map[int64]bool{}
	for _, id := range last.Stories {
		seen[id] = true
	}
	var ids []int64
	for _, a := range b.Articles {
		if !seen[a.StoryID] && a.StoryID != 0 {
			ids = append(ids, a.StoryID)
		}
	}
	first, err := e.corpus.StoryFirstSeen(ctx, ids)
	if err != nil {
		return fmt.Errorf("briefing: since the last brief: %w", err)
	}
	n := 0
	for i := range b.Articles {
		a := &b.Articles[i]
		if at, ok := first[a.StoryID]; ok && !seen[a.StoryID] && !at.Before(last.At) {
			a.New = true
			n++
		}
	}
	b.Delta = deltaLine(n, last, b.Tone, e.now())
	return nil
}

// deltaLine is the one line that opens a brief or digest read again: how
// many stories are new since the last one, and how the tone turned.
func deltaLine(n int, last LastBrief, toneNow string, now time.Time) string {
	when := last.At.UTC().Format("2 Jan")
	if last.At.Year() != now.Year() {
		when = last.At.UTC().Format("2 Jan 2006")
	}
	var d strings.Builder
	if n == 0 {
		d.WriteString("nothing new since " + when)
	} else {
		d.WriteString(plural(n, "new story", "new stories") + " since " + when)
	}
	if last.Tone != "" && toneNow != "" && last.Tone != toneNow {
		from, _ := tone.ParseClass(last.Tone)
		to, _ := tone.ParseClass(toneNow)
		fmt.Fprintf(&d, "; tone turned from %s to %s", from.Words(), to.Words())
	}
	return d.String()
}

// OnlyNew keeps of a brief what is new since the reader's last one: the
// articles marked New, and the summary sentences and quotes drawn from
// them. SinceLast marks them first.
func OnlyNew(b *Brief) *Brief {
	out := *b
	fresh := map[int64]bool{}
	out.Articles = nil
	for _, a := range b.Articles {
		if a.New {
			fresh[a.ID] = true
			out.Articles = append(out.Articles, a)
		}
	}
	out.Summary = nil
	for _, s := range b.Summary {
		if fresh[s.ArticleID] {
			out.Summary = append(out.Summary, s)
		}
	}
	out.Quotes = nil
	for _, q := range b.Quotes {
		if fresh[q.ArticleID] {
			out.Quotes = append(out.Quotes, q)
		}
	}
	if len(out.Articles) == 0 {
		out.Notes = append(slices.Clip(out.Notes), "Nothing is new since your last brief on this.")
	}
	return &out
}

// Remember is what to keep of a brief for the reader's next one: the
// stories shown now and those shown before, and the tone now.
func Remember(b *Brief, last LastBrief, at time.Time) LastBrief {
	ids := slices.Clone(last.Stories)
	for _, a := range b.Articles {
		if a.StoryID != 0 {
			ids = append(ids, a.StoryID)
		}
	}
	slices.Sort(ids)
	return LastBrief{At: at, Stories: slices.Compact(ids), Tone: b.Tone}
}

// Memory is what BriefFor needs of the store: each reader's last brief on
// a request (sources.MemoryStore).
type Memory interface {
	LastBrief(ctx context.Context, owner, request string) (sources.BriefMemory, bool, error)
	RememberBrief(ctx context.Context, m sources.BriefMemory) error
	ForgetBriefsBefore(ctx context.Context, t time.Time) (int, error)
}

// BriefFor answers a request for one reader (owner: "discord:user:ID",
// "local:NAME") who is remembered for keep: the brief marks the stories
// new since the reader's last brief on the same request and says what
// changed (Delta); with onlyNew it holds only those. What the brief held
// is then remembered, and memories older than keep are forgotten. A
// failure of the memory does not lose the brief: it comes back with the
// error (memErr) for the caller to log.
func (e *Engine) BriefFor(ctx context.Context, req Request, mem Memory, owner string, keep time.Duration, onlyNew bool) (b *Brief, memErr error, err error) {
	b, err = e.Brief(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	if mem == nil || keep <= 0 {
		if onlyNew {
			b.Notes = append(b.Notes, "Nothing is remembered between briefs here, so nothing can be told apart as new.")
		}
		return b, nil, nil
	}
	now := e.now()
	if _, err := mem.ForgetBriefsBefore(ctx, now.Add(-keep)); err != nil {
		return b, err, nil
	}
	key := RequestKey(req)
	m, ok, err := mem.LastBrief(ctx, owner, key)
	if err != nil {
		return b, err, nil
	}
	last := LastBrief{At: m.At, Stories: m.Stories, Tone: m.Tone}
	shown := b
	if ok {
		if err := e.SinceLast(ctx, b, last); err != nil {
			return b, err, nil
		}
		if onlyNew {
			shown = OnlyNew(b)
		}
	} else if onlyNew {
		b.Notes = append(b.Notes, "This is your first brief on this, so all of it is new.")
	}
	r := Remember(shown, last, now)
	if err := mem.RememberBrief(ctx, sources.BriefMemory{Owner: owner, Request: key, At: r.At, Stories: r.Stories, Tone: b.Tone}); err != nil {
		return shown, err, nil
	}
	return shown, nil, nil
}
