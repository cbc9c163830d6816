package geo

import (
	"strings"
	"testing"
	"time"
)

func mustNew(t testing.TB, extra ...[]byte) *Gazetteer {
	t.Helper()
	g, err := New(extra...)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// unMembers are the 193 member states of the United Nations.
const unMembers = `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU
IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN
ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK
SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`

func TestCoverage(t *testing.T) {
	g := mustNew(t)
	members := strings.Fields(unMembers)
	if len(members) != 193 {
		t.Fatalf("test list has %d members", len(members))
	}
	want := append(members, "VA", "PS", "TW", "HK", "XK", "GL", "PR", "EH",
		"UN", "EU", "NATO", "G7", "G20", "ASEAN", "AFU", "BRICS", "QUAD", "AUKUS", "SCO", "OPEC", "IAEA", "WTO", "IMF")
	for _, code := range want {
		e, ok := g.Entity(code)
		if !ok {
			t.Errorf("Entity(%q) missing", code)
			continue
		}
		if e.Code != code || e.Name == "" || len(e.Names) == 0 {
			t.Errorf("Entity(%q) = %+v", code, e)
		}
		// Every entity's display name tags it.
		if got := g.Tag(e.Name, date("2024-06-01")); !contains(got, code) {
			t.Errorf("Tag(%q) = %v, want it to hold %s", e.Name, got, code)
		}
		if got := g.ParseWords([]string{strings.ToLower(e.Name)}, date("2024-06-01")); len(got.Codes) != 1 || got.Codes[0] != code {
			t.Errorf("ParseWords(%q) = %v, want [%s]", strings.ToLower(e.Name), got.Codes, code)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestEntity(t *testing.T) {
	g := mustNew(t)
	e, ok := g.Entity("jp")
	if !ok || e.Name != "Japan" || e.Kind != Country || !contains(e.Demonyms, "Japanese") || !contains(e.Capitals, "Tokyo") {
		t.Errorf("Entity(jp) = %+v, %v", e, ok)
	}
	e.Names[0] = "changed"
	if again, _ := g.Entity("JP"); again.Names[0] == "changed" {
		t.Error("Entity returned a slice shared with the gazetteer")
	}
	if b, ok := g.Entity("NATO"); !ok || b.Kind != Body || b.Official != "North Atlantic Treaty Organization" {
		t.Errorf("Entity(NATO) = %+v, %v", b, ok)
	}
	if _, ok := g.Entity("ZZ"); ok {
		t.Error("Entity(ZZ) found")
	}
	if Body.String() != "body" || Country.String() != "country" {
		t.Error("Kind.String")
	}
}

func TestNames(t *testing.T) {
	g := mustNew(t)
	names := g.Names()
	if len(names) < 230 {
		t.Fatalf("Names() has %d entries, want all countries and bodies", len(names))
	}
	for i := 1; i < len(names); i++ {
		if strings.ToLower(names[i-1].Name) > strings.ToLower(names[i].Name) {
			t.Errorf("Names() not sorted: %q before %q", names[i-1].Name, names[i].Name)
		}
	}
	seen := map[string]bool{}
	for _, c := range names {
		if seen[c.Code] {
			t.Errorf("code %s listed twice", c.Code)
		}
		seen[c.Code] = true
	}
	names[0].Name = "changed"
	if g.Names()[0].Name == "changed" {
		t.Error("Names returned a slice shared with the gazetteer")
	}
}

func TestNewExtra(t *testing.T) {
	jsonDoc := []byte(`{
		"entities": [
			{"code": "JP", "names": ["Japan", "Nihon"]},
			{"code": "XX", "name": "Freedonia", "demonyms": ["Freedonian"], "capitals": ["Fredville"]},
			{"code": "BLOC", "kind": "body", "name": "Example Bloc", "names": ["The Bloc"]},
			{"code": "VA", "remove": true}
		],
		"people": [
			{"name": "Rufus Firefly", "office": "President", "code": "XX", "from": "2020-01-01"},
			{"name": "Fumio Kishida", "office": "Prime Minister", "code": "JP", "from": "2021-10-04", "to": "2024-09-30"}
		],
		"places": ["Freedonia Street"]
	}`)
	yamlDoc := []byte(`
entities:
  - code: it
    capitals: [Rome, Roma]
people:
  - name: Ada Example
    office: Foreign Minister
    code: XX
    from: 2021-02-03
    to: 2022-02-03
`)
	g := mustNew(t, jsonDoc, yamlDoc)
	at := date("2024-06-01")
	cases := []struct{ text, want string }{
		{"Nihon and Freedonian officials met in Fredville.", "JP XX"},
		{"Japan still counts.", "JP"},
		{"Rufus Firefly spoke; Firefly left.", "XX"},
		{"The Bloc met.", "BLOC"},
		{"Freedonia Street is closed.", ""},
		{"The Vatican said so.", ""},
		{"Roma and Rome.", "IT"},
	}
	for _, c := range cases {
		if got := strings.Join(g.Tag(c.text, at), " "); got != c.want {
			t.Errorf("Tag(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	if e, _ := g.Entity("JP"); e.Name != "Japan" || !contains(e.Demonyms, "Japanese") {
		t.Errorf("override changed fields it did not give: %+v", e)
	}
	if p, ok := g.Person("Kishida", date("2024-09-30")); !ok || !strings.HasPrefix(p.Role, "former ") {
		t.Errorf("replaced term: Person = %+v, %v; want a former prime minister on 2024-09-30", p, ok)
	}
	if p, ok := g.Person("Ada Example", date("2021-06-01")); !ok || p.Role != "Foreign Minister of Freedonia" {
		t.Errorf("Person(Ada Example) = %+v, %v", p, ok)
	}
	if got := g.ParseWords([]string{"freedonia", "the", "bloc"}, at).Codes; strings.Join(got, " ") != "XX BLOC" {
		t.Errorf("ParseWords = %v", got)
	}
	// The embedded data is untouched for a gazetteer built without extras.
	if _, ok := mustNew(t).Entity("XX"); ok {
		t.Error("an extra document leaked into another gazetteer")
	}
}

func TestNewErrors(t *testing.T) {
	cases := map[string]string{
		"bad json":          `{"entities": [`,
		"unknown field":     `{"entities": [{"code": "XX", "name": "X", "colour": "red"}]}`,
		"bad code":          `{"entities": [{"code": "X-1", "name": "X"}]}`,
		"empty name":        `{"entities": [{"code": "XX"}]}`,
		"bad kind":          `{"entities": [{"code": "XX", "name": "X", "kind": "planet"}]}`,
		"unknown person":    `{"people": [{"name": "A B", "office": "President", "code": "QQ", "from": "2020-01-01"}]}`,
		"bad date":          `{"people": [{"name": "A B", "office": "President", "code": "JP", "from": "2020-13-01"}]}`,
		"ends before start": `{"people": [{"name": "A B", "office": "President", "code": "JP", "from": "2020-01-01", "to": "2019-01-01"}]}`,
		"no office":         `{"people": [{"name": "A B", "code": "JP", "from": "2020-01-01"}]}`,
		"bad yaml":          "entities: [code: : :",
		"yaml unknown":      "entities:\n  - code: XX\n    name: X\n    colour: red\n",
		"trailing data":     `{"places": []} {"places": []}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			g, err := New([]byte(doc))
			if err == nil {
				t.Fatalf("New(%q) = %v, want an error", doc, g)
			}
			if !strings.HasPrefix(err.Error(), "geo: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
	if _, err := New(nil, []byte("  \n")); err != nil {
		t.Errorf("empty extra documents: %v", err)
	}
}
