package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"attache/bot"
	"attache/bot/discordtest"
	"attache/briefing/geo"
	"attache/sources"
	"attache/sources/storetest"
)

// The cross-process test: three `attache run` processes (the real binary,
// built by the test), each one shard of three, share one store, a fake
// Discord that routes each guild's events to its shard, and a loopback
// server of feeds. Every feed must be fetched once; every channel's
// digest must be posted once, by the process of its guild's shard, though
// one process is killed with SIGKILL while a digest of its is out but not
// yet recorded, and started again.
//
// Nothing here waits on a clock: each wait is for a condition (a call the
// fake records, a state of the store), with a deadline generous enough for
// a loaded two-core machine.

const (
	clusterShards    = 3
	clusterGuilds    = 30 // ten per shard
	clusterSchedules = 300
	clusterFeeds     = 50
	// clusterWait bounds every wait; it is a deadline, not a measurement.
	clusterWait = 3 * time.Minute
)

// TestThreeProcessesShareTheWork runs on PostgreSQL, the store several
// machines share.
func TestThreeProcessesShareTheWork(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three attache processes; not in -short")
	}
	var db storetest.Database
	for _, e := range storetest.Engines() {
		if e.Name == sources.EnginePostgres {
			db = e.New(t)
		}
	}
	if db == nil {
		t.Skipf("set %s to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test) to run three processes on one store; CI sets it", storetest.EnvPostgres)
	}
	runCluster(t, db)
}

// TestThreeProcessesOnOneSQLiteFile runs the same on one SQLite file, as
// processes on one machine may share it.
func TestThreeProcessesOnOneSQLiteFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three attache processes; not in -short")
	}
	runCluster(t, storetest.Engines()[0].New(t))
}

// cluster is the world of the test: the fake Discord, the feed server,
// the store as the test sees it, and the processes.
type cluster struct {
	t       *testing.T
	bin     string
	dir     string
	fake    *discordtest.Server
	store   sources.Store
	feeds   *countingFeeds
	env     []string
	configs []string
	procs   []*process
	shardOf map[int]int // process id -> shard, of every process started
	url     string      // the store's URL
	slot    time.Time   // the slot every schedule has due
	spec    string
}

// process is one running `attache run`.
type process struct {
	shard int
	cmd   *exec.Cmd
	log   *bytes.Buffer
	done  chan error
	logMu *sync.Mutex
}

func runCluster(t *testing.T, db storetest.Database) {
	c := newCluster(t, db)
	ctx := context.Background()
	for shard := range clusterShards {
		c.start(shard)
	}
	if err := c.fake.WaitShards(clusterWait); err != nil {
		t.Fatalf("not every shard connected: %v\n%s", err, c.logs())
	}
	// Each process answers the commands of its shard's guilds: the fake
	// sends each guild's events to its shard's session only.
	for shard := range clusterShards {
		c.ask(shard)
	}
	// The feeds, due at start, are polled once each between the three.
	c.waitFeedsPolled()

	// The schedules are made by another process (the test), set two hours
	// ago with a slot half an hour ago: each owner takes its own up at its
	// next refresh, without a restart, and posts them. The process of
	// shard 1 is killed while one of its digests is out but the answer
	// not yet back (the fake holds it): the message is in the channel,
	// the record pending.
	held := c.channelOfShard(1)
	c.fake.HoldMessages(held)
	c.schedule(clusterSchedules)
	if _, err := c.fake.WaitFor(clusterWait, func(call discordtest.Call) bool {
		return call.Held && call.ChannelID == held
	}); err != nil {
		t.Fatalf("the digest of channel %s was never posted: %v\n%s", held, err, c.logs())
	}
	c.kill(1)
	c.fake.ReleaseMessages(held)
	d, err := c.store.Delivery(ctx, held, c.slot)
	if err != nil || d.State != sources.DeliveryPending || len(c.fake.Posts(held)) != 1 {
		t.Fatalf("after the kill: delivery %+v, %v, %d messages in the channel; want it pending with its message out", d, err, len(c.fake.Posts(held)))
	}
	killed := d.ClaimedBy
	pending, err := c.store.PendingDeliveries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("SIGKILL to shard 1's process with %d deliveries pending and %d digest messages out", len(pending), c.countPosts())

	c.start(1)
	c.waitAllDelivered(clusterSchedules)
	c.checkDigests(clusterSchedules)
	if d, _ := c.store.Delivery(ctx, held, c.slot); d.MessageID != c.fake.Posts(held)[0].ID || d.ClaimedBy == killed {
		t.Errorf("the digest out before the kill: delivery %+v, want it finished by the restarted process with the message already there (%s)", d, c.fake.Posts(held)[0].ID)
	}
	c.checkFeeds()
	c.ask(1) // the restarted process serves its shard
	if n := c.calls(discordtest.RouteBulkOverwrite); n != 1 {
		t.Errorf("slash commands registered %d times, want once, by shard 0", n)
	}
}

// ask sends "!brief japan italy" in a guild of a shard and waits for the
// one answer.
func (c *cluster) ask(shard int) {
	c.t.Helper()
	guild := c.guildOfShard(shard)
	id, err := c.fake.SendMessage(discordtest.Message{GuildID: guild, ChannelID: "8000000", Author: discordtest.User{ID: "11", Name: "alice"}, Content: "!brief japan italy"})
	if err != nil {
		c.t.Fatal(err)
	}
	reply, err := c.fake.WaitFor(clusterWait, func(call discordtest.Call) bool {
		return call.Route == discordtest.RouteCreateMessage && call.Payload.MessageReference != nil && call.Payload.MessageReference.MessageID == id
	})
	if err != nil {
		c.t.Fatalf("no answer in guild %s of shard %d: %v\n%s", guild, shard, err, c.logs())
	}
	if text := reply.Payload.VisibleText(); !strings.Contains(text, "Japan and Italy") {
		c.t.Errorf("the answer in shard %d's guild is not the brief:\n%s", shard, text)
	}
}

// calls counts the recorded calls of a route.
func (c *cluster) calls(route string) int {
	n := 0
	for _, call := range c.fake.Calls() {
		if call.Route == route {
			n++
		}
	}
	return n
}

// schedule puts n schedules, set two hours ago, in the guilds of every
// shard.
func (c *cluster) schedule(n int) {
	c.t.Helper()
	ctx := context.Background()
	st := c.backdated()
	for i := range n {
		sc := sources.Schedule{ChannelID: channelID(i), GuildID: guildID(i % clusterGuilds), Spec: c.spec, TimeZone: "UTC", PostEmpty: true, CreatedBy: "1"}
		if _, err := st.PutSchedule(ctx, sc); err != nil {
			c.t.Fatal(err)
		}
	}
}

func newCluster(t *testing.T, db storetest.Database) *cluster {
	t.Helper()
	c := &cluster{t: t, dir: t.TempDir(), url: db.URL(), shardOf: map[int]int{}}
	c.bin = buildAttache(t, c.dir)
	var guilds []*discordgo.Guild
	for i := range clusterGuilds {
		guilds = append(guilds, &discordgo.Guild{ID: guildID(i), Name: fmt.Sprintf("Embassy %d", i), OwnerID: "1"})
	}
	c.fake = discordtest.New(t, discordtest.Options{Shards: clusterShards, Guilds: guilds, KeepCalls: 100000})
	c.feeds = newCountingFeeds(t)
	c.store = db.Open(t, sources.StoreOptions{})
	env, err := c.fake.ProxyEnv(c.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISCORD_TOKEN=") && !strings.HasPrefix(strings.ToUpper(kv), "HTTPS_PROXY=") &&
			!strings.HasPrefix(strings.ToUpper(kv), "HTTP_PROXY=") && !strings.HasPrefix(strings.ToUpper(kv), "NO_PROXY=") {
			c.env = append(c.env, kv)
		}
	}
	c.env = append(append(c.env, "DISCORD_TOKEN="+discordtest.DefaultToken), env...)

	// Every schedule is daily at the minute half an hour ago, set two
	// hours ago: that slot is due at start, and the next one is a day off.
	now := time.Now().UTC()
	c.slot = now.Add(-30 * time.Minute).Truncate(time.Minute)
	c.spec = fmt.Sprintf("%d %d * * *", c.slot.Minute(), c.slot.Hour())
	seed := c.backdated()
	ctx := context.Background()
	for i := range clusterFeeds {
		if _, err := seed.InsertFeed(ctx, fmt.Sprintf("%s/feeds/%02d.xml", c.feeds.URL, i), "", 30*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	g, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	hourAgo := func() time.Time { return now.Add(-time.Hour) }
	var arts []sources.Article
	for i, pair := range [][2]string{{"Japan", "Italy"}, {"France", "Germany"}, {"Brazil", "India"}} {
		arts = append(arts, sources.Article{
			Title: pair[0] + " and " + pair[1] + " agree to widen their talks", Source: "Example Wire",
			URL:       fmt.Sprintf("https://wire.example/2026/%d/talks", i),
			Published: now.Add(-90 * time.Minute), Fetched: hourAgo(),
			Text: "The foreign ministers of " + pair[0] + " and " + pair[1] + " agreed on Monday to meet every quarter.\n\n" +
				"\"We have more to talk about than ever,\" one of the ministers told reporters after the meeting.\n\n" +
				"Officials said trade and energy would lead the agenda.",
		})
	}
	if _, err := sources.NewIngester(c.store, g.Tag, hourAgo).Ingest(ctx, arts, nil); err != nil {
		t.Fatal(err)
	}

	for shard := range clusterShards {
		path := filepath.Join(c.dir, fmt.Sprintf("shard%d.yaml", shard))
		cfg := fmt.Sprintf(`sample_corpus: false
store:
  url: %q
log:
  format: json
  level: debug
feeds:
  poll_cron: "@every 1s"
  allow_private: true
  fetch_full_text: false
  timeout: 10s
  lease: 2m
discord:
  shard_id: %d
  shard_count: %d
digest:
  refresh: 1s
  lease: 5s
  retry_delays: [1s, 2s]
`, db.URL(), shard, clusterShards)
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		c.configs = append(c.configs, path)
	}
	c.procs = make([]*process, clusterShards)
	t.Cleanup(c.stopAll)
	return c
}

// backdated is another handle on the store whose clock reads two hours
// ago: what it writes looks written then.
func (c *cluster) backdated() sources.Store {
	ago := time.Now().Add(-2 * time.Hour)
	st, err := openStore(context.Background(), c.url, sources.StoreOptions{Now: func() time.Time { return ago }})
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { st.Close() })
	return st
}

// guildID is the i-th guild: shard i % 3 of three.
func guildID(i int) string { return strconv.FormatUint(uint64(3000+i)<<22, 10) }

// channelID is the i-th scheduled channel.
func channelID(i int) string { return strconv.Itoa(7_000_000 + i) }

func (c *cluster) guildOfShard(shard int) string {
	for i := range clusterGuilds {
		if bot.ShardOf(guildID(i), clusterShards) == shard {
			return guildID(i)
		}
	}
	c.t.Fatalf("no guild of shard %d", shard)
	return ""
}

func (c *cluster) channelOfShard(shard int) string {
	for i := range clusterSchedules {
		if bot.ShardOf(guildID(i%clusterGuilds), clusterShards) == shard {
			return channelID(i)
		}
	}
	c.t.Fatalf("no channel of shard %d", shard)
	return ""
}

// start starts the process of a shard.
func (c *cluster) start(shard int) {
	c.t.Helper()
	p := &process{shard: shard, log: &bytes.Buffer{}, done: make(chan error, 1), logMu: &sync.Mutex{}}
	p.cmd = exec.Command(c.bin, "--config", c.configs[shard], "--data", filepath.Join(c.dir, fmt.Sprintf("data%d", shard)), "run")
	p.cmd.Env = c.env
	w := &lockedWriter{mu: p.logMu, w: p.log}
	p.cmd.Stdout, p.cmd.Stderr = w, w
	if err := p.cmd.Start(); err != nil {
		c.t.Fatalf("start shard %d: %v", shard, err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	c.shardOf[p.cmd.Process.Pid] = shard
	if old := c.procs[shard]; old != nil {
		p.log.WriteString(fmt.Sprintf("(earlier process %d)\n", old.cmd.Process.Pid))
	}
	c.procs[shard] = p
}

// kill ends a shard's process with SIGKILL and waits for it to go.
func (c *cluster) kill(shard int) {
	c.t.Helper()
	p := c.procs[shard]
	if err := p.cmd.Process.Kill(); err != nil {
		c.t.Fatal(err)
	}
	select {
	case <-p.done:
	case <-time.After(clusterWait):
		c.t.Fatalf("shard %d's process did not die", shard)
	}
}

// stopAll stops the processes with SIGTERM, as an operator would, and
// checks that each stopped cleanly.
func (c *cluster) stopAll() {
	for _, p := range c.procs {
		if p == nil || p.cmd.ProcessState != nil {
			continue
		}
		_ = p.cmd.Process.Signal(os.Interrupt)
	}
	for _, p := range c.procs {
		if p == nil {
			continue
		}
		select {
		case err := <-p.done:
			if err != nil && p.cmd.ProcessState != nil && !p.cmd.ProcessState.Exited() {
				continue // killed by the test
			}
			if err != nil {
				c.t.Errorf("shard %d's process ended with %v\n%s", p.shard, err, p.tail())
			}
		case <-time.After(clusterWait):
			_ = p.cmd.Process.Kill()
			c.t.Errorf("shard %d's process did not stop on SIGINT", p.shard)
		}
	}
}

// waitAllDelivered waits until n schedules have their slot's delivery
// finished and none is pending.
func (c *cluster) waitAllDelivered(n int) {
	c.t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(clusterWait)
	for {
		pending, err := c.store.PendingDeliveries(ctx)
		if err != nil {
			c.t.Fatal(err)
		}
		list, err := c.store.Schedules(ctx)
		if err != nil {
			c.t.Fatal(err)
		}
		done := 0
		for _, sc := range list {
			if !sc.LastSlot.Before(c.slot) {
				done++
			}
		}
		if len(pending) == 0 && done == n && len(list) == n {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("after %v: %d of %d schedules past their slot, %d deliveries pending\n%s", clusterWait, done, n, len(pending), c.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// countPosts counts the messages in the scheduled channels.
func (c *cluster) countPosts() int {
	n := 0
	for i := range clusterSchedules {
		n += len(c.fake.Posts(channelID(i)))
	}
	return n
}

// digestKey finds a delivery key in a message's text.
var digestKey = regexp.MustCompile(`Digest ([0-9a-f]{12})\b`)

// checkDigests checks every channel: one message carrying its slot's key,
// the delivery sent as that message, by the process of its shard.
func (c *cluster) checkDigests(n int) {
	c.t.Helper()
	ctx := context.Background()
	list, err := c.store.Schedules(ctx)
	if err != nil {
		c.t.Fatal(err)
	}
	if len(list) != n {
		c.t.Fatalf("%d schedules, want %d", len(list), n)
	}
	lost, doubled, stray, misplaced := 0, 0, 0, 0
	for _, sc := range list {
		key := sources.DeliveryKey(sc.ChannelID, c.slot)
		var ids []string
		for _, m := range c.fake.Posts(sc.ChannelID) {
			for _, k := range digestKey.FindAllStringSubmatch(m.Payload.VisibleText(), -1) {
				if k[1] == key {
					ids = append(ids, m.ID)
				} else {
					stray++
				}
				break
			}
		}
		d, err := c.store.Delivery(ctx, sc.ChannelID, c.slot)
		switch {
		case len(ids) == 0 || err != nil:
			lost++
			c.t.Errorf("channel %s: %d messages with its key, delivery %+v, %v", sc.ChannelID, len(ids), d, err)
		case len(ids) > 1:
			doubled++
			c.t.Errorf("channel %s: the digest was posted %d times (%v)", sc.ChannelID, len(ids), ids)
		case d.State != sources.DeliverySent || d.MessageID != ids[0]:
			c.t.Errorf("channel %s: delivery %+v, want sent as message %s", sc.ChannelID, d, ids[0])
		}
		if want := bot.ShardOf(sc.GuildID, clusterShards); err == nil && c.shardOfHolder(d.ClaimedBy) != want {
			misplaced++
			c.t.Errorf("channel %s of shard %d was posted by %q, not by that shard's process", sc.ChannelID, want, d.ClaimedBy)
		}
	}
	c.t.Logf("%d schedules: %d digests lost, %d doubled, %d stray keys, %d posted by another shard's process", n, lost, doubled, stray, misplaced)
}

// shardOfHolder is the shard of the process that holds (or last held) a
// claim: claims name the process id.
func (c *cluster) shardOfHolder(holder string) int {
	parts := strings.Split(holder, "/")
	if len(parts) != 3 {
		return -1
	}
	pid, _ := strconv.Atoi(parts[1])
	if shard, ok := c.shardOf[pid]; ok {
		return shard
	}
	return -2
}

// waitFeedsPolled waits until every feed has been polled and none is
// claimed.
func (c *cluster) waitFeedsPolled() {
	c.t.Helper()
	deadline := time.Now().Add(clusterWait)
	for {
		feeds, err := c.store.Feeds(context.Background())
		if err != nil {
			c.t.Fatal(err)
		}
		polled := 0
		for _, f := range feeds {
			if !f.LastSuccess.IsZero() && f.ClaimedBy == "" {
				polled++
			}
		}
		if polled == clusterFeeds {
			return
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("after %v: %d of %d feeds polled\n%s", clusterWait, polled, clusterFeeds, c.logs())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkFeeds checks that each feed was fetched once: the interval (30m)
// is longer than the test.
func (c *cluster) checkFeeds() {
	c.t.Helper()
	twice := 0
	for i := range clusterFeeds {
		if n := c.feeds.hits(fmt.Sprintf("/feeds/%02d.xml", i)); n != 1 {
			twice++
			c.t.Errorf("feed %d fetched %d times in one interval, want 1", i, n)
		}
	}
	c.t.Logf("%d feeds: %d fetched other than once", clusterFeeds, twice)
}

func (c *cluster) logs() string {
	var b strings.Builder
	for _, p := range c.procs {
		if p != nil {
			fmt.Fprintf(&b, "--- shard %d (pid %d):\n%s\n", p.shard, p.cmd.Process.Pid, p.tail())
		}
	}
	return b.String()
}

// tail is the end of a process's log.
func (p *process) tail() string {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	s := p.log.String()
	if len(s) > 6000 {
		s = "…" + s[len(s)-6000:]
	}
	return s
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// buildAttache builds the binary under test into dir.
func buildAttache(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "attache")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// countingFeeds serves feeds on loopback and counts the fetches of each.
type countingFeeds struct {
	*httptest.Server
	mu    sync.Mutex
	count map[string]int
}

func newCountingFeeds(t *testing.T) *countingFeeds {
	f := &countingFeeds{count: map[string]int{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.count[r.URL.Path]++
		f.mu.Unlock()
		name := strings.TrimSuffix(filepath.Base(r.URL.Path), ".xml")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Wire %[1]s</title><link>http://%[2]s/</link><description>World news</description>
<item><title>Envoys of Canada and Mexico meet in round %[1]s of trade talks</title>
<link>http://%[2]s/stories/%[1]s</link><guid>story-%[1]s</guid><pubDate>%[3]s</pubDate>
<description><![CDATA[<p>Envoys of Canada and Mexico met on Tuesday for round %[1]s of their trade talks, officials said. The two sides agreed to meet again next month to settle rules on steel and cars, and said the talks had been frank.</p>]]></description></item>
</channel></rss>`, name, r.Host, time.Now().UTC().Add(-time.Hour).Format(time.RFC1123Z))
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *countingFeeds) hits(path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.count[path]
}
