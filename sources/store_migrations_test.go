package sources

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
	"testing"
)

// Migrations are numbered 1, 2, 3… without a gap or a number twice: a
// second file with a number already applied would never run (two helpers
// once both added a 004).
func TestMigrationsNumberedOnce(t *testing.T) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{}
	for _, name := range names {
		base := path.Base(name)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			t.Errorf("%s: name must start with its number", base)
			continue
		}
		if other, ok := seen[v]; ok {
			t.Errorf("%s and %s share the number %d: the second would never run", other, base, v)
		}
		seen[v] = base
	}
	for v := 1; v <= len(names); v++ {
		if _, ok := seen[v]; !ok {
			t.Errorf("no migration numbered %d among %d", v, len(names))
		}
	}
}
