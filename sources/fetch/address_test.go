package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"
)

func TestGuardDial(t *testing.T) {
	tests := []struct {
		address string
		refuse  bool
	}{
		{"127.0.0.1:80", true},
		{"127.8.9.10:443", true},
		{"10.0.0.1:80", true},
		{"172.16.5.4:80", true},
		{"172.31.255.255:80", true},
		{"192.168.1.1:80", true},
		{"169.254.169.254:80", true}, // cloud metadata
		{"100.64.0.1:80", true},
		{"0.0.0.0:80", true},
		{"224.0.0.1:80", true},
		{"[::1]:80", true},
		{"[::]:80", true},
		{"[::ffff:10.0.0.1]:80", true}, // IPv4-mapped
		{"[::ffff:127.0.0.1]:80", true},
		{"[fd00::1]:80", true},
		{"[fe80::1]:80", true},
		{"not-an-address", true},
		{"93.184.216.34:80", false},
		{"172.32.0.1:443", false},
		{"8.8.8.8:53", false},
		{"[2606:4700::1111]:443", false},
	}
	for _, tt := range tests {
		t.Run(tt.address, func(t *testing.T) {
			err := guardDial("tcp", tt.address, nil)
			if got := errors.Is(err, ErrForbiddenAddress); got != tt.refuse {
				t.Errorf("guardDial(%q) = %v; refused %v, want %v", tt.address, err, got, tt.refuse)
			}
		})
	}
}

func TestCheckHostLiteral(t *testing.T) {
	tests := []struct {
		host   string
		refuse bool
	}{
		{"10.0.0.1", true},
		{"[::1]", true},
		{"::1", true},
		{"fe80::1%eth0", true},
		{"127.0.0.1", true},
		{"news.example", false}, // names are checked when dialled
		{"localhost", false},
		{"203.0.113.9", false},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			err := checkHostLiteral(tt.host)
			if got := errors.Is(err, ErrForbiddenAddress); got != tt.refuse {
				t.Errorf("checkHostLiteral(%q) = %v; refused %v, want %v", tt.host, err, got, tt.refuse)
			}
		})
	}
}

// TestDefaultRefusesPrivateAddresses checks that nothing reaches a private
// address by default. The steps are ordered so that 10.0.0.1 is only ever
// handed to the real dialer once the guard has been shown to be wired in
// and to reject it: a broken guard fails the test before any packet could
// be sent there.
func TestDefaultRefusesPrivateAddresses(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	c := New(Options{Timeout: 5 * time.Second})
	ctx := context.Background()

	// A literal loopback address: refused before anything is sent.
	if _, err := c.Get(ctx, Request{URL: srv.URL}); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Get(%s) = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	// A name that resolves to loopback: refused at dial time on the
	// resolved address, which shows the guard is in the dialer.
	byName := "http://localhost:" + u.Port() + "/"
	if _, err := c.Get(ctx, Request{URL: byName}); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Get(%s) = %v, want ErrForbiddenAddress", byName, err)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the loopback server saw %d requests, want none", n)
	}

	if err := guardDial("tcp4", "10.0.0.1:80", nil); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("guardDial(10.0.0.1) = %v; not dialling further", err)
	}
	for _, raw := range []string{"http://10.0.0.1/feed", "https://[::ffff:10.0.0.1]/feed"} {
		if _, err := c.Get(ctx, Request{URL: raw}); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("Get(%s) = %v, want ErrForbiddenAddress", raw, err)
		}
	}
	// The client's own dialer, bypassing the URL check: the Control
	// function rejects the address before a connection is attempted.
	tr := c.http.Transport.(*http.Transport)
	conn, err := tr.DialContext(ctx, "tcp", "10.0.0.1:80")
	if conn != nil {
		conn.Close()
	}
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("dialling 10.0.0.1 = %v, want ErrForbiddenAddress", err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"120", 2 * time.Minute},
		{" 7 ", 7 * time.Second},
		{"1.5", 0},
		{"Mon, 02 Jun 2025 13:00:00 GMT", time.Hour},
		{"Monday, 02-Jun-25 12:00:30 GMT", 30 * time.Second}, // RFC 850
		{"Mon Jun  2 12:05:00 2025", 5 * time.Minute},        // ANSI C
		{"Mon, 02 Jun 2025 11:59:00 GMT", 0},
		{"99999999999", maxRetryAfter},
		{"Fri, 01 Jan 2100 00:00:00 GMT", maxRetryAfter},
		{"tomorrow", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseRetryAfter(tt.in, now); got != tt.want {
				t.Errorf("parseRetryAfter(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
