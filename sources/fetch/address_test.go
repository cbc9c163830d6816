package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
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
		{"[64:ff9b::a00:1]:80", true},                        // 10.0.0.1 behind NAT64
		{"[64:ff9b::7f00:1]:80", true},                       // 127.0.0.1 behind NAT64
		{"[64:ff9b::808:808]:53", false},                     // 8.8.8.8 behind NAT64
		{"[64:ff9b:1::a00:1]:80", true},                      // local-use NAT64
		{"[::7f00:1]:80", true},                              // IPv4-compatible 127.0.0.1
		{"[::808:808]:80", true},                             // IPv4-compatible, deprecated
		{"[::ffff:0:a00:1]:80", true},                        // IPv4-translated 10.0.0.1
		{"[2002:a00:1::1]:80", true},                         // 6to4 via 10.0.0.1
		{"[2002:c0a8:101::1]:80", true},                      // 6to4 via 192.168.1.1
		{"[2002:808:808::1]:80", false},                      // 6to4 via 8.8.8.8
		{"[2001:0:4136:e378:8000:63bf:f5ff:fffe]:80", true},  // Teredo, client 10.0.0.1
		{"[2001:0:4136:e378:8000:63bf:f7f6:f7f7]:80", false}, // Teredo, client 8.9.8.8
		{"[2001:0:a00:1:8000:63bf:f7f6:f7f7]:80", true},      // Teredo, server 10.0.0.1
		{"[2001:db8::1]:80", true},                           // documentation
		{"[100::1]:80", true},                                // discard-only
		{"[fec0::1]:80", true},                               // site-local
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

// The old spellings of IPv4 addresses read as inet_aton reads them; a
// public address so written is refused with the usual spelling.
func TestParseLegacyIPv4(t *testing.T) {
	tests := []struct {
		in, want string // want "" means not an address
	}{
		{"127.1", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"0X7F.1", "127.0.0.1"},
		{"0177.0.0.1", "127.0.0.1"},
		{"10.0.1", "10.0.0.1"},
		{"134744072", "8.8.8.8"},
		{"8.8.8.8", "8.8.8.8"},
		{"0", "0.0.0.0"},
		{"4294967295", "255.255.255.255"},
		{"4294967296", ""},
		{"256.1", ""},
		{"1.2.3.256", ""},
		{"1.2.65536", ""},
		{"1.2.3.4.5", ""},
		{"08.1.1.1", ""}, // 8 is not an octal digit
		{"0x", "0.0.0.0"},
		{"1..2", ""},
		{"example", ""},
		{"1e3", ""},
	}
	for _, tt := range tests {
		got, ok := parseLegacyIPv4(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseLegacyIPv4(%q) = %v, want not an address", tt.in, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("parseLegacyIPv4(%q) = %v %v, want %s", tt.in, got, ok, tt.want)
		}
	}
	err := checkHostLiteral("134744072")
	if !errors.Is(err, ErrUnusualAddress) || !strings.Contains(err.Error(), "write the address as 8.8.8.8") {
		t.Errorf("checkHostLiteral(134744072) = %v, want the usual spelling asked for", err)
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
		{"localhost", true},
		{"localhost.", true},
		{"LocalHost", true},
		{"app.localhost", true},
		{"localhost.example", false},
		{"127.1", true},
		{"2130706433", true},
		{"0x7f000001", true},
		{"0177.0.0.1", true},
		{"127.0.0.1.", true},
		{"10.1", true},
		{"0", true},
		{"[64:ff9b::a00:1]", true},
		{"[::7f00:1]", true},
		{"[2002:a00:1::1]", true},
		{"203.0.113.9", false},
		{"[64:ff9b::808:808]", false},
		{"1.example", false},
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
	for _, raw := range []string{"http://10.0.0.1/feed", "https://[::ffff:10.0.0.1]/feed", "http://[64:ff9b::a00:1]:18081/a", "http://[::7f00:1]/", "http://[2002:a00:1::1]/", "http://127.1:" + u.Port() + "/", "http://2130706433:" + u.Port() + "/", "http://0x7f000001:" + u.Port() + "/", "http://0177.0.0.1:" + u.Port() + "/", "http://localhost.:" + u.Port() + "/"} {
		// Shown refused by the rule first, so that a broken rule never
		// sends a packet to these addresses.
		if pu, _ := url.Parse(raw); !errors.Is(checkHostLiteral(pu.Hostname()), ErrForbiddenAddress) {
			t.Fatalf("checkHostLiteral(%s) does not refuse it; not fetching it", pu.Hostname())
		}
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
