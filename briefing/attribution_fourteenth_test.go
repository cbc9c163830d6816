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

// A title read without its first word is only part of the title the
// article gives before the name: not shown. Before, the first two were
// shown as "Courier reporter" and "inspector".
func TestArticleQuotesRoleCutAtItsStart(t *testing.T) {
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "A new account of the talks, written by Sunday Courier reporter Ann Lee, says the two men barely spoke.\n\n" +
		"\"They sat at the same table for an hour and never looked at each other,\" Ms Lee said.\n\n" +
		"The agency is reviewing its safety rules, mining inspector Tom Reade said.\n\n" +
		"\"We want the same rules in every pit,\" Reade said.\n\n" +
		"On Monday Energy Minister Karl Brandt said the mines would stay open.\n\n" +
		"\"No pit will close this year,\" Brandt told reporters."
	published := time.Date(1987, 4, 14, 12, 0, 0, 0, time.UTC)
	got := map[string]ShownQuote{}
	for _, q := range ArticleQuotes(g, text, published) {
		got[q.Speaker] = q
	}
	for _, who := range []string{"Ann Lee", "Tom Reade"} {
		if q, ok := got[who]; ok {
			t.Errorf("%q shown as said by %q (%q); want it left out", q.Text, q.Speaker, q.Role)
		}
	}
	if q, ok := got["Karl Brandt"]; !ok || q.Role != "Energy Minister" {
		t.Errorf("the minister named after a day: shown %v (%+v); want him shown as Energy Minister", ok, q)
	}
}
