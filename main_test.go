package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// attache runs the command line in-process against a data directory and
// returns what it printed.
func attache(t *testing.T, data string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--data", data}, args...)
	err = run(context.Background(), full, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestBriefOnFreshStore(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	out, _, err := attache(t, data, "brief", "japan", "italy")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Japan and Italy\n", "What the articles say", "Key quotes", "Sources", "[1] ", "Note: Fewer than 3 stories in the last 30 days are about Japan and Italy together"} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q:\n%s", want, out)
		}
	}
	out, _, err = attache(t, data, "brief", "--format", "json", "japan", "italy")
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Query   struct{ Countries []string } `json:"query"`
		Summary []struct {
			Text string `json:"text"`
			URL  string `json:"url"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatalf("brief --format json is not JSON: %v\n%s", err, out)
	}
	if len(b.Summary) == 0 || b.Query.Countries[0] != "JP" || !strings.HasPrefix(b.Summary[0].URL, "https://sample.attache.invalid/") {
		t.Errorf("JSON brief = %+v", b)
	}
}

func TestUserErrorsArePlain(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	tests := []struct {
		args  []string
		want  string
		usage bool
	}{
		{[]string{"brief", "japn", "italy"}, "I don't know a country called “japn”. Did you mean Japan", false},
		{[]string{"brief"}, "brief: name countries or topics", true},
		{[]string{"brief", "--format", "yaml", "japan"}, `--format "yaml"`, true},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`, true},
		{[]string{"show", "12"}, "no article with id 12", false},
		{[]string{"show", "abc"}, `"abc" is not an article id`, true},
		{[]string{"feeds", "remove", "99"}, "no feed with id 99", false},
		{[]string{"search"}, "give words or --country", true},
	}
	for _, tt := range tests {
		_, _, err := attache(t, data, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("attache %v = %v, want %q", tt.args, err, tt.want)
			continue
		}
		var ue usageError
		if errors.As(err, &ue) != tt.usage {
			t.Errorf("attache %v: usage error = %v, want %v", tt.args, !tt.usage, tt.usage)
		}
	}
}

// The corpus issue's "done when": the seed article found once by search,
// ingesting it again changes nothing, and show prints it clean.
func TestSeedIngestSearchShow(t *testing.T) {
	seed := filepath.Join("..", "shared", "seeds", "japan-italy-defense.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("../shared/seeds is absent")
	}
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	out, _, err := attache(t, data, "ingest", seed)
	if err != nil || !strings.Contains(out, "1 added") {
		t.Fatalf("ingest = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "ingest", seed)
	if err != nil || !strings.Contains(out, "0 added, 0 updated, 1 unchanged") {
		t.Fatalf("second ingest = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "search", "japan", "italy", "--format", "json", "--limit", "100")
	if err != nil {
		t.Fatal(err)
	}
	var hits []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	var id int64
	n := 0
	for _, h := range hits {
		if h.Title == "Japan, Italy Agree to Further Strengthen Bilateral Defense Ties" {
			id = h.ID
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the seed article is found %d times, want once", n)
	}
	out, _, err = attache(t, data, "show", fmt.Sprint(id))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"Comments are closed", "Copyright ©", "Exit mobile version", "\n0\n"} {
		if strings.Contains(out, bad) {
			t.Errorf("show keeps %q", bad)
		}
	}
	out, _, err = attache(t, data, "show", "--format", "json", fmt.Sprint(id))
	if err != nil {
		t.Fatal(err)
	}
	var art struct{ Text string }
	if err := json.Unmarshal([]byte(out), &art); err != nil {
		t.Fatal(err)
	}
	if c := strings.Count(art.Text, "handover ceremony"); c != 1 {
		t.Errorf("the handover paragraph appears %d times, want once (the page repeats it)", c)
	}
}

// `feeds add` plus `poll` against a local feed server ingests the items
// with full text.
func TestFeedsAddAndPoll(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	var base string
	page := `<html><head><title>Canberra and New Delhi sign a critical minerals pact | Kestrel Daily</title>
<meta property="og:site_name" content="Kestrel Daily"></head><body><nav>Home News Sport</nav><article><h1>Canberra and New Delhi sign a critical minerals pact</h1>
<p>Australia and India signed an agreement on Tuesday to develop critical minerals projects together, the two trade ministers said in a joint statement.</p>
<p>The pact covers lithium and cobalt projects in Western Australia and a fund of 40 million Australian dollars to help Indian buyers invest.</p>
<p>"This is the start of a supply chain we can both rely on," India's trade minister told reporters in Canberra.</p></article>
<footer>Copyright 2024 Kestrel Daily. All rights reserved.</footer></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kestrel Daily</title><link>%s</link>
<item><title>Canberra and New Delhi sign a critical minerals pact</title><link>%s/minerals</link><guid>k1</guid>
<pubDate>Tue, 12 Mar 2024 04:00:00 GMT</pubDate><description>Australia and India signed an agreement...</description></item>
</channel></rss>`, base, base)
	})
	mux.HandleFunc("/minerals", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL

	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("feeds:\n  allow_private: true\n"), 0o600)
	out, _, err := attache(t, data, "--config", cfg, "feeds", "add", srv.URL+"/rss")
	if err != nil || !strings.Contains(out, "Subscribed to feed 1: Kestrel Daily") {
		t.Fatalf("feeds add = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "--config", cfg, "poll")
	if err != nil || !strings.Contains(out, "feed 1  1 items: 1 added") {
		t.Fatalf("poll = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "--config", cfg, "search", "lithium", "--country", "AU", "--country", "IN")
	if err != nil || !strings.Contains(out, "Canberra and New Delhi sign a critical minerals pact") || !strings.Contains(out, "Kestrel Daily") {
		t.Fatalf("search after poll = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "--config", cfg, "feeds", "list")
	if err != nil || !strings.Contains(out, "ok") || !strings.Contains(out, "1 articles") {
		t.Fatalf("feeds list = %q, %v", out, err)
	}
	// Without the config's permission, a loopback feed is refused plainly.
	_, _, err = attache(t, t.TempDir(), "feeds", "add", srv.URL+"/rss")
	if err == nil || !strings.Contains(err.Error(), "not allowed") {
		t.Errorf("loopback feed without allow_private = %v, want a refusal", err)
	}
}

// `ingest URL` fetches the page, extracts the article and stores it.
func TestIngestURL(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	page := `<html><head><title>Brasilia and Buenos Aires reopen trade talks - Saltmarsh Review</title>
<meta property="og:site_name" content="Saltmarsh Review"><meta property="article:published_time" content="2024-05-02T08:00:00Z"></head>
<body><header><a href="/">Home</a></header><article><h1>Brasilia and Buenos Aires reopen trade talks</h1>
<p>Brazil and Argentina reopened talks on Thursday over tariffs on cars and wheat, their foreign ministries said in a joint note.</p>
<p>The two largest economies of Mercosur have argued for months over a quota on Argentine wheat and over Brazil's rules for car parts.</p>
<p>Negotiators will meet again in Montevideo in June, before the bloc's summit.</p></article>
<footer>Copyright 2024 Saltmarsh Review. All rights reserved.</footer></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	defer srv.Close()
	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("feeds:\n  allow_private: true\nsample_corpus: false\n"), 0o600)
	out, _, err := attache(t, data, "--config", cfg, "ingest", srv.URL+"/world/trade-talks?utm_source=x")
	if err != nil || !strings.Contains(out, "1 added") {
		t.Fatalf("ingest URL = %q, %v", out, err)
	}
	out, _, err = attache(t, data, "--config", cfg, "search", "wheat", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var hits []struct {
		URL, Source string
		Countries   []string
		Published   string
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != 1 {
		t.Fatalf("search wheat = %s, %v", out, err)
	}
	h := hits[0]
	if h.URL != srv.URL+"/world/trade-talks" || h.Source != "Saltmarsh Review" || h.Published != "2024-05-02T08:00:00Z" {
		t.Errorf("stored article = %+v", h)
	}
	if !slices.Contains(h.Countries, "BR") || !slices.Contains(h.Countries, "AR") {
		t.Errorf("countries = %v, want BR and AR", h.Countries)
	}
}

// Asking for help is not a mistake: it prints the usage on stdout and
// succeeds; help for a command that does not exist is a usage error.
func TestHelp(t *testing.T) {
	tests := []struct {
		args      []string
		stdout    string
		usageErr  string // "" when the call must succeed
		stderrHas string
	}{
		{[]string{"-h"}, "usage: attache [--config FILE]", "", ""},
		{[]string{"--help"}, "usage: attache [--config FILE]", "", ""},
		{[]string{"help"}, "usage: attache [--config FILE]", "", ""},
		{[]string{"help", "brief"}, "usage: attache brief [--since 30d]", "", ""},
		{[]string{"help", "frobnicate"}, "", `help: unknown command "frobnicate"`, "commands:"},
		{[]string{}, "", "no command given", "commands:"},
		{[]string{"--bogus"}, "", "flag provided but not defined", "commands:"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &out, &errOut)
			if tt.usageErr == "" {
				if err != nil {
					t.Fatalf("run(%q) = %v, want success", tt.args, err)
				}
			} else {
				var ue usageError
				if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.usageErr) {
					t.Fatalf("run(%q) = %v, want a usage error containing %q", tt.args, err, tt.usageErr)
				}
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", out.String(), tt.stdout)
			}
			if tt.stdout == "" && out.Len() > 0 {
				t.Errorf("stdout = %q, want nothing", out.String())
			}
			if !strings.Contains(errOut.String(), tt.stderrHas) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.stderrHas)
			}
		})
	}
}

// An output format a command does not write is refused before the
// command does anything, so nothing is printed (or polled) first.
func TestUnknownFormatRefusedFirst(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	for _, args := range [][]string{
		{"brief", "--format", "bogus", "japan"},
		{"digest", "--since", "30d", "--format", "bogus"},
		{"search", "--format", "bogus", "summit"},
		{"show", "--format", "bogus", "1"},
		{"stats", "--format", "bogus"},
		{"feeds", "list", "--format", "bogus"},
		{"poll", "--format", "bogus"},
		{"ingest", "--format", "bogus", "nothing.txt"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, _, err := attache(t, data, args...)
			var ue usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), `--format "bogus"`) {
				t.Errorf("err = %v, want a usage error about --format \"bogus\"", err)
			}
			if out != "" {
				t.Errorf("printed before refusing:\n%s", out)
			}
		})
	}
}

// ingest reports each item in the order it was named and read, whether
// it was stored or skipped.
func TestIngestReportsInOrder(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("sample_corpus: false\n"), 0o600)
	dir := filepath.Join(t.TempDir(), "articles")
	os.Mkdir(dir, 0o755)
	article := func(title, body string) []byte { return []byte(title + "\n\n" + body + "\n") }
	os.WriteFile(filepath.Join(dir, "a.txt"), article("Ministers meet in Rome", "The foreign ministers of Italy and Japan met in Rome on Monday to prepare the summit."), 0o600)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("A title and nothing else\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "c.txt"), article("Talks resume in Tokyo", "Negotiators from both countries resumed talks in Tokyo on Thursday after a pause of two weeks."), 0o600)
	out, _, err := attache(t, data, "--config", cfg, "ingest", filepath.Join(dir, "missing.txt"), dir)
	if err != nil {
		t.Fatal(err)
	}
	// Skipped items are said plainly on the last line.
	if !strings.HasSuffix(out, "2 added, 0 updated, 0 unchanged, 0 duplicates, 2 skipped\nNot stored: 2 of 4 items, skipped for the reasons given above; the others are stored.\n") {
		t.Fatalf("ingest with skipped items does not say how many were not stored:\n%s", out)
	}
	out = strings.TrimSuffix(out, "Not stored: 2 of 4 items, skipped for the reasons given above; the others are stored.\n")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []struct{ outcome, file string }{
		{"skipped", "missing.txt"}, {"added", "a.txt"}, {"skipped", "b.txt"}, {"added", "c.txt"}, {"2 added", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("ingest printed %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w.outcome) || !strings.Contains(lines[i], w.file) {
			t.Errorf("line %d = %q, want %s %s (in the order named and read)", i+1, lines[i], w.outcome, w.file)
		}
	}
}

// A page on a local address is refused by every command that fetches,
// and each says how to allow it.
func TestLocalAddressRefusedWithHint(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<html></html>") }))
	defer srv.Close()
	data := t.TempDir()
	for _, args := range [][]string{{"extract", srv.URL + "/page"}, {"feeds", "add", srv.URL + "/rss"}} {
		_, _, err := attache(t, data, args...)
		if err == nil || !strings.Contains(err.Error(), "feeds.allow_private: true") {
			t.Errorf("attache %v = %v, want a refusal that names feeds.allow_private", args, err)
		}
	}
	out, _, err := attache(t, data, "ingest", srv.URL+"/page")
	if err != nil || !strings.Contains(out, "feeds.allow_private: true") {
		t.Errorf("attache ingest = %q, %v; want the item skipped with the hint", out, err)
	}
	// Every other way of writing a local or private address gets the same
	// plain refusal, before any look-up or connection.
	port := strings.TrimPrefix(srv.URL, "http://127.0.0.1:")
	for _, host := range []string{"[64:ff9b::a00:1]", "[::7f00:1]", "[2002:a00:1::1]", "[::ffff:127.0.0.1]", "127.1", "2130706433", "0x7f000001", "0177.0.0.1", "localhost.", "localhost"} {
		u := "http://" + host + ":" + port + "/page"
		out, _, err := attache(t, data, "ingest", u)
		if err != nil || !strings.Contains(out, "loopback or private-network address not allowed") || !strings.Contains(out, "feeds.allow_private: true") {
			t.Errorf("attache ingest %s = %q, %v; want the item refused with the hint", u, out, err)
		}
	}
}

// search --country takes names as well as codes; a value that is neither
// is refused instead of matching nothing.
func TestSearchCountryNames(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	byCode, _, err := attache(t, data, "search", "--format", "json", "--country", "JP", "--country", "IT")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(byCode, `"id"`) {
		t.Fatalf("search by codes found nothing: %s", byCode)
	}
	for _, names := range [][]string{{"--country", "japan", "--country", "Italy"}, {"--country", "jp,italian"}} {
		byName, _, err := attache(t, data, append([]string{"search", "--format", "json"}, names...)...)
		if err != nil || byName != byCode {
			t.Errorf("search %v = %.200s, %v; want the same as by codes:\n%.200s", names, byName, err, byCode)
		}
	}
	_, _, err = attache(t, data, "search", "--country", "atlantis")
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `"atlantis" is not a country`) {
		t.Errorf("search --country atlantis = %v, want a usage error", err)
	}
}

// A corpus.db that is not a database, or is damaged, is named with what to
// do, instead of SQLite's bare words.
func TestDamagedStoreNamed(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	path := filepath.Join(data, "corpus.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("these are my notes, not a database\n"), 300), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"brief", "japan", "italy"}, {"ingest", path}} {
		_, _, err := attache(t, data, args...)
		if err == nil || !strings.HasPrefix(err.Error(), "the store at "+path+" is not a database") || !strings.Contains(err.Error(), "--data") {
			t.Errorf("attache %s = %v, want a message naming %s and what to do", args[0], err, path)
		}
	}
}

// A feed given to ingest is not stored as a junk article: it is refused
// with how to subscribe to it, whether its server calls it RSS or HTML.
func TestIngestFeedURLRefusedWithFeedsAdd(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "")
	rss := `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "Wire">]><rss version="2.0"><channel><title>&e;</title><link>https://wire.example/</link>
<item><title>Brazil and Argentina reopen trade talks</title><link>https://wire.example/a</link><description>Brazil and Argentina reopened talks on Thursday over tariffs on cars and wheat, their foreign ministries said in a joint note.</description></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<entry><title>Brazil and Argentina reopen trade talks</title><id>urn:a</id><link href="https://wire.example/a"/><summary>Brazil and Argentina reopened talks on Thursday over tariffs.</summary></entry></feed>`
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/mislabelled", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, atom)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	data := t.TempDir()
	cfg := filepath.Join(data, "config.yaml")
	os.WriteFile(cfg, []byte("feeds:\n  allow_private: true\nsample_corpus: false\n"), 0o600)
	for _, path := range []string{"/rss", "/mislabelled", "/atom"} {
		u := srv.URL + path
		out, _, err := attache(t, data, "--config", cfg, "ingest", u)
		if err != nil || !strings.Contains(out, "this is a feed") || !strings.Contains(out, "attache feeds add "+u) || !strings.Contains(out, "0 added") {
			t.Errorf("ingest %s = %q, %v; want it refused as a feed with the feeds add command", path, out, err)
		}
	}
	if out, _, _ := attache(t, data, "--config", cfg, "stats", "--format", "json"); !strings.Contains(out, `"articles": 0`) {
		t.Errorf("stats after ingesting feeds = %s, want no articles", out)
	}
}
