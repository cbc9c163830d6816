//go:build !unix

package sources

import "os"

// openNoWait opens a file for reading; where there are no named pipes of
// the Unix kind, there is nothing to wait for.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
