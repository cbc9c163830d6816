package extract

import "fmt"

// Tuning holds the thresholds of the pipeline that are chosen by
// cross-validation on the page benchmarks (`attache eval pages`): each
// fold is scored with the values that did best on the other folds. The
// zero value means the defaults, which are what ships.
type Tuning struct {
	// MinLetters is the least text a result must have before the
	// fallbacks are tried (default 250).
	MinLetters int
}

func (t Tuning) minLetters() int {
	if t.MinLetters > 0 {
		return t.MinLetters
	}
	return 250
}

// String names the values, for reports.
func (t Tuning) String() string {
	return fmt.Sprintf("min letters %d", t.minLetters())
}

// TuningGrid returns the configurations that cross-validation chooses
// among; the first is the default.
func TuningGrid() []Options {
	var out []Options
	for _, ml := range []int{0, 150, 500} {
		out = append(out, Options{Tuning: Tuning{MinLetters: ml}})
	}
	return out
}
