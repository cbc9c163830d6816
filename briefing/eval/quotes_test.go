package eval

import "testing"

func strp(s string) *string { return &s }

// ScoreQuotes counts as ../shared/eval/quotes.py does: token-F1 matching,
// one to one; mixed matches are neither right nor wrong; a pronoun gold
// speaker counts a name given; a named one needs a shared content word.
func TestScoreQuotes(t *testing.T) {
	gold := []GoldQuote{
		{Quote: "“We will sign the treaty in May,”", QuotedSegments: []string{"We will sign the treaty in May,"}, Speaker: strp("Lea Novak"), Type: "direct"},
		{Quote: "“The port is ours,” he said", QuotedSegments: []string{"The port is ours,"}, Speaker: strp("he"), Type: "direct"},
		{Quote: "called it “a fair deal”", QuotedSegments: []string{"a fair deal"}, Speaker: strp("the mayor"), Type: "mixed"},
		{Quote: "“Nobody asked us,”", QuotedSegments: []string{"Nobody asked us,"}, Type: "direct"},
	}
	sys := []SystemQuote{
		{Quote: "We will sign the treaty in May", Speaker: "Foreign Minister Novak"},
		{Quote: "The port is ours", Speaker: "Anders Holm"},
		{Quote: "a fair deal", Speaker: "Ines Duarte"},
		{Quote: "Something else entirely was said here", Speaker: "Lea Novak"},
	}
	c, m := ScoreQuotes(sys, gold)
	want := QuoteCounts{Articles: 1, GoldDirect: 3, SystemQuotes: 4, MatchedDirect: 2, Unmatched: 1, MatchedMixed: 1,
		NamedPairs: 2, NamedRight: 1, PronounPairs: 1, PronounNamed: 1}
	if c != want {
		t.Errorf("counts = %+v\nwant     %+v", c, want)
	}
	if len(m) != 3 || m[0] != (QuoteMatch{0, 0}) || m[1] != (QuoteMatch{1, 1}) || m[2] != (QuoteMatch{2, 2}) {
		t.Errorf("matches = %v", m)
	}
	if p, r := c.Precision(), c.Recall(); p != 2.0/3 || r != 2.0/3 {
		t.Errorf("P, R = %v, %v; want 2/3, 2/3", p, r)
	}
	if !SameSpeaker("Hillary Clinton", "Clinton") || SameSpeaker("President Obama", "the president") || SameSpeaker("", "Clinton") {
		t.Error("SameSpeaker disagrees with the script's content-word test")
	}
}
