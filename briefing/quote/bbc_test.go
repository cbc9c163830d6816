package quote

import "testing"

// Failure classes read in the BBC quotations of every hand-labelled set
// (labels/attribution-*.jsonl, source "bbc") under the rules of cf35569,
// whose construction Reuters dev shows too, each in an article of our own
// words in the shape of the real ones; "" as the speaker means a brief
// must not show the quotation. Each failed before its fix; the guards
// held before and must hold after.
func TestBBCFailureClasses(t *testing.T) {
	checkAttributions(t, []attributionCase{
		{
			name:    "a lower-case title standing where the name should be is no speaker",
			text:    "Factory orders rose for the tenth month.\n\n\"This rounds off a strong year for factories on the institute's figures,\" said chairman of the Kettle Institute's survey committee.",
			prefix:  "This rounds off",
			speaker: "",
		},
		{
			name:    "a lower-case title after the verb with the name after a comma is no speaker",
			text:    "Shares fell sharply in Tokyo.\n\n\"Until the two sides settle their trade quarrel, the market will stay weak,\" said head of equities at Kestrel Securities, Ivo Marsh.",
			prefix:  "Until the two",
			speaker: "",
		},
		{
			name:    "a long title glued before the name, read as a description, is not shown without its role",
			text:    "Car sales rose in the spring.\n\n\"A far better answer would be change in the domestic market, and we hope to see it soon,\" visiting Chairman of Northern Motors Roger Smythe said in March.",
			prefix:  "A far better",
			speaker: "",
		},
		{
			name:    "a new sentence with its own verb after a quotation does not lend it a cue",
			text:    "Ministers are angry about the new book. Home Secretary Tom Cole earlier warned that members would not forgive leaks. He told the radio: \"Those who feed these books, in my view, damage the party and the government.\" Mr Grant on Sunday dismissed claims of broken promises, saying: \"I dealt with this months ago and there was no deal between us.\"\n\nMr Hale said he would not be distracted.",
			prefix:  "I dealt with",
			speaker: "Grant",
			role:    "",
		},
		{
			name:    "the quotation before keeps its own cue",
			text:    "Ministers are angry about the new book. Home Secretary Tom Cole earlier warned that members would not forgive leaks. He told the radio: \"Those who feed these books, in my view, damage the party and the government.\" Mr Grant on Sunday dismissed claims of broken promises, saying: \"I dealt with this months ago and there was no deal between us.\"\n\nMr Hale said he would not be distracted.",
			prefix:  "Those who feed",
			speaker: "Tom Cole",
			role:    "Home Secretary",
		},
		{
			name:    "a name and words after from that say no kind of body: the person alone",
			text:    "Phone owners no longer learn numbers.\n\n\"We are a nation of lazy people who never write numbers down,\" Dan Noonan from Voxline said.",
			prefix:  "We are a nation",
			speaker: "Dan Noonan",
			role:    "",
		},
		{
			name:    "a stockbroker named after the name is the affiliation",
			text:    "The well tested well.\n\n\"The field looks shallow and wide, which will need several platforms and push costs up,\" Chris Osman of stockbroker Hoare Gavin said.",
			prefix:  "The field looks",
			speaker: "Chris Osman",
			role:    "stockbroker Hoare Gavin",
		},
		// Guards.
		{
			name:    "the name before a lower-case title set off by commas speaks",
			text:    "The appeal court threw out the claim.\n\nTom B Hale, executive vice-president of Northway Foods, said the ruling \"changes the whole case against the industry\" for good.",
			prefix:  "changes the whole",
			speaker: "Tom B Hale",
			role:    "executive vice-president of Northway Foods",
		},
		{
			name:    "a description with a determiner still speaks",
			text:    "The club is for sale.\n\n\"No offer has been made for the club this year,\" a senior source at the club said.",
			prefix:  "No offer has",
			speaker: "a senior source at the club",
			role:    "",
		},
		{
			name:    "the verb of a question after its quotation is still its cue",
			text:    "The lawyer pressed the witness.\n\n\"Not that I know of,\" Mr Moss replied. \"Did you ever see him make an entry in the books himself?\" Mr Wren pressed.",
			prefix:  "Did you ever",
			speaker: "Wren",
			role:    "",
		},
	})
}
