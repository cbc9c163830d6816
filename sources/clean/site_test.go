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

// A page alone is compared with the site's record: a block on most of the
// site's recent pages is the site's; one that two stories shared is not;
// a site with too few pages recorded changes nothing.
func TestSiteFurnitureWithRecord(t *testing.T) {
	footer := "Letters to the Lantern go to the post box by the chandlery door."
	background := "The pier was built in 1897 and has been closed twice for repairs since the war."
	page := paras("Volunteers counted forty-one puffins on the stack at Gull Point.", background, footer)
	rec := SiteRecord{Pages: 10, Counts: map[uint64]int{
		Fingerprint(footer):     9,
		Fingerprint(background): 2,
	}}
	got := SiteFurnitureWith([][]doc.Block{page}, rec)
	if g := texts(got[0]); !reflect.DeepEqual(g, texts(page[:2])) {
		t.Errorf("with a record of 10 pages: %q; want the footer gone and the rest kept", g)
	}
	few := SiteRecord{Pages: 1, Counts: map[uint64]int{Fingerprint(footer): 1}}
	if got := SiteFurnitureWith([][]doc.Block{page}, few); !reflect.DeepEqual(got[0], page) {
		t.Errorf("with one page recorded: %q; want the page unchanged", texts(got[0]))
	}
	if Fingerprint(footer) != Fingerprint("LETTERS to the Lantern go to the post-box by the chandlery door!") || Fingerprint("…") != 0 {
		t.Error("fingerprints should ignore case and punctuation, and be 0 without words")
	}
}
