package quote

import "strings"

// layoutQuotes finds blocks of speech set out without quotation marks: a
// paragraph ending in a comma, followed by a line naming the speaker and
// the role ("Fumio Kishida Japanese Prime Minister"), or by a name line
// and a role line.
func (d *doc) layoutQuotes(c *cast) []cand {
	var out []cand
	for pi := 0; pi+1 < len(d.paras); pi++ {
		p := d.paras[pi]
		if p.heading || p.t1-p.t0 < 8 || !strings.HasSuffix(d.text[p.s:p.e], ",") {
			continue
		}
		if d.hasMark(p) {
			continue
		}
		name, role, ok := d.signature(pi+1, 2)
		if !ok {
			continue
		}
		text := strings.TrimSpace(strings.TrimSuffix(d.text[p.s:p.e], ","))
		cd := cand{
			open: p.t0, close: -1, text: text, s: p.s, e: p.s + len(text), para: pi,
			words: countWords(text),
			att:   attribution{kind: cueLayout, verb: -1, direct: true, spk: who{kind: named, name: name, role: role, person: -1}},
		}
		out = append(out, cd)
	}
	return out
}

func (d *doc) hasMark(p para) bool {
	for k := p.t0; k < p.t1; k++ {
		if d.toks[k].kind == mark {
			return true
		}
	}
	return false
}

// signature reads a name line (with the role on the same line or the next
// one) at paragraph pi: "Fumio Kishida Japanese Prime Minister",
// "Giorgia Meloni" then "Italian Prime Minister", or
// "Fumio Kishida, Prime Minister of Japan".
func (d *doc) signature(pi, minName int) (name, role string, ok bool) {
	p := d.paras[pi]
	if p.heading {
		return "", "", false
	}
	a, b := p.t0, p.t1
	for a < b && d.toks[a].kind == punct && isDash(d.str(d.toks[a])) {
		a++
	}
	for b > a && (d.isPunct(b-1, ".") || d.isPunct(b-1, ",")) {
		b--
	}
	if b-a < minName || b-a < 1 || b-a > 12 {
		return "", "", false // "- Sanders." after a quotation: one name will do
	}
	// The name: leading capitalised words that are not titles.
	k := a
	for k < b && d.isCapWord(k) && !d.isTitleWord(k) {
		if _, h := honorifics[d.lower(k)]; h {
			break
		}
		k++
	}
	if k-a < minName || k-a > 4 {
		return "", "", false
	}
	name = d.text[d.toks[a].s:d.toks[k-1].e]
	rest := k
	for rest < b && d.isPunct(rest, ",") {
		rest++
	}
	if rest < b {
		if !d.roleLine(rest, b) {
			return "", "", false
		}
		return name, d.text[d.toks[rest].s:d.toks[b-1].e], true
	}
	// A role on the next line.
	if pi+1 < len(d.paras) {
		q := d.paras[pi+1]
		if !q.heading && q.t1-q.t0 <= 8 && d.roleLine(q.t0, q.t1) {
			return name, strings.TrimSpace(strings.TrimRight(d.text[q.s:q.e], ".,")), true
		}
	}
	return name, "", true
}

// roleLine reports whether tokens [a, b) read as a role: capitalised or
// role words with at least one role noun, and no sentence punctuation.
func (d *doc) roleLine(a, b int) bool {
	role := false
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind == mark {
			return false
		}
		if t.kind == punct {
			s := d.str(t)
			if s == "." && k == b-1 || s == "," || s == "’" || s == "'" || s == "-" || s == "&" {
				continue
			}
			return false
		}
		lw := d.lower(k)
		if isRole(lw) {
			role = true
			continue
		}
		if !t.upper && !has(roleModifiers, lw) && !has(titleSmallWords, lw) {
			return false
		}
	}
	return role
}

// signatureAfterQuote reads a line that signs the quotation before it:
// "- Tomas Berg.", "— Jane Doe, Mayor of Springfield", or a name line
// as in the block layout.
func (d *doc) signatureAfterQuote(pi int) (name, role string, ok bool) {
	p := d.paras[pi]
	if p.t1 > p.t0 && d.toks[p.t0].kind == punct && isDash(d.str(d.toks[p.t0])) {
		return d.signature(pi, 1)
	}
	return d.signature(pi, 2)
}
