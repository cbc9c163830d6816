package fts

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	_ "modernc.org/sqlite"
)

// fts5 tokenizes texts with SQLite's own FTS5, configured as the store's
// index is, for side-by-side comparison.
type fts5 struct {
	db *sql.DB
}

func newFTS5(t testing.TB) *fts5 {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab (t, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return &fts5{db: db}
}

// terms returns FTS5's terms of text, in order.
func (f *fts5) terms(t testing.TB, text string) []string {
	t.Helper()
	ctx := context.Background()
	if _, err := f.db.ExecContext(ctx, `INSERT INTO t (rowid, x) VALUES (1, ?)`, text); err != nil {
		t.Fatal(err)
	}
	rows, err := f.db.QueryContext(ctx, `SELECT term, offset FROM v ORDER BY offset`)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		var term string
		var off int
		if err := rows.Scan(&term, &off); err != nil {
			t.Fatal(err)
		}
		if off != len(out) {
			t.Fatalf("FTS5 offset %d after %d terms", off, len(out))
		}
		out = append(out, term)
	}
	rows.Close()
	if _, err := f.db.ExecContext(ctx, `DELETE FROM t`); err != nil {
		t.Fatal(err)
	}
	return out
}

func goTerms(text string) []string {
	var out []string
	Terms(text, func(tok Token) {
		if tok.Position != len(out) {
			panic(fmt.Sprintf("position %d after %d terms", tok.Position, len(out)))
		}
		out = append(out, tok.Term)
	})
	return out
}

// firstDifference describes where two term lists part.
func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("term %d: got %q, FTS5 %q (context %q)", i, got[i], want[i], want[max(0, i-3):min(len(want), i+3)])
		}
	}
	return fmt.Sprintf("got %d terms, FTS5 %d", len(got), len(want))
}

// Every character of the Basic Multilingual Plane and the next two
// planes, inside a word, at its start and alone, is a token character or
// a separator, and folds, exactly as in FTS5. (gen_chars.go asked FTS5
// about every character; this holds the table to it.)
func TestCharactersAsFTS5(t *testing.T) {
	f := newFTS5(t)
	bad := 0
	for lo := rune(0x80); lo < 0x30000 && bad < 20; lo += 4096 {
		var b strings.Builder
		for r := lo; r < lo+4096; r++ {
			if utf8.ValidRune(r) {
				fmt.Fprintf(&b, "q%cq %cq %c ", r, r, r)
			}
		}
		text := b.String()
		if got, want := goTerms(text), f.terms(t, text); !slices.Equal(got, want) {
			t.Errorf("U+%04X to U+%04X: %s (run go generate ./sources/fts)", lo, lo+4095, firstDifference(got, want))
			bad++
		}
	}
}

// Words of English prose stem as FTS5's porter tokenizer stems them.
func TestStemsAsFTS5(t *testing.T) {
	f := newFTS5(t)
	words := strings.Fields(`caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll roll generalizations oscillators yelling yyy yes eyes by say sayings agreement agreed bleed breed need ed ing ies sses ss s aaa abc abilities`)
	text := strings.Join(words, " ")
	if got, want := goTerms(text), f.terms(t, text); !slices.Equal(got, want) {
		t.Errorf("stems differ: %s", firstDifference(got, want))
		for i, w := range words {
			if g, fw := Stem(w), f.terms(t, w); len(fw) == 1 && g != fw[0] {
				t.Logf("word %d %q: got %q, FTS5 %q", i, w, g, fw[0])
			}
		}
	}
}

// Odd texts: a token longer than FTS5 keeps, digits, marks at the start
// of a word, invalid UTF-8.
func TestOddTextsAsFTS5(t *testing.T) {
	f := newFTS5(t)
	for _, text := range []string{
		strings.Repeat("ab", 20000) + " tail",
		"2024's G7 co-operation U.S.-led ́accent naïve Ærø façade ΣΊΣΥΦΟΣ Москва",
		"bad \xff\xfe bytes \xe2\x82 here",
		"",
	} {
		if got, want := goTerms(text), f.terms(t, text); !slices.Equal(got, want) {
			t.Errorf("%.40q: %s", text, firstDifference(got, want))
		}
	}
}

// Real articles give the same terms, in the same positions, as FTS5.
func TestEvalCorporaAsFTS5(t *testing.T) {
	f := newFTS5(t)
	seen := 0
	for _, name := range []string{"bbc-news-dev.jsonl", "reuters-dev.jsonl"} {
		file, err := os.Open("../../../shared/eval/" + name)
		if err != nil {
			t.Logf("skipping %s: %v", name, err)
			continue
		}
		sc := bufio.NewScanner(file)
		sc.Buffer(nil, 16<<20)
		n := 0
		for sc.Scan() && n < 400 {
			var a struct{ Title, Text string }
			if json.Unmarshal(sc.Bytes(), &a) != nil {
				continue
			}
			n++
			for _, text := range []string{a.Title, a.Text} {
				if got, want := goTerms(text), f.terms(t, text); !slices.Equal(got, want) {
					t.Errorf("%s article %d: %s", name, n, firstDifference(got, want))
				}
			}
		}
		file.Close()
		seen += n
	}
	if seen == 0 {
		t.Skip("no evaluation corpus in ../shared/eval")
	}
}
