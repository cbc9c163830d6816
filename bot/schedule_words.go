package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"attache/briefing"
)

// What people write for `digest schedule`, read into a cron expression, a
// time zone and a filter, with errors that say what is wrong; and a
// schedule said back in words.

// minDigestGap is the shortest time allowed between two digests.
const minDigestGap = 15 * time.Minute

// cronFields names the five fields of a cron expression, with their ranges.
var cronFields = [5]struct {
	name     string
	min, max int
	names    []string // names for values min..; nil if none
}{
	{"minute", 0, 59, nil},
	{"hour", 0, 23, nil},
	{"day of month", 1, 31, nil},
	{"month", 1, 12, []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
	{"day of week", 0, 6, []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}

// scheduleRequest is a parsed `digest schedule`.
type scheduleRequest struct {
	spec      string // five-field cron expression
	zone      string // IANA name, "UTC" by default
	filter    []string
	thread    bool
	postEmpty bool
}

// Words that mark the parts of `digest schedule` (slash options become them).
const (
	wordZone      = "tz"
	wordFilter    = "filter"
	wordThread    = "thread"
	wordPostEmpty = "post_empty"
)

var weekdayNames = map[string]int{
	"sun": 0, "sunday": 0, "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
	"thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5, "sat": 6, "saturday": 6,
}

const scheduleHelp = "Try `daily 08:00`, `weekdays 07:30`, `weekly mon 09:00`, `hourly` or a cron expression such as `0 8 * * 1-5`."

// parseScheduleWords reads `digest schedule` words: WHEN, then an optional
// time zone (a name with a slash, UTC, or any name after "tz"), then
// filter words (optionally after "filter"), and the flags "thread" and
// "post_empty" anywhere after WHEN. Mistakes give a *briefing.UserError
// that says what is wrong.
func parseScheduleWords(words []string) (scheduleRequest, error) {
	req := scheduleRequest{zone: "UTC"}
	if len(words) == 0 {
		return req, userErrorf("Tell me when to post the digest. %s", scheduleHelp)
	}
	spec, rest, err := parseWhen(words)
	if err != nil {
		return req, err
	}
	req.spec = spec
	zoneSet := false
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		lw := strings.ToLower(w)
		switch {
		case lw == wordThread:
			req.thread = true
		case lw == wordPostEmpty || lw == "post-empty" || lw == "postempty":
			req.postEmpty = true
		case lw == wordFilter:
			// a marker only
		case lw == wordZone || lw == "timezone" || lw == "zone":
			if i+1 >= len(rest) {
				return req, userErrorf("Name the time zone after “%s”, e.g. Europe/Rome.", w)
			}
			i++
			if zoneSet {
				return req, userErrorf("Give one time zone, not two.")
			}
			name, err := resolveZone(rest[i])
			if err != nil {
				return req, err
			}
			req.zone, zoneSet = name, true
		case !zoneSet && len(req.filter) == 0 && looksLikeZone(w):
			name, err := resolveZone(w)
			if err != nil {
				return req, err
			}
			req.zone, zoneSet = name, true
		default:
			req.filter = append(req.filter, w)
		}
	}
	if err := checkFrequency(req.spec, req.zone); err != nil {
		return req, err
	}
	return req, nil
}

// looksLikeZone: an IANA name has a slash ("Europe/Rome"); UTC and GMT
// have none.
func looksLikeZone(w string) bool {
	lw := strings.ToLower(w)
	return strings.Contains(w, "/") || lw == "utc" || lw == "gmt" || strings.HasPrefix(lw, "cron_tz=") || strings.HasPrefix(lw, "tz=")
}

// parseWhen reads the schedule at the start of words and returns it as a
// cron expression with the words after it.
func parseWhen(words []string) (string, []string, error) {
	first := strings.ToLower(words[0])
	switch first {
	case "daily", "weekdays", "weekends", "everyday":
		at, rest, err := timeOfDay(words[1:], first)
		if err != nil {
			return "", nil, err
		}
		days := map[string]string{"daily": "*", "everyday": "*", "weekdays": "1-5", "weekends": "0,6"}[first]
		return fmt.Sprintf("%d %d * * %s", at.min, at.hour, days), rest, nil
	case "weekly":
		if len(words) < 2 {
			return "", nil, userErrorf("Say which day for a weekly digest, e.g. `weekly mon 09:00`.")
		}
		day, ok := weekdayNames[strings.ToLower(strings.TrimSuffix(words[1], ","))]
		if !ok {
			return "", nil, userErrorf("“%s” is not a day of the week; write e.g. `weekly mon 09:00`.", clip(words[1]))
		}
		at, rest, err := timeOfDay(words[2:], "weekly "+words[1])
		if err != nil {
			return "", nil, err
		}
		return fmt.Sprintf("%d %d * * %d", at.min, at.hour, day), rest, nil
	case "hourly":
		rest := words[1:]
		minute := 0
		if len(rest) > 0 && strings.HasPrefix(rest[0], ":") {
			m, err := strconv.Atoi(rest[0][1:])
			if err != nil || m < 0 || m > 59 {
				return "", nil, userErrorf("“%s” is not a minute past the hour; write e.g. `hourly :15`.", clip(rest[0]))
			}
			minute, rest = m, rest[1:]
		}
		return fmt.Sprintf("%d * * * *", minute), rest, nil
	}
	if strings.HasPrefix(first, "@") {
		return "", nil, userErrorf("I don't take “%s”. %s", clip(words[0]), scheduleHelp)
	}
	if looksLikeZone(words[0]) && !isCronField(words[0]) {
		return "", nil, userErrorf("Say when before the time zone, e.g. `daily 08:00 %s`.", clip(words[0]))
	}
	if _, ok := weekdayNames[first]; ok {
		return "", nil, userErrorf("For a weekly digest write `weekly %s 09:00`.", clip(words[0]))
	}
	// A cron expression: five fields, each made of digits, names, * , - / ?
	n := 0
	for n < len(words) && n < 5 && isCronField(words[n]) {
		n++
	}
	if n == 0 {
		return "", nil, userErrorf("I can't read “%s” as a schedule. %s", clip(words[0]), scheduleHelp)
	}
	expr := strings.Join(words[:n], " ")
	if n < 5 {
		return "", nil, userErrorf("“%s” is not a cron schedule: it has %d field%s, and a cron schedule has 5 (minute, hour, day of month, month, day of week), e.g. `0 8 * * 1-5`.", clip(expr), n, plural(n))
	}
	if err := checkCron(words[:5]); err != nil {
		return "", nil, err
	}
	return strings.ToLower(expr), words[5:], nil
}

// isCronField reports whether w is made of cron field characters.
func isCronField(w string) bool {
	if w == "" {
		return false
	}
	hasDigitOrStar := false
	for _, r := range strings.ToLower(w) {
		switch {
		case r >= '0' && r <= '9', r == '*', r == '?':
			hasDigitOrStar = true
		case r == ',', r == '-', r == '/':
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	if hasDigitOrStar {
		return true
	}
	// letters only: a month or day name, but not a filter word
	lw := strings.ToLower(w)
	for _, part := range strings.FieldsFunc(lw, func(r rune) bool { return r == ',' || r == '-' || r == '/' }) {
		if !isCronName(part) {
			return false
		}
	}
	return true
}

func isCronName(s string) bool {
	for _, f := range cronFields {
		for _, n := range f.names {
			if n == s {
				return true
			}
		}
	}
	return false
}

// checkCron validates the five fields of a cron expression and says which
// one is wrong and why.
func checkCron(fields []string) error {
	expr := strings.Join(fields, " ")
	bad := func(format string, a ...any) error {
		return userErrorf("“%s” is not a cron schedule: %s. %s", clip(expr), fmt.Sprintf(format, a...), "Fields are minute, hour, day of month, month and day of week, e.g. `0 8 * * 1-5`.")
	}
	for i, f := range fields {
		spec := cronFields[i]
		for _, part := range strings.Split(strings.ToLower(f), ",") {
			if part == "" {
				return bad("the %s field has an empty item", spec.name)
			}
			rng, step, hasStep := strings.Cut(part, "/")
			if hasStep {
				n, err := strconv.Atoi(step)
				if err != nil || n <= 0 {
					return bad("“/%s” in the %s field is not a step (a whole number from 1)", step, spec.name)
				}
				if n > spec.max-spec.min+1 {
					return bad("the step /%d in the %s field is longer than the field's range (%d–%d)", n, spec.name, spec.min, spec.max)
				}
			}
			if rng == "*" || (rng == "?" && (i == 2 || i == 4)) {
				continue
			}
			lo, hi, isRange := strings.Cut(rng, "-")
			a, err := cronValue(lo, i)
			if err != nil {
				return bad("%s", err.Error())
			}
			b := a
			if isRange {
				if b, err = cronValue(hi, i); err != nil {
					return bad("%s", err.Error())
				}
				if b < a {
					return bad("the range %s in the %s field runs backwards", rng, spec.name)
				}
			}
		}
	}
	if _, err := specParser.Parse(expr); err != nil {
		return bad("%s", err.Error())
	}
	return nil
}

// cronValue reads one value of field i, a number or a name.
func cronValue(s string, i int) (int, error) {
	spec := cronFields[i]
	for j, n := range spec.names {
		if s == n {
			return spec.min + j, nil
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("“%s” is not a valid %s", clip(s), spec.name)
	}
	if n < spec.min || n > spec.max {
		if i == 4 && n == 7 {
			return 0, fmt.Errorf("day of week 7 is out of range (0–6, Sunday is 0)")
		}
		return 0, fmt.Errorf("%s %d is out of range (%d–%d)", spec.name, n, spec.min, spec.max)
	}
	return n, nil
}

// clockTime is a time of day.
type clockTime struct{ hour, min int }

// timeOfDay reads "08:00", "8:00", "8", "7:30pm" or "at 08:00" at the start of
// words; what names the form in errors.
func timeOfDay(words []string, what string) (clockTime, []string, error) {
	if len(words) > 0 && strings.EqualFold(words[0], "at") {
		words = words[1:]
	}
	if len(words) == 0 {
		return clockTime{}, nil, userErrorf("Say at what time, e.g. `%s 08:00`.", clip(what))
	}
	t, ok := parseClock(words[0])
	if !ok {
		return clockTime{}, nil, userErrorf("“%s” is not a time of day; write it like 08:00 or 7:30pm, e.g. `%s 08:00`.", clip(words[0]), clip(what))
	}
	return t, words[1:], nil
}

func parseClock(s string) (clockTime, bool) {
	s = strings.ToLower(s)
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	if pm || am {
		s = s[:len(s)-2]
	}
	hs, ms, hasMin := strings.Cut(s, ":")
	if !hasMin {
		hs, ms, hasMin = strings.Cut(s, "h")
	}
	if hs == "" || len(hs) > 2 || (hasMin && len(ms) != 2 && ms != "") {
		return clockTime{}, false
	}
	h, err := strconv.Atoi(hs)
	if err != nil {
		return clockTime{}, false
	}
	m := 0
	if hasMin && ms != "" {
		if m, err = strconv.Atoi(ms); err != nil || m > 59 || m < 0 {
			return clockTime{}, false
		}
	}
	switch {
	case pm || am:
		if h < 1 || h > 12 {
			return clockTime{}, false
		}
		h %= 12
		if pm {
			h += 12
		}
	case h < 0 || h > 23:
		return clockTime{}, false
	}
	return clockTime{h, m}, true
}

// checkFrequency refuses schedules that never come round or come round
// more often than minDigestGap.
func checkFrequency(spec, zone string) error {
	s, err := compileSchedule(spec, zone, false)
	if err != nil {
		return userErrorf("“%s” is not a cron schedule: %v.", clip(spec), err)
	}
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	prev := s.Next(t)
	if prev.IsZero() {
		return userErrorf("“%s” never comes round (is it a 30 February?). %s", clip(spec), scheduleHelp)
	}
	for range 48 {
		n := s.Next(prev)
		if n.IsZero() {
			break
		}
		if gap := n.Sub(prev); gap < minDigestGap {
			return userErrorf("“%s” would post every %s; a digest can come at most every %d minutes. %s", clip(spec), roundDuration(gap), int(minDigestGap.Minutes()), scheduleHelp)
		}
		prev = n
	}
	return nil
}

func roundDuration(d time.Duration) string {
	if d < time.Minute {
		return "few seconds"
	}
	m := int(d.Minutes())
	if m == 1 {
		return "minute"
	}
	return fmt.Sprintf("%d minutes", m)
}

// userErrorf is a *briefing.UserError with a formatted message.
func userErrorf(format string, a ...any) error {
	return &briefing.UserError{Message: fmt.Sprintf(format, a...)}
}

// clip shortens and escapes what a person typed, for quoting it back.
func clip(s string) string {
	return escapeMarkdown(truncate(s, 60))
}

// describeSpec says a cron expression in words: "every day at 08:00",
// "every weekday at 07:30", "every Monday at 09:00", "every hour at :15",
// or, for other expressions, "on the cron schedule 0 8 1 * *".
func describeSpec(spec string) string {
	f := strings.Fields(spec)
	if len(f) != 5 {
		return "on the schedule " + spec
	}
	minute, errM := strconv.Atoi(f[0])
	hour, errH := strconv.Atoi(f[1])
	if errM == nil && f[1] == "*" && f[2] == "*" && f[3] == "*" && f[4] == "*" {
		return fmt.Sprintf("every hour at :%02d", minute)
	}
	if errM != nil || errH != nil || f[2] != "*" || f[3] != "*" {
		return "on the cron schedule `" + spec + "`"
	}
	at := fmt.Sprintf("%02d:%02d", hour, minute)
	switch f[4] {
	case "*":
		return "every day at " + at
	case "1-5":
		return "every weekday at " + at
	case "0,6", "6,0":
		return "every Saturday and Sunday at " + at
	}
	if d, err := strconv.Atoi(f[4]); err == nil && d >= 0 && d <= 6 {
		return "every " + time.Weekday(d).String() + " at " + at
	}
	return "on the cron schedule `" + spec + "`"
}
