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
	var fs []feature
	seen := map[string]bool{}
	add := func(name string, start, end int) {
		// A fact counts once, however often the sentence states it; the
		// first place it stands is its evidence.
		if !seen[name] {
			seen[name] = true
			fs = append(fs, feature{name, start, end})
		}
	}
	ws := r.ws
	add("bias", -1, -1)

	sides := [2]bool{}
	speaker := false
	for _, m := range r.ms {
		sides[m.side] = true
		speaker = speaker || m.speaker
	}
	switch {
	case sides[0] && sides[1]:
		add("sides:both", -1, -1)
		join, _ := closestJoin(ws, r.ms)
		add("join:"+strconv.Itoa(int(join)), -1, -1)
	case sides[0] || sides[1]:
		add("sides:one", -1, -1)
	default:
		add("sides:none", -1, -1)
	}
	if speaker {
		add("speaker", -1, -1)
	}
	if bothSides(ws) {
		add("bothsides", -1, -1)
	}
	if statistic(ws) {
		add("statistic", -1, -1)
	}

	// The rule reading's verdict, and every cue it weighed.
	rule := c.decide(r)
	add("rule:"+rule.Class.String(), -1, -1)
	if rule.Class != Neither {
		add("rule:"+rule.Class.String()+":"+rule.Reading, -1, -1)
	}
	n := 0
	for _, cd := range r.cands {
		if r.oneSide {
			// One side named: what is said of it, weighed apart.
			s, e := cd.m.trigger(), cd.m.last()+1
			add("one:"+cd.class.String(), s, e)
			add("one:"+cd.class.String()+":"+moodNames[cd.mood], s, e)
			continue
		}
		if cd.dist > c.opt.LinkDistance {
			add("far:"+cd.class.String(), -1, -1)
			continue
		}
		n++
		s, e := cd.m.trigger(), cd.m.last()+1
		cl := cd.class.String()
		plain := cd.m.cue.class.String()
		md := moodNames[cd.mood]
		add("cand:"+cl, s, e)
		add("cand:"+cl+":"+md, s, e)
		add("cue:"+plain+">"+cl, s, e)
		add("cand:"+cl+":kind"+strconv.Itoa(int(cd.m.cue.kind)), s, e)
		if cd.between {
			add("cand:"+cl+":between", s, e)
		}
		if cd.sub {
			add("cand:"+cl+":sub", s, e)
		}
		if cd.dist <= 3 {
			add("cand:"+cl+":near", s, e)
		}
		add("cuew:"+lemma(&ws[s])+":"+md, s, e)
	}
	switch {
	case n == 0:
		add("cands:0", -1, -1)
	case n == 1:
		add("cands:1", -1, -1)
	default:
		add("cands:2+", -1, -1)
	}

	// Words, and pairs of words; those within three words of a side
	// marked as near it.
	near := make([]bool, len(ws))
	for _, m := range r.ms {
		for i := max(0, m.first-3); i < len(ws) && i < m.end+3; i++ {
			near[i] = true
		}
	}
	inSide := make([]bool, len(ws))
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
					add("btw:"+plainLemma(&ws[i]), i, i+1)
				}
			}
		}
		for i := first.end; i < len(ws) && i < first.end+4; i++ {
			if ws[i].Punct || ws[i].Cap || inSide[i] || ws[i].Lower == "'s" || ws[i].Lower == "s" {
				continue
			}
			add("subj:"+plainLemma(&ws[i]), i, i+1)
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
			add("cx:"+cd.class.String()+":"+plainLemma(&ws[i]), i, i+1)
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
		add("w:"+l, i, i+1)
		add("b:"+prev+"_"+l, i, i+1)
		if near[i] {
			add("n:"+l, i, i+1)
		}
		prev = l
	}
	return fs
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
