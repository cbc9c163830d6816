package main

import (
	"strings"
	"testing"
)

// Each command speaks of itself when it refuses too many words; a bad word
// is quoted in a few dozen characters, whatever the command; garbled bytes
// are an unknown word like any other.
func TestInputWordsSpeakForThemselves(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	many := strings.TrimSpace(strings.Repeat("japan ", 500))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"brief", many}, "That is 500 words; a brief takes at most 40."},
		{[]string{"quotes", many}, "That is 500 words; quotes take at most 40."},
		{[]string{"digest", "--filter", many}, "That is 500 words; a digest filter takes at most 40."},
		{[]string{"timeline", many}, "words; a timeline takes at most 40."},
		{[]string{"quotes", "--speaker", ""}, "quotes: name countries or a person"},
		{[]string{"quotes", "--speaker", "  "}, "quotes: name countries or a person"},
	} {
		_, _, err := attache(t, data, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("attache %s = %v, want %q", tt.args[0], err, tt.want)
		}
		if tt.args[0] != "brief" && err != nil && strings.Contains(err.Error(), "a brief") {
			t.Errorf("attache %s speaks of a brief: %v", tt.args[0], err)
		}
	}

	huge := strings.Repeat("x", 131<<10)
	for _, args := range [][]string{
		{"brief", "japan", "italy", huge}, {"quotes", "japan", huge}, {"quotes", "--speaker", huge},
		{"digest", "--filter", huge}, {"search", huge}, {"search", "--country", huge}, {"show", huge},
		{"brief", "japan", "italy", "--since", huge}, {"feeds", "remove", huge}, {"digest", huge},
	} {
		out, _, err := attache(t, data, args...)
		msg := out
		if err != nil {
			msg += err.Error()
		}
		if len(msg) > 500 || !strings.Contains(msg, "xxxxxxxxxx… (134144 characters)") {
			t.Errorf("attache %s with a 131 KB word answered %d bytes: %.200s…", strings.Join(args[:len(args)-1], " "), len(msg), msg)
		}
	}

	_, _, garbled := attache(t, data, "brief", "japan", "italy", "\xff\xfe")
	_, _, unknown := attache(t, data, "brief", "japan", "italy", "zzqxv")
	if garbled == nil || unknown == nil || !strings.Contains(garbled.Error(), `called “\xff\xfe”, and no article`) ||
		strings.Replace(garbled.Error(), `\xff\xfe`, "zzqxv", 1) != unknown.Error() {
		t.Errorf("garbled word = %v\nunknown word = %v\nwant the same refusal, the bytes escaped", garbled, unknown)
	}
}
