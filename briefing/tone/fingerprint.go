package tone

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"slices"
	"strings"
)

// ruleFiles are this package's sources: the lexicon and the rules.
//
//go:embed *.go
var ruleFiles embed.FS

// Fingerprint names the rules this package applies, as a hash of its
// source files (tests aside): any change to the lexicon, the rules or the
// options gives another. Tags stored by other rules (the readings a
// timeline draws on) are read again when it changes. Rules kept in files
// other than this package's Go sources (a model's weights, say) must be
// added to it.
func Fingerprint() string {
	h := sha256.New()
	names, _ := fs.Glob(ruleFiles, "*.go")
	slices.Sort(names)
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		b, _ := ruleFiles.ReadFile(n)
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
