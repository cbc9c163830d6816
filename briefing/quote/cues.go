package quote

import "strings"

// cueKind says how a quotation was tied to its speaker.
type cueKind uint8

const (
	noCue      cueKind = iota
	cueAfter           // "…," she said / "…," said Smith
	cueBefore          // Smith said: "…"
	cueColon           // Smith: "…"
	cueDash            // "…" — Smith
	cueFrame           // Smith called it "…" (reported speech)
	cueAccord          // "…", according to Smith
	cueContext         // no cue: the speaker of the quotation before, or of the sentence before
	cueLayout          // a block of speech followed by name and role lines
)

// attribution is the result of reading the words around a quotation.
type attribution struct {
	kind   cueKind
	spk    who
	verb   int // token of the cue verb, or -1
	end    int // first token after the cue clause (for cueAfter)
	direct bool
}

// clauseEnd returns the first token at or after j that ends the clause
// holding j: a full stop, question or exclamation mark, semicolon, a
// quotation mark, or the paragraph end.
func (d *doc) clauseEnd(j int) int {
	if j >= len(d.toks) {
		return len(d.toks)
	}
	p := d.paras[d.toks[j].para]
	for k := j; k < p.t1; k++ {
		t := d.toks[k]
		if t.kind == mark {
			return k
		}
		if t.kind == punct {
			switch d.text[t.s:t.e] {
			case ".":
				if k+1 < p.t1 {
					nx := d.toks[k+1]
					if nx.s == t.e && nx.kind != mark {
						continue // "D.C.-based": no space, no end
					}
					if k > p.t0 && d.toks[k-1].kind == word && isAbbrev(d, k-1) && nx.kind == word {
						continue
					}
				}
				return k
			case "?", "!", ";":
				return k
			}
		}
	}
	return p.t1
}

// cueFollows reports whether a speech cue starts at token j
// ("…," she said / "…," said Smith).
func cueFollows(d *doc, j int) bool {
	if j >= len(d.toks) {
		return false
	}
	a := d.afterCue(nil, j, true)
	return a.kind == cueAfter
}

// afterCue reads the words after a closing mark at token j-1.
func (d *doc) afterCue(c *cast, j int, probe bool) attribution {
	none := attribution{verb: -1}
	if j >= len(d.toks) || d.toks[j].para != d.toks[j-1].para {
		return none
	}
	end := d.clauseEnd(j)
	k := j
	for k < end && (d.isPunct(k, ",") || d.isPunct(k, "(")) {
		k++
	}
	if k >= end {
		return none
	}
	// "…" — Smith
	if d.toks[k].kind == punct && isDash(d.str(d.toks[k])) {
		if k+1 < end && !probe {
			w := d.phrase(c, k+1, end)
			if w.kind == named {
				return attribution{kind: cueDash, spk: w, verb: -1, end: end, direct: true}
			}
		}
		return none
	}
	if d.toks[k].kind != word {
		return none
	}
	lw := d.lower(k)
	if !d.toks[k].upper && strings.HasSuffix(lw, "ed") && !d.isCueVerb(k) && k+1 < end && d.isCapWord(k+1) && (k == j || d.isPunct(k-1, ",")) {
		// "…," remembered Ola Berg.
		r := d.runAt(k+1, end)
		if r.b == end || d.isPunct(r.b, ",") {
			if probe {
				return attribution{kind: cueAfter, verb: k, end: r.b}
			}
			if w := d.phrase(c, k+1, r.b); w.kind == named {
				return attribution{kind: cueAfter, spk: w, verb: k, end: r.b, direct: true}
			}
		}
	}
	closedSentence := j >= 2 && (d.isPunct(j-2, ".") || d.isPunct(j-2, "?") || d.isPunct(j-2, "!"))
	if lw == "according" && closedSentence && d.toks[k].upper {
		return none // "…." According to X, the rules …: a new sentence
	}
	// "…," said Smith / according to Smith
	if d.isCueVerb(k) || lw == "according" && k+1 < end && d.lower(k+1) == "to" {
		v := k
		if lw == "according" {
			k++
		}
		b := d.npAfter(k+1, end)
		if b > k+1 {
			if probe {
				return attribution{kind: cueAfter, verb: v, end: b}
			}
			w := d.phrase(c, k+1, b)
			if ce := d.nextComma(b, end); w.kind == named && lw != "according" && !strings.ContainsAny(w.role, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				if prep, body, ok := d.affiliationAfter(b, ce); ok {
					w.role = withAffiliation(w.role, prep, body) // "said analyst Ray Neidl at Calyon Securities"
					b = ce
				}
			}
			if w.kind != noSpeaker {
				kind := cueAfter
				if lw == "according" {
					kind = cueAccord
				}
				return attribution{kind: kind, spk: w, verb: v, end: b, direct: true}
			}
		}
		return none
	}
	// "…," Smith said / the senator told reporters
	if !d.npStart(k) && (d.toks[k].upper || has(closedClass, lw) || looksVerbal(lw)) {
		// "…" for criminal behavior, she said.
		for m := k; m < end && m < k+10; m++ {
			if d.isPunct(m, ",") {
				if m+1 < end && (d.isCueVerb(m+1) || d.npStart(m+1)) {
					if a := d.afterCue(c, m+1, probe); a.kind == cueAfter && d.cueEndsClause(a, end) && (probe || !closedSentence || a.verb == m+1 || !d.objectAfterVerb(a)) {
						// "…." On Monday, Ann Fry told the radio she
						// believed …: a new sentence whose verb has its
						// own object and speech, not this quotation's cue.
						return a
					}
				}
				break
			}
		}
		return none
	}
	limit := k + 16
	if d.isPunct(k+1, ",") || k+2 < end && d.isPunct(k+2, ",") {
		limit = k + 32 // a long appositive: "Lindqvist, the party's front-runner, said"
	}
	if limit > end {
		limit = end
	}
	plain := true // no comma or relative word yet: still the subject's own words
	for m := k + 1; m < limit; m++ {
		t := d.toks[m]
		if t.kind != word {
			if t.kind == punct && !isAppositivePunct(d.str(t)) {
				break
			}
			plain = plain && !d.isPunct(m, ",")
			continue
		}
		lm := d.lower(m)
		cueVerb := d.isCueVerb(m) || d.phrasalCue(m, end)
		if !t.upper && isRelative(lm) {
			plain = false
		}
		if !cueVerb && !t.upper && strings.HasSuffix(lm, "ed") && m+1 <= end && (m+1 == end || d.isPunct(m+1, ",")) && d.toks[m-1].kind == word && (d.toks[m-1].upper || has(pronouns, d.lower(m-1))) {
			// "…?" Moreau questioned.
			cueVerb = true
		}
		if !cueVerb && closedSentence && plain && !t.upper && strings.HasSuffix(lm, "ed") && looksVerbal(lm) && lm != "quoted" {
			// "…." Ana Ruiz on Monday dismissed claims of broken promises,
			// saying: a new sentence whose subject has a verb of its own;
			// a speech word further on ("promises") is not this
			// quotation's cue.
			break
		}
		if cueVerb && closedSentence && m+1 < end && d.toks[m+1].kind == word && (!has(npStoppers, d.lower(m+1)) || d.lower(m+1) == "that") && d.lower(m+1) != "reporters" && !has(objectPronouns, d.lower(m+1)) && !has(tellVerbs, lm) {
			// "…." Smith said Jones "…": a new sentence, not a cue.
			break
		}
		if cueVerb && closedSentence && !has(tellVerbs, lm) {
			// "…." Ann Price said last year its prices were too high:
			// after a time, the verb still takes a clause of its own.
			if n := d.skipTime(m+1, end); n > m+1 && n < end && d.toks[n].kind == word && !has(npStoppers, d.lower(n)) && !has(objectPronouns, d.lower(n)) {
				break
			}
		}
		if cueVerb && closedSentence && has(tellVerbs, lm) && d.thatClauseAfter(m+1, end) {
			// "…." The correspondent, Ana Ruiz, told listeners that …: reported
			// speech of its own in a new sentence, not a cue.
			break
		}
		if cueVerb && closedSentence && m+1 < len(d.toks) && (d.isPunct(m+1, ":") || d.toks[m+1].kind == mark && d.toks[m+1].canOpen) {
			// "…." A spokesman said: "…": the cue of the next quotation.
			break
		}
		if (lm == "quoted" || lm == "quotes") && m+3 < end && d.toks[m+1].kind == word && d.lower(m+2) == "as" && d.lower(m+3) == "saying" {
			// "…," the agency quoted him as saying: the one quoted speaks,
			// not the agency.
			if probe {
				return attribution{kind: cueAfter, verb: m, end: d.cueClauseEnd(m+3, end)}
			}
			if lo := d.lower(m + 1); lo == "him" || lo == "her" {
				pron := map[string]string{"him": "he", "her": "she"}[lo]
				return attribution{kind: cueAfter, spk: who{kind: pronoun, pron: pron, tok: m + 1, person: -1}, verb: m, end: d.cueClauseEnd(m+3, end), direct: true}
			}
			if w := d.phrase(c, m+1, m+2); w.kind == named {
				return attribution{kind: cueAfter, spk: w, verb: m, end: d.cueClauseEnd(m+3, end), direct: true}
			}
		}
		if lm == "quoted" && m+2 < end && d.lower(m+1) == "as" && d.lower(m+2) == "saying" && m-1 > k && (d.lower(m-1) == "was" || d.lower(m-1) == "is" || d.lower(m-1) == "were") {
			// "…," Tom Walsh, who is leaving, was quoted as saying: the
			// subject of the passive speaks.
			if probe {
				return attribution{kind: cueAfter, verb: m, end: d.cueClauseEnd(m+2, end)}
			}
			if w := d.phrase(c, k, m-1); w.kind == named || w.kind == described {
				return attribution{kind: cueAfter, spk: w, verb: m, end: d.cueClauseEnd(m+2, end), direct: true}
			}
			return none
		}
		if cueVerb {
			if probe {
				return attribution{kind: cueAfter, verb: m, end: d.cueClauseEnd(m, end)}
			}
			w := d.phrase(c, k, m)
			if w.kind == noSpeaker {
				return none
			}
			return attribution{kind: cueAfter, spk: w, verb: m, end: d.cueClauseEnd(m, end), direct: true}
		}
		if has(clauseBreakers, lm) && lm != "and" && lm != "who" {
			break
		}
	}
	return none
}

// thatClauseAfter reports whether the object of a tell verb starting at
// token a, a few words at most, is followed by "that" before end.
func (d *doc) thatClauseAfter(a, end int) bool {
	for k := a; k < end && k < a+6; k++ {
		if d.toks[k].kind != word {
			return false
		}
		if d.lower(k) == "that" {
			return k > a
		}
	}
	return false
}

func isAppositivePunct(s string) bool {
	return s == "," || s == "." || s == "(" || s == ")" || s == "-" || s == "’" || s == "'"
}

func isDash(s string) bool { return s == "—" || s == "―" || s == "–" || s == "-" }

// cueClauseEnd returns where the clause of a cue verb ends ("said in a
// statement on Monday." ends at the full stop).
func (d *doc) cueClauseEnd(v, end int) int {
	for k := v + 1; k < end; k++ {
		if d.isPunct(k, ",") && k+1 < end && d.toks[k+1].kind == mark {
			return k + 1
		}
	}
	return end
}

// npStart reports whether token k can start a speaker's noun phrase.
func (d *doc) npStart(k int) bool {
	t := d.toks[k]
	if t.kind != word {
		return false
	}
	lw := d.lower(k)
	if t.upper {
		return !has(introWords, lw) || has(pronouns, lw) || has(determiners, lw)
	}
	return has(pronouns, lw) || has(determiners, lw) || isRole(lw) || has(roleModifiers, lw)
}

// npAfter returns the end of a speaker's noun phrase starting at token a,
// after a cue verb: a name or description, with an optional appositive.
func (d *doc) npAfter(a, end int) int {
	k := a
	// Skip a time word right after the verb: "said Tuesday Smith" is rare,
	// but "said Sen. Smith" is not; leave the phrase to the parser.
	if k < end && (d.toks[k].kind != word || !d.npStart(k)) {
		return a
	}
	commas := 0
	for k < end {
		t := d.toks[k]
		if t.kind == punct {
			s := d.str(t)
			if s == "," {
				// An appositive follows a name: ", a spokesman for X,"
				if commas == 0 && k+1 < end && d.toks[k+1].kind == word && (d.startsDescription(k+1) || d.roleHeaded(k+1, d.nextComma(k+1, end))) && !has(pronouns, d.lower(k+1)) {
					commas++
					k++
					continue
				}
				if commas == 0 && k > a && k+1 < end && d.toks[k-1].kind == word && !d.toks[k-1].upper && d.isCapWord(k+1) && d.nameCloses(k+1, end) &&
					(!has(determiners, d.lower(a)) && (isRole(d.lower(k-1)) || isSpeakerNoun(d.lower(k-1))) || d.roleHeaded(a, k) && !d.verbalIn(a, k)) {
					// "said RNID technology director, Guido Gybels", "said
					// one leader of the farm workers' movement, Tomas
					// Ribeiro": the title, then the name after its comma.
					commas++
					k++
					continue
				}
				if commas == 1 && k+1 < end && d.toks[k+1].kind == word && d.firmTail(k+1, d.nextComma(k+1, end)) {
					k = d.nextComma(k+1, end) // "president of Goldmark, Sachs and Co"
					continue
				}
				if commas == 0 && k > a && d.toks[k-1].kind == word && d.toks[k-1].upper {
					if m := d.firmOwnerEnd(a, end); m > k {
						k = m // "said Brandt, Kessler, Vogt's Hartmann"
						continue
					}
				}
				if commas == 1 && k+1 < end && d.nextComma(k+1, end) == end && end < len(d.toks) && d.isPunct(end, ".") && d.listTail(k+1, end) && d.hasWord(a, k, "of") != d.hasWord(a, k, "for") {
					k = end // "…, director of European parts, service and logistics."
					continue
				}
				if commas == 1 && k+1 < end && d.nextComma(k+1, end) == end && end-k-1 <= 2 && d.toks[k+1].kind == word && d.toks[k+1].upper && d.toks[end-1].kind == word && d.hasPrepPlace(a, k) {
					k = end // "a native of San Diego, California."
					continue
				}
				break
			}
			if s == "." || s == "(" || s == ")" || s == "-" || s == "’" || s == "'" || s == "&" || s == "/" || s == "<" || s == ">" {
				k++
				continue
			}
			break
		}
		if t.kind != word {
			break
		}
		lw := d.lower(k)
		if lw == "of" && k > a && k+2 < end && d.toks[k+1].kind == word && isPossessive(d.str(d.toks[k+1])) && d.toks[k+2].kind == word && !d.toks[k+2].upper && !isRole(d.lower(k-1)) {
			break // "said Gerard Rijk of Inbev's strong performance": what he spoke of
		}
		if commas > 0 && !t.upper && k > a && looksVerbal(lw) && d.toks[k-1].upper && !isPossessive(d.str(d.toks[k-1])) {
			break // "…, a spokesman for the State Monopoly quoted in China Daily"
		}
		if commas > 0 && !t.upper && d.affiliationAt(k, end) {
			k++ // ", an analyst at NikkoCitigroup", ", economist with X in London"
			continue
		}
		if !t.upper && k > a && (has(npStoppers, lw) || d.isCueVerb(k) || has(clauseBreakers, lw) && lw != "and") {
			break
		}
		if t.upper && has(closedClass, lw) && k > a && !has(timeWords, lw) && !has(months, lw) && d.str(t) != "US" &&
			!(d.toks[k-1].kind == word && (d.toks[k-1].upper || d.lower(k-1) == "the") && k+1 < end && d.isCapWord(k+1) && !has(determiners, lw)) {
			break // but "Credit Suisse First Boston", "the First Economic Affairs Division" are names
		}
		k++
	}
	return k
}

// affiliationAt reports whether token k is a preposition that ties a
// role to a body ("at", "with", "of", "for", "in" before a capitalised
// word within three tokens: "analyst at stockbrokers Phillips and Drew").
func (d *doc) affiliationAt(k, end int) bool {
	switch d.lower(k) {
	case "at", "with", "of", "for", "in", "from":
	default:
		return false
	}
	for j := k + 1; j < end && j <= k+3; j++ {
		if d.toks[j].kind == word && d.toks[j].upper && !has(closedClass, d.lower(j)) || d.isPunct(j, "<") {
			return true
		}
		if d.toks[j].kind == word && isPossessive(d.str(d.toks[j])) && k > 0 && isRole(d.lower(k-1)) {
			return true // "director general at the ministry's fiscal policy office"
		}
		if d.toks[j].kind != word {
			return false
		}
	}
	return false
}

// nextComma returns the first comma at or after k before end, or end.
func (d *doc) nextComma(k, end int) int {
	for ; k < end; k++ {
		if d.isPunct(k, ",") {
			return k
		}
	}
	return end
}

// firmOwnerEnd returns where a firm's name cut by commas and ending in a
// possessive before a person's name ends ("Brandt, Kessler, Vogt's
// Hartmann"), reading from token a up to end, or -1.
func (d *doc) firmOwnerEnd(a, end int) int {
	var segs []segment
	s := a
	for k := a; k <= end; k++ {
		if k == end || d.isPunct(k, ",") {
			if k == s {
				return -1
			}
			segs = append(segs, segment{s, k})
			if k < end && len(segs) > 0 {
				for j := s; j < k; j++ {
					if isPossessive(d.str(d.toks[j])) {
						return -1 // the possessive comes in the last segment
					}
				}
			}
			s = k + 1
			if k < end && k+1 < end && !d.isCapWord(k+1) {
				return -1
			}
			continue
		}
		if d.toks[k].kind != word {
			return -1
		}
		if isPossessive(d.str(d.toks[k])) && k+1 < end && d.isCapWord(k+1) {
			m := k + 1
			for m < end && m < k+3 && d.isCapWord(m) {
				m++
			}
			segs = append(segs, segment{s, m})
			if len(segs) > 1 && d.firmOwnerSegments(segs) {
				return m
			}
			return -1
		}
	}
	return -1
}

// skipTime returns the token after a time adverbial at k ("last year",
// "on Monday", "yesterday", "earlier this week"), or k when none stands
// there.
func (d *doc) skipTime(k, end int) int {
	for n := 0; n < 3 && k < end && d.toks[k].kind == word; n++ {
		lw := d.lower(k)
		switch {
		case lw == "yesterday" || lw == "today" || lw == "earlier" || lw == "later" || lw == "tonight":
			k++
		case (lw == "last" || lw == "this" || lw == "next" || lw == "on") && k+1 < end && (has(timeWords, d.lower(k+1)) || has(months, d.lower(k+1))):
			k += 2
		default:
			return k
		}
	}
	return k
}

// tellVerbs take the hearer as their object ("…?" Trump told Britain's
// ITV): still the cue of the quotation before.
var tellVerbs = set("told tells telling")

// objectPronouns may follow a cue verb as its object ("he urged them").
var objectPronouns = set("him her them us me you")

// npStoppers end a noun phrase read after a cue verb.
var npStoppers = set(
	"in on at during after before while when to from about with as that because",
	"into over through via by today yesterday tonight last this next earlier later",
	"told said says adding noting who which where just",
)

// beforeCue reads the words of the sentence before an opening mark: a
// speech verb with its subject ("Smith said, " / "Smith told reporters:"),
// a name and a colon, or a verb taking a quoted fragment.
func (d *doc) beforeCue(c *cast, sentLo, lo, open int) attribution {
	none := attribution{verb: -1}
	e := open
	for e > lo && d.toks[e-1].kind == punct && (d.isPunct(e-1, ",") || d.isPunct(e-1, ":") || isDash(d.str(d.toks[e-1]))) {
		e--
	}
	if e <= lo {
		return none
	}
	colon := d.isPunct(open-1, ":")
	upper := d.opensUpper(open)
	var frameAtt attribution
	// The last cue verb before the quotation.
	for v := e - 1; v >= lo && v >= e-40; v-- {
		t := d.toks[v]
		if t.kind == mark || t.inQuote {
			break
		}
		if t.kind != word || t.upper {
			continue
		}
		lw := d.lower(v)
		speech := d.isCueVerb(v) || d.phrasalCue(v, e+1)
		frame := has(frameVerbs, lw)
		if !speech && !frame {
			continue
		}
		gap := e - v - 1
		var w who
		switch {
		case v-2 > lo && d.lower(v-1) == "as" && strings.HasSuffix(lw, "ing") && d.quotedAs(lo, v-1) >= 0:
			// "Tehran radio quoted a Foreign Ministry spokesman as saying
			// …": the one quoted speaks, not the outlet.
			q := d.quotedAs(lo, v-1)
			w = d.phrase(c, q+1, v-1)
		case v > lo && d.lower(v-1) == "to" || strings.HasSuffix(lw, "ing") && !(v > lo && d.toks[v-1].upper):
			// "…, telling Reuters, "…"": the subject of the sentence speaks.
			w = d.sentenceSubject(c, sentLo, v)
		case strings.HasSuffix(lw, "ing"):
			// "footage of Mr Lindqvist saying …", "with Sen. Ana Ruiz calling
			// it …": the name right before the participle speaks.
			a := v
			for a > lo && (d.isCapWord(a-1) || d.honorificAt(a-1) || d.isPunct(a-1, ".") && a-2 >= lo && d.toks[a-2].upper) {
				a--
			}
			if w = d.phrase(c, a, v); w.kind != named {
				w = d.subjectBefore(c, sentLo, lo, v)
			}
		default:
			w = d.subjectBefore(c, sentLo, lo, v)
			if w.kind == described && w.tok >= 0 && d.singularIndefinite(w.tok) && bareVerb(lw) && !(v > lo && has(auxOpeners, d.lower(v-1))) && !(v > lo && d.lower(v-1) == "to") {
				// "Should it become a firm offer": "a firm" does not
				// "offer"; the verb does not agree, so it is a noun.
				continue
			}
		}
		if w.kind == noSpeaker {
			continue
		}
		direct := speech && gap <= 8 && !d.hasWord(v+1, e, "that") && upper
		if direct {
			return attribution{kind: cueBefore, spk: w, verb: v, end: open, direct: true}
		}
		// Reported speech: the nearest speech verb names the source
		// ("Ruiz said that Berg described it as …"); failing one, the
		// nearest verb that takes a quoted fragment.
		if speech {
			return attribution{kind: cueFrame, spk: w, verb: v, end: open}
		}
		if frameAtt.kind == noCue {
			frameAtt = attribution{kind: cueFrame, spk: w, verb: v, end: open}
		}
	}
	// Said Maria Hale, who grew up nearby, "…"
	if d.toks[lo].kind == word && d.toks[lo].upper && has(speechVerbs, d.lower(lo)) && lo+1 < e {
		if b := d.npAfter(lo+1, e); b > lo+1 {
			if w := d.phrase(c, lo+1, b); w.kind != noSpeaker {
				return attribution{kind: cueBefore, spk: w, verb: lo, end: open, direct: true}
			}
		}
	}
	if frameAtt.kind != noCue {
		return frameAtt
	}
	// Smith: "…"
	if colon {
		w := d.phrase(c, lo, e)
		if w.kind == named || w.kind == described && e-lo <= 6 {
			return attribution{kind: cueColon, spk: w, verb: -1, end: open, direct: true}
		}
		// "More from Jones:": a name ending the words before the colon.
		k := e
		for k > lo && d.isCapWord(k-1) {
			k--
		}
		if k < e {
			if w, ok := d.nameIn(c, k, e); ok {
				return attribution{kind: cueColon, spk: w, verb: -1, end: open, direct: true}
			}
		}
		// "President Lindqvist is rolling out a new message: "…"": the
		// subject of the sentence, when a whole sentence is quoted.
		if upper {
			if w := d.sentenceSubject(c, sentLo, e); w.kind == named {
				return attribution{kind: cueColon, spk: w, verb: -1, end: open, direct: true}
			}
		}
	}
	return none
}

// singularIndefinite reports a description opening at token k with "a",
// "an", "one" or "another": one speaker, who would take "says".
func (d *doc) singularIndefinite(k int) bool {
	switch d.lower(k) {
	case "a", "an", "one", "another":
		return true
	}
	return false
}

// bareVerb reports a verb in its bare form ("offer", "say"), which a
// singular subject in the present does not take.
func bareVerb(lw string) bool {
	return !strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ing") && !has(irregularPast, lw)
}

// irregularPast are speech verbs' past forms that end in neither "ed" nor
// "s" ("said", "told").
var irregularPast = set("said told wrote spoke put thought felt knew saw began went came gave made took")

// opensUpper reports whether the quotation at mark token open starts with
// a capital letter (a whole sentence rather than a fragment).
func (d *doc) opensUpper(open int) bool {
	k := open + 1
	for k < len(d.toks) && d.toks[k].kind == punct {
		s := d.str(d.toks[k])
		if s != "[" && s != "(" && s != "…" && s != "." {
			break
		}
		k++
	}
	if k >= len(d.toks) {
		return false
	}
	t := d.toks[k]
	return t.kind == word && (t.upper || !startsLower(d.str(t)))
}

func startsLower(s string) bool {
	r := firstRune(s)
	return r >= 'a' && r <= 'z' || strings.ContainsRune("àáâäèéêëìíîïòóôöùúûüç", r)
}

func (d *doc) hasWord(a, b int, w string) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind == word && d.lower(k) == w {
			return true
		}
	}
	return false
}

var npJoiners = set("of for and from at in on to with by who which whose nor or")

// isCueVerb reports whether token k is a speech verb used as a verb.
func (d *doc) isCueVerb(k int) bool {
	t := d.toks[k]
	if t.kind != word || t.upper {
		return false
	}
	lw := d.lower(k)
	if !has(speechVerbs, lw) {
		return false
	}
	if !has(nounish, lw) {
		return true
	}
	if k == 0 {
		return false
	}
	if d.toks[k-1].kind == word && isPossessive(d.str(d.toks[k-1])) {
		return false // "Mr. Obama's remarks": a noun
	}
	if k+1 < len(d.toks) && d.toks[k+1].kind == word && !d.toks[k+1].upper && (isRole(d.lower(k+1)) || has(roleModifiers, d.lower(k+1)) || has(speechVerbs, d.lower(k+1)) && !has(nounish, d.lower(k+1)) || has(auxOpeners, d.lower(k+1))) {
		return false // "Victoria state treasurer", "from Edo state told Reuters", "the Argentine state would": a noun
	}
	if k+1 < len(d.toks) {
		n := d.toks[k+1]
		if n.kind == mark || n.kind == punct && strings.Contains(",.:", d.str(n)) || n.kind == word && d.lower(k+1) == "that" {
			if pl := d.lower(k - 1); !has(determiners, pl) {
				return true
			}
		}
	}
	p := d.toks[k-1]
	switch p.kind {
	case mark, punct:
		return true
	}
	pl := d.lower(k - 1)
	if has(determiners, pl) || has(closedClass, pl) && !has(pronouns, pl) && !has(cueFillers, pl) {
		return false
	}
	return p.upper || has(pronouns, pl) || has(cueFillers, pl)
}

// phrasalCue reports whether token k starts a two-word speech cue
// ("went on", "pointed out", "shot back") within [k, end).
func (d *doc) phrasalCue(k, end int) bool {
	if k+1 >= end || d.toks[k].kind != word || d.toks[k].upper || d.toks[k+1].kind != word {
		return false
	}
	return has(phrasalCues, d.lower(k)+" "+d.lower(k+1))
}

var phrasalCues = map[string]struct{}{
	"went on": {}, "goes on": {}, "pointed out": {}, "points out": {}, "shot back": {},
	"fired back": {}, "hit back": {}, "pushed back": {}, "chimed in": {}, "weighed in": {},
	"spoke up": {}, "wrote back": {}, "summed up": {}, "sums up": {}, "piped up": {},
}

// cueEndsClause reports whether a cue found after some words closes the
// clause ("…, she said." but not "…, she said the plan …").
func (d *doc) cueEndsClause(a attribution, end int) bool {
	k := a.verb + 1
	if a.end > k {
		k = a.end
	}
	for ; k < end; k++ {
		if d.toks[k].kind == word {
			return false
		}
	}
	return true
}

var passiveAux = set("was were is are been be being")

// quotedAs returns the token of "quoted" (or "quoting", "quotes",
// "cited") that opens the object before the "as" at token as ("quoted a
// spokesman as saying"), within a few words; else -1.
func (d *doc) quotedAs(lo, as int) int {
	for k := as - 1; k > lo && as-k <= 14; k-- {
		t := d.toks[k]
		if t.kind == mark || t.inQuote || d.isPunct(k, ".") && !isAbbrev(d, k-1) {
			return -1
		}
		if t.kind == word && !t.upper {
			switch d.lower(k) {
			case "quoted", "quoting", "quotes", "quote", "cited", "citing", "cites":
				if k+1 < as && !(k > lo && has(passiveAux, d.lower(k-1))) {
					return k
				}
				return -1 // "Dixon was quoted by The Australian as saying": Dixon speaks
			}
			if d.isCueVerb(k) {
				return -1
			}
		}
	}
	return -1
}

// nameCloses reports whether a name run starting at token k ends the
// phrase: nothing but punctuation follows it before end ("…, Guido
// Gybels."), not a verb ("…, Reuters reported").
func (d *doc) nameCloses(k, end int) bool {
	r := d.runAt(k, end)
	if r.nameA >= r.b {
		return false
	}
	return r.b >= end || d.toks[r.b].kind != word
}

// objectAfterVerb reports a word right after the cue's verb ("told the
// radio …"), not the cue's end ("…, she said.").
func (d *doc) objectAfterVerb(a attribution) bool {
	k := a.verb + 1
	return a.verb >= 0 && k < len(d.toks) && d.toks[k].kind == word && !d.toks[k].inQuote && !d.isCueVerb(k)
}
