//go:build unix

package tone

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used, user and system: what
// the benchmarks report beside wall time, which a busy machine inflates.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
