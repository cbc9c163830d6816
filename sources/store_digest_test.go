package sources

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestScheduleLifecycle(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "c.db"), StoreOptions{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	sc, err := s.PutSchedule(ctx, Schedule{ChannelID: "100", GuildID: "9", Spec: "0 8 * * *", TimeZone: "Europe/Rome", Filter: "japan italy", CreatedBy: "42"})
	if err != nil {
		t.Fatal(err)
	}
	if !sc.Covered.Equal(clock) || !sc.LastSlot.Equal(clock) {
		t.Errorf("a new schedule covers from now: covered %v, last slot %v", sc.Covered, sc.LastSlot)
	}

	slot := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC) // 08:00 in Rome
	clock = slot.Add(time.Second)
	d, existed, err := s.BeginDelivery(ctx, "100", slot, sc.Covered, clock)
	if err != nil || existed || d.State != DeliveryPending || d.Key != DeliveryKey("100", slot) {
		t.Fatalf("BeginDelivery = %+v, %v, %v", d, existed, err)
	}
	// A second begin for the same slot (a crash and a restart, or two
	// processes) finds the first record instead of starting another.
	if _, existed, _ := s.BeginDelivery(ctx, "100", slot, sc.Covered, clock); !existed {
		t.Error("a second BeginDelivery of the same slot did not find the first")
	}
	pend, err := s.PendingDeliveries(ctx)
	if err != nil || len(pend) != 1 {
		t.Fatalf("pending = %v, %v; want the one delivery", pend, err)
	}

	// Two failed attempts count on the schedule; the second pauses it.
	if n, err := s.FailDelivery(ctx, "100", slot, errors.New("403 Missing Access"), false, ""); err != nil || n != 1 {
		t.Errorf("first failure: %d, %v", n, err)
	}
	if n, err := s.FailDelivery(ctx, "100", slot, errors.New("403 Missing Access"), true, "the bot may not post here"); err != nil || n != 2 {
		t.Errorf("second failure: %d, %v", n, err)
	}
	sc, _ = s.Schedule(ctx, "100")
	if !sc.Paused || sc.PauseReason != "the bot may not post here" || sc.Failures != 2 || !sc.LastSlot.Equal(slot) {
		t.Errorf("schedule after a final failure = %+v", sc)
	}
	d, _ = s.Delivery(ctx, "100", slot)
	if d.State != DeliveryFailed || d.Attempts != 2 || d.LastError != "403 Missing Access" {
		t.Errorf("delivery after failures = %+v", d)
	}

	// Setting the schedule again resumes it and keeps its history.
	clock = clock.Add(time.Hour)
	sc, err = s.PutSchedule(ctx, Schedule{ChannelID: "100", Spec: "30 9 * * 1-5", TimeZone: "Asia/Tokyo", CreatedBy: "43"})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Paused || sc.Failures != 0 || !sc.LastSlot.Equal(slot) || sc.Spec != "30 9 * * 1-5" {
		t.Errorf("schedule after replacing = %+v", sc)
	}

	next := slot.Add(24 * time.Hour)
	clock = next
	if _, _, err := s.BeginDelivery(ctx, "100", next, sc.Covered, clock); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishDelivery(ctx, "100", next, DeliverySent, "555", 3); err != nil {
		t.Fatal(err)
	}
	sc, _ = s.Schedule(ctx, "100")
	if !sc.LastSlot.Equal(next) || !sc.Covered.Equal(next) {
		t.Errorf("after a sent digest: last slot %v covered %v, want %v", sc.LastSlot, sc.Covered, next)
	}
	if pend, _ := s.PendingDeliveries(ctx); len(pend) != 0 {
		t.Errorf("pending after finishing = %v", pend)
	}
	if err := s.SkipSlot(ctx, "100", next.Add(24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	sc, _ = s.Schedule(ctx, "100")
	if !sc.LastSlot.Equal(next.Add(24*time.Hour)) || !sc.Covered.Equal(next) {
		t.Errorf("a skipped slot moves the slot, not what is covered: %+v", sc)
	}

	if err := s.DeleteSchedule(ctx, "100"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSchedule(ctx, "100"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice = %v, want ErrNotFound", err)
	}
	if all, _ := s.Schedules(ctx); len(all) != 0 {
		t.Errorf("schedules after delete = %v", all)
	}
}
