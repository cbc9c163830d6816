package briefing

import (
	"strings"
	"time"
)

// ParseSpeakerWords reads a request for one person's quotes as people type
// it in a DM, a prefix command or the terminal: "by giorgia meloni",
// "from kishida since 3y". ok is false when the words do not start with
// "by" or "from" (a country or topic request); the speaker runs up to the
// time window, which is read as ParseWordsContext reads it.
func ParseSpeakerWords(words []string, now time.Time) (req Request, ok bool, err error) {
	tokens := tokenizeRequest(words)
	if len(tokens) == 0 || !strings.EqualFold(tokens[0], "by") && !strings.EqualFold(tokens[0], "from") {
		return req, false, nil
	}
	rest, since, err := takeWindow(tokens[1:], now)
	if err != nil {
		return req, true, err
	}
	speaker := strings.Join(rest, " ")
	if speaker == "" {
		return req, true, &UserError{Message: "Tell me whose quotes you want, e.g. `quotes by meloni since 1y`."}
	}
	if len(rest) > MaxRequestWords {
		return req, true, &UserError{Message: "That is a long name; give the person's surname, e.g. `quotes by meloni`."}
	}
	req.Speaker = speaker
	req.Since = since
	return req, true, nil
}
