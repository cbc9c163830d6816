package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"attache/briefing"
)

// Outcomes of a command, as logged and counted.
const (
	outcomeOK        = "ok"
	outcomeUserError = "user_error"
	outcomeInternal  = "internal_error"
	outcomeRefused   = "refused"
	outcomeCooldown  = "cooldown"
)

// explanation is what a person is told about a failed command.
type explanation struct {
	text    string
	outcome string
	quiet   bool   // tell them nothing
	errorID string // for internal failures: also in the log
}

// explain turns an error into words a person understands: a user error's
// own message (with its suggestions), a refusal, or for anything else a
// short apology with an id that the log also has.
func explain(err error) explanation {
	var ue *briefing.UserError
	var rf *refusal
	switch {
	case errors.As(err, &ue):
		return explanation{text: ue.Error(), outcome: outcomeUserError}
	case errors.As(err, &rf):
		return explanation{text: rf.text, outcome: rf.outcome, quiet: rf.quiet}
	}
	id := newErrorID()
	text := fmt.Sprintf("Sorry, something went wrong on my side (error id `%s`). It has been logged; please try again later.", id)
	if errors.Is(err, context.DeadlineExceeded) {
		text = fmt.Sprintf("Sorry, that took too long (error id `%s`). Try a narrower request, e.g. fewer countries or a shorter window.", id)
	}
	return explanation{text: text, outcome: outcomeInternal, errorID: id}
}

// newErrorID is a short random id tying an apology to its log line.
func newErrorID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
