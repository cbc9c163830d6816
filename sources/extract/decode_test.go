package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Article text in several scripts, long enough for a detector to judge.
const (
	frenchText   = "Le ministre a déclaré que les négociations reprendront à l’automne. « Nous sommes prêts », a-t-il ajouté après la réunion à Genève, où les délégués ont évoqué la sécurité maritime et l’énergie. Les experts prévoient un accord modéré."
	japaneseText = "日本とイタリアの首脳は月曜日、東京で会談し、安全保障と防衛の分野で協力を強化することで合意した。両国は今年、太平洋で初めての共同訓練を行う予定だ。会談では次世代戦闘機の共同開発についても話し合われた。"
	koreanText   = "한국과 일본의 외교장관은 월요일 서울에서 회담을 열고 경제 협력과 안보 문제를 논의했다. 양국은 올해 안에 정상회담을 개최하기로 합의했으며, 전문가들은 관계 개선의 신호라고 평가했다."
	chineseText  = "中国和意大利外长星期一在北京举行会谈，双方同意加强经济合作和人文交流。两国将在今年举行高级别对话，专家认为这是双边关系改善的重要信号。"
)

func page(charsetMeta, text string) string {
	meta := ""
	if charsetMeta != "" {
		meta = `<meta charset="` + charsetMeta + `">`
	}
	return "<!DOCTYPE html><html><head>" + meta + "<title>T</title></head><body><article><p>" +
		text + "</p><p>" + text + "</p></article></body></html>"
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name        string
		body        []byte
		contentType string
		want        string // text that must come out
		charset     string
	}{
		{"utf-8 declared", []byte(page("utf-8", frenchText)), "", frenchText, "utf-8"},
		{"utf-8 undeclared", []byte(page("", japaneseText)), "", japaneseText, "utf-8"},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, page("", koreanText)...), "", koreanText, "utf-8"},
		{"utf-16le with BOM", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), page("", frenchText))...), "", frenchText, "utf-16le"},
		{"windows-1252 declared in meta", encode(t, charmap.Windows1252, page("windows-1252", frenchText)), "", frenchText, "windows-1252"},
		{"iso-8859-1 in the header reads as windows-1252", encode(t, charmap.Windows1252, page("", frenchText)), "text/html; charset=ISO-8859-1", frenchText, "windows-1252"},
		{"windows-1252 undeclared", encode(t, charmap.Windows1252, page("", frenchText)), "", frenchText, "windows-1252"},
		{"shift_jis declared", encode(t, japanese.ShiftJIS, page("shift_jis", japaneseText)), "", japaneseText, "shift_jis"},
		{"shift_jis undeclared", encode(t, japanese.ShiftJIS, page("", japaneseText)), "", japaneseText, "shift_jis"},
		{"euc-jp declared", encode(t, japanese.EUCJP, page("euc-jp", japaneseText)), "", japaneseText, "euc-jp"},
		{"euc-kr declared", encode(t, korean.EUCKR, page("euc-kr", koreanText)), "", koreanText, "euc-kr"},
		{"euc-kr undeclared", encode(t, korean.EUCKR, page("", koreanText)), "", koreanText, "euc-kr"},
		{"gbk declared", encode(t, simplifiedchinese.GBK, page("gb2312", chineseText)), "", chineseText, "gbk"},
		{"big5 declared", encode(t, traditionalchinese.Big5, page("big5", "中華民國外交部長星期一在台北舉行記者會，說明與日本的經濟合作。")), "", "中華民國外交部長星期一在台北舉行記者會", "big5"},
		// Lies: what the page says is not what it is.
		{"utf-8 page declaring shift_jis", []byte(page("shift_jis", japaneseText)), "", japaneseText, "utf-8"},
		{"utf-8 page declaring windows-1252 in the header", []byte(page("", koreanText)), "text/html; charset=windows-1252", koreanText, "utf-8"},
		{"windows-1252 page declaring utf-8", encode(t, charmap.Windows1252, page("utf-8", frenchText)), "", frenchText, "windows-1252"},
		{"shift_jis page declaring windows-1252", encode(t, japanese.ShiftJIS, page("windows-1252", japaneseText)), "", japaneseText, "shift_jis"},
		{"euc-kr page declaring shift_jis", encode(t, korean.EUCKR, page("shift_jis", koreanText)), "", koreanText, "euc-kr"},
		{"header wins over meta", encode(t, charmap.Windows1252, page("shift_jis", frenchText)), "text/html; charset=windows-1252", frenchText, "windows-1252"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := decode(c.body, c.contentType)
			if !strings.Contains(got.text, c.want) {
				t.Errorf("decoded text lacks %q:\n%.300s", c.want, got.text)
			}
			if got.charset != c.charset {
				t.Errorf("charset = %q, want %q", got.charset, c.charset)
			}
		})
	}
}

// A few stray bytes in a UTF-8 page do not send it to a legacy charset.
func TestDecodeMostlyUTF8(t *testing.T) {
	body := []byte(page("utf-8", koreanText+"\xff"+koreanText))
	got := decode(body, "")
	if got.charset != "utf-8" || !strings.Contains(got.text, koreanText) {
		t.Errorf("got charset %q, text %.200q", got.charset, got.text)
	}
}

// A UTF-8 page cut in the middle of a character by a size limit is UTF-8,
// and the cut-off character is left out; a stray byte at the end is not a
// cut-off character. Whatever the input, the text is valid UTF-8.
func TestDecodeTruncatedUTF8(t *testing.T) {
	body := []byte(page("", japaneseText))
	tests := []struct {
		name     string
		body     []byte
		charset  string
		wantTail string // the decoded text ends so
	}{
		{"cut after two bytes of three", append(append([]byte{}, body...), "東"[:2]...), "utf-8", "</html>"},
		{"cut after one byte of four", append(append([]byte{}, body...), "😀"[:1]...), "utf-8", "</html>"},
		{"a stray 0xFF", []byte("0\xff"), "", ""},
		{"a stray continuation byte", []byte("0\x80"), "", ""},
		{"an overlong lead byte", []byte("0\xc0"), "", ""},
		{"a byte order mark, then a stray byte", []byte("\ufeff\xad0"), "utf-8", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode(tt.body, "")
			if !utf8.ValidString(got.text) {
				t.Errorf("decoded text %.40q is not valid UTF-8", got.text)
			}
			if tt.charset != "" && got.charset != tt.charset {
				t.Errorf("charset = %q, want %q", got.charset, tt.charset)
			}
			if !strings.HasSuffix(got.text, tt.wantTail) {
				t.Errorf("decoded text ends %q, want %q", got.text[max(0, len(got.text)-20):], tt.wantTail)
			}
		})
	}
}

func TestDeclaredCharset(t *testing.T) {
	cases := []struct{ body, contentType, want string }{
		{`<meta charset="EUC-KR">`, "", "EUC-KR"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, "", "Shift_JIS"},
		{`<?xml version="1.0" encoding="iso-8859-2"?><html>`, "", "iso-8859-2"},
		{`<meta charset="EUC-KR">`, "text/html; charset=utf-8", "utf-8"},
		{`<html>`, "text/html", ""},
		{strings.Repeat(" ", prescanBytes) + `<meta charset="EUC-KR">`, "", ""},
	}
	for _, c := range cases {
		if got := declaredCharset([]byte(c.body), c.contentType); got != c.want {
			t.Errorf("declaredCharset(%.60q, %q) = %q, want %q", c.body, c.contentType, got, c.want)
		}
	}
}
