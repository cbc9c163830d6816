package quote

import (
	"strings"
	"testing"
)

// The failure classes of issue 12 ("Words given to the wrong person",
// "Roles wrong or missing", "Quotes spliced or cut"), each in an article of
// our own in the shape of the real ones. What matters is what a brief
// shows: the speaker and role of a quotation it may show (Attributed), or
// that it does not show the quotation at all (speaker "").
func TestAttributionFailureClasses(t *testing.T) {
	tests := []struct {
		name, text, prefix string
		speaker, role      string // "" speaker: the brief must not show it
	}{
		{
			name:    "Words given to the wrong person: of two men named in the sentence before, the one who speaks",
			text:    "Opposition leader Carl Benning has called for a timetable to bring the troops home.\n\nSpeaking after talks with President Tom Waller in Washington, Mr Benning said the coalition had to change course.\n\n\"There are some who think the mere presence of foreign troops in the region feeds the insurgency,\" he said.",
			prefix:  "There are some",
			speaker: "Carl Benning",
			role:    "Opposition leader",
		},
		{
			name:    "Roles missing: the role at the nearest mention, an appositive",
			text:    "Finance minister Gordon Blake has rejected talk of a rift with the prime minister.\n\nBut the BBC's political editor, Andrew Marsh, said he had heard otherwise from both camps. \"I think the relationship is genuinely, privately, very poor indeed,\" he said.",
			prefix:  "I think the relationship",
			speaker: "Andrew Marsh",
			role:    "BBC's political editor",
		},
		{
			name:    "Words given to the wrong person: a clause after the quotation is no speaker",
			text:    "The regulator also set out the new limits on joint ventures. It added: \"Foreign partners must understand the political leanings of the country and must not bring harmful ideas into our studios.\" According to a London newspaper's Asia correspondent, the new rules highlight the political sensitivities that surround foreign money in the sector.",
			prefix:  "Foreign partners",
			speaker: "",
			role:    "",
		},
		{
			name:    "Words given to the wrong person: a firm's name is not its spokesman when the person is named",
			text:    "Air Kerala is considering buying 40 new aircraft from either Aerolux or Skyward.\n\n\"No other market is going to see the growth that will be seen here in the coming years,\" said Ravi Menon, senior vice president Aerolux.",
			prefix:  "No other market",
			speaker: "Ravi Menon",
			role:    "senior vice president Aerolux",
		},
		{
			name:    "Roles wrong: an adverb opening the sentence is no part of the title",
			text:    "The talks ended without a deal on Monday.\n\nEarlier Foreign Secretary Jack Lorne told MPs the treaty was dead.\n\n\"We will not sign this treaty as it stands, and our partners know it,\" he said.",
			prefix:  "We will not sign",
			speaker: "Jack Lorne",
			role:    "Foreign Secretary",
		},
		{
			name:    "Roles wrong: shadow is kept",
			text:    "Shadow foreign secretary Michael Ansell attacked the plan in the Commons.\n\n\"The government has to publish a clear reason for sending more troops now,\" Mr Ansell said.",
			prefix:  "The government has to publish",
			speaker: "Michael Ansell",
			role:    "Shadow foreign secretary",
		},
		{
			name:    "Roles wrong: a description of his organisation is not his role",
			text:    "Reform in Europe has stalled, the report found.\n\n\"The vision is a compelling one, but in order to do it society has to change,\" said Paul Hoffer of the Lisbon Forum, a Brussels-based citizen action group.",
			prefix:  "The vision is",
			speaker: "Paul Hoffer",
			role:    "",
		},
		{
			name:    "Roles cut: a firm's name is not cut at its comma",
			text:    "The dollar rose sharply after the plan was announced.\n\n\"This package really gave credibility to the administration,\" said Robert Harmon, president of Goldmark, Sachs and Co, in an interview.",
			prefix:  "This package",
			speaker: "Robert Harmon",
			role:    "president of Goldmark, Sachs and Co",
		},
		{
			name:    "Words given to the wrong person: a country is no speaker",
			text:    "Tension rose in the Gulf after the raid.\n\n\"Any attack on our platforms will be answered in kind by our navy,\" Iran said in a statement.\n\n\"We will not accept these tariffs on our steel and textiles,\" Peking said.",
			prefix:  "Any attack",
			speaker: "",
			role:    "",
		},
		{
			name:    "Words given to the wrong person: a capital standing for its state is no speaker",
			text:    "Tension rose in the Gulf after the raid.\n\n\"Any attack on our platforms will be answered in kind by our navy,\" Iran said in a statement.\n\n\"We will not accept these tariffs on our steel and textiles,\" Peking said.",
			prefix:  "We will not accept",
			speaker: "",
			role:    "",
		},
		{
			name:    "Roles cut: an affiliation after the title is part of the role",
			text:    "\"Cross-selling opportunities between banks and brokers are increasing,\" said Heronry Nozaki, an analyst at NikkoCitigroup.",
			prefix:  "Cross-selling",
			speaker: "Heronry Nozaki",
			role:    "an analyst at NikkoCitigroup",
		},
		{
			name:    "Quotes spliced: a cue that introduces the next quotation is not the cue of the one before",
			text:    "Pointing to trade, Mr Nattrass said: \"The fact is that the EU benefits Germany but it does not benefit Britain. \"I'm not at all German-bashing. It's the truth.\" A UKIP spokesman said: \"Mike has some passionate beliefs and sometimes uses colourful language.\"",
			prefix:  "Mike has some",
			speaker: "A UKIP spokesman",
			role:    "",
		},
		{
			name:    "Roles cut: a company the wire marks with angle brackets stays in the role",
			text:    "\"I think it is very good, because the move will help us to increase our market share here,\" said Joseph Tan, manager of <Bache Securities (HK) Ltd>.",
			prefix:  "I think it is very good",
			speaker: "Joseph Tan",
			role:    "manager of Bache Securities (HK) Ltd",
		},
		{
			name:    "Words given to the wrong person: a firm in the title after a name is not the speaker",
			text:    "Japan appears poorly prepared. Glen Wood, Vice President of Deutsche Securities Japan, asks; \"Who's going to fund the pension fund for the next generation?\n\n\"Who is going to build the economy, who are going to be the leaders?\"",
			prefix:  "Who's going to fund",
			speaker: "Glen Wood",
			role:    "Vice President of Deutsche Securities Japan",
		},
		{
			name:    "Roles missing: a title before a given name that is also a common word",
			text:    "Investors are looking at Australia.\n\n\"We're looking a more favoured market than perhaps the U.S.,\" Lloyds Bank NZA Ltd chief economist Will Buttrose said.",
			prefix:  "We're looking",
			speaker: "Will Buttrose",
			role:    "Lloyds Bank NZA Ltd chief economist",
		},
		{
			name:    "Words given to the wrong person: a capitalised common noun is no name",
			text:    "A U.S. Banker said there is no evidence that reserves have fallen.\n\n\"The Bank of China is both a buyer and a seller in the market,\" he said.",
			prefix:  "The Bank of China",
			speaker: "",
			role:    "",
		},
		{
			name:    "Words given to the wrong person: the subject of a speech verb is not an appositive of the place before it",
			text:    "Saudi Arabian Crown Prince Abdullah bin Abdul Aziz was thanked for his country's quiet cooperation with Washington in the Gulf, a senior U.S. official said.\n\n\"The Saudis are being very cooperative,\" said the official who asked not to be named.",
			prefix:  "The Saudis",
			speaker: "",
			role:    "",
		},
		{
			name:    "Roles missing: initials are no acronym",
			text:    "Japan has the largest banking contingent in the colony.\n\nAssistant banking commissioner K.K Wong told Reuters: \"There are no special favours towards the Japanese.\"",
			prefix:  "There are no special",
			speaker: "K.K Wong",
			role:    "Assistant banking commissioner",
		},
		{
			name:    "Roles missing: an honorific between the title and the name",
			text:    "Commenting on the move, BZW chairman Sir Martin Jacombe said the firm \"must have a presence in Europe, not just in the U.K. and the U.S.\"",
			prefix:  "must have a presence",
			speaker: "Martin Jacombe",
			role:    "BZW chairman",
		},
		{
			name:    "Roles cut: an ordinal that is part of a firm's name",
			text:    "First Interstate Bank Corp Chairman Joseph Pinola said he was not optimistic.\n\n\"I am not as optimistic personally on a resolution as some others are,\" Pinola told reporters.",
			prefix:  "I am not as optimistic",
			speaker: "Joseph Pinola",
			role:    "First Interstate Bank Corp Chairman",
		},
		{
			name:    "Words given to the wrong person: the same pronoun in a sentence where the person named does not speak",
			text:    "Mr Chidambaram is attending the meeting as part of the G20 group.\n\nAt a conference hosted by UK finance minister Gordon Brown on Friday, he said that he was in favour of floating exchange rates. \"A flexible exchange rate is one more channel for absorbing shocks,\" he told the conference.",
			prefix:  "A flexible exchange",
			speaker: "",
			role:    "",
		},
		{
			name:    "Roles wrong: an affiliation alone is no role",
			text:    "\"Overall, the housing market activity is slowing down,\" said Mark Miller, at HBOS Treasury Services.",
			prefix:  "Overall, the housing",
			speaker: "Mark Miller",
			role:    "",
		},
		{
			name:    "Roles missing: an appositive set off by spaced hyphens",
			text:    "\"We used to see street hustlers do this kind of thing,\" Andrei Illarionov - then economic adviser to President Vladimir Putin - told a press conference.",
			prefix:  "We used to see",
			speaker: "Andrei Illarionov",
			role:    "then economic adviser to President Vladimir Putin",
		},
		{
			name:    "Words given to the wrong person: the subject of a sentence read across a relative clause",
			text:    "The commission then took the pair to the European Court of Justice - which ruled EU countries could not put the pact \"in abeyance\", and confirmed the commission's right to launch \"excessive debt procedures against members\".",
			prefix:  "excessive debt",
			speaker: "",
			role:    "",
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
				t.Fatalf("no quotation starting %q in %+v", tt.prefix, got)
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

// Quotes spliced or cut: a fragment quoted inside reported speech is
// never joined to the quotation that follows it, so the brief never shows
// "real debate We are in danger of …" as one thing said.
func TestFragmentNotJoinedToNextQuote(t *testing.T) {
	text := "Prime Minister Tony Blane said the country had to stop chasing every scare. And there should be \"real debate\" about the risk posed by public safety threats, he said. \"We are in danger of - depending on whatever is the media campaign of the day - ending up spending millions meeting quite a small risk.\""
	got := find(t, text)
	if len(got) != 2 {
		t.Fatalf("got %d quotations, want the fragment and the sentence apart: %+v", len(got), got)
	}
	if got[0].Text != "real debate" || !strings.HasPrefix(got[1].Text, "We are in danger of") {
		t.Errorf("quotations = %q, %q; want %q and the sentence", got[0].Text, got[1].Text, "real debate")
	}
	for _, q := range got {
		if !q.Attributed() || q.Speaker != "Tony Blane" {
			t.Errorf("%q: speaker %q shown %v, want Tony Blane shown", q.Text, q.Speaker, q.Attributed())
		}
	}
}

// Quotes spliced: two quoted sentences around their cue are separate
// quotations, and the shown text marks the gap between them with an
// ellipsis; a sentence split around its cue reads as one.
func TestSeparateQuotationsMarked(t *testing.T) {
	got := find(t, "The port deal was signed on Monday.\n\n“We have waited ten years for this.” Mayor Ines Duarte said at the pier. “Now the work starts.”\n\n“The ferries,” said Tomas Berg, “will run every hour from June.”")
	if len(got) != 2 {
		t.Fatalf("got %d quotations, want 2: %+v", len(got), got)
	}
	if want := "We have waited ten years for this. … Now the work starts."; got[0].Text != want {
		t.Errorf("text = %q, want %q", got[0].Text, want)
	}
	if want := "The ferries, will run every hour from June."; got[1].Text != want {
		t.Errorf("text = %q, want %q", got[1].Text, want)
	}
}
