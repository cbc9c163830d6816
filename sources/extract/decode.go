package extract

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// metaCharset finds a charset declared by a <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> tag near the top
// of the page. Browsers look at the first 1024 bytes; pages in the wild put
// long comments and scripts first, so we look a little further.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// xmlCharset finds the encoding of an XML declaration (XHTML pages).
var xmlCharset = regexp.MustCompile(`(?i)^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_.:\-]+)`)

const prescanBytes = 4096

// decoded is a page's text in UTF-8 and the name of the encoding it was read as.
type decoded struct {
	text    string
	charset string
}

// decode turns a page's bytes into UTF-8 text. The order is the one that
// survives pages that lie about themselves:
//
//  1. a byte order mark is certain;
//  2. bytes that are valid UTF-8 (and not plain ASCII) are UTF-8, whatever the
//     page or server declares: legacy text is practically never valid UTF-8
//     by accident, while UTF-8 pages that still carry an old declaration are
//     common;
//  3. the declared charset (HTTP header, then <meta>) if decoding with it
//     leaves few errors and a detector does not strongly disagree;
//  4. a statistical detector over the page's text;
//  5. windows-1252, the web's historical default.
func decode(body []byte, contentType string) decoded {
	if enc, name, n := bomEncoding(body); enc != nil {
		if s, err := enc.NewDecoder().Bytes(body[n:]); err == nil {
			return decoded{text: string(s), charset: name}
		}
	}
	if n, ok := utf8Prefix(body); ok {
		return decoded{text: string(body[:n]), charset: "utf-8"}
	}
	declared := declaredCharset(body, contentType)
	if declared != "" && !isUnicodeLabel(declared) {
		if enc, name := lookup(declared); enc != nil {
			if s, ok := tryDecode(enc, body); ok && !detectorDisagrees(body, name) {
				return decoded{text: s, charset: name}
			}
		}
	}
	if mostlyUTF8(body) {
		return decoded{text: strings.ToValidUTF8(string(body), "\uFFFD"), charset: "utf-8"}
	}
	if name := detect(body); name != "" {
		if enc, n := lookup(name); enc != nil {
			if s, ok := tryDecode(enc, body); ok {
				return decoded{text: s, charset: n}
			}
		}
	}
	enc, name := lookup("windows-1252")
	s, _ := enc.NewDecoder().Bytes(body)
	return decoded{text: string(s), charset: name}
}

// bomEncoding reports the encoding named by a byte order mark and its length.
func bomEncoding(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, "utf-8", 3 // invalid bytes after it become U+FFFD
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	}
	return nil, "", 0
}

// utf8Prefix reports whether b is valid UTF-8, forgiving one rune cut off
// at the end (a page truncated by a size limit), and how many bytes are
// valid: the cut-off rune is left out. Only the opening bytes of a real
// multi-byte rune count as cut off; a stray byte such as 0xFF does not.
func utf8Prefix(b []byte) (n int, ok bool) {
	if utf8.Valid(b) {
		return len(b), true
	}
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			cut := b[i] >= 0xC2 && b[i] <= 0xF4 && !utf8.FullRune(b[i:])
			return i, cut && utf8.Valid(b[:i])
		}
	}
	return 0, false
}

// mostlyUTF8 reports whether b is UTF-8 with a few stray bytes: many valid
// multi-byte sequences and at most one invalid byte for every twenty of them.
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid >= 20 && invalid*20 <= valid
}

// declaredCharset returns the charset named by the Content-Type header, else
// by an XML declaration or a <meta> tag near the top of the page.
func declaredCharset(body []byte, contentType string) string {
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if cs := strings.TrimSpace(params["charset"]); cs != "" {
				return cs
			}
		}
	}
	head := body
	if len(head) > prescanBytes {
		head = head[:prescanBytes]
	}
	if m := xmlCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

func isUnicodeLabel(label string) bool {
	l := strings.ToLower(strings.TrimSpace(label))
	return strings.HasPrefix(l, "utf") || strings.HasPrefix(l, "unicode") || l == "ucs-2"
}

// lookup finds an encoding by its WHATWG label (so iso-8859-1 reads as
// windows-1252, as browsers do).
func lookup(label string) (encoding.Encoding, string) {
	enc, err := htmlindex.Get(strings.TrimSpace(label))
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		name = strings.ToLower(label)
	}
	if name == "replacement" {
		return nil, ""
	}
	return enc, name
}

// tryDecode decodes b and reports whether the result looks right: at most
// one replacement character for every fifty non-ASCII characters produced.
func tryDecode(enc encoding.Encoding, b []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	s := string(out)
	bad, nonASCII := 0, 0
	for _, r := range s {
		if r == utf8.RuneError {
			bad++
		} else if r >= 0x80 {
			nonASCII++
		}
	}
	return s, bad*50 <= nonASCII+1
}

// detect guesses the encoding of a page from the statistics of its bytes,
// with markup left out. It returns "" when the detector is unsure.
func detect(body []byte) string {
	sample := body
	const maxSample = 64 << 10
	if len(sample) > maxSample {
		sample = sample[:maxSample]
	}
	res, err := chardet.NewHtmlDetector().DetectBest(sample)
	if err != nil || res == nil || res.Confidence < 10 {
		return ""
	}
	if res.Charset == "GB-18030" {
		return "gb18030"
	}
	return res.Charset
}

// multiByteFamilies groups encodings that share a script, so that a page
// declared as GBK and detected as GB18030 is not called a liar.
var multiByteFamilies = map[string]string{
	"shift_jis":   "ja",
	"euc-jp":      "ja",
	"iso-2022-jp": "ja",
	"euc-kr":      "ko",
	"gbk":         "zh",
	"gb18030":     "zh",
	"big5":        "zh-tw",
}

// detectorDisagrees reports whether the detector is confident that a page
// declared as name is really in a multi-byte East Asian encoding of another
// script (a single-byte charset decodes any bytes without an error, so the
// error count alone cannot catch that lie).
func detectorDisagrees(body []byte, declared string) bool {
	name := detect(body)
	if name == "" {
		return false
	}
	enc, detected := lookup(name)
	if enc == nil || detected == declared {
		return false
	}
	fam, ok := multiByteFamilies[detected]
	if !ok {
		return false
	}
	if multiByteFamilies[declared] == fam {
		return false
	}
	_, clean := tryDecode(enc, body)
	return clean
}
