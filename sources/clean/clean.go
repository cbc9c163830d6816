// Package clean removes the site furniture that survives page extraction
// (share counters, captions and photo credits, "Read more" and "Related"
// lists, newsletter and cookie prompts, advertisement markers, bylines and
// datelines repeated in the body, comment prompts and site footers) and
// drops paragraphs that an article repeats, exactly or almost word for word.
//
// It works on text alone, so it serves pages, feeds and files alike. Every
// rule is written to leave real article paragraphs alone: furniture is
// recognised by its own shape (short, formulaic, at the edges of the
// article), never by topic.
package clean

import (
	"strings"

	"attache/sources/doc"

	"golang.org/x/text/unicode/norm"
)

// Blocks returns the blocks of an article without site furniture and
// without repeated paragraphs (the first copy is kept). Whitespace inside
// each block is folded and characters that are never shown (soft hyphens,
// zero-width spaces and joiners, byte order marks) are removed, so that
// "Mit\u00adtel\u00adal\u00adter" reads "Mittelalter", and letters spelt
// with combining marks are composed (NFC: "geprüft" spelt u + U+0308 reads
// as the "geprüft" a reader types); the input is not changed.
func Blocks(in []doc.Block) []doc.Block {
	blocks := make([]doc.Block, 0, len(in))
	for _, b := range in {
		b.Text = doc.Fold(norm.NFC.String(dropInvisible(b.Text)))
		if b.Text != "" {
			blocks = append(blocks, b)
		}
	}
	blocks = dropFurniture(blocks)
	blocks = dropTrailingFooter(blocks)
	blocks = dropRepeats(blocks)
	return blocks
}

// dropFurniture removes blocks that are furniture wherever they stand, and
// the short headline-like items that follow a "Related" or "Read more"
// marker.
func dropFurniture(in []doc.Block) []doc.Block {
	out := in[:0:0]
	inList := false
	for i, b := range in {
		if isListMarker(b.Text) {
			inList = true
			continue
		}
		if inList {
			if isListItem(b) {
				continue
			}
			inList = false
		}
		if isFurniture(b.Text) {
			continue
		}
		if isByline(b.Text) && (i < 3 || i >= len(in)-3) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// dropTrailingFooter removes, from the end of the article backwards, the
// blocks that only ever close a page: tags, sources, credits, author notes.
// It stops at the first block that is not such a line.
func dropTrailingFooter(in []doc.Block) []doc.Block {
	end := len(in)
	for end > 0 {
		b := in[end-1]
		if isFooterLine(b.Text) || isAuthorBio(b.Text) && end > len(in)-3 {
			end--
			continue
		}
		break
	}
	// A heading at the end introduces nothing: what it introduced was
	// removed, or was never article text.
	for end > 0 && in[end-1].Kind == doc.Heading {
		end--
	}
	return in[:end]
}

// words splits s into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !isWordRune(r)
	})
}

// dropInvisible removes the characters that a browser does not show inside
// a word: the soft hyphen (shown only where a line breaks), zero-width
// spaces and joiners, the word joiner and the byte order mark.
func dropInvisible(s string) string {
	if !strings.ContainsAny(s, "\u00ad\u200b\u200c\u200d\u2060\ufeff") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, s)
}
