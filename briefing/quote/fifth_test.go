package quote

import (
	"strings"
	"testing"
)

// The failure classes left open after the fifth hand-labelled set of
// quotes shown in briefs (labels/attribution-fifth.jsonl) and the earlier
// sets, each in an article of our own words in the shape of the real
// ones: the speaker and role a brief would show, or "" when it must not
// show the quotation. Each failed before its fix, except three guards
// against rules reaching too far (an office owned by the one described,
// "the prime minister's office said", describes nobody named next; a
// one-word name after a description may be a firm's; "who is resigning"
// is no role), which held before and must hold after.
func TestFifthFailureClasses(t *testing.T) {
	tests := []attributionCase{
		{
			name:    "a post in apposition beats 'Professor' before the name",
			text:    "\"The sensors can tell a cat from a child,\" said Professor Helena Marsh, project leader at Dunmore.",
			prefix:  "The sensors can tell",
			speaker: "Helena Marsh",
			role:    "project leader at Dunmore",
		},
		{
			name:    "a post in apposition beats 'Professor' at a later quotation",
			text:    "\"Drivers should check the seals before winter,\" said Professor Alan Greaves, head of materials testing at Brockley College.\n\n\"A cracked seal costs far more to mend in spring,\" he added.",
			prefix:  "A cracked seal",
			speaker: "Alan Greaves",
			role:    "head of materials testing at Brockley College",
		},
		{
			name:    "a post in apposition beats 'Professor' before the surname at a later mention",
			text:    "\"The sensors can tell a cat from a child,\" said Professor Helena Marsh, project leader at Dunmore.\n\n\"Nobody wants a robot that barges in,\" Professor Marsh told the programme.",
			prefix:  "Nobody wants a robot",
			speaker: "Helena Marsh",
			role:    "project leader at Dunmore",
		},
		{
			name:    "a role given by the lead sentence's description with a role modifier",
			text:    "Scotland's first minister has told pupils that one drink at a party is no crime.\n\nJack Muir was answering questions at a school in Inverness. \"I am sure nobody here drinks under age,\" he said.",
			prefix:  "I am sure nobody",
			speaker: "Jack Muir",
			role:    "Scotland's first minister",
		},
		{
			name:    "an affiliation set off after the name and closing the sentence",
			text:    "Canvassers were upbeat. \"We knocked on every door and still lost the ward,\" said Peter Gould, of Eastfield Young Conservatives.",
			prefix:  "We knocked on every door",
			speaker: "Peter Gould",
			role:    "of Eastfield Young Conservatives",
		},
		{
			name:    "a body after 'from' that the appositive says is a body",
			text:    "\"The flood maps were ready within two days,\" said Ines Koller from Geomapa, the European mapping agency that leads the project.",
			prefix:  "The flood maps",
			speaker: "Ines Koller",
			role:    "Geomapa",
		},
		{
			name:    "a role given by the lead sentence's description of the person named next",
			text:    "Wales's health minister has told nurses that the closed wards will reopen by spring.\n\nMaria Dunlop was speaking at a conference in Swansea on Friday. \"We will keep every promise we made to the wards,\" she said.",
			prefix:  "We will keep every promise",
			speaker: "Maria Dunlop",
			role:    "Wales's health minister",
		},
		{
			name:    "a role given by a described speaker in the sentence before the named one",
			text:    "Coffee exports will rise by a tenth this year, the chairman of the state-run Coffee Board said on Tuesday.\n\nR. Okello said the board had cleared its debts. \"We have paid every grower on time.\"",
			prefix:  "We have paid every grower",
			speaker: "R. Okello",
			role:    "the chairman of the state-run Coffee Board",
		},
		{
			name:    "an office owned by the described person is no description of the one named next",
			text:    "The prime minister's office said the payroll fraud was uncovered by auditors.\n\nPaul Ndoro said charges would follow. \"The prime minister wants exemplary penalties for all involved,\" he told the programme.",
			prefix:  "The prime minister wants",
			speaker: "Paul Ndoro",
		},
		{
			name:    "a role given by the lead sentence's description of a person named with an honorific",
			text:    "The country's top judge has refused to sit on the new appointments panel.\n\nLord Hartwell said judges must stay apart from ministers. \"The bench must keep its distance from government,\" he said.",
			prefix:  "The bench must keep",
			speaker: "Hartwell",
			role:    "the country's top judge",
		},
		{
			name:   "a one-word name after a description is no person introduced by it",
			text:   "The exchange will open an inquiry into dealings in the builder's shares, a bourse spokesman said.\n\nBredmoor shares fell sharply on Tuesday. \"The price trend shows not all investors had the same news,\" the spokesman said.",
			prefix: "The price trend",
		},
		{
			name:    "a described speaker with the body's initials set off before the verb",
			text:    "Kenya was let down by the failed tea talks in Geneva, the head of the state-run Tea Board, KTB, said.\n\n\"This has done nothing for the growers,\" P. Wambui said on his return.",
			prefix:  "This has done nothing",
			speaker: "P. Wambui",
			role:    "the head of the state-run Tea Board, KTB",
		},
		{
			name:    "a two-word office in the described subject after the named one",
			text:    "Alan Pryor has apologised to the two families wrongly jailed in 1975.\n\nThe prime minister was speaking after meeting them in his office. \"Nobody should have to wait thirty years to be believed,\" Mr Pryor said.",
			prefix:  "Nobody should have to wait",
			speaker: "Alan Pryor",
			role:    "prime minister",
		},
		{
			name:    "a described subject after a one-word name that may be a firm's is no role of it",
			text:    "Harwick said on Monday it had not been told of any inquiry. The spokesman said the firm would help the regulators.\n\n\"As far as we know, nobody is looking into our books,\" Harwick said.",
			prefix:  "As far as we know",
			speaker: "Harwick",
		},
		{
			name:    "a title without an article in a relative clause after the name",
			text:    "Ed Lane, who is chairman of the public spending committee, said the figures were wrong.\n\n\"Nobody checked the sums before the money went out,\" he said.",
			prefix:  "Nobody checked the sums",
			speaker: "Ed Lane",
			role:    "chairman of the public spending committee",
		},
		{
			name:    "a title after 'who is also' and an owner's possessive, closing the sentence",
			text:    "The talks will resume on Monday, said Rosa Ibarra, who is also Chile's chief trade negotiator.\n\n\"We are close on every point but one,\" she said.",
			prefix:  "We are close on every point",
			speaker: "Rosa Ibarra",
			role:    "Chile's chief trade negotiator",
		},
		{
			name:    "a relative clause that says what the person is doing is no role",
			text:    "Paul Weston, who is resigning at the end of the month, said the board had been told.\n\n\"I leave with no regrets at all,\" he said.",
			prefix:  "I leave with no regrets",
			speaker: "Paul Weston",
		},
		{
			name:   "places joined by 'and' are no speaker",
			text:   "The group, made up of Spain, Portugal, Italy and Greece, has agreed to apply \"steady and friendly pressure on each other\" to cut their deficits.",
			prefix: "steady and friendly",
		},
		{
			name:    "a plural description after 'according to X,' is no role of X",
			text:    "Brazilian Finance Minister Dilmar Costa met the bankers in New York on Monday.\n\nAccording to Costa, the creditor banks \"agreed on the need for a quick settlement of the debt.\"",
			prefix:  "agreed on the need",
			speaker: "Dilmar Costa",
			role:    "Brazilian Finance Minister",
		},
		{
			name:    "a surname misspelt by two letters swapped is the person named before",
			text:    "\"Prices will not fall this year,\" said Lena Marovic, chief economist at Hanse Bank.\n\nThe bank expects a slow spring. Ms Marvoic says the levy could be dropped. \"It was meant to last but I doubt it will.\"",
			prefix:  "It was meant to last",
			speaker: "Lena Marovic",
			role:    "chief economist at Hanse Bank",
		},
		{
			name:    "two roles joined by 'and' in an appositive ended by the verb",
			text:    "Meat is leaner than the old tables say, the council said.\n\nAnna Rusk, a chemist and Director of Product Safety for the council said she was not surprised.\n\n\"The old tables were drawn up thirty years ago and nobody has checked them since.\"",
			prefix:  "The old tables",
			speaker: "Anna Rusk",
			role:    "a chemist and Director of Product Safety for the council",
		},
		{
			name:    "an appositive too long to show keeps its title",
			text:    "Tom Wilde, campaign manager of a group lobbying to keep the old railway line from Dunmore to the coast open, dismissed the plan. \"It is a diversion and nothing more,\" wrote Mr Wilde.",
			prefix:  "It is a diversion",
			speaker: "Tom Wilde",
			role:    "campaign manager",
		},
		{
			name:    "a firm's name with commas and 'Co.' inside the role",
			text:    "\"Demand for feed grain will slow by summer,\" said Ray Tolliver, director of grain research with Pruitt, Hale and Co., in Chicago.",
			prefix:  "Demand for feed grain",
			speaker: "Ray Tolliver",
			role:    "director of grain research with Pruitt, Hale and Co",
		},
		{
			name:    "a firm's name with commas and 'Co.' in the role at an earlier mention",
			text:    "Feed prices will rise, said Ray Tolliver, director of grain research with Pruitt, Hale and Co., in Chicago.\n\nTraders agreed. \"Maybe they have a plan,\" said Tolliver.",
			prefix:  "Maybe they have a plan",
			speaker: "Ray Tolliver",
			role:    "director of grain research with Pruitt, Hale and Co.",
		},
		{
			name:    "a publication's title in quotation marks completes the role",
			text:    "Weather analyst and forecaster Joan Merrill, author of the Hollis and Co newsletter \"Harvest Watch,\" said in her report that imports would rise.\n\n\"The outlook is far worse than last year,\" she said.",
			prefix:  "The outlook is far worse",
			speaker: "Joan Merrill",
			role:    "author of the Hollis and Co newsletter \"Harvest Watch,\"",
		},
		{
			name:    "a party member from a place the gazetteer does not know refers back to the one person named",
			text:    "The Senate passed the bill. The bill, sponsored by Senate Energy Committee chairman Harold Tisch, also ends the price rules.\n\n\"This will open up new markets for gas,\" the Nebarska Democrat said.",
			prefix:  "This will open up",
			speaker: "Harold Tisch",
			role:    "Senate Energy Committee chairman",
		},
		{
			name:    "a sentence adverb before the pronoun's comma is no name",
			text:    "\"We will sell the shows to advertisers,\" explains Adam Curran.\n\n\"I have fifty thousand listeners. I could make a little from that.\" Essentially, he says, a fishing show will draw firms that sell bait.",
			prefix:  "I have fifty thousand",
			speaker: "Adam Curran",
		},
		{
			name:    "a ticker in the wire's company mark is no name",
			text:    "Harbour Land Co Ltd <HBLD.HK> said it might invest overseas.\n\nAsked about its plans a spokesman said \"Not at the moment. It is a long-term idea.\"",
			prefix:  "Not at the moment",
			speaker: "a spokesman",
		},
		{
			name:    "a firm's name with commas before a possessive and a surname: the person",
			text:    "Rates will hold, Peter Hartmann, chief economist of Brandt, Kessler, Vogt GmbH said.\n\n\"The government is in a weak position before the summit,\" said Brandt, Kessler, Vogt's Hartmann.",
			prefix:  "The government is in a weak",
			speaker: "Peter Hartmann",
			role:    "chief economist of Brandt, Kessler, Vogt GmbH",
		},
		{
			name:    "the cue before a quotation that closes its sentence beats a new sentence's reported speech",
			text:    "Harlow Brokers said: \"It feels very early to be cutting the prices of spring clothes.\" Ann Price, head of Dalton Stores, said last year its prices were too high.",
			prefix:  "It feels very early",
			speaker: "Harlow Brokers",
		},
		{
			name:    "a body's kind before its name is no role",
			text:    "\"We remain cautious about the outlook for the brewer,\" investment bank Harlan Cobb said of the results.",
			prefix:  "We remain cautious",
			speaker: "Harlan Cobb",
		},
	}
	checkAttributions(t, tests)
}

// TestTopOfficeOfAnother guards the described-subject rules, since "the
// prime minister" is now read as one office (it held before): "the prime
// minister" after a sentence whose subject is someone else, in an article
// naming the leader the gazetteer knows, is not that someone's role.
func TestTopOfficeOfAnother(t *testing.T) {
	text := "Police will get new powers, Tom Dowling announced.\n\nMr Dowling was joined by Keir Starmer at a school in Leeds. Mr Dowling said he wanted officers back on the beat. The prime minister said citizens should be \"in charge of their own streets, not the few who cause trouble\"."
	for _, q := range find(t, text) {
		if strings.HasPrefix(q.Text, "in charge of") && q.Attributed() && (strings.Contains(q.Speaker, "Dowling") || strings.Contains(q.Role, "prime minister") && !strings.Contains(q.Speaker, "Starmer")) {
			t.Errorf("quotation %q shown as said by %q (%q); the prime minister here is not Mr Dowling", q.Text, q.Speaker, q.Role)
		}
	}
	for _, q := range find(t, text) {
		if q.Speaker == "Tom Dowling" && strings.Contains(q.Role, "prime minister") {
			t.Errorf("Tom Dowling given the role %q", q.Role)
		}
	}
}
