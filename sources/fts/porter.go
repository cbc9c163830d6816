package fts

// The Porter stemmer as FTS5's porter tokenizer applies it: to tokens of 3
// to 64 bytes, byte by byte (a non-ASCII byte counts as a consonant), with
// FTS5's readings of the rules' conditions:
//   - "y" is a vowel after a consonant when measuring a stem, and anywhere
//     but at the start when asking whether a stem has a vowel;
//   - a suffix must leave at least one byte before it.

// Stem returns the Porter stem of a folded token.
func Stem(tok string) string {
	if len(tok) < 3 || len(tok) > 64 {
		return tok
	}
	w := []byte(tok)
	w = step1a(w)
	if w2, ok := step1b(w); ok {
		w = step1bAfter(w2)
	} else {
		w = w2
	}
	// Step 1c.
	if n := len(w); w[n-1] == 'y' && hasVowel(w[:n-1]) {
		w[n-1] = 'i'
	}
	w = applyRules(w, step2Rules, measureAbove0)
	w = applyRules(w, step3Rules, measureAbove0)
	w = applyRules(w, step4Rules, measureAbove1)
	// Step 5a.
	if n := len(w); w[n-1] == 'e' {
		stem := w[:n-1]
		if measureAbove1(stem) || (measureIs1(stem) && !endsCVC(stem)) {
			w = stem
		}
	}
	// Step 5b.
	if n := len(w); n > 1 && w[n-1] == 'l' && w[n-2] == 'l' && measureAbove1(w[:n-1]) {
		w = w[:n-1]
	}
	return string(w)
}

func isVowel(c byte, yIsVowel bool) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return yIsVowel
	}
	return false
}

// skipVC returns the length of the shortest prefix of s that holds a
// vowel followed by a consonant, or 0 when there is none; prevCons says
// whether the byte before s was a consonant.
func skipVC(s []byte, prevCons bool) int {
	cons := prevCons
	i := 0
	for ; i < len(s); i++ {
		cons = !isVowel(s[i], cons)
		if !cons {
			break
		}
	}
	for i++; i < len(s); i++ {
		cons = !isVowel(s[i], cons)
		if cons {
			return i + 1
		}
	}
	return 0
}

// measureAbove0 is the rules' condition m > 0: the stem has a vowel
// followed by a consonant.
func measureAbove0(s []byte) bool { return skipVC(s, false) > 0 }

// measureAbove1 is m > 1.
func measureAbove1(s []byte) bool {
	n := skipVC(s, false)
	return n > 0 && skipVC(s[n:], true) > 0
}

// measureIs1 is m = 1.
func measureIs1(s []byte) bool {
	n := skipVC(s, false)
	return n > 0 && skipVC(s[n:], true) == 0
}

// endsCVC is the condition *o: the stem ends consonant, vowel, consonant,
// the last not w, x or y.
func endsCVC(s []byte) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	switch s[n-1] {
	case 'w', 'x', 'y':
		return false
	}
	var pattern uint
	cons := false
	for _, c := range s {
		cons = !isVowel(c, cons)
		pattern <<= 1
		if cons {
			pattern |= 1
		}
	}
	return pattern&7 == 5
}

// hasVowel is the condition *v*: a vowel anywhere, "y" counting as one
// except at the start.
func hasVowel(s []byte) bool {
	for i, c := range s {
		if isVowel(c, i > 0) {
			return true
		}
	}
	return false
}

func hasSuffix(w []byte, suffix string) bool {
	return len(w) > len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

// step1a removes plurals: sses to ss, ies to i, s to nothing (but not ss).
func step1a(w []byte) []byte {
	n := len(w)
	if w[n-1] != 's' {
		return w
	}
	switch {
	case w[n-2] == 'e':
		if (n > 4 && w[n-4] == 's' && w[n-3] == 's') || (n > 3 && w[n-3] == 'i') {
			return w[:n-2]
		}
		return w[:n-1]
	case w[n-2] != 's':
		return w[:n-1]
	}
	return w
}

// step1b removes -eed (to -ee), -ed and -ing; ok says that -ed or -ing
// went, which calls for the tidying of step1bAfter.
func step1b(w []byte) ([]byte, bool) {
	switch {
	case hasSuffix(w, "eed"):
		if stem := w[:len(w)-3]; measureAbove0(stem) {
			return append(stem, 'e', 'e'), false
		}
	case hasSuffix(w, "ed"):
		if stem := w[:len(w)-2]; hasVowel(stem) {
			return stem, true
		}
	case hasSuffix(w, "ing"):
		if stem := w[:len(w)-3]; hasVowel(stem) {
			return stem, true
		}
	}
	return w, false
}

// step1bAfter restores an e (at, bl, iz; or a short stem) or undoubles a
// final consonant.
func step1bAfter(w []byte) []byte {
	for _, s := range []string{"at", "bl", "iz"} {
		if hasSuffix(w, s) {
			return append(w, 'e')
		}
	}
	n := len(w)
	c := w[n-1]
	switch {
	case n > 1 && !isVowel(c, false) && c != 'l' && c != 's' && c != 'z' && c == w[n-2]:
		return w[:n-1]
	case measureIs1(w) && endsCVC(w):
		return append(w, 'e')
	}
	return w
}

// rule replaces a suffix when the stem before it meets the step's
// condition.
type rule struct {
	suffix, with string
	// needST: the stem must also end in s or t (step 4's -ion).
	needST bool
}

// applyRules applies the first rule whose suffix the word has; a rule
// whose condition fails ends the step all the same.
func applyRules(w []byte, rules []rule, cond func([]byte) bool) []byte {
	for _, r := range rules {
		if !hasSuffix(w, r.suffix) {
			continue
		}
		stem := w[:len(w)-len(r.suffix)]
		if r.needST && !(stem[len(stem)-1] == 's' || stem[len(stem)-1] == 't') {
			return w
		}
		if cond(stem) {
			return append(stem, r.with...)
		}
		return w
	}
	return w
}

// The suffixes of steps 2 to 4. Within each step FTS5 looks only at the
// rules for the word's last-but-one letter, in this order; listing them
// so keeps the first match the same.
var (
	step2Rules = []rule{
		{suffix: "ational", with: "ate"}, {suffix: "tional", with: "tion"},
		{suffix: "enci", with: "ence"}, {suffix: "anci", with: "ance"},
		{suffix: "izer", with: "ize"},
		{suffix: "logi", with: "log"},
		{suffix: "bli", with: "ble"}, {suffix: "alli", with: "al"}, {suffix: "entli", with: "ent"}, {suffix: "eli", with: "e"}, {suffix: "ousli", with: "ous"},
		{suffix: "ization", with: "ize"}, {suffix: "ation", with: "ate"}, {suffix: "ator", with: "ate"},
		{suffix: "alism", with: "al"}, {suffix: "iveness", with: "ive"}, {suffix: "fulness", with: "ful"}, {suffix: "ousness", with: "ous"},
		{suffix: "aliti", with: "al"}, {suffix: "iviti", with: "ive"}, {suffix: "biliti", with: "ble"},
	}
	step3Rules = []rule{
		{suffix: "ical", with: "ic"},
		{suffix: "ness"},
		{suffix: "icate", with: "ic"}, {suffix: "iciti", with: "ic"},
		{suffix: "ful"},
		{suffix: "ative"},
		{suffix: "alize", with: "al"},
	}
	step4Rules = []rule{
		{suffix: "al"},
		{suffix: "ance"}, {suffix: "ence"},
		{suffix: "er"},
		{suffix: "ic"},
		{suffix: "able"}, {suffix: "ible"},
		{suffix: "ant"}, {suffix: "ement"}, {suffix: "ment"}, {suffix: "ent"},
		{suffix: "ion", needST: true}, {suffix: "ou"},
		{suffix: "ism"},
		{suffix: "ate"}, {suffix: "iti"},
		{suffix: "ous"},
		{suffix: "ive"},
		{suffix: "ize"},
	}
)
