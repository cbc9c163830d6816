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
// source files (tests aside) and of the embedded model's weights: any
// change to the lexicon, the rules, the options or the model gives
// another. Tags stored by other rules (the readings a timeline draws on)
// are read again when it changes.
func Fingerprint() string { return fingerprintOf(modelJSON) }

func fingerprintOf(model []byte) string {
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
	h.Write([]byte("model.json\x00"))
	h.Write(model)
	return hex.EncodeToString(h.Sum(nil))[:16]
}
