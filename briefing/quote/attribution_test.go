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
