package extract

import (
	"strings"
	"testing"

	"attache/sources/doc"
)

// Classes of page on which the snippet benchmark showed the pipeline
// keeping furniture or losing the article, each recurring on several
// sites: fixtures of our own words in the markup of common templates, each
// of which failed before the rule it tests.
func TestStructuralFurniture(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s+" ", 3) }
	body := `<p>` + long("Bumblebees fly in cooler weather than honeybees do, and a garden with early flowers feeds the queens that wake in March.") + `</p>
<p>` + long("Willow, crocus and lungwort open before most other plants, and a few of each in a sunny corner make a real difference.") + `</p>
<p>` + long("Later in the year, foxgloves, clover and lavender keep the colonies going until the new queens leave the nest in autumn.") + `</p>`
	cases := []struct {
		name string
		page string
		want []string
		not  []string
	}{
		{
			// A box asking the reader to rate the article, at its end.
			name: "rating box",
			page: `<html><head><title>Bumblebees in the garden</title></head><body><main><article><h1>Bumblebees in the garden</h1>
<div class="entry-content">` + body + `
<div class="post-ratings" id="post-ratings-812"><strong>Was this article useful?</strong> <img src="/star.gif" alt="1 star"><img src="/star.gif" alt="2 stars"> <span>(41 votes, on average 4.6 of 5)</span></div>
</div></article></main></body></html>`,
			want: []string{"Bumblebees fly in cooler weather", "until the new queens leave the nest"},
			not:  []string{"Was this article useful?", "41 votes"},
		},
		{
			// The box that stands where a paywalled article goes on.
			name: "paywall box",
			page: `<html><head><title>Bumblebees in the garden</title></head><body><main><article><h1>Bumblebees in the garden</h1>
<div class="article-body">` + body + `
<section class="article-paywall"><h2>The rest of this article is for members</h2><p>Members read every article of the garden pages and the archive since 1998.</p><p><a href="/join">Become a member</a> <a href="/login">I am already a member</a></p></section>
</div></article></main></body></html>`,
			want: []string{"Bumblebees fly in cooler weather", "until the new queens leave the nest"},
			not:  []string{"The rest of this article is for members", "archive since 1998"},
		},
		{
			// A thread of comments that the site names in its own
			// language, here with its form and no comment yet.
			name: "comment thread named in German",
			page: `<html><head><title>Hummeln im Garten</title></head><body><main><article><h1>Hummeln im Garten</h1>
<div class="artikel">` + body + `
<section class="kommentare" id="kommentare"><h3>Kommentare</h3><p>Noch keine Kommentare (sie erscheinen, sobald die Redaktion sie geprüft hat)</p>
<form action="/kommentar" method="post"><label>Name</label><input name="name"><textarea name="text"></textarea><button>Senden</button></form></section>
</div></article></main></body></html>`,
			want: []string{"Bumblebees fly in cooler weather", "until the new queens leave the nest"},
			not:  []string{"Noch keine Kommentare", "sobald die Redaktion"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := Extract([]byte(c.page), "https://blog.example/2024/05/post/", "text/html")
			if err != nil {
				t.Fatal(err)
			}
			text := page.Text()
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in\n%s", w, text)
				}
			}
			for _, n := range c.not {
				if strings.Contains(text, n) {
					t.Errorf("kept %q in\n%s", n, text)
				}
			}
		})
	}
}

// A post laid out by a page builder: every block, the headline's too, sits
// in a wrapper the builder calls a "widget", a word that marks sidebars and
// footers elsewhere. The words that the headline's own wrappers carry mark
// nothing on that page: the post's paragraphs, split across columns, are
// not furniture when the readings are weighed, and an <aside> still is.
func TestLayoutWordsOfTheHeadline(t *testing.T) {
	var columns string
	for _, c := range []string{
		"Summer is here, hair goes up, and ears are on show again: the best time of the year for small gold rings and a cuff or two.",
		"If you have no pierced ears, a cuff that simply clips on the rim of the ear is the easiest way to join in.",
		"Small charms hang from any plain hoop, so one pair of hoops gives a different look every day of the week.",
	} {
		columns += `<section class="pb-section pb-inner-section"><div class="pb-column pb-col-50"><div class="pb-widget-wrap">
<div class="pb-element pb-widget pb-widget-image"><div class="pb-widget-container"><img src="/a.jpg" alt=""></div></div></div></div>
<div class="pb-column pb-col-50"><div class="pb-widget-wrap"><div class="pb-element pb-widget pb-widget-text"><div class="pb-widget-container">
<p>` + c + `</p><p>Cuff: <span class="brand">Little Tide</span></p></div></div></div></div></section>`
	}
	page := `<html><head><title>Ear candy</title></head><body>
<div class="pb-page"><section class="pb-section pb-top-section"><div class="pb-column pb-col-100"><div class="pb-widget-wrap">
<div class="pb-element pb-widget pb-widget-heading"><div class="pb-widget-container"><h1 class="pb-heading-title">Ear candy</h1></div></div>
` + columns + `</div></div></section></div>
<aside><p>Ear candy is a blog about jewellery, written in a small flat above the harbour.</p></aside></body></html>`
	root, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	ev := newEvidence(root, "Ear candy", "Ear candy", "")
	post := []doc.Block{
		{Text: "Summer is here, hair goes up, and ears are on show again: the best time of the year for small gold rings and a cuff or two."},
		{Text: "Small charms hang from any plain hoop, so one pair of hoops gives a different look every day of the week."},
	}
	if got := ev.markedShare(post); got != 0 {
		t.Errorf("the post's paragraphs count as furniture: marked share %.2f, want 0", got)
	}
	aside := []doc.Block{{Text: "Ear candy is a blog about jewellery, written in a small flat above the harbour."}}
	if got := ev.markedShare(aside); got != 1 {
		t.Errorf("the aside's paragraph: marked share %.2f, want 1", got)
	}
}
