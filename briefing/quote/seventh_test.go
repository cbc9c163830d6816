package quote

import "testing"

// Failure classes of the seventh hand-labelled set of quotes shown in
// briefs (labels/attribution-seventh.jsonl), each in an article of our own
// words in the shape of the real one; "" as the speaker means a brief must
// not show the quotation. Each failed before its fix; the guards held
// before and must hold after.
func TestSeventhFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a parliament member's initials before the name are a title, not a body",
			text:    "Euro MP Robert Kilbride has had a bucket of slurry thrown over him.\n\n\"As I started to turn round a man tipped a bucket over me,\" Mr Kilbride said.",
			prefix:  "As I started",
			speaker: "Robert Kilbride",
			role:    "Euro MP",
		},
		{
			name:    "an ex- title keeps its whole office",
			text:    "His attack came as ex-Foreign Secretary Robin Cole said he hoped Mr Brown would lead the party.\n\nMr Cole argued that there was \"not an alternative source of news that people trusted\".",
			prefix:  "not an alternative",
			speaker: "Robin Cole",
			role:    "ex-Foreign Secretary",
		},
		{
			name:    "a bracket inside a title before the name stays closed",
			text:    "Its strongest backer is former MTV host and VJ (video jockey) Adam Curran. \"Listen to most of the radio out there and it is the same,\" Mr Curran says.",
			prefix:  "Listen to most",
			speaker: "Adam Curran",
			role:    "former MTV host and VJ (video jockey)",
		},
		{
			name:    "a present-tense verb after the firm ends the appositive",
			text:    "Prints sell. Ann Simpson, marketing manager at Snappy Prints believes the ease of printing in shops will win. \"People like to hold the prints in their hands,\" she said.",
			prefix:  "People like to hold",
			speaker: "Ann Simpson",
			role:    "marketing manager at Snappy Prints",
		},
		{
			name:    "a surname, then the firm with its suffix",
			text:    "Rates may rise by June, Ann Jones said.\n\n\"The jury is still out on whether the bank is tightening,\" said Leslie of Discount Corp. He said tax dates pushed rates up.",
			prefix:  "The jury is still",
			speaker: "Leslie",
			role:    "Discount Corp",
		},
		{
			name:    "a name after a time word ends a clause with no comma",
			text:    "The mayor named Ann Greer to the board. In recent statements city officials have said the fund has grown large enough and at a press briefing today Greer said \"there is certainly room\" to cut the levy.",
			prefix:  "there is certainly",
			speaker: "Ann Greer",
			role:    "",
		},
		{
			name:    "the subject of 'was quoted as saying' speaks, past a relative clause",
			text:    "The mayor's chief of staff said the mayor could not recall when he signed the permit, the Daily Courier reported.\n\n\"We tried to jog his memory and he had none, though he remembered being angry about something,\" Tom Walsh, who is leaving, was quoted as saying in an interview.",
			prefix:  "We tried to jog",
			speaker: "Tom Walsh",
			role:    "",
		},
		{
			name:   "a place and an office after 'the' point back to someone not settled: not shown",
			text:   "Senator Ana Ruiz led the debate. But Sen. Tom Garner, the panel's senior Republican, attacked the plan.\n\n\"It is time to forget the lobbyists,\" the Utah senator said.",
			prefix: "It is time to forget",
		},
		{
			name:   "a bare title where a name should be: not shown",
			text:   "Sales fell in March. Group Economics Adviser at Westbank said rates would fall. \"It is an orthodox choice for the post,\" Group Economics Adviser at Westbank said.",
			prefix: "It is an orthodox",
		},
		{
			name:    "a title that is its owner's name alone is the body the person works for (eighth set)",
			text:    "Growth slowed. \"The economy is running out of steam this year,\" said the Economist Research Group's Stuart Hensby.",
			prefix:  "The economy is",
			speaker: "Stuart Hensby",
			role:    "Economist Research Group",
		},
		{
			name:    "guard: an owner before a title stays in it",
			text:    "Growth slowed. \"The economy is running out of steam this year,\" said Britain's Prime Minister Tony Blair.",
			prefix:  "The economy is",
			speaker: "Tony Blair",
			role:    "Britain's Prime Minister",
		},
		{
			name:    "guard: an official nobody names stays the speaker",
			text:    "Rain ruined the harvest in the east. \"The crop will be a third smaller this year,\" the Shanghai official said.",
			prefix:  "The crop will be",
			speaker: "the Shanghai official",
			role:    "",
		},
		{
			name:    "guard: plural sources with a firm's name stay the speaker",
			text:    "The refinery closed. \"We expect it to reopen within the month,\" Kestrel sources said.",
			prefix:  "We expect it to",
			speaker: "Kestrel sources",
			role:    "",
		},
	})
}
