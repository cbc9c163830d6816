// Package sources is where Attaché's articles come from and where they are
// kept: feed fetching and parsing, page extraction, cleaning, canonical URLs,
// duplicate detection, file import and the corpus Store.
package sources

import "time"

// Article is one news article as the corpus keeps it.
type Article struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"` // canonical URL; "sample:..." or "file:..." when there is none
	Title     string    `json:"title"`
	Source    string    `json:"source"` // outlet name, e.g. "Kyodo News"
	Byline    string    `json:"byline,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published time.Time `json:"published"` // zero when the page, feed or file gave no date
	Fetched   time.Time `json:"fetched"`
	// Text is the cleaned body in the block format of package doc:
	// paragraphs separated by blank lines, headings prefixed with "## ".
	Text      string   `json:"text"`
	Countries []string `json:"countries,omitempty"` // codes from the tagger, sorted
	StoryID   int64    `json:"story_id"`            // shared by near-duplicates and refiles
	FeedID    int64    `json:"feed_id,omitempty"`
	Sample    bool     `json:"sample,omitempty"` // part of the bundled sample corpus
}

// Tagger returns the country and body codes that text names, as of the
// given time (leaders' names depend on the date). main hands one built from
// briefing/geo to the ingest pipeline; sources never imports briefing.
type Tagger func(text string, at time.Time) []string
