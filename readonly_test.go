//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// asUnprivileged makes a test about file permissions mean something when
// the tests run as root, who writes to read-only files regardless: it runs
// the test again, alone, in a copy of the test binary as the user nobody,
// and reports its outcome. It returns true where the test should go on (an
// ordinary user, or that copy) and false in root's process.
func asUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return true
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "attache-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "attache.test")
	src, err := os.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err == nil {
		_, err = io.Copy(dst, src)
		dst.Close()
	}
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "TMPDIR="+os.TempDir())
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: "+t.Name())) {
		t.Fatalf("%s as the user nobody: %v\n%s", t.Name(), err, out)
	}
	return false
}

// The read-only commands read a store whose folder and files are
// read-only; the others refuse it in one plain sentence.
func TestReadOnlyStore(t *testing.T) {
	if !asUnprivileged(t) {
		return
	}
	t.Setenv("DISCORD_TOKEN", "")
	data := t.TempDir()
	found, _, err := attache(t, data, "search", "--format", "json", "japan")
	if err != nil {
		t.Fatal(err)
	}
	var hits []struct{ ID int64 }
	if err := json.Unmarshal([]byte(found), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search = %v, %s", err, found)
	}
	id := strconv.FormatInt(hits[0].ID, 10)
	seed := filepath.Join(t.TempDir(), "note.txt")
	os.WriteFile(seed, []byte("Japan and Italy\n\nJapan and Italy met in Rome to talk about trade and defence.\n"), 0o644)
	for _, p := range []string{filepath.Join(data, "corpus.db"), data} {
		if err := os.Chmod(p, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(data, 0o755) })
	path := filepath.Join(data, "corpus.db")

	for _, args := range [][]string{
		{"brief", "japan", "italy"}, {"search", "japan"}, {"stats"}, {"digest", "--since", "10y"},
		{"quotes", "japan", "italy"}, {"show", id}, {"feeds", "list"},
	} {
		out, _, err := attache(t, data, args...)
		if err != nil || strings.TrimSpace(out) == "" {
			t.Errorf("attache %s on a read-only store = %v, %q; want an answer", strings.Join(args, " "), err, out)
		}
	}
	for _, args := range [][]string{{"ingest", seed}, {"poll"}, {"feeds", "add", "https://example.com/rss"}} {
		_, _, err := attache(t, data, args...)
		if err == nil || !strings.HasPrefix(err.Error(), "the store at "+path+" is read-only; "+args[0]+" needs to write to it") {
			t.Errorf("attache %s on a read-only store = %v, want a plain refusal naming %s", strings.Join(args, " "), err, path)
		}
	}
}
