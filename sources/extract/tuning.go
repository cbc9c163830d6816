package extract

import "fmt"

// Tuning holds the thresholds of the pipeline that are chosen by
// cross-validation on the page benchmarks (`attache eval pages`): each
// fold is scored with the values that did best on the other folds. The
// zero value means the defaults, which are what ships.
type Tuning struct {
	// MinLetters is the least text a reading must have to stand without
	// the page's own paragraphs competing with it (default 250).
	MinLetters int
	// SecondReading: a pruned reading with fewer letters than this is
	// checked against the page read as it came (default 2500).
	SecondReading int
	// Agreement is the share of the second reading's words that the first
	// must hold for the two to agree (default 0.6).
	Agreement float64
	// Margin is by how much, as a share of the first reading's letters,
	// another reading must outscore it to replace it (default 0.1).
	Margin float64
	// DropStandfirst removes a standfirst that repeats the page's
	// description in a container apart from the body (default: kept).
	DropStandfirst bool
}

func (t Tuning) minLetters() int { return orInt(t.MinLetters, 250) }

func (t Tuning) secondReading() int { return orInt(t.SecondReading, 2500) }

func (t Tuning) agreement() float64 { return orFloat(t.Agreement, 0.6) }

func (t Tuning) margin() float64 { return orFloat(t.Margin, 0.1) }

func orInt(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

func orFloat(v, def float64) float64 {
	if v > 0 {
		return v
	}
	return def
}

// String names the values, for reports.
func (t Tuning) String() string {
	standfirst := "kept"
	if t.DropStandfirst {
		standfirst = "dropped"
	}
	return fmt.Sprintf("min letters %d, second reading below %d letters, agreement %.2f, margin %.2f, standfirst %s",
		t.minLetters(), t.secondReading(), t.agreement(), t.margin(), standfirst)
}

// TuningGrid returns the configurations that cross-validation chooses
// among; the first is the default.
func TuningGrid() []Options {
	out := []Options{{}}
	for _, t := range []Tuning{
		{SecondReading: 1200}, {SecondReading: 5000},
		{Agreement: 0.4}, {Agreement: 0.8},
		{MinLetters: 500},
		{DropStandfirst: true},
	} {
		out = append(out, Options{Tuning: t})
	}
	return out
}
