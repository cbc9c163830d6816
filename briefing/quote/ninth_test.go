package quote

import "testing"

// Failure classes of the ninth hand-labelled set of quotes shown in
// briefs (labels/attribution-ninth.jsonl), each in an article of our own
// words in the shape of the real one; "" as the speaker means a brief must
// not show the quotation. Each failed before its fix; the guards held
// before and must hold after.
func TestNinthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:   "one office's holder, the article names him: the office is not shown as the speaker",
			text:   "Sales of the new cars fell, said Jim Parkin, group vice president for sales at Kestrel's U.S. arm.\n\n\"We will not cut prices to win the buyers back,\" the Kestrel executive said.",
			prefix: "We will not cut",
		},
		{
			name:   "an archbishop is an office too",
			text:   "Rowan Willis spoke at the service.\n\n\"We must not forget those who were lost at sea,\" the Archbishop of Canterbury said.",
			prefix: "We must not forget",
		},
		{
			name:    "'the Argentine state would': a noun, not a speech verb",
			text:    "Planning Minister Julio Vidal has offered help.\n\nMr Vidal said that the Argentine state would not make a contribution \"in the form of a subsidy\".",
			prefix:  "in the form of",
			speaker: "Julio Vidal",
			role:    "Planning Minister",
		},
		{
			name:   "a statement of bodies named before, with no name in it, points back",
			text:   "The firms signed a licence deal.\n\nA statement from the companies said, \"Both have entered into the agreement as an alternative to going to court.\"",
			prefix: "Both have entered",
		},
		{
			name:    "an intro with no comma before the surname of someone named in full",
			text:    "Treasurer Paul Keaton gave the figures.\n\nIn a separate interview Keaton said: \"The deficit for this year is running over four billion and we will try to bring it down.\"",
			prefix:  "The deficit for",
			speaker: "Paul Keaton",
			role:    "Treasurer",
		},
		{
			name:   "no cue of its own after a description's cue: not shown (tenth set)",
			text:   "Growth will slow this year, some analysts said. \"The central bank has little room left to cut rates before the election,\" one added later in the day.",
			prefix: "The central bank has",
		},
		{
			name:    "guard: no cue of its own after a named person's cue: shown",
			text:    "Growth will slow this year, said Ana Ruiz, chief economist at Kestrel Bank. \"The central bank has little room left to cut rates before the election.\"",
			prefix:  "The central bank has",
			speaker: "Ana Ruiz",
			role:    "chief economist at Kestrel Bank",
		},
		{
			name:    "guard: a statement with a body's name in it speaks",
			text:    "The railway was sold.\n\n\"The sale gives the line a secure future,\" a statement issued by Kestrel Rail said.",
			prefix:  "The sale gives",
			speaker: "a statement issued by Kestrel Rail",
			role:    "",
		},
		{
			name:    "guard: the spokesman of a named body stays the speaker",
			text:    "The ministry said talks would go on. \"No date has been set for the next round,\" the Foreign Ministry spokesman said.",
			prefix:  "No date has been",
			speaker: "the Foreign Ministry spokesman",
			role:    "",
		},
	})
}
