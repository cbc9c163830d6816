package devset

import (
	"errors"
	"fmt"
	"io"
)

// Role is a reader's judgement of who acts on whom in a labelled line,
// made blind to what the classifier shows: Relation "directed" with the
// Actor and Target codes, "mutual" (the two act together or alike) or
// "none" (no act between the two).
type Role struct {
	ID       string `json:"id"`
	Relation string `json:"relation"`
	Actor    string `json:"actor,omitempty"`
	Target   string `json:"target,omitempty"`
}

// ReadRoles reads a file of roles, one JSON object a line, and refuses
// one that does not hold together: a direction without two different
// sides, or sides given to a relation without one.
func ReadRoles(r io.Reader) ([]Role, error) {
	return readLines(r, "roles", func(ro *Role) error {
		switch {
		case ro.ID == "":
			return errors.New("no id")
		case ro.Relation == "directed" && (ro.Actor == "" || ro.Target == "" || ro.Actor == ro.Target):
			return fmt.Errorf("a direction wants two different sides, got %q on %q", ro.Actor, ro.Target)
		case (ro.Relation == "mutual" || ro.Relation == "none") && (ro.Actor != "" || ro.Target != ""):
			return fmt.Errorf("%s takes no actor or target", ro.Relation)
		case ro.Relation != "directed" && ro.Relation != "mutual" && ro.Relation != "none":
			return fmt.Errorf("relation %q, want directed, mutual or none", ro.Relation)
		}
		return nil
	})
}
