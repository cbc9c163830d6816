package postgres

import (
	"strings"
	"testing"
)

// A document's tsvector lists each term once with its positions, the
// title's weighted A, the body's after a gap, quotes doubled.
func TestIndexDocument(t *testing.T) {
	d := indexDocument("Japan's talks", "Talks in Rome's talks.")
	want := `'in':6 'japan':1A 'rome':7 's':2A,8 'talk':3A,5,9`
	if d.tsv.String() != want || d.tokens != 8 {
		t.Errorf("indexDocument = %q, %d tokens; want %q, 8", d.tsv.String(), d.tokens, want)
	}
	d = indexDocument("O'Brien \\ back", "")
	if want := `'back':3A 'brien':2A 'o':1A`; d.tsv.String() != want {
		t.Errorf("indexDocument = %q, want %q", d.tsv.String(), want)
	}
	long := strings.Repeat("word ", 20000)
	d = indexDocument("T", long)
	if n := strings.Count(d.tsv.String(), ","); n != 255 || d.tokens != 20001 {
		t.Errorf("a word 20,000 times: %d positions kept, %d tokens; want 256 (the most a lexeme holds), 20001", n+1, d.tokens)
	}
	d = indexDocument("T", strings.Repeat("x", 3000)+" y")
	if strings.Contains(d.tsv.String(), "xxx") || !strings.Contains(d.tsv.String(), "'y':") {
		t.Errorf("a 3,000-byte word: %.60q…; want it left out and the next word kept", d.tsv.String())
	}
}

// Query words become a tsquery that needs each word, any of its
// alternatives, and the terms of a word in a row.
func TestTSQuery(t *testing.T) {
	tests := []struct {
		words    []string
		want     string
		hasWords bool
	}{
		{[]string{"Japan", "defense|defence"}, `'japan' & ('defens' | 'defenc')`, true},
		{[]string{"co-operation"}, `'co' <-> 'oper'`, true},
		{[]string{"it's"}, `'it' <-> 's'`, true},
		{[]string{"O'Brien"}, `'o' <-> 'brien'`, true},
		{[]string{"!!!", "jet"}, `'jet'`, true},
		{[]string{"!!!"}, ``, true},
		{[]string{" ", "|"}, ``, false},
		{nil, ``, false},
	}
	for _, tt := range tests {
		got, has := tsQuery(tt.words)
		if got != tt.want || has != tt.hasWords {
			t.Errorf("tsQuery(%q) = %q, %v; want %q, %v", tt.words, got, has, tt.want, tt.hasWords)
		}
	}
}

// BenchmarkIndexDocument reads a generated 600-word article into its
// tsvector, as every save to PostgreSQL does.
func BenchmarkIndexDocument(b *testing.B) {
	var body strings.Builder
	words := strings.Fields("the ministers of japan and italy agreed on monday to deepen cooperation on defence trade and energy security talks")
	for i := range 600 {
		body.WriteString(words[(i*7)%len(words)])
		body.WriteString([]string{" ", " ", ", ", ". "}[i%4])
	}
	text := body.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		indexDocument("Japan and Italy deepen ties", text)
	}
}

// A packed tsvector unpacks to the terms, positions and weights packed.
func TestPackedTSVectorRoundTrip(t *testing.T) {
	for _, d := range []document{
		indexDocument("Japan's talks", "Talks in Rome's talks."),
		indexDocument("Ünïcode tërms", strings.Repeat("long article words ", 400)+strings.Repeat("z", 300)),
		indexDocument("", ""),
	} {
		v, err := d.tsv.TSVectorValue()
		if err != nil {
			t.Fatal(err)
		}
		if got := packTSVector(v.Lexemes); string(got) != string(d.tsv) || !v.Valid {
			t.Errorf("%s: packed again differs", d.tsv)
		}
	}
	if _, err := packedTSVector([]byte{5, 'a'}).TSVectorValue(); err == nil {
		t.Error("a cut packed tsvector unpacked without an error")
	}
}
