package main

import (
	"fmt"
	"io"
	"slices"

	"attache/briefing/tone"
	"attache/briefing/tone/devset"
)

// rolesScore is how often the classifier as it ships names who acts on
// whom as a reader does, over the lines that reader judged.
type rolesScore struct {
	judged, shown, right int
	bySource             map[string][2]int // shown, right
	wrong                []string          // one line each, for --errors
}

// scoreRoles reads the lines a file of roles names (lines holds them,
// with their text) with the classifier as it ships, and counts the tags
// that show both sides and whether the reader's direction is theirs.
// A tag that shows no direction is not counted: the figure is the
// precision of what a person is shown.
func scoreRoles(c *tone.Classifier, f *tone.Finder, lines []toneLine, roles []devset.Role) (rolesScore, error) {
	index := make(map[string]int, len(lines))
	for i, l := range lines {
		index[l.ID] = i
	}
	s := rolesScore{bySource: map[string][2]int{}}
	seen := map[string]bool{}
	for _, ro := range roles {
		i, ok := index[ro.ID]
		if !ok {
			return s, fmt.Errorf("eval tone: roles: %s: no labelled line with this id", ro.ID)
		}
		if seen[ro.ID] {
			return s, fmt.Errorf("eval tone: roles: %s: judged twice", ro.ID)
		}
		seen[ro.ID] = true
		l := lines[i]
		if ro.Relation == "directed" && (!slices.Contains(l.Pair[:], ro.Actor) || !slices.Contains(l.Pair[:], ro.Target)) {
			return s, fmt.Errorf("eval tone: roles: %s: %s on %s is not the line's pair %v", ro.ID, ro.Actor, ro.Target, l.Pair)
		}
		s.judged++
		t := c.Classify(toneSentence(f, l))
		if t.Actor == "" || t.Target == "" {
			continue
		}
		s.shown++
		src := lineSource(l)
		n := s.bySource[src]
		n[0]++
		if ro.Relation == "directed" && t.Actor == ro.Actor && t.Target == ro.Target {
			s.right++
			n[1]++
		} else {
			reader := ro.Relation
			if ro.Relation == "directed" {
				reader = ro.Actor + " on " + ro.Target
			}
			s.wrong = append(s.wrong, fmt.Sprintf("%s %v shown %s on %s (%s, cue %q), reader %s\n    %s", l.ID, l.Pair, t.Actor, t.Target, t.Class, t.Cue, reader, l.Text))
		}
		s.bySource[src] = n
	}
	return s, nil
}

func (s rolesScore) write(w io.Writer, name string, showErrors bool) {
	fmt.Fprintf(w, "who acts on whom, %s: %d lines judged, %d tags show both sides, %d of them right", name, s.judged, s.shown, s.right)
	if s.shown > 0 {
		fmt.Fprintf(w, " (%.1f %%)", 100*float64(s.right)/float64(s.shown))
	}
	fmt.Fprintln(w)
	srcs := make([]string, 0, len(s.bySource))
	for src := range s.bySource {
		srcs = append(srcs, src)
	}
	slices.Sort(srcs)
	for _, src := range srcs {
		n := s.bySource[src]
		fmt.Fprintf(w, "  %s: %d of %d right\n", src, n[1], n[0])
	}
	if showErrors {
		for _, e := range s.wrong {
			fmt.Fprintln(w, "  "+e)
		}
	}
}

// rolesTone scores each file of roles against the labelled dev set,
// rebuilt from dir, and the files pooled.
func rolesTone(w io.Writer, f *tone.Finder, dir, labels string, paths []string, showErrors bool) error {
	lines, err := devLines(dir, labels)
	if err != nil {
		return err
	}
	c := tone.New()
	var pooled rolesScore
	pooled.bySource = map[string][2]int{}
	for _, p := range paths {
		roles, err := readJudged(p, devset.ReadRoles)
		if err != nil {
			return err
		}
		s, err := scoreRoles(c, f, lines, roles)
		if err != nil {
			return err
		}
		s.write(w, p, showErrors)
		pooled.judged += s.judged
		pooled.shown += s.shown
		pooled.right += s.right
		for src, n := range s.bySource {
			m := pooled.bySource[src]
			pooled.bySource[src] = [2]int{m[0] + n[0], m[1] + n[1]}
		}
	}
	if len(paths) > 1 {
		pooled.write(w, "pooled", false)
	}
	return nil
}
