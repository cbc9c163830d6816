package fetch

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
)

// forbiddenPrefixes are the ranges that a feed URL may not reach unless
// Options.AllowPrivate is set: this host, private networks, shared
// carrier-grade NAT space, link-local, benchmarking, multicast and reserved
// space. IPv6 addresses that carry an IPv4 address are judged by that
// address as well (see embeddedIPv4).
var forbiddenPrefixes = [...]netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("224.0.0.0/4"),
	netip.MustParsePrefix("240.0.0.0/4"),
	// IPv4-compatible addresses (::a.b.c.d), deprecated since RFC 4291
	// and routed nowhere; ::1 and :: are among them.
	netip.MustParsePrefix("::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64, RFC 8215
	netip.MustParsePrefix("100::/64"),       // discard-only, RFC 6666
	netip.MustParsePrefix("2001:2::/48"),    // benchmarking, RFC 5180
	netip.MustParsePrefix("2001:db8::/32"),  // documentation, RFC 3849
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("fec0::/10"), // site-local, deprecated
	netip.MustParsePrefix("ff00::/8"),
}

// Prefixes of IPv6 addresses that route to an IPv4 address they carry.
var (
	nat64Prefix      = netip.MustParsePrefix("64:ff9b::/96")    // RFC 6052 well-known prefix
	translatedPrefix = netip.MustParsePrefix("::ffff:0:0:0/96") // IPv4-translated, RFC 2765
	sixToFourPrefix  = netip.MustParsePrefix("2002::/16")       // 6to4, RFC 3056
	teredoPrefix     = netip.MustParsePrefix("2001::/32")       // Teredo, RFC 4380
)

// embeddedIPv4 returns the IPv4 addresses that an IPv6 address leads to:
// the address itself when it is IPv4-mapped or -translated; the address
// behind a NAT64 gateway (64:ff9b::/96); the 6to4 router (2002::/16); the
// Teredo server and the client behind its NAT (2001::/32). form names the
// embedding for messages.
func embeddedIPv4(ip netip.Addr) (v4 []netip.Addr, form string) {
	if ip.Is4In6() {
		return []netip.Addr{ip.Unmap()}, "IPv4-mapped"
	}
	if !ip.Is6() {
		return nil, ""
	}
	b := ip.As16()
	at := func(i int) netip.Addr { return netip.AddrFrom4([4]byte{b[i], b[i+1], b[i+2], b[i+3]}) }
	switch {
	case nat64Prefix.Contains(ip):
		return []netip.Addr{at(12)}, "behind NAT64"
	case translatedPrefix.Contains(ip):
		return []netip.Addr{at(12)}, "IPv4-translated"
	case sixToFourPrefix.Contains(ip):
		return []netip.Addr{at(2)}, "6to4"
	case teredoPrefix.Contains(ip):
		client := [4]byte{^b[12], ^b[13], ^b[14], ^b[15]}
		return []netip.Addr{netip.AddrFrom4(client), at(4)}, "Teredo"
	}
	return nil, ""
}

// forbidden reports whether ip is outside the public internet, or leads
// to an IPv4 address that is.
func forbidden(ip netip.Addr) bool {
	ip = ip.WithZone("")
	if v4, _ := embeddedIPv4(ip); len(v4) > 0 {
		for _, a := range v4 {
			if inForbiddenPrefix(a) {
				return true
			}
		}
		if ip.Is4In6() {
			return false
		}
	}
	return inForbiddenPrefix(ip)
}

func inForbiddenPrefix(ip netip.Addr) bool {
	for _, p := range forbiddenPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// guardDial is the net.Dialer Control function: it runs after name
// resolution and before the connection is made, with the IP address that is
// about to be dialled, so a host name resolving to a private address is
// refused like the address itself.
func guardDial(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("unreadable address %q: %w", address, ErrForbiddenAddress)
	}
	if forbidden(ap.Addr()) {
		return fmt.Errorf("refused before connecting: %w", ErrForbiddenAddress)
	}
	return nil
}

// checkHostLiteral refuses, before anything is sent or looked up, a host
// that is a forbidden address however it is written: an IP address, an
// IPv6 address that carries a forbidden IPv4 one, an IPv4 address in one
// of the old spellings that some resolvers still read (127.1, 2130706433,
// 0x7f000001, 0177.0.0.1), or a localhost name (localhost., a.localhost),
// which always means this host. Other names are left to guardDial, which
// sees what they resolve to.
func checkHostLiteral(host string) error {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err == nil {
		if !forbidden(ip) {
			return nil
		}
		if v4, form := embeddedIPv4(ip.WithZone("")); len(v4) > 0 && !ip.Is4In6() {
			return fmt.Errorf("host %s (%s %s): %w", host, form, v4[0], ErrForbiddenAddress)
		}
		return fmt.Errorf("host %s: %w", host, ErrForbiddenAddress)
	}
	name := strings.ToLower(strings.TrimSuffix(host, "."))
	if name == "localhost" || strings.HasSuffix(name, ".localhost") {
		return fmt.Errorf("host %s (this computer): %w", host, ErrForbiddenAddress)
	}
	if v4, ok := parseLegacyIPv4(name); ok {
		if forbidden(v4) {
			return fmt.Errorf("host %s (%s): %w", host, v4, ErrForbiddenAddress)
		}
		return fmt.Errorf("host %s: write the address as %s: %w", host, v4, ErrUnusualAddress)
	}
	return nil
}

// parseLegacyIPv4 reads the IPv4 spellings of inet_aton, which URL
// parsers and some resolvers accept and net/netip does not: one to four
// parts, each decimal, octal (a leading 0) or hexadecimal (0x), the last
// part filling the bytes that remain ("127.1", "2130706433", "0x7f000001",
// "0177.0.0.1"); and a.b.c.d with a trailing dot.
func parseLegacyIPv4(s string) (netip.Addr, bool) {
	parts := strings.Split(s, ".")
	if len(parts) == 0 || len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
			base, digits = 16, p[2:]
			if digits == "" {
				digits = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil || p == "" {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if rest := 8 * (4 - (len(nums) - 1)); rest < 32 && last >= 1<<rest {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}
