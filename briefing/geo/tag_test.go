package geo

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type tagCase struct {
	name string
	text string
	at   string // date; empty: 2024-06-01
	want string // space-separated sorted codes; empty: none
}

func runTagCases(t *testing.T, cases []tagCase) {
	t.Helper()
	g := mustNew(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := date("2024-06-01")
			if c.at != "" {
				at = date(c.at)
			}
			got := strings.Join(g.Tag(c.text, at), " ")
			if got != c.want {
				t.Errorf("Tag(%q) = %q, want %q; mentions %+v", c.text, got, c.want, g.Mentions(c.text, at))
			}
		})
	}
}

func TestTagGeorgia(t *testing.T) {
	runTagCases(t, []tagCase{
		{"country", "Georgia's president vetoed the bill.", "", "GE"},
		{"capital", "Protesters marched through Tbilisi.", "", "GE"},
		{"demonym", "Georgian officials denied the claim.", "", "GE"},
		{"city comma state", "She grew up in Atlanta, Georgia and moved north.", "", ""},
		{"another city", "The plant in Savannah, Georgia will open next year.", "", ""},
		{"voters", "Georgia voters head to the polls in November.", "", ""},
		{"possessive governor", "Georgia's governor signed the budget.", "", ""},
		{"state of", "The state of Georgia sued the company.", "", ""},
		{"university", "He studied at the University of Georgia.", "", ""},
		{"senate race", "The Georgia Senate race is close.", "", ""},
		{"document cue", "Officials in Fulton County said Georgia had counted every ballot.", "", ""},
		{"state doc keeps other countries", "The mayor of Atlanta said Georgia would welcome investment from Japan.", "", "JP"},
		{"country cue wins", "Georgia's ruling party, Georgian Dream, won the vote.", "", "GE"},
		{"neighbours", "Armenia, Georgia and Azerbaijan met in Brussels.", "", "AM AZ EU GE"},
		{"Athens, Georgia is not Greece", "The festival in Athens, Georgia drew crowds.", "", ""},
		{"lowercase adjective", "georgia is lower case here", "", ""},
		{"a person", "A painting by Georgia O'Keeffe was sold.", "", ""},
	})
}

func TestTagJordan(t *testing.T) {
	runTagCases(t, []tagCase{
		{"country", "Jordan closed its airspace on Saturday.", "", "JO"},
		{"possessive", "Jordan's king met the envoy.", "", "JO"},
		{"capital", "Talks were held in Amman.", "", "JO"},
		{"Michael Jordan", "Michael Jordan was the best player of his era.", "", ""},
		{"Jordan Peterson", "Jordan Peterson spoke at the event.", "", ""},
		{"mid-sentence name", "The committee led by Jim Jordan met on Friday.", "", ""},
		{"Jordan Bardella", "His rival Jordan Bardella leads the polls.", "", ""},
		{"Jordan Valley", "Settlers moved into the Jordan Valley.", "", ""},
		{"country after date", "On Tuesday Jordan said it would reopen the crossing.", "", "JO"},
		{"title case headline", "Jordan Hosts Regional Water Summit", "", "JO"},
		{"allowed follower", "Jordan Foreign Minister Ayman Safadi arrived.", "", "JO"},
		{"list", "Egypt, Jordan and Iraq signed the accord.", "", "EG IQ JO"},
	})
}

func TestTagTurkey(t *testing.T) {
	runTagCases(t, []tagCase{
		{"country", "Turkey hosted the talks.", "", "TR"},
		{"lowercase bird", "We ate turkey and stuffing.", "", ""},
		{"thanksgiving turkey", "The Thanksgiving turkey was pardoned.", "", ""},
		{"sentence-initial bird", "Turkey sales rose before Thanksgiving as families planned to roast a bird.", "", ""},
		{"bird text naming the country", "Turkey sales rose before Thanksgiving, while Ankara cut rates.", "", "TR"},
		{"Türkiye", "Türkiye and Greece signed a declaration.", "", "GR TR"},
		{"Turkish", "Turkish drones were sold abroad.", "", "TR"},
		{"Turkey Day", "Happy Turkey Day from all of us.", "", ""},
	})
}

func TestTagChad(t *testing.T) {
	runTagCases(t, []tagCase{
		{"country", "Chad expelled French troops.", "", "FR TD"},
		{"name", "Chad Smith was the drummer.", "", ""},
		{"possessive country", "Chad's army took over the base.", "", "TD"},
		{"title follower", "Chad President Mahamat Idriss Déby spoke.", "", "TD"},
		{"lake", "Lake Chad has shrunk.", "", ""},
		{"lowercase", "the hanging chad decided the count", "", ""},
		{"N'Djamena", "Protests broke out in N'Djamena.", "", "TD"},
	})
}

func TestTagNigerGuineaCongo(t *testing.T) {
	runTagCases(t, []tagCase{
		{"Niger not in Nigeria", "Nigeria closed its border.", "", "NG"},
		{"Niger", "Niger expelled the ambassador.", "", "NE"},
		{"Nigerien", "Nigerien troops were deployed.", "", "NE"},
		{"Niger River", "Boats on the Niger River carried goods.", "", ""},
		{"Guinea", "Guinea's junta set an election date.", "", "GN"},
		{"Guinea-Bissau", "Guinea-Bissau held elections.", "", "GW"},
		{"Guinea Bissau without hyphen", "Guinea Bissau held elections.", "", "GW"},
		{"Equatorial Guinea", "Equatorial Guinea exports oil.", "", "GQ"},
		{"Papua New Guinea", "Papua New Guinea hosted the forum.", "", "PG"},
		{"New Guinea island", "The island of New Guinea is the second largest.", "", ""},
		{"guinea pig", "Guinea pigs were used in the study.", "", ""},
		{"all four", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea.", "", "GN GQ GW PG"},
		{"DRC", "The DRC signed a minerals deal.", "", "CD"},
		{"Kinshasa", "Kinshasa rejected the claim.", "", "CD"},
		{"plain Congo", "Fighting in eastern Congo displaced thousands.", "", "CD"},
		{"Congo-Brazzaville", "Congo-Brazzaville held talks.", "", "CG"},
		{"Republic of the Congo", "The Republic of the Congo exports oil.", "", "CG"},
		{"Democratic Republic of the Congo", "The Democratic Republic of the Congo exports cobalt.", "", "CD"},
		{"plain Congo in a Brazzaville text", "In Brazzaville, officials said Congo would raise output.", "", "CG"},
		{"both", "Kinshasa and Brazzaville traded barbs; Congo's army was on alert.", "", "CD CG"},
	})
}

func TestTagDominicaKoreas(t *testing.T) {
	runTagCases(t, []tagCase{
		{"Dominica", "Dominica was hit by the hurricane.", "", "DM"},
		{"Dominican Republic", "The Dominican Republic closed its border.", "", "DO"},
		{"Dominican", "Dominican officials met in Santo Domingo.", "", "DO"},
		{"North Korea", "North Korea fired a missile.", "", "KP"},
		{"South Korea", "South Korea protested.", "", "KR"},
		{"Pyongyang", "Pyongyang denied it.", "", "KP"},
		{"Seoul", "Seoul denied it.", "", "KR"},
		{"plain Korea is South Korea", "Korea and Japan agreed to share intelligence.", "", "JP KR"},
		{"North Korean", "North Korean hackers stole crypto.", "", "KP"},
		{"Korean", "Korean shipbuilders won orders.", "", "KR"},
		{"DPRK", "The DPRK said so.", "", "KP"},
		{"ROK", "The ROK navy took part.", "", "KR"},
		{"Korean Peninsula", "Peace on the Korean Peninsula remains distant.", "", ""},
	})
}

func TestTagUSAndPlaces(t *testing.T) {
	runTagCases(t, []tagCase{
		{"pronoun", "Join us for the briefing.", "", ""},
		{"US", "The US said it would respond.", "", "US"},
		{"U.S.", "The U.S. said it would respond.", "", "US"},
		{"U.S.-led", "The U.S.-led coalition struck again.", "", "US"},
		{"headline pronoun", "TELL US WHAT YOU THINK", "", ""},
		{"headline country", "JAPAN AND US SIGN TRADE DEAL", "", "JP US"},
		{"all of us", "ALL OF US MUST ACT", "", ""},
		{"New Mexico", "New Mexico passed the law.", "", ""},
		{"Mexico City", "Talks resumed in Mexico City.", "", "MX"},
		{"Indian Ocean", "The Indian Ocean island nation held elections.", "", ""},
		{"Indian", "Indian officials said so.", "", "IN"},
		{"South China Sea", "Patrols in the South China Sea increased.", "", ""},
		{"China and the sea", "China built islands in the South China Sea.", "", "CN"},
		{"Washington state", "Washington state sued the administration.", "", ""},
		{"Washington State capitalised", "Washington State officials agreed.", "", ""},
		{"Washington state's governor", "Washington state's governor objected.", "", ""},
		{"Washington", "Washington and Tokyo signed the pact.", "", "JP US"},
		{"Washington Post", "The Washington Post reported the story.", "", ""},
		{"George Washington", "A statue of George Washington was unveiled.", "", ""},
		{"Paris Agreement", "The Paris Agreement turns ten.", "", ""},
		{"Paris climate accord", "The Paris climate accord was signed in 2015.", "", ""},
		{"Paris", "Paris and Berlin disagree on tariffs.", "", "DE FR"},
		{"Paris, Texas", "Paris, Texas is a small town.", "", ""},
		{"Sea of Japan", "The missile fell into the Sea of Japan.", "", ""},
		{"Latin America", "Latin America is the focus.", "", ""},
		{"Security Council of a country", "Russia's Security Council met on Friday.", "", "RU"},
		{"Security Council", "The Security Council met on Friday.", "", "UN"},
		{"National Security Council", "The National Security Council met.", "", ""},
		{"WHO", "The WHO declared an emergency.", "", "WHO"},
		{"WHO in headline", "WHO WILL LEAD THE PARTY", "", ""},
		{"Brussels", "Brussels proposed new tariffs.", "", "EU"},
		{"Kremlin", "The Kremlin denied it.", "", "RU"},
		{"Foggy Bottom", "Foggy Bottom was silent.", "", "US"},
		{"Downing Street", "Downing Street briefed reporters.", "", "GB"},
		{"lowercase country in text", "japan is lower case here", "", ""},
		{"all-caps country", "JAPAN", "", "JP"},
		{"Gaza", "Aid entered Gaza.", "", "PS"},
		{"East Jerusalem", "Clashes in East Jerusalem.", "", "PS"},
		{"Jerusalem", "Jerusalem said it would respond.", "", "IL"},
	})
}

func TestTagVariants(t *testing.T) {
	runTagCases(t, []tagCase{
		{"UK", "The UK and the U.K. and Britain and Great Britain.", "", "GB"},
		{"US variants", "The US, the U.S., the USA and America.", "", "US"},
		{"UAE", "The UAE and Emirati investors.", "", "AE"},
		{"Kyiv and Kiev", "Kiev, now Kyiv.", "", "UA"},
		{"Burma", "Burma, now Myanmar.", "", "MM"},
		{"Ivory Coast", "Ivory Coast and Côte d'Ivoire and Cote d’Ivoire.", "", "CI"},
		{"Czechia", "Czechia and Czech officials.", "", "CZ"},
		{"plural demonym", "Emiratis and Israelis and Palestinians met.", "", "AE IL PS"},
		{"North Macedonia", "North Macedonia joined.", "", "MK"},
		{"Northern Ireland is UK", "Northern Ireland and Ireland.", "", "GB IE"},
		{"People's Republic", "The People's Republic of China objected.", "", "CN"},
		{"Republic of China", "The Republic of China on Taiwan.", "", "TW"},
		{"bodies", "NATO, the EU, the UN, the G7, the G20, ASEAN, the AU, BRICS, the Quad, AUKUS, the SCO, OPEC, the IAEA, the WTO and the IMF.", "",
			"AFU ASEAN AUKUS BRICS EU G20 G7 IAEA IMF NATO OPEC QUAD SCO UN WTO"},
		{"long body names", "The North Atlantic Treaty Organization and the Group of Seven and the International Monetary Fund.", "", "G7 IMF NATO"},
		{"G-7", "The G-7 and G-20 met.", "", "G20 G7"},
		{"diacritics folded", "Erdogan and Erdoğan met Sanchez and Sánchez.", "", "TR"},
		{"empty", "", "", ""},
		{"no letters", "1234 -- !!", "", ""},
	})
}

func TestTagLeaders(t *testing.T) {
	runTagCases(t, []tagCase{
		{"Kishida as prime minister", "Kishida met Biden.", "2023-05-01", "JP US"},
		{"Kishida as foreign minister", "Kishida met Kerry.", "2016-04-11", "JP US"},
		{"former leader surname still tags", "Kishida spoke at a think tank.", "2025-06-01", "JP"},
		{"surname before first term", "Meloni criticised the government.", "2018-01-01", ""},
		{"full name before first term", "Giorgia Meloni criticised the government.", "2018-01-01", "IT"},
		{"Meloni in office", "Meloni criticised the plan.", "2024-01-01", "IT"},
		{"Rutte as Dutch prime minister", "Rutte resigned.", "2023-07-08", "NL"},
		{"Rutte at NATO", "Rutte urged allies to spend more.", "2025-06-01", "NATO"},
		{"Rutte between offices", "Rutte packed his office.", "2024-08-01", "NL"},
		{"Costa in Portugal", "Costa presented the budget.", "2021-10-01", "PT"},
		{"Costa in Brussels", "Costa chaired the summit.", "2025-03-01", "EU"},
		{"Tusk at the EU", "Tusk chaired the summit.", "2017-03-01", "EU"},
		{"Tusk in Warsaw", "Tusk chaired the cabinet.", "2024-03-01", "PL"},
		{"Cameron as PM", "Cameron called the referendum.", "2016-02-01", "GB"},
		{"Sharif brothers", "Sharif addressed parliament.", "2024-06-01", "PK"},
		{"common surname not used", "Johnson said the bill would pass.", "2020-01-01", ""},
		{"Boris Johnson full", "Boris Johnson said the bill would pass.", "2020-01-01", "GB"},
		{"Kim alone", "Kim said the talks were useful.", "", ""},
		{"Kim Jong Un", "Kim Jong Un inspected the launch.", "", "KP"},
		{"Kim Jong-un", "Kim Jong-un inspected the launch.", "", "KP"},
		{"Montenegro surname is not the country", "Luís Montenegro won the vote.", "", "PT"},
		{"von der Leyen", "Von der Leyen and von der Leyen.", "", "EU"},
		{"Lula", "Lula hosted the summit.", "2024-11-18", "BR"},
		{"zero date uses the latest term", "Rutte spoke.", "0001-01-01", "NATO"},
		{"Abbas Araghchi is not Mahmoud Abbas", "Abbas Araghchi met his counterparts.", "", "IR"},
		{"Abbas", "Abbas met the envoy in Ramallah.", "", "PS"},
	})
}

func TestMentionsDetail(t *testing.T) {
	g := mustNew(t)
	text := "Japanese Prime Minister Fumio Kishida met Italy's Meloni in Tokyo; the U.S. watched."
	got := g.Mentions(text, date("2023-05-01"))
	want := []Mention{
		{"JP", 0, 8, "Japanese", ViaDemonym, SenseSubject},
		{"JP", 24, 37, "Fumio Kishida", ViaLeader, SenseSubject},
		{"IT", 42, 47, "Italy", ViaName, SenseSubject},
		{"IT", 50, 56, "Meloni", ViaLeader, SenseSubject},
		{"JP", 60, 65, "Tokyo", ViaCapital, SenseVenue},
		{"US", 71, 75, "U.S.", ViaName, SenseSubject},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Mentions = %+v\nwant %+v", got, want)
	}
	for _, m := range got {
		if text[m.Start:m.End] != m.Surface {
			t.Errorf("%+v: text[Start:End] = %q", m, text[m.Start:m.End])
		}
	}
	body := g.Mentions("NATO and Brussels and Guterres", time.Time{})
	var vias []string
	for _, m := range body {
		vias = append(vias, m.Code+":"+m.Via)
	}
	if got, want := strings.Join(vias, " "), "NATO:body EU:capital UN:leader"; got != want {
		t.Errorf("vias = %q, want %q", got, want)
	}
}

func TestTagConcurrent(t *testing.T) {
	g := mustNew(t)
	set := readLabelled(t)
	want := make([]string, len(set))
	for i, s := range set {
		want[i] = strings.Join(g.Tag(s.text, s.at), " ")
	}
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func() {
			ok := true
			for i, s := range set {
				if strings.Join(g.Tag(s.text, s.at), " ") != want[i] {
					ok = false
				}
			}
			done <- ok
		}()
	}
	for w := 0; w < 4; w++ {
		if !<-done {
			t.Error("a concurrent run tagged differently from a sequential one")
		}
	}
}
