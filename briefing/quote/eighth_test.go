package quote

import "testing"

// Failure classes of the eighth hand-labelled set of quotes shown in
// briefs (labels/attribution-eighth.jsonl), each in an article of our own
// words in the shape of the real one; "" as the speaker means a brief must
// not show the quotation. Each failed before its fix; the guards held
// before and must hold after.
func TestEighthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a title word the list lacked: the whole title before the name",
			text:    "\"The rules on leases are being looked at again this year,\" said SEC Chief Accountant Clarence Samson.",
			prefix:  "The rules on leases",
			speaker: "Clarence Samson",
			role:    "SEC Chief Accountant",
		},
		{
			name:    "initials written with inner dots start the name",
			text:    "\"We will keep the drilling unit for at least another year,\" said Hughes Tool Co Chairman W.A. Kistner.",
			prefix:  "We will keep",
			speaker: "W.A. Kistner",
			role:    "Hughes Tool Co Chairman",
		},
		{
			name:   "a group of one plural word is no one who spoke the words",
			text:   "The trial opened. \"He sold the codes to anyone who paid him,\" prosecutors said.",
			prefix: "He sold the codes",
		},
		{
			name:    "a firm named with its trade's word speaks for itself, no role",
			text:    "Shares rose. Cairn Energy, a UK oil firm, found oil in Rajasthan. \"This is a very big find for us and for India,\" Cairn Energy said.",
			prefix:  "This is a very big",
			speaker: "Cairn Energy",
			role:    "",
		},
		{
			name:   "'a firm offer' is no firm offering: a clause is not a speaker",
			text:   "Kestrel's response comes as little surprise. \"Any board must look at a real offer,\" the club said in its statement. Should it become a firm offer, it should be at a price that \"the board is likely to regard as fair\" and on terms the club can accept.",
			prefix: "the board is likely",
		},
		{
			name:    "two people with a title each: the second's title stops at the first's name",
			text:    "Treasury Secretary James Baker and Office of Management and Budget chief James Miller told Congress the plan was sound.\n\nMiller said the price may end up higher.\n\n\"We would sell it to the highest bidder,\" Miller said.",
			prefix:  "We would sell",
			speaker: "James Miller",
			role:    "Office of Management and Budget chief",
		},
		{
			name:    "two titled people joined by 'and' in one cue speak together",
			text:    "The bank looked into its past.\n\n\"We all know the past was hard, but it is quite different to see it in our own records,\" Kestrel Bank chief executive William Harding and chief operating officer James Dillon said in the letter.",
			prefix:  "We all know",
			speaker: "William Harding and James Dillon",
			role:    "Kestrel Bank chief executive and chief operating officer",
		},
		{
			name:    "a role with 'of' before a title keeps its head",
			text:    "Tariffs will be reviewed by July, said member of the ruling council and chief of general staff Rear-Admiral Augustus Akin, seen as the number two.\n\n\"The review will take care of items like cars and rice,\" he said.",
			prefix:  "The review will",
			speaker: "Augustus Akin",
			role:    "chief of general staff Rear-Admiral",
		},
		{
			name:    "guard: a firm's name with 'and' stays in the title",
			text:    "\"Sterling will stay weak until the summer,\" said Phillips and Drew senior European economist Ana Ruiz.",
			prefix:  "Sterling will stay",
			speaker: "Ana Ruiz",
			role:    "Phillips and Drew senior European economist",
		},
		{
			name:    "guard: a bare verb after a modal still cues",
			text:    "Prices rose. A spokesman would say only that \"talks are going on\" with the buyers.",
			prefix:  "talks are going",
			speaker: "A spokesman",
			role:    "",
		},
	})
}
