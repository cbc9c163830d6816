package quote

import "strings"

// An affiliation is the body a speaker works for, named after the name
// with a preposition: "economist Marie-Pierre Ripert at IXIS", "Steve
// Cerier of Manufacturers Hanover Trust Co", "Neale Goldston-Morris of
// Sydney broker <Bain and Co Ltd>". It is part of the role the article
// gives that person.

// affiliationAfter reads an affiliation starting at token k (the
// preposition) and running to end, which must close it (the end of the
// clause or the speaker's phrase). It returns the preposition and the
// body's words, or ok false.
func (d *doc) affiliationAfter(k, end int) (prep, body string, ok bool) {
	if k+1 >= end || d.toks[k].kind != word || d.toks[k].upper {
		return "", "", false
	}
	switch prep = d.lower(k); prep {
	case "at", "with", "of", "from", "for":
	default:
		return "", "", false
	}
	for end > k+1 && d.toks[end-1].kind == punct && !d.isPunct(end-1, ">") && !d.isPunct(end-1, ")") {
		end--
	}
	if end-k-1 > 10 || !d.orgish(k+1, end) && !d.bodyDescribedAfter(k+1, end) {
		return "", "", false
	}
	return prep, trimRole(d.text[d.toks[k+1].s:d.toks[end-1].e]), true
}

// bodyDescribedAfter reports a name [a, b) of one to four capitalised
// words, no place, that an appositive right after it describes as a body
// ("from Geomapa, the European mapping agency that …"): a body, though
// its name holds no word that says so.
func (d *doc) bodyDescribedAfter(a, b int) bool {
	if b-a > 4 || b+2 >= len(d.toks) || !d.isPunct(b, ",") || !has(determiners, d.lower(b+1)) || d.allPlace(a, b) {
		return false
	}
	for k := a; k < b; k++ {
		if !d.isCapWord(k) {
			return false
		}
	}
	end := d.clauseEnd(b + 1)
	return d.describesBody(b+1, d.nextComma(b+1, end))
}

// affiliationEnd returns where an affiliation after a name at token b
// would end: before the speech verb or comma that closes the phrase, or
// b when none closes it within a few words.
func (d *doc) affiliationEnd(b int) int {
	if b >= len(d.toks) {
		return b
	}
	end := d.clauseEnd(b)
	for k := b + 1; k < end && k < b+12; k++ {
		if d.isPunct(k, ",") || d.isCueVerb(k) {
			return k
		}
		if k > b+1 && d.toks[k].kind == word && !d.toks[k].upper && looksVerbal(d.lower(k)) && d.toks[k-1].upper {
			return k // "… of Dresdner Bank described the results": the verb ends it
		}
	}
	if end < b+12 && end < len(d.toks) && d.isPunct(end, ".") {
		return end // "…, said Ola Berg of accounting firm Nordby Price and Co."
	}
	return b
}

// hasPrepPlace reports whether tokens [x, y) end in a preposition and
// capitalised words ("a native of San Diego", "a farmer in Edo"), which
// a place's region may follow after a comma.
func (d *doc) hasPrepPlace(x, y int) bool {
	k := y - 1
	for k > x && d.toks[k].kind == word && d.toks[k].upper {
		k--
	}
	if k == y-1 || d.toks[k].kind != word {
		return false
	}
	switch d.lower(k) {
	case "of", "in", "from", "near":
		return true
	}
	return false
}

// orgish reports whether tokens [a, b) name a body: a few lower-case
// words of kind ("brokers", "fund manager") at most, then capitalised
// words (or the wire's <…> marks) that end in a word for a body or a
// firm, or make an acronym ("IXIS"); never a place alone.
func (d *doc) orgish(a, b int) bool {
	if a >= b {
		return false
	}
	k := a
	for k < b && d.toks[k].kind == word && !d.toks[k].upper && k-a < 3 {
		if has(closedClass, d.lower(k)) && d.lower(k) != "the" || looksVerbal(d.lower(k)) {
			return false
		}
		k++
	}
	kind := k > a && (has(orgWords, d.lower(k-1)) || has(bodyEndings, d.lower(k-1)) || has(bodyKinds, d.lower(k-1)))
	caps, marks, inner := 0, false, false
	for j := k; j < b; j++ {
		t := d.toks[j]
		switch {
		case t.kind == word && t.upper:
			caps++
			// "Daiwa Securities SMBC", "Consumer Electronics Association
			// (CEA)": a word for a body inside the name.
			inner = inner || has(orgWords, d.lower(j)) || has(bodyEndings, d.lower(j)) || has(firmWords, d.lower(j))
		case t.kind == word && (d.lower(j) == "and" || d.lower(j) == "of" || d.lower(j) == "the" || d.lower(j) == "&"):
		case t.kind == word:
			if has(closedClass, d.lower(j)) || looksVerbal(d.lower(j)) || caps > 0 && isPossessive(d.str(d.toks[j-1])) {
				return false // "Inbev's strong performance": what was spoken of
			}
		case d.isPunct(j, "<") || d.isPunct(j, ">"):
			marks = true
		case d.isPunct(j, "&") || d.isPunct(j, ".") || d.isPunct(j, "-") || d.isPunct(j, "/") || d.isPunct(j, "(") || d.isPunct(j, ")"):
		case (d.isPunct(j, "'") || d.isPunct(j, "’")) && j > k && d.toks[j-1].kind == word && d.toks[j-1].upper && strings.HasSuffix(d.lower(j-1), "s") && j+1 < b && d.toks[j+1].upper:
			// "Supporters' Association": a plural possessive inside the name
		default:
			return false
		}
	}
	if caps == 0 || d.allPlace(k, b) {
		return false
	}
	last := b - 1
	for last > k && d.toks[last].kind != word {
		last--
	}
	lw := d.lower(last)
	return marks || kind || inner || has(orgWords, lw) || has(firmWords, lw) || has(bodyEndings, lw) || caps == 1 && isAcronym(d.str(d.toks[last]))
}

// bodyKinds say what kind of body the name after them is ("security
// firm Kestrel", "chip maker Arcon").
var bodyKinds = set("firm company maker makers carrier operator manufacturer producer publisher retailer lender insurer broker stockbroker")

// bodyEndings end the names of firms and research houses beyond orgWords.
var bodyEndings = set("securities capital partners research investments investment associates management",
	"advisors advisers holdings trust motors brothers consulting consultants communications",
	"insurance industries airlines airways group markets economics analytics stockbrokers brokers",
	"acquisition acquisitions exploration petroleum resources chemical chemicals electric electronics",
	"foods products systems technologies software realty properties bancorp financial mining minerals",
	"energy")

// withAffiliation adds an affiliation to a role: "economist" and "at
// IXIS" make "economist at IXIS"; with no role, the body alone.
func withAffiliation(role, prep, body string) string {
	if role == "" {
		return body
	}
	if strings.Contains(strings.ToLower(role), strings.ToLower(body)) {
		return role
	}
	return role + " " + prep + " " + body
}
