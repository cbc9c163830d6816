package eval

import (
	"slices"
	"sort"
	"time"
)

// BriefQuery is one query of the Reuters brief set
// (../shared/eval/reuters-dev-queries.json): the words a person would
// type, the Reuters place names they stand for, and how many stories are
// labelled with all of them.
type BriefQuery struct {
	QID      string   `json:"qid"`
	Kind     string   `json:"kind"` // "pair", "absent" or "single"
	Places   []string `json:"places"`
	Words    []string `json:"words"`
	GoldBoth int      `json:"gold_both"`
}

// BriefShown is what one brief showed, by article URL: the articles it
// listed, the article of each summary sentence and of each quote. An
// answer without a brief (nothing found, nothing about the query) has
// none.
type BriefShown struct {
	Listed    []string
	Sentences []string
	Quotes    []string
	Latency   time.Duration
}

// BriefCounts are the counts behind the brief figures; they add up over
// queries, so a fold's figure is the sum of its queries' counts.
type BriefCounts struct {
	Briefs         int // queries
	Answered       int // queries that got at least one summary sentence
	Full           int // queries that got at least three summary sentences
	Listed         int // articles listed
	ListedRight    int // ... whose labels hold every asked place
	Cited          int // distinct articles cited by a sentence or a quote
	CitedRight     int
	Sentences      int
	SentencesRight int
	Quotes         int
	QuotesRight    int
	// Per brief: the sum of each answered brief's article precision, for
	// the macro average that briefs.py also prints.
	ListedPrecisionSum float64
	ListedBriefs       int
}

// Add adds o to c.
func (c *BriefCounts) Add(o BriefCounts) {
	c.Briefs += o.Briefs
	c.Answered += o.Answered
	c.Full += o.Full
	c.Listed += o.Listed
	c.ListedRight += o.ListedRight
	c.Cited += o.Cited
	c.CitedRight += o.CitedRight
	c.Sentences += o.Sentences
	c.SentencesRight += o.SentencesRight
	c.Quotes += o.Quotes
	c.QuotesRight += o.QuotesRight
	c.ListedPrecisionSum += o.ListedPrecisionSum
	c.ListedBriefs += o.ListedBriefs
}

// ArticlePrecision is the share of listed articles whose labels hold
// every asked place (micro: over all listed articles).
func (c BriefCounts) ArticlePrecision() float64 { return ratio(c.ListedRight, c.Listed) }

// ArticlePrecisionMacro is the mean over briefs that listed articles of
// each brief's article precision.
func (c BriefCounts) ArticlePrecisionMacro() float64 {
	if c.ListedBriefs == 0 {
		return 0
	}
	return c.ListedPrecisionSum / float64(c.ListedBriefs)
}

// CitedPrecision is the same over the articles a sentence or quote cites.
func (c BriefCounts) CitedPrecision() float64 { return ratio(c.CitedRight, c.Cited) }

// SentencePrecision is the share of summary sentences whose article's
// labels hold every asked place.
func (c BriefCounts) SentencePrecision() float64 { return ratio(c.SentencesRight, c.Sentences) }

// QuotePrecision is the same for quotes.
func (c BriefCounts) QuotePrecision() float64 { return ratio(c.QuotesRight, c.Quotes) }

// Abstention is the share of queries that got no summary sentence: the
// right answer for an absent pair.
func (c BriefCounts) Abstention() float64 { return ratio(c.Briefs-c.Answered, c.Briefs) }

// SentencesPerBrief and QuotesPerBrief are averages over all queries.
func (c BriefCounts) SentencesPerBrief() float64 { return perItem(c.Sentences, c.Briefs) }

// QuotesPerBrief is the mean number of quotes per query.
func (c BriefCounts) QuotesPerBrief() float64 { return perItem(c.Quotes, c.Briefs) }

func perItem(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// ScoreBrief counts what one brief showed against the labels: gold(url)
// tells whether the article at url is labelled with every asked place.
func ScoreBrief(shown BriefShown, gold func(url string) bool) BriefCounts {
	c := BriefCounts{Briefs: 1}
	if len(shown.Sentences) > 0 {
		c.Answered = 1
	}
	if len(shown.Sentences) >= 3 {
		c.Full = 1
	}
	right := 0
	for _, u := range shown.Listed {
		c.Listed++
		if gold(u) {
			right++
		}
	}
	c.ListedRight = right
	if len(shown.Listed) > 0 {
		c.ListedBriefs = 1
		c.ListedPrecisionSum = float64(right) / float64(len(shown.Listed))
	}
	cited := map[string]bool{}
	for _, u := range shown.Sentences {
		c.Sentences++
		if gold(u) {
			c.SentencesRight++
		}
		cited[u] = true
	}
	for _, u := range shown.Quotes {
		c.Quotes++
		if gold(u) {
			c.QuotesRight++
		}
		cited[u] = true
	}
	for u := range cited {
		c.Cited++
		if gold(u) {
			c.CitedRight++
		}
	}
	return c
}

// Latencies summarises brief times: the median, the 90th percentile and
// the longest.
func Latencies(ts []time.Duration) (p50, p90, max time.Duration) {
	if len(ts) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(ts)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return at(0.5), at(0.9), s[len(s)-1]
}
