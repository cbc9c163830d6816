package main

import (
	"testing"
	"time"
)

func TestRelTime(t *testing.T) {
	now := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Time{}, "never"},
		{now.Add(-time.Hour), "now"},
		{now.Add(20 * time.Second), "now"},
		{now.Add(30 * time.Minute), "in 30m"},
		{now.Add(10*time.Minute + 10*time.Second), "in 10m"},
		{now.Add(time.Hour), "in 1h"},
		{now.Add(90 * time.Minute), "in 1h30m"},
		{now.Add(48 * time.Hour), "in 2d"},
	}
	for _, tt := range tests {
		if got := relTime(tt.at, now); got != tt.want {
			t.Errorf("relTime(now+%v) = %q, want %q", tt.at.Sub(now), got, tt.want)
		}
	}
}
