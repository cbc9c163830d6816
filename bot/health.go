package bot

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the bot's Prometheus collectors, in a registry of its own.
type metrics struct {
	registry *prometheus.Registry
	commands *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	digests  *prometheus.CounterVec
}

func newMetrics(connected func() bool) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_bot_commands_total",
			Help: "Commands handled, by command name and outcome.",
		}, []string{"command", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "attache_bot_command_seconds",
			Help:    "Time from receiving a command to sending its answer.",
			Buckets: []float64{0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30},
		}, []string{"command"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "attache_bot_digests_total",
			Help: "Scheduled digest slots by outcome (sent, empty, skipped, failed, paused).",
		}, []string{"outcome"}),
	}
	m.registry.MustRegister(m.commands, m.latency, m.digests,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "attache_bot_gateway_connected",
			Help: "1 while the Discord gateway connection is up.",
		}, func() float64 {
			if connected() {
				return 1
			}
			return 0
		}),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) observe(command, outcome string, took time.Duration) {
	m.commands.WithLabelValues(command, outcome).Inc()
	if outcome != outcomeCooldown {
		m.latency.WithLabelValues(command).Observe(took.Seconds())
	}
}

// digest counts a digest slot's outcome.
func (m *metrics) digest(outcome string) {
	m.digests.WithLabelValues(outcome).Inc()
}

// healthStatus is the /healthz body.
type healthStatus struct {
	Status  string `json:"status"` // "ok" or "unavailable"
	Gateway string `json:"gateway"`
	Store   string `json:"store"`
}

// Handler serves /healthz (200 when the gateway is connected and the
// store answers Ping, else 503, with a JSON body saying which part is
// down; the gateway is "connecting" while Run tries to reach Discord at
// start) and /metrics. main serves it on the address of http.listen.
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		st := healthStatus{Status: "ok", Gateway: "connected", Store: "ok"}
		switch {
		case b.connected.Load():
		case b.connecting.Load():
			st.Status, st.Gateway = "unavailable", "connecting"
		default:
			st.Status, st.Gateway = "unavailable", "disconnected"
		}
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := b.deps.Feeds.Ping(ctx); err != nil {
			st.Status, st.Store = "unavailable", "unreachable"
			b.log.Warn("health check: store unreachable", "err", err)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if st.Status != "ok" {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(st)
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(b.metrics.registry, promhttp.HandlerOpts{Registry: b.metrics.registry}))
	return mux
}
