package quote

import "testing"

// Failure classes of the sixth hand-labelled set of quotes shown in
// briefs (labels/attribution-sixth.jsonl), each in an article of our own
// words in the shape of the real one; each failed before its fix. A guard
// (a title before the name, no determiner) held before and must hold
// after.
func TestSixthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a description set off before the name after the verb names the person",
			text:    "Farm groups say little has changed.\n\n\"We do not hide our methods at all,\" said one leader of the farm workers' movement, Tomas Ribeiro. \"The answer is to occupy the land.\"",
			prefix:  "We do not hide",
			speaker: "Tomas Ribeiro",
			role:    "one leader of the farm workers' movement",
		},
		{
			name:    "the same with a plain article",
			text:    "\"The harbour will reopen on Monday,\" said a spokeswoman for the port authority, Lena Brandt.",
			prefix:  "The harbour will",
			speaker: "Lena Brandt",
			role:    "a spokeswoman for the port authority",
		},
		{
			name:    "an affiliation inside a firm's name, no word for a body at its end",
			text:    "Shares fell. \"Steel makers may not be able to lift prices again this year\" explained Kenji Mori of Hanabusa Securities SMBC. In Europe, shares fell too.",
			prefix:  "Steel makers may",
			speaker: "Kenji Mori",
			role:    "Hanabusa Securities SMBC",
		},
		{
			name:    "an affiliation set off by a comma and closed by the body's initials and the verb",
			text:    "The show opens today. \"This year is all about the living room and the screens in it,\" Ana Ruiz, from the Consumer Gadget Association (CGA) told the website.",
			prefix:  "This year is all",
			speaker: "Ana Ruiz",
			role:    "from the Consumer Gadget Association (CGA)",
		},
		{
			name:    "an affiliation in apposition beats 'Professor' before the name",
			text:    "However, Professor Alan Greaves, of the University of Brockley, is sceptical about the plan.\n\n\"Most of the seats are safe, but one or two are not,\" Professor Greaves said.",
			prefix:  "Most of the seats",
			speaker: "Alan Greaves",
			role:    "of the University of Brockley",
		},
		{
			name:    "'and' inside a body's name in a title",
			text:    "House Ways and Means Committee Chairman Dan Rostow said he would back the bill.\n\n\"We need the revenue this year,\" Rostow said.",
			prefix:  "We need the revenue",
			speaker: "Dan Rostow",
			role:    "House Ways and Means Committee Chairman",
		},
		{
			name:    "a post to come in a relative clause",
			text:    "Profits fell.\n\nRoger Hemming, who will be chairman of the new Diamond Refining Co, said the unit would be sold. \"We will hold spending down,\" Hemming said.",
			prefix:  "We will hold",
			speaker: "Roger Hemming",
			role:    "chairman of the new Diamond Refining Co",
		},
		{
			name:    "an affiliation that ends the sentence of reported speech",
			text:    "The 1984 change cut the number of firms using the islands, said Ola Berg of accounting firm Nordby Price and Co.\n\nInvestors there will lose tax benefits, Berg said.\n\n\"Some of the money may stay here. They would bear a tax not borne before,\" Berg said.",
			prefix:  "Some of the money",
			speaker: "Ola Berg",
			role:    "accounting firm Nordby Price and Co",
		},
		{
			name:    "guard: a title with no determiner before the name",
			text:    "\"Our exports will grow this year,\" said Kestrel Shipping chief economist, Ravi Menon.",
			prefix:  "Our exports will",
			speaker: "Ravi Menon",
			role:    "Kestrel Shipping chief economist",
		},
	})
}
