package doc

import (
	"reflect"
	"testing"
)

func TestFormatParseRoundTrip(t *testing.T) {
	blocks := []Block{
		{Kind: Paragraph, Text: "Leaders met  in\tTokyo."},
		{Kind: Heading, Text: "The defence pact"},
		{Kind: Paragraph, Text: ""},
		{Kind: Paragraph, Text: "They signed it."},
	}
	text := Format(blocks)
	want := "Leaders met in Tokyo.\n\n## The defence pact\n\nThey signed it."
	if text != want {
		t.Fatalf("Format = %q, want %q", text, want)
	}
	got := Parse(text)
	wantBlocks := []Block{
		{Kind: Paragraph, Text: "Leaders met in Tokyo."},
		{Kind: Heading, Text: "The defence pact"},
		{Kind: Paragraph, Text: "They signed it."},
	}
	if !reflect.DeepEqual(got, wantBlocks) {
		t.Fatalf("Parse = %#v, want %#v", got, wantBlocks)
	}
}

func TestParseFoldsLinesAndCRLF(t *testing.T) {
	got := Parse("one\r\ntwo\r\n\r\n\r\n  \nthree")
	want := []Block{{Text: "one two"}, {Text: "three"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Parse = %#v, want %#v", got, want)
	}
	if p := Paragraphs("## H\n\nbody"); !reflect.DeepEqual(p, []string{"body"}) {
		t.Fatalf("Paragraphs = %q", p)
	}
}
