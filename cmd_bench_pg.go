package main

import (
	"context"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"attache/sources/postgres"
)

// backendCPU is the CPU time of each of the store's PostgreSQL backends,
// by process id, read from /proc: the server's share of an ingest, when
// it runs on this machine. On a machine shared with other work the wall
// clock says little; this process's CPU and the server's, added, say what
// an article costs.
type backendCPU map[int]time.Duration

// readBackendCPU reads the CPU time of the backends serving the store's
// connections (named by application_name); nil when the server is not on
// this machine or its processes cannot be read.
func readBackendCPU(ctx context.Context, st *postgres.Store, application string) backendCPU {
	pids, err := st.BackendPIDs(ctx, application)
	if err != nil {
		return nil
	}
	out := backendCPU{}
	for _, pid := range pids {
		if d, ok := procCPU(pid); ok {
			out[pid] = d
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// since is the CPU time the backends used after before.
func (after backendCPU) since(before backendCPU) time.Duration {
	var d time.Duration
	for pid, t := range after {
		d += t - before[pid]
	}
	return d
}

// procCPU is a process's user and system time from /proc/PID/stat (Linux,
// at the usual 100 clock ticks a second).
func procCPU(pid int) (time.Duration, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name, in parentheses, may hold spaces: count the fields
	// after it (the third field of the line is the first after it).
	s := string(data)
	end := strings.LastIndexByte(s, ')')
	if end < 0 {
		return 0, false
	}
	f := strings.Fields(s[end+1:])
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * (time.Second / 100), true
}

// withApplicationName names the connections of a store URL, so that the
// server's backends that serve them can be found.
func withApplicationName(storeURL, name string) string {
	u, err := url.Parse(storeURL)
	if err != nil {
		return storeURL
	}
	q := u.Query()
	q.Set("application_name", name)
	u.RawQuery = q.Encode()
	return u.String()
}
