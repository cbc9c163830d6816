package fts

// The Porter stemmer as FTS5's porter tokenizer applies it: to tokens of 3
// to 64 bytes, byte by byte (a non-ASCII byte counts as a consonant), with
// FTS5's readings of the rules' conditions:
//   - "y" is a vowel after a consonant when measuring a stem, and anywhere
//     but at the start when asking whether a stem has a vowel;
//   - a suffix must leave at least one byte before it.

// Stem returns the Porter stem of a folded token.
func Stem(tok string) string { return string(stem([]byte(tok))) }

// stem stems a folded token in place and returns it (a prefix of w, or w
// grown by a letter or two).
func stem(w []byte) []byte {
	if len(w) < 3 || len(w) > 64 {
		return w
	}
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
	w = applyRules(w, &step2, measureAbove0)
	w = applyRules(w, &step3, measureAbove0)
	w = applyRules(w, &step4, measureAbove1)
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
	return w
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

// ruleSet is a step's rules grouped by their suffix's last-but-one
// letter, the only ones that can match a word with that letter there.
type ruleSet [26][]rule

func newRuleSet(rules ...rule) ruleSet {
	var rs ruleSet
	for _, r := range rules {
		c := r.suffix[len(r.suffix)-2] - 'a'
		rs[c] = append(rs[c], r)
	}
	return rs
}

// applyRules applies the first rule whose suffix the word has; a rule
// whose condition fails ends the step all the same.
func applyRules(w []byte, rules *ruleSet, cond func([]byte) bool) []byte {
	if len(w) < 2 {
		return w
	}
	c := w[len(w)-2]
	if c < 'a' || c > 'z' {
		return w
	}
	for _, r := range rules[c-'a'] {
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

// The suffixes of steps 2 to 4, in the order FTS5 tries them.
var (
	step2 = newRuleSet(
		rule{suffix: "ational", with: "ate"}, rule{suffix: "tional", with: "tion"},
		rule{suffix: "enci", with: "ence"}, rule{suffix: "anci", with: "ance"},
		rule{suffix: "izer", with: "ize"},
		rule{suffix: "logi", with: "log"},
		rule{suffix: "bli", with: "ble"}, rule{suffix: "alli", with: "al"}, rule{suffix: "entli", with: "ent"}, rule{suffix: "eli", with: "e"}, rule{suffix: "ousli", with: "ous"},
		rule{suffix: "ization", with: "ize"}, rule{suffix: "ation", with: "ate"}, rule{suffix: "ator", with: "ate"},
		rule{suffix: "alism", with: "al"}, rule{suffix: "iveness", with: "ive"}, rule{suffix: "fulness", with: "ful"}, rule{suffix: "ousness", with: "ous"},
		rule{suffix: "aliti", with: "al"}, rule{suffix: "iviti", with: "ive"}, rule{suffix: "biliti", with: "ble"},
	)
	step3 = newRuleSet(
		rule{suffix: "ical", with: "ic"},
		rule{suffix: "ness"},
		rule{suffix: "icate", with: "ic"}, rule{suffix: "iciti", with: "ic"},
		rule{suffix: "ful"},
		rule{suffix: "ative"},
		rule{suffix: "alize", with: "al"},
	)
	step4 = newRuleSet(
		rule{suffix: "al"},
		rule{suffix: "ance"}, rule{suffix: "ence"},
		rule{suffix: "er"},
		rule{suffix: "ic"},
		rule{suffix: "able"}, rule{suffix: "ible"},
		rule{suffix: "ant"}, rule{suffix: "ement"}, rule{suffix: "ment"}, rule{suffix: "ent"},
		rule{suffix: "ion", needST: true}, rule{suffix: "ou"},
		rule{suffix: "ism"},
		rule{suffix: "ate"}, rule{suffix: "iti"},
		rule{suffix: "ous"},
		rule{suffix: "ive"},
		rule{suffix: "ize"},
	)
)
