package quote

import (
	"strings"
	"testing"
)

// The failure classes found on the second, unseen set of hand-labelled
// quotes shown in briefs (labels/attribution-fresh.jsonl), each in an
// article of our own in the shape of the real ones: the speaker and role
// a brief would show, or "" when it must not show the quotation.
func TestUnseenFailureClasses(t *testing.T) {
	tests := []attributionCase{
		{
			name:    "a title with 'of the' before the name, and the name after a word of that title",
			text:    "Chancellor of the Exchequer Nigel Lorrimer said the two countries must work to avert a trade war.\n\nAsked whether a war could be averted, Lorrimer replied, \"I very much hope so, and so do our partners.\"",
			prefix:  "I very much hope so",
			speaker: "Nigel Lorrimer",
			role:    "Chancellor of the Exchequer",
		},
		{
			name:    "a weekday opening the sentence is no part of the speaker",
			text:    "On Wednesday Irish Transport Minister Martin Callan said in a statement: \"A conflict of interest cannot and will not be allowed to arise.\"",
			prefix:  "A conflict of interest",
			speaker: "Martin Callan",
			role:    "Irish Transport Minister",
		},
		{
			name:    "what the speaker spoke of is no part of the name",
			text:    "\"It's the Brazil business that's doing it,\" said ING analyst Gerrit Rijn of Brauco's strong performance. Its share of the market rose.",
			prefix:  "It's the Brazil business",
			speaker: "Gerrit Rijn",
			role:    "ING analyst",
		},
		{
			name:    "a firm's name holding 'First' is one name before the title",
			text:    "\"The litigation risks are real,\" said Credit Suisse First Boston analyst Vadim Morozov. The dispute goes on.",
			prefix:  "The litigation risks",
			speaker: "Vadim Morozov",
			role:    "Credit Suisse First Boston analyst",
		},
		{
			name:    "an affiliation after the name completes the title",
			text:    "\"We expect the deficit to widen again next year even if the dollar falls,\" said economist Marie Rivet at IXIS.",
			prefix:  "We expect the deficit",
			speaker: "Marie Rivet",
			role:    "economist at IXIS",
		},
		{
			name:    "an affiliation after the name is the role when there is no title",
			text:    "\"The surpluses that Taiwan and Korea ran with the U.S. last year will get bigger,\" said Steve Carrow of Manufacturers Hanover Trust Co.",
			prefix:  "The surpluses",
			speaker: "Steve Carrow",
			role:    "Manufacturers Hanover Trust Co",
		},
		{
			name:    "a noun that doubles as a speech verb is no cue inside an appositive",
			text:    "\"People who are not farming will hijack the subsidy,\" said Joshua Okafor, a cocoa farmer from Edo state told Reuters.",
			prefix:  "People who are not farming",
			speaker: "Joshua Okafor",
			role:    "a cocoa farmer from Edo state",
		},
		{
			name:    "the capitalised US inside a title is no pronoun",
			text:    "\"I think the Federal Reserve does not want to rock the boat,\" said Sung Ho Park, chief US economist for Wells Fargo Bank.",
			prefix:  "I think the Federal Reserve",
			speaker: "Sung Ho Park",
			role:    "chief US economist for Wells Fargo Bank",
		},
		{
			name:    "an appositive role over an academic title before the name",
			text:    "\"With a firmer hand on pensions, Congress could avoid turning to the taxpayer,\" said Professor Dennis Lowe, dean of the College of Business at the University of Oklahoma.",
			prefix:  "With a firmer hand",
			speaker: "Dennis Lowe",
			role:    "dean of the College of Business at the University of Oklahoma",
		},
		{
			name:    "a name particle 'den', and 'one of' as a role",
			text:    "\"He did it all by hand, which was an enormous effort,\" said Jurgen den Hoven, one of the TNO researchers behind the project.",
			prefix:  "He did it all by hand",
			speaker: "Jurgen den Hoven",
			role:    "one of the TNO researchers behind the project",
		},
		{
			name:    "a firm's name with a comma in the title",
			text:    "Such action \"would put a lot of pressure on the Canadian banks to do the same,\" Levesque, Beaubien Inc Toronto-based bank analyst Donna Pulford told Reuters.",
			prefix:  "would put a lot",
			speaker: "Donna Pulford",
			role:    "Levesque, Beaubien Inc Toronto-based bank analyst",
		},
		{
			name:    "a formal title opening the sentence, set off by a comma",
			text:    "Secretary of State for the Economy, Guillermo De la Vega, told Reuters a new tariff would help.\n\n\"The utility companies have a captive market,\" De la Vega said.",
			prefix:  "The utility companies",
			speaker: "Guillermo De la Vega",
			role:    "Secretary of State for the Economy",
		},
		{
			name:    "a role in apposition closed by the body's initials",
			text:    "Mario Branco Pires, president of the Brazilian Association of Citrus Juice Industries (Abrassuco), welcomed the ruling.\n\nSpeaking by telephone from Sao Paulo, Pires said, \"With its decision, the government recognised the honesty of our exporters.\"",
			prefix:  "With its decision",
			speaker: "Mario Branco Pires",
			role:    "president of the Brazilian Association of Citrus Juice Industries (Abrassuco)",
		},
		{
			name:    "'first' in a title",
			text:    "Soviet first deputy prime minister Vsevolod Markov said his country wanted more joint business with France.\n\nAsked about the deficit, Markov told Reuters: \"It all depends on France.\"",
			prefix:  "It all depends",
			speaker: "Vsevolod Markov",
			role:    "Soviet first deputy prime minister",
		},
		{
			name:    "an appositive of several segments up to the cue",
			text:    "Christopher Brough, regional manager, rescheduling unit, at Lloyds Bank Plc, said the banks sent a telex.\n\nBrough said, \"We have always played along for Mexico and will do so as long as others share equally.\"",
			prefix:  "We have always played",
			speaker: "Christopher Brough",
			role:    "regional manager, rescheduling unit, at Lloyds Bank Plc",
		},
		{
			name:    "a role with its complement before the name",
			text:    "The department is holding talks on new cover, the head of ECGD's international debt division, Gerry Bleach, said.\n\nBleach said the criteria were \"beginning to be satisfied, one by one, as we had hoped.\"",
			prefix:  "beginning to be satisfied",
			speaker: "Gerry Bleach",
			role:    "head of ECGD's international debt division",
		},
		{
			name:    "an appositive ends where what is said about the person starts",
			text:    "\"There is one country which evidently still does not,\" said Jon Rosenberg, an assistant U.S. trade representative just back from trade talks in Colombia.",
			prefix:  "There is one country",
			speaker: "Jon Rosenberg",
			role:    "an assistant U.S. trade representative",
		},
		{
			name:    "a description of the firm is no part of the person's role",
			text:    "Sergey Frolin, chief economist at Amtorg Trading Corp, an agent for Soviet trade organisations, told the meeting few items sell.\n\n\"The embargoes have taught us to limit our trading,\" he said.",
			prefix:  "The embargoes",
			speaker: "Sergey Frolin",
			role:    "chief economist at Amtorg Trading Corp",
		},
		{
			name:    "an appositive ended by the verb",
			text:    "Jarek Kuda, one of the project's founding members has been into electronic music for years.\n\n\"We have lots of people making music on old machines,\" he said.",
			prefix:  "We have lots of people",
			speaker: "Jarek Kuda",
			role:    "one of the project's founding members",
		},
		{
			name:    "a place's region after a comma in a role",
			text:    "\"You can't really go on the radio and listen to hip-hop in Spanish,\" says Manuel Milan, a native of San Diego, California.",
			prefix:  "You can't really",
			speaker: "Manuel Milan",
			role:    "a native of San Diego, California",
		},
		{
			name:    "'and' before the name is no part of a title",
			text:    "His name is Tote King and Manuel Milan says that he is the leader of the scene.\n\n\"It's basically him bragging that he's one of the best,\" Milan says.",
			prefix:  "It's basically",
			speaker: "Manuel Milan",
			role:    "",
		},
		{
			name:    "the role at the nearest mention, not the first",
			text:    "Howard met Tokyo stock exchange (TSE) head Michio Takeda on Monday.\n\nIn a separate press conference, TSE President Michio Takeda said the exchange had done its utmost.\n\n\"Next May is the earliest possible date for opening our membership,\" Takeda said.",
			prefix:  "Next May",
			speaker: "Michio Takeda",
			role:    "TSE President",
		},
		{
			name:    "a definite description opening the next sentence is the subject's role",
			text:    "Michael Harwood has launched an attack on the cost of the asylum system under Tony Blane.\n\nThe Tory leader said councils had spent more than three billion pounds on asylum.\n\nMr Harwood said the country should take its fair share. \"And let us be clear. Our asylum system is being abused,\" he said.",
			prefix:  "And let us be clear",
			speaker: "Michael Harwood",
			role:    "Tory leader",
		},
		{
			name:    "the body a bare word points back to",
			text:    "The U.S. sold more tin than agreed, the States of Malaya Chamber of Mines said in its annual report.\n\n\"The U.S. appears to have lost sight of the memorandum,\" the Chamber said.",
			prefix:  "The U.S. appears",
			speaker: "Malaya Chamber of Mines",
			role:    "",
		},
		{
			name:    "a ministry keeps what it deals with",
			text:    "\"Japan, deeply concerned over the threat to ships in the Gulf, understands the circumstances,\" the Foreign Ministry said in a statement.",
			prefix:  "Japan, deeply concerned",
			speaker: "Foreign Ministry",
			role:    "",
		},
		{
			name:    "a straight mark typed for an apostrophe opens no quotation",
			text:    "An Ankara Radio report monitored in London said the minister had called for talks.\n\nThe radio said Halef had briefed the leaders of the country\"s political parties on the latest developments. Turkey said the consortium\"s plans would have broken the accord.",
			prefix:  "s political parties",
			speaker: "",
		},
		{
			name:    "a firm's suffix alone is no person",
			text:    "One banker at Nikko Securities Co (Deutschland) GmbH said the cost of mark issues may be too high.\n\n\"For the moment, for Japanese borrowers, marks are expensive,\" he said.",
			prefix:  "For the moment",
			speaker: "",
		},
		{
			name:    "a clause with a modal verb is no speaker",
			text:    "\"We are stating a principle that a Muslim country should not be barred from Europe. \"On the contrary, if it fulfils the same principles of human rights, then Muslim and Christian can work together.\" Under the agreement, Turkey must issue a written statement promising to sign an accord.",
			prefix:  "On the contrary",
			speaker: "",
		},
	}
	checkAttributions(t, tests)
}

// attributionCase is a quotation in a text of our own and who a brief
// should show as saying it: speaker "" when the brief should leave it out
// (or the finder not find it at all).
type attributionCase struct {
	name, text, prefix string
	speaker, role      string
}

// checkAttributions finds the quotations of each case's text and checks
// the one starting with its prefix.
func checkAttributions(t *testing.T, tests []attributionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q *Quote
			got := find(t, tt.text)
			for i := range got {
				if strings.HasPrefix(got[i].Text, tt.prefix) {
					q = &got[i]
				}
			}
			if q == nil {
				if tt.speaker != "" {
					t.Fatalf("no quotation starting %q in %+v", tt.prefix, got)
				}
				return
			}
			if tt.speaker == "" {
				if q.Attributed() {
					t.Errorf("quotation %q shown as said by %q (%s); want it left out of briefs", tt.prefix, q.Speaker, q.Evidence)
				}
				return
			}
			if !q.Attributed() || q.Speaker != tt.speaker || q.Role != tt.role {
				t.Errorf("quotation %q: speaker %q, role %q, shown %v (%s); want %q, %q, shown", tt.prefix, q.Speaker, q.Role, q.Attributed(), q.Evidence, tt.speaker, tt.role)
			}
		})
	}
}
