// Package briefing turns articles into briefs and digests: it parses
// requests, selects and ranks articles, summarises them extractively with
// citations, finds attributed quotes, and renders the result as text,
// markdown or JSON.
package briefing

import "time"

// Request is what a person asked for, from any surface (terminal, prefix
// command, DM, slash command).
type Request struct {
	Countries []string  // ISO 3166-1 alpha-2 codes or body codes ("EU", "G7"), all required
	Terms     []string  // topic words ("defense", "fighter jet")
	Speaker   string    // for quote requests about one person ("Meloni")
	Since     time.Time // zero: the default window
	Until     time.Time // zero: now
	// Sample keeps the bundled sample corpus in the answer even when the
	// store holds articles of its own (it is left out then otherwise).
	Sample bool
	// MaxSentences and MaxQuotes bound the brief; zero means the defaults.
	MaxSentences int
	MaxQuotes    int
}

// Brief is the answer to a Request: a cited extractive summary, attributed
// quotes and the articles they come from.
type Brief struct {
	Query    Query        `json:"query"`
	Title    string       `json:"title"`
	Summary  []Sentence   `json:"summary"`
	Quotes   []Quote      `json:"quotes"`
	Articles []ArticleRef `json:"articles"`
	// Notes are plain remarks for the reader, e.g. that the window was
	// widened because nothing was found in the last 30 days.
	Notes []string `json:"notes,omitempty"`
	// Trend is the pair's one-line trend over the last year (see
	// Timeline), for a brief on two countries.
	Trend string `json:"trend,omitempty"`
	// Tone is which way the brief's stories lean ("verbal_cooperation"),
	// for a brief on two countries; each article's tone and its sentence
	// are in Articles.
	Tone string `json:"tone,omitempty"`
	// Delta says what changed since the reader's last brief on the same
	// request ("2 new stories since 3 Dec; tone turned from cooperation
	// to verbal conflict"); the new stories are marked in Articles.
	Delta string `json:"delta,omitempty"`
}

// Query echoes the parsed request in a brief.
type Query struct {
	Countries []string  `json:"countries"`
	Terms     []string  `json:"terms"`
	Since     time.Time `json:"since"`
}

// Sentence is one summary sentence, verbatim from its article.
type Sentence struct {
	Text      string `json:"text"`
	ArticleID int64  `json:"article_id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// Quote is something a person said, verbatim, with who said it.
type Quote struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	Role      string `json:"role,omitempty"`
	Partial   bool   `json:"partial,omitempty"`
	ArticleID int64  `json:"article_id"`
	URL       string `json:"url"`
	Source    string `json:"source,omitempty"`
}

// ArticleRef is a source article of a brief.
type ArticleRef struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	// Outlets counts the outlets that carried the same story (1 or more).
	Outlets int `json:"outlets,omitempty"`
	// Sample marks an illustrative article of the bundled sample corpus.
	Sample bool `json:"sample,omitempty"`
	// StoryID is the story the article stands for (near-duplicates share
	// it).
	StoryID int64 `json:"story_id,omitempty"`
	// Tone is the story's tone for the pair with the sentence that gives
	// it, for a brief on two countries.
	Tone *ToneTag `json:"tone,omitempty"`
	// New marks a story that the reader's last brief on the same request
	// did not hold and that arrived since.
	New bool `json:"new,omitempty"`
}

// Choice is one autocomplete suggestion: Name is shown, Value is what a
// command receives.
type Choice struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}
