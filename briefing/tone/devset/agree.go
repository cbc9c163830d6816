package devset

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"attache/briefing/tone"
)

// Draw picks n of the labelled references at random, fixed by the seed,
// each source (the prefix of the article id) given its share of n by
// largest remainder: the lines a second labeller reads again blind. The
// draw reads no label, so it cannot lean on them; the refs come back in
// the order of the set.
func Draw(refs []Ref, n int, seed uint64) []Ref {
	bySource := map[string][]int{}
	var sources []string
	for i, r := range refs {
		if r.Label == "" {
			continue
		}
		src, _, _ := strings.Cut(r.Article, "/")
		if _, ok := bySource[src]; !ok {
			sources = append(sources, src)
		}
		bySource[src] = append(bySource[src], i)
	}
	total := 0
	for _, s := range sources {
		total += len(bySource[s])
	}
	if total == 0 || n <= 0 {
		return nil
	}
	n = min(n, total)
	// Each source's quota: its share of n, the seats left over going to
	// the largest remainders.
	quota := map[string]int{}
	type rem struct {
		src  string
		frac int
	}
	var rems []rem
	given := 0
	for _, s := range sources {
		q := len(bySource[s]) * n
		quota[s] = q / total
		given += q / total
		rems = append(rems, rem{s, q % total})
	}
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Or(cmp.Compare(b.frac, a.frac), cmp.Compare(a.src, b.src)) })
	for i := 0; given < n; i++ {
		quota[rems[i%len(rems)].src]++
		given++
	}
	var picked []int
	for _, s := range sources {
		idx := slices.Clone(bySource[s])
		slices.SortFunc(idx, func(a, b int) int {
			ka, kb := LineID(refs[a].Article, refs[a].Sentence), LineID(refs[b].Article, refs[b].Sentence)
			return cmp.Or(cmp.Compare(mix(ka, seed), mix(kb, seed)), cmp.Compare(ka, kb))
		})
		picked = append(picked, idx[:quota[s]]...)
	}
	slices.Sort(picked)
	out := make([]Ref, len(picked))
	for k, i := range picked {
		out[k] = refs[i]
	}
	return out
}

// Relabel is a second reading of a labelled line: its id and the class the
// second labeller gave it, blind to the first label.
type Relabel struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Note  string `json:"note,omitempty"`
}

// ReadRelabels reads a file of relabels, one JSON object a line.
func ReadRelabels(r io.Reader) ([]Relabel, error) {
	return readLines(r, "relabels", func(rl *Relabel) error {
		_, err := tone.ParseClass(rl.Label)
		return err
	})
}

// Kappa is Cohen's kappa of the confusion of two labellings: their
// agreement beyond what each one's class shares would give by chance.
func (s *Scores) Kappa() float64 {
	if s.N == 0 {
		return 0
	}
	n := float64(s.N)
	po, pe := 0.0, 0.0
	for _, c := range tone.Classes {
		po += float64(s.Confusion[c][c])
		rows, cols := 0, 0
		for _, k := range tone.Classes {
			rows += s.Confusion[c][k]
			cols += s.Confusion[k][c]
		}
		pe += float64(rows) * float64(cols) / (n * n)
	}
	po /= n
	if pe >= 1 {
		return 1
	}
	return (po - pe) / (1 - pe)
}
