package bot

import (
	"strings"
	"unicode"
)

// splitWords splits what a person typed into words. Double quotes (straight
// or curly) keep a phrase together: `brief japan "fighter jet"`. Words past
// maxWords (a bound far above what any command takes) are dropped.
func splitWords(s string) []string {
	var words []string
	var cur strings.Builder
	quoted := false
	flush := func() {
		if cur.Len() > 0 && len(words) < maxWords {
			words = append(words, cur.String())
		}
		cur.Reset()
	}
	for _, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”':
			if quoted {
				flush()
			}
			quoted = !quoted
		case unicode.IsSpace(r) && !quoted:
			flush()
		case unicode.IsControl(r):
			// dropped: no control characters reach the briefer
		case unicode.IsSpace(r):
			cur.WriteRune(' ')
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return words
}

// commandWords returns the words of a message meant for the bot, starting
// with the command name. In a channel the message must start with prefix;
// in a DM the prefix is optional. ok is false when the message is not for
// the bot.
func commandWords(content, prefix string, dm bool) (words []string, ok bool) {
	text := strings.TrimSpace(content)
	switch {
	case prefix != "" && strings.HasPrefix(text, prefix):
		text = text[len(prefix):]
		if strings.HasPrefix(text, " ") && !dm {
			// "! brief" is not a command, just as Discord users expect.
			return nil, false
		}
	case !dm:
		return nil, false
	}
	words = splitWords(text)
	return words, len(words) > 0
}
