package sources

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

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
		{"nested deeper than the recursion used to go", strings.Repeat("<div>", 300) + "<p>Deep text.</p>" + strings.Repeat("</div>", 300),
			[]doc.Block{{Text: "Deep text."}}},
		{"nested deeper than the parser accepts", strings.Repeat("<div><span>", 400) + "<h2>Deep heading</h2><p>Deep <b>text</b>.</p><script>var x;</script><figure><img src=a.jpg><figcaption>Photo: agency</figcaption></figure><p>Talks go on.</p>" + strings.Repeat("</span></div>", 400),
			[]doc.Block{{Kind: doc.Heading, Text: "Deep heading"}, {Text: "Deep text."}, {Text: "Talks go on."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FragmentBlocks(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FragmentBlocks(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzFragmentBlocks feeds item content of any shape: no panic, and every
// block is non-empty folded text.
func FuzzFragmentBlocks(f *testing.F) {
	for _, s := range []string{
		"<p>The ministers met in <b>Rome</b>.</p><h3>What they agreed</h3>",
		strings.Repeat("<div>", 600) + "text" + strings.Repeat("</div>", 600),
		"<ul><li>One<li>Two</ul><script>x<y</script>",
		"plain\n\ntext", "<", "<svg><p>in svg</p></svg> after",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range FragmentBlocks(s) {
			if b.Text == "" || b.Text != doc.Fold(b.Text) {
				t.Errorf("block %q is empty or not folded", b.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(b.Text) {
				t.Errorf("block %q is not valid UTF-8", b.Text)
			}
		}
	})
}
