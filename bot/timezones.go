package bot

import (
	"fmt"
	"strings"
	"time"
)

// commonZones are offered by autocomplete and matched without regard to
// case ("europe/rome", or just "rome"). Any other IANA name is accepted
// when written exactly.
var commonZones = []string{
	"UTC",
	"Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Brussels", "Europe/Amsterdam",
	"Europe/Berlin", "Europe/Rome", "Europe/Madrid", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm",
	"Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest",
	"Europe/Athens", "Europe/Bucharest", "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
	"Africa/Cairo", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Casablanca",
	"Asia/Jerusalem", "Asia/Beirut", "Asia/Riyadh", "Asia/Tehran", "Asia/Dubai", "Asia/Karachi",
	"Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore", "Asia/Manila",
	"Asia/Hong_Kong", "Asia/Shanghai", "Asia/Taipei", "Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne",
	"Pacific/Auckland", "Pacific/Honolulu",
	"America/Anchorage", "America/Los_Angeles", "America/Vancouver", "America/Denver", "America/Phoenix",
	"America/Chicago", "America/Mexico_City", "America/New_York", "America/Toronto", "America/Bogota",
	"America/Lima", "America/Caracas", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
}

// loadZone loads an IANA zone by its exact name. "Local" and the empty
// name are refused: a schedule's zone must mean the same on every host.
func loadZone(name string) (*time.Location, error) {
	if name == "" || strings.EqualFold(name, "local") {
		return nil, fmt.Errorf("bot: time zone %q: want an IANA name", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("bot: time zone %q: %w", name, err)
	}
	return loc, nil
}

// zoneOrUTC loads the zone of a stored schedule, or gives UTC if the name
// no longer loads (every name was checked when its schedule was set).
func zoneOrUTC(name string) *time.Location {
	if loc, err := loadZone(name); err == nil {
		return loc
	}
	return time.UTC
}

// resolveZone turns what a person wrote into an IANA zone name: the exact
// name, a common zone in any case ("europe/rome"), or a common zone's city
// ("tokyo", "new york"). Anything else is a *briefing.UserError.
func resolveZone(w string) (string, error) {
	raw := strings.TrimSpace(w)
	for _, p := range []string{"CRON_TZ=", "cron_tz=", "TZ=", "tz="} {
		raw = strings.TrimPrefix(raw, p)
	}
	bad := userErrorf("I don't know the time zone “%s”; use a name like Europe/Rome.%s", clip(raw), zoneSuggestion(raw))
	if raw == "" || len(raw) > 64 || strings.Contains(raw, "..") || strings.HasPrefix(raw, "/") {
		return "", bad
	}
	switch strings.ToLower(raw) {
	case "utc", "gmt", "z", "etc/utc":
		return "UTC", nil
	case "local":
		return "", bad
	}
	key := zoneKey(raw)
	for _, z := range commonZones {
		if zoneKey(z) == key || zoneKey(zoneCity(z)) == key {
			return z, nil
		}
	}
	if _, err := loadZone(raw); err == nil {
		return raw, nil
	}
	return "", bad
}

// zoneKey folds case, spaces and underscores: "new york" and "New_York" match.
func zoneKey(s string) string {
	return strings.ToLower(strings.NewReplacer(" ", "_", "-", "_").Replace(s))
}

// zoneCity is the last part of a zone name: "Tokyo" for "Asia/Tokyo".
func zoneCity(z string) string {
	if i := strings.LastIndexByte(z, '/'); i >= 0 {
		return z[i+1:]
	}
	return z
}

// zoneSuggestion proposes a common zone whose city starts like the word's
// last part: " Did you mean Europe/Rome?".
func zoneSuggestion(w string) string {
	if m := completeZones(zoneCity(w), 3); len(m) > 0 && zoneCity(w) != "" {
		return " Did you mean " + strings.Join(m, ", ") + "?"
	}
	return ""
}

// completeZones returns up to limit common zones whose name or city starts
// with prefix (any case), or else contains it.
func completeZones(prefix string, limit int) []string {
	key := zoneKey(strings.TrimSpace(prefix))
	var starts, contains []string
	for _, z := range commonZones {
		full, city := zoneKey(z), zoneKey(zoneCity(z))
		switch {
		case key == "" || strings.HasPrefix(full, key) || strings.HasPrefix(city, key):
			starts = append(starts, z)
		case len(key) >= 3 && strings.Contains(full, key):
			contains = append(contains, z)
		}
	}
	out := append(starts, contains...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
