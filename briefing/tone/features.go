package tone

import (
	"strconv"
	"strings"
)

// features lists what the learned layer reads of a sentence: the rule
// reading's verdict and each of its candidate cues with how the sentence
// holds them, how the two sides stand, and the words (their base forms,
// single and in pairs) with those near a side marked apart. The rule
// reading's cues are its knowledge of CAMEO and PLOVER; the words let the
// layer learn where that knowledge misleads (a figure, a firm, a venue).
func (c *Classifier) features(r *reading) []string {
	fw := &featWriter{seen: map[string]bool{}}
	c.writeFeatures(r, fw, &scratch{})
	return fw.fs
}

// writeFeatures writes the features of a sentence to fw, in the order
// that their first statement makes, each name built in fw's buffer from
// its parts (fw keeps it or looks it up). sc holds the word marks.
func (c *Classifier) writeFeatures(r *reading, fw *featWriter, sc *scratch) {
	ws := r.ws
	fw.add("bias")

	sides := [2]bool{}
	speaker := false
	for _, m := range r.ms {
		sides[m.side] = true
		speaker = speaker || m.speaker
	}
	switch {
	case sides[0] && sides[1]:
		fw.add("sides:both")
		join, _ := closestJoin(ws, r.ms)
		fw.add("join:", strconv.Itoa(int(join)))
	case sides[0] || sides[1]:
		fw.add("sides:one")
	default:
		fw.add("sides:none")
	}
	if speaker {
		fw.add("speaker")
	}
	if bothSides(ws) {
		fw.add("bothsides")
	}
	if statistic(ws) {
		fw.add("statistic")
	}

	// The rule reading's verdict, and every cue it weighed.
	rule := c.decide(r)
	fw.rule = rule.Class
	fw.add("rule:", rule.Class.String())
	if rule.Class != Neither {
		fw.add("rule:", rule.Class.String(), ":", rule.Reading)
	}
	n := 0
	for _, cd := range r.cands {
		if r.oneSide {
			// One side named: what is said of it, weighed apart.
			fw.add("one:", cd.class.String())
			fw.add("one:", cd.class.String(), ":", moodNames[cd.mood])
			continue
		}
		if cd.dist > c.opt.LinkDistance {
			fw.add("far:", cd.class.String())
			continue
		}
		n++
		cl := cd.class.String()
		plain := cd.m.cue.class.String()
		md := moodNames[cd.mood]
		fw.add("cand:", cl)
		fw.add("cand:", cl, ":", md)
		fw.add("cue:", plain, ">", cl)
		fw.add("cand:", cl, ":kind", strconv.Itoa(int(cd.m.cue.kind)))
		if cd.between {
			fw.add("cand:", cl, ":between")
		}
		if cd.sub {
			fw.add("cand:", cl, ":sub")
		}
		if cd.dist <= 3 {
			fw.add("cand:", cl, ":near")
		}
		fw.add("cuew:", lemma(&ws[cd.m.trigger()]), ":", md)
	}
	switch {
	case n == 0:
		fw.add("cands:0")
	case n == 1:
		fw.add("cands:1")
	default:
		fw.add("cands:2+")
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
					fw.add("btw:", plainLemma(&ws[i]))
				}
			}
		}
		for i := first.end; i < len(ws) && i < first.end+4; i++ {
			if ws[i].Punct || ws[i].Cap || inSide[i] || ws[i].Lower == "'s" || ws[i].Lower == "s" {
				continue
			}
			fw.add("subj:", plainLemma(&ws[i]))
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
			fw.add("cx:", cd.class.String(), ":", plainLemma(&ws[i]))
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
		fw.add("w:", l)
		fw.add("b:", prev, "_", l)
		if near[i] {
			fw.add("n:", l)
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
