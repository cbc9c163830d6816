package quote

import "testing"

// Failure classes of the eleventh hand-labelled set of quotes shown in
// briefs (labels/attribution-eleventh.jsonl), each in an article of our
// own words in the shape of the real one. Each failed before its fix; the
// guard held before and must hold after.
func TestEleventhFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "two portfolios joined by 'and' make one office, at a later mention too",
			text:    "\"The economy has soft patches but it is recovering,\" said Economic and Fiscal Policy Minister Heizo Takamura. Output fell. \"We cannot look at output alone,\" Mr Takamura stressed.",
			prefix:  "We cannot look",
			speaker: "Heizo Takamura",
			role:    "Economic and Fiscal Policy Minister",
		},
		{
			name:    "a firm described as a firm speaks with no role",
			text:    "Marsh, the insurance firm, has settled the case. \"We are saddened by the development,\" Marsh said in a statement.",
			prefix:  "We are saddened",
			speaker: "Marsh",
			role:    "",
		},
		{
			name:    "a firm's last dot ends the sentence: the role stops there",
			text:    "Shares rose.\n\n\"It strengthens the index,\" said William LeFeve, analyst at Advest Inc. He said the new stock \"is a genuine consumer stock\".",
			prefix:  "is a genuine",
			speaker: "William LeFeve",
			role:    "analyst at Advest Inc",
		},
		{
			name:    "an initial 'A.' after a title starts the name",
			text:    "In a letter to shareholders, Chairman A. William Reyes said the offer is a \"highly conditional, contingently financed bust-up offer\" that seeks to deny value.",
			prefix:  "highly conditional",
			speaker: "A. William Reyes",
			role:    "Chairman",
		},
		{
			name:    "guard: a surname's firm stays his role",
			text:    "Rates may rise by June, Ann Jones said.\n\n\"The jury is still out on whether the bank is tightening,\" said Leslie of Discount Corp. He said tax dates pushed rates up.",
			prefix:  "The jury is still",
			speaker: "Leslie",
			role:    "Discount Corp",
		},
	})
}
