package use

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// wordStart is the sentencepiece mark of a word start; the tokenizer puts it
// before the text and in place of every space.
const wordStart = "\u2581"

// reservedPieces is the number of vocabulary entries (unknown, <s>, </s> and
// three spare ids) that never match text.
const reservedPieces = 6

// unknownID is the id of a character no piece covers.
const unknownID = 0

// piece is one vocabulary entry.
type piece struct {
	text  string
	runes int     // length in code points, what the lattice steps by
	back  int     // length in UTF-16 units, what the JS back-trace steps by
	score float64 // log-probability
}

// Tokenizer splits text into the ids of the USE-lite sentencepiece
// vocabulary the way the JavaScript tokenizer of @energetic-ai/embeddings
// (and of @tensorflow-models/universal-sentence-encoder) does: NFKC, a word
// mark before the text and for each space, then the best-scoring split
// (Viterbi over the pieces that match at each position), characters no piece
// covers as id 0, runs of them merged into one.
type Tokenizer struct {
	pieces []piece
	lookup map[string]int32 // piece text → id, for ids ≥ reservedPieces
	maxLen int              // longest piece, in code points
}

// ReadTokenizer reads a vocabulary in the JSON form of vocab.json: an array
// of [piece, score] pairs whose index is the id (a null score counts as 0).
func ReadTokenizer(r io.Reader) (*Tokenizer, error) {
	var raw [][2]any
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("use: read vocabulary: %w", err)
	}
	vocab := make([]Piece, len(raw))
	for i, p := range raw {
		text, ok := p[0].(string)
		// The shipped vocabulary has null for the scores of the pieces
		// with a colon; JS arithmetic reads null as 0, and so do we.
		score, ok2 := p[1].(float64)
		if p[1] == nil {
			ok2 = true
		}
		if !ok || !ok2 {
			return nil, fmt.Errorf("use: read vocabulary: entry %d is not [string, number]", i)
		}
		vocab[i] = Piece{Text: text, Score: score}
	}
	return NewTokenizer(vocab)
}

// Piece is one entry of a vocabulary: its text and its score.
type Piece struct {
	Text  string
	Score float64
}

// NewTokenizer builds a tokenizer from a vocabulary whose index is the id.
func NewTokenizer(vocab []Piece) (*Tokenizer, error) {
	if len(vocab) <= reservedPieces {
		return nil, fmt.Errorf("use: vocabulary has %d entries, want more than %d", len(vocab), reservedPieces)
	}
	t := &Tokenizer{pieces: make([]piece, len(vocab)), lookup: make(map[string]int32, len(vocab))}
	for i, p := range vocab {
		n := len([]rune(p.Text))
		t.pieces[i] = piece{text: p.Text, runes: n, back: len(utf16.Encode([]rune(p.Text))), score: p.Score}
		if i < reservedPieces || n == 0 {
			continue
		}
		// A later entry with the same text replaces an earlier one, as in
		// the JS trie.
		t.lookup[p.Text] = int32(i)
		t.maxLen = max(t.maxLen, n)
	}
	if t.pieces[unknownID].back == 0 {
		return nil, fmt.Errorf("use: vocabulary entry %d (unknown) is empty", unknownID)
	}
	return t, nil
}

// Len is the size of the vocabulary.
func (t *Tokenizer) Len() int { return len(t.pieces) }

// Encode returns the ids of text.
func (t *Tokenizer) Encode(text string) []int32 {
	text = norm.NFKC.String(text)
	if text == "" {
		return nil
	}
	text = wordStart + strings.ReplaceAll(text, " ", wordStart)
	// at[i] is the byte offset of the i-th code point; at[n] = len(text).
	at := make([]int, 0, len(text)+1)
	for i := range text {
		at = append(at, i)
	}
	n := len(at)
	at = append(at, len(text))

	// best[e] is the score of the best split of the first e code points;
	// 0 means none yet, and a later split with an equal score wins, as in
	// the JS. The JS looks at the pieces ending at each e by ascending
	// start; relaxing the pieces from each start in ascending order visits
	// them in the same order, and best[i] is final when start i comes.
	best := make([]float64, n+1)
	words := make([]int32, n+1)
	relax := func(start, end int, id int32, score float64) {
		s := score + best[start]
		if best[end] == 0 || s >= best[end] {
			best[end] = s
			words[end] = id
		}
	}
	for i := range n {
		found := false
		for j := i + 1; j <= n && j-i <= t.maxLen; j++ {
			if id, ok := t.lookup[text[at[i]:at[j]]]; ok {
				relax(i, j, id, t.pieces[id].score)
				found = true
			}
		}
		if !found {
			relax(i, i+1, unknownID, 0)
		}
	}

	// Walk back from the end. The JS steps back by the piece's length in
	// UTF-16 units; every piece that can match has as many units as code
	// points, so this is the lattice's own step.
	var rev []int32
	for i := n; i > 0; {
		id := words[i]
		rev = append(rev, id)
		i -= max(t.pieces[id].back, 1)
	}
	ids := make([]int32, 0, len(rev))
	for k := len(rev) - 1; k >= 0; k-- {
		if rev[k] == unknownID && k+1 < len(rev) && rev[k+1] == unknownID {
			continue
		}
		ids = append(ids, rev[k])
	}
	return ids
}
