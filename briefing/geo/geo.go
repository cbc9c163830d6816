// Package geo is Attaché's gazetteer: the countries, territories and
// international bodies that diplomacy news names, with their names,
// demonyms, capitals and seats used as metonyms ("Tokyo", "the Kremlin"),
// and the heads of state and government and foreign ministers of the
// countries the news names most, with the dates they held office.
//
// The data is an embedded JSON file (gazetteer.json) that New reads; the
// configuration can add or override entries with further documents in the
// same shape. With it the package tags running text with the codes it
// names (Tag, Mentions), turns query words into codes (ParseWords),
// suggests names for misspelt words (Suggest) and tells who held an office
// on a date (Person).
//
// Codes are ISO 3166-1 alpha-2 for countries and territories (Kosovo is
// "XK") and short upper-case codes for bodies: UN, EU, NATO, G7, G20,
// ASEAN, AFU (the African Union: "AU" is Australia's ISO code), BRICS,
// QUAD, AUKUS, SCO, OPEC, IAEA, WTO, IMF, WHO, OECD, APEC, GCC, OSCE, OAS,
// LAS (the Arab League) and WBG (the World Bank).
//
// Decisions a reader of tags should know (each has a test):
//   - In running text capitalisation is evidence: "turkey" and "us" name
//     nothing; "Turkey" and "US" do. Query words are case-insensitive.
//   - Seas, straits and regions named after a state are places, not the
//     state: "South China Sea", "Sea of Japan", "Taiwan Strait", "Indian
//     Ocean", "Korean Peninsula", "Latin America" tag nothing. US states tag
//     nothing either ("New Mexico", "Washington state", Georgia the state).
//   - Plain "Korea" and "Korean" are South Korea (KR), unless the text
//     names North Korea ("North", "DPRK", "Pyongyang" or one of its
//     leaders) and nothing that is only South Korea, when they are KP.
//   - Plain "Congo" and "Congolese" are the Democratic Republic of the
//     Congo (CD), unless the text names only the Republic of the Congo
//     ("Brazzaville", "Congo-Brazzaville"), when they are CG.
//   - "Dominican" is the Dominican Republic (DO); Dominica is named only by
//     its name and capital.
//   - "Brussels" is the European Union, not Belgium. The Palestinian
//     territories ("Gaza", "West Bank", "East Jerusalem") are Palestine;
//     "Jerusalem" alone is Israel's seat of government.
//   - "Paris Agreement", "Paris climate accord" and the "Paris Club" name
//     no country.
//   - Historical states have codes of their own and keep their names for
//     display: the Soviet Union (SU), East Germany (DD), Yugoslavia (YU),
//     Czechoslovakia (CS). One that a state of today continues names its
//     Successor (SU: RU, DD: DE); Tag adds the successor's code, and Same
//     counts either for the other, so a brief on Russia over 1987 news
//     reads "Soviet" as Russia and a brief on the USSR reads "Moscow" as
//     its capital. West Germany, the Federal Republic and Bonn are Germany
//     (DE), the same state.
//   - Each Mention has a Sense: the entity itself, or a word of a firm's
//     name ("British Aerospace"), a currency ("French franc"), a city as
//     a venue ("met in Paris", "the Tokyo accord") or one of a list of
//     three or more places. Tag counts them all; telling an article about
//     a country from one that names it reads the senses.
//   - A leader's full name always tags the country; the article's date
//     picks which office when a person held several (Mark Rutte is the
//     Netherlands until 2024-07-02 and NATO from 2024-10-01). A surname
//     alone ("Kishida") tags while the person is in office and after (a
//     former leader still stands for the country), but not before their
//     first term began. Surnames shared by many people ("Johnson", "Kim",
//     "Lee", "Wang") are not used alone. A zero date means "at the latest
//     term".
package geo

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed gazetteer.json
var embedded []byte

// Kind tells a country (or territory) from an international body.
type Kind int

// The kinds of entity.
const (
	Country Kind = iota
	Body
)

// String returns "country" or "body".
func (k Kind) String() string {
	if k == Body {
		return "body"
	}
	return "country"
}

// Entity is a country, territory or international body.
type Entity struct {
	Code     string // "JP", "EU", "NATO"
	Name     string // display name: "Japan", "United States", "NATO"
	Kind     Kind
	Official string   // "Japan", "United States of America", "North Atlantic Treaty Organization"
	Names    []string // every name and variant the text may use, Name and Official included
	Demonyms []string // "Japanese"
	Capitals []string // capitals and seats used as metonyms: "Tokyo", "Kantei"
	// Successor is the state that continues a historical one: "RU" for
	// the Soviet Union ("SU"), "DE" for East Germany ("DD"); empty for a
	// state of today and for a historical one split among equals
	// (Yugoslavia, Czechoslovakia).
	Successor string
}

// Person is someone who held an office on a date.
type Person struct {
	Name string    // "Fumio Kishida"
	Role string    // "Prime Minister of Japan"; "former ..." once the term has ended
	Code string    // the country or body of the office
	From time.Time // start of the term
	To   time.Time // end of the term; zero while in office
}

// Mention is one place where running text names an entity.
type Mention struct {
	Code       string
	Start, End int // byte offsets of Surface in the text
	Surface    string
	Via        string // "name", "demonym", "capital", "leader" or "body"
	// Sense says whether the mention stands for the entity itself or
	// only names it in passing (a company, a currency, a venue, a list).
	Sense Sense
}

// The values of Mention.Via.
const (
	ViaName    = "name"
	ViaDemonym = "demonym"
	ViaCapital = "capital"
	ViaLeader  = "leader"
	ViaBody    = "body"
)

// Parsed is the result of ParseWords.
type Parsed struct {
	Codes []string // in the order given, without repeats
	Rest  []string // the words that named no place, in the order given
}

// Choice is one entry for autocomplete.
type Choice struct {
	Name string // display name
	Code string
}

// Gazetteer holds the entities, people and name index. It is never changed
// after New, so all its methods are safe for concurrent use.
type Gazetteer struct {
	entities []Entity
	byCode   map[string]int
	the      []bool // per entity: "the" before the name in roles
	people   []person
	index    index
	choices  []Choice
	near     []suggestEntry
	// foreign finds country names in other languages (languages.go),
	// built on first use.
	foreign     *foreignIndex
	foreignOnce sync.Once
}

// New reads the embedded data and then each extra document in turn (JSON,
// or YAML when it does not start with "{"), in the same shape as
// gazetteer.json. An entity whose code exists already is overridden field
// by field (a list given replaces the list; "remove": true drops the
// entity); people are added, or replaced when name, office, code and start
// date are the same; places are added.
func New(extra ...[]byte) (*Gazetteer, error) {
	doc, err := decodeJSON(embedded)
	if err != nil {
		return nil, fmt.Errorf("geo: embedded data: %w", err)
	}
	for i, b := range extra {
		more, err := decodeExtra(b)
		if err != nil {
			return nil, fmt.Errorf("geo: extra document %d: %w", i+1, err)
		}
		doc.merge(more)
	}
	g := &Gazetteer{byCode: map[string]int{}}
	if err := g.load(doc); err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	return g, nil
}

// Entity returns the entity with the code ("JP"; case does not matter).
func (g *Gazetteer) Entity(code string) (Entity, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Entity{}, false
	}
	e := g.entities[i]
	e.Names = append([]string(nil), e.Names...)
	e.Demonyms = append([]string(nil), e.Demonyms...)
	e.Capitals = append([]string(nil), e.Capitals...)
	return e, true
}

// NameInSentence is the entity's display name as it reads inside a
// sentence: "the United Kingdom", "the Soviet Union", "Japan"; the code
// itself when it is unknown.
func (g *Gazetteer) NameInSentence(code string) string {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return code
	}
	if g.the[i] {
		return "the " + g.entities[i].Name
	}
	return g.entities[i].Name
}

// Names lists every country and body once, by display name, sorted by name,
// for autocomplete.
func (g *Gazetteer) Names() []Choice {
	return append([]Choice(nil), g.choices...)
}

// Tag returns the sorted codes that the running text names at the date.
func (g *Gazetteer) Tag(text string, at time.Time) []string {
	var codes []string
	var seen map[string]bool // once codes grows past a few
	for _, f := range g.withSuccessors(g.scanText(text, at)) {
		if seen != nil {
			if !seen[f.Code] {
				seen[f.Code] = true
				codes = append(codes, f.Code)
			}
			continue
		}
		known := false
		for _, c := range codes {
			if c == f.Code {
				known = true
				break
			}
		}
		if known {
			continue
		}
		codes = append(codes, f.Code)
		if len(codes) == 8 {
			seen = make(map[string]bool, 32)
			for _, c := range codes {
				seen[c] = true
			}
		}
	}
	sort.Strings(codes)
	return codes
}

// withSuccessors adds, after each mention of a historical state, a
// mention of its successor, so that an article about the Soviet Union is
// found by a search for Russia.
func (g *Gazetteer) withSuccessors(fs []found) []found {
	var out []found
	for i, f := range fs {
		ei, ok := g.byCode[f.Code]
		if !ok || g.entities[ei].Successor == "" {
			if out != nil {
				out = append(out, f)
			}
			continue
		}
		if out == nil {
			out = append(make([]found, 0, len(fs)+4), fs[:i]...)
		}
		out = append(out, f)
		f.Code = g.entities[ei].Successor
		out = append(out, f)
	}
	if out == nil {
		return fs
	}
	return out
}

// Same tells whether a mention's code stands for the asked code: the same
// code, or a historical state and its successor either way ("SU" and
// "RU"), so that a brief on Russia over 1987 news reads "Soviet" as
// Russia, and a brief on the Soviet Union reads "Moscow" as its capital.
func (g *Gazetteer) Same(code, want string) bool {
	if code == want {
		return true
	}
	if i, ok := g.byCode[code]; ok && g.entities[i].Successor == want && want != "" {
		return true
	}
	if i, ok := g.byCode[want]; ok && g.entities[i].Successor == code && code != "" {
		return true
	}
	return false
}

func (g *Gazetteer) buildChoices() {
	g.choices = make([]Choice, 0, len(g.entities))
	for _, e := range g.entities {
		g.choices = append(g.choices, Choice{Name: e.Name, Code: e.Code})
	}
	sort.Slice(g.choices, func(i, j int) bool {
		a, b := strings.ToLower(g.choices[i].Name), strings.ToLower(g.choices[j].Name)
		if a != b {
			return a < b
		}
		return g.choices[i].Code < g.choices[j].Code
	})
}
