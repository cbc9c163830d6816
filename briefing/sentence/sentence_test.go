package sentence

import (
	"reflect"
	"strings"
	"testing"
)

func texts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\n\t \n", nil},
		{"plain", "The talks ended. Both sides left! Why? Nobody knows.",
			[]string{"The talks ended.", "Both sides left!", "Why?", "Nobody knows."}},
		{"no marks at all", "tariffs rise again as talks stall in the capital",
			[]string{"tariffs rise again as talks stall in the capital"}},
		{"no final mark", "The envoy arrived. Talks begin on Monday",
			[]string{"The envoy arrived.", "Talks begin on Monday"}},
		{"US and UK mid sentence", "The U.S. Navy and the U.K. Royal Navy sailed together. Then they parted.",
			[]string{"The U.S. Navy and the U.K. Royal Navy sailed together.", "Then they parted."}},
		{"US at sentence end", "Sanctions were imposed by the U.S. The move angered Moscow.",
			[]string{"Sanctions were imposed by the U.S.", "The move angered Moscow."}},
		{"UN acronym", "He spoke at the U.N. General Assembly on Tuesday.",
			[]string{"He spoke at the U.N. General Assembly on Tuesday."}},
		{"titles", "Adm. Sato met Gen. Rossi and Mr. Lee. Dr. Kim was absent.",
			[]string{"Adm. Sato met Gen. Rossi and Mr. Lee.", "Dr. Kim was absent."}},
		{"hyphenated title", "Vice-Adm. Jonas Lind and Lt.-Gen. Aho spoke.",
			[]string{"Vice-Adm. Jonas Lind and Lt.-Gen. Aho spoke."}},
		{"months", "The deal was signed on Jan. 12 in Rome. It expires in Sept. 2027.",
			[]string{"The deal was signed on Jan. 12 in Rome.", "It expires in Sept. 2027."}},
		{"month at end", "Talks were planned for Jan. The plan changed.",
			[]string{"Talks were planned for Jan.", "The plan changed."}},
		{"No. 10", "Officials at No. 10 Downing Street said no. Others agreed.",
			[]string{"Officials at No. 10 Downing Street said no.", "Others agreed."}},
		{"initials", "George W. Bush met J.D. Vance and Harry S. Truman's heirs.",
			[]string{"George W. Bush met J.D. Vance and Harry S. Truman's heirs."}},
		{"initial then opener", "They chose plan B. The others objected.",
			[]string{"They chose plan B.", "The others objected."}},
		{"decimals and money", "Growth was 3.5% and the deal is worth $1.2bn. Prices rose 0.4 points.",
			[]string{"Growth was 3.5% and the deal is worth $1.2bn.", "Prices rose 0.4 points."}},
		{"ellipsis mid sentence", "He paused... and then went on. She waited … for an hour.",
			[]string{"He paused... and then went on.", "She waited … for an hour."}},
		{"ellipsis ends sentence", "He paused... Then he went on. She waited… Nobody came.",
			[]string{"He paused...", "Then he went on.", "She waited…", "Nobody came."}},
		{"straight quote close", `She said: "We will go." Then she left.`,
			[]string{`She said: "We will go."`, "Then she left."}},
		{"curly quote close", "She said: \u201cWe will go.\u201d Then she left.",
			[]string{"She said: \u201cWe will go.\u201d", "Then she left."}},
		{"question in quotes then lowercase", `"Why now?" he asked. "Because," she said.`,
			[]string{`"Why now?" he asked.`, `"Because," she said.`}},
		// A sentence never ends inside a quotation that closes in the
		// same paragraph: no summary sentence is left with an open mark.
		{"sentences inside a quote", `He said: "We doubled it. We will go further." Others doubt it.`,
			[]string{`He said: "We doubled it. We will go further."`, "Others doubt it."}},
		{"sentences inside a curly quote", "“We doubled it. We will go further,” he said. Others doubt it.",
			[]string{"“We doubled it. We will go further,” he said.", "Others doubt it."}},
		{"an unclosed mark splits as usual", `He said: "We doubled it. We will go further. Others doubt it.`,
			[]string{`He said: "We doubled it.`, "We will go further.", "Others doubt it."}},
		{"new quote opens", `It was "a disgrace." "We will fight," he said.`,
			[]string{`It was "a disgrace."`, `"We will fight," he said.`}},
		{"parenthesis", "The vote passed (by two votes.) Critics were furious.",
			[]string{"The vote passed (by two votes.)", "Critics were furious."}},
		{"url and domain", "See example.com for details. It is online.",
			[]string{"See example.com for details.", "It is online."}},
		{"number ends sentence", "The army has 2,000 troops. 500 more are coming.",
			[]string{"The army has 2,000 troops.", "500 more are coming."}},
		{"lowercase after period", "Use e.g. this one. Fine.",
			[]string{"Use e.g. this one.", "Fine."}},
		{"etc then opener", "They sold tea, rice, etc. The profits were small.",
			[]string{"They sold tea, rice, etc.", "The profits were small."}},
		{"Ltd in a name", "Acme Ltd. Shares fell. The board met.",
			[]string{"Acme Ltd. Shares fell.", "The board met."}},
		{"line breaks inside a block", "The talks\nended. Both sides\nleft.",
			[]string{"The talks\nended.", "Both sides\nleft."}},
		{"mixed scripts", "東京で会談。 The leaders met in Tokyo. Встреча прошла.",
			[]string{"東京で会談。 The leaders met in Tokyo.", "Встреча прошла."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Split(tt.in))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitBlocksAndHeadings(t *testing.T) {
	in := "Leaders Meet In Rome\n\n## The Defense Partnership\n\nJapan and Italy met. They agreed.\n\n" +
		"## What comes next\nand more\n\n\n\nA second paragraph.\r\n\r\nLast one"
	got := Split(in)
	type row struct {
		Text    string
		Para    int
		Index   int
		Heading bool
	}
	want := []row{
		{"Leaders Meet In Rome", 0, 0, false},
		{"The Defense Partnership", 1, 1, true},
		{"Japan and Italy met.", 2, 2, false},
		{"They agreed.", 2, 3, false},
		{"What comes next\nand more", 3, 4, true},
		{"A second paragraph.", 4, 5, false},
		{"Last one", 5, 6, false},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %q, want %d", len(got), texts(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if (row{g.Text, g.Para, g.Index, g.Heading}) != w {
			t.Errorf("sentence %d: got %+v, want %+v", i, row{g.Text, g.Para, g.Index, g.Heading}, w)
		}
		if in[g.Start:g.End] != g.Text {
			t.Errorf("sentence %d: input[%d:%d] = %q, Text = %q", i, g.Start, g.End, in[g.Start:g.End], g.Text)
		}
	}
}

func TestSplitHeadingNeverMerged(t *testing.T) {
	// A heading is a block of its own: the body block after it is never
	// merged into it, though it has no closing mark.
	in := "## Background\n\nThe deal was struck in 2023."
	got := texts(Split(in))
	want := []string{"Background", "The deal was struck in 2023."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"The U.S. and Japan’s navy sailed to the Indo-Pacific!", []string{"u", "japan's", "navy", "sailed", "indo", "pacific"}},
		{"It is what it is.", nil},
		{"Growth hit 3.5% in 2024", []string{"growth", "hit", "3", "5", "2024"}},
		{"'Quoted' words don't vanish", []string{"quoted", "words", "don't", "vanish"}},
		{"ÉLYSÉE Палата", []string{"élysée", "палата"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Words(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"It is what it is.", 5},
		{"U.S.-led talks, 3.5% growth", 7},
		{"  ...  ", 0},
	}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSplitHuge(t *testing.T) {
	// 2 MB without a single mark: one sentence, quickly, no panic.
	in := strings.Repeat("word ", 400000)
	got := Split(in)
	if len(got) != 1 || got[0].End-got[0].Start != len(in)-1 {
		t.Fatalf("got %d sentences, want one covering the text", len(got))
	}
}

func TestStopwordsFitTheLengthBound(t *testing.T) {
	for w := range stopwords {
		if len(w) > maxStopwordLen {
			t.Errorf("stopword %q is longer than maxStopwordLen %d", w, maxStopwordLen)
		}
		if !IsStopword(w) || Words(w) != nil || Words(strings.ToUpper(w)) != nil {
			t.Errorf("stopword %q is not dropped by Words", w)
		}
	}
}

// The one list of abbreviations serves the quote finder too, in any case.
func TestIsAbbreviation(t *testing.T) {
	for _, w := range []string{"Mr", "mr", "Sen", "Gov", "Atty", "Jan", "Inc", "Ltd", "No", "Adm"} {
		if !IsAbbreviation(w) {
			t.Errorf("IsAbbreviation(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "Smith", "said", "U", "war"} {
		if IsAbbreviation(w) {
			t.Errorf("IsAbbreviation(%q) = true, want false", w)
		}
	}
	if !OpensSentence("The") || OpensSentence("Navy") {
		t.Error("OpensSentence: want The yes, Navy no")
	}
}
