package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/briefing"
)

// escapeMarkdown makes text from articles and people show literally in
// Discord: emphasis, strike-through, spoilers, code, links, mentions and
// custom emoji lose their meaning, and so do headings, lists and quotes at
// the start of the text. White space is folded to single spaces, so one
// sentence stays one line.
func escapeMarkdown(s string) string {
	s = fold(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '(', ')', '<', '>':
			b.WriteByte('\\')
		case '#', '-', '+':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '@':
			// "@everyone" and "@here" never ping (allowed mentions are
			// none), and a zero-width space keeps them from even looking
			// like a mention.
			b.WriteRune(r)
			b.WriteRune('\u200b')
			continue
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " at the start would become a numbered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && strings.HasPrefix(out[j:], ". ") {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// fold replaces runs of white space and control characters with one space
// and trims the ends; invalid UTF-8 becomes U+FFFD.
func fold(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// runes counts characters as Discord does for its limits.
func runes(s string) int { return utf8.RuneCountInString(s) }

// truncate cuts s to at most max characters, ending with "…" when it cut.
// It never leaves a lone escaping backslash at the end.
func truncate(s string, max int) string {
	if max <= 0 {
		return ""
	}
	if runes(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max-1 {
			cut := s[:i]
			trailing := len(cut) - len(strings.TrimRight(cut, "\\"))
			if trailing%2 == 1 {
				cut = cut[:len(cut)-1]
			}
			return strings.TrimRight(cut, " ") + "…"
		}
		n++
	}
	return s
}

// safeURL returns u if it is an http(s) address that can sit inside a
// markdown link, with the characters that would end the link encoded; ""
// otherwise ("sample:..." and "file:..." addresses are not links).
func safeURL(u string) string { return briefing.MarkdownURL(u) }

// link is a markdown link with escaped text, or just the text when the
// address is not a web address.
func link(text, u string) string {
	if su := safeURL(u); su != "" {
		return "[" + text + "](" + su + ")"
	}
	return text
}
