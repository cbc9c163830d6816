package briefing

import (
	"context"
	"slices"
	"testing"

	"attache/sources/storetest"
)

func TestSpellings(t *testing.T) {
	tests := map[string][]string{
		"defense":      {"defense", "defence"},
		"defence":      {"defence", "defense"},
		"organization": {"organization", "organisation"},
		"recognised":   {"recognised", "recognized"},
		"programme":    {"programme", "program"},
		"analyse":      {"analyse", "analyze"},
		"summit":       {"summit"},
		"rise":         {"rise"}, // too short for the -ise rule
	}
	for in, want := range tests {
		if got := spellings(in); !slices.Equal(got, want) {
			t.Errorf("spellings(%q) = %v, want %v", in, got, want)
		}
	}
}

// The sample corpus writes "defence": a request for "defense" finds it.
func TestAmericanSpellingFindsBritish(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		req, err := tc.eng.ParseWords([]string{"japan", "italy", "defense", "since", "2y"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := tc.eng.Brief(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Articles) < 4 {
			t.Errorf("japan italy defense found %d stories, want the defence coverage (4 or more)", len(b.Articles))
		}
	})
}
