package geo

import (
	"testing"
	"time"
)

func mustNew(t testing.TB, extra ...[]byte) *Gazetteer {
	t.Helper()
	g, err := New(extra...)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func date(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}
