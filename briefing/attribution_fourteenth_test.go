package briefing

import (
	"testing"
	"time"

	"attache/briefing/geo"
)

// Classes of the fourteenth hand-labelled set that the brief decides:
// a surname the article gives elsewhere after initials is a person's,
// shown only with a role; a firm's list of accused people after its name
// is no role of the firm. Each quotation below was shown before (as
// "Mahon" with no role, and with the role "its chairman and another
// senior executive").
func TestArticleQuotesFourteenthClasses(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "R. T. Mahon, a lawyer representing the airline, told reporters the filing was forced by its suppliers.\n\n" +
		"\"All business after the filing will be done on normal terms,\" Mahon said.\n\n" +
		"The market regulator has filed complaints against Meridian Telecom, its chairman and another senior executive.\n\n" +
		"Meridian Telecom has said there is \"no case to answer for anyone in the complaints\" filed this week."
	published := time.Date(1987, 4, 14, 12, 0, 0, 0, time.UTC)
	for _, q := range ArticleQuotes(g, text, published) {
		if q.Speaker == "Mahon" || q.Role != "" && q.Speaker == "Meridian Telecom" {
			t.Errorf("%q shown as said by %q (%q); want it left out, or shown with no role for the firm", q.Text, q.Speaker, q.Role)
		}
	}
}
