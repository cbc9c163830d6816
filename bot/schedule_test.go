package bot

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"attache/briefing"
)

func TestParseScheduleWords(t *testing.T) {
	tests := []struct {
		words     string
		spec      string
		zone      string
		filter    string
		thread    bool
		postEmpty bool
	}{
		{"daily 08:00", "0 8 * * *", "UTC", "", false, false},
		{"daily at 8:05 Europe/Rome", "5 8 * * *", "Europe/Rome", "", false, false},
		{"daily 08:00 Europe/Rome japan italy", "0 8 * * *", "Europe/Rome", "japan italy", false, false},
		{"weekdays 07:30 Asia/Tokyo g7 thread", "30 7 * * 1-5", "Asia/Tokyo", "g7", true, false},
		{"weekends 9am", "0 9 * * 0,6", "UTC", "", false, false},
		{"daily 7:30pm tz new_york", "30 19 * * *", "America/New_York", "", false, false},
		{"weekly mon 09:00", "0 9 * * 1", "UTC", "", false, false},
		{"weekly Friday 17:45 europe/paris post_empty", "45 17 * * 5", "Europe/Paris", "", false, true},
		{"hourly", "0 * * * *", "UTC", "", false, false},
		{"hourly :15 UTC", "15 * * * *", "UTC", "", false, false},
		{"0 8 * * 1-5", "0 8 * * 1-5", "UTC", "", false, false},
		{"30 6 * * MON-FRI Europe/Berlin germany", "30 6 * * mon-fri", "Europe/Berlin", "germany", false, false},
		{"0 */2 * * * filter japan", "0 */2 * * *", "UTC", "japan", false, false},
		// slash options become these words
		{"daily 08:00 tz Europe/Rome filter japan italy thread post_empty", "0 8 * * *", "Europe/Rome", "japan italy", true, true},
		{"0 8 1 * * tz tokyo", "0 8 1 * *", "Asia/Tokyo", "", false, false},
		{"daily 12:00 tz Australia/Lord_Howe", "0 12 * * *", "Australia/Lord_Howe", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			got, err := parseScheduleWords(strings.Fields(tt.words))
			if err != nil {
				t.Fatalf("parseScheduleWords(%q): %v", tt.words, err)
			}
			if got.spec != tt.spec || got.zone != tt.zone || strings.Join(got.filter, " ") != tt.filter || got.thread != tt.thread || got.postEmpty != tt.postEmpty {
				t.Errorf("got spec %q zone %q filter %q thread %v post_empty %v, want %q %q %q %v %v",
					got.spec, got.zone, strings.Join(got.filter, " "), got.thread, got.postEmpty, tt.spec, tt.zone, tt.filter, tt.thread, tt.postEmpty)
			}
		})
	}
}

func TestParseScheduleWordsErrors(t *testing.T) {
	tests := []struct {
		words string
		want  string // in the message
	}{
		{"", "Tell me when to post the digest."},
		{"0 25 * * *", "“0 25 \\* \\* \\*” is not a cron schedule: hour 25 is out of range (0–23)."},
		{"60 8 * * *", "minute 60 is out of range (0–59)"},
		{"0 8 32 * *", "day of month 32 is out of range (1–31)"},
		{"0 8 * 13 *", "month 13 is out of range (1–12)"},
		{"0 8 * * 7", "day of week 7 is out of range (0–6, Sunday is 0)"},
		{"0 8 * * fri-mon", "the range fri-mon in the day of week field runs backwards"},
		{"0 8 * *", "it has 4 fields, and a cron schedule has 5"},
		{"0 8 * * 1/0", "is not a step"},
		{"0 x8 * * *", "“x8” is not a valid hour"},
		{"*/5 * * * *", "would post every 5 minutes; a digest can come at most every 15 minutes"},
		{"0,10 8 * * *", "would post every 10 minutes"},
		{"0 0 30 2 *", "never comes round"},
		{"daily", "Say at what time, e.g. `daily 08:00`."},
		{"daily 25:00", "“25:00” is not a time of day; write it like 08:00 or 7:30pm"},
		{"daily 8:5", "“8:5” is not a time of day"},
		{"daily 13pm", "“13pm” is not a time of day"},
		{"weekly", "Say which day for a weekly digest"},
		{"weekly someday 09:00", "“someday” is not a day of the week"},
		{"hourly :75", "“:75” is not a minute past the hour"},
		{"monday 09:00", "For a weekly digest write `weekly monday 09:00`."},
		{"@daily", "I don't take “@"},
		{"Europe/Rome daily 08:00", "Say when before the time zone"},
		{"tomorrow", "I can't read “tomorrow” as a schedule."},
		{"daily 08:00 Europe/Atlantis", "I don't know the time zone “Europe/Atlantis”; use a name like Europe/Rome."},
		{"daily 08:00 tz Atlantis", "I don't know the time zone “Atlantis”; use a name like Europe/Rome."},
		{"daily 08:00 tz Europe/Rom", "Did you mean Europe/Rome?"},
		{"daily 08:00 tz Local", "I don't know the time zone “Local”"},
		{"daily 08:00 tz ../../etc/passwd", "I don't know the time zone"},
		{"daily 08:00 tz", "Name the time zone after “tz”"},
		{"daily 08:00 UTC tz Asia/Tokyo", "Give one time zone, not two."},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			got, err := parseScheduleWords(strings.Fields(tt.words))
			var ue *briefing.UserError
			if !errors.As(err, &ue) {
				t.Fatalf("parseScheduleWords(%q) = %+v, %v; want a user error", tt.words, got, err)
			}
			if !strings.Contains(ue.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", ue.Error(), tt.want)
			}
		})
	}
}

// FuzzParseScheduleWords: whatever people type, the parser answers with a
// user error or a schedule that compiles, never a panic.
func FuzzParseScheduleWords(f *testing.F) {
	for _, s := range []string{"daily 08:00 Europe/Rome japan", "0 8 * * 1-5", "weekly mon 9am tz tokyo thread", "hourly :15",
		"1-5/2,7 */3 ? jan-dec sun", "daily 12h30", "0 0 29 2 *", "weekly \x00 08:00", "tz=Europe/Rome"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		req, err := parseScheduleWords(splitWords(s))
		if err != nil {
			var ue *briefing.UserError
			if !errors.As(err, &ue) || ue.Message == "" {
				t.Fatalf("parseScheduleWords(%q): error %v is not a user error", s, err)
			}
			return
		}
		sched, err := compileSchedule(req.spec, req.zone, false)
		if err != nil {
			t.Fatalf("parseScheduleWords(%q) gave spec %q zone %q that does not compile: %v", s, req.spec, req.zone, err)
		}
		if sched.Next(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
			t.Fatalf("parseScheduleWords(%q) gave spec %q that never fires", s, req.spec)
		}
	})
}

func mustSchedule(t testing.TB, spec, zone string) *slotSchedule {
	t.Helper()
	s, err := compileSchedule(spec, zone, false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func utc(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// nexts lists n slots after from, as "2006-01-02 15:04" in UTC.
func nexts(s *slotSchedule, from time.Time, n int) string {
	var out []string
	for t := from; len(out) < n; {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t.UTC().Format("2006-01-02 15:04"))
	}
	return strings.Join(out, ", ")
}

// TestDaylightSaving pins the documented behaviour. In Europe/Rome the
// clocks jump from 02:00 to 03:00 on 29 March 2026 (01:00 UTC) and fall
// back from 03:00 to 02:00 on 25 October 2026 (01:00 UTC).
func TestDaylightSaving(t *testing.T) {
	tests := []struct {
		name, spec, zone, from string
		want                   string // slots in UTC
	}{
		{
			"a time in the skipped hour is posted when the clocks jump",
			"30 2 * * *", "Europe/Rome", "2026-03-27 12:00",
			"2026-03-28 01:30, 2026-03-29 01:00, 2026-03-30 00:30", // 02:30 CET, 03:00 CEST, 02:30 CEST
		},
		{
			"a time in the repeated hour is posted once, the first time",
			"30 2 * * *", "Europe/Rome", "2026-10-23 12:00",
			"2026-10-24 00:30, 2026-10-25 00:30, 2026-10-26 01:30", // 02:30 CEST, 02:30 CEST (not again at 01:30 UTC), 02:30 CET
		},
		{
			"hourly across the jump: no slot lost, none doubled",
			"0 * * * *", "Europe/Rome", "2026-03-28 23:30",
			"2026-03-29 00:00, 2026-03-29 01:00, 2026-03-29 02:00", // 01:00 CET, 03:00 CEST, 04:00 CEST
		},
		{
			"hourly across the fall: the repeated 02:00 is not posted twice",
			"0 * * * *", "Europe/Rome", "2026-10-24 23:30",
			"2026-10-25 00:00, 2026-10-25 02:00, 2026-10-25 03:00", // 02:00 CEST, 03:00 CET, 04:00 CET
		},
		{
			"a time outside the changed hour is untouched",
			"0 8 * * *", "Europe/Rome", "2026-03-28 12:00",
			"2026-03-29 06:00, 2026-03-30 06:00", // 08:00 CEST
		},
		{
			"New York springs forward at 02:00 local",
			"15 2 * * *", "America/New_York", "2026-03-07 12:00",
			"2026-03-08 07:00, 2026-03-09 06:15", // 02:15 does not exist on the 8th: 03:00 EDT; then 02:15 EDT
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSchedule(t, tt.spec, tt.zone)
			n := len(strings.Split(tt.want, ", "))
			if got := nexts(s, utc(tt.from), n); got != tt.want {
				t.Errorf("slots of %q in %s after %s UTC:\ngot  %s\nwant %s", tt.spec, tt.zone, tt.from, got, tt.want)
			}
		})
	}
}

func TestTwoZonesFromOneClock(t *testing.T) {
	rome := mustSchedule(t, "0 8 * * *", "Europe/Rome")
	tokyo := mustSchedule(t, "0 8 * * *", "Asia/Tokyo")
	from := utc("2026-11-19 12:00")
	if got, want := rome.Next(from), utc("2026-11-20 07:00"); !got.Equal(want) {
		t.Errorf("Rome 08:00 after %v = %v, want %v", from, got, want)
	}
	if got, want := tokyo.Next(from), utc("2026-11-19 23:00"); !got.Equal(want) {
		t.Errorf("Tokyo 08:00 after %v = %v, want %v", from, got, want)
	}
}

func TestLatestSlot(t *testing.T) {
	tests := []struct {
		name, spec, after, upTo string
		want                    string // "" for none
	}{
		{"the slot just passed", "0 8 * * *", "2026-11-19 08:00", "2026-11-20 08:00", "2026-11-20 08:00"},
		{"three missed days give the latest", "0 8 * * *", "2026-11-17 08:00", "2026-11-20 09:30", "2026-11-20 08:00"},
		{"none yet", "0 8 * * *", "2026-11-20 08:00", "2026-11-20 09:30", ""},
		{"after is exclusive", "0 8 * * *", "2026-11-20 08:00", "2026-11-20 08:00", ""},
		{"up to is inclusive", "0 8 * * *", "2026-11-20 07:59", "2026-11-20 08:00", "2026-11-20 08:00"},
		{"every quarter hour, long down", "*/15 * * * *", "2025-01-01 00:00", "2026-11-20 09:31", "2026-11-20 09:30"},
		{"yearly, long ago", "0 9 1 1 *", "2020-06-01 00:00", "2026-11-20 09:31", "2026-01-01 09:00"},
		{"yearly, not since", "0 9 1 1 *", "2026-01-01 09:00", "2026-11-20 09:31", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSchedule(t, tt.spec, "UTC")
			got, ok := s.latestSlot(utc(tt.after), utc(tt.upTo))
			gotS := ""
			if ok {
				gotS = got.UTC().Format("2006-01-02 15:04")
			}
			if gotS != tt.want {
				t.Errorf("latestSlot(%s, %s] = %q, want %q", tt.after, tt.upTo, gotS, tt.want)
			}
		})
	}
}

func TestDescribeSpec(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"0 8 * * *", "every day at 08:00"},
		{"30 7 * * 1-5", "every weekday at 07:30"},
		{"0 9 * * 1", "every Monday at 09:00"},
		{"0 9 * * 0,6", "every Saturday and Sunday at 09:00"},
		{"15 * * * *", "every hour at :15"},
		{"0 8 1 * *", "on the cron schedule `0 8 1 * *`"},
		{"0 */2 * * *", "on the cron schedule `0 */2 * * *`"},
	}
	for _, tt := range tests {
		if got := describeSpec(tt.spec); got != tt.want {
			t.Errorf("describeSpec(%q) = %q, want %q", tt.spec, got, tt.want)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when invalid
	}{
		{"08:00", "08:00"}, {"8:00", "08:00"}, {"8", "08:00"}, {"23:59", "23:59"}, {"0:00", "00:00"},
		{"7:30pm", "19:30"}, {"12am", "00:00"}, {"12pm", "12:00"}, {"9AM", "09:00"}, {"12h30", "12:30"},
		{"24:00", ""}, {"8:60", ""}, {"8:5", ""}, {"13pm", ""}, {"0am", ""}, {"", ""}, {":30", ""}, {"123", ""}, {"-1", ""},
	}
	for _, tt := range tests {
		c, ok := parseClock(tt.in)
		got := ""
		if ok {
			got = fmt.Sprintf("%02d:%02d", c.hour, c.min)
		}
		if got != tt.want {
			t.Errorf("parseClock(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolveZone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Europe/Rome", "Europe/Rome"}, {"europe/rome", "Europe/Rome"}, {"ROME", "Europe/Rome"},
		{"new york", "America/New_York"}, {"Asia/Kathmandu", "Asia/Kathmandu"}, {"utc", "UTC"}, {"GMT", "UTC"},
		{"CRON_TZ=Asia/Tokyo", "Asia/Tokyo"}, {"America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"},
		{"Europe/Atlantis", ""}, {"Local", ""}, {"", ""}, {"/etc/localtime", ""}, {strings.Repeat("A/", 40), ""},
	}
	for _, tt := range tests {
		got, err := resolveZone(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("resolveZone(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("resolveZone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestZoneOrUTC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Europe/Rome", "Europe/Rome"}, {"UTC", "UTC"}, {"Europe/Atlantis", "UTC"}, {"Local", "UTC"}, {"", "UTC"},
	}
	for _, tt := range tests {
		if got := zoneOrUTC(tt.in).String(); got != tt.want {
			t.Errorf("zoneOrUTC(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestCompleteZones(t *testing.T) {
	tests := []struct {
		typed string
		want  string
	}{
		{"europe/r", "Europe/Rome"},
		{"tok", "Asia/Tokyo"},
		{"new_", "America/New_York"},
		{"aires", "America/Argentina/Buenos_Aires"},
		{"zzz", ""},
	}
	for _, tt := range tests {
		got := strings.Join(completeZones(tt.typed, 25), " ")
		if got != tt.want {
			t.Errorf("completeZones(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
	if got := completeZones("", 25); len(got) != 25 {
		t.Errorf("completeZones(\"\") gave %d zones, want the first 25", len(got))
	}
	for _, z := range commonZones {
		if _, err := loadZone(z); err != nil {
			t.Errorf("common zone %s does not load: %v", z, err)
		}
	}
}
