package fetch

import (
	"fmt"
	"net/netip"
	"strings"
	"syscall"
)

// forbiddenPrefixes are the ranges that a feed URL may not reach unless
// Options.AllowPrivate is set: this host, private networks, shared
// carrier-grade NAT space, link-local, benchmarking, multicast and reserved
// space. IPv4-mapped IPv6 addresses are unmapped before the check.
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
	netip.MustParsePrefix("::/128"),
	netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("ff00::/8"),
}

// forbidden reports whether ip is outside the public internet.
func forbidden(ip netip.Addr) bool {
	ip = ip.Unmap()
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

// checkHostLiteral refuses a host that is itself a forbidden IP address.
// Names are left to guardDial, which sees what they resolve to.
func checkHostLiteral(host string) error {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return nil
	}
	if forbidden(ip.WithZone("")) {
		return fmt.Errorf("host %s: %w", host, ErrForbiddenAddress)
	}
	return nil
}
