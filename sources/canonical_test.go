package sources

import (
	"net/url"
	"testing"
)

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
		{"https://example.com/world/story.amp/", "https://example.com/world/story"},
		{"https://example.com/amp/amp/world/story", "https://example.com/world/story"},
		{"https://amp.amp.example.com/x", "https://example.com/x"},
		{"https://amp.com/x", "https://amp.com/x"},
		{"http://[::1]:80/x", "http://[::1]/x"},
		{"http://[2001:db8::1]/x/", "http://[2001:db8::1]/x"},
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
	for _, in := range []string{"https://", "http://%zz", "http://:", "https://:443/x"} {
		if got, err := CanonicalURL(in); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", in, got)
		}
	}
}

// FuzzCanonicalURL: never a panic; a canonical http(s) URL has a host,
// parses again, and is its own canonical form.
func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{
		"https://Example.COM/world/japan-italy?utm_source=rss&b=2&a=1#top",
		"https://amp.example.com/amp/x.amp.html/", "http://[::1]:80/a", "http://:",
		"https://example.com/caf%C3%A9?q=a+b&q=c", "sample:x", "https://u:p@x.example:8443/a%2Fb/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := CanonicalURL(raw)
		if err != nil {
			return
		}
		u, err := url.Parse(c)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which does not parse: %v", raw, c, err)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Hostname() == "" {
			t.Fatalf("CanonicalURL(%q) = %q, which has no host", raw, c)
		}
		again, err := CanonicalURL(c)
		if err != nil || again != c {
			t.Fatalf("CanonicalURL(%q) = %q, but CanonicalURL(%q) = %q, %v", raw, c, c, again, err)
		}
	})
}
