package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenQuote is how a Quote is written to a golden file.
type goldenQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
	Partial bool   `json:"partial"`
	Para    int    `json:"para"`
}

// TestGolden runs Find on each testdata/*.txt article (written for these
// tests in the shapes of real pages) and compares with the .golden file.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var gq []goldenQuote
			for _, q := range find(t, string(text)) {
				gq = append(gq, goldenQuote{q.Text, q.Speaker, q.Role, q.Partial, q.Para})
			}
			got, err := json.MarshalIndent(gq, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Find(%s) =\n%s\nwant\n%s", f, got, want)
			}
		})
	}
}

// TestBlockLayout checks the block layout of the seed page on fixtures of
// the same shape: speech without marks, then the speaker's name and role.
func TestBlockLayout(t *testing.T) {
	tests := []struct {
		file string
		want []want
	}{
		{"testdata/block-one-line.txt", []want{
			{text: "We are glad that Chile is sending more research vessels to the Arctic, and that several Chilean scientists, including a team from Valparaíso, will join our winter expedition this year", speaker: "Ingrid Solberg", role: "Norwegian Prime Minister"},
			{text: "The new working group on ocean data will meet in April, and there will be shared cruises every year, because Chile wants a lasting place in polar science", speaker: "Mateo Rojas", role: "Chilean President"},
			{text: "as close as neighbours on the same street", speaker: "Erik Dahl and Rosa Fuentes", role: "commander of the research ship Polarlys and Chief of Chilean Naval Research Captain", partial: true},
		}},
		{"testdata/block-two-lines.txt", []want{
			{text: "This port will carry a third of our trade within ten years, and Korean engineers will help us build it faster than anyone thought possible", speaker: "Amani Wekesa", role: "Kenyan Minister of Transport"},
			{text: "Our companies are ready to start work before the rainy season, and we will train local crews from the first day", speaker: "Park Ji-hoon", role: "Korean Ambassador to Kenya"},
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			text, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got := find(t, string(text))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				if got[i].Text != w.text || got[i].Speaker != w.speaker || got[i].Role != w.role || got[i].Partial != w.partial {
					t.Errorf("quote %d = %+v, want %+v", i, got[i], w)
				}
				if string(text[got[i].Start:got[i].End]) != got[i].Text {
					t.Errorf("quote %d: offsets give %q", i, text[got[i].Start:got[i].End])
				}
			}
		})
	}
}

// TestSeedPage reads the real seed page when the shared folder is beside
// the repository, and skips otherwise.
func TestSeedPage(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "seeds", "japan-italy-defense.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed page not available: %v", err)
	}
	got := find(t, string(text))
	find := func(prefix string) *Quote {
		for i := range got {
			if strings.HasPrefix(got[i].Text, prefix) {
				return &got[i]
			}
		}
		return nil
	}
	checks := []struct {
		prefix, speaker, role string
		partial               bool
	}{
		{"We welcome that Italy", "Fumio Kishida", "Japanese Prime Minister", false},
		{"The new consultation mechanism", "Giorgia Meloni", "Italian Prime Minister", false},
	}
	for _, c := range checks {
		q := find(c.prefix)
		if q == nil {
			t.Errorf("no quote starting %q in %+v", c.prefix, got)
			continue
		}
		if q.Speaker != c.speaker || q.Role != c.role || q.Partial != c.partial {
			t.Errorf("quote %q: speaker %q role %q partial %v, want %q %q %v", c.prefix, q.Speaker, q.Role, q.Partial, c.speaker, c.role, c.partial)
		}
	}
	q := find("as strong as Romeo and Juliet")
	if q == nil {
		t.Fatalf("no Romeo and Juliet quote in %+v", got)
	}
	if !q.Partial {
		t.Errorf("Romeo and Juliet quote not partial")
	}
	if !strings.Contains(q.Speaker, "Sakai") || !strings.Contains(q.Speaker, "Credendino") {
		t.Errorf("Romeo and Juliet speaker = %q, want both admirals", q.Speaker)
	}
	if len(got) != 3 {
		t.Errorf("got %d quotes, want 3: %+v", len(got), got)
	}
}
