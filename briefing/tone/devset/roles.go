package devset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
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
	var out []Role
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var ro Role
		if err := json.Unmarshal(sc.Bytes(), &ro); err != nil {
			return nil, fmt.Errorf("devset: roles line %d: %w", line, err)
		}
		switch {
		case ro.ID == "":
			return nil, fmt.Errorf("devset: roles line %d: no id", line)
		case ro.Relation == "directed" && (ro.Actor == "" || ro.Target == "" || ro.Actor == ro.Target):
			return nil, fmt.Errorf("devset: roles line %d: a direction wants two different sides, got %q on %q", line, ro.Actor, ro.Target)
		case (ro.Relation == "mutual" || ro.Relation == "none") && (ro.Actor != "" || ro.Target != ""):
			return nil, fmt.Errorf("devset: roles line %d: %s takes no actor or target", line, ro.Relation)
		case ro.Relation != "directed" && ro.Relation != "mutual" && ro.Relation != "none":
			return nil, fmt.Errorf("devset: roles line %d: relation %q, want directed, mutual or none", line, ro.Relation)
		}
		out = append(out, ro)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("devset: roles: %w", err)
	}
	return out, nil
}
