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
			name:    "guard: a title with no determiner before the name",
			text:    "\"Our exports will grow this year,\" said Kestrel Shipping chief economist, Ravi Menon.",
			prefix:  "Our exports will",
			speaker: "Ravi Menon",
			role:    "Kestrel Shipping chief economist",
		},
	})
}
