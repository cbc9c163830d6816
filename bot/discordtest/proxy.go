package discordtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"sync"
	"time"
)

// The fake as an HTTPS proxy, for bots in other processes: a program run
// with HTTPS_PROXY set to ProxyURL and SSL_CERT_FILE to a file holding
// CertPEM sends its requests for discord.com to the fake through CONNECT
// tunnels, which the fake answers itself with a certificate for
// discord.com that only that file vouches for. The gateway address the
// fake hands out is on 127.0.0.1, which Go's proxy rules never send
// through a proxy. The program under test is the real one, unchanged:
// neither a test hook nor a package variable is involved. A CONNECT to
// any other host is refused, so the program can never reach the real
// Discord.

// proxyHosts are the hosts the fake answers for through a tunnel.
var proxyHosts = map[string]bool{"discord.com:443": true, "discordapp.com:443": true}

// tunnels serves HTTPS inside CONNECT tunnels.
type tunnels struct {
	pem  []byte // the certificate, PEM-encoded
	srv  *http.Server
	ln   *connListener
	once sync.Once
}

func newTunnels(h http.Handler) (*tunnels, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("discordtest: proxy key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "discord.com", Organization: []string{"discordtest"}},
		DNSNames:              []string{"discord.com", "discordapp.com"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("discordtest: proxy certificate: %w", err)
	}
	t := &tunnels{
		pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		ln:  newConnListener(),
		// A bot killed mid-handshake is part of the tests, not an error.
		srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)},
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
	go func() { _ = t.srv.Serve(tls.NewListener(t.ln, cfg)) }()
	return t, nil
}

// serveConnect answers a CONNECT for discord.com by serving the fake's
// REST API over TLS inside the tunnel.
func (t *tunnels) serveConnect(w http.ResponseWriter, r *http.Request) {
	if !proxyHosts[r.Host] {
		http.Error(w, "discordtest: only discord.com is faked", http.StatusForbidden)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "discordtest: cannot tunnel", http.StatusInternalServerError)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	if buf.Reader.Buffered() > 0 {
		conn.Close() // a client that spoke before the tunnel was open
		return
	}
	if _, err := conn.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
		conn.Close()
		return
	}
	if !t.ln.push(conn) {
		conn.Close()
	}
}

func (t *tunnels) close() {
	t.once.Do(func() {
		t.ln.Close()
		_ = t.srv.Close()
	})
}

// connListener is a net.Listener whose connections are handed to it.
type connListener struct {
	conns  chan net.Conn
	done   chan struct{}
	closer sync.Once
}

func newConnListener() *connListener {
	return &connListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

func (l *connListener) push(c net.Conn) bool {
	select {
	case l.conns <- c:
		return true
	case <-l.done:
		return false
	}
}

func (l *connListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *connListener) Close() error {
	l.closer.Do(func() { close(l.done) })
	return nil
}

func (l *connListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }

// ProxyURL is the address to give a program in HTTPS_PROXY so that its
// requests for discord.com reach the fake (see CertPEM).
func (s *Server) ProxyURL() string { return s.URL }

// CertPEM is the certificate the fake presents for discord.com inside its
// tunnels, PEM-encoded: write it to a file and give the program its path
// in SSL_CERT_FILE.
func (s *Server) CertPEM() []byte { return s.tunnels.pem }

// ProxyEnv returns the environment that points a program in another
// process at the fake: HTTPS_PROXY, and SSL_CERT_FILE naming a file
// written in dir. Append it to the program's environment.
func (s *Server) ProxyEnv(dir string) ([]string, error) {
	if dir == "" {
		return nil, errors.New("discordtest: proxy environment: no directory for the certificate")
	}
	path := dir + string(os.PathSeparator) + "discordtest-ca.pem"
	if err := os.WriteFile(path, s.tunnels.pem, 0o600); err != nil {
		return nil, fmt.Errorf("discordtest: proxy environment: %w", err)
	}
	return []string{"HTTPS_PROXY=" + s.ProxyURL(), "https_proxy=" + s.ProxyURL(), "SSL_CERT_FILE=" + path, "NO_PROXY=", "no_proxy="}, nil
}
