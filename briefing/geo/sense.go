package geo

import (
	"strings"
	"time"
)

// Sense says in what capacity a mention names its entity. Tagging counts
// every mention; telling an article about a country from one that only
// names it needs to know which mentions stand for the country itself.
type Sense uint8

// The senses of a mention. The zero value is the country (or body) itself.
const (
	// SenseSubject is the entity itself, as actor or subject: "Japan
	// said", "the Italian government", "talks with Moscow".
	SenseSubject Sense = iota
	// SenseOrg is a word inside the name of a company or product:
	// "British Aerospace", "Gillette Canada Inc", "Air France", "Royal
	// Dutch Shell".
	SenseOrg
	// SenseCurrency is a currency: "French franc", "U.S. dlrs",
	// "Australian dollar bond".
	SenseCurrency
	// SenseVenue is a city as the place where something happens or
	// trades: "met in Paris", "the Paris accord", "the Tokyo summit",
	// "London-based", "London traders".
	SenseVenue
	// SenseList is one of a run of three or more places named one after
	// the other: "the U.S., Japan, West Germany, France and Britain", a
	// table of exports by country.
	SenseList
	// SenseOrigin says where a firm, a report or an informant comes
	// from, not who acts: "<NEC Corp> of Japan", "Dutch bank F. Van
	// Lanschot", "a British naval source said", "Japanese traders told
	// Reuters", "the Dutch evening paper".
	SenseOrigin
)

var senseNames = [...]string{"subject", "org", "currency", "venue", "list", "origin"}

// String returns "subject", "org", "currency", "venue", "list" or
// "origin".
func (s Sense) String() string {
	if int(s) < len(senseNames) {
		return senseNames[s]
	}
	return "subject"
}

// currencyWords after a country's name or demonym make a currency
// ("Canadian dlrs", "Saudi riyal"); compared in lower case.
var currencyWords = set(
	"dollar", "dollars", "dlr", "dlrs", "franc", "francs", "mark", "marks", "pound", "pounds", "sterling",
	"yen", "lira", "lire", "peseta", "pesetas", "guilder", "guilders", "crown", "crowns", "krona", "kronor",
	"krone", "kroner", "schilling", "schillings", "riyal", "riyals", "rial", "rials", "dinar", "dinars",
	"rupee", "rupees", "peso", "pesos", "won", "yuan", "renminbi", "rand", "real", "reais", "cruzado",
	"cruzados", "shekel", "shekels", "ringgit", "baht", "escudo", "escudos", "drachma", "drachmas",
	"bolivar", "bolivars", "sucre", "sucres", "rouble", "roubles", "ruble", "rubles", "euro", "euros",
	"rupiah", "forint", "zloty", "lev", "leu", "lei", "hryvnia", "lari", "tenge", "dirham", "dirhams",
	"naira", "cedi", "shilling", "shillings", "kwacha", "austral", "australs", "inti", "cent", "cents",
	"currency", "currencies",
)

// orgWords in a run of capitalised words make it the name of a company or
// a product: legal forms and the nouns firms name themselves with.
var orgWords = set(
	"Inc", "Corp", "Corporation", "Co", "Cos", "Company", "Ltd", "Limited", "Plc", "PLC", "AG", "NV",
	"N.V.", "SA", "S.A.", "SpA", "BV", "B.V.", "GmbH", "KK", "AB", "Bhd", "Berhad", "Pty", "LLC", "LP",
	"Holdings", "Holding", "Group", "Industries", "Airlines", "Airways", "Air", "Aerospace", "Express",
	"Fund", "Trust", "Bancorp", "Bancshares", "Securities", "Insurance", "Assurance", "Petroleum", "Oil",
	"Gas", "Telecom", "Telecommunications", "Steel", "Motors", "Motor", "Electric", "Electronics",
	"Chemical", "Chemicals", "Pharmaceuticals", "Mining", "Minerals", "Shipping", "Lines", "Railways",
	"Broadcasting", "Tobacco", "Breweries", "Brewing", "Foods", "Investments", "Investment", "Capital",
	"Finance", "Credit", "Leasing", "Partners", "Properties", "Resources", "Energy", "Power", "Shell",
	"Leyland", "Telecommunication", "Bank", "Banking", "Bankers", "Royal",
)

// legalForms are the orgWords that make a company even in a headline,
// where every word is capitalised anyway.
var legalForms = set(
	"Inc", "Corp", "Corporation", "Co", "Cos", "Ltd", "Limited", "Plc", "PLC", "AG", "NV", "N.V.", "SA",
	"S.A.", "SpA", "BV", "B.V.", "GmbH", "KK", "AB", "Bhd", "Berhad", "Pty", "LLC", "LP",
)

// stateWords in a run of capitalised words make it a part of the state
// ("U.S. Energy Department", "Saudi Central Bank", "Italian Air Force"),
// which speaks for the country, not a firm.
var stateWords = set(
	"Department", "Ministry", "Minister", "Secretary", "Treasury", "Council", "Parliament", "Government",
	"Agency", "Office", "Commission", "Authority", "Army", "Navy", "Force", "Forces", "Embassy",
	"President", "Court", "Congress", "Senate", "Reserve", "Bureau", "Board", "Party", "Police",
	"Administration", "Central", "National", "State", "Federal", "Republic", "Kingdom", "Cabinet",
	"Assembly", "Chamber", "Guard", "Mission", "Delegation", "Representative", "Institute", "Service",
	"Customs", "Statistics", "Statistical", "Monetary", "Monetary Authority", "Development", "Export-Import",
	"Exim",
)

// eventWords after a city make it the place of an event or a market:
// "the Paris accord", "the Tokyo summit", "the London market".
var eventWords = set(
	"accord", "accords", "agreement", "agreements", "summit", "talks", "meeting", "meetings", "conference",
	"club", "pact", "treaty", "declaration", "communique", "round", "process", "protocol", "convention",
	"charter", "forum", "bourse", "market", "markets", "exchange", "stock", "stocks", "traders", "trader",
	"dealers", "dealer", "brokers", "broker", "bullion", "gold", "metal", "futures", "fixing", "interbank",
	"based", "listed", "airport", "session", "trading", "close", "opening", "office", "branch", "offices",
	"branches", "bureau", "correspondent", "newspaper", "daily", "weekly", "press", "radio", "television",
	"consensus", "framework", "initiative", "plan", "group", "zoo", "marathon", "motor", "show", "fashion",
	"stock exchange", "commodity", "commodities", "money", "bond", "bonds", "equities", "equity",
	"dealing", "dealings", "sources", "analysts", "economists", "bankers", "diplomats", "correspondents",
)

// venuePrepositions before a city make it a place where something
// happens ("met in Paris", "arrived at Tokyo") rather than the state.
var venuePrepositions = set("in", "at", "near", "outside", "via", "around", "from", "to", "into", "across")

// listFill are the words that may stand between the places of a list:
// conjunctions, articles and the units of a table.
var listFill = set(
	"and", "or", "nor", "the", "plus", "also", "as", "well", "both", "with", "including", "vs", "versus",
	"pct", "percent", "per", "cent", "mln", "million", "bln", "billion", "tonnes", "tons", "tonne", "ton",
	"dlrs", "dollars", "bags", "bales", "barrels", "bpd", "units", "against", "prev", "nil", "revised",
	"unrevised", "of", "which", "each", "all", "a", "an",
)

// listGap is the longest gap between two places of a list, in bytes.
const listGap = 48

// assignSenses sets the Sense of each mention of text (in text order).
func assignSenses(text string, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		switch {
		case currencyAfter(text, m.End):
			m.Sense = SenseCurrency
		case inOrgName(text, m.Start, m.End):
			m.Sense = SenseOrg
		case firmOfCountry(text, m.Start), describesFirm(text, m.End), m.Via != ViaCapital && informantAfter(text, m.End):
			m.Sense = SenseOrigin
		case m.Via == ViaCapital && venueOf(text, m.Start, m.End):
			m.Sense = SenseVenue
		}
	}
	markLists(text, ms)
}

// ArticleMentions returns the mentions of an article's headline and of its
// body, with their senses. A headline capitalises every word, so a name
// that the body shows to be a firm's ("Italy Fund", "Saudi American Bank")
// is a firm's in the headline too.
func (g *Gazetteer) ArticleMentions(title, body string, at time.Time) (head, text []Mention) {
	head = g.Mentions(title, at)
	text = g.Mentions(body, at)
	var orgs map[string]bool
	for _, m := range text {
		if m.Sense != SenseOrg {
			continue
		}
		if orgs == nil {
			orgs = map[string]bool{}
		}
		before, after := nameKeys(body, m.Start, m.End)
		for _, k := range []string{before, after} {
			if k != "" {
				orgs[k] = true
			}
		}
	}
	for i := range head {
		m := &head[i]
		before, after := nameKeys(title, m.Start, m.End)
		if (before != "" && orgs[before]) || (after != "" && orgs[after]) {
			m.Sense = SenseOrg
		}
	}
	return head, text
}

// nameKeys are a mention with the word before it and with the word after
// it, in lower case: "northfield canada", "canada corp". A key without its
// neighbour word is left empty, so that it matches nothing.
func nameKeys(text string, start, end int) (before, after string) {
	m := strings.ToLower(text[start:end])
	if w, ok := wordBefore(text, start); ok && !strings.ContainsAny(text[start-1:start], "\n") {
		before = strings.ToLower(w) + " " + m
	}
	if t, ok := nextToken(text, end); ok && runGap(text[end:t.start]) {
		after = m + " " + strings.ToLower(text[t.start:t.end])
	}
	return before, after
}

// firmNouns, after a country's name or demonym and before a firm's own
// name, describe the firm: "Dutch bank F. Van Lanschot", "the Japanese
// construction group Kumagai Gumi", "U.S. brokerage firm Equitable".
var firmNouns = set(
	"bank", "firm", "company", "group", "concern", "conglomerate", "carrier", "airline", "maker",
	"manufacturer", "producer", "subsidiary", "unit", "affiliate", "brokerage", "insurer", "refiner",
	"retailer", "utility", "chain", "broker", "house", "holding", "trader", "shipper", "operator",
	"contractor", "builder", "distributor", "exporter", "importer", "investor", "lender", "partner",
)

// informantNouns, after a country's name or demonym, make it the origin
// of a report rather than an actor: "a British naval source", "Japanese
// traders told Reuters", "U.S. industry analysts", "the Dutch evening
// paper". A state's own people ("U.S. officials", "British diplomats")
// are not among them: they speak for the country.
var informantNouns = set(
	"source", "sources", "trader", "traders", "dealer", "dealers", "analyst", "analysts", "broker", "brokers",
	"banker", "bankers", "economist", "economists", "press", "newspaper", "newspapers", "paper", "papers",
	"daily", "dailies", "weekly", "magazine", "media", "newsagency", "commentator", "commentators",
)

// stateAdjectives between a country and an informant noun make the
// informant the state's own: "U.S. government sources", "Japanese
// official sources".
var stateAdjectives = set(
	"government", "official", "state", "ministry", "military", "defence", "defense", "administration",
	"embassy", "diplomatic", "treasury", "cabinet", "party", "foreign", "presidential", "palace",
)

// firmOfCountry tells whether the mention at start follows "of" (or "of
// the") after a company's name: a stock symbol or a legal form ("<NEC
// Corp> of Japan", "Alcan Aluminium Ltd of Canada", "Union Carbide <UK>
// of the United States"). "The Bank of Japan" is the state.
func firmOfCountry(text string, start int) bool {
	w, at, ok := prevWord(text, start)
	if ok && (w == "the" || w == "The") {
		w, at, ok = prevWord(text, at)
	}
	if !ok || w != "of" {
		return false
	}
	i := at
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == at {
		return false
	}
	if text[i-1] == '>' {
		return true
	}
	name, _, ok := prevWord(text, at)
	return ok && (legalForms[name] || legalForms[titleCase(name)])
}

// prevWord returns the ASCII word right before start, joined to it by
// spaces only, and where it starts.
func prevWord(text string, start int) (string, int, bool) {
	i := start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == start || start-i > 2 {
		return "", 0, false
	}
	j := i
	for j > 0 && (asciiWord[text[j-1]] || text[j-1] == '.' && j-1 > 0 && asciiWord[text[j-2]]) {
		j--
	}
	if j == i {
		return "", 0, false
	}
	return strings.TrimSuffix(text[j:i], "."), j, true
}

// describesFirm tells whether the words after a mention describe a named
// firm: up to two lower-case words, then a firm noun, then the firm's
// capitalised name or stock symbol ("Dutch bank F. Van Lanschot", "U.S.
// brokerage firm Equitable Securities", "the Japanese construction group
// Kumagai Gumi"). "Japanese firms" alone are the country's industry.
func describesFirm(text string, end int) bool {
	pos := end
	for k := 0; k < 3; k++ {
		t, ok := nextToken(text, pos)
		if !ok || !t.lower || !onlySpaces(text[pos:t.start]) {
			return false
		}
		pos = t.end
		if !firmNouns[text[t.start:t.end]] {
			continue
		}
		if pos < len(text) && text[pos] == ' ' && pos+1 < len(text) && text[pos+1] == '<' {
			return true
		}
		n, ok := nextToken(text, pos)
		if !ok {
			return false
		}
		initial := n.end < len(text) && text[n.end] == '.' // "F. Van Lanschot"
		return n.cap && onlySpaces(text[pos:n.start]) && (n.end-n.start > 1 || initial) && !countryPreceders[text[n.start:n.end]]
	}
	return false
}

// informantAfter tells whether the words after a mention name where a
// report comes from: an informant noun, right after it or after one
// lower-case word that is not the state's ("a British naval source",
// "U.S. industry analysts", but "U.S. government sources" speak for the
// state).
func informantAfter(text string, end int) bool {
	pos := end
	for k := 0; k < 2; k++ {
		t, ok := nextToken(text, pos)
		if !ok || !t.lower || !onlySpaces(text[pos:t.start]) {
			return false
		}
		w := text[t.start:t.end]
		if informantNouns[w] {
			return true
		}
		if stateAdjectives[w] {
			return false
		}
		pos = t.end
	}
	return false
}

// onlySpaces tells whether a gap between two words is one or two spaces.
func onlySpaces(g string) bool {
	return g == " " || g == "  "
}

// currencyAfter tells whether the word after end is a currency: "French
// franc", "U.S. Dlrs", "AUSTRALIAN DLR".
func currencyAfter(text string, end int) bool {
	t, ok := nextToken(text, end)
	if !ok || !gapIsSpace(text[end:t.start]) {
		return false
	}
	return currencyWords[strings.ToLower(text[t.start:t.end])]
}

// gapIsSpace tells whether a gap between words is white space only (a
// hyphen is allowed: "U.S.-dollar").
func gapIsSpace(g string) bool {
	if len(g) > 3 {
		return false
	}
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case ' ', '\t', '-':
		default:
			return false
		}
	}
	return true
}

// inOrgName tells whether the mention at [start, end) is a word of a
// company's or product's name: a run of capitalised words around it holds
// a word firms name themselves with, and no word of the state. In a
// headline, where every word is capitalised, only a legal form ("Inc",
// "Corp", "Ltd") counts. A stock symbol in angle brackets is a company's.
func inOrgName(text string, start, end int) bool {
	// A stock symbol: "Union Carbide <UK>".
	if start > 0 && text[start-1] == '<' && end < len(text) && text[end] == '>' {
		return true
	}
	legal, firm := false, false
	// Words after the mention, while capitalised and joined by spaces.
	pos := end
	for k := 0; k < 5; k++ {
		t, ok := nextToken(text, pos)
		if !ok || !runGap(text[pos:t.start]) || !t.cap {
			break
		}
		w := text[t.start:t.end]
		if t.caps {
			w = titleCase(w)
		}
		if stateWords[w] {
			return false
		}
		legal = legal || legalForms[w]
		firm = firm || orgWords[w]
		pos = t.end
	}
	// The word before it: "Air France", "Royal Dutch".
	if w, ok := capitalisedBefore(text, start); ok {
		if stateWords[w] {
			return false
		}
		firm = firm || orgWords[w]
	}
	if legal {
		return true
	}
	// A headline capitalises every word: there only a legal form counts.
	return firm && !titleLine(text, start) && !allCapsAround(text, start, end)
}

// titleCase is "LTD" -> "Ltd".
func titleCase(w string) string {
	if w == "" {
		return w
	}
	return w[:1] + strings.ToLower(w[1:])
}

// allCapsAround tells whether the mention stands among upper-case words,
// as in a wire headline ("U.K. FIRM UPS ITALY FUND STAKE").
func allCapsAround(text string, start, end int) bool {
	t, ok := nextToken(text, end)
	if !ok || t.start-end > 3 {
		return false
	}
	return t.caps && len(text[t.start:t.end]) > 1
}

// runGap tells whether two words of one name are joined: a space, or "&".
func runGap(g string) bool {
	g = strings.TrimSpace(g)
	return g == "" || g == "&" || g == "-"
}

// capitalisedBefore returns the word right before start when it is
// capitalised, joined by a space and not a word that may stand before a
// country's name ("In", "President").
func capitalisedBefore(text string, start int) (string, bool) {
	i := start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == start || i == 0 || start-i > 2 {
		return "", false
	}
	j := i
	for j > 0 && asciiWord[text[j-1]] {
		j--
	}
	w := text[j:i]
	if w == "" || w[0] < 'A' || w[0] > 'Z' || countryPreceders[w] {
		return "", false
	}
	return w, true
}

// venueOf tells whether a city mention names where something happens:
// after "in", "at", "from" ("met in Paris"), before an event or market
// word ("the Paris accord", "London traders"), or "London-based".
func venueOf(text string, start, end int) bool {
	if t, ok := nextToken(text, end); ok && gapIsSpace(text[end:t.start]) {
		w := strings.ToLower(text[t.start:t.end])
		if eventWords[w] {
			return true
		}
	}
	if w, ok := wordBefore(text, start); ok && venuePrepositions[w] {
		return true
	}
	return false
}

// wordBefore returns the word right before start, joined by white space.
func wordBefore(text string, start int) (string, bool) {
	i := start
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n') {
		i--
	}
	if i == start || start-i > 2 {
		return "", false
	}
	j := i
	for j > 0 && asciiWord[text[j-1]] {
		j--
	}
	if j == i {
		return "", false
	}
	return text[j:i], true
}

// markLists marks the mentions that stand in a run of three or more
// places of at least three entities, with only separators, numbers and
// the words of listFill between them.
func markLists(text string, ms []Mention) {
	runStart := 0
	flush := func(end int) {
		if end-runStart < 3 {
			return
		}
		codes := map[string]bool{}
		for _, m := range ms[runStart:end] {
			codes[m.Code] = true
		}
		if len(codes) < 3 {
			return
		}
		for k := runStart; k < end; k++ {
			if ms[k].Sense == SenseSubject {
				ms[k].Sense = SenseList
			}
		}
	}
	for i := 1; i <= len(ms); i++ {
		if i < len(ms) && listy(text, ms[i-1].End, ms[i].Start) {
			continue
		}
		flush(i)
		runStart = i
	}
}

// listy tells whether the text between two places is what separates the
// items of a list or the rows of a table.
func listy(text string, a, b int) bool {
	if b < a || b-a > listGap {
		return false
	}
	g := text[a:b]
	words := 0
	for pos := 0; ; {
		t, ok := nextToken(g, pos)
		if !ok {
			break
		}
		pos = t.end
		w := g[t.start:t.end]
		if w[0] >= '0' && w[0] <= '9' {
			continue
		}
		if !listFill[strings.ToLower(w)] {
			return false
		}
		words++
	}
	// A gap must separate: "Britain France" in a name is no list.
	return strings.ContainsAny(g, ",;/\n()0123456789") || words > 0
}
