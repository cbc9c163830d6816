package postgres

import (
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
	tsv    pgtype.TSVector
	tokens int
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
	return document{tsv: pgtype.TSVector{Lexemes: lexemes, Valid: true}, tokens: nt + nb}
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
