package quote

import (
	"attache/briefing/sentence"
	"strings"
	"unicode"
)

// nameRun is a run of capitalised words read as [role] name.
type nameRun struct {
	a, b       int // token range of the whole run [a, b)
	nameA      int // first token of the name; nameA == b when there is no name
	roleA      int // first token of the role (may lie before a), == nameA when none
	honorific  gender
	hasHonor   bool
	org        bool
	titleSeen  bool // a role word or honorific precedes the name
	givenFound bool // the name starts with a known given name
}

// isCapWord reports whether token i is a capitalised word that can be part
// of a name or title.
func (d *doc) isCapWord(i int) bool {
	t := d.toks[i]
	if t.kind != word || !t.upper {
		return false
	}
	if d.sentenceAdverb(i) || d.tickerSuffix(i) {
		return false
	}
	return !has(closedClass, d.lower(i)) || has(honorifics2, d.lower(i)) || d.str(t) == "US" || d.titleOpener(i) || d.surnameMonth(i) || d.initialA(i)
}

// initialA reports "A" as a person's first initial ("chief executive
// officer A. Malachi Mixon"): the article is never closed by a dot. Only
// mid-sentence after a lower-case word, before a capitalised name word.
func (d *doc) initialA(i int) bool {
	if d.str(d.toks[i]) != "A" || i == 0 || i+2 >= len(d.toks) || !d.isPunct(i+1, ".") || d.toks[i].e != d.toks[i+1].s || d.toks[i+1].sentEnd {
		return false
	}
	p, n := d.toks[i-1], d.toks[i+2]
	return p.kind == word && !p.upper && p.para == d.toks[i].para && n.kind == word && n.upper && !has(closedClass, n.low) && n.para == d.toks[i].para
}

// tickerSuffix reports the exchange code closing a ticker in the wire's
// company mark ("HK" of "<HKLD.HK>"): no name.
func (d *doc) tickerSuffix(i int) bool {
	return i >= 2 && i+1 < len(d.toks) && d.isPunct(i-1, ".") && d.toks[i-1].e == d.toks[i].s && d.toks[i-2].e == d.toks[i-1].s && d.isPunct(i+1, ">")
}

// sentenceAdverb reports a word in -ly that opens its sentence and is set
// off by a comma ("Essentially, he says, …", "Ultimately, the board …"),
// which the text capitalises nowhere else and which is no given name: an
// adverb, not a name.
func (d *doc) sentenceAdverb(i int) bool {
	lw := d.lower(i)
	if len(lw) < 5 || !strings.HasSuffix(lw, "ly") || i+1 >= len(d.toks) || !d.isPunct(i+1, ",") {
		return false
	}
	if !d.opensSentence(i) && !(d.toks[i-1].kind == mark && i >= 2 && (d.isPunct(i-2, ".") || d.isPunct(i-2, "?") || d.isPunct(i-2, "!"))) {
		return false // not after a quotation that closed its sentence either
	}
	if _, given := givenNameGender(lw); given {
		return false
	}
	return !d.capitalisedMidSentence(lw)
}

// surnameMonth reports a month's name used as a surname right after a
// known given name ("Theresa May", "Richard May").
func (d *doc) surnameMonth(i int) bool {
	if i == 0 || !has(months, d.lower(i)) || d.toks[i-1].kind != word || !d.toks[i-1].upper || d.toks[i-1].e+1 != d.toks[i].s {
		return false
	}
	_, ok := givenNameGender(d.lower(i - 1))
	return ok
}

// titleOpener reports a capitalised word that is otherwise a function
// word but here opens a title ("First Minister", "First Secretary"): a
// role modifier right before a capitalised role word.
func (d *doc) titleOpener(i int) bool {
	return has(roleModifiers, d.lower(i)) && i+1 < len(d.toks) && d.toks[i+1].kind == word && d.toks[i+1].upper && isRole(d.lower(i+1))
}

var honorifics2 = set("mr mrs ms dr st jr sr")

// runAt reads a name run starting at token i (which must be a capitalised
// word) and returns it. The run stops at the paragraph end, punctuation
// other than the dot of an abbreviation or initial, and lower-case words
// other than name particles and "of" between title words.
func (d *doc) runAt(i, limit int) nameRun {
	p := d.paras[d.toks[i].para]
	if limit > p.t1 {
		limit = p.t1
	}
	j := i
	for j < limit {
		t := d.toks[j]
		if t.inQuote || t.kind == mark {
			break
		}
		if t.kind == word {
			lw := d.lower(j)
			if d.isCapWord(j) {
				j++
				continue
			}
			if j > i && t.upper && len(lw) == 1 && j+2 < limit && d.isPunct(j+1, ".") && d.isCapWord(j+2) {
				j += 2 // "Chairman A. William Reyes": the initial "A", not the article
				continue
			}
			// Lower-case joiners between capitalised words.
			if (has(nameParticles, lw) || lw == "of") && j+1 < limit && d.isCapWord(j+1) && j > i {
				j++
				continue
			}
			if j > i && particleName(d.str(t)) {
				j++ // "Salim al-Rashid"
				continue
			}
			// "House Ways and Means Committee Chairman Dan Rostow": "and"
			// inside a body's name that a title word follows.
			if lw == "and" && j > i && d.bodyTitleAhead(j+1, limit) && !d.givenNameAt(i) {
				j++
				continue
			}
			// "Chancellor of the Exchequer Nigel Lawson": "of the" inside a title.
			if lw == "of" && j > i && j+2 < limit && d.lower(j+1) == "the" && d.isCapWord(j+2) && d.isTitleWord(j-1) {
				j += 2
				continue
			}
			break
		}
		// The dot of "Mr." or "J." stays inside the run.
		if d.isPunct(j, ".") && j > i && j+1 < limit && d.isCapWord(j+1) && d.toks[j-1].kind == word && (isAbbrev(d, j-1) || sentence.IsAbbreviation(d.str(d.toks[j-1]))) {
			j++
			continue
		}
		break
	}
	return d.splitRun(i, j)
}

// bodyTitleAhead reports capitalised words from token k that hold a word
// for a body and then a title word ("Means Committee Chairman"), so that
// an "and" before them joins one body's name, not two names.
func (d *doc) bodyTitleAhead(k, limit int) bool {
	body := false
	for ; k < limit && d.isCapWord(k); k++ {
		if body && d.isTitleWord(k) {
			return true
		}
		body = body || has(orgWords, d.lower(k))
	}
	return false
}

// givenNameAt reports a known given name at token k ("Ana" of "Ana
// Ruiz and Trade Committee Chairman Ola Berg": two people, not one
// body's name).
func (d *doc) givenNameAt(k int) bool {
	_, ok := givenNameGender(d.lower(k))
	return ok
}

// splitRun splits tokens [a, b) into a role part and a name part.
func (d *doc) splitRun(a, b int) nameRun {
	// "Ana Ruiz of Toledo": a name before "of" keeps the name.
	for k := b - 2; k > a; k-- {
		if d.toks[k].kind == word && d.lower(k) == "of" {
			if d.toks[k-1].kind == word && !d.isTitleWord(k-1) && !has(orgWords, d.lower(k-1)) && (!has(orgWords, d.lower(b-1)) || d.personBefore(a, k) || d.surnameOfFirm(a, k, b)) {
				r := d.splitRun(a, k)
				r.b = k
				return r
			}
			break
		}
	}
	r := nameRun{a: a, b: b, nameA: b, roleA: b}
	// The name is the trailing stretch of words that are not titles.
	k := b
	for k > a {
		t := d.toks[k-1]
		if t.kind != word {
			// The dot of an initial stays in the name: "Robert P. Casey".
			if d.isPunct(k-1, ".") && k-2 >= a && d.toks[k-2].kind == word && (len(d.toks[k-2].low) == 1 || isInitials(d.str(d.toks[k-2]))) && d.toks[k-2].upper && k < b {
				k--
				continue
			}
			break
		}
		lw := d.lower(k - 1)
		if !t.upper && lw != "of" && !has(nameParticles, lw) && !particleName(d.str(t)) {
			break // "the" of "Chancellor of the Exchequer"
		}
		if k < b && isPossessive(d.str(t)) {
			break // "Bank of Tokyo's Kimura": the name follows the owner
		}
		if lw == "of" && k-2 > a && d.toks[k-2].kind == word && d.toks[k-2].upper && has(orgWords, d.lower(k-2)) && !d.isTitleWord(k-2) {
			k-- // "Chamber of Mines", "Bank of Japan": one body's name
			continue
		}
		if d.isTitleWord(k-1) || lw == "of" {
			// "Steve King": a title word ends the name only when a
			// given name or other name word stands right before it.
			if k == b && k-1 > a && d.toks[k-2].kind == word && !d.isTitleWord(k-2) && d.toks[k-2].upper && lw != "of" {
				k--
				continue
			}
			break
		}
		if _, ok := honorifics[lw]; ok {
			break
		}
		k--
	}
	// Drop leading particles and dots from the name.
	for k < b && (d.toks[k].kind != word || !d.toks[k].upper) {
		k++
	}
	// "Exchequer Nigel Lawson": a known given name after a word that is
	// not one starts the name; the word before belongs to the title.
	if b-k >= 3 {
		for j := k + 1; j < b-1; j++ {
			if d.toks[j].kind != word || !d.toks[j].upper {
				break
			}
			if _, ok := givenNameGender(d.lower(j)); ok {
				if _, prev := givenNameGender(d.lower(j - 1)); !prev && d.toks[j-1].kind == word && d.toks[j-1].upper && !d.honorificAt(j-1) &&
					(has(orgWords, d.lower(j-1)) || d.isTitleWord(j-1) || d.titleObject(a, j) || d.titleObject(k, j) || isAcronym(d.str(d.toks[j-1]))) && !has(orgWords, d.lower(b-1)) {
					k = j
				}
				break
			}
		}
	}
	// "actress America Ferrera": a country's name then one name word is a
	// person's name, not a title.
	if k == b-1 && k-1 >= a && d.toks[k-1].place == placeName && !d.isPunct(k-1, ".") && d.toks[k].place == notPlace && !has(orgWords, d.lower(k)) && !isRole(d.lower(k)) && (k-1 == a || !d.isTitleWord(k-2)) && !isPossessive(d.str(d.toks[k-1])) && !strings.Contains(d.str(d.toks[k-1]), ".") {
		k--
	}
	// "Tehran Radio", "U.S. Treasury", "Bank of Japan": a body named
	// after its place keeps the place in its name; "Foreign Ministry",
	// "Justice Department": after what it deals with, that word.
	orgEnd := b
	if b-2 >= k && isAcronym(d.str(d.toks[b-1])) && has(orgWords, d.lower(b-2)) {
		orgEnd = b - 1 // "Kenya News Agency KNA": the body's initials after its name
	}
	if k < orgEnd && (d.onlyOrgWords(k, orgEnd) || d.onlyWords(k, orgEnd, bodyEndings)) {
		// "British Airways", "General Motors": the place or qualifier
		// before a firm's last word is part of its name.
		for k > a && (d.toks[k-1].place != notPlace || d.isPunct(k-1, ".") && k-2 >= a && d.toks[k-2].place != notPlace ||
			d.toks[k-1].kind == word && d.toks[k-1].upper && has(roleModifiers, d.lower(k-1))) {
			k--
		}
	}
	if j := k - 1; j > a && d.lower(j) == "the" && j-1 > a && d.lower(j-1) == "of" {
		j-- // "Queen of the Sky"
		if d.toks[j-1].kind == word && d.isTitleWord(j-1) {
			k = b
		}
	} else if j > a && d.lower(j) == "of" && d.toks[j-1].kind == word && d.isTitleWord(j-1) {
		// "Vice-President of Marketing Services": capitalised words after
		// a title's "of" are what the title is over, not a person.
		k = b
	}
	r.nameA = k
	// Honorific or role before the name.
	if k > a {
		h := k - 1
		if d.isPunct(h, ".") {
			h--
		}
		if h >= a {
			if g, ok := honorifics[d.lower(h)]; ok {
				r.honorific, r.hasHonor = g, true
				r.titleSeen = true
			}
		}
		for x := a; x < k; x++ {
			if d.toks[x].kind == word && isRole(d.lower(x)) {
				r.titleSeen = true
			}
		}
	}
	r.roleA = k
	// The role: title words of the run before the name, extended left over
	// lower-case role words ("presidential candidate").
	{
		ra := d.titleBefore(a)
		if ra == a && d.titleObject(a, k) {
			// "U.S. Ambassador to GATT Michael Samuels": the title goes
			// on over its preposition.
			ra = d.titleBefore(a - 1)
		}
		for x := a; x < k; x++ {
			if d.honorificAt(x) && !d.hasRoleWord(ra, x) {
				ra = k // "Mr. Berg": an honorific is no role
				break
			}
		}
		for ra < k && d.toks[ra].kind == word && (has(introWords, d.lower(ra)) || has(closedClass, d.lower(ra))) && !d.isTitleWord(ra) {
			ra++ // "Earlier Foreign Secretary Jack Lorne": "Earlier" is no part of the title
		}
		if ra < k && (d.hasRoleWord(ra, k) || k-ra >= 2 && d.toks[k-1].kind == word && !d.toks[k-1].upper && isSpeakerNoun(d.lower(k-1)) && !has(orgWords, d.lower(k-1))) {
			// "Northern Trust foreign exchange dealer Paul Kerr"
			r.roleA = ra
			r.titleSeen = true
		}
	}
	for x := r.nameA; x < b; x++ {
		lw := d.lower(x)
		initial := len(lw) == 1 && x+1 < b && d.isPunct(x+1, ".") // "T. Boone Pickens"
		if has(orgWords, lw) || x == b-1 && x > r.nameA && has(bodyEndings, lw) || isAcronym(d.str(d.toks[x])) && !initial && !(x+1 < b && isInitials(d.str(d.toks[x]))) && !isRole(lw) && !(x == b-1 && x-r.nameA >= 2 && has(generationSuffixes, lw)) {
			r.org = true // "K.K Wong": initials before a name are no acronym; "Ruth Kelly MP" is a person
		}
	}
	if r.nameA < b {
		if _, ok := givenNameGender(d.lower(r.nameA)); ok {
			r.givenFound = true
		}
	}
	return r
}

// isTitleWord reports whether word token k can be part of a title before
// a name: a role word, a modifier or a demonym ("Japanese Prime Minister").
func (d *doc) isTitleWord(k int) bool {
	lw := d.lower(k)
	if rest, ok := strings.CutPrefix(lw, "ex-"); ok && rest != "" {
		lw = rest // "ex-Foreign Secretary"
	}
	return isRole(lw) || d.isDemonym(k) || has(roleModifiers, lw) && lw != "the" && lw != "and" && lw != "for" && lw != "to" && lw != "at" && lw != "of"
}

// titleBefore walks back from token a over the words that can stand
// before a name as its title: role words, modifiers, demonyms, the names
// of bodies and their qualifiers ("American Soybean Association (ASA)
// board chairman", "Central bank governor", "French EC affairs minister",
// "Phillips and Drew senior European economist"). It stops at a
// determiner, a verb, a function word, punctuation other than inside a
// name, a sentence start or a quotation, and returns the first title
// token (a when there is none). The caller keeps the stretch only when it
// holds a role word.
func (d *doc) titleBefore(a int) int {
	ra := a
	para := d.toks[a].para
	for ra > 0 && a-ra < 12 {
		t := d.toks[ra-1]
		if t.para != para || t.inQuote || t.kind == mark || t.sentEnd {
			break
		}
		if t.kind == punct {
			s := d.str(t)
			if s == ")" {
				// "(ASA)": an abbreviation in brackets inside the title.
				m := ra - 2
				for m > 0 && ra-m < 6 && !d.isPunct(m, "(") {
					m--
				}
				if d.isPunct(m, "(") && m > 0 && d.toks[m-1].kind == word && d.toks[m-1].upper {
					ra = m // "American Soybean Association (ASA)"
					continue
				}
				if d.isPunct(m, "(") && m > 1 && d.toks[m-1].kind == word && !has(closedClass, d.lower(m-1)) && !looksVerbal(d.lower(m-1)) && d.toks[m-2].kind == word {
					ra = m - 1 // "Tokyo stock exchange (TSE)"
					continue
				}
				break
			}
			if s == "," && ra < a && ra-2 >= 0 && d.toks[ra-2].kind == word && d.toks[ra-2].upper && !has(closedClass, d.lower(ra-2)) && d.firmAhead(ra, a) {
				ra -= 2 // "Levesque, Beaubien Inc": a firm's name with a comma
				continue
			}
			if (s == "&" || s == "-" || s == "’" || s == "'" || s == "." && ra-2 >= 0 && d.toks[ra-2].upper) && ra-2 >= 0 && d.toks[ra-2].kind == word {
				ra--
				continue
			}
			break
		}
		lw := d.lower(ra - 1)
		if t.upper {
			if has(closedClass, lw) && lw != "and" && !has(roleModifiers, lw) || has(introWords, lw) && !d.isTitleWord(ra-1) || has(months, lw) {
				break
			}
			ra--
			continue
		}
		if lw == "and" && ra < a && ra-2 >= 0 && d.toks[ra-2].kind == word && (d.toks[ra-2].upper && ra < len(d.toks) && d.toks[ra].upper || !d.toks[ra-2].upper && isRole(d.lower(ra-2))) && !d.fullNameEndsAt(ra-2) {
			// "Phillips and Drew", "vice president and treasurer"; not "Ruiz
			// and former Gov.", not "Treasury Secretary Jim Baker and Budget
			// chief Ana Ruiz" (two people, each with a title).
			ra--
			continue
		}
		if lw == "of" && ra < a && ra-2 >= 0 && d.toks[ra-2].kind == word && d.toks[ra-2].upper && has(orgWords, d.lower(ra-2)) && d.toks[ra].upper {
			ra-- // "National Bank of Poland first vice-president"
			continue
		}
		if lw == "of" && ra < a && ra-2 >= 0 && d.toks[ra-2].kind == word && !d.toks[ra-2].upper && isRole(d.lower(ra-2)) && d.toks[ra].kind == word && !d.toks[ra].upper && !has(closedClass, d.lower(ra)) && d.onlyTitleOrLower(ra, a) && a < len(d.toks) && d.toks[a].upper && d.isTitleWord(a) {
			ra-- // "chief of general staff Rear-Admiral Ana Ruiz"; not "… of music firm Musiwave Ana Ruiz"
			continue
		}
		if lw == "and" && ra == a && ra-2 >= 0 && d.toks[ra].upper && d.toks[ra-2].kind == word && d.toks[ra-2].upper && (has(portfolios, d.lower(ra-2)) || has(roleModifiers, d.lower(ra-2)) && !has(closedClass, d.lower(ra-2))) {
			ra -= 2 // "Minerals and Energy Minister": two portfolios of one office
			continue
		}
		if lw == "and" && ra < a && ra-2 >= 0 && d.portfolioAnd(ra-1) {
			ra -= 2 // "Work and pensions minister", "Trade and industry minister"
			continue
		}
		if isRole(lw) || has(roleModifiers, lw) && (!has(closedClass, lw) || ra < a && d.isTitleWord(ra)) || isSpeakerNoun(lw) || strings.HasPrefix(lw, "ex-") && d.isTitleWord(ra-1) {
			ra-- // "first deputy prime minister", not "first Ana Ruiz"; "ex-Foreign Secretary"
			continue
		}
		if strings.HasSuffix(lw, "ing") && !has(portfolios, lw) && !(ra-2 >= 0 && d.toks[ra-2].kind == word && !has(closedClass, d.lower(ra-2)) && !looksVerbal(d.lower(ra-2))) {
			break // "…, beating councilman Doug Hart": a verb, not "banking commissioner"
		}
		if has(closedClass, lw) || looksVerbal(lw) || has(speechVerbs, lw) || has(frameVerbs, lw) || strings.HasSuffix(lw, "ly") || isNumber(lw) || has(cueFillers, lw) {
			break
		}
		// A plain noun qualifying the title ("board", "platinum
		// marketing"), only right before more title words, or the owner
		// of the title ("the families' solicitor").
		if ra < a && d.toks[ra].kind == word && !d.toks[ra].upper || ra < a && (d.isPunct(ra, "'") || d.isPunct(ra, "’")) && ra+1 < a && d.toks[ra+1].kind == word && !d.toks[ra+1].upper {
			ra--
			continue
		}
		break
	}
	// The title starts with a title word or a capitalised word, never
	// with a lone qualifier or a conjunction.
	for ra < a && (d.toks[ra].kind != word || d.lower(ra) == "and" || !d.toks[ra].upper && !d.isTitleWord(ra) && !isSpeakerNoun(d.lower(ra)) && !has(roleModifiers, d.lower(ra))) {
		if d.toks[ra].kind == word && !d.toks[ra].upper && ra+1 < a && (d.toks[ra+1].kind == word && !d.toks[ra+1].upper || d.isPunct(ra+1, "'") || d.isPunct(ra+1, "’")) {
			break // "public finances director", "families' solicitor": keep the qualifiers
		}
		ra++
	}
	return ra
}

// firmAhead reports whether the capitalised words from token a up to
// token b hold a word that ends a firm's name ("Beaubien Inc"), with no
// lower-case word before it.
func (d *doc) firmAhead(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind != word {
			continue
		}
		if !d.toks[k].upper {
			return false
		}
		if has(firmWords, d.lower(k)) {
			return true
		}
	}
	return false
}

// personBefore reports whether tokens [a, k) read as a person's name: two
// to four capitalised words, starting with a given name, none a word for a
// body ("Steve Cerier" of "Steve Cerier of Hanover Trust Co").
func (d *doc) personBefore(a, k int) bool {
	if k-a < 2 || k-a > 4 {
		return false
	}
	if _, ok := givenNameGender(d.lower(a)); !ok {
		return false
	}
	for x := a; x < k; x++ {
		if d.toks[x].kind != word || !d.toks[x].upper || has(orgWords, d.lower(x)) || d.toks[x].place != notPlace {
			return false
		}
	}
	return true
}

// onlyTitleOrLower reports whether tokens [a, b) are lower-case words and
// title words only, no body's name (the "of" of "chief of general staff
// Rear-Admiral" is inside the title; "chief executive of music firm
// Musiwave" ends in a firm, not a person).
func (d *doc) onlyTitleOrLower(a, b int) bool {
	for j := a; j < b; j++ {
		if d.toks[j].kind != word || d.toks[j].upper && !d.isTitleWord(j) {
			return false
		}
	}
	return true
}

// fullNameEndsAt reports a person's name ending at token j: a known given
// name and a capitalised word after it, neither a title word nor a word
// for a body ("Jim Baker").
func (d *doc) fullNameEndsAt(j int) bool {
	if j < 1 || !d.isCapWord(j) || !d.isCapWord(j-1) || d.isTitleWord(j) || d.isTitleWord(j-1) || has(orgWords, d.lower(j)) {
		return false
	}
	_, ok := givenNameGender(d.lower(j - 1))
	return ok
}

// surnameOfFirm reports one capitalised word before "of" (token k) and a
// firm's name after it that ends in a firm's suffix ("Leslie of Discount
// Corp"): a person and the firm they work for. A word for a body, a place
// or a firm's word before "of" ("Bank of Tokyo Ltd") makes one name.
func (d *doc) surnameOfFirm(a, k, b int) bool {
	if k-a != 1 || d.toks[a].kind != word || d.toks[a].place != notPlace || isAcronym(d.str(d.toks[a])) {
		return false
	}
	lw := d.lower(a)
	if has(orgWords, lw) || has(bodyEndings, lw) || has(firmWords, lw) || isRole(lw) {
		return false
	}
	return has(firmWords, d.lower(b-1)) && k+1 < b && d.toks[k+1].place == notPlace
}

// shouted reports whether tokens [a, b) are two or more words in capitals
// ("FORT PIERCE", "FULL TEXT"): a dateline or a headline, not a name.
func (d *doc) shouted(a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind != word {
			continue
		}
		w := d.str(t)
		if strings.ToUpper(w) != w || len(w) < 2 {
			return false
		}
		n++
	}
	return n >= 2
}

// nounAsName reports whether the name part [a, b) is one capitalised
// common noun for a person ("Banker" in "A U.S. Banker said"), not a name.
func (d *doc) nounAsName(a, b int) bool {
	if b-a != 1 {
		return false
	}
	lw := d.lower(a)
	if b < len(d.toks) && d.toks[b].kind == word && isNumber(d.str(d.toks[b])) && d.toks[a].e < d.toks[b].s {
		return true // "Section 5", "Article 50": a numbered part, not a person
	}
	if a > 0 && d.toks[a-1].kind == word && isPossessive(d.str(d.toks[a-1])) && isRole(stripPossessive(d.lower(a-1))) {
		return true // "Prime Minister's Questions": what an office holds, not a person
	}
	return isRole(lw) || isSpeakerNoun(lw) && !has(orgWords, lw)
}

// onlyOrgWords reports whether the words of [a, b) are all words for
// bodies ("Radio", "Treasury Department").
func (d *doc) onlyOrgWords(a, b int) bool {
	for k := a; k < b; k++ {
		if d.toks[k].kind == word && !has(orgWords, d.lower(k)) {
			return false
		}
	}
	return true
}

// portfolioAnd reports whether the "and" at token k joins the two
// nouns of a minister's portfolio opening a title ("Work and pensions
// minister", "Energy and mines minister"): a noun opening the clause
// before it, no given name, and a lower-case noun after it that stands
// right before a role word.
func (d *doc) portfolioAnd(k int) bool {
	if k < 1 || k+2 >= len(d.toks) {
		return false
	}
	first, next := d.toks[k-1], d.toks[k+1]
	if first.kind != word || next.kind != word || next.upper || first.inQuote {
		return false
	}
	lf := d.lower(k - 1)
	if _, ok := givenNameGender(lf); ok || has(closedClass, lf) || looksVerbal(lf) || has(closedClass, d.lower(k+1)) || looksVerbal(d.lower(k+1)) {
		return false
	}
	if !isRole(d.lower(k+2)) || d.toks[k+2].kind != word {
		return false
	}
	// The first noun opens its clause: a sentence start, a comma, or a
	// determiner or possessive before it.
	if k-1 == 0 || d.toks[k-2].sentEnd || d.toks[k-2].para != first.para {
		return true
	}
	prev := d.toks[k-2]
	return prev.kind == punct && (d.str(prev) == "," || d.str(prev) == ":") || prev.kind == word && (has(determiners, d.lower(k-2)) || isPossessive(d.str(prev)))
}

// titleObject reports capitalised words [a, n) that are the object of a
// title ending right before them in a preposition ("Ambassador to GATT",
// "Minister for Europe"), so that the name starts at n.
func (d *doc) titleObject(a, n int) bool {
	if a < 2 || n <= a || n-a > 3 {
		return false
	}
	p := a - 1
	if d.lower(p) == "the" && p >= 2 && d.lower(p-1) == "of" && isRole(d.lower(p-2)) {
		// "Shadow leader of the Commons Oliver Heald"
		p--
	} else if d.lower(p) == "of" && d.toks[p-1].kind == word && d.toks[p-1].upper && isRole(d.lower(p-1)) {
		// "Professor of Medicine Carl Leier"
	} else if d.toks[p].kind != word || d.toks[p].upper || !has(titleObjectPreps, d.lower(p)) || d.toks[p-1].kind != word || !d.toks[p-1].upper || !isRole(d.lower(p-1)) {
		return false
	}
	for k := a; k < n; k++ {
		if !d.isCapWord(k) {
			return false
		}
	}
	return true
}

var titleObjectPreps = set("to for")

// portfolios are what a minister's office is over, joined by "and" in
// its title ("Minerals and Energy Minister", "Culture, Media and Sport").
var portfolios = set("minerals mines energy trade industry culture media sport sports work pensions environment economic fiscal",
	"transport fisheries agriculture food housing science technology communications planning tourism",
	"employment education skills business enterprise innovation regions development water forests lands",
	"resources oil petroleum power works infrastructure finance economy health welfare justice")

// particleName reports a surname written with its particle and a hyphen
// ("al-Rashid", "el-Baz", "bin-Talal"): lower-case, yet part of a name.
func particleName(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	if !ok || rest == "" || !has(nameParticles, p) && p != "el" && p != "abu" && p != "ash" {
		return false
	}
	r := rest[0]
	return r >= 'A' && r <= 'Z'
}

func (d *doc) hasRoleWord(a, b int) bool {
	for x := a; x < b; x++ {
		if d.toks[x].kind == word && isRole(d.lower(x)) {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s"} {
		if strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// isInitials reports letters joined by dots: "K.K", "J.R".
func isInitials(w string) bool {
	parts := strings.Split(strings.TrimSuffix(w, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) != 1 || p[0] < 'A' || p[0] > 'Z' {
			return false
		}
	}
	return true
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '.' && r != '&' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// nameText is the name of a run without honorifics or possessive endings.
func (d *doc) nameText(r nameRun) string {
	if r.nameA >= r.b {
		return ""
	}
	s := d.text[d.toks[r.nameA].s:d.toks[r.b-1].e]
	return stripPossessive(s)
}

// roleText is the role of a run ("Japanese Prime Minister"), if any.
func (d *doc) roleText(r nameRun) string {
	if r.roleA >= r.nameA {
		return ""
	}
	e := r.nameA - 1
	if d.toks[e].kind == punct && d.text[d.toks[e].s:d.toks[e].e] != "." && d.text[d.toks[e].s:d.toks[e].e] != ")" {
		e--
	}
	// "Foreign Secretary Sir Geoffrey …": the honorific is no part of the role.
	for e >= r.roleA && (d.honorificAt(e) || d.isPunct(e, ".") && e > r.roleA && d.honorificAt(e-1)) {
		e--
	}
	if e < r.roleA {
		return ""
	}
	role := d.text[d.toks[r.roleA].s:d.toks[e].e]
	if d.toks[e].kind == word && isPossessive(d.str(d.toks[e])) && e > r.roleA {
		// "the Economist Intelligence Unit's Stuart Hensel": a title that
		// ends in its owner's mark is the body the person works for.
		for _, poss := range []string{"'s", "’s"} {
			role = strings.TrimSuffix(role, poss)
		}
	}
	return role
}
