package feed

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// xmlDeclEncoding finds the encoding pseudo-attribute of an XML declaration.
var xmlDeclEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']`)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// normalizeEncoding returns the body as UTF-8 with any XML declaration
// saying so, whatever it came in:
//   - a UTF-16 body with a byte-order mark is decoded;
//   - a declared legacy encoding (windows-1252, ISO-8859-1, Shift_JIS…) is
//     decoded, unless the body is in fact valid UTF-8 with non-ASCII text
//     under a single-byte label, a common mislabelling;
//   - an unknown label is ignored;
//   - bytes that are not UTF-8 in a body declared (or taken to be) UTF-8
//     are read as windows-1252, the usual culprit.
func normalizeEncoding(body []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(body, bomUTF8):
		body = body[len(bomUTF8):]
	case bytes.HasPrefix(body, bomUTF16BE), bytes.HasPrefix(body, bomUTF16LE):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(body)
		if err != nil {
			return nil, err
		}
		return setDeclaredUTF8(out), nil
	}

	m := xmlDeclEncoding.FindSubmatch(body)
	if m == nil {
		return repairUTF8(body), nil
	}
	enc, name := charset.Lookup(strings.TrimSpace(string(m[1])))
	switch {
	case enc == nil || name == "utf-8":
		// Unknown or UTF-8: the bytes are meant as UTF-8.
	case singleByte(name) && utf8.Valid(body) && !isASCII(body):
		// Declared latin-1 or the like, but written as UTF-8.
	default:
		out, err := enc.NewDecoder().Bytes(body)
		if err != nil {
			return nil, err
		}
		body = out
	}
	return setDeclaredUTF8(repairUTF8(body)), nil
}

// setDeclaredUTF8 rewrites the XML declaration's encoding to UTF-8, so
// that the parser does not decode the already decoded text again.
func setDeclaredUTF8(body []byte) []byte {
	loc := xmlDeclEncoding.FindSubmatchIndex(body)
	if loc == nil {
		return body
	}
	out := make([]byte, 0, len(body))
	out = append(out, body[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, body[loc[3]:]...)
}

// repairUTF8 reads every byte that is not part of valid UTF-8 as a
// windows-1252 character.
func repairUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			r = charmap.Windows1252.DecodeByte(b[0])
		}
		out = utf8.AppendRune(out, r)
		b = b[size:]
	}
	return out
}

// singleByte reports whether a canonical encoding name (as charset.Lookup
// gives it) is one of the ISO-8859 or Windows single-byte code pages.
func singleByte(name string) bool {
	return strings.HasPrefix(name, "iso-8859-") || strings.HasPrefix(name, "windows-125")
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
