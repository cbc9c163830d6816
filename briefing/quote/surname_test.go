package quote

import (
	"strings"
	"testing"
)

// A surname-only speaker whose full name the article gave earlier with a
// role: the role comes from that mention. What kept it from the surname:
// the generational suffix after the full name ("Jr.", "III") made the
// surname another person's (or the run a body's name); a first initial
// "A." was read as the article, cutting the title off the name; a title
// noun the role words did not hold ("geologist") left the full mention
// without its title. Each failed before the fix; the guard held before
// and must hold after.
func TestSurnameRoleFromEarlierFullMention(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a Roman numeral after the full name, appositive role",
			text:    "Martin Delacroix III, president of Harbor Freight Lines Inc, told shareholders the company would grow.\n\n\"We have never been in better shape to expand,\" Delacroix said.",
			prefix:  "We have never",
			speaker: "Martin Delacroix III",
			role:    "president of Harbor Freight Lines Inc",
		},
		{
			name:    "an initial and Jr. after the full name, appositive role after the suffix's dot",
			text:    "Thomas R. Whitfield Jr., the district attorney for Lane County, said the charges would stand.\n\n\"No one is above the law in this county,\" Whitfield said.",
			prefix:  "No one is above",
			speaker: "Thomas R. Whitfield Jr",
			role:    "the district attorney for Lane County",
		},
		{
			name:    "how the words came, set off after the role, is no part of it",
			text:    "Helen Marsh, chief executive of Norwood Bank, in a memo on Friday to staff, said the branch closures were over.\n\n\"Our branches are here to stay,\" Marsh said.",
			prefix:  "Our branches",
			speaker: "Helen Marsh",
			role:    "chief executive of Norwood Bank",
		},
		{
			name:    "a first initial 'A.' between a lower-case title and the name: the title is read and the surname later is the same person",
			text:    "Harbor Steel chairman and chief executive officer A. Dwight Connor said orders rose in the quarter.\n\n\"We expect another strong year for the mills,\" Connor said.",
			prefix:  "We expect another",
			speaker: "A. Dwight Connor",
			role:    "Harbor Steel chairman and chief executive officer",
		},
		{
			name:    "a science's practitioner in -ologist is a title before the name",
			text:    "The reef was surveyed again in June by marine biologist Teodora Vasquez and her students.\n\n\"The coral is coming back faster than we hoped,\" Vasquez said.",
			prefix:  "The coral is coming",
			speaker: "Teodora Vasquez",
			role:    "marine biologist",
		},
		{
			name:    "guard: another person with the same surname keeps his own role",
			text:    "Peter Holm Jr., the mayor of Sandvik, said the bridge would open in May. His father, Karl Holm, a retired engineer, disagreed.\n\n\"The bridge is not safe yet,\" Karl Holm said.",
			prefix:  "The bridge is not",
			speaker: "Karl Holm",
			role:    "a retired engineer",
		},
	})
}

// A surname that is also a title word ("White", "King", "Green") alone at
// the quotation was read as a title without a name, so it was never the
// person named in full before and showed no role. It is that person when
// a speech verb stands right beside it and the article named someone
// with that surname in full; after a determiner it stays a title.
func TestTitleWordSurnameFromEarlierFullMention(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a colour surname after the verb, role with initials in the firm's name",
			text:    "Nora White, analyst with J.R. Castell Securities Inc, said orders were slowing.\n\nWhite, who sees prices flat, said the slowdown would pass by autumn.\n\n\"Buyers are waiting, not leaving,\" said White.",
			prefix:  "Buyers are waiting",
			speaker: "Nora White",
			role:    "analyst with J.R. Castell Securities Inc",
		},
		{
			name:    "a surname that is a title noun, opening the sentence before the verb",
			text:    "Dana King, a spokeswoman for the port authority, said the cranes were idle.\n\nKing said: \"We will have them working again within a week.\"",
			prefix:  "We will have them",
			speaker: "Dana King",
			role:    "a spokeswoman for the port authority",
		},
	})
}

// Guard: after a determiner the word is a title, never the person of that
// surname named before (held before the change and after).
func TestTitleWordAfterDeterminerIsNoSurname(t *testing.T) {
	text := "Dana King, a spokeswoman for the palace, said the visit was planned.\n\n\"I am delighted to be here,\" the King said."
	for _, q := range FindWith(text, Options{}) {
		if strings.HasPrefix(q.Text, "I am delighted") && q.Speaker == "Dana King" {
			t.Fatalf("the King's words given to Dana King (role %q)", q.Role)
		}
	}
}
