package quote

import (
	"attache/briefing/geo"
	"attache/briefing/sentence"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind uint8

const (
	word  tokKind = iota // letters and digits, with inner apostrophes, hyphens and dots
	punct                // one punctuation rune
	mark                 // a double quotation mark
)

// tok is one token of the input, with its byte range.
type tok struct {
	s, e  int
	low   string // lower-cased text, for words
	kind  tokKind
	para  int
	upper bool // word starting with an upper-case letter
	// For marks: whether the mark can open or close a quotation.
	canOpen, canClose bool
	// inQuote is set on tokens inside a quotation (marks excluded).
	inQuote bool
	// sentEnd marks the last token of a sentence.
	sentEnd bool
	// place says the word is part of a place name, and how.
	place placeKind
	// leader marks a word of the name of someone the gazetteer knows
	// as holding a country's top office at the article's date.
	leader bool
}

// placeKind says how a word names a place.
type placeKind uint8

const (
	notPlace     placeKind = iota
	placeName              // "Japan", "U.S."
	placeCapital           // "Peking", "Washington" standing for the state
	placeDemonym           // "Japanese"
	placeBody              // "NATO", "EU"
)

// markPlaces marks the words inside the mentions (byte ranges, in order).
func (d *doc) markPlaces(ms []geo.Mention) {
	k := 0
	for _, m := range ms {
		var kind placeKind
		switch m.Via {
		case geo.ViaName:
			kind = placeName
		case geo.ViaCapital:
			kind = placeCapital
		case geo.ViaDemonym:
			kind = placeDemonym
		case geo.ViaBody:
			kind = placeBody
		case geo.ViaLeader:
			// A leader's name names a person, not a place; it is kept
			// to tell whom "the prime minister" means.
			for j := k; j < len(d.toks) && d.toks[j].s < m.End; j++ {
				if d.toks[j].s >= m.Start && d.toks[j].kind == word {
					d.toks[j].leader = true
				}
			}
			continue
		default:
			continue
		}
		for k < len(d.toks) && d.toks[k].e <= m.Start {
			k++
		}
		for j := k; j < len(d.toks) && d.toks[j].s < m.End; j++ {
			if d.toks[j].kind == word {
				d.toks[j].place = kind
			}
		}
	}
}

// isDemonym reports whether word token k names a place or its people, and
// can so stand in a title ("Japanese Prime Minister", "EU Commissioner",
// "U.S. Treasury Secretary").
func (d *doc) isDemonym(k int) bool { return d.toks[k].place != notPlace }

// allPlace reports whether the words of tokens [a, b) all name places
// ("Iran", "Turkey's NATO"), with at least one country or capital: such a
// phrase is never a speaker.
func (d *doc) allPlace(a, b int) bool {
	state := false
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind != word {
			continue
		}
		switch t.place {
		case notPlace:
			return false
		case placeName, placeCapital, placeDemonym:
			state = true
		}
	}
	return state
}

// para is one paragraph: a non-blank line of the input.
type para struct {
	s, e    int // byte range, trimmed
	t0, t1  int // token range [t0, t1)
	heading bool
}

// doc holds the tokenised input.
type doc struct {
	text  string
	paras []para
	toks  []tok
	// midCaps holds the lower-cased words the text capitalises somewhere
	// other than at a sentence start (built on first use).
	midCaps map[string]bool
}

// capitalisedMidSentence reports whether the text capitalises word lw
// somewhere other than at the start of a sentence or a heading: evidence
// that it is a name, which a capital at a sentence start is not.
func (d *doc) capitalisedMidSentence(lw string) bool {
	if d.midCaps == nil {
		d.midCaps = map[string]bool{}
		for k := range d.toks {
			t := d.toks[k]
			if t.kind == word && t.upper && k > 0 && !d.toks[k-1].sentEnd && d.toks[k-1].para == t.para && d.toks[k-1].kind != mark {
				d.midCaps[t.low] = true
			}
		}
	}
	return d.midCaps[lw]
}

func (d *doc) str(t tok) string { return d.text[t.s:t.e] }

// lower returns the lower-cased text of token i.
func (d *doc) lower(i int) string { return d.toks[i].low }

// lowerWord lower-cases a word, without allocating when it has no upper
// case letters.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return strings.ToLower(w)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// isPunct reports whether token i is the punctuation rune p.
func (d *doc) isPunct(i int, p string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == punct && d.text[d.toks[i].s:d.toks[i].e] == p
}

// parse splits text into paragraphs (non-blank lines) and tokens.
func parse(text string) *doc {
	d := &doc{text: text}
	d.toks = make([]tok, 0, len(text)/5+8)
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		// Trim Unicode spaces (no-break space) too.
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if s < e {
			p := para{s: s, e: e, heading: strings.HasPrefix(text[s:e], "## ")}
			p.t0 = len(d.toks)
			d.tokenize(s, e, len(d.paras))
			p.t1 = len(d.toks)
			d.paras = append(d.paras, p)
		}
		start = end + 1
	}
	return d
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isMarkRune reports whether r is a double quotation mark.
func isMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// tokenize appends the tokens of text[s:e], one paragraph.
func (d *doc) tokenize(s, e, pi int) {
	text := d.text
	i := s
	inTag := false
	for i < e {
		var r rune
		var n int
		if c := text[i]; c < utf8.RuneSelf {
			r, n = rune(c), 1
		} else {
			r, n = utf8.DecodeRuneInString(text[i:e])
		}
		switch {
		case inTag:
			// Markup such as <tweet author="..."> is skipped whole.
			if r == '>' {
				inTag = false
			}
			i += n
		case r == '<' && i+1 < e && (text[i+1] >= 'a' && text[i+1] <= 'z' || text[i+1] == '/' || text[i+1] == '!') && tagCloses(text[i:e]):
			// Markup such as <tweet …>; "<Bache Securities Ltd>", a wire
			// service's way of marking a company, is text.
			inTag = true
			i += n
		case r == ' ' || r == '\t' || r > utf8.RuneSelf && unicode.IsSpace(r) || r == '\r':
			i += n
		case isWordRune(r):
			j := i + n
			segStart := i
			for j < e {
				if c := text[j]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if r2 == ',' && j+n2 < e && isDigitByte(text[j+n2]) && j > i && isDigitByte(text[j-1]) {
					j += n2 // 3,200
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' {
					if j+n2 < e {
						r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
						if isWordRune(r3) && (r2 != '.' || j-segStart <= 2 || allDigits(text[segStart:j])) {
							j += n2
							segStart = j
							continue
						}
					}
				}
				break
			}
			if j+2 < e && text[j] == '\'' && text[j-1] == 's' && unicode.IsUpper(r) && text[j+1] == ' ' && ownedName(text[j+2:e]) {
				j++ // "Atlas' Ann Lee": the owner's mark of a name in -s, not a closing mark
			}
			d.toks = append(d.toks, tok{s: i, e: j, low: lowerWord(text[i:j]), kind: word, para: pi, upper: unicode.IsUpper(r)})
			i = j
		case isMarkRune(r):
			t := tok{s: i, e: i + n, kind: mark, para: pi}
			t.canOpen, t.canClose = markDirection(text, s, e, i, n, r)
			d.toks = append(d.toks, t)
			i += n
		default:
			d.toks = append(d.toks, tok{s: i, e: i + n, kind: punct, para: pi})
			i += n
		}
	}
}

// ownedName reports a capitalised word at the start of s that is not a
// word for a body: the name after an owner's mark ("Atlas' Ann Lee"), not
// the rest of a body's name ("Magistrates' Court").
func ownedName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	k := 0
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	return !has(orgWords, strings.ToLower(s[:k]))
}

func isASCIILetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// tagCloses reports whether a '>' follows within a short distance, so that
// a '<' starts markup rather than a comparison.
func tagCloses(s string) bool {
	if len(s) > 400 {
		s = s[:400]
	}
	return strings.IndexByte(s, '>') > 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// markDirection decides from a mark's glyph and its neighbours whether it
// can open and whether it can close a quotation.
func markDirection(text string, ps, pe, i, n int, r rune) (open, close bool) {
	before, after := ' ', ' '
	if i > ps {
		before, _ = utf8.DecodeLastRuneInString(text[ps:i])
	}
	if i+n < pe {
		after, _ = utf8.DecodeRuneInString(text[i+n : pe])
	}
	if r == '"' && unicode.IsLetter(before) && apostropheTail(text[i+n:pe]) {
		return false, false // "the country"s parties": an apostrophe typed as a mark
	}
	leftFree := unicode.IsSpace(before) || strings.ContainsRune("([{—–-/:;", before) || isMarkRune(before) || before == '‘'
	rightFree := unicode.IsSpace(after) || strings.ContainsRune(".,;:!?)]}—–-…/", after) || isMarkRune(after) || after == '’'
	switch r {
	case '“', '„', '‟', '«':
		if rightFree && !leftFree {
			return false, true
		}
		return true, false
	case '”', '»':
		if leftFree && !rightFree {
			return true, false
		}
		return false, true
	}
	switch {
	case leftFree && !rightFree:
		return true, false
	case rightFree && !leftFree:
		return false, true
	}
	return true, true
}

// apostropheTail reports whether s starts with one or two lower-case
// letters and then no letter ("s parties", "t know"): what follows an
// apostrophe, not the first word of a quotation.
func apostropheTail(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) && n < 3 {
			n++
			continue
		}
		return n >= 1 && n <= 2 && !unicode.IsLetter(r)
	}
	return n >= 1 && n <= 2
}

// sentences marks the last token of each sentence. Quotations are treated
// as opaque: a full stop inside one does not end the outer sentence, except
// when the quotation itself ends in a full stop and a new sentence follows.
func (d *doc) sentences() {
	for _, p := range d.paras {
		for i := p.t0; i < p.t1; i++ {
			t := &d.toks[i]
			if i == p.t1-1 {
				t.sentEnd = true
				continue
			}
			if t.inQuote {
				continue
			}
			switch t.kind {
			case punct:
				c := d.text[t.s:t.e]
				if c != "." && c != "?" && c != "!" && c != "…" {
					continue
				}
				if c == "." && i > p.t0 && d.toks[i-1].kind == word && isAbbrev(d, i-1) {
					continue
				}
				// A closing mark or bracket right after stays in the sentence.
				j := i + 1
				for j < p.t1 && (d.toks[j].kind == mark && d.toks[j].canClose && !d.toks[j].canOpen || d.isPunct(j, ")")) {
					j++
				}
				if j >= p.t1 {
					continue // the paragraph end closes it
				}
				if startsSentence(d, j) {
					d.toks[j-1].sentEnd = true
				}
			case mark:
				// "... done." Next sentence: end after a closing mark whose
				// quotation ends in a full stop.
				if !t.canClose || t.canOpen || i == p.t0 {
					continue
				}
				if !d.isPunct(i-1, ".") {
					continue
				}
				if i+1 < p.t1 && startsSentence(d, i+1) && !cueFollows(d, i+1) {
					t.sentEnd = true
				}
			}
		}
	}
}

// startsSentence reports whether token j can begin a sentence.
func startsSentence(d *doc, j int) bool {
	t := d.toks[j]
	switch t.kind {
	case word:
		r, _ := utf8.DecodeRuneInString(d.text[t.s:t.e])
		return unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLower(r)
	case mark:
		return t.canOpen
	}
	c := d.text[t.s:t.e]
	return c == "(" || c == "[" || c == "—" || c == "-" || c == "‘" || c == "'"
}

// isAbbrev reports whether word token i followed by "." is an abbreviation
// or an initial rather than the end of a sentence.
func isAbbrev(d *doc, i int) bool {
	w := d.str(d.toks[i])
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	if strings.Contains(w, ".") && !allDigits(strings.ReplaceAll(w, ".", "")) {
		// U.S, D.C, a.m: an abbreviation unless a capitalised function
		// word follows, which shows a new sentence.
		if i+2 < len(d.toks) && d.toks[i+2].kind == word {
			if sentence.OpensSentence(d.str(d.toks[i+2])) && d.toks[i+2].upper {
				return false
			}
		}
		return true
	}
	return sentence.IsAbbreviation(w)
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
