package quote

import (
	"strings"
	"testing"
)

// want is the part of a Quote a table test checks.
type want struct {
	text    string
	speaker string
	role    string
	partial bool
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "curly marks, speaker after",
			text: "Talks resumed on Tuesday.\n\n“We are closer than we have been in months,” Maria Lindqvist said.",
			want: []want{{text: "We are closer than we have been in months,", speaker: "Maria Lindqvist"}},
		},
		{
			name: "straight marks, inverted cue",
			text: "The port reopened.\n\n\"Ships are moving again and the crews are safe,\" said Tomas Brandt.",
			want: []want{{text: "Ships are moving again and the crews are safe,", speaker: "Tomas Brandt"}},
		},
		{
			name: "speaker before with colon",
			text: "Foreign Minister Antonio Tajani told reporters: “Our navies will sail together in the Pacific this summer.”",
			want: []want{{text: "Our navies will sail together in the Pacific this summer.", speaker: "Antonio Tajani", role: "Foreign Minister"}},
		},
		{
			name: "said in a statement",
			text: "“The agreement protects farmers on both sides of the border,” Helen Okafor said in a statement on Friday.",
			want: []want{{text: "The agreement protects farmers on both sides of the border,", speaker: "Helen Okafor"}},
		},
		{
			name: "according to",
			text: "“No decision has been taken on the new base yet,” according to Defence Secretary Paul Hadley.",
			want: []want{{text: "No decision has been taken on the new base yet,", speaker: "Paul Hadley", role: "Defence Secretary"}},
		},
		{
			name: "name and colon",
			text: "Kenji Watanabe: “The yen will not be defended at any price, and markets know that.”",
			want: []want{{text: "The yen will not be defended at any price, and markets know that.", speaker: "Kenji Watanabe"}},
		},
		{
			name: "split quote joined",
			text: "“The treaty is not perfect,” she said. But first:\n\nAnna Ferri spoke first. “The treaty is good,” Ferri said, “and we will sign it next week.”",
			want: []want{
				{text: "The treaty is not perfect,", speaker: ""},
				{text: "The treaty is good, and we will sign it next week.", speaker: "Anna Ferri"},
			},
		},
		{
			name: "appositive role",
			text: "“We will not take sides in this dispute,” said Giorgia Meloni, Italy’s prime minister, after the meeting.",
			want: []want{{text: "We will not take sides in this dispute,", speaker: "Giorgia Meloni", role: "Italy’s prime minister"}},
		},
		{
			name: "title role",
			text: "Japanese Prime Minister Fumio Kishida said, “Japan and Italy share the same values and the same worries.”",
			want: []want{{text: "Japan and Italy share the same values and the same worries.", speaker: "Fumio Kishida", role: "Japanese Prime Minister"}},
		},
		{
			name: "pronoun resolved with gender cue",
			text: "Mr. Okonkwo met Ms. Varga in Vienna on Monday.\n\n“The pipeline will be finished by spring,” she said.\n\n“We have heard that promise before,” he replied.",
			want: []want{
				{text: "The pipeline will be finished by spring,", speaker: "Varga"},
				{text: "We have heard that promise before,", speaker: "Okonkwo"},
			},
		},
		{
			name: "pronoun resolved to the last speaker",
			text: "Senator Claire Dubois spoke for an hour.\n\nDubois said, “The bill is ready and the votes are there.”\n\nShe added, “Nobody should doubt that we will pass it this month.”",
			want: []want{
				{text: "The bill is ready and the votes are there.", speaker: "Claire Dubois", role: "Senator"},
				{text: "Nobody should doubt that we will pass it this month.", speaker: "Claire Dubois", role: "Senator"},
			},
		},
		{
			name: "they resolved to an organisation",
			text: "The Maritime Safety Agency issued new rules.\n\n“Ferries must carry twice as many life rafts from June,” they said.",
			want: []want{{text: "Ferries must carry twice as many life rafts from June,", speaker: "Maritime Safety Agency"}},
		},
		{
			name: "description when no name",
			text: "“The president has no plans to travel this week,” a White House spokesman said.",
			want: []want{{text: "The president has no plans to travel this week,", speaker: "a White House spokesman"}},
		},
		{
			name: "speaker in the previous sentence",
			text: "Rafael Ortiz did not hold back at the rally in Seville.\n“This government has failed every family in the south, and it knows it.”",
			want: []want{{text: "This government has failed every family in the south, and it knows it.", speaker: "Rafael Ortiz"}},
		},
		{
			name: "continuation after the cue sentence",
			text: "“We were surprised by the vote,” said Lena Brooks, a spokeswoman for the union. “Nobody expected the managers to give in so fast.”",
			want: []want{{text: "We were surprised by the vote … Nobody expected the managers to give in so fast.", speaker: "Lena Brooks", role: "a spokeswoman for the union"}},
		},
		{
			name: "multi-paragraph quotation",
			text: "Admiral Pieter de Vries described the exercise.\n\n“The first day went to mine clearing in the northern channel.\n\n“On the second day the two fleets sailed together,” he said.",
			want: []want{{text: "The first day went to mine clearing in the northern channel. On the second day the two fleets sailed together,", speaker: "Pieter de Vries", role: "Admiral"}},
		},
		{
			name: "partial quote inside reported speech",
			text: "Prime Minister Ana Costa called the tariff plan “a tax on every kitchen table” during a speech in Porto.",
			want: []want{{text: "a tax on every kitchen table", speaker: "Ana Costa", role: "Prime Minister", partial: true}},
		},
		{
			name: "partial quote with according to and a compound subject",
			text: "Last spring, Admiral Lars Holm, head of the Danish navy, and Vice Admiral Kaito Mori agreed to keep the two fleets “as close as old neighbours” in the years ahead, according to the navy.",
			want: []want{{text: "as close as old neighbours", speaker: "Lars Holm and Kaito Mori", role: "head of the Danish navy and Vice Admiral", partial: true}},
		},
		{
			name: "titles and scare quotes are not speech",
			text: "She appeared on “Saturday Night Live” last year and later hosted “Meet the Press” for a week.\n\nThe so-called “peace dividend” never came.",
			want: nil,
		},
		{
			name: "single quotes ignored",
			text: "The minister’s plan, known as ‘Blue Harbour’, was dropped. Officials didn’t say why.",
			want: nil,
		},
		{
			name: "markup attributes are not quotations",
			text: "<tweet author=\"@someone\" date=\"2024-01-02\">Short post</tweet>\n\nNothing else.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find() returned %d quotes, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text {
					t.Errorf("quote %d: text = %q, want %q", i, g.Text, w.text)
				}
				if g.Speaker != w.speaker {
					t.Errorf("quote %d: speaker = %q, want %q", i, g.Speaker, w.speaker)
				}
				if g.Role != w.role {
					t.Errorf("quote %d: role = %q, want %q", i, g.Role, w.role)
				}
				if g.Partial != w.partial {
					t.Errorf("quote %d: partial = %v, want %v", i, g.Partial, w.partial)
				}
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	text := "Intro line.\n\n“First thing I want to say today,” Sara Nilsson said.\n\nMiddle paragraph here.\n\n\"Second thing that matters a great deal,\" said Omar Haddad."
	got := find(t, text)
	if len(got) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(got), got)
	}
	for i, wantPara := range []int{1, 3} {
		q := got[i]
		if text[q.Start:q.End] != q.Text {
			t.Errorf("quote %d: text[%d:%d] = %q, want %q", i, q.Start, q.End, text[q.Start:q.End], q.Text)
		}
		if q.Para != wantPara {
			t.Errorf("quote %d: para = %d, want %d", i, q.Para, wantPara)
		}
	}
}

func TestFindStoredBlockFormat(t *testing.T) {
	// The stored format: blocks separated by blank lines, headings "## ".
	text := "## What was agreed\n\nThe ministers met in Rome.\n\n“Our coast guards will share radar data from next month,” said Marco Bellini, the Italian defence minister."
	got := find(t, text)
	if len(got) != 1 {
		t.Fatalf("got %d quotes, want 1: %+v", len(got), got)
	}
	if got[0].Speaker != "Marco Bellini" || got[0].Role != "the Italian defence minister" || got[0].Para != 2 {
		t.Errorf("got speaker %q role %q para %d, want Marco Bellini, the Italian defence minister, 2", got[0].Speaker, got[0].Role, got[0].Para)
	}
}

func TestFindEmptyAndPlain(t *testing.T) {
	for _, text := range []string{"", "   \n\n  ", "No quotation marks anywhere in this text.", "\"", "“", "”“", "\"\"\"\""} {
		if got := find(t, text); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", text, got)
		}
	}
}

func TestFindUnbalanced(t *testing.T) {
	text := "“This opens and never closes, said nobody in particular\n\nA new paragraph with “a fragment and then more words” and a stray ” mark."
	got := find(t, text)
	for _, q := range got {
		if q.Start < 0 || q.End > len(text) || q.Start > q.End {
			t.Fatalf("bad offsets %d..%d for text of %d bytes", q.Start, q.End, len(text))
		}
		if strings.ContainsAny(q.Text, "“”\"") {
			t.Errorf("quote text %q still holds a mark", q.Text)
		}
	}
}
