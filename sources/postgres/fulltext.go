package postgres

import (
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"

	"attache/sources/fts"
)

// Limits of PostgreSQL's tsvector: a lexeme of at most 2,047 bytes,
// positions up to 16,383, at most 256 positions per lexeme. Terms past
// them are left out or their positions capped; only articles of more than
// 16,383 words, or words longer than 2 KB, feel it.
const (
	maxLexemeBytes   = 2047
	maxPosition      = 16383
	maxLexemePosns   = 256
	titleBodyGapPosn = 1 // a position left empty between title and body, so no phrase spans them
)

// document is an article's full-text terms as a tsvector (sent to the
// server in binary, so it parses nothing), and its token count (FTS5's
// document size).
type document struct {
	tsv    packedTSVector
	tokens int
}

// packedTSVector is a tsvector packed in one byte slice: for each lexeme
// in order, its length and bytes, its number of positions and each
// position with its weight (varints). A pgtype.TSVector of an article
// takes some 25 KB in many small allocations, six times the text; the
// ingest holds two batches of them, and the unpacked form now lives only
// while COPY encodes its row.
type packedTSVector []byte

func packTSVector(lexemes []pgtype.TSVectorLexeme) packedTSVector {
	n := 0
	for _, lx := range lexemes {
		n += len(lx.Word) + 2 + 3*len(lx.Positions)
	}
	b := make([]byte, 0, n)
	for _, lx := range lexemes {
		b = binary.AppendUvarint(b, uint64(len(lx.Word)))
		b = append(b, lx.Word...)
		b = binary.AppendUvarint(b, uint64(len(lx.Positions)))
		for _, p := range lx.Positions {
			b = binary.AppendUvarint(b, uint64(p.Position)<<8|uint64(p.Weight))
		}
	}
	return b
}

// TSVectorValue unpacks the tsvector, for pgx to encode.
func (p packedTSVector) TSVectorValue() (pgtype.TSVector, error) {
	var lexemes []pgtype.TSVectorLexeme
	b := []byte(p)
	next := func() (uint64, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, errors.New("postgres: damaged packed tsvector")
		}
		b = b[n:]
		return v, nil
	}
	for len(b) > 0 {
		size, err := next()
		if err != nil || size > uint64(len(b)) {
			return pgtype.TSVector{}, errors.New("postgres: damaged packed tsvector")
		}
		lx := pgtype.TSVectorLexeme{Word: string(b[:size])}
		b = b[size:]
		count, err := next()
		if err != nil {
			return pgtype.TSVector{}, err
		}
		lx.Positions = make([]pgtype.TSVectorPosition, count)
		for i := range lx.Positions {
			v, err := next()
			if err != nil {
				return pgtype.TSVector{}, err
			}
			lx.Positions[i] = pgtype.TSVectorPosition{Position: uint16(v >> 8), Weight: pgtype.TSVectorWeight(v & 0xff)}
		}
		lexemes = append(lexemes, lx)
	}
	return pgtype.TSVector{Lexemes: lexemes, Valid: true}, nil
}

// String is the tsvector in PostgreSQL's text form.
func (p packedTSVector) String() string {
	v, err := p.TSVectorValue()
	if err != nil {
		return err.Error()
	}
	return v.String()
}

// indexDocument reads the title and the body into a tsvector: each term
// with its positions, weight A in the title and D in the body.
func indexDocument(title, body string) document {
	var lexemes []pgtype.TSVectorLexeme
	index := make(map[string]int, 256) // term: its place in lexemes
	add := func(text string, weight pgtype.TSVectorWeight, offset int) int {
		count := 0
		fts.Scan(text, func(term []byte, pos int) {
			count++
			if len(term) > maxLexemeBytes || len(term) == 0 {
				return
			}
			at := uint16(min(offset+pos+1, maxPosition))
			i, ok := index[string(term)]
			if !ok {
				i = len(lexemes)
				lexemes = append(lexemes, pgtype.TSVectorLexeme{Word: string(term)})
				index[lexemes[i].Word] = i
			}
			ps := lexemes[i].Positions
			// Capped positions collapse into one; a lexeme holds 256.
			if n := len(ps); (n > 0 && ps[n-1].Position == at) || n == maxLexemePosns {
				return
			}
			lexemes[i].Positions = append(ps, pgtype.TSVectorPosition{Position: at, Weight: weight})
		})
		return count
	}
	nt := add(title, pgtype.TSVectorWeightA, 0)
	nb := add(body, pgtype.TSVectorWeightD, nt+titleBodyGapPosn)
	slices.SortFunc(lexemes, func(a, b pgtype.TSVectorLexeme) int { return strings.Compare(a.Word, b.Word) })
	return document{tsv: packTSVector(lexemes), tokens: nt + nb}
}

// quoteLexeme writes a lexeme in tsvector and tsquery syntax: in single
// quotes, with quotes and backslashes doubled.
func quoteLexeme(b *strings.Builder, lx string) {
	b.WriteByte('\'')
	for i := 0; i < len(lx); i++ {
		c := lx[i]
		if c == '\'' || c == '\\' {
			b.WriteByte(c)
		}
		b.WriteByte(c)
	}
	b.WriteByte('\'')
}

// tsQuery turns free words into a tsquery that requires all of them, as
// the SQLite engine's FTS5 query does: a word may list alternatives
// separated by "|" ("defense|defence"), and a word of several terms
// ("co-operation") is a phrase. hasWords is false when no word has any
// text (the search is then no full-text search at all). A word without
// terms ("!!!") is no condition, as in FTS5; when no word has terms,
// query is empty and matches nothing.
func tsQuery(words []string) (query string, hasWords bool) {
	var parts []string
	for _, w := range words {
		var alts []string
		for _, alt := range strings.Split(w, "|") {
			alt = strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || r == utf8.RuneError {
					return -1
				}
				return r
			}, alt)
			if strings.TrimSpace(alt) == "" {
				continue
			}
			hasWords = true
			terms := fts.Phrase(alt)
			if len(terms) == 0 {
				continue
			}
			var p strings.Builder
			for i, t := range terms {
				if i > 0 {
					p.WriteString(" <-> ")
				}
				if len(t) > maxLexemeBytes {
					t = t[:maxLexemeBytes]
				}
				quoteLexeme(&p, t)
			}
			alts = append(alts, p.String())
		}
		switch len(alts) {
		case 0:
		case 1:
			parts = append(parts, alts[0])
		default:
			parts = append(parts, "("+strings.Join(alts, " | ")+")")
		}
	}
	return strings.Join(parts, " & "), hasWords
}
