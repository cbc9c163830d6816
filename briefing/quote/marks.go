package quote

// part is one quoted stretch inside one paragraph.
type part struct {
	open, close int // token indices of the marks; close is -1 when the quotation runs to the paragraph end
	s, e        int // byte range of the words inside the marks
	para        int
}

// span is a quotation: one part, or several when it runs over paragraphs.
type span struct {
	parts []part
}

func (q *span) first() part { return q.parts[0] }
func (q *span) last() part  { return q.parts[len(q.parts)-1] }

// pair matches opening and closing marks paragraph by paragraph, then joins
// quotations that run over several paragraphs (a paragraph that leaves a
// quotation open, followed by a paragraph that opens again).
func (d *doc) pair() []span {
	var spans []span
	prevDangling := -1 // index in spans of a quotation left open by the previous paragraph
	for pi, p := range d.paras {
		open := -1
		var parts []part
		for i := p.t0; i < p.t1; i++ {
			t := d.toks[i]
			if t.kind != mark {
				continue
			}
			if open < 0 {
				if t.canOpen {
					open = i
				}
				continue
			}
			if t.canClose {
				parts = append(parts, d.makePart(open, i, pi))
				open = -1
				continue
			}
			// A second opening mark: the first was never closed. Keep
			// the longer reading only when nothing better exists.
			open = i
		}
		if open >= 0 {
			parts = append(parts, d.makePart(open, -1, pi))
		}
		for k, pt := range parts {
			d.markInside(pt)
			if k == 0 && prevDangling >= 0 && pt.open == p.t0 && d.sameStyle(spans[prevDangling].last().open, pt.open) {
				spans[prevDangling].parts = append(spans[prevDangling].parts, pt)
				continue
			}
			spans = append(spans, span{parts: []part{pt}})
		}
		prevDangling = -1
		if len(parts) > 0 && parts[len(parts)-1].close < 0 {
			prevDangling = len(spans) - 1
		}
	}
	return spans
}

// sameStyle reports whether two marks are both straight or both typographic;
// a quotation continued over paragraphs keeps its style.
func (d *doc) sameStyle(a, b int) bool {
	return (d.text[d.toks[a].s] == '"') == (d.text[d.toks[b].s] == '"')
}

func (d *doc) makePart(open, close, pi int) part {
	p := d.paras[pi]
	s := d.toks[open].e
	e := p.e
	if close >= 0 {
		e = d.toks[close].s
	}
	for s < e && (d.text[s] == ' ' || d.text[s] == '\t') {
		s++
	}
	for e > s && (d.text[e-1] == ' ' || d.text[e-1] == '\t') {
		e--
	}
	return part{open: open, close: close, s: s, e: e, para: pi}
}

func (d *doc) markInside(pt part) {
	end := pt.close
	if end < 0 {
		end = d.paras[pt.para].t1
	}
	for i := pt.open + 1; i < end; i++ {
		d.toks[i].inQuote = true
	}
}
