package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The three shapes of page on which the pipeline once lost the article to
// something beside it, while go-readability alone did not (or did no
// better). The fixtures are pages of our own words in the markup of
// common blog and council templates.
func TestArticleBesideOtherText(t *testing.T) {
	cases := []struct {
		file string
		want []string // sentences of the article
		not  []string // text beside it
	}{
		{
			// A short post whose container carries the blog engine's
			// classes ("tag-coast", "has-post-thumbnail"), beside a long
			// author box typed as a schema.org Person.
			file: "authorbox.html",
			want: []string{
				"We spent a week driving east from Genoa, stopping only where the road met the sea.",
				"Tellaro was the smallest. A single lane leads down to a church on the rocks, and nobody hurries.",
			},
			not: []string{"Marta Bellini grew up in a village", "Her guides to walking the coast", "Post navigation"},
		},
		{
			// A two-line post closed by a longer note about its author
			// under "About" and the byline's name, with no class that
			// says author.
			file: "authornote.html",
			want: []string{"Camogli at dawn, from the end of the harbour wall.", "More photographs from the coast next week."},
			not:  []string{"About Marta Bellini", "grew up in a village", "Her guides to walking the coast"},
		},
		{
			// A three-paragraph post followed by a thread of long comments
			// and its reply form.
			file: "comments.html",
			want: []string{
				"After three years of apps, I bought a plain notebook in December and have not looked back.",
				"It is slower. That is the point.",
			},
			not: []string{"I did the same thing two years ago", "Just a cheap lined exercise book", "Your email address will not be published"},
		},
		{
			// The same post and thread in a template whose classes never
			// say "comment": the thread is a list of entries with names
			// and dates, followed by a form to write one.
			file: "discussion.html",
			want: []string{
				"After three years of apps, I bought a plain notebook in December and have not looked back.",
				"It is slower. That is the point.",
			},
			not: []string{"I did the same thing two years ago", "Just a cheap lined exercise book", "Your email address will not be published", "thoughts on"},
		},
		{
			// A notice of eleven short lines, with sidebar boxes of longer
			// paragraphs before its headline.
			file: "shortblocks.html",
			want: []string{"Marathon day: Sunday.", "Roads close: 6am.", "Questions: 01632 960 214."},
			not:  []string{"Pay a parking fine", "The town hall is open Monday to Friday", "Popular pages"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			page, err := Extract(body, "https://blog.example/2023/05/post/", "")
			if err != nil {
				t.Fatal(err)
			}
			text := page.Text()
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("article sentence missing: %q\ngot:\n%s", w, text)
				}
			}
			for _, n := range c.not {
				if strings.Contains(text, n) {
					t.Errorf("text beside the article kept: %q\ngot:\n%s", n, text)
				}
			}
		})
	}
}

// Ruby annotations (the small reading printed above words, as on pages
// for learners of Japanese) are not part of the sentence.
func TestRubyAnnotationsLeftOut(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>港の新しい船</title></head><body><article><h1>港の新しい船</h1>`)
	for i := 0; i < 6; i++ {
		b.WriteString(`<p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>に<ruby>新<rt>あたら</rt></ruby>しい<ruby>船<rt>ふね</rt></ruby>が<ruby>来<rt>き</rt></ruby>ました。町の人たちは朝から岸に集まって、大きな船を見ていました。子どもたちも手を振っていました。</p>`)
	}
	b.WriteString(`</article></body></html>`)
	page, err := Extract([]byte(b.String()), "https://news.example/ja/1", "")
	if err != nil {
		t.Fatal(err)
	}
	text := page.Text()
	if !strings.Contains(text, "港に新しい船が来ました。") || strings.Contains(text, "みなと") || strings.Contains(text, "(") {
		t.Errorf("ruby readings kept or the sentence broken:\n%s", text)
	}
}
