package summary

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/briefing/sentence"
)

// minWords is the fewest words a sentence needs to be worth picking on
// its own ("He said." is not).
const minWords = 4

// boilerplate lists site furniture that can look like a sentence
// (footers, comment and share prompts) as runs of content words, in the
// form sentence.Words gives them: "Comments are closed." is
// {"comments", "closed"}. isBoilerplate lists their first words too.
var boilerplate = [][]string{
	{"rights", "reserved"}, {"comments", "closed"}, {"leave", "comment"}, {"leave", "reply"},
	{"exit", "mobile", "version"}, {"privacy", "policy"}, {"terms", "use"}, {"terms", "service"},
	{"accept", "cookies"}, {"use", "cookies"}, {"originally", "published"},
}

// furnitureLead matches furniture by how it begins: prompts, credits and
// publication stamps ("Photo: Reuters", "Updated 12 March", "Share this"),
// wire-service credits ("Reporting by ...; Editing by ...").
var furnitureLead = regexp.MustCompile(`^(?:(?i:sign up|subscribe|follow us|click here|read more|share (?:this|on)` +
	`|(?:additional )?reporting by|(?:editing|writing) by|our standards` +
	`)|(?i:photo(?:graph)?s?|images?|pictures?|video|credit|caption|source|file photo|image (?:caption|source)` +
	`|published|updated|posted|last updated|advertisement|related(?: articles?| topics?)?|watch|listen)\b\s*[:|,\-–—]?\s*(?:[\p{Lu}\d]|$))`)

// furnitureLeadWords are the first words furnitureLead can match; the
// regular expression runs only on sentences that begin with one.
var furnitureLeadWords = map[string]bool{
	"sign": true, "subscribe": true, "follow": true, "click": true, "read": true, "share": true,
	"photo": true, "photograph": true, "photos": true, "photographs": true, "image": true,
	"images": true, "picture": true, "pictures": true, "video": true, "credit": true,
	"caption": true, "source": true, "file": true, "published": true, "updated": true,
	"posted": true, "last": true, "advertisement": true, "related": true, "watch": true,
	"listen": true, "reporting": true, "additional": true, "editing": true, "writing": true,
	"our": true,
}

// firstWordLower returns the leading letters of t, lower-cased (ASCII).
func firstWordLower(t string) string {
	end := 0
	for end < len(t) && end < 16 && (t[end]|0x20 >= 'a' && t[end]|0x20 <= 'z') {
		end++
	}
	return strings.ToLower(t[:end])
}

// byline matches a short "By Jane Doe, Our Correspondent" line.
var byline = regexp.MustCompile(`^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:$|,|\||\band\b|[-–—])`)

// creditWords are the words of a photo credit in brackets at the end of a
// caption: "(Photo: Reuters)", "(AP Photo/Jane Doe)", "(Getty Images)".
var creditWords = regexp.MustCompile(`(?i)\b(?:photo|photos|image|images|getty|afp|epa|reuters|ap|file|pool|handout)\b`)

// isCaption reports a sentence that ends with a bracketed photo credit.
func isCaption(t string) bool {
	t = strings.TrimSuffix(strings.TrimRightFunc(t, unicode.IsSpace), ".")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	open := strings.LastIndexByte(t, '(')
	return open >= 0 && creditWords.MatchString(t[open:])
}

// isBoilerplate reports site furniture by its words: a copyright line
// ("© 2025", "Copyright 2025 ...") or a phrase of boilerplate.
func isBoilerplate(text string, words []string) bool {
	if strings.ContainsRune(text, '©') {
		return true
	}
	for i, w := range words {
		switch w {
		case "rights", "comments", "leave", "exit", "privacy", "terms", "accept", "use", "originally":
		case "copyright":
			if i+1 < len(words) && len(words[i+1]) == 4 && startsWithDigit(words[i+1]) {
				return true
			}
			continue
		default:
			continue
		}
		for _, p := range boilerplate {
			if w == p[0] && len(words)-i >= len(p) && slices.Equal(words[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// candidate is a sentence that may be picked, with its words.
type candidate struct {
	sentence.Sentence
	words  []string // sentence.Words of the text
	length int      // all words, sentence.CountWords
}

// candidates keeps the sentences that may be picked, at most limit of
// them, with any leading dateline cut off. When no sentence qualifies
// strictly (text without sentence marks), the rule is relaxed.
func candidates(sents []sentence.Sentence, limit int) []candidate {
	for _, strict := range []bool{true, false} {
		var out []candidate
		for _, s := range sents {
			if len(out) == limit {
				break
			}
			if c, ok := eligible(withoutDateline(s), strict); ok {
				out = append(out, c)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// eligible reports whether s may stand in a summary: body text, a
// complete sentence with its closing mark, long enough, and not furniture.
// With strict off, the closing mark and the length are not required (for
// text that has no sentence marks at all).
func eligible(s sentence.Sentence, strict bool) (candidate, bool) {
	c := candidate{Sentence: s}
	if s.Heading || !hasLetter(s.Text) {
		return c, false
	}
	if strict && !endsSentence(s.Text) {
		return c, false
	}
	c.length = sentence.CountWords(s.Text)
	if strict && c.length < minWords {
		return c, false
	}
	if furnitureLeadWords[firstWordLower(s.Text)] && furnitureLead.MatchString(s.Text) || isCaption(s.Text) {
		return c, false
	}
	if c.length <= 10 && byline.MatchString(s.Text) {
		return c, false
	}
	c.words = sentence.Words(s.Text)
	if isBoilerplate(s.Text, c.words) {
		return c, false
	}
	return c, true
}

// withoutDateline moves the start of s past a leading dateline
// (sentence.Dateline), keeping Text == input[Start:End].
func withoutDateline(s sentence.Sentence) sentence.Sentence {
	if n := sentence.Dateline(s.Text); n > 0 {
		s.Start += n
		s.Text = s.Text[n:]
	}
	return s
}

// endsSentence reports whether t ends with a sentence mark, possibly
// inside closing quotes or brackets. A paragraph of speech that ends in a
// comma, a caption or a heading without a mark does not.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, "\"')]\u201d\u2019\u00bb")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r == '.' || r == '!' || r == '?' || r == '\u2026'
}

func hasLetter(t string) bool {
	return strings.IndexFunc(t, unicode.IsLetter) >= 0
}
