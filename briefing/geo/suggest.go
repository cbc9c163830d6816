package geo

import (
	"sort"
	"strings"
)

// suggestEntry is one folded name, demonym or capital and its entity.
type suggestEntry struct {
	key    string
	entity int32
}

func (g *Gazetteer) buildSuggest() {
	seen := map[string]bool{}
	for i, e := range g.entities {
		for _, list := range [][]string{e.Names, e.Demonyms, e.Capitals} {
			for _, n := range list {
				k := fold(n)
				if len(k) < 2 || seen[k+"\x00"+e.Code] {
					continue
				}
				seen[k+"\x00"+e.Code] = true
				g.near = append(g.near, suggestEntry{key: k, entity: int32(i)})
			}
		}
	}
}

// Suggest returns up to n display names near a misspelt word ("japn" ->
// "Japan", "itlay" -> "Italy", "tokio" -> "Japan"), nearest first, by edit
// distance (with transpositions) to names, demonyms and capitals; a word
// of four letters or more that starts a name also counts as near. It
// returns nothing when no name is near.
func (g *Gazetteer) Suggest(word string, n int) []string {
	w := fold(strings.TrimSpace(word))
	if n <= 0 || len(w) < 2 || len(w) > 64 {
		return nil
	}
	limit := 1
	switch {
	case len(w) <= 2:
		limit = 0
	case len(w) >= 9:
		limit = 3
	case len(w) >= 5:
		limit = 2
	}
	best := map[int32]int{}
	for _, e := range g.near {
		d := -1
		if len(w) >= 4 && strings.HasPrefix(e.key, w) {
			d = 1
			if e.key == w {
				d = 0
			}
		}
		if d < 0 {
			if abs(len(e.key)-len(w)) > limit {
				continue
			}
			d = distance(w, e.key, limit)
			if d > limit {
				continue
			}
		}
		if old, ok := best[e.entity]; !ok || d < old {
			best[e.entity] = d
		}
	}
	ids := make([]int32, 0, len(best))
	for id := range best {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		da, db := best[ids[a]], best[ids[b]]
		if da != db {
			return da < db
		}
		return g.entities[ids[a]].Name < g.entities[ids[b]].Name
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = g.entities[id].Name
	}
	return out
}

// distance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours, over
// bytes), or limit+1 once it is sure to exceed limit.
func distance(a, b string, limit int) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
