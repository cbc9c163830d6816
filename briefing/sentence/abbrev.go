package sentence

import "strings"

// abbrevKind says how a known abbreviation behaves before a period.
type abbrevKind int

const (
	notAbbrev abbrevKind = iota
	// abbrevTitle never ends a sentence: "Mr. Smith", "Adm. Credendino".
	abbrevTitle
	// abbrevBeforeNumber is followed by a number when it does not end a
	// sentence: "No. 10", "Jan. 5", "Art. 9".
	abbrevBeforeNumber
	// abbrevOther may end a sentence ("... Ltd. The firm"): it does only
	// where the next word usually opens one.
	abbrevOther
)

// titles are abbreviations written before a name. Case matters: they are
// matched as written, capital first.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mx": true, "Dr": true, "Prof": true,
	"Gen": true, "Adm": true, "Col": true, "Lt": true, "Maj": true, "Capt": true,
	"Cmdr": true, "Cdr": true, "Sgt": true, "Cpl": true, "Pvt": true, "Brig": true,
	"Gov": true, "Govs": true, "Sen": true, "Rep": true, "Reps": true, "Sens": true, "Pres": true, "Atty": true,
	"Rev": true, "Hon": true, "Amb": true, "Supt": true, "Insp": true, "Det": true,
	"Fr": true, "St": true, "Mt": true, "Ft": true,
	"Messrs": true, "Mme": true, "Mlle": true, "Msgr": true, "Lieut": true,
	"vs": true, "v": true, "cf": true, "approx": true, "ca": true,
}

// beforeNumber are abbreviations normally followed by a number.
var beforeNumber = map[string]bool{
	"No": true, "Nos": true, "Art": true, "Vol": true,
	"vol": true, "Fig": true, "fig": true, "p": true, "pp": true, "para": true,
	"Sec": true, "Ch": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true,
	"Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true, "tel": true, "Tel": true,
}

// otherAbbrevs may close a sentence as well as sit inside one.
var otherAbbrevs = map[string]bool{
	"etc": true, "Inc": true, "Ltd": true, "Co": true, "Corp": true, "Bros": true,
	"Plc": true, "plc": true, "Dept": true, "Univ": true, "Assn": true, "Gov't": true,
	"est": true, "al": true, "eg": true, "ie": true, "Jr": true, "Sr": true, "Ave": true,
	"Blvd": true, "Rd": true, "Av": true,
}

// abbreviationKind classifies the word written before a period.
func abbreviationKind(w string) abbrevKind {
	switch {
	case titles[w]:
		return abbrevTitle
	case beforeNumber[w]:
		return abbrevBeforeNumber
	case otherAbbrevs[w]:
		return abbrevOther
	}
	return notAbbrev
}

// IsAbbreviation reports whether w, written before a full stop, is a
// known abbreviation (a title, a month, "No.", "Inc."), in any case: the
// one list of them, which the quote finder reads too.
func IsAbbreviation(w string) bool {
	if abbreviationKind(w) != notAbbrev {
		return true
	}
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	return abbreviationKind(strings.ToUpper(lw[:1])+lw[1:]) != notAbbrev || abbreviationKind(lw) != notAbbrev
}

// OpensSentence reports whether w is a word that usually begins a
// sentence and rarely follows an abbreviation inside one ("The", "He").
func OpensSentence(w string) bool { return openers[strings.ToLower(w)] }

// openers are words that often begin a sentence and rarely follow an
// abbreviation inside one. After "U.S." or "Ltd." they decide the case:
// "the U.S. Navy" goes on, "the U.S. The talks" ends.
var openers = map[string]bool{
	"a": true, "an": true, "the": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "but": true, "and": true,
	"yet": true, "so": true, "or": true, "in": true, "on": true, "at": true,
	"for": true, "by": true, "from": true, "with": true, "to": true, "of": true,
	"this": true, "that": true, "these": true, "those": true, "there": true,
	"here": true, "however": true, "meanwhile": true, "after": true,
	"before": true, "when": true, "while": true, "if": true, "as": true,
	"some": true, "many": true, "most": true, "both": true, "all": true,
	"one": true, "two": true, "last": true, "earlier": true, "later": true,
	"still": true, "since": true, "although": true, "though": true, "what": true,
	"why": true, "how": true, "who": true, "where": true, "instead": true,
	"now": true, "then": true, "officials": true, "critics": true, "also": true,
	"such": true, "no": true, "not": true, "under": true, "among": true,
	"asked": true, "speaking": true, "according": true, "despite": true,
}

// opensSentence reports whether w, the word after a period, is one that
// usually begins a sentence; a word in opening quotes always does.
func opensSentence(w string) bool {
	if w == "" {
		return true
	}
	if strings.ContainsAny(w[:1], "\"'(") || strings.HasPrefix(w, "\u201c") || strings.HasPrefix(w, "\u2018") {
		return true
	}
	return openers[strings.ToLower(w)]
}
