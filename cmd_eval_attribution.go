package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"attache/briefing"
	"attache/briefing/eval"
	"attache/briefing/geo"
	"attache/sources/clean"
	"attache/sources/extract"
)

// attributionLabel is one quotation shown in a brief over Reuters or BBC
// dev or a dev news page, judged by reading the article: who said it, and the role the
// article gives that person (LABELS.md says how the labels were made).
type attributionLabel struct {
	Source string `json:"source"` // "reuters", "bbc", "pages" or "snippets"
	// Article is the record's id in ../shared/eval (for "pages", the page's
	// id in pages-dev/ground-truth.json; for "snippets", the saved page's
	// id in pages-snippets-dev/gold.json).
	Article string `json:"article"`
	// Start is where the quotation starts in the record's text, in code
	// points (for "snippets", in the text our extractor gives the page).
	Start int `json:"start"`
	// Fingerprint, when given, is quoteFingerprint of the text at Start
	// when the label was made: a text that has moved since (a changed
	// extractor) is reported, not scored at the wrong quotation.
	Fingerprint string `json:"fingerprint,omitempty"`
	Speaker     string `json:"speaker"` // the right speaker
	// SpeakerForms are other spellings of the right speaker that the
	// article itself uses ("Brian Monteith MSP").
	SpeakerForms []string `json:"speaker_forms,omitempty"`
	Roles        []string `json:"roles"` // the right roles; "" when the article gives none
	// Before and LabelledAfter are what briefs showed before the first
	// round of attribution work and when the first set was labelled;
	// Unseen is what briefs showed when a later set was labelled, before
	// any rule was changed after reading it. Each holds the judgements
	// made by hand.
	Before        *shownJudged `json:"before"`
	LabelledAfter *shownJudged `json:"labelled_after"`
	Unseen        *shownJudged `json:"unseen"`
}

type shownJudged struct {
	Speaker   string `json:"speaker"`
	Role      string `json:"role"`
	SpeakerOK bool   `json:"speaker_ok"`
	RoleOK    string `json:"role_ok"` // right, wrong or rightly-absent
}

// attributionTally counts judged quotations.
type attributionTally struct{ n, speaker, role int }

func (t *attributionTally) add(j shownJudged) {
	t.n++
	if j.SpeakerOK {
		t.speaker++
	}
	if j.RoleOK != "wrong" {
		t.role++
	}
}

func (t attributionTally) String() string {
	return fmt.Sprintf("speaker right %5.1f%% (%d/%d), role right or rightly absent %5.1f%% (%d/%d)",
		100*ratioOf(t.speaker, t.n), t.speaker, t.n, 100*ratioOf(t.role, t.n), t.role, t.n)
}

// scoreAttributionLabels re-scores the hand-labelled quotations: it runs
// the brief's quote step (briefing.ArticleQuotes) over each labelled
// article and judges what a brief would show now for each labelled
// quotation, beside the judgements by hand of what briefs showed when
// the labels were made.
func scoreAttributionLabels(w io.Writer, dir, path string, g *geo.Gazetteer) error {
	labels, err := readLabels[attributionLabel](path)
	if err != nil {
		return fmt.Errorf("eval quotes: attribution labels: %w", err)
	}
	texts, err := labelledTexts(dir, labels)
	if err != nil {
		return err
	}
	shown := map[string][]briefing.ShownQuote{}
	var before, labelled, unseen, now attributionTally
	// Per source: what briefs showed when the set was labelled, and now.
	srcUnseen, srcNow := map[string]*attributionTally{}, map[string]*attributionTally{}
	tallyOf := func(m map[string]*attributionTally, src string) *attributionTally {
		if m[src] == nil {
			m[src] = &attributionTally{}
		}
		return m[src]
	}
	notShown, moved, lost := 0, 0, 0
	var wrong []string
	for _, l := range labels {
		key := l.Source + ":" + l.Article
		rec, ok := texts[key]
		if !ok {
			return fmt.Errorf("eval quotes: attribution labels: %s: no %s record %q in %s", path, l.Source, l.Article, dir)
		}
		qs, ok := shown[key]
		if !ok {
			qs = briefing.ArticleQuotes(g, rec.text, rec.published)
			shown[key] = qs
		}
		if l.Before != nil {
			before.add(*l.Before)
		}
		if l.LabelledAfter != nil {
			labelled.add(*l.LabelledAfter)
		}
		if l.Unseen != nil {
			unseen.add(*l.Unseen)
			tallyOf(srcUnseen, l.Source).add(*l.Unseen)
		}
		tallyOf(srcNow, l.Source)
		at := rec.at(l.Start)
		if l.Fingerprint != "" && quoteFingerprint(rec.text, at) != l.Fingerprint {
			// The text is not the one labelled (a changed extractor): find
			// the quotation again by its first words, or leave it unscored.
			found, ok := findFingerprint(rec.text, l.Fingerprint)
			if !ok {
				lost++
				wrong = append(wrong, fmt.Sprintf("  - %s %s @%d: the extracted text has changed; no quotation with fingerprint %s, or more than one (not scored)", l.Source, l.Article, l.Start, l.Fingerprint))
				continue
			}
			moved++
			wrong = append(wrong, fmt.Sprintf("  - %s %s @%d: the extracted text has moved; the quotation is found at @%d", l.Source, l.Article, l.Start, found))
			at = found
		}
		q, ok := quoteAt(rec.text, qs, at)
		if !ok {
			notShown++
			wrong = append(wrong, fmt.Sprintf("  - %s %s @%d: not shown; right %q / %q", l.Source, l.Article, l.Start, l.Speaker, strings.Join(l.Roles, " | ")))
			continue
		}
		j := judgeShown(q.Speaker, q.Role, l)
		now.add(j)
		srcNow[l.Source].add(j)
		if !j.SpeakerOK || j.RoleOK == "wrong" {
			wrong = append(wrong, fmt.Sprintf("  - %s %s @%d: shown %q / %q; right %q / %q", l.Source, l.Article, l.Start, q.Speaker, q.Role, l.Speaker, strings.Join(l.Roles, " | ")))
		}
	}
	fmt.Fprintf(w, "\nquotes shown in briefs, hand-labelled (%s): %d quotations\n", path, len(labels))
	if before.n > 0 {
		fmt.Fprintf(w, "  before the first round (%3d shown then): %s\n", before.n, before)
	}
	if labelled.n > 0 {
		fmt.Fprintf(w, "  when labelled          (%3d shown then): %s\n", labelled.n, labelled)
	}
	if unseen.n > 0 {
		fmt.Fprintf(w, "  unseen, when labelled  (%3d shown then): %s\n", unseen.n, unseen)
	}
	fmt.Fprintf(w, "  now                    (%3d shown now):  %s; %d labelled quotations not shown now\n", now.n, now, notShown)
	if moved > 0 {
		fmt.Fprintf(w, "  %d labelled quotations found at another offset of the extracted text (by their fingerprints)\n", moved)
	}
	if lost > 0 {
		fmt.Fprintf(w, "  %d labelled quotations not found in the extracted text (not scored)\n", lost)
	}
	if len(srcNow) > 1 {
		for _, src := range slices.Sorted(maps.Keys(srcNow)) {
			if t := srcUnseen[src]; t != nil {
				fmt.Fprintf(w, "    %-8s unseen     (%3d): %s\n", src, t.n, *t)
			}
			fmt.Fprintf(w, "    %-8s now        (%3d): %s\n", src, srcNow[src].n, *srcNow[src])
		}
	}
	for _, s := range wrong {
		fmt.Fprintln(w, s)
	}
	return nil
}

// judgeShown judges a shown speaker and role against a label: the speaker
// is right when it shares a content word with the right one, is not a
// description that only points back ("the statement", a bare "Ministry")
// and carries no words but the right speaker's, with at most one of the
// right roles or an honorific before them (a clause, a weekday or a piece
// of a title joined to the name is wrong); the role is right
// when it is one of the right roles, word for word (case, articles and
// the wire's angle brackets aside), and rightly absent when the article
// gives none.
func judgeShown(speaker, role string, l attributionLabel) shownJudged {
	j := shownJudged{Speaker: speaker, Role: role, RoleOK: "wrong"}
	j.SpeakerOK = eval.SameSpeaker(speaker, l.Speaker) && !pointsBack(speaker) && !mangled(speaker, l)
	for _, r := range l.Roles {
		if normRole(r) == normRole(role) {
			j.RoleOK = "right"
			if normRole(role) == "" {
				j.RoleOK = "rightly-absent"
			}
		}
	}
	return j
}

// pointsBack reports a speaker given as a bare definite description.
func pointsBack(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "the", "this", "that", "his", "her", "their", "its":
	default:
		return false
	}
	for _, w := range f[1:] {
		if r, _ := utf8.DecodeRuneInString(w); r >= 'A' && r <= 'Z' {
			return false
		}
	}
	return true
}

// genericNouns name a kind of body or person; a speaker made of them
// alone ("Ministry", "Chamber") only points back to one the article named.
var genericNouns = wordsOf("ministry department chamber office bank agency committee government company firm group court council embassy association union statement report official officials spokesman spokeswoman spokesperson source sources analyst analysts banker bankers trader traders economist economists newspaper paper radio board commission corporation institute federation organisation organization party unit exchange fund centre center")

// speakerHonorifics may stand before a name without being a role.
var speakerHonorifics = wordsOf("mr mrs ms miss dr sir lord lady dame sheikh prof professor rev")

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// nameTokens splits s into lower-case runs of letters and digits.
func nameTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// mangled reports a shown speaker with words that belong neither to the
// right speaker (or another form the article gives) nor, before the
// name, to one right role whole, an article or an honorific; or one made
// only of words for a kind of body or person ("Ministry") where the right
// speaker has a word that says which.
func mangled(shown string, l attributionLabel) bool {
	st := nameTokens(shown)
	name := map[string]bool{}
	for _, f := range append([]string{l.Speaker}, l.SpeakerForms...) {
		for _, w := range nameTokens(f) {
			name[w] = true
		}
	}
	function := wordsOf("a an the of and")
	generic := func(w string) bool { return genericNouns[w] || function[w] }
	if !slices.ContainsFunc(st, func(w string) bool { return !generic(w) }) &&
		slices.ContainsFunc(nameTokens(l.Speaker), func(w string) bool { return !generic(w) && !slices.Contains(st, w) }) {
		return true
	}
	i := slices.IndexFunc(st, func(w string) bool { return name[w] && !function[w] })
	if i < 0 {
		return false // shares no word: SameSpeaker says it is wrong
	}
	for _, w := range st[i:] {
		if !name[w] {
			return true
		}
	}
	pre := st[:i]
	for len(pre) > 0 && (speakerHonorifics[pre[len(pre)-1]] || function[pre[len(pre)-1]]) {
		pre = pre[:len(pre)-1]
	}
	for len(pre) > 0 && function[pre[0]] {
		pre = pre[1:]
	}
	if len(pre) == 0 {
		return false
	}
	for _, r := range l.Roles {
		if slices.Equal(pre, nameTokens(normRole(r))) {
			return false
		}
	}
	return true
}

func normRole(r string) string {
	r = strings.NewReplacer("<", "", ">", "").Replace(strings.ToLower(r))
	r = strings.Trim(strings.Join(strings.Fields(r), " "), " .,;:")
	for _, a := range []string{"a ", "an ", "the "} {
		r = strings.TrimPrefix(r, a)
	}
	return r
}

// quoteAt finds the shown quotation that holds code point start of text.
func quoteAt(text string, qs []briefing.ShownQuote, start int) (briefing.ShownQuote, bool) {
	for _, q := range qs {
		s := utf8.RuneCountInString(text[:q.Found.Start])
		e := s + utf8.RuneCountInString(text[q.Found.Start:q.Found.End])
		if start >= s-2 && start < e {
			return q, true
		}
	}
	return briefing.ShownQuote{}, false
}

// fingerprintWords is how many words from a label's offset its
// fingerprint covers.
const fingerprintWords = 5

// quoteFingerprint is the first 12 hex digits of the SHA-256 of the first
// five words of text from code point start, joined by single spaces: a
// check that a label's offset still points at the quotation labelled,
// which holds none of the article's text.
func quoteFingerprint(text string, start int) string {
	i := 0
	for n := range text {
		if i == start {
			return fingerprintOf(text[n:])
		}
		i++
	}
	return fingerprintOf("")
}

// fingerprintOf is quoteFingerprint of s from its start.
func fingerprintOf(s string) string {
	var words []string
	for len(words) < fingerprintWords {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		words = append(words, s[:end])
		s = s[end:]
	}
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	return hex.EncodeToString(sum[:6])
}

// findFingerprint finds the one place in text (in code points, where no
// space is) whose fingerprint is fp; false when there is none, or more
// than one.
func findFingerprint(text, fp string) (int, bool) {
	found, n, i := -1, 0, 0
	for b, r := range text {
		if !unicode.IsSpace(r) && fingerprintOf(text[b:]) == fp {
			found = i
			n++
		}
		i++
	}
	return found, n == 1
}

type labelledRecord struct {
	text      string // as ingest stores it: character references decoded
	raw       string // as the record holds it; labels count code points in it
	published time.Time
}

// at maps a code-point offset in the record's raw text to one in the
// decoded text a brief reads ("Jos&#233;" is one character there).
func (r labelledRecord) at(start int) int {
	if r.raw == r.text {
		return start
	}
	raw := []rune(r.raw)
	if start > len(raw) {
		start = len(raw)
	}
	return utf8.RuneCountInString(clean.UnescapeRefs(string(raw[:start])))
}

// labelledTexts reads the records the labels name from the Reuters and
// BBC dev files in dir, and from the pages' ground truth when a label
// names a page.
func labelledTexts(dir string, labels []attributionLabel) (map[string]labelledRecord, error) {
	want := map[string]bool{}
	for _, l := range labels {
		want[l.Source+":"+l.Article] = true
	}
	out := map[string]labelledRecord{}
	for source, file := range map[string]string{"reuters": "reuters-dev.jsonl", "bbc": "bbc-news-dev.jsonl"} {
		path := filepath.Join(dir, file)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("eval quotes: %w", err)
		}
		err = eachJSONLine(f, func(raw []byte) error {
			var r struct {
				ID        json.RawMessage `json:"id"`
				Text      string          `json:"text"`
				Published time.Time       `json:"published"`
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				return err
			}
			id := strings.Trim(string(r.ID), `"`)
			if _, err := strconv.Atoi(id); err != nil && source == "reuters" {
				return fmt.Errorf("id %s is not a number", r.ID)
			}
			if want[source+":"+id] {
				// Ingest decodes character references ("Jos&#233;"); the
				// brief reads the decoded text, so the finder does here.
				out[source+":"+id] = labelledRecord{text: clean.UnescapeRefs(r.Text), raw: r.Text, published: r.Published}
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("eval quotes: %s: %w", path, err)
		}
	}
	if slices.ContainsFunc(labels, func(l attributionLabel) bool { return l.Source == "pages" }) {
		if err := readPageTexts(filepath.Join(dir, "pages-dev", "ground-truth.json"), want, out); err != nil {
			return nil, err
		}
	}
	if slices.ContainsFunc(labels, func(l attributionLabel) bool { return l.Source == "snippets" }) {
		if err := readSnippetTexts(filepath.Join(dir, "pages-snippets-dev"), want, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readJSONPages reads a JSON object of pages by id (a ground truth or a
// gold file of an evaluation set).
func readJSONPages[P any](path string) (map[string]P, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval quotes: %w", err)
	}
	var pages map[string]P
	if err := json.Unmarshal(b, &pages); err != nil {
		return nil, fmt.Errorf("eval quotes: %s: %w", path, err)
	}
	return pages, nil
}

// readPageTexts adds the article bodies of the news pages the labels name
// ("pages:" and the page's id) from the pages' ground truth, a person's
// marking of each page's article body, dated by the page's URL.
func readPageTexts(path string, want map[string]bool, out map[string]labelledRecord) error {
	pages, err := readJSONPages[struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}](path)
	if err != nil {
		return err
	}
	for id, p := range pages {
		if want["pages:"+id] {
			published, _ := extract.DateInURL(p.URL)
			out["pages:"+id] = labelledRecord{text: clean.UnescapeRefs(p.ArticleBody), raw: p.ArticleBody, published: published}
		}
	}
	return nil
}

// readSnippetTexts adds the text of the saved pages the labels name
// ("snippets:" and the page's id in gold.json) as ingest would store it:
// the page extracted by our own extractor with its URL, dated by the
// page's metadata or URL when the extractor finds a date, else not.
func readSnippetTexts(pool string, want map[string]bool, out map[string]labelledRecord) error {
	path := filepath.Join(pool, "gold.json")
	pages, err := readJSONPages[struct {
		URL  string `json:"url"`
		File string `json:"file"`
	}](path)
	if err != nil {
		return err
	}
	for id, p := range pages {
		if !want["snippets:"+id] {
			continue
		}
		body, err := extractReadPage(filepath.Join(pool, filepath.Base(p.File)), extract.DefaultMaxBytes)
		if err != nil {
			return fmt.Errorf("eval quotes: %w", err)
		}
		page, err := extract.Extract(body, p.URL, "")
		if err != nil {
			return fmt.Errorf("eval quotes: page %s: %w", id, err)
		}
		text := page.Text()
		out["snippets:"+id] = labelledRecord{text: text, raw: text, published: page.Published}
	}
	return nil
}
