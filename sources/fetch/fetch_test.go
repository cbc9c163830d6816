package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"attache/sources/fetch"
)

// loopback returns a client allowed to reach the test servers on 127.0.0.1.
func loopback(opt fetch.Options) *fetch.Client {
	opt.AllowPrivate = true
	return fetch.New(opt)
}

func TestGetSendsPoliteHeadersAndReturnsBody(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Header().Set("ETag", `"abc"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jun 2025 08:00:00 GMT")
		io.WriteString(w, "<rss/>")
	}))
	defer srv.Close()

	resp, err := loopback(fetch.Options{UserAgent: "TestAgent/1"}).Get(context.Background(), fetch.Request{URL: srv.URL + "/feed"})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	want := fetch.Response{
		URL: srv.URL + "/feed", Status: 200, Body: []byte("<rss/>"),
		ContentType: "application/rss+xml; charset=utf-8", ETag: `"abc"`,
		LastModified: "Mon, 02 Jun 2025 08:00:00 GMT",
	}
	if fmt.Sprint(*resp) != fmt.Sprint(want) {
		t.Errorf("response = %+v, want %+v", *resp, want)
	}
	if ua := got.Get("User-Agent"); ua != "TestAgent/1" {
		t.Errorf("User-Agent = %q, want TestAgent/1", ua)
	}
	if ae := got.Get("Accept-Encoding"); ae != "gzip" {
		t.Errorf("Accept-Encoding = %q, want gzip", ae)
	}
	if got.Get("If-None-Match") != "" || got.Get("If-Modified-Since") != "" {
		t.Errorf("unconditional request carried validators: %v", got)
	}
}

func TestDefaultUserAgentNamesTheProject(t *testing.T) {
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.UserAgent()
	}))
	defer srv.Close()
	if _, err := loopback(fetch.Options{}).Get(context.Background(), fetch.Request{URL: srv.URL}); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if ua != fetch.DefaultUserAgent || !strings.HasPrefix(ua, "Attache/") {
		t.Errorf("User-Agent = %q, want %q", ua, fetch.DefaultUserAgent)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v7"`, "Tue, 03 Jun 2025 09:30:00 GMT"
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		io.WriteString(w, "fresh")
	}))
	defer srv.Close()
	c := loopback(fetch.Options{})
	ctx := context.Background()

	first, err := c.Get(ctx, fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("first Get: %v", err)
	}
	if first.NotModified || string(first.Body) != "fresh" {
		t.Fatalf("first Get = %+v, want a fresh body", first)
	}

	tests := []struct {
		name string
		req  fetch.Request
	}{
		{"etag", fetch.Request{URL: srv.URL, ETag: first.ETag}},
		{"last-modified", fetch.Request{URL: srv.URL, LastModified: first.LastModified}},
		{"both", fetch.Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Get(ctx, tt.req)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if !resp.NotModified || resp.Status != http.StatusNotModified || resp.Body != nil {
				t.Errorf("got NotModified=%v Status=%d Body=%q, want a bodiless 304", resp.NotModified, resp.Status, resp.Body)
			}
			// The server sent no validators with its 304: the request's are kept.
			if resp.ETag != tt.req.ETag || resp.LastModified != tt.req.LastModified {
				t.Errorf("validators = %q, %q; want the request's %q, %q", resp.ETag, resp.LastModified, tt.req.ETag, tt.req.LastModified)
			}
		})
	}
	if n := hits.Load(); n != 4 {
		t.Errorf("server saw %d requests, want 4", n)
	}
}

func TestStatusErrors(t *testing.T) {
	now := time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		code       int
		retryAfter string
		want       time.Duration
		temporary  bool
	}{
		{"not found", 404, "", 0, false},
		{"gone", 410, "", 0, false},
		{"server error", 500, "", 0, true},
		{"retry-after on a 500 is ignored", 500, "30", 0, true},
		{"unavailable with seconds", 503, "120", 2 * time.Minute, true},
		{"unavailable without header", 503, "", 0, true},
		{"too many requests with seconds", 429, "45", 45 * time.Second, true},
		{"too many requests with a date", 429, "Mon, 02 Jun 2025 12:10:00 GMT", 10 * time.Minute, true},
		{"too many requests with a past date", 429, "Mon, 02 Jun 2025 11:00:00 GMT", 0, true},
		{"too many requests with garbage", 429, "soon", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.code)
				io.WriteString(w, "<html>error page</html>")
			}))
			defer srv.Close()
			c := loopback(fetch.Options{Now: func() time.Time { return now }})
			resp, err := c.Get(context.Background(), fetch.Request{URL: srv.URL + "/feed.xml"})
			if resp != nil {
				t.Errorf("Get returned a response %+v with the error", resp)
			}
			var se *fetch.StatusError
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T) is not a *StatusError", err, err)
			}
			if se.Code != tt.code || se.RetryAfter != tt.want || se.URL != srv.URL+"/feed.xml" {
				t.Errorf("got %+v, want code %d, retry after %s, URL %s", *se, tt.code, tt.want, srv.URL+"/feed.xml")
			}
			if se.Temporary() != tt.temporary {
				t.Errorf("Temporary() = %v, want %v", se.Temporary(), tt.temporary)
			}
			if msg := err.Error(); !strings.Contains(msg, srv.URL+"/feed.xml") || !strings.Contains(msg, fmt.Sprint(tt.code)) {
				t.Errorf("message %q does not name the URL and the status", msg)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"no headers", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{"body stalls", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "1000")
			io.WriteString(w, "<rss><channel>")
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			c := loopback(fetch.Options{Timeout: 150 * time.Millisecond})
			_, err := c.Get(context.Background(), fetch.Request{URL: srv.URL})
			if !errors.Is(err, fetch.ErrTimeout) {
				t.Fatalf("error = %v, want ErrTimeout", err)
			}
			if msg := err.Error(); !strings.Contains(msg, srv.URL) || !strings.Contains(msg, "150ms") {
				t.Errorf("message %q should name the URL and the time limit", msg)
			}
		})
	}
}

func TestCallerCancellationIsNotATimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := loopback(fetch.Options{}).Get(ctx, fetch.Request{URL: srv.URL})
	if !errors.Is(err, context.Canceled) || errors.Is(err, fetch.ErrTimeout) {
		t.Errorf("error = %v, want context.Canceled and not ErrTimeout", err)
	}
}

// bigBody streams n bytes in 64 KiB writes and reports how many were
// accepted before the client hung up.
func bigBody(n int64, contentLength bool, written chan<- int64) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentLength {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		chunk := bytes.Repeat([]byte("<p>filler</p>\n"), 64<<10/14)
		var sent int64
		for sent < n {
			k, err := w.Write(chunk[:min(int64(len(chunk)), n-sent)])
			sent += int64(k)
			if err != nil {
				break
			}
		}
		written <- sent
	}
}

func TestTooLargeBodyIsRefusedWithoutReadingItAll(t *testing.T) {
	const size = 50 << 20
	for _, withLength := range []bool{false, true} {
		t.Run(fmt.Sprintf("content-length=%v", withLength), func(t *testing.T) {
			written := make(chan int64, 1)
			srv := httptest.NewServer(bigBody(size, withLength, written))
			defer srv.Close()
			resp, err := loopback(fetch.Options{}).Get(context.Background(), fetch.Request{URL: srv.URL})
			if !errors.Is(err, fetch.ErrTooLarge) {
				t.Fatalf("Get = %v, %v; want ErrTooLarge", resp, err)
			}
			if !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("message %q does not name the URL", err)
			}
			// The client hung up after the cap: the server could not push
			// the whole 50 MB through.
			if n := <-written; n >= size {
				t.Errorf("server wrote all %d bytes; the client should have stopped reading at the cap", n)
			}
		})
	}
}

func TestBodyAtTheCapIsAccepted(t *testing.T) {
	body := strings.Repeat("x", 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, body)
	}))
	defer srv.Close()
	resp, err := loopback(fetch.Options{MaxBytes: 1000}).Get(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil || string(resp.Body) != body {
		t.Fatalf("Get of exactly MaxBytes = %v; want the body", err)
	}
	_, err = loopback(fetch.Options{MaxBytes: 999}).Get(context.Background(), fetch.Request{URL: srv.URL})
	if !errors.Is(err, fetch.ErrTooLarge) {
		t.Errorf("Get of MaxBytes+1 = %v; want ErrTooLarge", err)
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzipBodyIsDecompressed(t *testing.T) {
	feed := []byte(`<rss version="2.0"><channel><title>Zipped</title></channel></rss>`)
	z := gzipped(t, feed)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(z)
	}))
	defer srv.Close()
	resp, err := loopback(fetch.Options{}).Get(context.Background(), fetch.Request{URL: srv.URL})
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !bytes.Equal(resp.Body, feed) {
		t.Errorf("body = %q, want %q", resp.Body, feed)
	}
}

func TestGzipBombIsRefused(t *testing.T) {
	// 1 GiB of zeros as 1024 concatenated gzip members of 1 MiB each: about
	// 1 MB on the wire. The cap must stop decompression at 10 MiB.
	member := gzipped(t, make([]byte, 1<<20))
	bomb := bytes.Repeat(member, 1024)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", fmt.Sprint(len(bomb)))
		w.Write(bomb)
	}))
	defer srv.Close()

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := loopback(fetch.Options{}).Get(context.Background(), fetch.Request{URL: srv.URL})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, fetch.ErrTooLarge) {
		t.Fatalf("Get = %v, want ErrTooLarge", err)
	}
	// Allocation over the whole call stays near the 10 MiB cap, far from
	// the gigabyte the bomb expands to.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 128<<20 {
		t.Errorf("allocated %d MiB reading a gzip bomb; want well under the 1 GiB it expands to", alloc>>20)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "moved here")
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := loopback(fetch.Options{AllowFile: true})
	ctx := context.Background()

	resp, err := c.Get(ctx, fetch.Request{URL: srv.URL + "/old"})
	if err != nil {
		t.Fatalf("Get /old: %v", err)
	}
	if resp.URL != srv.URL+"/new" || string(resp.Body) != "moved here" {
		t.Errorf("got URL %q body %q, want %q and the new page", resp.URL, resp.Body, srv.URL+"/new")
	}

	if _, err := c.Get(ctx, fetch.Request{URL: srv.URL + "/loop"}); !errors.Is(err, fetch.ErrTooManyRedirects) {
		t.Errorf("Get /loop = %v, want ErrTooManyRedirects", err)
	}
	// Even a client that may read files does not follow a redirect to one.
	if _, err := c.Get(ctx, fetch.Request{URL: srv.URL + "/to-file"}); !errors.Is(err, fetch.ErrUnsupportedScheme) {
		t.Errorf("Get /to-file = %v, want ErrUnsupportedScheme", err)
	}
}

// roundTripFunc is a fake transport: nothing goes to the network.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRedirectToPrivateAddressIsRefused(t *testing.T) {
	var mu sync.Mutex
	var asked []string
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		asked = append(asked, r.URL.Host)
		mu.Unlock()
		h := http.Header{}
		h.Set("Location", "http://10.0.0.1/admin")
		return &http.Response{StatusCode: http.StatusFound, Header: h, Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
	})
	c := fetch.New(fetch.Options{Transport: rt})
	_, err := c.Get(context.Background(), fetch.Request{URL: "http://news.example/feed"})
	if !errors.Is(err, fetch.ErrForbiddenAddress) {
		t.Fatalf("Get = %v, want ErrForbiddenAddress", err)
	}
	if len(asked) != 1 || asked[0] != "news.example" {
		t.Errorf("transport was asked for %v, want only news.example", asked)
	}
}

func TestPerHostConcurrencyIsBounded(t *testing.T) {
	const perHost, requests = 2, 12
	var inFlight, peak, served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // let requests overlap
		inFlight.Add(-1)
		served.Add(1)
	}))
	defer srv.Close()
	c := loopback(fetch.Options{PerHost: perHost})

	var wg sync.WaitGroup
	errs := make(chan error, requests)
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Get(context.Background(), fetch.Request{URL: fmt.Sprintf("%s/item/%d", srv.URL, i)})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Get: %v", err)
		}
	}
	if got := peak.Load(); got > perHost || got < 1 {
		t.Errorf("peak concurrent requests = %d, want between 1 and %d", got, perHost)
	}
	if got := served.Load(); got != requests {
		t.Errorf("served %d requests, want %d", got, requests)
	}
}

func TestSchemes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.xml")
	if err := os.WriteFile(path, []byte("<rss/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	fileURL := "file://" + filepath.ToSlash(path)
	ctx := context.Background()

	for _, u := range []string{fileURL, "ftp://example.org/feed.xml", "gopher://example.org/", "javascript:alert(1)", "/relative/feed.xml"} {
		t.Run(u, func(t *testing.T) {
			_, err := fetch.New(fetch.Options{}).Get(ctx, fetch.Request{URL: u})
			if !errors.Is(err, fetch.ErrUnsupportedScheme) {
				t.Errorf("Get(%q) = %v, want ErrUnsupportedScheme", u, err)
			}
		})
	}

	t.Run("file allowed", func(t *testing.T) {
		c := fetch.New(fetch.Options{AllowFile: true})
		resp, err := c.Get(ctx, fetch.Request{URL: fileURL})
		if err != nil {
			t.Fatalf("Get(%q): %v", fileURL, err)
		}
		if string(resp.Body) != "<rss/>" || resp.Status != 200 || resp.LastModified == "" {
			t.Errorf("got %+v, want the file with a Last-Modified", resp)
		}
		again, err := c.Get(ctx, fetch.Request{URL: fileURL, LastModified: resp.LastModified})
		if err != nil || !again.NotModified {
			t.Errorf("conditional file Get = %+v, %v; want NotModified", again, err)
		}
		small := fetch.New(fetch.Options{AllowFile: true, MaxBytes: 3})
		if _, err := small.Get(ctx, fetch.Request{URL: fileURL}); !errors.Is(err, fetch.ErrTooLarge) {
			t.Errorf("file over the cap = %v, want ErrTooLarge", err)
		}
	})
}
