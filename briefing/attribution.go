package briefing

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attache/briefing/geo"
	"attache/briefing/quote"
)

// ShownQuote is a quotation as a brief shows it, beside what the quote
// finder found (Found.Start and Found.End locate it in the article).
type ShownQuote struct {
	Found               quote.Quote
	Text, Speaker, Role string
}

// ArticleQuotes returns the quotations of one article that a brief may
// show, as it shows them: only those whose speaker the text gives
// (quote.Quote.Attributed), long enough to say something, with the
// speaker's full name and office from the gazetteer when the article
// gives only a surname or no role, and a person's only with a role. The
// brief picks among them; the evaluation of attribution reads them all.
func ArticleQuotes(g *geo.Gazetteer, text string, published time.Time) []ShownQuote {
	var out []ShownQuote
	for _, q := range quote.FindWith(text, quote.Options{Places: g, Date: published}) {
		if s, ok := shownQuote(g, q, text, published); ok {
			out = append(out, s)
		}
	}
	return out
}

// shownQuote gives a found quotation the text, speaker and role a brief
// shows, or false when a brief must not show it.
func shownQuote(g *geo.Gazetteer, q quote.Quote, article string, published time.Time) (ShownQuote, bool) {
	// A quote cut before its attribution keeps its comma: drop it.
	text := strings.TrimRight(strings.Join(strings.Fields(q.Text), " "), ",;: ")
	if utf8.RuneCountInString(text) < 20 || !q.Attributed() {
		return ShownQuote{}, false // precision first: only speakers the text itself gives
	}
	role, who := q.Role, q.Speaker
	if p, ok := g.Person(q.Speaker, published); ok {
		if role == "" {
			role = p.Role
		}
		if !strings.Contains(who, " ") {
			who = p.Name // "Meloni" is Giorgia Meloni
		}
	}
	if q.Person && role == "" {
		// A person's words are shown with who they are: a named person
		// the article gives no role (and the gazetteer no office) is,
		// over the hand-labelled sets, a role the finder missed about
		// half the time, where a role it found is right nineteen times
		// in twenty. A body or a description says who it is itself.
		return ShownQuote{}, false
	}
	if q.Person && role == q.Role && roleCutAtStart(article, role, who) {
		// "…by Sunday Telegraph journalist Ann Lee" read as "Telegraph
		// journalist", "…, banking commissioner Ed Fell said" as
		// "commissioner": the title before the name begins further back
		// than the role read, so the role is only part of it.
		return ShownQuote{}, false
	}
	if role == "" && !q.Described && unintroduced(who, article) {
		// "…," Kessel said: one word the article gives nowhere else, not
		// even in a misspelt full name or a firm's longer name. Over the
		// hand-labelled sets such a speaker was a person whose role the
		// finder missed, a piece of a firm's name or a misspelling three
		// times in four; a body's initials ("the EIC") say who they are.
		return ShownQuote{}, false
	}
	return ShownQuote{Found: q, Text: text, Speaker: who, Role: role}, true
}

// unintroduced reports a one-word speaker, not initials, that stands only
// once in the article as a whole word: at its cue.
func unintroduced(who, article string) bool {
	if who == "" || strings.ContainsAny(who, " .") || isInitials(who) {
		return false
	}
	n := 0
	for i := 0; ; {
		k := strings.Index(article[i:], who)
		if k < 0 {
			break
		}
		a, b := i+k, i+k+len(who)
		before, _ := utf8.DecodeLastRuneInString(article[:a])
		after, _ := utf8.DecodeRuneInString(article[b:])
		if !isWordChar(before) && !isWordChar(after) {
			n++
			if n > 1 {
				return false
			}
		}
		i = b
	}
	return n <= 1
}

// isInitials reports a word of capitals, perhaps with a hyphen or an
// ampersand ("EIC", "AFL-CIO", "M&S"): a body's initials.
func isInitials(w string) bool {
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case r == '-' || r == '&':
		default:
			return false
		}
	}
	return caps >= 2
}

func isWordChar(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// roleCutAtStart reports a role that stands right before the speaker's
// name in the article ("journalist Ann Lee") after a word that belongs to
// the title: a capitalised word, not a possessive and not opening the
// sentence, before a capitalised role ("Sunday" of "Sunday Telegraph
// journalist"), or a lower-case word that is no function word before a
// lower-case one ("banking" of "banking commissioner").
func roleCutAtStart(article, role, who string) bool {
	fs := strings.Fields(who)
	if role == "" || len(fs) == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(role)
	for i := 0; ; {
		k := strings.Index(article[i:], role+" "+fs[0])
		if k < 0 {
			return false
		}
		a := i + k
		i = a + len(role)
		before := strings.TrimRight(article[:a], " ")
		if len(before) == len(article[:a]) {
			continue // the role is the end of a longer word
		}
		j := strings.LastIndexAny(before, " \n\t\"“(") + 1
		w := before[j:]
		if w == "" || strings.ContainsAny(w, ".,;:!?'’") {
			continue // a sentence's or clause's start, or a possessive
		}
		wr, _ := utf8.DecodeRuneInString(w)
		prev := strings.TrimRight(before[:j], " ")
		opens := prev == "" || strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "\n")
		pw := strings.ToLower(prev[strings.LastIndexAny(prev, " \n")+1:])
		lastRole := role[strings.LastIndex(role, " ")+1:]
		lr, _ := utf8.DecodeRuneInString(lastRole)
		switch {
		case unicode.IsUpper(wr) && unicode.IsUpper(first) && unicode.IsLower(lr) && !opens && !titleFunctionWords[strings.ToLower(w)] &&
			!(timeNames[strings.ToLower(w)] && timeOpeners[pw]):
			// "by Sunday Telegraph journalist" (a name, then a plain
			// title), not "On Monday Lib Dem … chairman".
			return true
		case unicode.IsLower(wr) && unicode.IsLower(first) && !titleFunctionWords[w] && (opens || strings.HasSuffix(prev, ",")):
			// ", banking commissioner Ed Fell said", ". Managing director …"
			return true
		}
	}
}

// timeNames are days and months, which open a sentence's time before a
// titled name ("On Monday Finance Minister …") as often as they begin a
// name ("Sunday Telegraph").
var timeNames = setOf("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")

// timeOpeners stand before a day or month that is a time.
var timeOpeners = setOf("on in last this next early late since until")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// titleFunctionWords may stand right before a title and its holder's
// name without being part of the title.
var titleFunctionWords = setOf("a an the this that these those his her its their our my your said says told tells added adds " +
	"by of for to with from at in on as and or but nor than who whom whose which while when where after before during " +
	"about against among between under over into onto upon via per including like unlike also then now yesterday today " +
	"according be been being is was are were has have had will would could should may might must can do does did not " +
	"wrote writes warned warns explained explains argued argues insisted insists claimed claims noted notes")
