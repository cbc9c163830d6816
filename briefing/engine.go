package briefing

import (
	"context"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attache/briefing/geo"
	"attache/sources"
)

// Corpus is what the briefing engine needs of the article store.
type Corpus interface {
	// ArticlesMentioning returns articles tagged with every code,
	// published within the window, newest first.
	ArticlesMentioning(ctx context.Context, codes []string, since, until time.Time, limit int) ([]sources.Article, error)
	// Search returns articles matching words and codes within the window.
	Search(ctx context.Context, q sources.Query) ([]sources.Article, error)
	// HasWord reports whether any article contains the word.
	HasWord(ctx context.Context, word string) (bool, error)
	// Empty reports whether the corpus holds no article at all.
	Empty(ctx context.Context) (bool, error)
	// StoryOutlets lists the outlets that carried each story.
	StoryOutlets(ctx context.Context, storyIDs []int64) (map[int64][]string, error)
	// ArticlesFetchedBetween returns the articles stored in (since,
	// until], oldest first, the newest limit of them, and how many there
	// were in all (for digests).
	ArticlesFetchedBetween(ctx context.Context, since, until time.Time, limit int) ([]sources.Article, int, error)
	// StoryFirstSeen says when each story's first article was stored.
	StoryFirstSeen(ctx context.Context, storyIDs []int64) (map[int64]time.Time, error)
	// HasOwnArticles reports whether the corpus holds an article that is
	// not part of the bundled sample.
	HasOwnArticles(ctx context.Context) (bool, error)
}

var _ Corpus = (sources.Store)(nil)

// Options tune an Engine; zero values take the defaults.
type Options struct {
	Window    time.Duration    // default time window (30 days)
	Sentences int              // summary sentences (6)
	Quotes    int              // quotes per brief (4)
	Now       func() time.Time // clock (time.Now)
	// Relevance is the aboutness rule; zero fields take the defaults.
	Relevance RelevanceRule
}

// Engine answers requests from a corpus: briefs, quotes, searches and
// digests. It is safe for concurrent use.
type Engine struct {
	corpus    Corpus
	gaz       *geo.Gazetteer
	now       func() time.Time
	window    time.Duration
	sentences int
	quotes    int
	rel       *Relevance
	pairs     *PairReader
	tones     *toneReader
}

// New returns an Engine over corpus with the gazetteer gaz.
func New(corpus Corpus, gaz *geo.Gazetteer, opt Options) *Engine {
	e := &Engine{corpus: corpus, gaz: gaz, now: opt.Now, window: opt.Window, sentences: opt.Sentences, quotes: opt.Quotes,
		rel: NewRelevance(gaz, opt.Relevance)}
	e.pairs = NewPairReader(gaz, opt.Relevance)
	e.tones = newToneReader(e.pairs)
	if e.now == nil {
		e.now = time.Now
	}
	if e.window <= 0 {
		e.window = 30 * 24 * time.Hour
	}
	if e.sentences <= 0 {
		e.sentences = 6
	}
	if e.quotes <= 0 {
		e.quotes = 4
	}
	return e
}

// PairReader is the engine's reader of articles for pairs of countries:
// the ingester stores what it reads (see PairReader.Reader), and the
// engine reads with it what the store has no reading of.
func (e *Engine) PairReader() *PairReader { return e.pairs }

// Gazetteer is the engine's gazetteer.
func (e *Engine) Gazetteer() *geo.Gazetteer { return e.gaz }

// Relevance is the engine's aboutness reader: whether an article, and
// which of its sentences, are about a set of countries.
func (e *Engine) Relevance() *Relevance { return e.rel }

// Search lists articles matching the request's countries and terms within
// its window (all time when it has none), newest first; the bundled sample
// is left out once the corpus has articles of its own, unless asked.
func (e *Engine) Search(ctx context.Context, req Request, limit int) ([]ArticleRef, error) {
	if limit <= 0 {
		limit = 10
	}
	noSample, err := e.leaveSampleOut(ctx, req)
	if err != nil {
		return nil, err
	}
	arts, err := e.corpus.Search(ctx, sources.Query{Countries: req.Countries, Words: searchWords(req.Terms), Since: req.Since, Until: req.Until, Limit: limit, NoSample: noSample})
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		msg := "No article matches " + e.describe(req) + ". Try fewer words or a wider window (`since 1y`)."
		if noSample {
			msg += " (The bundled sample corpus is left out now that the store has articles of its own.)"
		}
		return nil, &UserError{Message: msg}
	}
	refs := make([]ArticleRef, len(arts))
	for i, a := range arts {
		refs[i] = refOf(a, 1)
	}
	return refs, nil
}

// Complete suggests country and body names for autocomplete: names that
// start with prefix first, then names that contain it.
func (e *Engine) Complete(prefix string, limit int) []Choice {
	if limit <= 0 {
		limit = 25
	}
	p := strings.ToLower(strings.TrimSpace(prefix))
	var starts, contains []Choice
	for _, c := range e.gaz.Names() {
		name := strings.ToLower(c.Name)
		switch {
		case strings.HasPrefix(name, p):
			starts = append(starts, Choice{Name: c.Name, Value: c.Name})
		case p != "" && strings.Contains(name, p):
			contains = append(contains, Choice{Name: c.Name, Value: c.Name})
		}
	}
	out := append(starts, contains...)
	if len(out) == 0 && p != "" {
		for _, s := range e.gaz.Suggest(p, limit) {
			out = append(out, Choice{Name: s, Value: s})
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// errEmptyCorpus is the answer to any request when there is nothing to
// read yet.
var errEmptyCorpus = &UserError{Message: "The corpus is empty: there is nothing to brief you from yet. Add feeds (`attache feeds add URL`, or `/feeds add` in Discord) or files (`attache ingest PATH`), or turn the bundled sample corpus back on (sample_corpus: true)."}

// checkEmpty returns errEmptyCorpus when the corpus has no article.
func (e *Engine) checkEmpty(ctx context.Context) error {
	empty, err := e.corpus.Empty(ctx)
	if err != nil {
		return err
	}
	if empty {
		return errEmptyCorpus
	}
	return nil
}

// describe says in words what a request asked for.
func (e *Engine) describe(req Request) string {
	var parts []string
	if len(req.Countries) > 0 {
		if len(req.Countries) > 1 {
			parts = append(parts, "both "+countryNamesInSentence(e.gaz, req.Countries))
		} else {
			parts = append(parts, countryNamesInSentence(e.gaz, req.Countries))
		}
	}
	if len(req.Terms) > 0 {
		parts = append(parts, "“"+strings.Join(req.Terms, " ")+"”")
	}
	if req.Speaker != "" {
		parts = append(parts, "quotes by "+req.Speaker)
	}
	s := strings.Join(parts, " with ")
	if !req.Since.IsZero() {
		s += " since " + req.Since.Format("2 Jan 2006")
	}
	return s
}

func refOf(a sources.Article, outlets int) ArticleRef {
	return ArticleRef{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published, Outlets: outlets, Sample: a.Sample, StoryID: a.StoryID}
}

// title names a request: "Japan and Italy", "G7: summit".
func (e *Engine) title(req Request) string {
	t := countryNames(e.gaz, req.Countries)
	if len(req.Terms) > 0 {
		terms := strings.Join(req.Terms, " ")
		if t == "" {
			if terms == "" {
				return ""
			}
			r, size := utf8.DecodeRuneInString(terms)
			return string(unicode.ToUpper(r)) + terms[size:]
		}
		t += ": " + terms
	}
	return t
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
