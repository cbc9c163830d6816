package geo

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseWords(t *testing.T) {
	g := mustNew(t)
	cases := []struct {
		name  string
		words string // split on spaces; "|" separates words that hold spaces
		at    string
		codes []string
		rest  []string
	}{
		{"two countries", "japan italy", "", []string{"JP", "IT"}, nil},
		{"topic words", "japan italy defense", "", []string{"JP", "IT"}, []string{"defense"}},
		{"demonyms", "japanese italian fighter jet", "", []string{"JP", "IT"}, []string{"fighter", "jet"}},
		{"multi-word first", "south korea united states", "", []string{"KR", "US"}, nil},
		{"order kept and repeats dropped", "italy japan tokyo rome", "", []string{"IT", "JP"}, nil},
		{"capital", "tokyo", "", []string{"JP"}, nil},
		{"leader at the date", "kishida", "2023-01-01", []string{"JP"}, nil},
		{"leader before the first term", "meloni", "2018-01-01", nil, []string{"meloni"}},
		{"full name before the first term", "giorgia meloni", "2018-01-01", []string{"IT"}, nil},
		{"us", "us china", "", []string{"US", "CN"}, nil},
		{"U.S.", "U.S. trade", "", []string{"US"}, []string{"trade"}},
		{"g 7", "g 7", "", []string{"G7"}, nil},
		{"g7", "G7 summit", "", []string{"G7"}, []string{"summit"}},
		{"body long name", "group of seven", "", []string{"G7"}, nil},
		{"case", "JAPAN South KOREA", "", []string{"JP", "KR"}, nil},
		{"diacritics", "türkiye turkiye", "", []string{"TR"}, nil},
		{"jordan is a country in queries", "jordan chad turkey georgia", "", []string{"JO", "TD", "TR", "GE"}, nil},
		{"possessive", "japan's navy", "", []string{"JP"}, []string{"navy"}},
		{"punctuation", "japan, italy.", "", []string{"JP", "IT"}, nil},
		{"a place that names no state", "new mexico", "", nil, []string{"new", "mexico"}},
		{"south china sea", "china south china sea", "", []string{"CN"}, []string{"south", "china", "sea"}},
		{"words with spaces", "south korea|north korea", "", []string{"KR", "KP"}, nil},
		{"plain korea", "korea", "", []string{"KR"}, nil},
		{"the netherlands", "the netherlands", "", []string{"NL"}, nil},
		{"nato eu", "nato eu brics", "", []string{"NATO", "EU", "BRICS"}, nil},
		{"only stopwords", "what is the of and", "", nil, []string{"what", "is", "the", "of", "and"}},
		{"empty words dropped", "| |japan", "", []string{"JP"}, nil},
		{"unknown", "atlantis", "", nil, []string{"atlantis"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var words []string
			if strings.Contains(c.words, "|") {
				words = strings.Split(c.words, "|")
			} else {
				words = strings.Fields(c.words)
			}
			at := date("2024-06-01")
			if c.at != "" {
				at = date(c.at)
			}
			got := g.ParseWords(words, at)
			if !reflect.DeepEqual(got.Codes, c.codes) || !reflect.DeepEqual(got.Rest, c.rest) {
				t.Errorf("ParseWords(%q) = %q / %q, want %q / %q", words, got.Codes, got.Rest, c.codes, c.rest)
			}
		})
	}
}

func TestParseWordsMany(t *testing.T) {
	g := mustNew(t)
	var words []string
	for _, c := range g.Names() {
		words = append(words, c.Name)
	}
	for len(words) < 500 {
		words = append(words, words...)
	}
	got := g.ParseWords(words, date("2024-06-01"))
	if len(got.Codes) != len(g.Names()) {
		t.Errorf("ParseWords(all names x%d) gave %d codes, want %d", len(words)/len(g.Names()), len(got.Codes), len(g.Names()))
	}
	if len(got.Rest) != 0 {
		t.Errorf("Rest = %q, want none", got.Rest)
	}
}

func TestSuggest(t *testing.T) {
	g := mustNew(t)
	cases := []struct {
		word  string
		first string // "" when nothing should be near
	}{
		{"japn", "Japan"},
		{"itlay", "Italy"},
		{"Itlay", "Italy"},
		{"germny", "Germany"},
		{"tokio", "Japan"},
		{"phillipines", "Philippines"},
		{"ukriane", "Ukraine"},
		{"kazakstan", "Kazakhstan"},
		{"japanees", "Japan"},
		{"atlantis", ""},
		{"zzzzqqq", ""},
		{"", ""},
		{"a", ""},
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			got := g.Suggest(c.word, 3)
			if c.first == "" {
				if len(got) != 0 {
					t.Errorf("Suggest(%q) = %q, want none", c.word, got)
				}
				return
			}
			if len(got) == 0 || got[0] != c.first {
				t.Errorf("Suggest(%q) = %q, want %q first", c.word, got, c.first)
			}
			if len(got) > 3 {
				t.Errorf("Suggest(%q, 3) gave %d names", c.word, len(got))
			}
		})
	}
	if got := g.Suggest("japn", 0); got != nil {
		t.Errorf("Suggest(n=0) = %q, want nil", got)
	}
}
