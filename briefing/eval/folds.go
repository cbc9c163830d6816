// Package eval is the evaluation plumbing shared by the `attache eval`
// commands: folds for cross-validation grouped by host or source, and the
// arithmetic of reporting a whole-dev figure beside a cross-validated one.
//
// The rule it serves: every rule, phrase and threshold is chosen on four
// fifths of a dev set and reported on the fifth it was not chosen on, with
// no group (a host, a source, an outlet) split across folds.
package eval

import (
	"cmp"
	"hash/fnv"
	"slices"
)

// DefaultFolds is the number of folds the eval commands use.
const DefaultFolds = 5

// Folds assigns each item to one of k folds so that items of the same group
// share a fold and the folds hold about the same number of items. groups[i]
// is item i's group (a host, a source); an empty group makes the item a group
// of its own. The result is the same for the same input, whatever its order:
// groups are placed largest first (ties by a hash of the name), each into the
// fold that holds the fewest items so far (ties: the lowest fold).
func Folds(groups []string, k int) []int {
	if k < 1 {
		k = 1
	}
	members := map[string][]int{}
	for i, g := range groups {
		if g == "" {
			g = "\x00item:" + itoa(i)
		}
		members[g] = append(members[g], i)
	}
	names := make([]string, 0, len(members))
	for g := range members {
		names = append(names, g)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(len(members[b]), len(members[a])); c != 0 {
			return c
		}
		if c := cmp.Compare(hash(a), hash(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	sizes := make([]int, k)
	fold := make([]int, len(groups))
	for _, g := range names {
		best := 0
		for f := 1; f < k; f++ {
			if sizes[f] < sizes[best] {
				best = f
			}
		}
		for _, i := range members[g] {
			fold[i] = best
		}
		sizes[best] += len(members[g])
	}
	return fold
}

// Split returns the indices of the items outside fold f (to tune on) and
// inside it (to report on).
func Split(folds []int, f int) (train, test []int) {
	for i, x := range folds {
		if x == f {
			test = append(test, i)
		} else {
			train = append(train, i)
		}
	}
	return train, test
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// ChooseByFold picks, for each of k folds, the candidate (a configuration,
// a threshold) that scores best on the items outside that fold:
// objective(c, train) is candidate c's score on the training items. Ties
// go to the lower candidate, so list the default first. The result holds
// one candidate per fold; score each fold's items with its own choice to
// get the cross-validated figure.
func ChooseByFold(candidates int, folds []int, k int, objective func(c int, train []int) float64) []int {
	chosen := make([]int, k)
	for f := 0; f < k; f++ {
		train, _ := Split(folds, f)
		best, bestScore := 0, 0.0
		for c := 0; c < candidates; c++ {
			if s := objective(c, train); c == 0 || s > bestScore {
				best, bestScore = c, s
			}
		}
		chosen[f] = best
	}
	return chosen
}
