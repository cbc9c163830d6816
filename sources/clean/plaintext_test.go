package clean

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"attache/sources/doc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestPlainTextHeadingsAndSpeakers(t *testing.T) {
	in := strings.Join([]string{
		"What the meeting was about",
		"On Monday, the leaders of Japan and Italy announced closer ties in defence.",
		"We welcome Italy's growing presence in the region,",
		"Fumio Kishida Japanese Prime Minister",
		"The Defense Partnership",
		"Italy will send its carrier to Japan this summer.",
		"The new mechanism will start in March,",
		"Giorgia Meloni",
		"Italian Prime Minister",
		"# A Markdown Heading #",
		"The ministers met for two hours.",
		"Jane Roe\nChief Cabinet Secretary",
		"Talks continue in April.",
	}, "\n\n")
	got := PlainText(in)
	want := []doc.Block{
		{Kind: doc.Heading, Text: "What the meeting was about"},
		{Kind: doc.Paragraph, Text: "On Monday, the leaders of Japan and Italy announced closer ties in defence."},
		{Kind: doc.Paragraph, Text: "We welcome Italy's growing presence in the region,"},
		{Kind: doc.Paragraph, Text: "Fumio Kishida Japanese Prime Minister"},
		{Kind: doc.Heading, Text: "The Defense Partnership"},
		{Kind: doc.Paragraph, Text: "Italy will send its carrier to Japan this summer."},
		{Kind: doc.Paragraph, Text: "The new mechanism will start in March,"},
		{Kind: doc.Paragraph, Text: "Giorgia Meloni"},
		{Kind: doc.Paragraph, Text: "Italian Prime Minister"},
		{Kind: doc.Heading, Text: "A Markdown Heading"},
		{Kind: doc.Paragraph, Text: "The ministers met for two hours."},
		{Kind: doc.Paragraph, Text: "Jane Roe Chief Cabinet Secretary"},
		{Kind: doc.Paragraph, Text: "Talks continue in April."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlainText =\n%v\nwant\n%v", got, want)
	}
}

func TestPlainTextSetextHeadingAndLineBreaks(t *testing.T) {
	in := "Background\n==========\r\n\r\nThe talks began\nin Tokyo on Monday.\r\n\r\n\r\nThey end on Friday."
	got := PlainText(in)
	want := []doc.Block{
		{Kind: doc.Heading, Text: "Background"},
		{Kind: doc.Paragraph, Text: "The talks began in Tokyo on Monday."},
		{Kind: doc.Paragraph, Text: "They end on Friday."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlainText = %v, want %v", got, want)
	}
}

// A title-like line is a heading only when running text comes somewhere
// after it; the ones after the last running text stay paragraphs.
func TestPlainTextTrailingShortLine(t *testing.T) {
	h := func(s string) doc.Block { return doc.Block{Kind: doc.Heading, Text: s} }
	p := func(s string) doc.Block { return doc.Block{Kind: doc.Paragraph, Text: s} }
	tests := []struct {
		name string
		in   string
		want []doc.Block
	}{
		{"one trailing line", "The talks ended on Friday.\n\nMore Analysis Soon",
			[]doc.Block{p("The talks ended on Friday."), p("More Analysis Soon")}},
		{"headings in a row, then text, then trailing lines",
			"Part One\n\nThe Talks\n\nThe talks ended on Friday.\n\nMore Analysis Soon\n\nOther Stories Today",
			[]doc.Block{h("Part One"), h("The Talks"), p("The talks ended on Friday."), p("More Analysis Soon"), p("Other Stories Today")}},
		{"a two-line block is running text", "Part One\n\nNames\nand more names",
			[]doc.Block{h("Part One"), p("Names and more names")}},
		{"only title-like lines", "Ministers Meet\n\nLeaders Talk", []doc.Block{p("Ministers Meet"), p("Leaders Talk")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("PlainText(%q) =\n%v\nwant\n%v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitTitle(t *testing.T) {
	cases := []struct{ in, title, rest string }{
		{"\n\n  Japan, Italy Agree  \n\nBody text.", "Japan, Italy Agree", "\nBody text."},
		{"# Markdown Title\nBody.", "Markdown Title", "Body."},
		{"Setext Title\n=====\nBody.", "Setext Title", "Body."},
		{"Only a title", "Only a title", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		title, rest := SplitTitle(c.in)
		if title != c.title || rest != c.rest {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", c.in, title, rest, c.title, c.rest)
		}
	}
}

// The fixture has the shape of a scraped page: a share counter, headings,
// block quotes with speaker lines, a photo credit, a paragraph re-told
// in two pieces, and a site footer.
func TestPlainTextGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "summit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, rest := SplitTitle(string(raw))
	if title != "Tokyo and Rome Agree on Joint Naval Drills" {
		t.Errorf("title = %q", title)
	}
	got := doc.Format(PlainText(rest)) + "\n"
	golden := filepath.Join("testdata", "summit.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("PlainText(summit.txt) =\n%s\nwant\n%s", got, want)
	}
}

// The seed article of ../shared/seeds, read only when it is there.
func TestPlainTextSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "japan-italy-defense.txt"))
	if err != nil {
		t.Skip("seed article not present:", err)
	}
	title, rest := SplitTitle(string(raw))
	if title != "Japan, Italy Agree to Further Strengthen Bilateral Defense Ties" {
		t.Errorf("title = %q", title)
	}
	blocks := PlainText(rest)
	byText := map[string]doc.Block{}
	for _, b := range blocks {
		byText[b.Text] = b
		if b.Text == "0" {
			t.Error("the share counter \"0\" survived")
		}
		for _, footer := range []string{"Comments are closed", "Copyright", "Exit mobile version"} {
			if strings.Contains(b.Text, footer) {
				t.Errorf("footer line survived: %q", b.Text)
			}
		}
		for _, repeat := range []string{"During their recent meeting", "The Prime Minister of Japan announced"} {
			if strings.HasPrefix(b.Text, repeat) {
				t.Errorf("repeated paragraph survived: %q", b.Text)
			}
		}
	}
	for _, speaker := range []string{"Fumio Kishida Japanese Prime Minister", "Giorgia Meloni Italian Prime Minister"} {
		b, ok := byText[speaker]
		if !ok || b.Kind != doc.Paragraph {
			t.Errorf("speaker line %q: got %v (present %v), want a paragraph", speaker, b, ok)
		}
	}
	for _, heading := range []string{"What the meeting was about", "The Defense Partnership", "Other Notable Agreements"} {
		if b, ok := byText[heading]; !ok || b.Kind != doc.Heading {
			t.Errorf("section %q: got %v (present %v), want a heading", heading, b, ok)
		}
	}
	if _, ok := byText["During their latest meeting, the leaders of Japan and Italy agreed to cooperate towards the success of the Group of Seven (G-7) summit, which Italy is set to preside over this year. Essentially, their meeting became a handover ceremony for the G-7 presidency. The Japanese prime minister also announced that the two nations have plans to deepen their collaboration in the defense and security fields. They are set to hold the first round of foreign affairs and defense authorities consultations in March of this year."]; !ok {
		t.Error("the first copy of the repeated paragraph was lost")
	}
	if n := len(blocks); n != 16 {
		t.Errorf("got %d blocks, want 16:\n%s", n, doc.Format(blocks))
	}
}

func TestPlainTextCharacterReferences(t *testing.T) {
	in := "The minister signed a communiqu&#233; with his Chilean counterpart at the caf&#xE9; in Santiago.\n\n" +
		"Shares of AT&T and the R&D; budget rose &amp; fell; a stray &#0; and &#12345678; stay, as does &copy without its end."
	got := PlainText(in)
	want := []doc.Block{
		{Kind: doc.Paragraph, Text: "The minister signed a communiqué with his Chilean counterpart at the café in Santiago."},
		{Kind: doc.Paragraph, Text: "Shares of AT&T and the R&D; budget rose & fell; a stray &#0; and &#12345678; stay, as does &copy without its end."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlainText = %#v\nwant %#v", got, want)
	}
}
