package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"attache/briefing/geo"
	"attache/briefing/tone"
	"attache/briefing/tone/devset"
)

// The roles figure counts the tags that show both sides, right where the
// reader's direction is theirs: a reversed direction and a direction
// shown where the reader saw none are wrong, and a tag that shows none is
// left out whatever the reader said.
func TestScoreRoles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lines.jsonl")
	if err := os.WriteFile(path, []byte(toneFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	all, err := readToneLines(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	f := tone.NewFinder(gaz)
	roles := []devset.Role{
		{ID: "a#1", Relation: "directed", Actor: "US", Target: "JP"}, // shown US on JP: right
		{ID: "a#2", Relation: "directed", Actor: "US", Target: "JP"}, // shown JP on US: reversed
		{ID: "b#1", Relation: "mutual"},                              // talks: no direction shown, not counted
		{ID: "c#1", Relation: "none"},                                // shown IT on TN where the reader saw no act
		{ID: "d#1", Relation: "none"},                                // neither: not counted
	}
	s, err := scoreRoles(tone.New(), f, all, roles)
	if err != nil {
		t.Fatal(err)
	}
	if s.judged != 5 || s.shown != 3 || s.right != 1 {
		t.Errorf("judged %d, shown %d, right %d; want 5, 3, 1", s.judged, s.shown, s.right)
	}
	if len(s.wrong) != 2 || !strings.HasPrefix(s.wrong[0], "a#2") || !strings.Contains(s.wrong[0], "shown JP on US") || !strings.Contains(s.wrong[1], "reader none") {
		t.Errorf("wrong = %q", s.wrong)
	}
	var b strings.Builder
	s.write(&b, "fixture", false)
	if !strings.Contains(b.String(), "5 lines judged, 3 tags show both sides, 1 of them right (33.3 %)") {
		t.Errorf("report:\n%s", b.String())
	}

	for _, bad := range [][]devset.Role{
		{{ID: "zz#9", Relation: "none"}},
		{{ID: "a#1", Relation: "none"}, {ID: "a#1", Relation: "none"}},
		{{ID: "a#1", Relation: "directed", Actor: "US", Target: "FR"}},
	} {
		if _, err := scoreRoles(tone.New(), f, all, bad); err == nil {
			t.Errorf("%+v: want an error", bad)
		}
	}
}
