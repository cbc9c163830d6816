package geo

import (
	"strings"
	"testing"
	"time"
)

// senseOf returns "CODE:sense" for every mention of text, in order.
func senseOf(t *testing.T, g *Gazetteer, text string) string {
	t.Helper()
	var out []string
	for _, m := range g.Mentions(text, time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)) {
		out = append(out, m.Code+":"+m.Sense.String())
	}
	return strings.Join(out, " ")
}

func TestSenses(t *testing.T) {
	g := mustNew(t)
	tests := []struct {
		name, text, want string
	}{
		{"subject", "Italy and Japan signed a defence pact on Monday.", "IT:subject JP:subject"},
		{"company with a legal form", "Shares of Northfield Canada Inc rose after the Japanese bid.", "CA:org JP:subject"},
		{"company named for its country", "British Aerospace said orders for its jets had doubled.", "GB:org"},
		{"airline after a word", "The strike grounded Air France flights for a day.", "FR:org"},
		{"bank of a state is the state", "The Bank of Japan held its rates, the Japanese central bank said.", "JP:subject JP:subject"},
		{"state body is the state", "The U.S. Energy Department sent experts to Kuwait.", "US:subject KW:subject"},
		{"stock symbol", "Harlow Chemicals <UK> agreed to sell its plant in Spain.", "GB:org ES:subject"},
		{"currency", "The issue raised 300 mln French francs and 50 mln Canadian dlrs.", "FR:currency CA:currency"},
		{"currency in capitals", "BELGIUM PLACING 100 MLN SWISS FRANC NOTES", "BE:subject CH:currency"},
		{"meeting place", "Finance ministers met in Paris to discuss the yen.", "FR:venue"},
		{"accord named for a city", "Brazil said the Tokyo accord had failed its exporters.", "BR:subject JP:venue"},
		{"market named for a city", "London traders said Egypt bought 40,000 tonnes of sugar.", "GB:venue EG:subject"},
		{"based", "A London-based fund sold its stake in a Chilean mine.", "GB:venue CL:subject"},
		{"capital as the state", "Moscow rejected the proposal, and Tokyo said it would wait.", "RU:subject JP:subject"},
		{"list of three", "Ministers of Britain, France and Germany met on Friday.", "GB:list FR:list DE:list"},
		{"two are a pair, not a list", "Britain and France agreed on a tunnel toll.", "GB:subject FR:subject"},
		{"table of figures", "Exports went to Spain 1.2 mln tonnes, Italy 0.8 mln, Greece 0.3 mln.", "ES:list IT:list GR:list"},
		{"demonym list", "Dutch, Belgian and Danish growers cut their sowings.", "NL:list BE:list DK:list"},
		{"firm of a country", "Honeywell Bull is owned by <NEC Corp> of Japan and Alcan Aluminium Ltd of Canada.", "JP:origin CA:origin"},
		{"firm of the country", "Union Carbide <UK> of the United States will build the plant in Trinidad.", "GB:org US:origin TT:subject"},
		{"bank of a state is still the state", "The Bank of Japan and the Bank of France intervened.", "JP:subject FR:subject"},
		{"described firm", "Dutch bank F. Van Lanschot and the Japanese construction group Kumagai Gumi were named.", "NL:origin JP:origin"},
		{"firms of a country are its industry", "China sought steel plants from Japanese firms, Chinese officials said.", "CN:subject JP:subject CN:subject"},
		{"informant", "Iran fired a missile, a British naval source said, and Japanese traders told Reuters.", "IR:subject GB:origin JP:origin"},
		{"the state's informant is the state", "U.S. government sources said Japanese officials would attend.", "US:subject JP:subject"},
		{"list broken by a clause", "Portugal said it would join, while Spain, which opposed the plan, stayed out of talks with Greece.", "PT:subject ES:subject GR:subject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := senseOf(t, g, tt.text); got != tt.want {
				t.Errorf("senses of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestArticleMentionsHeadlineFirm(t *testing.T) {
	g := mustNew(t)
	title := "NORTHFIELD CANADA RAISES STAKE IN MEXICAN MINE"
	body := "Northfield Canada Corp said it raised its stake in a Mexican silver mine to 40 pct."
	head, text := g.ArticleMentions(title, body, time.Time{})
	var got []string
	for _, m := range head {
		got = append(got, m.Code+":"+m.Sense.String())
	}
	if want := "CA:org MX:subject"; strings.Join(got, " ") != want {
		t.Errorf("headline senses = %q, want %q", strings.Join(got, " "), want)
	}
	if len(text) != 2 || text[0].Sense != SenseOrg || text[1].Sense != SenseSubject {
		t.Errorf("body mentions = %+v", text)
	}
}

func TestHistoricalStates(t *testing.T) {
	g := mustNew(t)
	at := time.Date(1987, 4, 1, 0, 0, 0, 0, time.UTC)
	tags := []struct{ text, want string }{
		{"The Soviet Union bought more grain.", "RU SU"},
		{"USSR wheat purchases slowed.", "RU SU"},
		{"West German exporters met Bonn officials.", "DE"},
		{"West Germany and East Germany signed a rail accord.", "DD DE"},
		{"An East German delegation visited Yugoslavia and Czechoslovakia.", "CS DD DE YU"},
	}
	for _, tt := range tags {
		if got := strings.Join(g.Tag(tt.text, at), " "); got != tt.want {
			t.Errorf("Tag(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	ms := g.Mentions("The Soviet Union sold gold.", at)
	if len(ms) != 1 || ms[0].Code != "SU" || ms[0].Surface != "Soviet Union" {
		t.Fatalf("Mentions keep the historical name: %+v", ms)
	}
	if ent, ok := g.Entity("SU"); !ok || ent.Name != "Soviet Union" || ent.Successor != "RU" {
		t.Errorf("Entity(SU) = %+v", ent)
	}
	for _, w := range []string{"ussr", "soviet union", "USSR"} {
		if p := g.ParseWords([]string{w}, time.Time{}); len(p.Codes) != 1 || p.Codes[0] != "SU" {
			t.Errorf("ParseWords(%q) = %v, want [SU]", w, p.Codes)
		}
	}
	if p := g.ParseWords([]string{"west", "germany"}, time.Time{}); len(p.Codes) != 1 || p.Codes[0] != "DE" {
		t.Errorf("ParseWords(west germany) = %v, want [DE]", p.Codes)
	}
	same := []struct {
		a, b string
		want bool
	}{
		{"SU", "RU", true}, {"RU", "SU", true}, {"DD", "DE", true}, {"RU", "RU", true},
		{"SU", "UA", false}, {"YU", "RS", false}, {"CS", "CZ", false}, {"JP", "IT", false},
	}
	for _, tt := range same {
		if got := g.Same(tt.a, tt.b); got != tt.want {
			t.Errorf("Same(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuccessorMustExist(t *testing.T) {
	_, err := New([]byte(`{"entities":[{"code":"XQ","name":"Old Land","successor":"ZZ"}]}`))
	if err == nil || !strings.Contains(err.Error(), "successor") {
		t.Errorf("New with an unknown successor: err = %v, want one naming the successor", err)
	}
}

func TestKoreaAlone(t *testing.T) {
	g := mustNew(t)
	tests := []struct{ text, want string }{
		{"Korean exporters gained from the weak won.", "KR"},
		{"North Korea said it welcomed contacts between Korean and American diplomats.", "KP US"},
		{"Seoul said Korean and North Korean officials would meet.", "KP KR"},
	}
	for _, tt := range tests {
		if got := strings.Join(g.Tag(tt.text, time.Time{}), " "); got != tt.want {
			t.Errorf("Tag(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNameInSentence(t *testing.T) {
	g := mustNew(t)
	for code, want := range map[string]string{"GB": "the United Kingdom", "us": "the United States", "SU": "the Soviet Union", "JP": "Japan", "ZZ": "ZZ"} {
		if got := g.NameInSentence(code); got != want {
			t.Errorf("NameInSentence(%s) = %q, want %q", code, got, want)
		}
	}
}
