package fetch_test

import (
	"math"
	"testing"
	"time"

	"attache/sources/fetch"
)

func TestBackoff(t *testing.T) {
	const h = time.Hour
	fixed := func(v float64) func() float64 { return func() float64 { return v } }
	tests := []struct {
		name       string
		interval   time.Duration
		failures   int
		retryAfter time.Duration
		rnd        float64
		want       time.Duration
	}{
		{"healthy feed keeps its interval", h, 0, 0, 0.9, h},
		{"one failure, low jitter", h, 1, 0, 0, h},
		{"one failure, mid jitter", h, 1, 0, 0.5, 90 * time.Minute},
		{"one failure, high jitter", h, 1, 0, 0.75, 105 * time.Minute},
		{"two failures", h, 2, 0, 0, 2 * h},
		{"three failures", h, 3, 0, 0.5, 6 * h},
		{"five failures reach the cap", h, 5, 0, 0, 12 * h},
		{"many failures stay capped", h, 40, 0, 0.5, 18 * h},
		{"huge failure count does not overflow", h, math.MaxInt, 0, 0, 12 * h},
		{"short interval backs off from a minute", 10 * time.Second, 1, 0, 0, time.Minute},
		{"zero interval", 0, 3, 0, 0, 4 * time.Minute},
		{"negative interval", -h, 0, 0, 0, 0},
		{"interval above the cap: back-off within one interval", 48 * h, 3, 0, 0, 24 * h},
		{"retry-after above back-off wins", 30 * time.Minute, 1, 3 * h, 0.5, 3 * h},
		{"retry-after below back-off loses", h, 1, time.Minute, 0, h},
		{"retry-after beyond the cap is honoured", h, 40, 36 * h, 0.5, 36 * h},
		{"retry-after with no failures", h, 0, 2 * h, 0, 2 * h},
		{"rnd out of range means no jitter", h, 1, 0, 1.5, h},
		{"negative rnd means no jitter", h, 1, 0, -0.2, h},
		{"NaN rnd means no jitter", h, 1, 0, math.NaN(), h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fetch.Backoff(tt.interval, tt.failures, tt.retryAfter, fixed(tt.rnd))
			if got != tt.want {
				t.Errorf("Backoff(%s, %d, %s, %v) = %s, want %s", tt.interval, tt.failures, tt.retryAfter, tt.rnd, got, tt.want)
			}
		})
	}
}

func TestBackoffDefaultRandomStaysInRange(t *testing.T) {
	for range 200 {
		got := fetch.Backoff(time.Hour, 2, 0, nil)
		if got < 2*time.Hour || got >= 4*time.Hour {
			t.Fatalf("Backoff(1h, 2, 0, nil) = %s, want in [2h, 4h)", got)
		}
	}
}
