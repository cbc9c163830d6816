package briefing

import (
	"math"
	"sort"
	"strings"
	"time"

	"attache/briefing/geo"
	"attache/briefing/sentence"
)

// RelevanceRule holds the thresholds of the rule that tells an article
// about countries from one that only names them. Tagging finds every
// article that names Japan and Italy; most of them name one of the two in
// passing (a G-7 list, a meeting held in Rome, a firm called Italy Fund,
// a yen bond). An article is about the countries when
//
//   - its headline names every one of them as itself, or
//   - every one of them is named as itself in the headline or in the
//     first Lead sentences, at least Mentions times in all, and in at
//     least Together sentences that name them all; and together they
//     hold at least Share of the article's mentions of countries and
//     bodies as themselves (a story of many countries is about none of
//     them in particular).
//
// "As itself" reads the senses of geo: a firm's name, a currency, a city
// as a venue and a place in a list of three or more do not count. The
// defaults were chosen on the Reuters dev pairs by `attache eval briefs`,
// which reports them cross-validated over pairs.
type RelevanceRule struct {
	Lead     int     // sentences at the top of an article that count as its lede
	Mentions int     // times each country must be named as itself, headline included
	Together int     // sentences that must name every country
	Share    float64 // least share of the article's mentions that name the countries; 0: none
}

// DefaultRelevanceRule is the rule the engine uses unless told otherwise.
func DefaultRelevanceRule() RelevanceRule {
	return RelevanceRule{Lead: 1, Mentions: 4, Together: 0}
}

// Relevance reads articles for the aboutness rule. It is safe for
// concurrent use.
type Relevance struct {
	gaz  *geo.Gazetteer
	rule RelevanceRule
}

// NewRelevance returns a reader with the gazetteer and the rule; a zero
// field of rule takes its default.
func NewRelevance(gaz *geo.Gazetteer, rule RelevanceRule) *Relevance {
	def := DefaultRelevanceRule()
	if rule == (RelevanceRule{}) {
		rule = def
	}
	if rule.Lead <= 0 {
		rule.Lead = def.Lead
	}
	if rule.Mentions <= 0 {
		rule.Mentions = def.Mentions
	}
	if rule.Together < 0 {
		rule.Together = 0
	}
	rule.Share = min(max(rule.Share, 0), 1)
	return &Relevance{gaz: gaz, rule: rule}
}

// Rule is the rule the reader applies.
func (r *Relevance) Rule() RelevanceRule { return r.rule }

// Reading is one article read for relevance: which countries its headline
// and each of its sentences name as themselves.
type Reading struct {
	gaz  *geo.Gazetteer
	rule RelevanceRule
	// title is the headline; place holds the lower-case words of every
	// mention of a place (headline and body), which cohesion leaves out.
	title string
	place map[string]bool
	// head lists the codes the headline names as themselves.
	head []string
	// sents are the body's sentences; named[i] the codes sentence i names
	// as itself (with repeats: one entry per mention), tagged[i] the codes
	// it names in any sense.
	sents  []sentence.Sentence
	named  [][]string
	tagged [][]string
	// lead is the number of sentences that make the lede (headings
	// excluded).
	lead int
}

// Read reads an article's headline and body (block format) as of its
// publication date.
func (r *Relevance) Read(title, text string, published time.Time) *Reading {
	head, body := r.gaz.ArticleMentions(title, text, published)
	rd := &Reading{gaz: r.gaz, rule: r.rule, title: title, sents: sentence.Split(text), place: map[string]bool{}}
	for _, ms := range [][]geo.Mention{head, body} {
		for _, m := range ms {
			for _, w := range sentence.Words(m.Surface) {
				rd.place[w] = true
			}
		}
	}
	for _, m := range head {
		if m.Sense == geo.SenseSubject {
			rd.head = append(rd.head, m.Code)
		}
	}
	rd.named = make([][]string, len(rd.sents))
	rd.tagged = make([][]string, len(rd.sents))
	k := 0
	for _, m := range body {
		for k < len(rd.sents) && rd.sents[k].End <= m.Start {
			k++
		}
		if k == len(rd.sents) {
			break
		}
		if m.Start < rd.sents[k].Start {
			continue
		}
		rd.tagged[k] = append(rd.tagged[k], m.Code)
		if m.Sense == geo.SenseSubject {
			rd.named[k] = append(rd.named[k], m.Code)
		}
	}
	body0 := 0
	for i, s := range rd.sents {
		if s.Heading {
			continue
		}
		body0++
		if body0 == r.rule.Lead {
			rd.lead = i + 1
			break
		}
	}
	if rd.lead == 0 {
		rd.lead = len(rd.sents)
	}
	return rd
}

// leadBytes is how much of the body Prominent reads to find the lede.
const leadBytes = 2500

// Prominent tells cheaply whether an article can be about the codes: every
// one is named as itself in the headline or the lede. It reads only the
// headline and the top of the body, and it is a necessary condition of
// About, so a brief reads in full only the articles that pass it.
func (r *Relevance) Prominent(title, text string, published time.Time, codes []string) bool {
	for _, f := range r.ProminentCodes(title, text, published, codes) {
		if !f {
			return false
		}
	}
	return true
}

// ProminentCodes is Prominent for each code alone, from one reading of
// the headline and the lede: whether the article can be about it with
// others (an article is about a set of codes only where each is
// prominent).
func (r *Relevance) ProminentCodes(title, text string, published time.Time, codes []string) []bool {
	found := make([]bool, len(codes))
	all := func() []bool {
		for k := range found {
			found[k] = true
		}
		return found
	}
	if len(codes) == 0 {
		return found
	}
	top := text
	if len(top) > leadBytes {
		cut := strings.LastIndex(top[:leadBytes], "\n\n")
		if cut <= 0 {
			return all() // one long paragraph: read it all
		}
		top = top[:cut]
	}
	sents := sentence.Split(top)
	lead, body := 0, 0
	for i, s := range sents {
		if s.Heading {
			continue
		}
		body++
		if body == r.rule.Lead {
			lead = i + 1
			break
		}
	}
	if lead == 0 {
		if len(top) < len(text) {
			return all() // the lede runs past what was read
		}
		lead = len(sents)
	}
	end := 0
	if lead > 0 {
		end = sents[lead-1].End
	}
	mark := func(ms []geo.Mention) {
		for _, m := range ms {
			if m.Sense != geo.SenseSubject {
				continue
			}
			for k, c := range codes {
				if r.gaz.Same(m.Code, c) {
					found[k] = true
				}
			}
		}
	}
	mark(r.gaz.Mentions(title, published))
	mark(r.gaz.Mentions(top[:end], published))
	return found
}

// Sentences are the article body's sentences, as sentence.Split gives
// them; SentenceAbout takes an index into them.
func (rd *Reading) Sentences() []sentence.Sentence { return rd.sents }

// Covers is the share of codes that sentence i names, in any sense (a
// firm's name or a venue counts): how much the sentence is about the
// request, for ranking the sentences that SentenceAbout lets in.
func (rd *Reading) Covers(i int, codes []string) float64 {
	if i < 0 || i >= len(rd.sents) || len(codes) == 0 {
		return 0
	}
	n := 0
	for _, c := range codes {
		if rd.names(rd.tagged[i], c) {
			n++
		}
	}
	return float64(n) / float64(len(codes))
}

// names tells whether a list of codes holds one that stands for want.
func (rd *Reading) names(codes []string, want string) bool {
	for _, c := range codes {
		if rd.gaz.Same(c, want) {
			return true
		}
	}
	return false
}

// sideCount is how the article treats one asked country.
type sideCount struct {
	headline  bool // the headline names it as itself
	prominent bool // the headline or the lede names it
	mentions  int  // times named as itself, headline included
}

func (rd *Reading) side(code string) sideCount {
	var s sideCount
	for _, c := range rd.head {
		if rd.gaz.Same(c, code) {
			s.headline = true
			s.mentions++
		}
	}
	s.prominent = s.headline
	for i, codes := range rd.named {
		for _, c := range codes {
			if rd.gaz.Same(c, code) {
				s.mentions++
				if i < rd.lead {
					s.prominent = true
				}
			}
		}
	}
	return s
}

// share is the part of the article's mentions as themselves (headline
// included) that name one of the codes.
func (rd *Reading) share(codes []string) float64 {
	all, ours := 0, 0
	count := func(named []string) {
		for _, c := range named {
			all++
			if rd.names(codes, c) {
				ours++
			}
		}
	}
	count(rd.head)
	for _, named := range rd.named {
		count(named)
	}
	if all == 0 {
		return 0
	}
	return float64(ours) / float64(all)
}

// together counts the sentences that name every code.
func (rd *Reading) together(codes []string) int {
	n := 0
	for _, named := range rd.named {
		all := len(named) > 0
		for _, c := range codes {
			if !rd.names(named, c) {
				all = false
				break
			}
		}
		if all {
			n++
		}
	}
	return n
}

// About tells whether the article is about every one of the codes
// together, by the rule (see RelevanceRule). With no codes every article
// is.
func (rd *Reading) About(codes []string) bool {
	return rd.Strength(codes) > 0
}

// Strength is how much the article is about the codes together: 0 when
// it is not (About is false), more the more prominent and the more often
// named they are. It ranks the articles of a brief.
func (rd *Reading) Strength(codes []string) float64 {
	if len(codes) == 0 {
		return 1
	}
	headlined, prominent := true, true
	score := 0.0
	least := math.MaxInt
	for _, c := range codes {
		s := rd.side(c)
		headlined = headlined && s.headline
		prominent = prominent && s.prominent
		least = min(least, s.mentions)
		if s.headline {
			score += 1
		}
		if s.prominent {
			score += 0.5
		}
	}
	together := rd.together(codes)
	if !headlined && (!prominent || least < rd.rule.Mentions || together < rd.rule.Together || rd.share(codes) < rd.rule.Share) {
		return 0
	}
	score /= float64(len(codes))
	return score + 0.5*math.Log1p(float64(least)) + 0.3*math.Log1p(float64(together))
}

// storyTop is how many sentences at the top of a story make a passage of
// their own: under a headline and lede that name every asked country, the
// sentences that follow tell the same story (wire copy puts each sentence
// in a paragraph of its own, so its paragraphs cannot say it).
const storyTop = 4

// SentenceAbout tells whether sentence i (an index into Sentences) speaks
// of the codes: it names all of them as themselves, or it names one of
// them within a passage that names them all: its paragraph, or the top of
// a story (the first storyTop sentences) whose headline or lede names
// every one of them. A heading never does, nor a sentence that names none
// of them. (A sentence naming one country next to a paragraph about both
// was tried: on BBC news it let in sentences about one side only,
// "Chinese people will use the net for very different ends", after one
// comparing Chinese and US net users.)
func (rd *Reading) SentenceAbout(i int, codes []string) bool {
	if i < 0 || i >= len(rd.sents) || rd.sents[i].Heading {
		return false
	}
	if len(codes) == 0 {
		return true
	}
	some := false
	for _, c := range codes {
		if rd.names(rd.named[i], c) {
			some = true
			break
		}
	}
	if !some {
		return false
	}
	if rd.atTop(i) && rd.prominent(codes) && rd.coheres(i, codes) {
		return true
	}
	para := rd.sents[i].Para
	lo, hi := i, i
	for lo > 0 && rd.sents[lo-1].Para == para {
		lo--
	}
	for hi+1 < len(rd.sents) && rd.sents[hi+1].Para == para {
		hi++
	}
	for _, c := range codes {
		found := false
		for k := lo; k <= hi && !found; k++ {
			found = rd.names(rd.named[k], c)
		}
		if !found {
			return false
		}
	}
	return true
}

// atTop tells whether sentence i is among the first storyTop sentences of
// the body, headings aside.
func (rd *Reading) atTop(i int) bool {
	n := 0
	for k := 0; k <= i; k++ {
		if !rd.sents[k].Heading {
			n++
		}
	}
	return n <= storyTop
}

// coheres tells whether sentence i shares a word of substance with the
// headline or with another sentence that names every code: it goes on
// with their story ("the Treasury did not name the other lenders" under
// "US Treasury part of Argentine bridge loan"), where a sentence that
// shares none has turned to something else ("US crude prices have
// soared" in a story of a US–Iraq security pact). Places, function words
// and the words of reporting and time do not count.
func (rd *Reading) coheres(i int, codes []string) bool {
	own := map[string]bool{}
	for _, w := range sentence.Words(rd.sents[i].Text) {
		if w = cohesionWord(w); w != "" && !rd.place[w] {
			own[stem(w)] = true
		}
	}
	if len(own) == 0 {
		return false
	}
	shares := func(text string) bool {
		for _, w := range sentence.Words(text) {
			if w = cohesionWord(w); w != "" && !rd.place[w] && own[stem(w)] {
				return true
			}
		}
		return false
	}
	if shares(rd.title) {
		return true
	}
	for k, s := range rd.sents {
		if k == i || s.Heading {
			continue
		}
		all := true
		for _, c := range codes {
			if !rd.names(rd.named[k], c) {
				all = false
				break
			}
		}
		if all && shares(s.Text) {
			return true
		}
	}
	return false
}

// cohesionWord returns w when it can tie two sentences together: a word
// of three letters or more, not a number, not a word of reporting, of
// time or of units, which any two sentences of news share.
func cohesionWord(w string) string {
	if len(w) < 3 || w[0] >= '0' && w[0] <= '9' || commonNewsWords[w] {
		return ""
	}
	return w
}

// commonNewsWords are words of reporting, time and units that tie no two
// sentences to one story.
var commonNewsWords = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tell": true, "added": true, "according": true,
	"reported": true, "report": true, "reports": true, "statement": true, "spokesman": true, "spokeswoman": true,
	"official": true, "officials": true, "also": true, "would": true, "could": true, "may": true, "might": true,
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true, "days": true,
	"today": true, "yesterday": true, "tomorrow": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "last": true, "next": true, "new": true,
	"first": true, "second": true, "pct": true, "percent": true, "per": true, "cent": true, "mln": true,
	"million": true, "billion": true, "bln": true, "dlrs": true, "dollars": true, "one": true, "two": true,
	"three": true, "four": true, "five": true, "mr": true, "mrs": true, "ms": true, "reuters": true, "reuter": true,
}

// prominent tells whether the headline or the lede names every code as
// itself.
func (rd *Reading) prominent(codes []string) bool {
	for _, c := range codes {
		if !rd.side(c).prominent {
			return false
		}
	}
	return true
}

// PassageNames tells whether the passage around byte offset pos of the
// body (the sentence there, its paragraph and the sentences on either
// side) names one of the codes as itself; with no codes it always does. A
// quote is kept in a brief only from such a passage.
func (rd *Reading) PassageNames(pos int, codes []string) bool {
	if len(codes) == 0 {
		return true
	}
	i := sort.Search(len(rd.sents), func(k int) bool { return rd.sents[k].End > pos })
	if i == len(rd.sents) {
		return false
	}
	para := rd.sents[i].Para
	for k := max(0, i-1); k < len(rd.sents); k++ {
		if k > i+1 && rd.sents[k].Para != para {
			break
		}
		if k >= i-1 && k <= i+1 || rd.sents[k].Para == para {
			for _, c := range codes {
				if rd.names(rd.named[k], c) {
					return true
				}
			}
		}
	}
	for k := i - 2; k >= 0 && rd.sents[k].Para == para; k-- {
		for _, c := range codes {
			if rd.names(rd.named[k], c) {
				return true
			}
		}
	}
	return false
}

// Partners lists the countries that the article is about together with
// code, by the rule: the other countries it names as themselves that pass
// About with code. The brief that finds nothing on a pair points to them.
func (rd *Reading) Partners(code string) []string {
	seen := map[string]bool{}
	var out []string
	try := func(c string) {
		if seen[c] || rd.gaz.Same(c, code) {
			return
		}
		seen[c] = true
		if rd.About([]string{code, c}) {
			out = append(out, c)
		}
	}
	for _, c := range rd.head {
		try(c)
	}
	for _, codes := range rd.named {
		for _, c := range codes {
			try(c)
		}
	}
	return out
}
