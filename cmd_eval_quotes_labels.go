package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"attache/briefing/eval"
)

// labelsDir holds the hand labels that `attache eval quotes` scores by
// default, relative to the repository root; LABELS.md there says how each
// set was made.
var labelsDir = filepath.Join("briefing", "quote", "labels")

var defaultPronounLabels = filepath.Join(labelsDir, "pronouns-dev.jsonl")

// attributionSets are the hand-labelled sets of quotes as briefs show
// them, in the order they were made: each has its flag of `eval quotes`
// (which names another file, or "" to skip the set), its default file and
// what the flag's help says of it.
var attributionSets = []struct{ flag, file, usage string }{
	{"labels", "attribution-dev.jsonl", "hand labels of quotes shown in briefs over Reuters and BBC dev"},
	{"fresh", "attribution-fresh.jsonl", "a second, later set of such labels, first scored before any rule was changed after reading it"},
	{"third", "attribution-third.jsonl", "a third set of such labels, made blind after the second set's rules were fixed and first scored before any rule was changed after reading it"},
	{"fourth", "attribution-fourth.jsonl", "a fourth set of such labels, made blind after the third round's rules were fixed and scored before any rule was changed after reading it"},
	{"fifth", "attribution-fifth.jsonl", "a fifth set of such labels, made blind by someone who changed no rule and kept from whoever changed them, scored with the rules from before and after the fourth round"},
	{"sixth", "attribution-sixth.jsonl", "a sixth set of such labels, made blind like the fifth with the rules of main at 5116241 and kept from whoever changed them after"},
	{"seventh", "attribution-seventh.jsonl", "a seventh set of such labels, made blind like the sixth with the rules of main at 60a9645 and kept from whoever changed them after"},
	{"eighth", "attribution-eighth.jsonl", "an eighth set of such labels, made blind like the seventh with the rules of main at be1f9fb and kept from whoever changed them after"},
	{"ninth", "attribution-ninth.jsonl", "a ninth set of such labels, made blind like the eighth with the rules of main at 21c425c and kept from whoever changed them after"},
	{"tenth", "attribution-tenth.jsonl", "a tenth set of such labels, made blind like the ninth with the rules of main at 5f75402 and kept from whoever changed them after"},
	{"eleventh", "attribution-eleventh.jsonl", "an eleventh set of such labels, made blind like the tenth with the rules of main at 09505f8, frozen while it was labelled"},
	{"twelfth", "attribution-twelfth.jsonl", "a twelfth set of such labels, made blind like the eleventh with the rules of main at e499a88 and kept from whoever changed them after"},
	{"thirteenth", "attribution-thirteenth.jsonl", "a thirteenth set of such labels, made blind like the twelfth with the rules of main at b02de68 and kept from whoever changed them after"},
	{"fourteenth", "attribution-fourteenth.jsonl", "a fourteenth set of such labels, made blind like the thirteenth with the rules of main at 8859f8a and kept from whoever changed them after"},
	{"fifteenth", "attribution-fifteenth.jsonl", "a fifteenth set of such labels, made blind like the fourteenth with the rules of main at 5d20097 and kept from whoever changed them after"},
	{"sixteenth", "attribution-sixteenth.jsonl", "a sixteenth set of such labels, made blind like the fifteenth with the rules of main at f22102a (those of cf35569), while no one was changing them"},
	{"seventeenth", "attribution-seventeenth.jsonl", "a seventeenth set of such labels, made blind like the sixteenth with the rules of main at 344cf60 (those of cf35569), while no one was changing them"},
	{"pages", "attribution-pages.jsonl", "a set of such labels over the English news pages of pages-dev/ground-truth.json, made blind like the seventeenth with the rules of main at 5f62a81 (those of cf35569)"},
	{"eighteenth", "attribution-eighteenth.jsonl", "an eighteenth set of such labels, made blind like the seventeenth with the rules of main at 21f4049 (those of cf35569), frozen before what was shown was opened"},
	{"snippets", "attribution-snippets.jsonl", "a set of such labels over the English news pages of pages-snippets-dev, in the text our extractor gives them, made blind like the pages set with the rules of main at a615965 (those of f148c3e)"},
	{"nineteenth", "attribution-nineteenth.jsonl", "a nineteenth set of such labels, made blind like the eighteenth with the rules of main at 73415c5 (those of f148c3e), frozen before what was shown was opened"},
	{"twentieth", "attribution-twentieth.jsonl", "a twentieth set of such labels, made blind like the nineteenth at f3bb365 (the rules of f148c3e), frozen before what was shown was opened, judged with the rules of main after the surname round"},
}

// pronounLabel is the person a pronoun speaker of a PolNeAR dev quote
// stands for, read by a person from the article.
type pronounLabel struct {
	ID string `json:"id"`
	// QuoteStart is where the gold quote starts (its first quote_spans
	// offset, in code points).
	QuoteStart int    `json:"quote_start"`
	Pronoun    string `json:"pronoun"`
	Speaker    string `json:"speaker"` // the right name
}

// scorePronounLabels reports how often the finder names the right person
// for the labelled pronoun-speaker quotes: right over labelled quotes it
// found (a quote found without a speaker counts as not right), and right
// over those it gave a name for.
func scorePronounLabels(w io.Writer, r *quoteEvalRun, path string, showErrors bool, hold int) error {
	labels, err := readLabels[pronounLabel](path)
	if err != nil {
		return fmt.Errorf("eval quotes: pronoun labels: %w", err)
	}
	byID := map[string]*quoteEvalArticle{}
	for i := range r.arts {
		byID[r.arts[i].gold.ID] = &r.arts[i]
	}
	var n, found, named, right, shown, shownRight int
	var wrong []string
	for _, l := range labels {
		a := byID[l.ID]
		if a == nil {
			return fmt.Errorf("eval quotes: pronoun labels: %s: no article %q in the dev set", path, l.ID)
		}
		gi := -1
		for j, g := range a.gold.Quotes {
			if len(g.QuoteSpans) > 0 && g.QuoteSpans[0][0] == l.QuoteStart {
				gi = j
			}
		}
		if gi < 0 {
			return fmt.Errorf("eval quotes: pronoun labels: %s: no quote at %d in %s", path, l.QuoteStart, l.ID)
		}
		n++
		for _, m := range a.matches {
			if m.Gold != gi {
				continue
			}
			found++
			s := a.sys[m.Sys].Speaker
			if s != "" && !eval.IsPronoun(s) {
				named++
			}
			ok := eval.SameSpeaker(s, l.Speaker)
			if ok {
				right++
			}
			q := a.found[m.Sys]
			if q.Attributed() {
				shown++
				if ok {
					shownRight++
				}
			}
			if (!ok || !q.Attributed()) && showErrors && a.fold != hold {
				wrong = append(wrong, fmt.Sprintf("  - %s @%d: %q is %s; found %q (%s, shown %v)", l.ID, l.QuoteStart, l.Pronoun, l.Speaker, s, q.Evidence, q.Attributed()))
			}
		}
	}
	fmt.Fprintf(w, "\npronoun speakers, hand-labelled sample (%s): %d labelled, %d found by the finder\n", path, n, found)
	fmt.Fprintf(w, "  right person %6.2f%% of found (%d/%d); right %6.2f%% of those given a name (%d/%d)\n",
		100*ratioOf(right, found), right, found, 100*ratioOf(right, named), right, named)
	fmt.Fprintf(w, "  shown in briefs (Attributed): %d of %d found (%.1f%%), right %6.2f%% (%d/%d)\n",
		shown, found, 100*ratioOf(shown, found), 100*ratioOf(shownRight, shown), shownRight, shown)
	for _, s := range wrong {
		fmt.Fprintln(w, s)
	}
	return nil
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// readLabels reads a JSON Lines file of labels; a missing file is an error
// that names it.
func readLabels[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	err = eachJSONLine(f, func(raw []byte) error {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// labelsPresent reports whether a labels file is there to score; the
// default file may be absent (a checkout without labels), a named one not.
func labelsPresent(w io.Writer, path, def string) bool {
	if _, err := os.Stat(path); err != nil && path == def {
		fmt.Fprintf(w, "\n(no labels at %s)\n", path)
		return false
	}
	return true
}
