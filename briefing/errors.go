package briefing

import "strings"

// UserError is a problem with what a person asked for (an unknown country,
// nothing found, a malformed time window). Message is the sentence shown to
// them as it is; anything that is not a UserError is an internal failure
// and is shown only as a short apology.
type UserError struct {
	Message     string
	Suggestions []string // "did you mean" candidates, display names
}

func (e *UserError) Error() string {
	if len(e.Suggestions) == 0 {
		return e.Message
	}
	return e.Message + " Did you mean " + strings.Join(e.Suggestions, ", ") + "?"
}
