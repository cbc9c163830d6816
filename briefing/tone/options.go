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
	// LinkDistance is how far, in words, a cue may stand from a side and
	// still be about it.
	LinkDistance int
	// BetweenPenalty weighs down a cue that does not stand between the two
	// sides (one acts, the other is acted on) nor join them as a pair.
	BetweenPenalty float64
	// MaterialBonus favours a deed done over words, when a sentence has
	// both: "the U.S. is to lend Sudan ..., under an agreement signed
	// here".
	MaterialBonus float64
	// SubPenalty weighs down a cue in a subordinate clause ("vowed
	// revenge after the raids" is about the vow).
	SubPenalty float64
}

// DefaultOptions are the choices made on the whole dev set.
func DefaultOptions() Options {
	return Options{StateWeight: 2, MeasureWeight: 2, LinkDistance: 24, BetweenPenalty: 1.5, MaterialBonus: 0, SubPenalty: 0.75}
}

func (o Options) String() string {
	return fmt.Sprintf("state weight %.1f, measure weight %.1f, link distance %d, not-between penalty %.1f, material bonus %.1f, subordinate penalty %.1f", o.StateWeight, o.MeasureWeight, o.LinkDistance, o.BetweenPenalty, o.MaterialBonus, o.SubPenalty)
}

// NewWith returns a Classifier that reads by rule alone with the
// options (NewRules).
func NewWith(o Options) *Classifier { return NewRules(o) }

// Tune chooses the options that score best (macro-F1) on the labelled
// sentences, starting from base; ties keep the earlier choice.
func Tune(sents []Sentence, gold []Class, base Options) Options {
	c := NewWith(base)
	rs := make([]*reading, len(sents))
	for i, s := range sents {
		rs[i] = c.analyse(s)
	}
	best, bestF := base, -1.0
	for _, ld := range []int{16, 24} {
		for _, bp := range []float64{0.5, 1.5, 10} {
			for _, sw := range []float64{1.5, 2} {
				for _, mb := range []float64{0, 1} {
					o := base
					o.LinkDistance, o.BetweenPenalty, o.StateWeight, o.MaterialBonus = ld, bp, sw, mb
					c.opt = o
					var conf [len(Classes)][len(Classes)]int
					for i, r := range rs {
						conf[gold[i]][c.decide(r).Class]++
					}
					if f := macroF1(conf); f > bestF+1e-9 {
						best, bestF = o, f
					}
				}
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
