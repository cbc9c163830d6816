package briefing

import (
	"context"
	"errors"
	"testing"
	"time"

	"attache/sources/storetest"
)

func TestParseWindow(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"12h", 12 * time.Hour},
		{"7d", 7 * day},
		{"2w", 14 * day},
		{"3m", 90 * day},
		{"1y", 365 * day},
		// Windows longer than a time.Duration can hold reach as far back
		// as one can, instead of wrapping round into the future.
		{"300y", time.Duration(1<<63 - 1)},
		{"100000w", time.Duration(1<<63 - 1)},
		{"99999m", time.Duration(1<<63 - 1)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseWindow(tt.in)
			if err != nil {
				t.Fatalf("ParseWindow(%q) = %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseWindow(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTakeWindowNeverInTheFuture(t *testing.T) {
	now := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	for _, words := range [][]string{{"since", "300y"}, {"since", "100000w"}, {"--since=5000y"}, {"last", "900", "years"}} {
		_, since, err := takeWindow(words, now)
		if err != nil {
			t.Fatalf("takeWindow(%q) = %v", words, err)
		}
		if !since.Before(now) {
			t.Errorf("takeWindow(%q) starts %v, after now (%v)", words, since, now)
		}
	}
}

func TestTitle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		tests := []struct {
			req  Request
			want string
		}{
			{Request{Countries: []string{"JP", "IT"}}, "Japan and Italy"},
			{Request{Countries: []string{"G7"}, Terms: []string{"summit"}}, "G7: summit"},
			{Request{Terms: []string{"sanctions", "oil"}}, "Sanctions oil"},
			{Request{Terms: []string{"élysée", "talks"}}, "Élysée talks"},
			{Request{Terms: []string{"ōsaka"}}, "Ōsaka"},
			{Request{Terms: []string{""}}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.want, func(t *testing.T) {
				if got := tc.eng.title(tt.req); got != tt.want {
					t.Errorf("title(%+v) = %q, want %q", tt.req, got, tt.want)
				}
			})
		}
	})
}

func TestParseWordsContextIsHonoured(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		// Countries need no look-up; a topic word is looked up in the corpus
		// with the caller's context.
		if _, err := tc.eng.ParseWordsContext(ctx, []string{"japan", "italy"}); err != nil {
			t.Errorf("ParseWordsContext(cancelled, japan italy) = %v, want no error", err)
		}
		_, err := tc.eng.ParseWordsContext(ctx, []string{"japan", "frigate"})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("ParseWordsContext(cancelled, japan frigate) = %v, want context.Canceled", err)
		}
	})
}

func TestQuotesBySpeakerNothingFound(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		tests := []struct {
			speaker string
			since   time.Time
			want    string
		}{
			{"Nobody Atall", time.Time{}, "I found no article that mentions Nobody Atall anywhere in the corpus. Check the spelling, or try the surname alone."},
			{"Meloni", testNow.Add(-24 * time.Hour), "I found no article that mentions Meloni since 28 Feb 2025. Try a wider window, e.g. `since 1y`, or the surname alone."},
			{"Erdogan", time.Time{}, "I found articles that mention Erdogan, but no quotation by them. Try `brief` for a summary instead."},
		}
		for _, tt := range tests {
			t.Run(tt.speaker, func(t *testing.T) {
				_, err := tc.eng.Quotes(context.Background(), Request{Speaker: tt.speaker, Since: tt.since})
				var ue *UserError
				if !errors.As(err, &ue) {
					t.Fatalf("Quotes(%s) = %v, want a UserError", tt.speaker, err)
				}
				if ue.Message != tt.want {
					t.Errorf("Quotes(%s) says %q, want %q", tt.speaker, ue.Message, tt.want)
				}
			})
		}
	})
}

func TestQuotesLeavesTheCallersTermsAlone(t *testing.T) {
	storetest.Run(t, func(t *testing.T, e storetest.Engine) {
		tc := newTestCorpus(t, e)
		terms := make([]string, 0, 4)
		if _, err := tc.eng.Quotes(context.Background(), Request{Terms: terms, Speaker: "Giorgia Meloni"}); err != nil {
			t.Fatal(err)
		}
		if got := terms[:2]; got[0] != "" || got[1] != "" {
			t.Errorf("the caller's Terms array now holds %q, want it untouched", got)
		}
	})
}
