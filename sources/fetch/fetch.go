// Package fetch is Attaché's polite HTTP client for feeds and article pages.
//
// A Client sends conditional GETs (If-None-Match, If-Modified-Since) with a
// clear User-Agent, bounds every request in time and every body in size
// (after gzip decompression, enforced while reading), limits and re-checks
// redirects, keeps at most a couple of requests in flight per host, and by
// default refuses to connect to loopback and private-network addresses. The
// address rule is applied at dial time on the resolved IP, so a host name
// that resolves to 10.0.0.1 is refused like the literal address.
//
// Backoff computes the delay before the next poll of a feed from its
// interval, its run of failures and the server's Retry-After.
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Defaults applied by New to zero fields of Options.
const (
	DefaultUserAgent = "Attache/0.1 (diplomacy news briefing bot; set feeds.user_agent to add a contact)"
	DefaultTimeout   = 20 * time.Second
	DefaultMaxBytes  = 10 << 20
	DefaultPerHost   = 2
	// MaxRedirects is how many redirects one Get follows before giving up.
	MaxRedirects = 5
)

// accept prefers feeds, then pages, since the same client fetches both.
const accept = "application/rss+xml, application/atom+xml, application/feed+json, " +
	"application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"

// Options configures a Client. Zero fields take the defaults above.
type Options struct {
	UserAgent string        // sent with every request; DefaultUserAgent when empty
	Timeout   time.Duration // the whole request, body included; DefaultTimeout when zero
	MaxBytes  int64         // body cap after decompression; DefaultMaxBytes when zero
	PerHost   int           // requests in flight per host; DefaultPerHost when zero
	// AllowPrivate allows loopback, private-network and link-local
	// addresses. The default refuses them (tests on 127.0.0.1 set it).
	AllowPrivate bool
	// AllowFile allows file:// URLs, read from the local disk.
	AllowFile bool
	// Transport replaces the network transport (for tests). With it the
	// dial-time address check is the transport's business; literal IP
	// addresses in URLs and redirects are still checked.
	Transport http.RoundTripper
	// Now is the clock used to read Retry-After dates; time.Now when nil.
	Now func() time.Time
}

// Request is one GET. ETag and LastModified, when set, make it conditional.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Response is a successful (2xx or 304) answer.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	Body         []byte // nil when NotModified
	ContentType  string
	ETag         string // the validators to send next time; on 304 the
	LastModified string // request's own when the server sent none
	NotModified  bool   // the server answered 304 to a conditional GET
}

// Client fetches URLs politely. It is safe for concurrent use.
type Client struct {
	opt   Options
	http  *http.Client
	hosts *hostLimiter
}

// New returns a Client with opt's zero fields set to the defaults.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.PerHost <= 0 {
		opt.PerHost = DefaultPerHost
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	c := &Client{opt: opt, hosts: newHostLimiter(opt.PerHost)}
	rt := opt.Transport
	if rt == nil {
		rt = newTransport(opt.AllowPrivate)
	}
	c.http = &http.Client{Transport: rt, CheckRedirect: c.checkRedirect}
	return c
}

// newTransport is http.DefaultTransport's shape without a proxy (a proxy
// would dial on our behalf and escape the address check) and with the
// address guard on every dial.
func newTransport(allowPrivate bool) *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = guardDial
	}
	return &http.Transport{
		Proxy:                  nil,
		DialContext:            d.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           100,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
}

// Get fetches req.URL. A 4xx or 5xx answer is a *StatusError; a body over
// the cap is ErrTooLarge; a refused address is ErrForbiddenAddress; a scheme
// other than http and https (or file when allowed) is ErrUnsupportedScheme;
// no complete answer within the timeout is ErrTimeout. Every error names
// the URL.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil {
		return nil, fmt.Errorf("fetch: %q is not a URL: %w", req.URL, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "file":
		if !c.opt.AllowFile {
			return nil, fmt.Errorf("fetch: %s: file URLs are not allowed here: %w", u, ErrUnsupportedScheme)
		}
		return c.getFile(u, req)
	default:
		return nil, fmt.Errorf("fetch: %s: only http and https URLs can be fetched: %w", u, ErrUnsupportedScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("fetch: %q has no host", req.URL)
	}
	if err := c.checkHost(u); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u, err)
	}

	release, err := c.hosts.acquire(ctx, strings.ToLower(u.Hostname()))
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: waiting for a free slot: %w", u, err)
	}
	defer release()

	tctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	resp, err := c.do(tctx, u, req)
	if err != nil {
		var se *StatusError
		if errors.As(err, &se) {
			return nil, se // names the URL itself
		}
		if tctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			return nil, fmt.Errorf("fetch: %s: no complete answer within %s: %w", u, c.opt.Timeout, ErrTimeout)
		}
		return nil, fmt.Errorf("fetch: %s: %w", u, err)
	}
	return resp, nil
}

func (c *Client) do(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("User-Agent", c.opt.UserAgent)
	hreq.Header.Set("Accept", accept)
	// Asking for gzip ourselves turns off the transport's transparent
	// decompression, so the same capped reader serves every transport.
	hreq.Header.Set("Accept-Encoding", "gzip")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}

	resp, err := c.http.Do(hreq)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // its message would repeat the URL
		}
		return nil, err
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	case resp.StatusCode >= 400:
		drain(resp.Body)
		return nil, &StatusError{
			URL:        out.URL,
			Code:       resp.StatusCode,
			RetryAfter: retryAfter(resp, c.opt.Now()),
		}
	case resp.StatusCode >= 300:
		// A redirect without a usable Location ends here.
		return nil, fmt.Errorf("answered %s without a redirect target", resp.Status)
	}

	out.Body, err = c.readBody(resp)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readBody reads at most MaxBytes of the decompressed body and refuses a
// longer one without holding more than the cap in memory.
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	limit := c.opt.MaxBytes
	var body io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
		if resp.ContentLength > limit {
			return nil, fmt.Errorf("body of %d bytes is over the %d-byte limit: %w", resp.ContentLength, limit, ErrTooLarge)
		}
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		body = zr
	default:
		return nil, fmt.Errorf("body has unsupported content encoding %q", resp.Header.Get("Content-Encoding"))
	}
	b, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("body is over the %d-byte limit: %w", limit, ErrTooLarge)
	}
	return b, nil
}

// checkRedirect limits redirects and applies the scheme and address rules
// to every hop.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= MaxRedirects {
		return fmt.Errorf("stopped after %d redirects: %w", len(via), ErrTooManyRedirects)
	}
	switch strings.ToLower(req.URL.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("redirected to %s: only http and https URLs can be fetched: %w", req.URL, ErrUnsupportedScheme)
	}
	if err := c.checkHost(req.URL); err != nil {
		return fmt.Errorf("redirected to %s: %w", req.URL, err)
	}
	return nil
}

// checkHost refuses a literal IP address that the address rule forbids,
// before anything is sent. Host names are checked when dialled.
func (c *Client) checkHost(u *url.URL) error {
	if c.opt.AllowPrivate {
		return nil
	}
	return checkHostLiteral(u.Hostname())
}

// getFile serves a file:// URL from disk under the same size cap, with the
// file's modification time as its Last-Modified.
func (c *Client) getFile(u *url.URL, req Request) (*Response, error) {
	if u.Host != "" && u.Host != "localhost" {
		return nil, fmt.Errorf("fetch: %s: only local files can be read: %w", u, ErrUnsupportedScheme)
	}
	path := filepath.FromSlash(u.Path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("fetch: %s: is a directory", u)
	}
	out := &Response{
		URL:          u.String(),
		Status:       http.StatusOK,
		ContentType:  mime.TypeByExtension(filepath.Ext(path)),
		LastModified: st.ModTime().UTC().Format(http.TimeFormat),
	}
	if req.LastModified != "" && req.LastModified == out.LastModified {
		out.Status, out.NotModified = http.StatusNotModified, true
		return out, nil
	}
	if st.Size() > c.opt.MaxBytes {
		return nil, fmt.Errorf("fetch: %s: file of %d bytes is over the %d-byte limit: %w", u, st.Size(), c.opt.MaxBytes, ErrTooLarge)
	}
	b, err := io.ReadAll(io.LimitReader(f, c.opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", u, err)
	}
	if int64(len(b)) > c.opt.MaxBytes {
		return nil, fmt.Errorf("fetch: %s: file is over the %d-byte limit: %w", u, c.opt.MaxBytes, ErrTooLarge)
	}
	out.Body = b
	return out, nil
}

// drain reads a little of an unwanted body so that the connection can be
// reused, without reading a large one.
func drain(r io.Reader) {
	_, _ = io.Copy(io.Discard, io.LimitReader(r, 64<<10))
}
