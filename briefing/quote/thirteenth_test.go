package quote

import (
	"strings"
	"testing"
)

// Failure classes of the thirteenth hand-labelled set of quotes shown in
// briefs (labels/attribution-thirteenth.jsonl), each in an article of our
// own words in the shape of the real one; "" as the speaker means a brief
// must not show the quotation. Each failed before its fix; the guards
// held before and must hold after.
func TestThirteenthFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:   "a firm's suffix left alone after its first word is read as a place is no speaker",
			text:   "Floods and storms made last year the costliest on record for insurers, according to Danish Re.\n\nThe reinsurer said claims rose by a third. \"Last year confirms the trend towards larger losses,\" said Danish Re.",
			prefix: "Last year confirms",
		},
		{
			name:   "the tail of a firm's name is no speaker",
			text:   "Harlow Dean and Co Inc dismissed the head of its bond desk today, saying he had given no \"adequate account\" of the losses found last week.",
			prefix: "adequate account",
		},
		{
			name:   "a piece of the speaker's body before the quotation is no speaker",
			text:   "Okafor said the Fund would keep lending to the region.\n\nOn a personal level, Okafor said that he felt no need to put his own mark on the Fund noting that \"I have no particular mission here except to be useful to the members.\"",
			prefix: "I have no particular",
		},
		{
			name:   "a clause citing someone with 'as' does not introduce the quotation after it",
			text:   "Lord Marsh said he wanted the principle settled. The two men agree on the practice. As Lord Marsh also acknowledged, it is very unlikely that the minister would act against the judges. \"Judges are free to choose for themselves whether to sit on inquiries.\"",
			prefix: "Judges are free",
		},
		{
			name:   "a cue in the quotation's own sentence whose subject is not read: not the person the sentence before names",
			text:   "The sale of the state's stake in the utility is still expected this month, bankers said.\n\nFinance Minister Karl Brandt has said the sale of another stake may be delayed.\n\nA banker involved in the utility sale said \"Nothing has changed in the plans. I still expect it in the second half of April.\"",
			prefix: "Nothing has changed",
		},
		{
			name:    "an owner's mark in s-apostrophe before the name is no part of the name (the owner is not read as a role yet: a brief leaves a named person without one out)",
			text:    "Two hedge funds want the board removed. \"We are patient investors and we are not afraid to see this through,\" Corvus' Martin Hale told the Financial Times.",
			prefix:  "We are patient",
			speaker: "Martin Hale",
			role:    "",
		},
		{
			name:    "guard: the same with 's",
			text:    "Two hedge funds want the board removed. \"We are patient investors and we are not afraid to see this through,\" Corvo's Martin Hale told the Financial Times.",
			prefix:  "We are patient",
			speaker: "Martin Hale",
			role:    "",
		},
		{
			name:    "a firm's name with commas after 'at' stays whole in the role",
			text:    "Stocks rose sharply in late trading.\n\n\"This has been one of the rare times the crowd got it right,\" said Ann Rosser, trader at Bellamy, Stroud, Keller and Co.\n\nShe expects more gains next week.",
			prefix:  "This has been one",
			speaker: "Ann Rosser",
			role:    "trader at Bellamy, Stroud, Keller and Co",
		},
		{
			name:    "guard: a plural possessive inside a body's name stays in it",
			text:    "\"The verdict will stand,\" said a spokesman for the Magistrates' Court in Leeds.",
			prefix:  "The verdict will",
			speaker: "a spokesman for the Magistrates' Court",
		},
	})
}

// A cue that opens a new sentence after a quotation and ends in a colon
// introduces the quotation after it: the words before it are not joined
// to the words after it, and neither goes to the one who speaks after the
// colon because of it.
func TestColonCueIntroducesWhatFollows(t *testing.T) {
	text := "Culture Minister Tom Pryce wants the arts boards brought under the assembly. The painter Ruth Rhodes said the plan would harm the arts.\n\n" +
		"She added: \"It would set the arts back decades. \"If the council takes control, I fear we will be going back to the old ways.\n\n" +
		"\"This town has moved on. It is not stuck in the past.\" Replying to Ms Rhodes' remarks, Mr Pryce said: \"The structure of the boards is under review. \"Comparing the council to a dictatorship is a crass answer to a real question.\" Ms Rhodes was born in Perth."
	for _, q := range find(t, text) {
		if strings.Contains(q.Text, "stuck in the past") && strings.Contains(q.Text, "Comparing the council") {
			t.Errorf("her words and his joined in one quotation %q (speaker %q)", q.Text, q.Speaker)
		}
		if strings.Contains(q.Text, "stuck in the past") && q.Attributed() && q.Speaker != "Ruth Rhodes" {
			t.Errorf("her words shown as said by %q", q.Speaker)
		}
	}
}
