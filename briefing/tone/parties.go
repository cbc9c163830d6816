package tone

import (
	"slices"
	"strings"
	"time"

	"attache/briefing/geo"
)

// Party is one place where a sentence names a country or an international
// body: the code ("JP", "SU", "EU") and the byte offsets of the words.
type Party struct {
	Code       string
	Start, End int
	Surface    string
	// Capital is true when the party is named by its capital or seat
	// ("Tokyo", "the White House"), which may only be where something
	// happened.
	Capital bool
	// Sense is the gazetteer's reading of the name: the party itself, or
	// a firm's name, a currency, a venue or one of a list.
	Sense geo.Sense
}

// Finder finds the parties a sentence names: the gazetteer's countries,
// bodies and states that no longer exist (the Soviet Union, East Germany),
// and the European Community as the EU.
type Finder struct {
	gaz *geo.Gazetteer
}

// NewFinder returns a Finder over the gazetteer.
func NewFinder(gaz *geo.Gazetteer) *Finder { return &Finder{gaz: gaz} }

// historical is a name that the gazetteer does not know, or knows as a
// successor state: the code it stands for and, when it only stands for it
// up to a date, that date.
type historical struct {
	name string
	code string
}

// historicalNames are matched case-sensitively on word boundaries; the
// longest name at a place wins. The gazetteer knows the states that no
// longer exist; these are the names it leaves to bodies it does not list.
var historicalNames = []historical{
	{"European Community", "EU"}, {"European Economic Community", "EU"}, {"EEC", "EU"}, {"EC", "EU"},
	{"Common Market", "EU"},
}

// Successor states: before the date, the gazetteer's code for a capital or
// a name ("Moscow" is RU) stands for the older state.
var predecessors = []struct {
	code, older string
	until       time.Time
}{
	{"RU", "SU", time.Date(1991, 12, 26, 0, 0, 0, 0, time.UTC)},
	{"RS", "YU", time.Date(1992, 4, 27, 0, 0, 0, 0, time.UTC)},
	{"CZ", "CS", time.Date(1993, 1, 1, 0, 0, 0, 0, time.UTC)},
}

// Parties returns the parties that text names, in text order, read at the
// date (which decides whether "Moscow" is the Soviet Union or Russia).
func (f *Finder) Parties(text string, at time.Time) []Party {
	var out []Party
	for _, m := range f.gaz.Mentions(text, at) {
		code := m.Code
		for _, p := range predecessors {
			if code == p.code && !at.IsZero() && at.Before(p.until) {
				code = p.older
			}
		}
		out = append(out, Party{Code: code, Start: m.Start, End: m.End, Surface: m.Surface, Capital: m.Via == geo.ViaCapital, Sense: m.Sense})
	}
	for _, h := range findHistorical(text) {
		// A historical name replaces what the gazetteer read inside it
		// ("East German" is not Germany).
		out = slices.DeleteFunc(out, func(p Party) bool { return p.Start < h.End && h.Start < p.End })
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b Party) int { return a.Start - b.Start })
	return out
}

// findHistorical finds the historical names in text.
func findHistorical(text string) []Party {
	var out []Party
	for _, h := range historicalNames {
		from := 0
		for {
			i := strings.Index(text[from:], h.name)
			if i < 0 {
				break
			}
			i += from
			end := i + len(h.name)
			from = end
			if !boundary(text, i, end) {
				continue
			}
			taken := false
			for _, p := range out {
				if p.Start < end && i < p.End {
					taken = true
					break
				}
			}
			if !taken {
				out = append(out, Party{Code: h.code, Start: i, End: end, Surface: h.name})
			}
		}
	}
	return out
}

// boundary reports whether text[i:end] is a whole word or phrase.
func boundary(text string, i, end int) bool {
	if i > 0 && isWordByte(text[i-1]) {
		return false
	}
	if end < len(text) && isWordByte(text[end]) {
		return false
	}
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// SameParty reports whether two codes stand for the same party: equal, or
// a state and its successor (SU and RU, YU and RS, CS and CZ).
func SameParty(a, b string) bool {
	if a == b {
		return true
	}
	for _, p := range predecessors {
		if a == p.code && b == p.older || a == p.older && b == p.code {
			return true
		}
	}
	return false
}
