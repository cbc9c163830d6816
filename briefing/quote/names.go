package quote

import (
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
	return !has(closedClass, d.lower(i)) || has(honorifics2, d.lower(i))
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
			// Lower-case joiners between capitalised words.
			if (has(nameParticles, lw) || lw == "of") && j+1 < limit && d.isCapWord(j+1) && j > i {
				j++
				continue
			}
			break
		}
		// The dot of "Mr." or "J." stays inside the run.
		if d.isPunct(j, ".") && j > i && j+1 < limit && d.isCapWord(j+1) && d.toks[j-1].kind == word && (isAbbrev(d, j-1) || has(abbreviations, d.lower(j-1))) {
			j++
			continue
		}
		break
	}
	return d.splitRun(i, j)
}

// splitRun splits tokens [a, b) into a role part and a name part.
func (d *doc) splitRun(a, b int) nameRun {
	// "Jason Gilbert of Cheyenne": a name before "of" keeps the name.
	for k := b - 2; k > a; k-- {
		if d.toks[k].kind == word && d.lower(k) == "of" {
			if d.toks[k-1].kind == word && !isTitleWord(d.lower(k-1)) && !has(orgWords, d.lower(k-1)) && !has(orgWords, d.lower(b-1)) {
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
			if d.isPunct(k-1, ".") && k-2 > a && d.toks[k-2].kind == word && len(d.toks[k-2].low) == 1 && d.toks[k-2].upper {
				k--
				continue
			}
			break
		}
		lw := d.lower(k - 1)
		if isTitleWord(lw) || lw == "of" {
			// "Steve King": a title word ends the name only when a
			// given name or other name word stands right before it.
			if k == b && k-1 > a && d.toks[k-2].kind == word && !isTitleWord(d.lower(k-2)) && d.toks[k-2].upper && lw != "of" {
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
			if d.toks[x].kind == word && has(roleWords, d.lower(x)) {
				r.titleSeen = true
			}
		}
	}
	r.roleA = k
	// The role: title words of the run before the name, extended left over
	// lower-case role words ("presidential candidate").
	{
		ra := a
		for x := a; x < k; x++ {
			if d.honorificAt(x) {
				ra = k // "Mr. Trump": an honorific is no role
				break
			}
		}
		for ra > 0 && d.toks[ra-1].para == d.toks[a].para && d.toks[ra-1].kind == word && !d.toks[ra-1].inQuote {
			lw := d.lower(ra - 1)
			if has(roleWords, lw) || (has(roleModifiers, lw) && lw != "the" && lw != "of" && lw != "and" && lw != "for" && lw != "to" && lw != "at") || has(demonyms, lw) || isPossessive(d.str(d.toks[ra-1])) && d.toks[ra-1].upper {
				ra--
				continue
			}
			break
		}
		if ra < k && d.hasRoleWord(ra, k) {
			r.roleA = ra
			r.titleSeen = true
		}
	}
	for x := r.nameA; x < b; x++ {
		lw := d.lower(x)
		if has(orgWords, lw) || isAcronym(d.str(d.toks[x])) {
			r.org = true
		}
	}
	if r.nameA < b {
		if _, ok := givenNameGender(d.lower(r.nameA)); ok {
			r.givenFound = true
		}
	}
	return r
}

func isTitleWord(lw string) bool {
	return has(roleWords, lw) || has(demonyms, lw) || has(roleModifiers, lw) && lw != "the" && lw != "and" && lw != "for" && lw != "to" && lw != "at" && lw != "of"
}

func (d *doc) hasRoleWord(a, b int) bool {
	for x := a; x < b; x++ {
		if d.toks[x].kind == word && has(roleWords, d.lower(x)) {
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
	if d.toks[e].kind == punct && d.text[d.toks[e].s:d.toks[e].e] != "." {
		e--
	}
	if e < r.roleA {
		return ""
	}
	return d.text[d.toks[r.roleA].s:d.toks[e].e]
}
