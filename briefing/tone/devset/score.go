package devset

import (
	"fmt"
	"io"
	"math"
	"strings"

	"attache/briefing/tone"
)

// Scores are the figures of a set of predictions against labels.
type Scores struct {
	N int
	// Confusion[gold][predicted] counts lines.
	Confusion [len(tone.Classes)][len(tone.Classes)]int
}

// Add counts one prediction.
func (s *Scores) Add(gold, got tone.Class) {
	s.N++
	s.Confusion[gold][got]++
}

// Precision, Recall and F1 of one class; a class never predicted has
// precision 0, one never labelled recall 0.
func (s *Scores) Precision(c tone.Class) float64 {
	tp, all := s.Confusion[c][c], 0
	for g := range s.Confusion {
		all += s.Confusion[g][c]
	}
	return ratio(tp, all)
}

// Recall of class c.
func (s *Scores) Recall(c tone.Class) float64 {
	tp, all := s.Confusion[c][c], 0
	for p := range s.Confusion[c] {
		all += s.Confusion[c][p]
	}
	return ratio(tp, all)
}

// F1 of class c.
func (s *Scores) F1(c tone.Class) float64 {
	p, r := s.Precision(c), s.Recall(c)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// MacroF1 is the mean F1 over the five classes.
func (s *Scores) MacroF1() float64 {
	sum := 0.0
	for _, c := range tone.Classes {
		sum += s.F1(c)
	}
	return sum / float64(len(tone.Classes))
}

// Accuracy is the share of lines predicted right.
func (s *Scores) Accuracy() float64 {
	ok := 0
	for _, c := range tone.Classes {
		ok += s.Confusion[c][c]
	}
	return ratio(ok, s.N)
}

// CrossConfusions is the share of lines whose label is cooperation and
// prediction conflict, or the other way round: the error a reader of a
// timeline minds most.
func (s *Scores) CrossConfusions() float64 {
	n := 0
	for _, g := range tone.Classes {
		for _, p := range tone.Classes {
			if g.Cooperation() && p.Conflict() || g.Conflict() && p.Cooperation() {
				n += s.Confusion[g][p]
			}
		}
	}
	return ratio(n, s.N)
}

// CrossCount is the number of cooperation-versus-conflict confusions.
func (s *Scores) CrossCount() int {
	n := 0
	for _, g := range tone.Classes {
		for _, p := range tone.Classes {
			if g.Cooperation() && p.Conflict() || g.Conflict() && p.Cooperation() {
				n += s.Confusion[g][p]
			}
		}
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Write prints per-class precision and recall, macro-F1 and the confusion
// matrix.
func (s *Scores) Write(w io.Writer, title string) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d lines, macro-F1 %.3f, accuracy %.3f, cooperation-vs-conflict confusions %d (%.1f %%)\n",
		title, s.N, s.MacroF1(), s.Accuracy(), s.CrossCount(), 100*s.CrossConfusions())
	fmt.Fprintf(&b, "  %-21s %9s %9s %9s %7s\n", "class", "precision", "recall", "F1", "labels")
	for _, c := range tone.Classes {
		n := 0
		for p := range s.Confusion[c] {
			n += s.Confusion[c][p]
		}
		fmt.Fprintf(&b, "  %-21s %9.3f %9.3f %9.3f %7d\n", c, s.Precision(c), s.Recall(c), s.F1(c), n)
	}
	b.WriteString("  confusion (rows: label, columns: predicted)\n")
	fmt.Fprintf(&b, "  %-21s", "")
	for _, c := range tone.Classes {
		fmt.Fprintf(&b, " %8s", short(c))
	}
	b.WriteString("\n")
	for _, g := range tone.Classes {
		fmt.Fprintf(&b, "  %-21s", g)
		for _, p := range tone.Classes {
			fmt.Fprintf(&b, " %8d", s.Confusion[g][p])
		}
		b.WriteString("\n")
	}
	io.WriteString(w, b.String())
}

func short(c tone.Class) string {
	return [...]string{"neither", "v.coop", "m.coop", "v.confl", "m.confl"}[c]
}

// MeanSD is the mean and standard deviation of figures.
func MeanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}
