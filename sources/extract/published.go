package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// Where a publication time came from, most trusted first.
const (
	FromJSONLD = "json-ld"
	FromMeta   = "meta"
	FromTime   = "time"
	FromURL    = "url"
)

// published finds the page's publication time from, in order of trust, its
// JSON-LD datePublished, its <meta> tags, a <time datetime> element (one
// marked as the publication time first), and a date in its URL.
func published(m *metadata, pageURL string) (time.Time, string) {
	if t, ok := parseDate(m.jsonLD.published); ok {
		return t, FromJSONLD
	}
	for _, k := range publishedMetaKeys {
		if t, ok := parseDate(m.metas[k]); ok {
			return t, FromMeta
		}
	}
	for _, pass := range []bool{true, false} {
		for _, tt := range m.times {
			if tt.published != pass {
				continue
			}
			if t, ok := parseDate(tt.datetime); ok {
				return t, FromTime
			}
		}
	}
	if t, ok := DateInURL(pageURL); ok {
		return t, FromURL
	}
	return time.Time{}, ""
}

// dateLayouts are tried before the lenient parser.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

// parseDate reads a machine or human date. Dates without a zone are taken
// as UTC. Years outside 1990 to 2100 are refused as misreadings.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	var t time.Time
	var err error
	for _, layout := range dateLayouts {
		if t, err = time.Parse(layout, s); err == nil {
			break
		}
	}
	if err != nil {
		if onlyDigits(s) {
			return unixTime(s)
		}
		t, err = parseLenient(s)
		if err != nil {
			return time.Time{}, false
		}
	}
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}

// parseLenient runs the lenient parser, which can panic on odd input in
// some versions; a panic is a failed parse.
func parseLenient(s string) (t time.Time, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = time.Time{}, errBadDate
		}
	}()
	return dateparse.ParseIn(s, time.UTC, dateparse.PreferMonthFirst(false))
}

type dateError struct{}

func (dateError) Error() string { return "extract: unreadable date" }

var errBadDate error = dateError{}

func onlyDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// unixTime reads seconds or milliseconds since 1970.
func unixTime(s string) (time.Time, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	switch len(s) {
	case 10:
		return time.Unix(n, 0).UTC(), true
	case 13:
		return time.UnixMilli(n).UTC(), true
	}
	return time.Time{}, false
}

// urlDate finds /2019/11/18/, /2019-11-18, /20191118/ style dates in a path.
var urlDate = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2]|[1-9])([/_-]?)(0[1-9]|[12]\d|3[01]|[1-9])(?:$|[/_.-])`)

// DateInURL finds a publication date in a page's URL path: /2019/11/18/,
// /2019-11-18 or /20191118/, the two separators alike.
func DateInURL(pageURL string) (time.Time, bool) {
	if pageURL == "" {
		return time.Time{}, false
	}
	path := pageURL
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			return time.Time{}, false
		}
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for _, m := range urlDate.FindAllStringSubmatch(path, -1) {
		// The two separators must agree: /2019/11/18 or 20191118, and a
		// compact date needs two-digit month and day.
		if m[2] != m[4] || m[2] == "" && (len(m[3]) != 2 || len(m[5]) != 2) {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[5])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		return t, true
	}
	return time.Time{}, false
}
