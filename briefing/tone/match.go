package tone

import (
	"slices"
	"strings"
)

// match is one place where a cue's slots were found in a sentence.
type match struct {
	cue   *cue
	slots []int // word index of each slot, in order
}

func (m match) trigger() int { return m.slots[0] }
func (m match) last() int    { return m.slots[len(m.slots)-1] }

// vetoed lists words that look like a cue but are not one where they
// stand: "deal with", "in order to", "price support", "trading partner".
func vetoed(ws []word, i int) bool {
	w := &ws[i]
	next := ""
	if i+1 < len(ws) {
		next = ws[i+1].Lower
	}
	prev := ""
	if i > 0 {
		prev = ws[i-1].Lower
	}
	switch {
	case w.is("deal") && (next == "with" && (modalWords[prev] || prev == "to") || w.Lower == "dealing" || w.Lower == "dealt"):
		return true
	case w.is("order") && (prev == "in" || next == "to"):
		return true
	case (w.is("support") || w.is("backing")) && (prev == "price" || next == "price" || next == "prices" || prev == "income"):
		return true
	case w.is("visit") && (prev == "state" || prev == "hospital"):
		return false
	case w.is("conference") && (prev == "press" || prev == "news" || prev == "shipping" || prev == "freight" || prev == "liner"):
		return true
	case w.is("session") && (prev == "trading" || prev == "morning" || prev == "afternoon" || prev == "evening"):
		return true
	case w.is("hit") && (next == "by" || prev == "be" || prev == "was" || prev == "were" || prev == "been"):
		// "hit by the strong yen" is an effect, not an attack; an
		// attack in the passive has a force word for its own cue.
		return true
	case w.is("strike") && (prev == "labour" || prev == "labor" || prev == "general" || prev == "dock" || prev == "hunger" || next == "price"):
		return true
	case w.is("fund") && (prev == "monetary" || prev == "investment" || prev == "mutual" || prev == "pension" || prev == "hedge" || next == "manager" || next == "managers"):
		return true
	case w.is("credit") && (prev == "commodity" && next == "corporation"):
		return false
	case w.is("guarantee") && prev == "government":
		return false
	case w.is("relief") && (prev == "tax" || prev == "hurricane"):
		return true
	case w.is("round") && (prev == "first" || prev == "second" || prev == "third" || prev == "uruguay"):
		return false
	case w.is("war") && (prev == "price" || prev == "bidding" || prev == "takeover"):
		return true
	case w.is("tension") && (prev == "surface" || prev == "muscle"):
		return true
	case w.is("pressure") && (prev == "price" || prev == "inflationary" || prev == "selling" || prev == "buying" || prev == "downward" || prev == "upward" || prev == "cost"):
		return true
	case w.is("crisis") && (prev == "debt" || prev == "financial" || prev == "economic" || prev == "banking" || prev == "energy"):
		return true
	case w.is("concern") && (prev == "going"):
		return true
	case w.is("charter") && (prev == "un" || prev == "nations"):
		return true
	case w.Lower == "according" || w.Lower == "concerning" || w.Lower == "regarding" || w.Lower == "thanks" && next == "to" || w.Lower == "meeting" && next == "place":
		return true
	case w.is("sign") && (next == "of" || next == "that" || next == "motion" || next == "petition" || next == "a" && i+2 < len(ws) && (ws[i+2].Lower == "motion" || ws[i+2].Lower == "petition")):
		return true
	case w.Lower == "signs" && (prev == "there" || prev == "are" || prev == "no" || prev == "any" || prev == "some" || prev == "the" || prev == "early" || prev == "first" || prev == "clear" || prev == "few"):
		return true
	case (w.is("finance") || w.is("fund") || w.is("investment") || w.is("trade") || w.is("export") || w.is("import")) && (next == "minister" || next == "ministers" || next == "ministry" || next == "committee" || next == "director" || next == "secretary" || next == "house" || next == "company" || next == "corporation" || next == "group" || next == "bank" || next == "official" || next == "officials" || next == "sources" || next == "board"):
		return true
	case w.is("meet") && (next == "demands" || next == "the" && i+2 < len(ws) && (ws[i+2].is("demand") || ws[i+2].is("challenge") || ws[i+2].is("need") || ws[i+2].is("requirement") || ws[i+2].is("cost") || ws[i+2].is("target")) || next == "its" || next == "their" || next == "obligations" || next == "targets" || next == "needs" || next == "requirements" || next == "costs" || next == "demand"):
		return true
	case (w.is("meeting") || w.is("session")) && (prev == "cabinet" || prev == "board" || prev == "shareholders" || prev == "annual" || prev == "committee" || prev == "party" || prev == "council" || prev == "general" || prev == "special"):
		return true
	case prev == "-" && (w.Lower == "backed" || w.Lower == "owned" || w.Lower == "based" || w.Lower == "led"):
		// "French-backed troops", "state-owned": an adjective.
		return true
	case (w.is("import") || w.is("export")) && (next == "ban" || next == "bans" || next == "curbs" || next == "quota" || next == "quotas" || next == "duty" || next == "duties" || next == "tariff" || next == "tariffs" || next == "controls" || next == "restrictions" || next == "licences" || next == "licenses" || next == "surcharge" || next == "diversification" || next == "credit" || next == "credits" || next == "bonus" || next == "bonuses" || next == "enhancement" || next == "sources" || next == "subsidies" || next == "subsidy"):
		return true
	case anyBase(w, verbOnlyWords) && corporateObject(ws, i):
		return true
	case w.Lower == "visiting" && (prev == "a" || prev == "the"):
		return true
	case w.is("promise") && next == "of":
		return true
	}
	if w.Cap && i > 0 && !ws[i-1].Punct && !strings.HasSuffix(ws[i-1].Lower, ".") && ws[i-1].Lower != "\"" {
		// A capitalised word inside a sentence is a name ("Shell",
		// "Finance Minister", "Export Credits"), except after "U.S." and
		// the like, which Reuters follows with a capital.
		return true
	}
	return false
}

// corporateWords, just after a verb of trade, make it a deal in a firm's
// shares rather than trade between countries: "bought a majority stake".
var corporateWords = set("stake stakes share shares interest majority minority company companies firm firms unit units " +
	"subsidiary subsidiaries division divisions bonds bond equities equity securities notes paper warrants")

func corporateObject(ws []word, i int) bool {
	for j := i + 1; j < len(ws) && j <= i+4; j++ {
		if ws[j].Punct {
			return false
		}
		if corporateWords[ws[j].Lower] {
			return true
		}
	}
	return false
}

// verbOnlyWords are cues of trade and money that count only as verbs:
// "China bought U.S. wheat" is a deed, "China's wheat purchases rose" is a
// figure.
var verbOnlyWords = set("import export sell buy ship supply deliver purchase invest order lend finance fund charter lease obtain barter")

// beWords are the forms of "be" and "have" before a participle.
var beWords = set("is are was were be been being has have had will would may might could should shall can to")

// verbUse reports whether the trade word at i is used as a verb: a past
// form, a participle after "be" or "have", or a base form after a modal
// or "to".
func verbUse(ws []word, i int) bool {
	w := &ws[i]
	prev := ""
	if i > 0 {
		prev = ws[i-1].Lower
	}
	if strings.HasSuffix(w.Lower, "ed") || irregular[w.Lower] != "" {
		return prev != "the" && prev != "a" && prev != "its" && prev != "their"
	}
	if strings.HasSuffix(w.Lower, "ing") {
		return beWords[prev] || i > 0 && (ws[i-1].is("start") || ws[i-1].is("begin") || ws[i-1].is("continue") || ws[i-1].is("consider"))
	}
	return beWords[prev]
}

// lexIndex finds cues by the base forms of their first slot.
type lexIndex struct {
	cues  []cue
	first map[string][]int
}

func newLexIndex(cues []cue) *lexIndex {
	ix := &lexIndex{cues: cues, first: map[string][]int{}}
	for k := range cues {
		for _, a := range cues[k].slots[0] {
			ix.first[a] = append(ix.first[a], k)
		}
	}
	return ix
}

// findCues returns the cue matches of a sentence, longest first where
// two would share a word: "impose ... tariffs" wins over "tariffs".
func (ix *lexIndex) findCues(ws []word) []match {
	var all []match
	var seen []int
	for i := range ws {
		if ws[i].Punct {
			continue
		}
		seen = seen[:0]
		for l := 0; l < ws[i].n; l++ {
			for _, k := range ix.first[ws[i].lemmas[l]] {
				if slices.Contains(seen, k) {
					continue
				}
				seen = append(seen, k)
				if vetoed(ws, i) {
					continue
				}
				if m, ok := matchAt(ws, i, &ix.cues[k]); ok {
					all = append(all, m)
				}
			}
		}
	}
	slices.SortStableFunc(all, func(a, b match) int {
		if len(a.slots) != len(b.slots) {
			return len(b.slots) - len(a.slots)
		}
		return a.trigger() - b.trigger()
	})
	used := map[int]bool{}
	var out []match
	for _, m := range all {
		clash := false
		for _, s := range m.slots {
			if used[s] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for _, s := range m.slots {
			used[s] = true
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b match) int { return a.trigger() - b.trigger() })
	return out
}

// matchAt tries the cue's later slots after its first one at word i.
func matchAt(ws []word, i int, c *cue) (match, bool) {
	if c.kind == deed && len(c.slots) == 1 && anyBase(&ws[i], verbOnlyWords) && !verbUse(ws, i) {
		return match{}, false
	}
	slots := []int{i}
	pos := i
	for _, alts := range c.slots[1:] {
		found := -1
		for j := pos + 1; j < len(ws) && j <= pos+1+c.gap; j++ {
			if ws[j].Punct && ws[j].Lower != "-" && ws[j].Lower != "\"" {
				break
			}
			if slotHas(&ws[j], alts) && !vetoed(ws, j) {
				found = j
				break
			}
		}
		if found < 0 {
			return match{}, false
		}
		slots = append(slots, found)
		pos = found
	}
	return match{cue: c, slots: slots}, true
}

func slotHas(w *word, alts []string) bool {
	for _, a := range alts {
		if w.is(a) {
			return true
		}
	}
	return false
}
