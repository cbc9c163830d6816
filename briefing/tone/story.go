package tone

// StoryTone is the tone of one story for a pair: the balance of the tags
// of its sentences about the pair, and the sentence that carries it.
type StoryTone struct {
	Class Class
	// Counts are the story's sentences about the pair by class.
	Counts [len(Classes)]int
	// Evidence is the first sentence of the story's class: the one a
	// reader is shown to see why the story counts as it does.
	Evidence Tag
}

// Story balances the tags of a story's sentences, in text order: each
// class scores the sentences that carry it, the first sentence about the
// pair counting 1, the second 1/2, the third 1/3 and so on, since news
// puts the event first and the reactions after; the class that scores
// most wins, neither aside. A story whose sentences are all neither is
// neither, with no evidence.
func Story(tags []Tag) StoryTone {
	var st StoryTone
	var score [len(Classes)]float64
	first := [len(Classes)]int{}
	for i := range first {
		first[i] = -1
	}
	for i, t := range tags {
		st.Counts[t.Class]++
		score[t.Class] += 1 / float64(i+1)
		if first[t.Class] < 0 {
			first[t.Class] = i
		}
	}
	best := Neither
	for _, c := range Classes[1:] {
		if st.Counts[c] == 0 {
			continue
		}
		if best == Neither || score[c] > score[best]+1e-9 || score[c] > score[best]-1e-9 && first[c] < first[best] {
			best = c
		}
	}
	st.Class = best
	if best != Neither {
		st.Evidence = tags[first[best]]
	}
	return st
}
