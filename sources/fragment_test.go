package sources

import (
	"reflect"
	"testing"

	"attache/sources/doc"
)

func TestFragmentBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []doc.Block
	}{
		{"plain text", "One line.\n\nTwo line.", []doc.Block{{Text: "One line."}, {Text: "Two line."}}},
		{"paragraphs and heading", `<p>The ministers met in <b>Rome</b>.</p><h3>What they agreed</h3><p>A pact<br>on trade.</p>`,
			[]doc.Block{{Text: "The ministers met in Rome."}, {Kind: doc.Heading, Text: "What they agreed"}, {Text: "A pact on trade."}}},
		{"drops scripts and figures", `<figure><img src="x.jpg"><figcaption>Photo: agency</figcaption></figure><script>var x=1;</script><p>Body.</p>`,
			[]doc.Block{{Text: "Body."}}},
		{"list items", `<ul><li>First point.</li><li>Second point.</li></ul>`, []doc.Block{{Text: "First point."}, {Text: "Second point."}}},
		{"entities", `<p>Japan &amp; Italy&nbsp;agree</p>`, []doc.Block{{Text: "Japan & Italy agree"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FragmentBlocks(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FragmentBlocks(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}
