package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/briefing/geo"
	"attache/sources"
)

// A store whose articles were stored without readings (by an older
// Attaché) is read by `attache reindex`, once; its timelines are the same
// before and after.
func TestReindexCommand(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	ctx := context.Background()
	st, err := sources.OpenSQLite(ctx, filepath.Join(data, sources.DefaultStorePath), sources.StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	arts := conflictArticles(time.Now().UTC())
	if _, err := sources.NewIngester(st, g.Tag, nil).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// What the timeline shows, without the times it was drawn at.
	timeline := func() string {
		t.Helper()
		out, _, err := attache(t, data, "timeline", "canada", "mexico", "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var tl map[string]any
		if err := json.Unmarshal([]byte(out), &tl); err != nil {
			t.Fatal(err)
		}
		delete(tl, "query")
		delete(tl, "since")
		delete(tl, "until")
		b, _ := json.MarshalIndent(tl, "", " ")
		return string(b)
	}
	before := timeline() // reads the unread articles itself; the sample is seeded (and read) on this first open
	out, errOut, err := attache(t, data, "reindex")
	if err != nil {
		t.Fatalf("reindex: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "Read 4 articles for timelines") || !strings.Contains(errOut, "reading 4 articles for timelines") {
		t.Errorf("reindex said:\n%s\n%s", out, errOut)
	}
	if out, _, err := attache(t, data, "reindex"); err != nil || !strings.Contains(out, "Every article is read for timelines already.") {
		t.Errorf("reindex again = %q, %v", out, err)
	}
	if after := timeline(); after != before {
		t.Errorf("the timeline changed with the reindex:\nbefore %s\nafter %s", before, after)
	}
	if !strings.Contains(before, "material_conflict") {
		t.Errorf("the timeline misses the fixtures' conflict:\n%s", before)
	}
}
