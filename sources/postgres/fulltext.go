package postgres

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// document is an article's full-text terms as a tsvector literal, and its
// token count (FTS5's document size).
type document struct {
	tsvector string
	tokens   int
}

// indexDocument reads the title and the body into a tsvector literal: each
// term with its positions, weight A in the title and D in the body.
func indexDocument(title, body string) document {
	type posn struct {
		at    int
		title bool
	}
	terms := map[string][]posn{}
	n := 0
	add := func(text string, title bool, offset int) int {
		count := 0
		fts.Terms(text, func(t fts.Token) {
			count++
			if len(t.Term) > maxLexemeBytes || t.Term == "" {
				return
			}
			terms[t.Term] = append(terms[t.Term], posn{at: min(offset+t.Position+1, maxPosition), title: title})
		})
		return count
	}
	nt := add(title, true, 0)
	nb := add(body, false, nt+titleBodyGapPosn)
	n = nt + nb
	lexemes := make([]string, 0, len(terms))
	for t := range terms {
		lexemes = append(lexemes, t)
	}
	sort.Strings(lexemes)
	var b strings.Builder
	for i, lx := range lexemes {
		if i > 0 {
			b.WriteByte(' ')
		}
		quoteLexeme(&b, lx)
		b.WriteByte(':')
		ps := terms[lx]
		last := -1
		written := 0
		for _, p := range ps {
			if p.at == last || written == maxLexemePosns {
				continue // capped positions collapse into one
			}
			if written > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p.at))
			if p.title {
				b.WriteByte('A')
			}
			last = p.at
			written++
		}
	}
	return document{tsvector: b.String(), tokens: n}
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
