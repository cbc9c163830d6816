package tone

import (
	"sort"
	"strings"

	"attache/briefing/geo"
	sentences "attache/briefing/sentence"
)

// mention is a party of the pair as it stands among a sentence's words.
type mention struct {
	side       int // 0 or 1: which of the pair
	first, end int // word indices [first, end)
	// speaker: the mention is who says the sentence ("..., the U.S.
	// Agriculture Department said"), and so stands behind every act it
	// reports.
	speaker bool
}

// sayWords report speech: "said", "told", "announced".
var sayWords = set("say said says told tell tells announce announced announces report reported reports state stated add added note noted")

// currencyWords follow a country's name when it names money, not the
// country: "U.S. dlrs", "Swiss francs", "Australian dollar".
var currencyWords = set("dlr dlrs dollar dollars yen mark marks franc francs pound pounds sterling crown crowns " +
	"lira lire peso pesos currency currencies rand riyal riyals rupee rupees escudo escudos guilder guilders " +
	"schilling schillings krona kronor krone kroner peseta pesetas drachma drachmas ecu ecus cents eurodollar " +
	"eurodollars bonds bond t-bonds treasuries yuan won baht ringgit dinar dinars shekel shekels zloty forint")

// venueWords come before a capital that stands for where something was
// said or received, not for a party: "received in London", "monitored in
// Nicosia", "a news conference in Tokyo".
var venueWords = set("received monitored datelined quoted reported published broadcast heard")

// companyWords end the names of firms: "British Petroleum Plc", "American
// Express Bank" name a firm, not Britain or America.
var companyWords = set("corp corporation co company inc ltd plc ag sa nv spa bv group holdings petroleum airways " +
	"airlines motors express tobacco telecom telecommunications industries electric steel chemicals brewers " +
	"brewing insurance fund trust shipping lines oil")

// governmentWords may follow a country's adjective without making it a
// firm's name: "Japanese Prime Minister", "British Government".
var governmentWords = set("government prime minister president foreign trade finance defence defense economy " +
	"agriculture industry central embassy ambassador navy army air military forces troops officials official " +
	"ministry parliament cabinet chancellor treasury state secretary king queen crown prince leader delegation " +
	"delegate negotiators negotiator spokesman sources diplomats diplomat warplanes jets planes warships troops " +
	"exporters importers producers banks banker bankers companies firms traders trade board monetary council")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// pairMentions places the pair's parties among the words, leaving out
// those that name a currency, a venue or a firm.
func pairMentions(text string, ws []word, parties []Party, pair [2]string) []mention {
	var out []mention
	dateline := sentences.Dateline(text) // where the story was filed: no party
	for _, p := range parties {
		side := -1
		for s := 0; s < 2; s++ {
			if pair[s] != "" && SameParty(p.Code, pair[s]) {
				side = s
			}
		}
		if side < 0 {
			continue
		}
		// The words that overlap the party: the first ending after its
		// start, then on while they start before its end.
		first, end := -1, -1
		i := sort.Search(len(ws), func(i int) bool { return ws[i].End > p.Start })
		for ; i < len(ws) && ws[i].Start < p.End; i++ {
			if first < 0 {
				first = i
			}
			end = i + 1
		}
		if p.Sense == geo.SenseOrg || p.Sense == geo.SenseCurrency || p.Sense == geo.SenseVenue && !addressed(ws, first, end) {
			continue
		}
		if first < 0 || notAParty(text, ws, first, end) || p.Capital && venue(ws, first, end) || ws[first].Start < dateline {
			continue
		}
		out = append(out, mention{side: side, first: first, end: end, speaker: isSpeaker(ws, first, end)})
	}
	return out
}

// isSpeaker reports whether the mention at [first, end) says the
// sentence: it is followed, within the words of its name, by a verb of
// saying at the end of the sentence or right after its opening.
func isSpeaker(ws []word, first, end int) bool {
	for j := end; j < len(ws) && j < end+6; j++ {
		if ws[j].Punct {
			return false
		}
		if sayWords[ws[j].Lower] {
			// "..., the U.S. Agriculture Department said." or "The U.S.
			// Agriculture Department said it ..."
			return j >= len(ws)-2 || j <= 12
		}
		if !ws[j].Cap && ws[j].Lower != "of" && ws[j].Lower != "'s" && ws[j].Lower != "s" {
			return false
		}
	}
	return false
}

// marketWords after a city make it a market or a firm's seat: "London
// trading", "its London rival", "the Tokyo stock exchange".
var marketWords = set("rival rivals exchange exchanges market markets trading traders dealers dealer office offices " +
	"branch branches bourse stock stocks listing headquarters firm firms bank banks broker brokers brokerage " +
	"futures metal bullion insurance unit subsidiary")

// addressed reports whether a capital the gazetteer reads as a place
// stands for its government, written to or heard from: "a request to
// Washington", "a response from New Delhi", "a visit to Tokyo" (the host
// of a visit is its party). A place of trade or an event named after it
// ("to the Tokyo market", "from the Paris accord") stays a place.
func addressed(ws []word, first, end int) bool {
	if first == 0 || first < 0 {
		return false
	}
	if p := ws[first-1].Lower; p != "to" && p != "from" {
		return false
	}
	if end < len(ws) && (marketWords[ws[end].Lower] || eventNouns[ws[end].Lower]) {
		return false
	}
	return true
}

// eventNouns after a city name an event held there: "the Tokyo summit".
var eventNouns = set("accord accords agreement agreements summit talks meeting meetings conference club pact treaty " +
	"declaration communique round process protocol convention charter forum")

// venue reports whether a capital stands for where something happened
// ("talks in Washington", "signed in Rome", "London trading") rather
// than for its state.
func venue(ws []word, first, end int) bool {
	if first > 0 && (ws[first-1].Lower == "in" || ws[first-1].Lower == "at" || ws[first-1].Lower == "near") {
		return true
	}
	return end < len(ws) && marketWords[ws[end].Lower]
}

// notAParty reports whether the words [first, end) name a currency, a
// venue or a firm rather than a party.
func notAParty(text string, ws []word, first, end int) bool {
	if end+1 < len(ws) && (ws[end].Lower == "news" && ws[end+1].Lower == "agency" || ws[end].Lower == "newspaper") {
		// "the United Arab Emirates news agency WAM said": a source of
		// news, not a party to it.
		return true
	}
	if end < len(ws) {
		next := ws[end].Lower
		if currencyWords[next] && !(next == "crown" && end+1 < len(ws) && ws[end+1].Lower == "prince") {
			return true
		}
		if next == "-" && end+1 < len(ws) && ws[end+1].Lower == "based" {
			return true
		}
	}
	if first >= 2 && ws[first-1].Lower == "in" && venueWords[ws[first-2].Lower] {
		return true
	}
	if first >= 3 && ws[first-1].Lower == "in" && ws[first-2].Lower == "conference" {
		return true
	}
	// Inside a firm's name in angle brackets: "<Banca Nazionale ...>".
	if open := strings.LastIndexByte(text[:ws[first].Start], '<'); open >= 0 && !strings.ContainsRune(text[open:ws[first].Start], '>') &&
		strings.ContainsRune(text[ws[first].Start:], '>') {
		return true
	}
	// A capitalised run that goes on into a firm's word: "British
	// Petroleum", "American Express Bank", "British American Tobacco".
	j := end
	for j < len(ws) && j < end+4 && ws[j].Cap && !ws[j].Punct && !governmentWords[ws[j].Lower] {
		if companyWords[ws[j].Lower] {
			return true
		}
		j++
	}
	if first > 0 && ws[first-1].Cap && !ws[first-1].Punct && (ws[first-1].Lower == "royal" || companyWords[ws[first-1].Lower]) {
		return true
	}
	// Inside a run of capitalised words that are not a government's:
	// "Agence France Presse", "Banco do Brasil".
	if first > 1 && end < len(ws) && ws[first-1].Cap && !ws[first-1].Punct && !governmentWords[ws[first-1].Lower] &&
		!ws[first-2].Punct && ws[end].Cap && !ws[end].Punct && !governmentWords[ws[end].Lower] {
		return true
	}
	return false
}

// joined reports how two mentions of the two sides stand to each other:
// as a compound ("U.S.-Japan", "Soviet-American"), listed together ("Japan
// and West Germany", "Britain, France and Italy"), or apart.
type joining int

const (
	apart joining = iota
	listed
	compound
)

func joinedAs(ws []word, a, b mention) joining {
	if b.first < a.first {
		a, b = b, a
	}
	if a.end == b.first-1 && (ws[a.end].Lower == "-" || ws[a.end].Lower == "/") {
		return compound
	}
	if b.first-a.end > 12 {
		return apart
	}
	conj := false
	for i := a.end; i < b.first; i++ {
		switch ws[i].Lower {
		case "and", "or", "&", "/":
			conj = true
			continue
		case ",", "the", "as", "well":
			continue
		}
		// Other countries listed in between keep it a list.
		if ws[i].Cap && !ws[i].Punct {
			continue
		}
		return apart
	}
	if !conj && !(b.end < len(ws) && (ws[b.end].Lower == "," || ws[b.end].Lower == "and" || ws[b.end].Lower == "or")) {
		// "Iraq, the U.S. Agriculture Department said": no list.
		return apart
	}
	// "between Japan and Italy" makes the pair the subject of what
	// follows, not two of a list.
	if a.first > 0 && (ws[a.first-1].Lower == "between" || a.first > 1 && ws[a.first-1].Lower == "the" && ws[a.first-2].Lower == "between") {
		return compound
	}
	return listed
}

// mutualWords, anywhere in a sentence, make parties listed together act
// on each other: "Japan and Britain jointly", "bilateral talks".
var mutualWords = set("between jointly together bilateral mutual mutually reciprocal")
