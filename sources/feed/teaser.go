package feed

import "strings"

// TeaserWords is the length below which an item's text is taken for a
// teaser: news articles run to several hundred words, while feed excerpts
// are a sentence or two.
const TeaserWords = 150

// ellipses and readMore end the text of an excerpt that links to the rest.
var (
	ellipses = [...]string{"…", "...", "[…]", "[...]", "(…)", "(more…)", "(more...)"}
	readMore = [...]string{
		"read more", "continue reading", "read the full story", "read the full article",
		"read full article", "read the rest of this entry", "full story",
	}
)

// Teaser reports whether an item carries only a teaser, so that its page
// must be fetched for the article: when neither its content nor its summary
// holds TeaserWords words of text, or when the text ends with a mark of
// truncation ("…", "[…]", "Read more", "Continue reading →").
func Teaser(it Item) bool {
	text := plainText(it.Content)
	if summary := plainText(it.Summary); len(summary) > len(text) {
		text = summary
	}
	if truncated(text) {
		return true
	}
	return wordCount(text) < TeaserWords
}

// truncated reports whether text ends with an ellipsis or a "read more"
// link, or has "continue reading" in its last words (often followed by the
// article's title).
func truncated(text string) bool {
	lower := strings.ToLower(strings.TrimRight(text, " \t\r\n→»>:"))
	for _, m := range ellipses {
		if strings.HasSuffix(lower, m) {
			return true
		}
	}
	words := strings.TrimSuffix(lower, ".")
	for _, m := range readMore {
		if strings.HasSuffix(words, m) {
			return true
		}
	}
	return strings.Contains(lower[max(0, len(lower)-120):], "continue reading")
}
