package sources

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A .jsonl line keeps only a web address, and titles, sources and bylines
// lose their control characters (NUL, escape sequences, line breaks).
func TestJSONLInputChecks(t *testing.T) {
	text := "Japan and Italy met in Rome.\x00 They talked about trade.\x1b[31m"
	lines := []string{
		`{"title":"Rome talks","url":"javascript:alert(1)","source":"Wire","text":"` + "Japan and Italy met." + `"}`,
		`{"title":"Rome talks","url":"file:///etc/passwd","source":"Wire","text":"Japan and Italy met."}`,
		`{"title":"Rome\u0000 talks\u001b[2J\nagain","url":"HTTPS://wire.example/rome","source":"Wire\u0007 Service","byline":"A\u0000 Writer","text":"` + strings.ReplaceAll(strings.ReplaceAll(text, "\x00", `\u0000`), "\x1b", `\u001b`) + `"}`,
		`{"title":"Rome talks","url":"http://` + strings.Repeat("x", 300) + `.example/","source":"Wire","text":"Japan and Italy met."}`,
	}
	items := ParseJSONL([]byte(strings.Join(lines, "\n")))
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4", len(items))
	}
	for _, i := range []int{0, 1} {
		if items[i].Err == nil || !strings.Contains(items[i].Err.Error(), "not a web address") {
			t.Errorf("line %d: err = %v, want the URL refused", i+1, items[i].Err)
		}
	}
	a := items[2].Article
	if items[2].Err != nil || a.Title != "Rome talks[2J again" || a.Source != "Wire Service" || a.Byline != "A Writer" {
		t.Errorf("line 3 = %q / %q / %q (%v), want control characters taken out", a.Title, a.Source, a.Byline, items[2].Err)
	}
	if strings.ContainsAny(a.Text, "\x00\x1b") || !strings.Contains(a.Text, "They talked about trade.") {
		t.Errorf("line 3 text = %q, want it without control characters", a.Text)
	}
	if items[3].Err != nil {
		t.Errorf("line 4: %v, want a long web address accepted", items[3].Err)
	}
}

// A bad value is quoted in a few dozen characters, not echoed whole.
func TestJSONLBadValueQuotedShort(t *testing.T) {
	long := strings.Repeat("y", 100000)
	items := ParseJSONL([]byte(`{"title":"T","url":"ftp://` + long + `","text":"Body."}` + "\n" + `{"title":"T","url":"https://x.example/","text":"Body.","published":"` + long + `"}`))
	for i, it := range items {
		if it.Err == nil {
			t.Errorf("line %d accepted, want refused", i+1)
		} else if msg := it.Err.Error(); len(msg) > 200 {
			t.Errorf("line %d: err = %.300s (%d bytes), want a short refusal", i+1, msg, len(msg))
		}
	}
}

// A 16 MB line is refused without being held in memory, and the lines
// after it are read.
func TestJSONLLongLineBounded(t *testing.T) {
	good := `{"title":"Rome talks","url":"https://wire.example/rome","source":"Wire","text":"Japan and Italy met in Rome."}`
	huge := `{"title":"Big","url":"https://wire.example/big","text":"` + strings.Repeat("word ", 16<<20/5) + `"}`
	path := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, []byte(good+"\n"+huge+"\n"+strings.Replace(good, "rome", "rome-2", 1)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	huge = ""
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	items := readAll(t, path)
	runtime.ReadMemStats(&after)
	if len(items) != 3 || items[0].Err != nil || items[2].Err != nil || items[1].Err == nil || !strings.Contains(items[1].Err.Error(), "line is over the") {
		for _, it := range items {
			t.Logf("%s %v", it.Where, it.Err)
		}
		t.Fatalf("got %d items, want the long line refused between two good ones", len(items))
	}
	if !strings.HasSuffix(items[1].Where, "big.jsonl:line 2") {
		t.Errorf("long line reported at %q", items[1].Where)
	}
	// Everything allocated is an upper bound of the peak.
	if got := after.TotalAlloc - before.TotalAlloc; got > 32<<20 {
		t.Errorf("reading a file with a 16 MB line allocated %d MB, want at most 32", got>>20)
	}
}

// The line reader gives back lines of any ending, and only the over-long
// ones are refused.
func TestLineReader(t *testing.T) {
	in := "a\nbb\r\n\n" + strings.Repeat("c", 10) + "\n" + strings.Repeat("d", 11) + "\nlast"
	lr := newLineReader(bytes.NewReader([]byte(in)), 10)
	var got []string
	for {
		line, err := lr.next()
		if err != nil && err != errLineTooLong {
			break
		}
		if err == errLineTooLong {
			got = append(got, "TOO LONG")
			continue
		}
		got = append(got, string(line))
	}
	want := []string{"a", "bb\r", "", strings.Repeat("c", 10), "TOO LONG", "last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", got, want)
	}
}

// Character references left by HTML in a JSON Lines article are read as
// the characters they name, in the title and the text.
func TestJSONLCharacterReferences(t *testing.T) {
	line := `{"title":"Caf&#233; diplomacy in Lima","url":"https://wire.example/lima","source":"Wire","text":"Peru and Chile signed a communiqu&#233; in Lima on Friday."}`
	items := ParseJSONL([]byte(line))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	if a.Title != "Café diplomacy in Lima" || !strings.Contains(a.Text, "signed a communiqué in Lima") {
		t.Errorf("title %q, text %q: want the references read", a.Title, a.Text)
	}
}
