package briefing

import "testing"

func TestSnippet(t *testing.T) {
	text := "## Background\n\nThe ministers met in Rome on Monday.\n\nJapan and Italy agreed to expand joint naval exercises in the Pacific next year, officials said after the talks ended late in the evening with a short statement from both sides and a dinner.\n\nThe exercises will include Italy's carrier."
	tests := []struct {
		words []string
		width int
		want  string
	}{
		{[]string{"naval"}, 200, "Japan and Italy agreed to expand joint *naval* exercises in the Pacific next year, officials said after the talks ended late in the evening with a short statement from both sides and a dinner."},
		{[]string{"exercise"}, 60, "…expand joint naval *exercises* in the Pacific next year…"},
		{[]string{"statement"}, 60, "…with a short *statement* from both sides and a dinner."},
		{[]string{"carrier"}, 200, "The exercises will include Italy's *carrier*."},
		{[]string{"defense"}, 200, "The ministers met in Rome on Monday."},
		{nil, 200, "The ministers met in Rome on Monday."},
		{[]string{"TALK"}, 200, "Japan and Italy agreed to expand joint naval exercises in the Pacific next year, officials said after the *talks* ended late in the evening with a short statement from both sides and a dinner."},
	}
	for _, tt := range tests {
		if got := Snippet(text, tt.words, tt.width); got != tt.want {
			t.Errorf("Snippet(%v, %d) =\n %q\nwant\n %q", tt.words, tt.width, got, tt.want)
		}
	}
	if got := Snippet("", []string{"x"}, 80); got != "" {
		t.Errorf("Snippet of nothing = %q", got)
	}
}
