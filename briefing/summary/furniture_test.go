package summary

import (
	"testing"

	"attache/briefing/sentence"
)

func TestEligible(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Talks resumed in Geneva on Monday.", true},
		{"By the end of the week, the two sides had agreed a text.", true},
		{"The ruling covers copyright law in both countries.", true},
		{`"We will not give up," the minister said.`, true},
		{"Source: the ministry said the talks had stalled.", true},
		{"He said.", false},                                                         // too short
		{"Prime ministers meet in Ottawa", false},                                   // no closing mark: a heading or caption
		{"Mark Halvorsen Canadian Prime Minister", false},                           // a name line
		{"We are glad that the navy will train with our crews this autumn,", false}, // speech block
		{"0", false},
		{"12 shares", false},
		{"Comments are closed.", false},
		{"Copyright © 2025 Northern Affairs Daily.", false},
		{"Copyright 2025 Northern Affairs Daily. ", false},
		{"All Rights Reserved.", false},
		{"Exit mobile version", false},
		{"Photo: Reuters.", false},
		{"Image caption: The frigate arrives in Halifax.", false},
		{"By Jane Doe, Diplomatic Editor.", false},
		{"Updated 12 March 2025, 10:04 GMT.", false},
		{"Share this article on social media now.", false},
		{"Read more: Why the Arctic matters to NATO.", false},
		{"The frigate arrives in Halifax (Photo: Canadian Forces handout).", false},
		{"Leaders pose before the summit (AP Photo/Jane Doe)", false},
		{"Reporting by Jane Doe; Editing by John Roe.", false},
		{"Our Standards: The Wire Trust Principles.", false},
		{"Our navy will sail to Halifax next spring.", true},
		{"This article was originally published by Northern Affairs Daily.", false},
		{"We use cookies to improve your experience. Accept cookies.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, got := eligible(sentence.Sentence{Text: tt.text}, true)
			if got != tt.want {
				t.Errorf("eligible(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
	if _, ok := eligible(sentence.Sentence{Text: "Background of the talks.", Heading: true}, false); ok {
		t.Error("a heading is eligible, want never")
	}
	if _, ok := eligible(sentence.Sentence{Text: "prices rise as talks stall"}, false); !ok {
		t.Error("relaxed: a sentence without a mark is not eligible, want eligible")
	}
	if _, ok := eligible(sentence.Sentence{Text: "Exit mobile version"}, false); ok {
		t.Error("relaxed: furniture is eligible, want never")
	}
}

func TestWithoutDateline(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"TOKYO (Reuters) - Japan and Italy agreed on Monday.", "Japan and Italy agreed on Monday."},
		{"ROME, Jan 15 (AP) — Italy's leader flew to Tokyo.", "Italy's leader flew to Tokyo."},
		{"WASHINGTON — The talks ended early.", "The talks ended early."},
		{"NEW DELHI, March 3 -- India said it would abstain.", "India said it would abstain."},
		{"NATO – Russia relations soured again.", "NATO – Russia relations soured again."},
		{"NATO — the alliance met in Brussels.", "NATO — the alliance met in Brussels."},
		{"Japan (Reuters) - no capitals here.", "Japan (Reuters) - no capitals here."},
		{"The talks ended.", "The talks ended."},
		{"UK", "UK"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			input := "\n\n" + tt.in
			s := sentence.Sentence{Text: tt.in, Start: 2, End: len(input)}
			got := withoutDateline(s)
			if got.Text != tt.want {
				t.Errorf("withoutDateline(%q) = %q, want %q", tt.in, got.Text, tt.want)
			}
			if input[got.Start:got.End] != got.Text {
				t.Errorf("offsets [%d:%d] give %q, not the text %q", got.Start, got.End, input[got.Start:got.End], got.Text)
			}
		})
	}
}

func TestSameFact(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{
			"At their meeting in Ottawa, the two leaders agreed to work together for the success of the Arctic Council ministerial session, which Norway will chair from May.",
			"At their recent talks, the two prime ministers reached an agreement to cooperate on the success of the coming Arctic Council ministerial session set for May, which Norway will chair, taking over from Canada.",
			true,
		},
		{
			"They will hold the first joint meeting of their foreign and defence ministers in September of this year.",
			"The first joint meeting of foreign and defence ministers has been set for September of this year.",
			true,
		},
		{
			"The Canadian prime minister also said the two countries plan to expand their cooperation in the defence and intelligence fields.",
			"The Prime Minister of Canada said that the two countries have decided to expand their cooperation in the defence and intelligence fields.",
			true,
		},
		{
			"Norway recently raised its defence budget to 2.4% of GDP after years of pressure from its NATO partners.",
			"The radar upgrade involves Canada's Halden Systems, Norway's Kongsfjord Defence AS and the U.S. firm Northline Corp.",
			false,
		},
		{
			"On Thursday, the prime ministers of Canada and Norway said they would deepen their cooperation on Arctic security.",
			"Canada, which is modernising its northern radar network, hopes to keep watch over Russian submarines.",
			false,
		},
		{"Talks ended.", "Talks ended.", false}, // too few words to judge
	}
	for _, tt := range tests {
		t.Run(tt.a[:min(20, len(tt.a))], func(t *testing.T) {
			got := sameFact(stems(sentence.Words(tt.a)), stems(sentence.Words(tt.b)))
			if got != tt.want {
				t.Errorf("sameFact(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
