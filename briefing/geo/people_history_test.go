package geo

import (
	"testing"
	"time"
)

// Office holders before 2010 are in the gazetteer too, so that a quote in
// an older article gets the speaker's office on its date; their surnames
// alone tag nothing ("Brown", "Baker", "Major" are common words and names).
func TestPeopleBefore2010(t *testing.T) {
	g, err := New()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name, date, role string
	}{
		{"Tony Blair", "2005-03-01", "Prime Minister of the United Kingdom"},
		{"Gordon Brown", "2005-03-01", "Chancellor of the Exchequer"},
		{"Gordon Brown", "2008-03-01", "Prime Minister of the United Kingdom"},
		{"Jack Straw", "2005-03-01", "Foreign Secretary of the United Kingdom"},
		{"James Baker", "1987-04-01", "United States Secretary of the Treasury"},
		{"James Baker", "1990-04-01", "United States Secretary of State"},
		{"Mikhail Gorbachev", "1987-04-01", "General Secretary of the Soviet Communist Party"},
		{"Gerhard Schroeder", "2004-06-01", "Chancellor of Germany"},
	}
	for _, tt := range tests {
		p, ok := g.Person(tt.name, day(tt.date))
		if !ok || p.Role != tt.role {
			t.Errorf("Person(%q, %s) = %+v, %v; want role %q", tt.name, tt.date, p, ok, tt.role)
		}
	}
	if got := g.Tag("Mr Brown and Mr Baker met Major Jones.", day("2008-03-01")); len(got) != 0 {
		t.Errorf("surnames alone tag %v, want nothing", got)
	}
}
