package tone

import (
	"strconv"
	"strings"
)

// feature is one named fact about a sentence that the learned layer
// weighs, with the words it stands on (for the evidence of a tag): -1
// when it stands on no word in particular.
type feature struct {
	name       string
	start, end int // word indices [start, end), or -1
}

// features lists what the learned layer reads of a sentence: the rule
// reading's verdict and each of its candidate cues with how the sentence
// holds them, how the two sides stand, and the words (their base forms,
// single and in pairs) with those near a side marked apart. The rule
// reading's cues are its knowledge of CAMEO and PLOVER; the words let the
// layer learn where that knowledge misleads (a figure, a firm, a venue).
func (c *Classifier) features(r *reading) []feature {
	fw := &featWriter{seen: map[string]bool{}}
	c.writeFeatures(r, fw, &scratch{})
	return fw.fs
}

// writeFeatures writes the features of a sentence to fw, in the order
// that their first statement makes, each name built in fw's buffer from
// its parts (fw keeps it or looks it up). sc holds the word marks.
func (c *Classifier) writeFeatures(r *reading, fw *featWriter, sc *scratch) {
	ws := r.ws
	fw.add(-1, -1, "bias")

	sides := [2]bool{}
	speaker := false
	for _, m := range r.ms {
		sides[m.side] = true
		speaker = speaker || m.speaker
	}
	switch {
	case sides[0] && sides[1]:
		fw.add(-1, -1, "sides:both")
		join, _ := closestJoin(ws, r.ms)
		fw.add(-1, -1, "join:", strconv.Itoa(int(join)))
	case sides[0] || sides[1]:
		fw.add(-1, -1, "sides:one")
	default:
		fw.add(-1, -1, "sides:none")
	}
	if speaker {
		fw.add(-1, -1, "speaker")
	}
	if bothSides(ws) {
		fw.add(-1, -1, "bothsides")
	}
	if statistic(ws) {
		fw.add(-1, -1, "statistic")
	}

	// The rule reading's verdict, and every cue it weighed.
	rule := c.decide(r)
	fw.rule = rule.Class
	fw.add(-1, -1, "rule:", rule.Class.String())
	if rule.Class != Neither {
		fw.add(-1, -1, "rule:", rule.Class.String(), ":", rule.Reading)
	}
	n := 0
	for _, cd := range r.cands {
		if r.oneSide {
			// One side named: what is said of it, weighed apart.
			s, e := cd.m.trigger(), cd.m.last()+1
			fw.add(s, e, "one:", cd.class.String())
			fw.add(s, e, "one:", cd.class.String(), ":", moodNames[cd.mood])
			continue
		}
		if cd.dist > c.opt.LinkDistance {
			fw.add(-1, -1, "far:", cd.class.String())
			continue
		}
		n++
		s, e := cd.m.trigger(), cd.m.last()+1
		cl := cd.class.String()
		plain := cd.m.cue.class.String()
		md := moodNames[cd.mood]
		fw.add(s, e, "cand:", cl)
		fw.add(s, e, "cand:", cl, ":", md)
		fw.add(s, e, "cue:", plain, ">", cl)
		fw.add(s, e, "cand:", cl, ":kind", strconv.Itoa(int(cd.m.cue.kind)))
		if cd.between {
			fw.add(s, e, "cand:", cl, ":between")
		}
		if cd.sub {
			fw.add(s, e, "cand:", cl, ":sub")
		}
		if cd.dist <= 3 {
			fw.add(s, e, "cand:", cl, ":near")
		}
		fw.add(s, e, "cuew:", lemma(&ws[s]), ":", md)
	}
	switch {
	case n == 0:
		fw.add(-1, -1, "cands:0")
	case n == 1:
		fw.add(-1, -1, "cands:1")
	default:
		fw.add(-1, -1, "cands:2+")
	}

	// Words, and pairs of words; those within three words of a side
	// marked as near it.
	near := sc.marks(&sc.near, len(ws))
	for _, m := range r.ms {
		for i := max(0, m.first-3); i < len(ws) && i < m.end+3; i++ {
			near[i] = true
		}
	}
	inSide := sc.marks(&sc.inSide, len(ws))
	for _, m := range r.ms {
		for i := m.first; i < m.end; i++ {
			inSide[i] = true
		}
	}
	// The words between the two sides ("Japan bought U.S. corn"), the
	// verb after the first side ("Washington warned"), and the words
	// around each candidate cue ("accepted a bid for an export bonus").
	if len(r.ms) > 0 {
		first, second := r.ms[0], mention{first: -1}
		for _, m := range r.ms[1:] {
			if m.side != first.side {
				second = m
				break
			}
		}
		if second.first > first.end {
			for i := first.end; i < second.first && i < first.end+12; i++ {
				if !ws[i].Punct && !inSide[i] {
					fw.add(i, i+1, "btw:", plainLemma(&ws[i]))
				}
			}
		}
		for i := first.end; i < len(ws) && i < first.end+4; i++ {
			if ws[i].Punct || ws[i].Cap || inSide[i] || ws[i].Lower == "'s" || ws[i].Lower == "s" {
				continue
			}
			fw.add(i, i+1, "subj:", plainLemma(&ws[i]))
			break
		}
	}
	for _, cd := range r.cands {
		if cd.dist > c.opt.LinkDistance || r.oneSide {
			continue
		}
		t, e := cd.m.trigger(), cd.m.last()
		for i := max(0, t-3); i < len(ws) && i <= e+3; i++ {
			if i >= t && i <= e || ws[i].Punct || inSide[i] {
				continue
			}
			fw.add(i, i+1, "cx:", cd.class.String(), ":", plainLemma(&ws[i]))
		}
	}

	prev := "<s>"
	for i := range ws {
		w := &ws[i]
		if inSide[i] {
			prev = "<side>"
			continue
		}
		l := lemma(w)
		if w.Punct && l != "\"" && l != "?" {
			prev = "<p>"
			continue
		}
		if l[0] >= '0' && l[0] <= '9' {
			l = "<num>"
		}
		fw.add(i, i+1, "w:", l)
		fw.add(i, i+1, "b:", prev, "_", l)
		if near[i] {
			fw.add(i, i+1, "n:", l)
		}
		prev = l
	}
}

// lemma is the word's shortest base form: "imposed" -> "impose".
func lemma(w *word) string {
	best := w.lemmas[0]
	for i := 1; i < w.n; i++ {
		if l := w.lemmas[i]; len(l) < len(best) && len(l) > 1 {
			best = l
		}
	}
	return strings.TrimSuffix(best, "'s")
}

// plainLemma is lemma with numbers folded into one word.
func plainLemma(w *word) string {
	l := lemma(w)
	if l != "" && l[0] >= '0' && l[0] <= '9' {
		return "<num>"
	}
	return l
}
