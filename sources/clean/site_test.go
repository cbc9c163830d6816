package clean

import (
	"reflect"
	"testing"

	"attache/sources/doc"
)

func TestSiteFurniture(t *testing.T) {
	promo := "Get the Harbour Ledger in your letterbox every Friday for half the price of the shop."
	note := "The Harbour Ledger is an independent paper owned by its readers' trust."
	shared := "The port has been run by the town council since 1952, when the fishing company closed."
	pages := [][]doc.Block{
		paras("The ferry timetable changes on Monday, with two more sailings on weekdays.", promo, note),
		paras("Fishermen voted to keep the Sunday market on the quay for another year.", shared, promo, note),
		paras("Work on the new breakwater starts in March and should last two summers.", shared, "get the harbour ledger in your letterbox every Friday, for half the price of the shop!", note),
		paras("The lifeboat crew rescued two walkers cut off by the tide at Gull Point.", note),
		paras(promo, note), // nothing of its own: left for duplicate detection
	}
	got := SiteFurniture(pages)
	want := [][]string{
		{"The ferry timetable changes on Monday, with two more sailings on weekdays."},
		{"Fishermen voted to keep the Sunday market on the quay for another year.", shared},
		{"Work on the new breakwater starts in March and should last two summers.", shared},
		{"The lifeboat crew rescued two walkers cut off by the tide at Gull Point."},
		{promo, note},
	}
	for i := range want {
		if g := texts(got[i]); !reflect.DeepEqual(g, want[i]) {
			t.Errorf("page %d: got %q, want %q", i, g, want[i])
		}
	}
	if g := texts(pages[0]); len(g) != 3 {
		t.Errorf("the input was changed: %q", g)
	}
	// Two pages are not enough to tell a site's line from a shared story.
	two := SiteFurniture(pages[:2])
	if !reflect.DeepEqual(two, pages[:2]) {
		t.Errorf("two pages changed: %v", two)
	}
}
