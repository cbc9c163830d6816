package briefing

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attache/briefing/geo"
)

// MaxRequestWords bounds what one request may contain, so that a pasted
// essay is answered plainly instead of searched.
const MaxRequestWords = 40

// fillerWords carry no topic: they are dropped from requests.
var fillerWords = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "on": true, "in": true, "about": true,
	"between": true, "with": true, "to": true, "for": true, "news": true, "what": true, "whats": true,
	"what's": true, "is": true, "are": true, "going": true, "happening": true, "latest": true, "relations": true,
	"ties": true, "vs": true, "versus": true, "&": true, "+": true, "-": true, "/": true, "brief": true, "me": true,
	"please": true, "tell": true, "update": true, "updates": true, "or": true, "at": true, "from": true, "by": true,
	"do": true, "does": true, "how": true, "why": true, "who": true, "any": true, "there": true,
}

// parseTimeout bounds the corpus look-ups of ParseWords, which has no
// context of its own.
const parseTimeout = 5 * time.Second

// ParseWords is ParseWordsContext with a context of its own that gives up
// after five seconds; callers that have a context should use that.
func (e *Engine) ParseWords(words []string) (Request, error) {
	ctx, cancel := context.WithTimeout(context.Background(), parseTimeout)
	defer cancel()
	return e.ParseWordsContext(ctx, words)
}

// ParseWordsContext turns what a person typed into a Request: countries
// and bodies (by name, demonym, capital or leader), topic words, and a
// time window ("since 7d", "--since 2w", "this week", "today", "last
// month"). A word that is neither a place nor in the corpus (nor valid
// text) gives a *UserError with "did you mean" suggestions. ctx bounds the
// look-ups of topic words in the corpus.
func (e *Engine) ParseWordsContext(ctx context.Context, words []string) (Request, error) {
	return e.ParseWordsFor(ctx, Asking{What: "a brief takes", Example: "Name the countries and a topic, e.g. `japan italy defense`."}, words)
}

// Asking says, in the messages about a request, what the request is for:
// What ends "at most 40 words" ("a brief takes", "a digest filter
// takes"), Example says what to write instead.
type Asking struct {
	What, Example string
}

// ParseWordsFor is ParseWordsContext for a request that is not a brief
// (quotes, a digest filter): its messages speak of what asks.
func (e *Engine) ParseWordsFor(ctx context.Context, asking Asking, words []string) (Request, error) {
	now := e.now()
	var req Request
	tokens := tokenizeRequest(words)
	if len(tokens) > MaxRequestWords {
		return req, &UserError{Message: fmt.Sprintf("That is %d words; %s at most %d. %s", len(tokens), asking.What, MaxRequestWords, asking.Example)}
	}
	tokens, since, err := takeWindow(tokens, now)
	if err != nil {
		return req, err
	}
	req.Since = since
	parsed := e.gaz.ParseWords(tokens, now)
	req.Countries = parsed.Codes
	for _, w := range parsed.Rest {
		lw := strings.ToLower(strings.Trim(w, ".,;:!?\"'()[]"))
		if lw == "" || fillerWords[lw] {
			continue
		}
		if strings.HasPrefix(lw, "@") || strings.HasPrefix(lw, "<") {
			continue // a mention or channel link
		}
		// Garbled bytes (not valid UTF-8) are no word of any corpus.
		known := false
		if utf8.ValidString(lw) {
			if known, err = e.corpus.HasWord(ctx, strings.Join(spellings(lw), "|")); err != nil {
				return req, err
			}
		}
		if known {
			req.Terms = append(req.Terms, lw)
			continue
		}
		if sugg := e.gaz.Suggest(lw, 3); len(sugg) > 0 {
			return req, &UserError{
				Message:     fmt.Sprintf("I don't know a country called %s.", QuoteWord(w)),
				Suggestions: sugg,
			}
		}
		if err := e.checkEmpty(ctx); err != nil {
			return req, err
		}
		return req, &UserError{Message: fmt.Sprintf("I don't know a country called %s, and no article in the corpus mentions it. Try country or body names, e.g. `japan italy` or `g7`, with topic words that the articles use.", QuoteWord(w))}
	}
	if len(req.Countries) == 0 && len(req.Terms) == 0 {
		return req, &UserError{Message: "Tell me which countries or topics to brief you on, e.g. `japan italy`, `g7 summit` or `france germany defense since 7d`."}
	}
	return req, nil
}

// QuoteWord quotes a word someone typed, for a message, as ClipWord
// shortens it.
func QuoteWord(w string) string { return "“" + ClipWord(w) + "”" }

// ClipWord is a word someone typed as a message may show it: at most 40
// characters of it (a pasted page is not echoed back whole) and the count
// of the rest, with bytes that are not valid text written as escapes.
func ClipWord(w string) string {
	const most = 40
	if !utf8.ValidString(w) {
		q := strconv.Quote(w)
		w = q[1 : len(q)-1]
	}
	if r := []rune(w); len(r) > most {
		return string(r[:most]) + fmt.Sprintf("… (%d characters)", len(r))
	}
	return w
}

// tokenizeRequest splits words on white space and commas.
func tokenizeRequest(words []string) []string {
	var out []string
	for _, w := range words {
		for _, f := range strings.FieldsFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }) {
			out = append(out, f)
		}
	}
	return out
}

// takeWindow removes a time window from the tokens and returns its start.
func takeWindow(tokens []string, now time.Time) ([]string, time.Time, error) {
	var rest []string
	var since time.Time
	lower := func(i int) string {
		if i < len(tokens) {
			return strings.ToLower(tokens[i])
		}
		return ""
	}
	for i := 0; i < len(tokens); i++ {
		w := lower(i)
		switch {
		case w == "since" || w == "--since" || w == "-since":
			if i+1 >= len(tokens) {
				return nil, since, &UserError{Message: "“since” needs a window, e.g. `since 7d` or `since 2w`."}
			}
			d, err := ParseWindow(lower(i + 1))
			if err != nil {
				return nil, since, err
			}
			since = now.Add(-d)
			i++
		case strings.HasPrefix(w, "since:") || strings.HasPrefix(w, "--since="):
			d, err := ParseWindow(w[strings.IndexAny(w, ":=")+1:])
			if err != nil {
				return nil, since, err
			}
			since = now.Add(-d)
		case w == "today":
			since = now.Add(-24 * time.Hour)
		case (w == "this" || w == "past" || w == "last") && i+1 < len(tokens):
			if d, ok := namedWindow(lower(i + 1)); ok {
				since = now.Add(-d)
				i++
				continue
			}
			if n, err := strconv.Atoi(lower(i + 1)); err == nil && n > 0 && i+2 < len(tokens) {
				if d, ok := namedWindow(strings.TrimSuffix(lower(i+2), "s")); ok {
					since = now.Add(-times(n, d))
					i += 2
					continue
				}
			}
			rest = append(rest, tokens[i])
		default:
			rest = append(rest, tokens[i])
		}
	}
	return rest, since, nil
}

func namedWindow(w string) (time.Duration, bool) {
	switch w {
	case "day", "24h":
		return 24 * time.Hour, true
	case "week":
		return 7 * 24 * time.Hour, true
	case "fortnight":
		return 14 * 24 * time.Hour, true
	case "month":
		return 30 * 24 * time.Hour, true
	case "year":
		return 365 * 24 * time.Hour, true
	}
	return 0, false
}

// parseWindow reads "7d", "2w", "12h", "3m" (months), "1y".
// ParseWindow reads a time window the way people write one in a request:
// "12h", "7d", "2w", "3m" (months) or "1y". Every surface (brief words,
// --since flags, slash options) reads windows with it, so "3m" always
// means three months. A bad window is a *UserError.
func ParseWindow(s string) (time.Duration, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	bad := &UserError{Message: fmt.Sprintf("I can't read the window %s. Use e.g. `7d`, `2w`, `3m` (months) or `1y`.", QuoteWord(s))}
	if len(s) < 2 {
		return 0, bad
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 100000 {
		return 0, bad
	}
	unit := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour, 'm': 30 * 24 * time.Hour, 'y': 365 * 24 * time.Hour}[s[len(s)-1]]
	if unit == 0 {
		return 0, bad
	}
	return times(n, unit), nil
}

// times is n times unit (n > 0), or the longest duration when the product
// would overflow: "since 300y" reaches as far back as a time.Duration can
// instead of wrapping round to a start in the future.
func times(n int, unit time.Duration) time.Duration {
	if time.Duration(n) > math.MaxInt64/unit {
		return math.MaxInt64
	}
	return time.Duration(n) * unit
}

// countryNames joins display names: "Japan", "Japan and Italy",
// "Japan, Italy and France".
func countryNames(gaz *geo.Gazetteer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = c
		if ent, ok := gaz.Entity(c); ok {
			names[i] = ent.Name
		}
	}
	return joinNames(names)
}

// countryNamesInSentence is countryNames as it reads inside a sentence:
// "the United Kingdom and France".
func countryNamesInSentence(gaz *geo.Gazetteer, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = gaz.NameInSentence(c)
	}
	return joinNames(names)
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
