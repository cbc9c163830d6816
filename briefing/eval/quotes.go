package eval

import (
	"cmp"
	"slices"
	"strings"
)

// GoldQuote is one annotated quotation of the PolNeAR dev set
// (../shared/eval/quotes-dev.jsonl). Offsets are in Unicode code points.
type GoldQuote struct {
	Quote            string   `json:"quote"`
	Speaker          *string  `json:"speaker"`
	Type             string   `json:"type"` // "direct" or "mixed"
	QuotedSegments   []string `json:"quoted_segments"`
	SpeakerIsPronoun bool     `json:"speaker_is_pronoun"`
	Cue              string   `json:"cue"`
	QuoteSpans       [][2]int `json:"quote_spans"`
	SpeakerSpans     [][2]int `json:"speaker_spans"`
}

// GoldArticle is one article of the quote set with its quotations.
type GoldArticle struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Publisher string      `json:"publisher"`
	Date      string      `json:"date"`
	Text      string      `json:"text"`
	Quotes    []GoldQuote `json:"quotes"`
}

// SystemQuote is what a quote finder says: the quoted words and who said
// them ("" when it does not know).
type SystemQuote struct {
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
}

// QuoteCounts are the counts behind the PolNeAR figures; they add up over
// articles, so a fold's figure is the sum of its articles' counts.
type QuoteCounts struct {
	Articles      int
	GoldDirect    int
	SystemQuotes  int
	MatchedDirect int
	Unmatched     int // system quotes matching no gold quote
	MatchedMixed  int // matched a gold "mixed" quote: neither right nor wrong
	NamedPairs    int // matched pairs whose gold speaker is a name or description
	NamedRight    int
	PronounPairs  int // matched pairs whose gold speaker is a pronoun
	PronounNamed  int // ... where the system gave a name
}

// Add adds o to c.
func (c *QuoteCounts) Add(o QuoteCounts) {
	c.Articles += o.Articles
	c.GoldDirect += o.GoldDirect
	c.SystemQuotes += o.SystemQuotes
	c.MatchedDirect += o.MatchedDirect
	c.Unmatched += o.Unmatched
	c.MatchedMixed += o.MatchedMixed
	c.NamedPairs += o.NamedPairs
	c.NamedRight += o.NamedRight
	c.PronounPairs += o.PronounPairs
	c.PronounNamed += o.PronounNamed
}

// Precision is direct-quote precision: matched direct quotes over the
// system quotes that are not matched to a mixed gold quote.
func (c QuoteCounts) Precision() float64 {
	return ratio(c.MatchedDirect, c.MatchedDirect+c.Unmatched)
}

// Recall is direct-quote recall over the gold direct quotes.
func (c QuoteCounts) Recall() float64 { return ratio(c.MatchedDirect, c.GoldDirect) }

// F1 is the harmonic mean of Precision and Recall.
func (c QuoteCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// NamedAccuracy is the share of matched pairs with a named gold speaker
// where the system's speaker shares a content word with the gold one.
func (c QuoteCounts) NamedAccuracy() float64 { return ratio(c.NamedRight, c.NamedPairs) }

// PronounResolved is the share of matched pairs with a pronoun gold
// speaker where the system gave a name: how often a name is given, not
// whether it is right.
func (c QuoteCounts) PronounResolved() float64 { return ratio(c.PronounNamed, c.PronounPairs) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// QuoteMatch pairs system quote Sys with gold quote Gold of one article.
type QuoteMatch struct{ Sys, Gold int }

// ScoreQuotes scores one article the way ../shared/eval/quotes.py does: a
// system quote matches a gold quote when the token F1 between the system
// text and the gold quoted words is at least 0.5; pairs are taken
// greedily, best first, one to one. It returns the counts and the matches.
func ScoreQuotes(sys []SystemQuote, gold []GoldQuote) (QuoteCounts, []QuoteMatch) {
	type cand struct {
		f    float64
		i, j int
	}
	var pairs []cand
	goldToks := make([][]string, len(gold))
	for j, g := range gold {
		goldToks[j] = goldWords(g)
	}
	for i, s := range sys {
		st := scoreTokens(s.Quote)
		for j := range gold {
			if f := tokenF1(st, goldToks[j]); f >= 0.5 {
				pairs = append(pairs, cand{f, i, j})
			}
		}
	}
	// The script sorts (f, i, j) tuples in reverse: ties go to the later
	// system quote, then the later gold quote.
	slices.SortFunc(pairs, func(a, b cand) int {
		if c := cmp.Compare(b.f, a.f); c != 0 {
			return c
		}
		if c := cmp.Compare(b.i, a.i); c != 0 {
			return c
		}
		return cmp.Compare(b.j, a.j)
	})
	usedS, usedG := map[int]bool{}, map[int]bool{}
	var matches []QuoteMatch
	bySys := map[int]int{}
	for _, p := range pairs {
		if usedS[p.i] || usedG[p.j] {
			continue
		}
		usedS[p.i], usedG[p.j] = true, true
		matches = append(matches, QuoteMatch{Sys: p.i, Gold: p.j})
		bySys[p.i] = p.j
	}
	c := QuoteCounts{Articles: 1, SystemQuotes: len(sys)}
	for _, g := range gold {
		if g.Type == "direct" {
			c.GoldDirect++
		}
	}
	for i, s := range sys {
		j, ok := bySys[i]
		if !ok {
			c.Unmatched++
			continue
		}
		g := gold[j]
		if g.Type == "direct" {
			c.MatchedDirect++
		} else {
			c.MatchedMixed++
		}
		if g.Speaker == nil {
			continue
		}
		if IsPronoun(*g.Speaker) {
			c.PronounPairs++
			if s.Speaker != "" && !IsPronoun(s.Speaker) {
				c.PronounNamed++
			}
			continue
		}
		c.NamedPairs++
		if SameSpeaker(s.Speaker, *g.Speaker) {
			c.NamedRight++
		}
	}
	slices.SortFunc(matches, func(a, b QuoteMatch) int { return cmp.Compare(a.Sys, b.Sys) })
	return c, matches
}

// SameSpeaker reports whether two speaker strings share a content word
// ("Clinton" and "Hillary Clinton", "a campaign spokesman" and
// "spokesman"), the script's test for a right named speaker.
func SameSpeaker(system, gold string) bool {
	if system == "" {
		return false
	}
	cs := contentWords(gold)
	for _, w := range scoreTokens(system) {
		if cs[w] && !speakerStop[w] {
			return true
		}
	}
	return false
}

// IsPronoun reports whether a speaker is a bare pronoun ("he", "They").
func IsPronoun(s string) bool {
	t := scoreTokens(s)
	return len(t) == 1 && pronounWords[t[0]]
}

func goldWords(g GoldQuote) []string {
	if len(g.QuotedSegments) > 0 {
		return scoreTokens(strings.Join(g.QuotedSegments, " "))
	}
	return scoreTokens(g.Quote)
}

// scoreTokens returns the lower-case [a-z0-9]+ runs of s.
func scoreTokens(s string) []string {
	s = strings.ToLower(s)
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		in := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

func tokenF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	ca, cb := map[string]int{}, map[string]int{}
	for _, t := range a {
		ca[t]++
	}
	for _, t := range b {
		cb[t]++
	}
	hit := 0
	for t, n := range ca {
		hit += min(n, cb[t])
	}
	if hit == 0 {
		return 0
	}
	p, r := float64(hit)/float64(len(a)), float64(hit)/float64(len(b))
	return 2 * p * r / (p + r)
}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range scoreTokens(s) {
		if !speakerStop[t] {
			out[t] = true
		}
	}
	return out
}

var pronounWords = wordSet("he she they it we i you him her them his hers their")

var speakerStop = wordSet("a an the of and mr mrs ms dr sen rep gov pres president said says s in for to on at by from")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
