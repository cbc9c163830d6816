package briefing

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"attache/briefing/quote"
	"attache/briefing/sentence"
	"attache/briefing/summary"
	"attache/sources/doc"
)

// maxSummaryChars bounds a brief's summary, so that it reads in a minute
// and fits a Discord embed with room to spare.
const maxSummaryChars = 1600

// Brief answers a request with a cited extractive summary, attributed
// quotes and the articles they come from. Nothing found is a *UserError.
func (e *Engine) Brief(ctx context.Context, req Request) (*Brief, error) {
	sel, err := e.selectArticles(ctx, req, storyLimit, distinctStoriesWanted(req))
	if err != nil {
		return nil, err
	}
	b := e.newBrief(req, sel)
	// The pair's trend and the stories' quotes do not depend on the
	// summary: they are found beside it.
	trend := e.startTrend(ctx, req, sel)
	found := e.startQuotes(sel.stories)
	n := req.MaxSentences
	if n <= 0 {
		n = e.sentences
	}
	b.Summary = e.summarize(req, sel.stories, n)
	nq := req.MaxQuotes
	if nq <= 0 {
		nq = e.quotes
	}
	b.Quotes = e.rankQuotes(req, sel.stories, <-found, nq, "", b.Summary)
	b.Articles = e.citedArticles(sel.stories, b)
	e.toneBrief(b, req, sel, (<-trend).line(len(b.Articles), len(req.Terms) > 0))
	noteSample(b)
	return b, nil
}

// sampleNote tells the reader that a brief draws on the bundled sample.
const sampleNote = "Sources marked (sample) are illustrative articles bundled with Attaché, not live news; add feeds to brief on real coverage."

func noteSample(b *Brief) {
	for _, a := range b.Articles {
		if a.Sample {
			b.Notes = append(b.Notes, sampleNote)
			return
		}
	}
}

// Quotes answers a request for what people said: about the request's
// countries, or (with Speaker) by one person. The Brief has no summary.
func (e *Engine) Quotes(ctx context.Context, req Request) (*Brief, error) {
	if req.Speaker != "" {
		// Clipped: the caller's Terms keep their backing array.
		req.Terms = append(slices.Clip(req.Terms), strings.Fields(strings.ToLower(req.Speaker))...)
	}
	sel, err := e.selectArticles(ctx, req, 2*storyLimit, distinctStoriesWanted(req))
	if err != nil {
		return nil, err
	}
	b := e.newBrief(req, sel)
	if req.Speaker != "" {
		b.Title = "Quotes by " + req.Speaker
	}
	nq := req.MaxQuotes
	if nq <= 0 {
		nq = 2 * e.quotes
	}
	b.Quotes = e.findQuotes(req, sel.stories, nq, req.Speaker, nil)
	if name := oneSpeaker(b.Quotes); req.Speaker != "" && name != "" {
		// The name as the articles give it, not as it was typed.
		b.Title = "Quotes by " + name
	}
	if len(b.Quotes) == 0 {
		if req.Speaker != "" {
			return nil, &UserError{Message: "I found articles that mention " + req.Speaker + ", but no quotation by them. Try `brief` for a summary instead."}
		}
		return nil, &UserError{Message: "I found articles on " + e.describe(req) + " but no quotation in them. Try `brief` for a summary instead."}
	}
	b.Articles = e.citedArticles(sel.stories, b)
	b.Articles = b.Articles[:citedCount(b)] // only the articles quoted
	noteSample(b)
	return b, nil
}

func (e *Engine) newBrief(req Request, sel selection) *Brief {
	return &Brief{
		Query: Query{Countries: nonNil(req.Countries), Terms: nonNil(req.Terms), Since: sel.since},
		Title: e.title(req),
		Notes: sel.notes,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// summarize picks the summary sentences across the selected stories.
func (e *Engine) summarize(req Request, stories []candidate, n int) []Sentence {
	if len(stories) == 0 {
		return nil
	}
	docs := make([]summary.Doc, len(stories))
	top := stories[0].score
	for i, c := range stories {
		w := 1.0
		if top > 0 {
			w = c.score / top
		}
		docs[i] = summary.Doc{Text: c.art.Text, Published: c.art.Published, Weight: w}
	}
	// How much each sentence is about the countries, from the readings
	// (the same sentences as Multi splits, read once at selection).
	covers := map[string]float64{}
	for _, c := range stories {
		if c.reading == nil || len(req.Countries) == 0 {
			continue
		}
		for i, s := range c.reading.Sentences() {
			covers[s.Text] = max(covers[s.Text], c.reading.Covers(i, req.Countries))
		}
	}
	focus := func(s string) float64 {
		f := 0.0
		if len(req.Countries) > 0 {
			var ok bool
			if f, ok = covers[s]; !ok {
				f = coverage(e.gaz.Tag(s, stories[0].art.Published), req.Countries)
			}
		}
		if len(req.Terms) > 0 {
			t := termCoverage(s, req.Terms)
			if len(req.Countries) == 0 {
				return t
			}
			f = 0.7*f + 0.3*t
		}
		return f
	}
	about := func(doc int, s sentence.Sentence) bool {
		rd := stories[doc].reading
		return rd == nil || rd.SentenceAbout(s.Index, req.Countries)
	}
	// With topic words, the sentences that hold them come first: a brief
	// on "uk eu rebate" that tells of the rebate, then of the pair.
	var picks []summary.Pick
	left, chars := n, maxSummaryChars
	if len(req.Terms) > 0 && len(req.Countries) > 0 {
		onTopic := func(doc int, s sentence.Sentence) bool {
			return about(doc, s) && termCoverage(s.Text, req.Terms) > 0
		}
		picks = summary.Multi(docs, summary.Options{Sentences: min(n, 3), MaxChars: chars, Focus: focus, Eligible: onTopic, Now: e.now()})
		left -= len(picks)
		for _, p := range picks {
			chars -= utf8.RuneCountInString(doc.Fold(p.Sentence.Text)) + 1
		}
		taken := map[[2]int]bool{}
		for _, p := range picks {
			taken[[2]int{p.Doc, p.Sentence.Index}] = true
		}
		rest := about
		about = func(doc int, s sentence.Sentence) bool { return rest(doc, s) && !taken[[2]int{doc, s.Index}] }
	}
	if left > 0 && chars > 0 {
		picks = append(picks, summary.Multi(docs, summary.Options{Sentences: left, MaxChars: chars, Focus: focus, Eligible: about, Now: e.now()})...)
	}
	out := make([]Sentence, 0, len(picks))
	for _, p := range picks {
		a := stories[p.Doc].art
		out = append(out, Sentence{Text: p.Sentence.Text, ArticleID: a.ID, URL: a.URL, Source: a.Source})
	}
	return out
}

// scoredQuote is a quote candidate for a brief.
type scoredQuote struct {
	Quote
	key   string // speaker, normalised, for the per-speaker cap
	score float64
}

// findQuotes finds the quotes of the selected stories and ranks them by
// relevance to the request, by who speaks, and by their article's rank;
// at most two per speaker. With speaker set, only that person's quotes.
// A quote whose words a summary sentence already shows is left out.
func (e *Engine) findQuotes(req Request, stories []candidate, limit int, speaker string, summary []Sentence) []Quote {
	return e.rankQuotes(req, stories, <-e.startQuotes(stories), limit, speaker, summary)
}

// startQuotes finds the quotes of each story, on as many cores as there
// are, and sends them in the stories' order.
func (e *Engine) startQuotes(stories []candidate) <-chan [][]quote.Quote {
	out := make(chan [][]quote.Quote, 1)
	go func() {
		found := make([][]quote.Quote, len(stories))
		parallel(len(stories), func(k int) {
			c := stories[k]
			found[k] = quote.FindWith(c.art.Text, quote.Options{Places: e.gaz, Date: c.art.Published})
		})
		out <- found
	}()
	return out
}

// rankQuotes is findQuotes over the quotes found in each story.
func (e *Engine) rankQuotes(req Request, stories []candidate, found [][]quote.Quote, limit int, speaker string, summary []Sentence) []Quote {
	var all []scoredQuote
	seenText := map[string]bool{}
	var inSummary []string
	for _, s := range summary {
		inSummary = append(inSummary, strings.ToLower(strings.Join(strings.Fields(s.Text), " ")))
	}
	for rank, c := range stories {
		for _, q := range found[rank] {
			if c.reading != nil && !c.reading.PassageNames(q.Start, req.Countries) {
				continue // a quote from a part of the article about something else
			}
			shown, ok := shownQuote(e.gaz, q, c.art.Text, c.art.Published)
			if !ok {
				continue // precision first: only speakers the text itself gives
			}
			if speaker != "" && !sameSpeaker(q.Speaker, speaker) {
				continue
			}
			text, who, role := shown.Text, shown.Speaker, shown.Role
			norm := strings.ToLower(text)
			if seenText[norm] || repeatsSummary(norm, inSummary) {
				continue // the same words carried by another outlet, or in the summary
			}
			seenText[norm] = true
			sq := scoredQuote{
				Quote: Quote{Text: text, Speaker: who, Role: role, Partial: q.Partial, ArticleID: c.art.ID, URL: c.art.URL, Source: c.art.Source},
				key:   speakerKey(who),
			}
			sq.score = 1.0 / float64(1+rank)
			if len(req.Countries) > 0 {
				sq.score += coverage(e.gaz.Tag(text+" "+role+" "+q.Speaker, c.art.Published), req.Countries)
			}
			sq.score += 0.5 * termCoverage(text, req.Terms)
			if role != "" {
				sq.score += 0.4 // an official speaking in a known capacity
			}
			if strings.Contains(q.Speaker, " ") && !strings.HasPrefix(strings.ToLower(q.Speaker), "a ") && !strings.HasPrefix(strings.ToLower(q.Speaker), "the ") {
				sq.score += 0.3 // a named person, not "a spokesman"
			}
			if q.Partial {
				sq.score -= 0.4
			}
			if n := utf8.RuneCountInString(text); n > 400 {
				sq.score -= 0.3
			}
			all = append(all, sq)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	perSpeaker := map[string]int{}
	maxPer := 2 // a brief hears several voices
	if speaker != "" {
		maxPer = limit // a request for one person's words
	}
	var out []Quote
	for _, q := range all {
		if len(out) == limit {
			break
		}
		if perSpeaker[q.key] >= maxPer {
			continue
		}
		perSpeaker[q.key]++
		out = append(out, q.Quote)
	}
	return out
}

// repeatsSummary reports whether a quote's words (lower case, spaces
// normalised) stand in a summary sentence, or a summary sentence in them.
func repeatsSummary(quote string, summary []string) bool {
	q := strings.TrimRight(quote, ".,;:!?…")
	for _, s := range summary {
		if strings.Contains(s, q) || len(s) > 40 && strings.Contains(q, strings.TrimRight(s, ".,;:!?…\"”")) {
			return true
		}
	}
	return false
}

// speakerKey folds a speaker to their surname, so that "Giorgia Meloni"
// and "Meloni" count as one person.
func speakerKey(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func sameSpeaker(found, asked string) bool {
	return speakerKey(found) == speakerKey(asked) || strings.Contains(strings.ToLower(found), strings.ToLower(asked))
}

// citedCount counts the distinct articles that the summary and quotes
// cite; citedArticles lists them first.
func citedCount(b *Brief) int {
	ids := map[int64]bool{}
	for _, s := range b.Summary {
		ids[s.ArticleID] = true
	}
	for _, q := range b.Quotes {
		ids[q.ArticleID] = true
	}
	return len(ids)
}

// citedArticles lists the stories the brief cites, in order of first
// citation, then the other selected stories.
func (e *Engine) citedArticles(stories []candidate, b *Brief) []ArticleRef {
	byID := map[int64]candidate{}
	for _, c := range stories {
		byID[c.art.ID] = c
	}
	var refs []ArticleRef
	seen := map[int64]bool{}
	add := func(id int64) {
		if c, ok := byID[id]; ok && !seen[id] {
			seen[id] = true
			refs = append(refs, refOf(c.art, max(1, len(c.outlets))))
		}
	}
	for _, s := range b.Summary {
		add(s.ArticleID)
	}
	for _, q := range b.Quotes {
		add(q.ArticleID)
	}
	for _, c := range stories {
		add(c.art.ID)
	}
	return refs
}

// oneSpeaker is the speaker every quote has, or "" when they differ (or
// there are none).
func oneSpeaker(qs []Quote) string {
	if len(qs) == 0 {
		return ""
	}
	for _, q := range qs[1:] {
		if q.Speaker != qs[0].Speaker {
			return ""
		}
	}
	return qs[0].Speaker
}
