package quote

import "strings"

// subjectBefore reads the subject of cue verb v, walking back to lo.
func (d *doc) subjectBefore(c *cast, sentLo, lo, v int) who {
	k := v
	for k > lo && d.toks[k-1].kind == word && !d.toks[k-1].upper && (has(cueFillers, d.lower(k-1)) || strings.HasSuffix(d.lower(k-1), "ly")) {
		k--
	}
	if k > lo && d.toks[k-1].kind == word && d.lower(k-1) == "and" && !d.toks[k-1].upper {
		// "Ruiz stressed her support … and said": the subject of the
		// sentence, a guess when a clause stands in between.
		w := d.sentenceSubject(c, sentLo, v)
		w.guess = true
		return w
	}
	if k > lo && d.toks[k-1].kind == word && has(personalPronouns, d.lower(k-1)) {
		// "… commercials it described as …": the pronoun is the subject;
		// "it" and "they" there most often stand for the sentence's own
		// subject ("Her campaign released …", "what they call …").
		p := d.lower(k - 1)
		if (p == "it" || p == "they") && k-1 > sentLo {
			if w := d.sentenceSubject(c, sentLo, k-1); w.kind == named || w.kind == described {
				return w
			}
		}
		return who{kind: pronoun, pron: p, tok: k - 1, person: -1}
	}
	e := k
	atVerb := k // where the subject would end right before the verb
	commas := 0
	for k > lo {
		t := d.toks[k-1]
		if t.kind == mark || t.inQuote {
			break
		}
		if t.kind == punct {
			s := d.str(t)
			if s == "," {
				commas++
				if commas > 3 {
					break
				}
				k--
				continue
			}
			if s == ")" {
				// Skip a parenthesis: "Hale (D-Ohio) said".
				m := k - 1
				for m > lo && !d.isPunct(m, "(") {
					m--
				}
				k = m
				continue
			}
			if s == "." || s == "’" || s == "'" || s == "-" || s == "&" || s == "<" || s == ">" {
				k--
				continue
			}
			break
		}
		lw := d.lower(k - 1)
		if !t.upper && isRelative(lw) {
			// "a White House official who spoke …, said": the phrase
			// ends before the relative clause.
			e = k - 1
			if d.isPunct(e-1, ",") {
				e--
			}
			k = e
			commas = 0
			continue
		}
		if !t.upper && has(clauseBreakers, lw) {
			if lw == "and" && commas <= 1 && d.appositiveAnd(lo, k-1) {
				// "Tom Ferris, a former pupil and joint leader of the
				// Hunt, said", "Ana Rusk, a chemist and Director of
				// Safety for the council said": the "and" joins two roles
				// of the name before the comma, closed or not.
				k--
				continue
			}
			if lw == "and" && d.isPunct(k-2, ",") {
				// ", and Admiral B": coordination when a name follows.
				if w, ok := d.nameIn(c, k, e); ok && w.kind == named {
					k--
					continue
				}
			}
			if lw == "and" && k-2 >= lo && d.toks[k-2].kind == word && d.toks[k-2].upper {
				k--
				continue
			}
			break
		}
		if !t.upper && looksVerbal(lw) && k < e-1 {
			if k-2 >= lo && isRelative(d.lower(k-2)) {
				k--
				continue // "who has", inside a relative clause
			}
			// "Berg, who in the past has voiced …, told": jump over
			// the relative clause.
			if r := d.relativeStart(lo, k-1); r >= 0 {
				e = r
				k = r
				commas = 0
				continue
			}
			break
		}
		k--
		if e-k > 40 {
			break
		}
	}
	if k >= e {
		return who{person: -1}
	}
	// Leave out intro phrases: "In a statement, Smith said".
	w := d.phrase(c, d.skipIntro(k, e), e)
	if w.kind == described && e == atVerb {
		// "In a separate interview Keating said": an intro with no comma
		// before the name of someone the article named in full, after a
		// noun that is no title ("interview", not "economist").
		if nw, ok := d.personClosing(c, k+1, e, 3, d.plainNoun); ok && strings.Contains(c.people[nw.person].name, " ") {
			return nw
		}
	}
	if w.kind == noSpeaker && e == atVerb {
		// "… and at a press briefing today Greer said": a clause with no
		// comma before a person's name, ended by a time word. (A plain
		// noun before the name is no such end: "in a way Director Ana
		// Ruiz slammed as …" is a relative clause.)
		if nw, ok := d.personClosing(c, k, e, 4, func(j int) bool { return has(timeWords, d.lower(j)) }); ok {
			return nw
		}
	}
	if w.kind == noSpeaker && e == atVerb {
		// "Asked if the firm had any plans abroad a spokesman said": a
		// clause with no comma before a description of the speaker (not
		// the object of a preposition: "from a candidate who promised").
		for j := e - 2; j > k && j >= e-6; j-- {
			if d.toks[j].kind != word {
				break
			}
			if describingDeterminer(d.lower(j)) && !d.toks[j].upper && d.roleHeaded(j, e) && !d.verbalIn(j, e) && d.toks[j-1].kind == word && !has(titlePreps, d.lower(j-1)) && !has(adjunctPreps, d.lower(j-1)) && !has(placePreps, d.lower(j-1)) {
				return d.phrase(c, j, e)
			}
		}
	}
	return w
}

// personClosing reads the capitalised words (at most max) that end tokens
// [lo, e) as the name of a person the cast holds, when the word before
// them is a lower-case word that ends (j) accepts and lies after lo.
func (d *doc) personClosing(c *cast, lo, e, max int, ends func(j int) bool) (who, bool) {
	n := e
	for n > lo && e-n < max && d.isCapWord(n-1) {
		n--
	}
	if n == e || n <= lo || d.toks[n-1].kind != word || d.toks[n-1].upper || !ends(n-1) {
		return who{}, false
	}
	nw, ok := d.nameIn(c, n, e)
	return nw, ok && nw.kind == named && nw.person >= 0 && !c.people[nw.person].org
}

// plainNoun reports a lower-case word at token j that is no function
// word, preposition, determiner, title, word for a speaker or a body,
// or verb: "interview" of "In a separate interview Keating said".
func (d *doc) plainNoun(j int) bool {
	lw := d.lower(j)
	return !has(closedClass, lw) && !has(titlePreps, lw) && !has(adjunctPreps, lw) && !has(placePreps, lw) && !has(determiners, lw) &&
		!isRole(lw) && !has(roleModifiers, lw) && !isSpeakerNoun(lw) && !has(orgWords, lw) && !has(bodyKinds, lw) && !looksVerbal(lw) &&
		!d.isCueVerb(j) && !isPossessive(d.str(d.toks[j])) && !strings.HasSuffix(lw, "ing")
}

// appositiveAnd reports whether the "and" at token j stands inside an
// appositive opened by a comma after a name: between that comma and j
// there are only words of a noun phrase, no verb and no quotation.
func (d *doc) appositiveAnd(lo, j int) bool {
	for m := j - 1; m > lo && j-m <= 12; m-- {
		t := d.toks[m]
		if t.kind == mark || t.inQuote {
			return false
		}
		if d.isPunct(m, ",") {
			return m-1 >= lo && d.isCapWord(m-1) && m+1 < j && (has(determiners, d.lower(m+1)) || d.isTitleWord(m+1) || isPossessive(d.str(d.toks[m+1])) || !d.toks[m+1].upper && (isRole(d.lower(m+1)) || has(roleModifiers, d.lower(m+1))))
		}
		if t.kind == punct {
			return false
		}
		if lw := d.lower(m); !t.upper && (looksVerbal(lw) || d.isCueVerb(m) || has(clauseBreakers, lw) || isRelative(lw)) {
			return false
		}
	}
	return false
}

// placePreps put a place or a body after a noun ("a detainee in Belmarsh
// Prison", "an official at the Treasury").
var placePreps = set("in at from near outside inside")

// personalPronouns can be the subject of a verb right after them.
var personalPronouns = set("he she they it we i")

func isRelative(lw string) bool {
	return lw == "who" || lw == "which" || strings.HasPrefix(lw, "who’") || strings.HasPrefix(lw, "who'")
}

// skipIntro drops leading comma-separated stretches that open with a
// preposition or adverb ("At that time, Admiral A …").
func (d *doc) skipIntro(a, e int) int {
	for a < e {
		if d.toks[a].kind != word || !has(introWords, d.lower(a)) || has(pronouns, d.lower(a)) {
			return a
		}
		if has(introTrimCap, d.lower(a)) && a+1 < e && d.isCapWord(a+1) {
			// "But Kenzo Uchida, professor of …, said": a conjunction
			// opening the sentence, not an intro phrase up to the comma.
			a++
			continue
		}
		k := a
		for k < e && !d.isPunct(k, ",") {
			k++
		}
		if k >= e {
			return a
		}
		if has(clauseOpeners, d.lower(a)) && d.namedClause(a+1, k) {
			return a // "And then Trump went on the attack, saying": a clause, not an intro
		}
		// "Speaking in Salem, New Hampshire, Trump went …": the place's
		// region is part of the intro.
		if m := d.nextComma(k+1, e); m < e && m > k+1 && d.allPlace(k+1, m) {
			k = m
		}
		// "After the ruling Carla Ferstman, legal director of …, said":
		// the intro ends with the subject's name.
		n := k
		for n > a && d.toks[n-1].kind == word && d.toks[n-1].upper && !has(closedClass, d.lower(n-1)) {
			n--
		}
		if k-n >= 2 && k-n <= 4 && n > a && d.toks[n-1].kind == word && !d.toks[n-1].upper && d.personBefore(n, k) {
			return n
		}
		a = k + 1
	}
	return a
}

// namedClause reports whether tokens [a, b) hold a name followed by what
// reads as its verb.
func (d *doc) namedClause(a, b int) bool {
	for k := a; k < b; k++ {
		if !d.isCapWord(k) {
			continue
		}
		r := d.runAt(k, b)
		if r.nameA < r.b && r.b < b && (d.predicateAt(r.b) || d.toks[r.b].kind == word && !d.toks[r.b].upper && !has(closedClass, d.lower(r.b)) && !isRole(d.lower(r.b)) && !has(roleModifiers, d.lower(r.b))) {
			return true // "then Trump went …"
		}
		k = max(k, r.b-1)
	}
	return false
}

// newClauseIn reports whether another clause starts within [a, b): a
// comma or semicolon followed by a conjunction ("…, and within weeks the
// opposition effort had …").
func (d *doc) newClauseIn(a, b int) bool {
	for k := a; k+1 < b; k++ {
		if d.isPunct(k, ";") || d.isPunct(k, ",") && d.toks[k+1].kind == word && has(clauseBreakers, d.lower(k+1)) {
			return true
		}
	}
	return false
}

// clauseOpeners start a sentence's main clause as often as an intro.
var clauseOpeners = set("and but so then also yet still")

// looksVerbal reports whether a lower-case word looks like a verb form,
// which ends a subject when walking back ("Berg attacked Ruiz, and").
func looksVerbal(lw string) bool {
	if isRole(lw) || has(roleModifiers, lw) {
		return false
	}
	switch lw {
	case "is", "was", "are", "were", "will", "would", "can", "could", "did", "does", "do", "has", "have", "had", "be", "been",
		"must", "should", "shall", "may", "might":
		return true
	}
	return strings.HasSuffix(lw, "ed") && len(lw) > 4
}

// accordingTo finds "according to X" in the tokens [a, b).
func (d *doc) accordingTo(c *cast, a, b int) (who, bool) {
	for k := a; k+1 < b; k++ {
		if d.toks[k].inQuote || d.toks[k].kind != word || d.lower(k) != "according" || d.lower(k+1) != "to" {
			continue
		}
		ce := d.clauseEnd(k + 2)
		end := d.npAfter(k+2, ce)
		if end > k+2 {
			w := d.phrase(c, k+2, end)
			if w.kind != noSpeaker {
				return w, true
			}
		}
		// "according to a court document filed by …": the whole phrase.
		m := k + 2
		for m < ce && !d.isPunct(m, ",") {
			m++
		}
		if m > k+2 && m-k <= 16 {
			return who{kind: described, name: d.text[d.toks[k+2].s:d.toks[m-1].e], tok: k + 2, person: -1, vague: d.vagueDescription(k+2, m)}, true
		}
	}
	return who{}, false
}

// sentenceSubject reads the subject at the start of the sentence that
// begins at lo, before token v: the first name (or pronoun) followed by
// what looks like its verb.
func (d *doc) sentenceSubject(c *cast, lo, v int) who {
	a := d.skipIntro(lo, v)
	if a < v && d.toks[a].kind == word && has(determiners, d.lower(a)) && !has(pronouns, d.lower(a)) {
		// "The spokesman refused …": a description as the subject.
		for m := a + 1; m < v && m < a+8; m++ {
			if d.toks[m].kind != word || d.toks[m].inQuote {
				break
			}
			if d.predicateAt(m) {
				if w := d.phrase(c, a, m); w.kind == described || w.kind == named {
					return w
				}
				break
			}
		}
	}
	for k := a; k < v; k++ {
		t := d.toks[k]
		if t.kind != word || t.inQuote {
			continue
		}
		lw := d.lower(k)
		if lw == "he" || lw == "she" || lw == "they" {
			if d.predicateAt(k + 1) {
				return who{kind: pronoun, pron: lw, tok: k, person: -1}
			}
			continue
		}
		if !d.isCapWord(k) && !d.honorificAt(k) {
			continue
		}
		r := d.runAt(k, v)
		j := r.b
		if j <= k {
			continue
		}
		if d.isPunct(j, "(") {
			for j < v && !d.isPunct(j, ")") {
				j++
			}
			j++
		}
		if d.predicateAt(j) && !isPossessive(d.str(d.toks[r.b-1])) {
			if k > a && d.toks[k-1].kind == word && !d.toks[k-1].upper && has(placePreps, d.lower(k-1)) && !r.titleSeen && !r.givenFound {
				// "detainee Ali in Belmarsh Prison said": the place is the
				// object of a preposition, the subject stands before it.
				return who{person: -1}
			}
			return d.phrase(c, k, r.b) // not "Trump's" in "… brushed off Trump's comments"
		}
		if d.isPunct(j, ",") {
			// An appositive: "Ruiz, the former secretary of State, stressed".
			for m := j + 1; m < v && m < j+16; m++ {
				if d.toks[m].kind == mark || d.isPunct(m, ".") && !isAbbrev(d, m-1) {
					break
				}
				if d.isPunct(m, ",") {
					if d.predicateAt(m + 1) {
						start := k
						if ra := d.titleBefore(k); ra < k && ra >= a && d.hasRoleWord(ra, k) {
							start = ra // "H.J. Heinz chairman Tony O'Reilly, one of …, stressed": the title too
						}
						return d.phrase(c, start, m)
					}
					break
				}
			}
		}
		k = r.b - 1
	}
	// "And then Trump went on the attack, saying …": a name followed by a
	// word that can only be its verb.
	for k := a; k < v && k < a+4; k++ {
		if !d.isCapWord(k) {
			if d.toks[k].kind == word && !has(introTrimCap, d.toks[k].low) && d.toks[k].low != "then" {
				break
			}
			continue
		}
		r := d.runAt(k, v)
		if r.nameA < r.b && d.namedClause(k, v) && !isPossessive(d.str(d.toks[r.b-1])) && !d.newClauseIn(r.b, v) {
			if w := d.phrase(c, k, r.b); w.kind == named {
				return w
			}
		}
		break
	}
	// A description: "The ad claims", "Attorneys for Ruiz appeared".
	k := a
	for k < v {
		t := d.toks[k]
		if t.kind == mark || t.inQuote {
			break
		}
		if t.kind == word && !t.upper {
			lw := d.lower(k)
			if looksVerbal(lw) || has(speechVerbs, lw) || has(frameVerbs, lw) || has(clauseBreakers, lw) && lw != "and" || has(cueFillers, lw) {
				break
			}
		}
		if t.kind == punct && !isAppositivePunct(d.str(t)) {
			break
		}
		k++
	}
	if k == a {
		return who{person: -1}
	}
	return d.phrase(c, a, k)
}

// predicateAt reports whether token j starts a predicate: a lower-case
// word that is not part of a noun phrase.
func (d *doc) predicateAt(j int) bool {
	// Skip a time phrase: "Smith on Wednesday said", "Smith last week said".
	for n := 0; n < 3 && j+1 < len(d.toks) && d.toks[j].kind == word; n++ {
		lw := d.lower(j)
		if (lw == "on" || lw == "last" || lw == "this" || lw == "late" || lw == "early") && has(timeWords, d.lower(j+1)) {
			j += 2
			continue
		}
		if has(timeWords, lw) || !d.toks[j].upper && (strings.HasSuffix(lw, "ly") || has(cueFillers, lw)) {
			j++
			continue
		}
		break
	}
	if j >= len(d.toks) || d.toks[j].kind != word || d.toks[j].upper {
		return false
	}
	lw := d.lower(j)
	if has(determiners, lw) || has(npJoiners, lw) || isRole(lw) {
		return false
	}
	if looksVerbal(lw) || has(speechVerbs, lw) || has(frameVerbs, lw) || has(cueFillers, lw) {
		return true
	}
	return strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") && !strings.HasSuffix(lw, "is")
}

var timeWords = set(
	"monday tuesday wednesday thursday friday saturday sunday today yesterday tonight",
	"week month year morning afternoon evening night weekend",
)

// relativeStart finds ", who" before token k within one comma-separated
// stretch and returns the index of that comma, or -1.
func (d *doc) relativeStart(lo, k int) int {
	for m := k; m > lo && m > k-20; m-- {
		if d.isPunct(m, ",") {
			return -1
		}
		if d.toks[m].kind == word && isRelative(d.lower(m)) && d.isPunct(m-1, ",") {
			return m - 1
		}
		if d.toks[m].kind == word && isRelative(d.lower(m)) && m-1 > lo && d.toks[m-1].kind == word && !d.toks[m-1].upper && isSpeakerNoun(d.lower(m-1)) {
			return m // "a veteran media consultant who earlier … had tried …, said"
		}
	}
	return -1
}

var months = set("january february march april may june july august september october november december")
