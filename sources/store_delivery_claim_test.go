package sources_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// A pending delivery is posted by one process at a time: the first claim
// wins, the holder may renew it, another process gets it only once the
// claim runs out or is released, and a finished delivery is claimed by
// nobody. Two handles on one database stand for two processes.
func TestClaimDelivery(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		db := e.New(t)
		a := db.Open(t, sources.StoreOptions{Now: func() time.Time { return t0 }})
		b := db.Open(t, sources.StoreOptions{Now: func() time.Time { return t0 }})
		if _, err := a.PutSchedule(ctx, sources.Schedule{ChannelID: "701", GuildID: "500", Spec: "0 8 * * *", TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		slot := t0
		if _, _, err := a.BeginDelivery(ctx, "701", slot, t0.Add(-24*time.Hour), t0); err != nil {
			t.Fatal(err)
		}
		claim := func(s sources.Store, holder string, now time.Time) bool {
			t.Helper()
			ok, err := s.ClaimDelivery(ctx, "701", slot, holder, now, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !claim(a, "proc-a", t0) {
			t.Fatal("the first claim of a pending delivery was refused")
		}
		if claim(b, "proc-b", t0.Add(30*time.Second)) {
			t.Fatal("proc-b claimed a delivery proc-a holds")
		}
		if !claim(a, "proc-a", t0.Add(50*time.Second)) {
			t.Fatal("proc-a could not renew its own claim")
		}
		if claim(b, "proc-b", t0.Add(100*time.Second)) {
			t.Fatal("proc-b claimed the delivery before proc-a's renewed claim ran out")
		}
		d, err := b.Delivery(ctx, "701", slot)
		if err != nil || d.ClaimedBy != "proc-a" || !d.ClaimUntil.Equal(t0.Add(110*time.Second)) {
			t.Fatalf("delivery = %+v, %v; want held by proc-a until %v", d, err, t0.Add(110*time.Second))
		}
		// proc-a dies: its claim runs out and proc-b takes over.
		if !claim(b, "proc-b", t0.Add(110*time.Second)) {
			t.Fatal("proc-b could not claim the delivery once proc-a's claim ran out")
		}
		// proc-b stops without finishing: it gives the delivery back at once.
		if err := b.ReleaseDelivery(ctx, "701", slot, "proc-b"); err != nil {
			t.Fatal(err)
		}
		if err := a.ReleaseDelivery(ctx, "701", slot, "proc-a"); err != nil { // not its claim: no effect
			t.Fatal(err)
		}
		if !claim(a, "proc-c", t0.Add(111*time.Second)) {
			t.Fatal("a released delivery could not be claimed")
		}
		if err := a.FinishDelivery(ctx, "701", slot, sources.DeliverySent, "9001", 3); err != nil {
			t.Fatal(err)
		}
		if claim(b, "proc-b", t0.Add(time.Hour)) {
			t.Fatal("a sent delivery was claimed")
		}
		if _, err := a.ClaimDelivery(ctx, "701", slot, "", t0, time.Minute); err == nil {
			t.Error("a claim without a holder was accepted")
		}
		if ok, err := a.ClaimDelivery(ctx, "702", slot, "proc-a", t0, time.Minute); ok || err != nil && !errors.Is(err, sources.ErrNotFound) {
			t.Errorf("claiming a delivery never begun = %v, %v; want false", ok, err)
		}
	})
}
