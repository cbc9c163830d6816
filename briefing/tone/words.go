package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one token of a sentence: a run of letters and digits (with an
// inner apostrophe or period kept, so "don't" and "U.S." stay whole), or
// one punctuation mark that matters to the rules (, ; : ( ) " -).
type word struct {
	Start, End int    // byte offsets in the sentence
	Lower      string // lower case, curly apostrophes made straight
	Cap        bool   // starts with an upper-case letter
	Punct      bool
	lemmas     [3]string // lower case, and the base forms it may have
	n          int
}

// is reports whether the word, or one of its base forms, is w.
func (t *word) is(w string) bool {
	for i := 0; i < t.n; i++ {
		if t.lemmas[i] == w {
			return true
		}
	}
	return false
}

// tokens splits s into words.
func tokens(s string) []word {
	var out []word
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isLetterOrDigit(r):
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if isLetterOrDigit(r2) {
					j += sz
					continue
				}
				// An apostrophe or period inside a word ("don't",
				// "U.S."), or a hyphen between letters is a split.
				if (r2 == '\'' || r2 == '’' || r2 == '.') && j+sz < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+sz:])
					if isLetterOrDigit(r3) {
						j += sz
						continue
					}
				}
				if r2 == '.' && dottedAcronym(s[i:j]) {
					j += sz
				}
				break
			}
			out = append(out, newWord(s, i, j))
			i = j
		case strings.ContainsRune(",;:()\"“”-–—?", r):
			out = append(out, word{Start: i, End: i + size, Lower: string(r), Punct: true, lemmas: [3]string{string(r)}, n: 1})
			i += size
		default:
			i += size
		}
	}
	return out
}

// dottedAcronym reports whether w is a run of single letters joined by
// periods ("U.S", "U.K"), whose final period belongs to it.
func dottedAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k%2 == 1 && w[k] != '.' || k%2 == 0 && !(w[k] >= 'A' && w[k] <= 'Z') {
			return false
		}
	}
	return true
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func newWord(s string, i, j int) word {
	text := s[i:j]
	lower := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	r, _ := utf8.DecodeRuneInString(text)
	w := word{Start: i, End: j, Lower: lower, Cap: unicode.IsUpper(r)}
	w.lemmas[0] = lower
	w.n = 1
	for _, l := range baseForms(lower) {
		if w.n < len(w.lemmas) && l != lower {
			w.lemmas[w.n] = l
			w.n++
		}
	}
	return w
}

// irregular maps inflected forms that the suffix rules cannot undo to
// their base form.
var irregular = map[string]string{
	"met": "meet", "held": "hold", "sold": "sell", "bought": "buy", "fought": "fight", "struck": "strike",
	"shot": "shoot", "lent": "lend", "gave": "give", "given": "give", "won": "win", "broke": "break",
	"broken": "break", "sent": "send", "spoke": "speak", "told": "tell", "said": "say", "withdrew": "withdraw",
	"withdrawn": "withdraw", "sought": "seek", "began": "begin", "begun": "begin", "led": "lead",
	"took": "take", "taken": "take", "threw": "throw", "brought": "bring", "made": "make", "stood": "stand",
	"came": "come", "went": "go", "gone": "go", "kept": "keep", "left": "leave", "lost": "lose",
	"overran": "overrun", "sank": "sink", "sunk": "sink", "forbade": "forbid", "forbidden": "forbid",
	"froze": "freeze", "frozen": "freeze", "drew": "draw", "drawn": "draw", "wrote": "write", "written": "write",
	"shut": "shut", "cut": "cut", "hit": "hit", "set": "set", "put": "put", "beat": "beat", "beaten": "beat",
	"spent": "spend", "paid": "pay", "laid": "lay", "flew": "fly", "flown": "fly", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "chose": "choose", "chosen": "choose", "ran": "run", "saw": "see", "seen": "see",
	"knew": "know", "known": "know", "thought": "think", "felt": "feel", "heard": "hear", "found": "find",
	"got": "get", "gotten": "get", "forgave": "forgive", "forgiven": "forgive", "undertook": "undertake",
	"bore": "bear", "borne": "bear", "stole": "steal", "stolen": "steal", "slew": "slay", "slain": "slay",
	"underwent": "undergo", "overtook": "overtake", "arms": "arms", "talks": "talks", "news": "news",
	"relations": "relations", "ties": "ties", "forces": "forces", "duties": "duty", "casualties": "casualty",
	"hostilities": "hostility", "negotiations": "negotiation", "sanctions": "sanction", "was": "be", "were": "be",
	"is": "be", "are": "be", "been": "be", "has": "have", "had": "have", "does": "do", "did": "do", "done": "do",
}

// baseForms returns the base forms a lower-case word may have: its
// inflections undone by rule ("imposed" -> "impose", "banned" -> "ban",
// "talks" -> "talk", "pressing" -> "press", "accused" -> "accuse"). It may
// return forms that are not words; the lexicon only asks about real ones.
func baseForms(w string) []string {
	if b, ok := irregular[w]; ok {
		return []string{b}
	}
	n := len(w)
	var out []string
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		out = append(out, w[:n-3]+"y")
	case n > 4 && strings.HasSuffix(w, "ied"):
		out = append(out, w[:n-3]+"y")
	case n > 5 && strings.HasSuffix(w, "ing"):
		stem := w[:n-3]
		out = append(out, undouble(stem), stem+"e")
	case n > 4 && strings.HasSuffix(w, "ed"):
		stem := w[:n-2]
		out = append(out, undouble(stem), w[:n-1])
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		out = append(out, w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		out = append(out, w[:n-1])
	}
	return out
}

// undouble turns "bann" into "ban" and "stopp" into "stop", and leaves
// other stems alone.
func undouble(stem string) string {
	n := len(stem)
	if n >= 3 && stem[n-1] == stem[n-2] && strings.IndexByte("bdgklmnprtz", stem[n-1]) >= 0 && stem[n-1] != 'l' || n >= 3 && stem[n-1] == stem[n-2] && stem[n-1] == 'l' && n > 5 {
		return stem[:n-1]
	}
	return stem
}
