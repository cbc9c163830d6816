package discordtest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// proxied is an HTTP client set up as a program run with ProxyEnv would
// be: through the fake as a proxy, trusting only its certificate.
func proxied(t *testing.T, s *Server) *http.Client {
	t.Helper()
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(s.CertPEM()) {
		t.Fatal("CertPEM holds no certificate")
	}
	proxy, err := url.Parse(s.ProxyURL())
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Timeout: wait, Transport: &http.Transport{
		Proxy:           http.ProxyURL(proxy),
		TLSClientConfig: &tls.Config{RootCAs: roots},
	}}
}

func TestProxyServesDiscordInTunnels(t *testing.T) {
	s := New(t, Options{Shards: 3})
	c := proxied(t, s)
	req, _ := http.NewRequest(http.MethodGet, "https://discord.com/api/v10/gateway/bot", nil)
	req.Header.Set("Authorization", "Bot "+s.Token())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var gw struct {
		URL    string
		Shards int
	}
	err = json.NewDecoder(resp.Body).Decode(&gw)
	resp.Body.Close()
	if err != nil || gw.Shards != 3 || !strings.HasPrefix(gw.URL, "ws://127.0.0.1:") {
		t.Fatalf("GET /gateway/bot through the proxy = %+v, %v; want 3 shards and a loopback gateway", gw, err)
	}
	if _, err := s.WaitFor(wait, func(c Call) bool { return c.Route == RouteGateway }); err != nil {
		t.Errorf("the tunnelled request was not recorded: %v", err)
	}
	if _, err := c.Get("https://example.com/"); err == nil {
		t.Error("the proxy tunnelled to a host other than discord.com")
	}
}

func TestHeldMessagesAreCreatedBeforeTheAnswer(t *testing.T) {
	s := New(t, Options{})
	s.HoldMessages("10")
	c := proxied(t, s)
	answered := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, "https://discord.com/api/v10/channels/10/messages", strings.NewReader(`{"content":"digest"}`))
		req.Header.Set("Authorization", "Bot "+s.Token())
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	call, err := s.WaitFor(wait, func(c Call) bool { return c.Route == RouteCreateMessage })
	if err != nil {
		t.Fatal(err)
	}
	if !call.Held || len(s.Posts("10")) != 1 {
		t.Fatalf("held call %+v with %d posts in the channel; want it held and the message there", call, len(s.Posts("10")))
	}
	select {
	case code := <-answered:
		t.Fatalf("a held message was answered (%d) before its release", code)
	default:
	}
	s.ReleaseMessages("10")
	select {
	case code := <-answered:
		if code != 200 {
			t.Errorf("the released message was answered %d, want 200", code)
		}
	case <-time.After(wait):
		t.Fatal("the released message was not answered")
	}
}
