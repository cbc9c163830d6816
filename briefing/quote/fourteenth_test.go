package quote

import "testing"

// Failure classes of the fourteenth hand-labelled set of quotes shown in
// briefs (labels/attribution-fourteenth.jsonl), each in an article of our
// own words in the shape of the real one; "" as the speaker means a brief
// must not show the quotation. Each failed before its fix.
func TestFourteenthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a role whose last title is a list of three keeps the whole list",
			text:    "Truck sales fell in March. \"The spring has started slower than we hoped,\" said Dana Whitlow, Ford's director of European parts, service and logistics. Output was cut by 2%.",
			prefix:  "The spring has",
			speaker: "Dana Whitlow",
			role:    "Ford's director of European parts, service and logistics",
		},
		{
			name:    "a body's name in front of a list of titles, the list kept whole",
			text:    "\"We need to work with the people who build the tools,\" said Lena Marsh, the network's head of research, digital radio and archives. \"Listeners want more.\"",
			prefix:  "We need to work",
			speaker: "Lena Marsh",
			role:    "the network's head of research, digital radio and archives",
		},
		{
			name:    "the role of someone named in an opening clause is not the speaker's",
			text:    "District Attorney Jane Harris said she would not run for the Senate.\n\nSpeaking to reporters after the arrest of a former state senator, Harris said she had met party leaders last week.\n\n\"I am staying in this job. There is a lot left to do,\" Harris said.",
			prefix:  "I am staying",
			speaker: "Jane Harris",
			role:    "District Attorney",
		},
		{
			name:    "a body speaking for itself has none of the roles listed after its name",
			text:    "The market regulator has filed complaints against Meridian Telecom, its chairman and another senior executive.\n\nMeridian Telecom has said there is \"no case to answer\" in the complaints.",
			prefix:  "no case to answer",
			speaker: "Meridian Telecom",
		},
		{
			name:    "a cue in the next sentence, after an opening phrase, with reported speech of its own, is not this quotation's",
			text:    "Speaking after the vote, Tom Hale, leader of the Liberal group, said: \"It is a shameful day for the council. \"The council has lost its way.\" On Monday, Deputy Leader Anna Fry told the local radio station she believed the leader would resign.",
			prefix:  "The council has lost",
			speaker: "Tom Hale",
			role:    "leader of the Liberal group",
		},
		{
			name:   "'it' is not a capitalised word modifying a noun, nor a body named before the sentence that names the speaker",
			text:   "Kestrel Games topped the charts again this week.\n\nNintendo has said that the NTSC edition of the game will not be ready for the summer. \"The game is being translated into nine languages, so the work takes longer,\" it said.",
			prefix: "The game is being",
		},
		{
			name:    "a given name and a person's title make a person of a surname that bodies' names end in",
			text:    "Sales rose in March. \"As prices rise, buyers look for small cars,\" Jim Press, vice president and head of sales of Kestrel's US arm, said in a statement.",
			prefix:  "As prices rise",
			speaker: "Jim Press",
			role:    "vice president and head of sales of Kestrel's US arm",
		},
		{
			name:    "'added' with a definite description goes on with the person quoted just before",
			text:    "\"Games have grown up faster than I ever thought,\" said Lars Holm, who teaches at a college in Oslo. \"I was the first to be surprised,\" added the Danish-born researcher, who has made games for two campaigns.",
			prefix:  "I was the first",
			speaker: "Lars Holm",
			role:    "the Danish-born researcher",
		},
		{
			name:    "a specialist's title with no article is a role",
			text:    "\"Games have grown up faster than I ever thought,\" said Lars Holm, computer games specialist at the University of Oslo. Others agree.",
			prefix:  "Games have grown",
			speaker: "Lars Holm",
			role:    "computer games specialist at the University of Oslo",
		},
	})
}
