package summary

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/briefing/sentence"
)

// minWords is the fewest words a sentence needs to be worth picking on
// its own ("He said." is not).
const minWords = 4

// boilerplate matches site furniture anywhere in a sentence: footers,
// copyright lines, comment and share prompts.
var boilerplate = regexp.MustCompile(`(?i)all rights reserved|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}` +
	`|comments are closed|leave a (?:comment|reply)|exit mobile version|privacy policy|terms of (?:use|service)` +
	`|(?:accept|use of) cookies|this (?:article|story) was (?:originally )?published`)

// furnitureLead matches furniture by how it begins: prompts, credits and
// publication stamps ("Photo: Reuters", "Updated 12 March", "Share this").
var furnitureLead = regexp.MustCompile(`(?i)^(?:sign up|subscribe|follow us|click here|read more|share (?:this|on)` +
	`|(?:photo(?:graph)?s?|images?|pictures?|video|credit|caption|source|file photo|image (?:caption|source)` +
	`|published|updated|posted|last updated|advertisement|related(?: articles?| topics?)?|watch|listen)\b\s*[:|,\-–—]?\s*(?:[\p{Lu}\d]|$))`)

// byline matches a short "By Jane Doe, Our Correspondent" line.
var byline = regexp.MustCompile(`^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:$|,|\||\band\b|[-–—])`)

// captionCredit matches a photo credit at the end of a caption:
// "(Photo: Reuters)", "(AP Photo/Jane Doe)", "(Getty Images)".
var captionCredit = regexp.MustCompile(`(?i)\((?:[^()]*\b(?:photo|photos|image|images|getty|afp|epa|reuters|ap|file|pool|handout)\b[^()]*)\)\s*\.?$`)

// dateline matches a dateline that opens a sentence: "TOKYO (Reuters) - ",
// "ROME, Jan 15 (AP) — ", "WASHINGTON — ".
var dateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{M} .'’-]{2,40}(?:,[\p{L} .]{2,30}?)?(?:,?\s*\p{L}{3,9}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\))?\s*[-–—]{1,2}\s+`)

// eligible reports whether s may stand in a summary: body text, a
// complete sentence with its closing mark, long enough, and not furniture.
// With strict off, the closing mark and the length are not required (for
// text that has no sentence marks at all).
func eligible(s sentence.Sentence, strict bool) bool {
	if s.Heading || !hasLetter(s.Text) {
		return false
	}
	if boilerplate.MatchString(s.Text) || furnitureLead.MatchString(s.Text) || captionCredit.MatchString(s.Text) {
		return false
	}
	if sentence.CountWords(s.Text) <= 10 && byline.MatchString(s.Text) {
		return false
	}
	if !strict {
		return true
	}
	return endsSentence(s.Text) && sentence.CountWords(s.Text) >= minWords
}

// withoutDateline moves the start of s past a leading dateline, keeping
// Text == input[Start:End].
func withoutDateline(s sentence.Sentence) sentence.Sentence {
	loc := dateline.FindStringIndex(s.Text)
	if loc == nil || loc[1] >= len(s.Text) {
		return s
	}
	// The dateline's place must be all capitals: "NATO - the alliance"
	// would pass the pattern too, so a known word form is not enough; a
	// dateline also never holds a lower-case letter before its dash.
	head := s.Text[:loc[1]]
	if i := strings.IndexAny(head, "(,-–—"); i > 0 {
		head = head[:i]
	}
	if strings.IndexFunc(head, unicode.IsLower) >= 0 || sentence.CountWords(head) > 4 {
		return s
	}
	s.Start += loc[1]
	s.Text = s.Text[loc[1]:]
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
