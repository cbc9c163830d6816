package quote

import "testing"

// Failure classes of the twelfth hand-labelled set of quotes shown in
// briefs (labels/attribution-twelfth.jsonl), each in an article of our own
// words in the shape of the real one; "" as the speaker means a brief must
// not show the quotation. Each failed before its fix; the guard held
// before and must hold after.
func TestTwelfthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:   "'The Judge' is an office, not a body's name",
			text:   "Superior Court Judge Ana Klein heard the case on Monday.\n\n\"The agreement is fair to the buyers who lost their money,\" The Judge said.",
			prefix: "The agreement is fair",
		},
		{
			name:    "a party-and-state tag after the name is his, not a speaker",
			text:    "\"Time is running out on the oil industry,\" Rep. Joe Bartlett, R-Texas, said in a statement.",
			prefix:  "Time is running",
			speaker: "Joe Bartlett",
			role:    "Rep.",
		},
		{
			name:    "a body's initials before a known given name are no part of the name (the title before them is not read yet: a brief leaves the quotation out)",
			text:    "The single market should help growth, president of the French employers' federation CNPF Francois Perrot said.\n\n\"Wages must not rise faster than output this year,\" he said.",
			prefix:  "Wages must not",
			speaker: "Francois Perrot",
			role:    "",
		},
		{
			name:    "a portfolio in -ing stays in the title",
			text:    "More money is to be given to councils for caravan parks, said housing minister Yvette Coombes. \"Councils have to find sites,\" Ms Coombes said.",
			prefix:  "Councils have to",
			speaker: "Yvette Coombes",
			role:    "housing minister",
		},
		{
			name:    "an abbreviated title before a surname",
			text:    "\"We are seeing more attacks on small firms every month,\" Chief Supt Deakin said.",
			prefix:  "We are seeing",
			speaker: "Deakin",
			role:    "Chief Supt",
		},
		{
			name:    "guard: a body named after a place stays the speaker",
			text:    "\"The law will not change before the summer,\" the Scottish Executive said.",
			prefix:  "The law will not",
			speaker: "the Scottish Executive",
			role:    "",
		},
	})
}
