package sentence

import "testing"

func TestDateline(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string // the dateline Dateline finds
	}{
		{"TOKYO (Reuters) - Japan and Italy agreed on Monday.", "TOKYO (Reuters) - "},
		{"PARIS, May 4 (AP) — Washington imposed duties.", "PARIS, May 4 (AP) — "},
		{"NEW DELHI, March 3 -- India said it would abstain.", "NEW DELHI, March 3 -- "},
		{"WASHINGTON — The talks ended early.", "WASHINGTON — "},
		{"CHINA – Russia relations soured again.", ""},
		{"U.S.-British proposals include a formula.", ""},
		{"NATO — the alliance met in Brussels.", ""},
		{"Japan (Reuters) - no capitals here.", ""},
		{"UK", ""},
	} {
		if got := tt.in[:Dateline(tt.in)]; got != tt.want {
			t.Errorf("Dateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
