package quote

import (
	"sync"
	"testing"

	"attache/briefing/geo"
)

// testGazetteer is the real gazetteer, built once for the package's tests.
var testGazetteer = sync.OnceValues(func() (*geo.Gazetteer, error) { return geo.New() })

// The gazetteer is what the briefing engine hands to FindWith.
var _ Places = (*geo.Gazetteer)(nil)

// find runs FindWith with the real gazetteer, as the brief does.
func find(t testing.TB, text string) []Quote {
	t.Helper()
	g, err := testGazetteer()
	if err != nil {
		t.Fatalf("gazetteer: %v", err)
	}
	return FindWith(text, Options{Places: g})
}
