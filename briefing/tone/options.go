package tone

import (
	"fmt"
)

// Options are the classifier's tunable choices: few, each a rule's
// strength rather than a word's, so that choosing them on four fifths of
// the dev set and scoring on the fifth says how they carry to text they
// were not chosen on.
type Options struct {
	// StateWeight ranks the nouns of states and topics ("talks",
	// "dispute") against acts and statements (weight 3).
	StateWeight float64
	// MeasureWeight ranks the nouns of measures and acts ("sanctions",
	// "the attack").
	MeasureWeight float64
}

// DefaultOptions are the choices made on the whole dev set.
func DefaultOptions() Options { return Options{StateWeight: 1.5, MeasureWeight: 2} }

func (o Options) String() string {
	return fmt.Sprintf("state weight %.1f, measure weight %.1f", o.StateWeight, o.MeasureWeight)
}

// NewWith returns a Classifier with the built-in lexicon and the options.
func NewWith(o Options) *Classifier {
	c := New()
	c.opt = o
	return c
}

// Tune chooses the options that score best (macro-F1) on the labelled
// sentences, starting from base; ties keep the earlier choice.
func Tune(sents []Sentence, gold []Class, base Options) Options {
	best, bestF := base, -1.0
	for _, sw := range []float64{1, 1.5, 2.5, 3.5} {
		for _, mw := range []float64{1.5, 2, 2.5, 3.5} {
			o := base
			o.StateWeight, o.MeasureWeight = sw, mw
			c := NewWith(o)
			var conf [len(Classes)][len(Classes)]int
			for i, s := range sents {
				conf[gold[i]][c.Classify(s).Class]++
			}
			if f := macroF1(conf); f > bestF+1e-9 {
				best, bestF = o, f
			}
		}
	}
	return best
}

func macroF1(conf [len(Classes)][len(Classes)]int) float64 {
	sum := 0.0
	for c := range conf {
		tp, pred, gold := conf[c][c], 0, 0
		for k := range conf {
			pred += conf[k][c]
			gold += conf[c][k]
		}
		if tp == 0 {
			continue
		}
		p, r := float64(tp)/float64(pred), float64(tp)/float64(gold)
		sum += 2 * p * r / (p + r)
	}
	return sum / float64(len(conf))
}
