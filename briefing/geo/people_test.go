package geo

import (
	"sort"
	"testing"
	"time"
)

func TestPerson(t *testing.T) {
	g := mustNew(t)
	cases := []struct {
		name, at         string
		want, role, code string // want "" when no one
	}{
		{"Kishida", "2023-05-01", "Fumio Kishida", "Prime Minister of Japan", "JP"},
		{"fumio kishida", "2023-05-01", "Fumio Kishida", "Prime Minister of Japan", "JP"},
		{"Kishida", "2016-05-01", "Fumio Kishida", "Foreign Minister of Japan", "JP"},
		{"Kishida", "2021-10-04", "Fumio Kishida", "Prime Minister of Japan", "JP"},
		{"Kishida", "2024-10-01", "Fumio Kishida", "former Prime Minister of Japan", "JP"},
		{"Meloni", "2022-10-22", "Giorgia Meloni", "Prime Minister of Italy", "IT"},
		{"Meloni", "2022-10-21", "", "", ""},
		{"Giorgia Meloni", "2019-01-01", "", "", ""},
		{"Rutte", "2025-01-01", "Mark Rutte", "Secretary General of NATO", "NATO"},
		{"Rutte", "2020-01-01", "Mark Rutte", "Prime Minister of the Netherlands", "NL"},
		{"Blinken", "2022-01-01", "Antony Blinken", "United States Secretary of State", "US"},
		{"Trump", "2019-01-01", "Donald Trump", "President of the United States", "US"},
		{"Trump", "2022-01-01", "Donald Trump", "former President of the United States", "US"},
		{"Trump", "2025-06-01", "Donald Trump", "President of the United States", "US"},
		{"Sharif", "2016-01-01", "Nawaz Sharif", "Prime Minister of Pakistan", "PK"},
		{"Sharif", "2023-01-01", "Shehbaz Sharif", "Prime Minister of Pakistan", "PK"},
		{"Erdogan", "2024-01-01", "Recep Tayyip Erdoğan", "President of Turkey", "TR"},
		{"Guterres", "2024-01-01", "António Guterres", "Secretary-General of the United Nations", "UN"},
		{"Lammy", "2025-01-01", "David Lammy", "Foreign Secretary of the United Kingdom", "GB"},
		{"Johnson", "2020-01-01", "", "", ""},
		{"Nobody Atall", "2020-01-01", "", "", ""},
		{"", "2020-01-01", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name+"@"+c.at, func(t *testing.T) {
			p, ok := g.Person(c.name, date(c.at))
			if c.want == "" {
				if ok {
					t.Errorf("Person(%q, %s) = %+v, want none", c.name, c.at, p)
				}
				return
			}
			if !ok || p.Name != c.want || p.Role != c.role || p.Code != c.code {
				t.Errorf("Person(%q, %s) = %+v, %v; want %s, %s, %s", c.name, c.at, p, ok, c.want, c.role, c.code)
			}
		})
	}
}

// TestPeopleTermsDoNotOverlap checks the data: two holders of one office
// of one country never overlap, and every term ends after it starts.
func TestPeopleTermsDoNotOverlap(t *testing.T) {
	g := mustNew(t)
	byOffice := map[string][]person{}
	for _, p := range g.people {
		k := p.Code + "/" + p.Role
		byOffice[k] = append(byOffice[k], p)
	}
	for k, ps := range byOffice {
		sort.Slice(ps, func(i, j int) bool { return ps[i].From.Before(ps[j].From) })
		for i := 1; i < len(ps); i++ {
			prevEnd := ps[i-1].To
			if prevEnd.IsZero() || prevEnd.After(ps[i].From) {
				t.Errorf("%s: %s (%s to %s) overlaps %s (from %s)", k, ps[i-1].Name, day(ps[i-1].From), day(prevEnd), ps[i].Name, day(ps[i].From))
			}
		}
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return "now"
	}
	return t.Format("2006-01-02")
}

// TestG20Leaders checks that every G20 country has a head of state or
// government and a foreign minister in office on dates across 2016-2025.
func TestG20Leaders(t *testing.T) {
	g := mustNew(t)
	heads := map[string]bool{"President": true, "Prime Minister": true, "Chancellor": true, "King": true, "Queen": true, "Emperor": true, "Premier": true, "Crown Prince": true}
	g20 := []string{"AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "MX", "RU", "SA", "ZA", "KR", "TR", "GB", "US"}
	for _, d := range []string{"2016-06-01", "2019-06-01", "2022-06-01", "2025-08-01"} {
		at := date(d)
		for _, code := range g20 {
			head, fm := false, false
			for _, p := range g.people {
				if p.Code != code || !p.inOffice(at) {
					continue
				}
				if heads[p.office] {
					head = true
				} else {
					fm = true
				}
			}
			if !head || !fm {
				t.Errorf("%s on %s: head of state or government %v, foreign minister %v", code, d, head, fm)
			}
		}
	}
}

func TestPersonSeveralOffices(t *testing.T) {
	g := mustNew(t)
	runTagCases(t, []tagCase{
		{"Lagarde at the IMF", "Lagarde warned about debt.", "2018-01-01", "IMF"},
		{"Lagarde at the ECB", "Lagarde warned about inflation.", "2023-01-01", "EU"},
		{"Draghi at the ECB", "Draghi cut rates.", "2016-03-10", "EU"},
		{"Draghi in Rome", "Draghi resigned.", "2022-07-21", "IT"},
	})
	if p, ok := g.Person("Draghi", date("2025-01-01")); !ok || p.Role != "former Prime Minister of Italy" {
		t.Errorf("Person(Draghi, 2025) = %+v, %v; want the former prime minister", p, ok)
	}
}
