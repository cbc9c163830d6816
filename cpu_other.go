//go:build !unix

package main

import "time"

// processCPU is unknown here: the benchmarks print wall time alone.
func processCPU() time.Duration { return 0 }
