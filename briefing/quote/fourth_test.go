package quote

import (
	"strings"
	"testing"
)

// The failure classes found on the fourth hand-labelled set of quotes
// shown in briefs (labels/attribution-fourth.jsonl), each in an article of
// our own in the shape of the real ones: the speaker and role a brief
// would show, or "" when it must not show the quotation. Each failed
// before its fix, except twelve guards against these rules reaching too far
// ("Speaking in Harrogate Mr …", "Consumer demand …", "the Scottish
// Executive", "a Union statement", a firm named only at sentence starts,
// "the <body> spokesman" after the body's chief, "X was quoted by <outlet>
// as saying", "known as a \"…\"", "what he termed \"…\"", "Mr X, of
// <place>,", "Acting CFTC Chairman X said CFTC continued", "said a
// spokesman, Reuters reported"), which held before and must hold after.
func TestFourthFailureClasses(t *testing.T) {
	tests := []struct {
		name, text, prefix string
		speaker, role      string
	}{
		{
			name:    "a title opening with 'First' is the role, not part of the name",
			text:    "Critics had long called for her removal. First Minister Alun Pryce told reporters he had agreed the move with her last year. \"She has done the job for six years and done it well.\"",
			prefix:  "She has done the job",
			speaker: "Alun Pryce",
			role:    "First Minister",
		},
		{
			name:    "a title opening with 'First' after the name's cue",
			text:    "\"The budget will be balanced by next spring,\" said First Secretary Maria Oakes.",
			prefix:  "The budget will be balanced",
			speaker: "Maria Oakes",
			role:    "First Secretary",
		},
		{
			name:    "a capitalised word opening a sentence with 'will begin' is nobody",
			text:    "The two firms will reopen the old copper pit, said Tom Varga, a spokesman for <Kestrel Mining Co>, the junior partner.\n\nWork will begin in May and the firm hopes to double output within five years to repay its bank loans, Varga added.\n\n\"We expect the pit to be worth a great deal more than we paid,\" he said.",
			prefix:  "We expect the pit",
			speaker: "Tom Varga",
			role:    "a spokesman for Kestrel Mining Co",
		},
		{
			name:    "the role at an earlier mention, closed by the wire's company mark",
			text:    "The two firms will reopen the old copper pit, said Tom Varga, a spokesman for <Kestrel Mining Co>, the junior partner.\n\nVarga said new machines would raise yields. \"Until now the digging was done by hand.\"",
			prefix:  "Until now the digging",
			speaker: "Tom Varga",
			role:    "a spokesman for Kestrel Mining Co",
		},
		{
			name:   "a word after an office's possessive is a thing of that office, not a person",
			text:   "Voters only hear snatches of policy from events like Prime Minister's Debates and the evening bulletins. This was why he wanted to \"get away from the ten-second clip on the news,\" he added.",
			prefix: "get away from",
		},
		{
			name:    "a description with a place and a capitalised head refers back to the one person named",
			text:    "Sen. Harold Tisch, the bill's sponsor, said railway advertisements now mislead travellers.\n\n\"Passengers are lured by cheap fares that simply do not exist,\" the Ohio Democrat said in a statement.",
			prefix:  "Passengers are lured",
			speaker: "Harold Tisch",
			role:    "Sen.",
		},
		{
			name:    "a title whose object stands before the name, then the title alone refers back",
			text:    "Washington will fight for its farmers at the talks, U.S. Ambassador to OECD Peter Lanning said.\n\nThe U.S. will study the plan when it is tabled.\n\n\"We will weigh it against the declaration on market access,\" the U.S. Ambassador said.",
			prefix:  "We will weigh it",
			speaker: "Peter Lanning",
			role:    "U.S. Ambassador to OECD",
		},
		{
			name:    "two portfolios joined by 'and' are one title",
			text:    "The government will set up a public company to invest in mining, Lands and Energy Minister Paul Kerava said.\n\n\"We want ordinary people to own a share of the mines,\" he told parliament.",
			prefix:  "We want ordinary people",
			speaker: "Paul Kerava",
			role:    "Lands and Energy Minister",
		},
		{
			name:    "a person's statement speaks for the person",
			text:    "Mr Dorsi, 71, issued a statement through his lawyer after a day of questioning.\n\n\"I apologise to every saver who lost money because of my plans,\" Mr Dorsi's statement said.",
			prefix:  "I apologise to every saver",
			speaker: "Dorsi",
		},
		{
			name:    "a news agency passing on a ministry's statement is not its speaker",
			text:    "Ruritania said it welcomed the new talks with its neighbour, the official state news agency reported.\n\nA Ruritanian Foreign Ministry statement said it hoped the talks would \"open an honest dialogue in good faith,\" the agency said.",
			prefix:  "open an honest dialogue",
			speaker: "Ruritanian Foreign Ministry",
		},
		{
			name:   "a prison after 'in' is not the speaker",
			text:   "In a statement, detainee Omar in Longmoor Prison said: \"I hope the government will now act upon this ruling and release us.\"",
			prefix: "I hope the government",
		},
		{
			name:    "a body at the end of a role joined by 'and' is not the speaker",
			text:    "They will appear in court next month, a police spokesman said. Tom Ferrand, a former Harrow pupil and joint leader of the East Marches Hunt, said: \"I have no regrets. \"We did nothing wrong beyond standing up for our way of life.\"",
			prefix:  "We did nothing wrong",
			speaker: "Tom Ferrand",
			role:    "a former Harrow pupil and joint leader of the East Marches Hunt",
		},
		{
			name:    "a description after a role ending in a firm's name describes the firm",
			text:    "Wen Tao, president of Hai Lung Steel Co, a leading shipbreaker and steel producer in the south, told Reuters, \"We expect to scrap fewer ships this year.\"",
			prefix:  "We expect to scrap",
			speaker: "Wen Tao",
			role:    "president of Hai Lung Steel Co",
		},
		{
			name:    "two fields joined by 'and' before the role word are one role",
			text:    "\"Airbus has the latest plane in a very successful line,\" said Tom Rider, operations and safety editor at industry magazine Air Weekly.",
			prefix:  "Airbus has the latest",
			speaker: "Tom Rider",
			role:    "operations and safety editor at industry magazine Air Weekly",
		},
		{
			name:    "the role given at an earlier mention, when the name comes after its body's possessive",
			text:    "\"Airbus has the latest plane in a very successful line,\" said Tom Rider, operations and safety editor at industry magazine Air Weekly.\n\nThe rival firm plans bigger planes. \"Boeing is now where Airbus was a few years ago,\" said Air Weekly's Mr Rider.",
			prefix:  "Boeing is now",
			speaker: "Tom Rider",
			role:    "operations and safety editor at industry magazine Air Weekly",
		},
		{
			name:    "a body whose name holds a plural possessive is the affiliation",
			text:    "\"We will fight tooth and nail to stop him,\" said Mark Lane of the Independent City Supporters' Association.",
			prefix:  "We will fight",
			speaker: "Mark Lane",
			role:    "the Independent City Supporters' Association",
		},
		{
			name:    "a role ends at a spaced dash that opens an aside",
			text:    "Paul Mayer, chief executive of Zippit - a music service which sells downloads - believes it is time to act. \"You may be surprised to know who pays the pirates,\" he said in an open letter.",
			prefix:  "You may be surprised",
			speaker: "Paul Mayer",
			role:    "chief executive of Zippit",
		},
		{
			name:    "a role ends before 'and someone who …' at an earlier mention",
			text:    "But for Alan Weir, a research director at analyst firm Gartmore and someone who has followed the firm since its early years, the company is now a giant. \"The game is theirs to lose,\" predicted Mr Weir.",
			prefix:  "The game is theirs",
			speaker: "Alan Weir",
			role:    "a research director at analyst firm Gartmore",
		},
		{
			name:    "a relative clause saying what the person is gives the role",
			text:    "Ana Royd, who is a spokeswoman for the campaign group, said the plans were wrong. \"We will fight them in every court,\" she said.",
			prefix:  "We will fight them",
			speaker: "Ana Royd",
			role:    "a spokeswoman for the campaign group",
		},
		{
			name:    "a title ending 'of the <body>' before a given name is the role",
			text:    "Shadow leader of the Commons Oliver Hale said: \"This will be part of our aim to cut the size of the State.\"",
			prefix:  "This will be part",
			speaker: "Oliver Hale",
			role:    "Shadow leader of the Commons",
		},
		{
			name:    "a place after 'in' does not hide the titled name that follows it",
			text:    "Speaking in Harrogate Mr Kennet said: \"People want a credible, principled party which offers a different vision.\"",
			prefix:  "People want",
			speaker: "Kennet",
		},
		{
			name:    "a sentence opening with a common noun before 'demand' leaves the pronoun to the person named",
			text:    "The tax status of exploration might change, Energy Secretary John Harrow told reporters.\n\nConsumer demand and a decline in output have raised imports by a million barrels a day, Harrow said.\n\n\"Steps must be taken to reverse the downturn in our energy industry,\" he said.",
			prefix:  "Steps must be taken",
			speaker: "John Harrow",
			role:    "Energy Secretary",
		},
		{
			name:    "a body named with a role word after a place stays the speaker",
			text:    "Ministers met on Monday to discuss the law.\n\n\"The law will not be common practice,\" the Scottish Executive said.",
			prefix:  "The law will not",
			speaker: "the Scottish Executive",
		},
		{
			name:   "a party member the article does not settle is not shown",
			text:   "The bill passed the committee on Tuesday.\n\n\"This legislation will open up new gas markets,\" the Louisiana Democrat said.",
			prefix: "This legislation",
		},
		{
			name:    "a statement of a body named by one generic word stays as written",
			text:    "The strike went on for a third day.\n\n\"We will not let our members pay for the losses,\" a Union statement said.",
			prefix:  "We will not let",
			speaker: "a Union statement",
		},
		{
			name:    "a place before a firm's last word is part of the firm's name",
			text:    "Fares will rise in the spring.\n\n\"We expect heavy losses on the route this winter,\" Danish Airways said.",
			prefix:  "We expect heavy losses",
			speaker: "Danish Airways",
		},
		{
			name:    "a title word before a firm's last word is part of the firm's name",
			text:    "Sales fell again in March.\n\n\"We see no recovery before the autumn,\" General Motors said in a statement.",
			prefix:  "We see no recovery",
			speaker: "General Motors",
		},
		{
			name:    "a title's object after 'of' stays in the title before a given name",
			text:    "\"The record is a good one in terms of side effects,\" said Leeds University Professor of Medicine Carl Lindqvist.",
			prefix:  "The record is a good one",
			speaker: "Carl Lindqvist",
			role:    "Leeds University Professor of Medicine",
		},
		{
			name:    "a firm's title before a name whose last word is also a title word",
			text:    "\"These sales continue our plan,\" said Harrow Industries chairman Gordon White.",
			prefix:  "These sales",
			speaker: "Gordon White",
			role:    "Harrow Industries chairman",
		},
		{
			name:    "a title before a name that opens with an initial",
			text:    "\"We remain convinced of the plan,\" said Amrose Canada president T. Don Stacey.",
			prefix:  "We remain convinced",
			speaker: "T. Don Stacey",
			role:    "Amrose Canada president",
		},
		{
			name:    "a role word with its abbreviation dot between the title and the name",
			text:    "Committee chairman Sen. Paul Sarbin said: \"The report surveys an economy whose calm hides danger.\"",
			prefix:  "The report surveys",
			speaker: "Paul Sarbin",
			role:    "Committee chairman Sen.",
		},
		{
			name:    "an initial named before the surname completes the name given later",
			text:    "But T. Boone Pickard, who has bought large gas reserves, is not convinced.\n\n\"The rigs will not go back to work until the price rises,\" said Pickard, 58.",
			prefix:  "The rigs will not",
			speaker: "T. Boone Pickard",
		},
		{
			name:    "capitalised words after a title's 'of' are what the title is over, not a person",
			text:    "Lawrence Garland, Telco's Vice-President of Marketing Services, said, \"With this filing, we suggest that regulators take a finer approach.\"",
			prefix:  "With this filing",
			speaker: "Lawrence Garland",
			role:    "Telco's Vice-President of Marketing Services",
		},
		{
			name:    "a name given as 'Queen of the X' is no person named X",
			text:    "Ellen Simmons, known as Queen of the Sky, wrote about her life as a flight attendant. In a statement, she said she was taking legal action for \"wrongful termination\".",
			prefix:  "wrongful termination",
			speaker: "Ellen Simmons",
		},
		{
			name:    "what the speaker spoke of after 'of' is no part of the name",
			text:    "Only 33 rigs were drilling last week, said Bill Bolland of Munro Oil Services.\n\n\"It's in the dregs right now,\" said Bolland of the state's drilling activity.",
			prefix:  "It's in the dregs",
			speaker: "Bill Bolland",
		},
		{
			name:    "'the First …' inside a body's name after a title keeps the whole title",
			text:    "\"I do not expect a drastic improvement,\" said Azumi Hayano, Director of the First International Economic Affairs Division of the Foreign Ministry.",
			prefix:  "I do not expect",
			speaker: "Azumi Hayano",
			role:    "Director of the First International Economic Affairs Division of the Foreign Ministry",
		},
		{
			name:   "a common noun opening a sentence and capitalised nowhere else is nobody",
			text:   "Analyst David Lebow believes the chances of a buyout are nil. Management has repeatedly stated it will not take the company private, he said.\n\nBut \"shareholders who held the stock before all the publicity have had quite a ride,\" he said.",
			prefix: "shareholders who held",
		},
		{
			name:    "a sentence's first word does not hide the person who speaks in that sentence",
			text:    "Real losses have been suffered and somebody has to pay, observed Jack Borden, an adviser to the fund's director. \"Everyone needs to keep in mind the enormous cost to both sides,\" he said.",
			prefix:  "Everyone needs",
			speaker: "Jack Borden",
			role:    "an adviser to the fund's director",
		},
		{
			name:   "a firm named only at sentence starts still stands between a pronoun and a body named later",
			text:   "Intelco filed a document with the Supreme Court this month in defence of the networks. It summed up the view of many firms in its submission, which states that its products \"are essentially tools, capable of being used for unlawful purposes\".",
			prefix: "are essentially tools",
		},
		{
			name:    "'the <body> chairman' refers back to the one person named with that body and that role",
			text:    "Corvex Corp chairman David Rodman said the fall of the dollar would cut the trade deficit.\n\nHowever, the Corvex chairman warned that trading partners may resist. \"Some discomfort must be passed on to our friends and allies.\"",
			prefix:  "Some discomfort",
			speaker: "David Rodman",
			role:    "Corvex Corp chairman",
		},
		{
			name:    "'the <body> spokesman' is not the body's chief named before",
			text:    "Stuart Rowe, head of Marks Group, said the chain had a hard winter.\n\n\"We have brought in a lot of new clothing at new prices,\" the Marks Group spokesman said.",
			prefix:  "We have brought in",
			speaker: "the Marks Group spokesman",
		},
		{
			name:    "an outlet that quoted someone as saying is not the speaker",
			text:    "State radio quoted the country's top defence spokesman Ali Reza Karimi as saying that its rival was \"moving to the brink of an armed encounter with us.\"",
			prefix:  "moving to the brink",
			speaker: "Ali Reza Karimi",
			role:    "the country's top defence spokesman",
		},
		{
			name:    "a person quoted by an outlet as saying speaks, not the outlet",
			text:    "Chief executive Geoff Dillon was quoted by the Sydney Courier newspaper as saying the carrier could no longer afford to remain \"all-Australian\".",
			prefix:  "all-Australian",
			speaker: "Geoff Dillon",
			role:    "Chief executive",
		},
		{
			name:    "two roles joined by 'and' after the name's comma stay with the name",
			text:    "Philip Knightly, chairman and chief executive, said: \"Our businesses in the United States grew fast.\"",
			prefix:  "Our businesses",
			speaker: "Philip Knightly",
			role:    "chairman and chief executive",
		},
		{
			name:    "a role ending in 'the US' is a role",
			text:    "Jim Lanzo, vice president of search at Ask Jeeves in the US, said: \"We are growing fast.\"",
			prefix:  "We are growing fast",
			speaker: "Jim Lanzo",
			role:    "vice president of search at Ask Jeeves in the US",
		},
		{
			name:    "a backbencher's title before the name is the role",
			text:    "\"They are his praetorian guard,\" said Senior Labour backbencher Martin Oakes.",
			prefix:  "They are his",
			speaker: "Martin Oakes",
			role:    "Senior Labour backbencher",
		},
		{
			name:    "a conjunction opening the sentence is no intro phrase that hides the name before the role",
			text:    "But Kenji Uchino, professor of political science at Hosei University, said, \"The government can afford to get tough now.\"",
			prefix:  "The government can afford",
			speaker: "Kenji Uchino",
			role:    "professor of political science at Hosei University",
		},
		{
			name:   "a term the article names ('known as a \"…\"') is nobody's words",
			text:   "But Gianni Alberti, the head of the family, wanted to keep control, and preferred the right to sell later, known as a \"put option\".",
			prefix: "put option",
		},
		{
			name:    "what the speaker termed something is the speaker's words",
			text:    "\"There has been a reassessment,\" Lawton said. He disagreed with what he termed \"the grossly exaggerated claim\" that rates were too high.",
			prefix:  "the grossly exaggerated claim",
			speaker: "Lawton",
		},
		{
			name:    "a month's name after a given name is a surname",
			text:    "\"The U.S. does not have the chips they need,\" said Richard May, senior analyst at Barrow Securities in Tokyo.",
			prefix:  "The U.S. does not",
			speaker: "Richard May",
			role:    "senior analyst at Barrow Securities in Tokyo",
		},
		{
			name:    "two roles joined by 'and' after a firm's possessive stay with the name",
			text:    "Robert Benmore, Metco's chairman and chief executive, said that it was a \"great opportunity for the brand\".",
			prefix:  "great opportunity",
			speaker: "Robert Benmore",
			role:    "Metco's chairman and chief executive",
		},
		{
			name:    "a body set off by commas after the name is the role, as the article sets it",
			text:    "Lennart Jans, of the Volvo board, said: \"Switzerland attracts us as an international capital market.\"",
			prefix:  "Switzerland attracts",
			speaker: "Lennart Jans",
			role:    "of the Volvo board",
		},
		{
			name:    "a place set off by commas after the name is no role",
			text:    "Mr Wellby, of Torfaen, said: \"We are happy with the deal.\"",
			prefix:  "We are happy",
			speaker: "Wellby",
		},
		{
			name:   "'the Bank said' after the Bank of England is no person named Bank",
			text:   "Auctions begin in May, the Bank of England said.\n\nIn an official notice released today, the Bank said \"There will be no formal arrangement for the auctions.\"",
			prefix: "There will be no formal",
		},
		{
			name:   "'Another added' is neither a name nor the speaker quoted before",
			text:   "\"It is hard to tell whether the deal stands,\" a dealer said. Another added, \"If the Americans do not get what they want they will act.\"",
			prefix: "If the Americans",
		},
		{
			name:    "a title word before a firm's word for its business is part of the firm's name",
			text:    "General Acquisitions said the board could not decide until it has \"explored with us the ways to proceed.\"",
			prefix:  "explored with us",
			speaker: "General Acquisitions",
		},
		{
			name:   "a capitalised word before a number is a numbered part, not a person",
			text:   "Section 5 of the members order obliges members to declare interests \"where the interest would prejudice the proceedings\".",
			prefix: "where the interest",
		},
		{
			name:    "a participle clause before the name, with no comma, is no part of the speaker",
			text:    "Central Bank governor Jose Ferrand spoke on Monday.\n\nCommenting on the country's foreign debt Ferrand said: \"I think the debt stock looms large.\"",
			prefix:  "I think the debt",
			speaker: "Jose Ferrand",
			role:    "Central Bank governor",
		},
		{
			name:    "an acting title with its body before the name is the role, not a clause",
			text:    "Acting CFTC Chairman Kalo Hinemann said CFTC continued to \"closely monitor the financial integrity of firms\".",
			prefix:  "closely monitor",
			speaker: "Kalo Hinemann",
			role:    "Acting CFTC Chairman",
		},
		{
			name:    "general role nouns before a name are titles",
			text:    "\"So I would expect phone companies to act,\" said Telecoms ombudsman Elizabeth Franks.",
			prefix:  "So I would expect",
			speaker: "Elizabeth Franks",
			role:    "Telecoms ombudsman",
		},
		{
			name:    "a body after 'at' or 'from' following the name is the affiliation, not part of the name",
			text:    "Sales rose again this year. Kirsten Pfeiffer from the Consumer Electronics Association said: \"Everything is going digital.\"",
			prefix:  "Everything is going",
			speaker: "Kirsten Pfeiffer",
			role:    "the Consumer Electronics Association",
		},
		{
			name:    "a firm named with its kind after 'of' is the affiliation",
			text:    "\"A five to ten pct drop is likely,\" said Nick Knightley of brokers James Capel.",
			prefix:  "A five to ten",
			speaker: "Nick Knightley",
			role:    "brokers James Capel",
		},
		{
			name:    "a title, a comma and the name after the cue verb: the name speaks, the title is the role",
			text:    "\"There are no technical reasons for it,\" said RNIB technology director, Guido Gybers.",
			prefix:  "There are no technical",
			speaker: "Guido Gybers",
			role:    "RNIB technology director",
		},
		{
			name:    "a description, a comma and an outlet with its verb after the cue is not read as title and name",
			text:    "\"It is fine,\" said a spokesman, Reuters reported.",
			prefix:  "It is fine",
			speaker: "a spokesman",
		},
		{
			name:    "a relation named before the name is the role",
			text:    "\"He will be sadly missed,\" said Lord Harlow's nephew George Rickett.",
			prefix:  "He will be sadly",
			speaker: "George Rickett",
			role:    "Lord Harlow's nephew",
		},
	}
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
