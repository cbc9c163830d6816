package eval

import (
	"slices"
	"testing"
)

func TestFoldsKeepGroupsTogether(t *testing.T) {
	groups := []string{"a.com", "b.com", "a.com", "c.org", "d.net", "b.com", "e.de", "", "", "f.fr", "a.com"}
	folds := Folds(groups, 3)
	byGroup := map[string]int{}
	for i, g := range groups {
		if g == "" {
			continue
		}
		if f, ok := byGroup[g]; ok && f != folds[i] {
			t.Fatalf("group %q is in folds %d and %d", g, f, folds[i])
		}
		byGroup[g] = folds[i]
	}
	sizes := make([]int, 3)
	for _, f := range folds {
		if f < 0 || f >= 3 {
			t.Fatalf("fold %d out of range", f)
		}
		sizes[f]++
	}
	if slices.Max(sizes)-slices.Min(sizes) > 3 {
		t.Errorf("fold sizes %v: want them within the largest group's size", sizes)
	}
}

func TestFoldsIgnoreOrder(t *testing.T) {
	groups := []string{"x", "y", "z", "x", "w", "v", "y", "u"}
	a := Folds(groups, 5)
	rev := slices.Clone(groups)
	slices.Reverse(rev)
	b := Folds(rev, 5)
	slices.Reverse(b)
	fa, fb := map[string]int{}, map[string]int{}
	for i, g := range groups {
		fa[g], fb[g] = a[i], b[i]
	}
	// Same sizes, so the same groups share a fold whatever the input order.
	for g := range fa {
		for h := range fa {
			if (fa[g] == fa[h]) != (fb[g] == fb[h]) {
				t.Errorf("groups %q and %q: together %v in one order, %v in the other", g, h, fa[g] == fa[h], fb[g] == fb[h])
			}
		}
	}
}

func TestSplit(t *testing.T) {
	train, test := Split([]int{0, 1, 0, 2, 1}, 1)
	if !slices.Equal(train, []int{0, 2, 3}) || !slices.Equal(test, []int{1, 4}) {
		t.Errorf("Split = %v, %v; want [0 2 3], [1 4]", train, test)
	}
}
