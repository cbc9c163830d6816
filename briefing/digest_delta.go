package briefing

import (
	"slices"
	"time"

	"attache/briefing/tone"
	"attache/sources"
)

// toneDigest tags each story of a digest on two countries with its tone
// for the pair (read from the story's article most about the pair), and
// says which way the digest leans. Stories about neither side get no tag.
func (e *Engine) toneDigest(d *Digest, f Request, groups map[int64][]sources.Article) {
	if len(f.Countries) != 2 {
		return
	}
	pair := [2]string{f.Countries[0], f.Countries[1]}
	var classes []tone.Class
	for i := range d.Stories {
		s := &d.Stories[i]
		var best toneRead
		for _, a := range groups[s.ID] {
			if r := e.tones.read(a, pair); r.strength > best.strength {
				best = r
			}
		}
		if best.strength == 0 {
			continue
		}
		st := best.st
		tag := toneTagOf(st)
		if st.Class != tone.Neither {
			classes = append(classes, st.Class)
		}
		s.Tone = tag
	}
	if c := leaning(classes); c != tone.Neither {
		d.Tone = c.String()
	}
}

// DigestSinceLast compares a digest with the last digest on the same
// filter in the same channel: its stories that the last one did not hold
// are marked New (a digest holds the stories first seen since the one
// before, so all of them are, unless a digest was posted again), and
// Delta says how many there are and whether the tone turned. A digest
// whose stories have no tone keeps the last one's to compare with next
// time (RememberDigest).
func DigestSinceLast(d *Digest, last LastBrief, now time.Time) {
	seen := map[int64]bool{}
	for _, id := range last.Stories {
		seen[id] = true
	}
	n := 0
	for i := range d.Stories {
		if !seen[d.Stories[i].ID] {
			d.Stories[i].New = true
			n++
		}
	}
	d.Delta = deltaLine(n, last, d.Tone, now)
}

// RememberDigest is what to keep of a posted digest for the next one on
// the same filter: the stories shown now and before, when, and the tone
// (the last one's, when this one has none).
func RememberDigest(d *Digest, last LastBrief, at time.Time) LastBrief {
	ids := slices.Clone(last.Stories)
	for _, s := range d.Stories {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	t := d.Tone
	if t == "" {
		t = last.Tone
	}
	return LastBrief{At: at, Stories: slices.Compact(ids), Tone: t}
}
