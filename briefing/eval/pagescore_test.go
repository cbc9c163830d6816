package eval

import (
	"context"
	"fmt"
	"math"
	"testing"
)

// The wanted figures were computed with ../shared/eval/pages.py and
// snippets.py on the same strings.
func TestScoreShinglesAgreesWithPagesPy(t *testing.T) {
	cases := []struct {
		got, gold    string
		p, r         float64
		empty, exact bool
	}{
		{"The quick brown fox jumps over the lazy dog. Naïve café_au lait 42!",
			"The quick brown fox jumps over a lazy dog. Naïve café_au lait 42!", 0.6, 0.6, false, false},
		{"", "one two three", 0, 0, true, false},
		{"one two", "one two", 1, 1, false, true},
		{"α β γ δ ε ζ", "α β γ δ ε ζ η", 1, 0.75, false, false},
	}
	for _, c := range cases {
		s := ScoreShingles(c.got, c.gold)
		if math.Abs(s.Precision()-c.p) > 1e-9 || math.Abs(s.Recall()-c.r) > 1e-9 || s.Empty != c.empty || s.Exact != c.exact {
			t.Errorf("ScoreShingles(%q, %q) = P %.4f R %.4f empty %v exact %v; want P %.4f R %.4f empty %v exact %v",
				c.got, c.gold, s.Precision(), s.Recall(), s.Empty, s.Exact, c.p, c.r, c.empty, c.exact)
		}
	}
	sum := SumShingles([]ShingleCounts{ScoreShingles("", "a b c d e"), ScoreShingles("a b c d e", "a b c d e")})
	// Precision over the one non-empty page, recall over both.
	if sum.Empty != 1 || sum.Precision != 1 || sum.Recall != 0.5 || math.Abs(sum.F1-2.0/3) > 1e-9 || sum.Accuracy != 0.5 {
		t.Errorf("SumShingles = %+v; want empty 1, P 1, R 0.5, F1 0.667, accuracy 0.5", sum)
	}
}

func TestScoreSnippetsAgreesWithSnippetsPy(t *testing.T) {
	text := "Der  Text\u00a0hat\tviele\u2003Leerzeichen. Mit\u00adtel\u00adal\u00adter"
	got := ScoreSnippets(text, []string{"Text hat viele", "Mittelalter", " Leerzeichen. "}, []string{"Mit\u00adtel", "nichts"})
	if want := (SnippetCounts{TP: 2, FP: 1, FN: 1, TN: 1}); got != want {
		t.Errorf("ScoreSnippets = %+v, want %+v", got, want)
	}
	s := SumSnippets([]SnippetCounts{got, {TP: 1, FN: 1, TN: 2}})
	if s.TP != 3 || math.Abs(s.F1-6.0/9) > 1e-9 || math.Abs(s.Precision-0.75) > 1e-9 || math.Abs(s.Recall-0.6) > 1e-9 {
		t.Errorf("SumSnippets = %+v; want TP 3, F1 0.667, P 0.75, R 0.6", s)
	}
}

func TestHostOf(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.Example.org/a/b": "example.org",
		"https://web.archive.org/web/20070228213001/http://www.news.example.fr/x?y=1": "news.example.fr",
		"hard::file.html": "",
		"":                "",
	} {
		if got := HostOf(in); got != want {
			t.Errorf("HostOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChooseByFold(t *testing.T) {
	// Candidate 1 is best on every fold but fold 2's training set, where
	// candidate 0 wins.
	folds := []int{0, 1, 2, 0, 1, 2}
	chosen := ChooseByFold(2, folds, 3, func(c int, train []int) float64 {
		has2 := false
		for _, i := range train {
			has2 = has2 || folds[i] == 2
		}
		if c == 1 && has2 {
			return 1
		}
		return 0.5
	})
	if chosen[0] != 1 || chosen[1] != 1 || chosen[2] != 0 {
		t.Errorf("ChooseByFold = %v, want [1 1 0]", chosen)
	}
}

// TestRunPagesCrossValidates runs two configurations over a small snippet
// set: the second is better on the pages of every host but one, where it
// loses its article. Each fold must be scored with what won on the other
// four, and the lost article must show as a collapse.
func TestRunPagesCrossValidates(t *testing.T) {
	var pages []Page
	for i := 0; i < 20; i++ {
		host := fmt.Sprintf("site%d.example", i)
		pages = append(pages, Page{ID: fmt.Sprintf("p%02d", i), URL: "https://" + host + "/a", Host: host,
			HTML: []byte(host), With: []string{"the article"}, Without: []string{"the menu"}})
	}
	const worse = "site7.example"
	shipped := func(body []byte, _ string) string { return "the menu. the article" }
	trimmed := func(body []byte, _ string) string {
		if string(body) == worse {
			return "the footer"
		}
		return "the article"
	}
	library := func([]byte, string) string { return "the article" }
	run, err := RunPages(context.Background(), map[PageSet][]Page{Snippets: pages}, []PageSet{Snippets},
		[]PageSystem{shipped, trimmed}, library, 0.001)
	if err != nil {
		t.Fatal(err)
	}
	if run.Whole != 1 {
		t.Errorf("chosen on the whole dev: %d, want 1", run.Whole)
	}
	for f, c := range run.Chosen {
		if c != 1 {
			t.Errorf("fold %d chose %d, want 1 (better on its training folds)", f, c)
		}
	}
	b := run.Benches[0]
	whole, cv := b.Score(b.All(), b.Config(0)), b.Score(b.All(), b.CrossValidated(run.Chosen))
	if whole.F1 >= cv.F1 {
		t.Errorf("cross-validated F1 %.3f, want above the default's %.3f", cv.F1, whole.F1)
	}
	collapses := b.Collapses(b.CrossValidated(run.Chosen))
	if len(collapses) != 1 || b.Pages[collapses[0]].Host != worse {
		t.Errorf("collapses %v, want the one page of %s", collapses, worse)
	}
}
