package briefing

import (
	"testing"
	"time"

	"attache/briefing/geo"
)

// A person named with words after "from" that say no kind of body ("Dan
// Noonan from Voxline") is a person whose role the article does not give
// in a form the finder reads: left out, like any person without a role.
// Before, the name and the words were shown as one speaker with no role.
func TestArticleQuotesNameFromUnknownBody(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Phone owners no longer learn numbers.\n\n" +
		"\"We are a nation of lazy people who never write numbers down,\" Dan Noonan from Voxline said."
	published := time.Date(2005, 4, 14, 12, 0, 0, 0, time.UTC)
	for _, q := range ArticleQuotes(g, text, published) {
		t.Errorf("%q shown as said by %q (%q); want it left out", q.Text, q.Speaker, q.Role)
	}
}
