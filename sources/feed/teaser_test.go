package feed

import (
	"strings"
	"testing"
)

// words returns n words of made-up article text.
func words(n int) string {
	base := strings.Fields("the ministers met in the capital on tuesday to discuss trade security and the next round of talks")
	out := make([]string, n)
	for i := range out {
		out[i] = base[i%len(base)]
	}
	return strings.Join(out, " ")
}

func TestTeaser(t *testing.T) {
	full := "<p>" + words(200) + ".</p><p>" + words(120) + ".</p>"
	tests := []struct {
		name string
		item Item
		want bool
	}{
		{"nothing at all", Item{}, true},
		{"one-sentence summary", Item{Summary: "Ministers met in Rome to sign a framework on defence equipment."}, true},
		{"full content", Item{Content: full}, false},
		{"full article in the description only", Item{Summary: full}, false},
		{"teaser content but full summary", Item{Content: "<p>Short.</p>", Summary: full}, false},
		{"just over the line", Item{Content: words(TeaserWords) + "."}, false},
		{"just under the line", Item{Content: words(TeaserWords-1) + "."}, true},
		{"markup does not count as words", Item{Content: `<div class="a b c d e f"><img src="x.jpg" alt="photo"></div>` + strings.Repeat(`<span class="x"></span>`, 300)}, true},
		{"script text does not count", Item{Content: "<script>" + words(400) + "</script><p>Short.</p>"}, true},
		{"long but ends in an ellipsis", Item{Content: "<p>" + words(300) + "…</p>"}, true},
		{"long but ends in three dots", Item{Content: "<p>" + words(300) + "...</p>"}, true},
		{"long but ends in [...]", Item{Content: "<p>" + words(300) + " [...]</p>"}, true},
		{"long but ends in a read-more link", Item{Content: "<p>" + words(300) + ` <a href="/x">Read more »</a></p>`}, true},
		{"continue reading followed by the title", Item{Content: "<p>" + words(300) + ` <a href="/x">Continue reading <span>Summit opens</span> →</a></p>`}, true},
		{"a sentence that ends with a full stop", Item{Content: full + "<p>The talks continue.</p>"}, false},
		{"full Japanese article", Item{Content: "<p>" + strings.Repeat("日本とイタリアは防衛装備品の協力を拡大することで合意した。", 20) + "</p>"}, false},
		{"short Japanese summary", Item{Summary: "日伊防衛相会談、協力拡大で合意"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Teaser(tt.item); got != tt.want {
				t.Errorf("Teaser = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTeaserOnFixtures(t *testing.T) {
	f := parseFixture(t, "rss20.xml")
	want := []bool{false, true, true, true}
	for i, it := range f.Items {
		if got := Teaser(it); got != want[i] {
			t.Errorf("Teaser(%q) = %v, want %v", it.Title, got, want[i])
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  plain   title\n", "plain title"},
		{"Trade &amp; tariffs", "Trade & tariffs"},
		{"AT&T and allies", "AT&T and allies"},
		{"<p>one</p><p>two</p>", "one two"},
		{"the <em>quiet</em> vote", "the quiet vote"},
		{"a\u00a0b", "a b"},
		{"Japan <3 Italy", "Japan <3 Italy"},
		{"<style>p{}</style>text<script>x()</script>", "text"},
		{"&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
