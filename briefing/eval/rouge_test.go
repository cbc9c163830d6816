package eval

import (
	"math"
	"testing"
)

// The values were computed by ../shared/eval/rouge.py on the same strings.
func TestRouge(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	tests := []struct {
		cand, ref      string
		r1, r2, rl     float64 // F1
		r1p, r1r, rlpr float64 // R-1 P and R, R-L P
	}{
		{"The cat sat on the mat.", "The cat was on the mat!", 0.8333333333333334, 0.6, 0.8333333333333334, 0.8333333333333334, 0.8333333333333334, 0.8333333333333334},
		{"a b c d e f", "a c e b d f g", 0.923076923076923, 0, 0.6153846153846153, 1, 0.8571428571428571, 0.6666666666666666},
	}
	for _, tt := range tests {
		c, r := RougeTokens(tt.cand), RougeTokens(tt.ref)
		if got := RougeN(c, r, 1); !near(got.F, tt.r1) || !near(got.P, tt.r1p) || !near(got.R, tt.r1r) {
			t.Errorf("R-1(%q, %q) = %+v, want F %v P %v R %v", tt.cand, tt.ref, got, tt.r1, tt.r1p, tt.r1r)
		}
		if got := RougeN(c, r, 2); !near(got.F, tt.r2) {
			t.Errorf("R-2(%q, %q) = %+v, want F %v", tt.cand, tt.ref, got, tt.r2)
		}
		if got := RougeL(c, r); !near(got.F, tt.rl) || !near(got.P, tt.rlpr) {
			t.Errorf("R-L(%q, %q) = %+v, want F %v P %v", tt.cand, tt.ref, got, tt.rl, tt.rlpr)
		}
	}
	if got := RougeTokens("U.S. £1,400 — it's"); len(got) != 6 || got[0] != "u" || got[2] != "1" || got[5] != "s" {
		t.Errorf("RougeTokens = %q", got)
	}
	if got := RougeN(nil, RougeTokens("a b"), 1); got.F != 0 {
		t.Errorf("empty candidate: %+v", got)
	}
}
