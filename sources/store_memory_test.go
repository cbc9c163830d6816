package sources_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"attache/sources"
	"attache/sources/storetest"
)

// Each owner's memory of a request is its own: written, replaced, read
// back, forgotten on request or when it expires, never another's.
func TestBriefMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		s, ok := e.Open(t, sources.StoreOptions{}).(sources.MemoryStore)
		if !ok {
			t.Fatalf("the %s store does not keep brief memories", e.Name)
		}
		t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		if _, ok, err := s.LastBrief(ctx, "discord:user:1", "IT,JP"); err != nil || ok {
			t.Fatalf("LastBrief on an empty store = %v, %v; want none", ok, err)
		}
		alice := sources.BriefMemory{Owner: "discord:user:1", Request: "IT,JP", At: t0, Stories: []int64{30, 10, 20, 10}, Tone: "verbal_cooperation"}
		bob := sources.BriefMemory{Owner: "discord:user:2", Request: "IT,JP", At: t0.Add(time.Hour), Stories: []int64{99}}
		for _, m := range []sources.BriefMemory{alice, bob, {Owner: "discord:user:1", Request: "CN,US", At: t0.AddDate(0, 0, -40)}} {
			if err := s.RememberBrief(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		got, ok, err := s.LastBrief(ctx, "discord:user:1", "IT,JP")
		if err != nil || !ok {
			t.Fatalf("LastBrief = %v, %v", ok, err)
		}
		if !got.At.Equal(t0) || !slices.Equal(got.Stories, []int64{10, 20, 30}) || got.Tone != "verbal_cooperation" {
			t.Errorf("alice's memory = %+v", got)
		}
		alice.At, alice.Stories, alice.Tone = t0.Add(24*time.Hour), []int64{40}, "material_conflict"
		if err := s.RememberBrief(ctx, alice); err != nil {
			t.Fatal(err)
		}
		got, _, _ = s.LastBrief(ctx, "discord:user:1", "IT,JP")
		if !slices.Equal(got.Stories, []int64{40}) || got.Tone != "material_conflict" {
			t.Errorf("replaced memory = %+v", got)
		}
		if got, _, _ := s.LastBrief(ctx, "discord:user:2", "IT,JP"); !slices.Equal(got.Stories, []int64{99}) {
			t.Errorf("bob's memory changed with alice's: %+v", got)
		}
		n, err := s.ForgetBriefsBefore(ctx, t0.AddDate(0, 0, -30))
		if err != nil || n != 1 {
			t.Errorf("ForgetBriefsBefore = %d, %v; want the one 40-day-old memory", n, err)
		}
		n, err = s.ForgetBriefs(ctx, "discord:user:1")
		if err != nil || n != 1 {
			t.Errorf("ForgetBriefs(alice) = %d, %v; want 1", n, err)
		}
		if _, ok, _ := s.LastBrief(ctx, "discord:user:1", "IT,JP"); ok {
			t.Error("alice's memory is still there after ForgetBriefs")
		}
		if _, ok, _ := s.LastBrief(ctx, "discord:user:2", "IT,JP"); !ok {
			t.Error("forgetting alice forgot bob")
		}
	})
}

func TestStoryIDsRoundTrip(t *testing.T) {
	ids := []int64{5, 3, 5, 1 << 40}
	got, err := sources.SplitStoryIDs(sources.JoinStoryIDs(ids))
	if err != nil || !slices.Equal(got, []int64{3, 5, 1 << 40}) {
		t.Errorf("round trip = %v, %v", got, err)
	}
	if _, err := sources.SplitStoryIDs("1,x"); err == nil {
		t.Error("a damaged list: want an error")
	}
}
