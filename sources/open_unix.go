//go:build unix

package sources

import (
	"os"
	"syscall"
)

// openNoWait opens a file for reading without blocking on a named pipe
// that has no writer. O_NONBLOCK changes nothing for reading a regular
// file.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
