package sources_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"attache/sources"
	"attache/sources/storetest"
)

// A site's record counts, for each block, the site's pages among its last
// SiteWindow that held it; sites are apart, the record outlives the
// handle that wrote it, old pages leave the window, and writers sharing a
// store lose no page.
func TestSiteRecord(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		db := e.New(t)
		s := db.Open(t, sources.StoreOptions{})
		rec, err := s.SiteRecord(ctx, "quay.example", []uint64{1, 2})
		if err != nil || rec.Pages != 0 || len(rec.Counts) != 0 {
			t.Fatalf("record of an unknown site = %+v, %v; want nothing", rec, err)
		}
		if err := s.RecordSitePages(ctx, "quay.example", [][]uint64{{1, 2, 3}, {1, 4, 4}, {1, 5}}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordSitePages(ctx, "other.example", [][]uint64{{1, 9}}); err != nil {
			t.Fatal(err)
		}
		// Another handle, as another process would have.
		s2 := db.Open(t, sources.StoreOptions{})
		rec, err = s2.SiteRecord(ctx, "quay.example", []uint64{1, 2, 4, 9, 77})
		if err != nil {
			t.Fatal(err)
		}
		want := map[uint64]int{1: 3, 2: 1, 4: 1}
		if rec.Pages != 3 || fmt.Sprint(rec.Counts) != fmt.Sprint(want) {
			t.Errorf("quay.example = %+v; want 3 pages and counts %v", rec, want)
		}
		if rec, _ := s2.SiteRecord(ctx, "other.example", []uint64{1, 2, 9}); rec.Pages != 1 || fmt.Sprint(rec.Counts) != fmt.Sprint(map[uint64]int{1: 1, 9: 1}) {
			t.Errorf("other.example = %+v; want its one page", rec)
		}
		// SiteWindow+10 more pages, each with block 1 and one of its own:
		// blocks 2 to 5 leave the window, block 1 is on every page of it.
		var more [][]uint64
		for i := 0; i < sources.SiteWindow+10; i++ {
			more = append(more, []uint64{1, uint64(1000 + i)})
		}
		if err := s.RecordSitePages(ctx, "quay.example", more[:20]); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordSitePages(ctx, "quay.example", more[20:]); err != nil {
			t.Fatal(err)
		}
		last := uint64(1000 + sources.SiteWindow + 9)
		rec, err = s.SiteRecord(ctx, "quay.example", []uint64{1, 2, 3, 5, 1000, last})
		if err != nil {
			t.Fatal(err)
		}
		want = map[uint64]int{1: sources.SiteWindow, last: 1}
		if rec.Pages != sources.SiteWindow || fmt.Sprint(rec.Counts) != fmt.Sprint(want) {
			t.Errorf("after %d more pages = %+v; want %d pages and counts %v", len(more), rec, sources.SiteWindow, want)
		}
		// Two writers at once, each adding pages of one site with a block
		// in common: every page is counted.
		var wg sync.WaitGroup
		errs := make(chan error, 2)
		for _, st := range []sources.Store{s, s2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 10; i++ {
					if err := st.RecordSitePages(ctx, "busy.example", [][]uint64{{7, uint64(i)}}); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if rec, err := s.SiteRecord(ctx, "busy.example", []uint64{7}); err != nil || rec.Pages != 20 || rec.Counts[7] != 20 {
			t.Errorf("busy.example after two writers = %+v, %v; want 20 pages, block 7 on all", rec, err)
		}
	})
}

// A store opened read-only refuses to record pages.
func TestSiteRecordReadOnly(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		ctx := context.Background()
		db := e.New(t)
		db.Open(t, sources.StoreOptions{})
		ro := db.Open(t, sources.StoreOptions{ReadOnly: true})
		if _, err := ro.SiteRecord(ctx, "quay.example", []uint64{1}); err != nil {
			t.Errorf("reading a record read-only: %v", err)
		}
		if err := ro.RecordSitePages(ctx, "quay.example", [][]uint64{{1}}); err == nil {
			t.Error("a read-only store recorded pages")
		}
	})
}
