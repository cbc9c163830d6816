// Package fts reads text into search terms the way the SQLite store's
// full-text index does: FTS5's unicode61 tokenizer with remove_diacritics
// 2 (letters, digits and private-use characters make tokens; case and
// diacritics are folded away), then its Porter stemmer. Another engine
// that indexes these terms matches what SQLite matches. How each
// character reads was learnt from SQLite itself (gen_chars.go); the tests
// hold the two side by side.
package fts

import "unicode/utf8"

//go:generate go run gen_chars.go

// maxTermBytes is the longest term FTS5 indexes; a longer token is cut.
const maxTermBytes = 32768

// Token is one term of a text with its position: the n-th token of the
// text, counting from 0, as FTS5 counts them.
type Token struct {
	Term     string
	Position int
}

// Terms calls fn with each term of text, in order.
func Terms(text string, fn func(Token)) {
	Scan(text, func(term []byte, pos int) { fn(Token{Term: string(term), Position: pos}) })
}

// Scan calls fn with each term of text and its position, in order, without
// copying: term is valid only until fn returns.
func Scan(text string, fn func(term []byte, pos int)) {
	buf := make([]byte, 0, 64)
	pos := 0
	i := 0
	for i < len(text) {
		// Skip separators. A diacritic cannot start a token.
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiTokenChar(c) {
				i++
				continue
			}
		} else if r, size := decode(text, i); !isTokenChar(r) {
			i += size
			continue
		}
		buf = buf[:0]
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !asciiTokenChar(c) {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				i++
				continue
			}
			r, size := decode(text, i)
			f, ok := continues(r)
			if !ok {
				break
			}
			if f != 0 {
				buf = utf8.AppendRune(buf, f)
			}
			i += size
		}
		term := stem(buf)
		if len(term) > maxTermBytes {
			term = term[:maxTermBytes]
		}
		fn(term, pos)
		pos++
	}
}

// asciiTokenChar reports whether an ASCII byte is a letter or a digit.
func asciiTokenChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// Count returns the number of tokens in text (FTS5's column size).
func Count(text string) int {
	n := 0
	Terms(text, func(Token) { n++ })
	return n
}

// Phrase returns the terms of a query word, which FTS5 reads as a phrase
// when it has several ("co-operation": "co", "oper").
func Phrase(word string) []string {
	var out []string
	Terms(word, func(t Token) { out = append(out, t.Term) })
	return out
}

// decode reads the rune at text[i:]; invalid UTF-8 and the two
// non-characters U+FFFE and U+FFFF read as U+FFFD, as SQLite reads them.
func decode(text string, i int) (rune, int) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r == 0xFFFE || r == 0xFFFF {
		r = utf8.RuneError
	}
	return r, size
}

// How a character beyond ASCII reads in a text.
const (
	charToken  = iota + 1 // starts or continues a token
	charInside            // continues a token, never starts one (a diacritic)
)

// charRun is a run of characters that read alike: the kind, and what each
// folds to (nothing, or the character plus delta).
type charRun struct {
	lo, hi rune
	kind   uint8
	gone   bool
	delta  rune
}

// lookup returns the run of r, or ok false for a separator.
func lookup(r rune) (charRun, bool) {
	lo, hi := 0, len(charRuns)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := charRuns[m]; {
		case r < c.lo:
			hi = m
		case r > c.hi:
			lo = m + 1
		default:
			return c, true
		}
	}
	return charRun{}, false
}

// isTokenChar reports whether r starts (and continues) a token.
func isTokenChar(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	c, ok := lookup(r)
	return ok && c.kind == charToken
}

// continues reports whether r, beyond ASCII, continues a token, and what
// it folds to there (0: nothing).
func continues(r rune) (folded rune, ok bool) {
	c, ok := lookup(r)
	if !ok {
		return 0, false
	}
	if c.gone {
		return 0, true
	}
	return r + c.delta, true
}
