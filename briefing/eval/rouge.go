package eval

import "strings"

// RougeTokens splits text the way ../shared/eval/rouge.py does (and
// google-research rouge-score without stemming): lower case, every run of
// characters outside [a-z0-9] a separator.
func RougeTokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// PRF is a precision, recall and F1.
type PRF struct{ P, R, F float64 }

func prf(hits, cand, ref int) PRF {
	var p, r, f float64
	if cand > 0 {
		p = float64(hits) / float64(cand)
	}
	if ref > 0 {
		r = float64(hits) / float64(ref)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// RougeN is clipped n-gram overlap between candidate and reference tokens.
func RougeN(cand, ref []string, n int) PRF {
	grams := func(ts []string) map[string]int {
		m := map[string]int{}
		for i := 0; i+n <= len(ts); i++ {
			m[strings.Join(ts[i:i+n], "\x00")]++
		}
		return m
	}
	c, r := grams(cand), grams(ref)
	hits, nc, nr := 0, 0, 0
	for k, v := range c {
		nc += v
		hits += min(v, r[k])
	}
	for _, v := range r {
		nr += v
	}
	return prf(hits, nc, nr)
}

// RougeL is the longest common subsequence of the whole token sequences.
func RougeL(cand, ref []string) PRF {
	if len(cand) == 0 || len(ref) == 0 {
		return prf(0, len(cand), len(ref))
	}
	prev := make([]int, len(ref)+1)
	cur := make([]int, len(ref)+1)
	for _, x := range cand {
		for j, y := range ref {
			switch {
			case x == y:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prf(prev[len(ref)], len(cand), len(ref))
}
