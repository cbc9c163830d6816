package quote

import "testing"

// A title owned by a body or a group and opening the sentence with "The"
// ("The company's chief executive Ana Ruiz said") is the role, not part
// of the speaker's name.
func TestOwnedTitleBeforeName(t *testing.T) {
	tests := []struct{ text, speaker, role string }{
		{"The court ruled for the families on Tuesday.\n\nThe families' solicitor Phil Marr described it as \"a fine day for the rule of law\".", "Phil Marr", "the families' solicitor"},
		{"The court ruled against the firm on Tuesday.\n\nThe company's chief executive Anna Berg said: \"We will appeal against the ruling.\"", "Anna Berg", "the company's chief executive"},
		{"The port reopened on Monday.\n\nThe union's general secretary Tom Hale said: \"We will keep our members at work.\"", "Tom Hale", "the union's general secretary"},
	}
	for _, tt := range tests {
		qs := find(t, tt.text)
		if len(qs) != 1 {
			t.Errorf("%q: %d quotations, want 1", tt.text, len(qs))
			continue
		}
		if q := qs[0]; !q.Attributed() || q.Speaker != tt.speaker || q.Role != tt.role {
			t.Errorf("%q: speaker %q, role %q, shown %v; want %q, %q", q.Text, q.Speaker, q.Role, q.Attributed(), tt.speaker, tt.role)
		}
	}
}
