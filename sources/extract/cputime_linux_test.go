//go:build linux

package extract

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPU is the CPU time used so far by the calling OS thread: with the
// goroutine locked to its thread, the difference of two readings is the
// work done between them, whatever else the machine is running.
func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
