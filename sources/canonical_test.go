package sources

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.COM/world/japan-italy?utm_source=rss&utm_medium=feed", "https://example.com/world/japan-italy"},
		{"https://example.com:443/a/b/#comments", "https://example.com/a/b"},
		{"http://example.com:80/a?b=2&a=1", "http://example.com/a?a=1&b=2"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"https://example.com/a?fbclid=xyz&gclid=1&id=7", "https://example.com/a?id=7"},
		{"https://example.com/amp/world/story-1", "https://example.com/world/story-1"},
		{"https://example.com/world/story-1/amp", "https://example.com/world/story-1"},
		{"https://amp.example.com/world/story-1.amp", "https://example.com/world/story-1"},
		{"https://example.com/world/story?amp=1", "https://example.com/world/story"},
		{"https://example.com", "https://example.com/"},
		{"https://user:pw@example.com/x", "https://example.com/x"},
		{"https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"},
		{"sample:japan-italy-1", "sample:japan-italy-1"},
	}
	for _, tt := range tests {
		got, err := CanonicalURL(tt.in)
		if err != nil {
			t.Errorf("CanonicalURL(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCanonicalURLErrors(t *testing.T) {
	for _, in := range []string{"https://", "http://%zz"} {
		if got, err := CanonicalURL(in); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", in, got)
		}
	}
}
