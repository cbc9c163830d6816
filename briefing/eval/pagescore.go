package eval

import (
	"strings"
	"unicode"
)

// The two page metrics, written to give the same figures as the scripts
// beside the data (../shared/eval/pages.py and snippets.py) on the same
// outputs.

// ShingleCounts is one page's score by the Zyte benchmark's metric.
type ShingleCounts struct {
	TP, FP, FN int
	// Empty: the prediction has no token (it does not count for precision).
	Empty bool
	// Exact: the prediction's token sequence equals the gold's.
	Exact bool
}

// Precision is TP/(TP+FP) of one page (0 when it has no shingle).
func (c ShingleCounts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN) of one page (1 when the gold is empty).
func (c ShingleCounts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of the page's precision and recall.
func (c ShingleCounts) F1() float64 { return harmonic(c.Precision(), c.Recall()) }

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ScoreShingles scores a predicted article body against the gold one:
// tokens are runs of Unicode word characters (letters, numbers and the
// underscore, as Python's \w), case kept; 4-token shingles (the whole
// token list when shorter) with clipped counts give TP, FP and FN.
func ScoreShingles(got, gold string) ShingleCounts {
	gt, wt := wordTokens(got), wordTokens(gold)
	gs, ws := shingles(gt), shingles(wt)
	var c ShingleCounts
	total, wtotal := 0, 0
	for k, n := range gs {
		c.TP += min(n, ws[k])
		total += n
	}
	for _, n := range ws {
		wtotal += n
	}
	c.FP = total - c.TP
	c.FN = wtotal - c.TP
	c.Empty = len(gt) == 0
	c.Exact = len(gt) == len(wt)
	for i := 0; c.Exact && i < len(gt); i++ {
		c.Exact = gt[i] == wt[i]
	}
	return c
}

func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

func wordTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordChar(r) })
}

func shingles(toks []string) map[string]int {
	m := map[string]int{}
	if len(toks) < 4 {
		if len(toks) > 0 {
			m[strings.Join(toks, "\x00")]++
		}
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], "\x00")]++
	}
	return m
}

// ShingleScore is a set's score by the Zyte metric.
type ShingleScore struct {
	Pages, Empty          int
	F1, Precision, Recall float64
	Accuracy              float64
}

// SumShingles totals page scores as pages.py does: precision is the mean
// over pages with a non-empty prediction, recall the mean over all pages,
// F1 the harmonic mean of the two means, accuracy the share of exact pages.
func SumShingles(pages []ShingleCounts) ShingleScore {
	s := ShingleScore{Pages: len(pages)}
	var sumP, sumR float64
	nonEmpty, exact := 0, 0
	for _, c := range pages {
		if !c.Empty {
			nonEmpty++
			sumP += c.Precision()
		}
		sumR += c.Recall()
		if c.Exact {
			exact++
		}
	}
	s.Empty = len(pages) - nonEmpty
	if nonEmpty > 0 {
		s.Precision = sumP / float64(nonEmpty)
	}
	if len(pages) > 0 {
		s.Recall = sumR / float64(len(pages))
		s.Accuracy = float64(exact) / float64(len(pages))
	}
	s.F1 = harmonic(s.Precision, s.Recall)
	return s
}

// SnippetCounts is one page's (or a set's) count by trafilatura's metric.
type SnippetCounts struct{ TP, FP, FN, TN int }

// Add returns the sum of two counts.
func (c SnippetCounts) Add(d SnippetCounts) SnippetCounts {
	return SnippetCounts{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN, c.TN + d.TN}
}

// ScoreSnippets counts which snippets a text holds: a "with" snippet found
// is a true positive, else a false negative; a "without" snippet found is
// a false positive, else a true negative. Text and snippets are compared
// after folding runs of white space (Python's \s, so no-break spaces count)
// to one space and trimming; case matters.
func ScoreSnippets(text string, with, without []string) SnippetCounts {
	t := pyNorm(text)
	var c SnippetCounts
	for _, w := range with {
		if strings.Contains(t, pyNorm(w)) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, w := range without {
		if strings.Contains(t, pyNorm(w)) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

// SnippetScore is a set's score by trafilatura's metric.
type SnippetScore struct {
	SnippetCounts
	Precision, Recall, F1, Accuracy float64
}

// SumSnippets totals page counts (micro-averaged, as snippets.py does).
func SumSnippets(pages []SnippetCounts) SnippetScore {
	var c SnippetCounts
	for _, p := range pages {
		c = c.Add(p)
	}
	s := SnippetScore{SnippetCounts: c}
	if c.TP+c.FP > 0 {
		s.Precision = float64(c.TP) / float64(c.TP+c.FP)
	}
	if c.TP+c.FN > 0 {
		s.Recall = float64(c.TP) / float64(c.TP+c.FN)
	}
	if all := c.TP + c.FP + c.FN + c.TN; all > 0 {
		s.Accuracy = float64(c.TP+c.TN) / float64(all)
	}
	if d := 2*c.TP + c.FP + c.FN; d > 0 {
		s.F1 = float64(2*c.TP) / float64(d)
	}
	return s
}

// pySpace reports whether Python's str.isspace holds for r.
func pySpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= 0x1f, r == ' ', r == 0x85, r == 0xa0,
		r == 0x1680, r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f,
		r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// pyNorm folds runs of white space to one space and trims the ends.
func pyNorm(s string) string { return strings.Join(strings.FieldsFunc(s, pySpace), " ") }
