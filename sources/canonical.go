package sources

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader arrived, not
// which article they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "ref": true, "ref_src": true,
	"cmpid": true, "ocid": true, "smid": true, "sr_share": true, "taid": true,
	"spm": true, "__twitter_impression": true, "_ga": true, "outputtype": true,
}

// CanonicalURL returns the form of an article URL under which the corpus
// stores it: scheme and host lower-cased, default ports, fragments and
// tracking parameters (utm_*, fbclid, gclid and the like) dropped, the
// remaining query sorted, AMP variants folded onto the plain page, and a
// trailing slash removed from the path. URLs that are not http(s) are
// returned trimmed but otherwise unchanged. The canonical form of a
// canonical URL is itself.
func CanonicalURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("sources: parse URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return raw, nil
	}
	if u.Hostname() == "" {
		return "", fmt.Errorf("sources: URL %q has no host", raw)
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	for strings.HasPrefix(host, "amp.") && strings.Contains(host[len("amp."):], ".") {
		host = host[len("amp."):]
	}
	switch {
	case port != "":
		u.Host = net.JoinHostPort(host, port)
	case strings.Contains(host, ":"): // an IPv6 address keeps its brackets
		u.Host = "[" + host + "]"
	default:
		u.Host = host
	}
	u.User = nil
	u.Fragment = ""
	u.RawFragment = ""

	// AMP markers and trailing slashes go until none is left, so that
	// the canonical form of a canonical URL is itself.
	path := u.EscapedPath()
	for {
		p := strings.Replace(path, "/amp/", "/", 1)
		p = strings.TrimSuffix(p, "/amp")
		p = strings.TrimSuffix(p, ".amp")
		p = strings.TrimSuffix(p, ".amp.html")
		if len(p) > 1 {
			p = strings.TrimRight(p, "/")
		}
		if p == path {
			break
		}
		path = p
	}
	if path == "" {
		path = "/"
	}
	u.RawPath = ""
	if p, err := url.PathUnescape(path); err == nil {
		u.Path = p
		if u.EscapedPath() != path {
			u.RawPath = path
		}
	}

	q := u.Query()
	for key := range q {
		lk := strings.ToLower(key)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] || lk == "amp" {
			q.Del(key)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vals := q[k]
		sort.Strings(vals)
		for _, v := range vals {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			if v != "" {
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
	}
	u.RawQuery = b.String()
	u.ForceQuery = false
	return u.String(), nil
}
