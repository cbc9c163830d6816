// Package devset is the tone dev set: sentences about country pairs from the
// Reuters and BBC dev corpora in ../shared/eval, each labelled by a person
// with one of the five tone classes (see GUIDE.md beside this file).
//
// The corpora's text is never copied into the repository: labels.jsonl holds
// references (the article, the sentence's byte offsets, the pair and the
// label), and Rebuild reads the sentences back from the corpora. Sample draws
// new candidates to label, stratified by source, article and pair.
package devset

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"attache/briefing/geo"
	"attache/briefing/sentence"
	"attache/briefing/tone"
)

// Corpora are the files of ../shared/eval that the dev set draws on, by the
// prefix of their article ids.
var corpora = []struct{ prefix, file string }{
	{"reuters", "reuters-dev.jsonl"},
	{"bbc", "bbc-news-dev.jsonl"},
}

// Article is one article of a corpus.
type Article struct {
	ID        string // "reuters/1234", "bbc/bbc-business-012"
	Source    string // "reuters", "bbc"
	Title     string
	Published time.Time
	Text      string
	// Places are the countries Reuters' indexers filed the story under,
	// in Reuters' names ("usa", "west-germany"); empty for the BBC, which
	// has no such labels.
	Places []string
}

// ErrNoCorpus is returned when the eval directory lacks a corpus file.
var ErrNoCorpus = errors.New("devset: corpus not found")

// ReadCorpora reads the Reuters and BBC dev corpora from dir, keyed by id.
func ReadCorpora(dir string) (map[string]*Article, error) {
	out := map[string]*Article{}
	for _, c := range corpora {
		path := filepath.Join(dir, c.file)
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%w: %s", ErrNoCorpus, path)
			}
			return nil, fmt.Errorf("devset: %w", err)
		}
		err = readCorpus(f, c.prefix, out)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("devset: %s: %w", path, err)
		}
	}
	return out, nil
}

func readCorpus(r io.Reader, prefix string, out map[string]*Article) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			ID        json.RawMessage `json:"id"`
			Title     string          `json:"title"`
			Published string          `json:"published"`
			Text      string          `json:"text"`
			Places    []string        `json:"places"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		id := strings.Trim(string(rec.ID), `"`)
		at, _ := time.Parse(time.RFC3339, rec.Published)
		a := &Article{ID: prefix + "/" + id, Source: prefix, Title: rec.Title, Published: at, Text: rec.Text}
		a.Places = rec.Places
		out[a.ID] = a
	}
	return sc.Err()
}

// Ref is one labelled sentence as it is stored: where the sentence and the
// one before it are in the article, the pair and the label.
type Ref struct {
	Article  string    `json:"article"`
	Sentence int       `json:"sentence"` // index among the article's sentences
	Span     [2]int    `json:"span"`     // byte offsets of the sentence
	Context  [2]int    `json:"context"`  // byte offsets of the sentence before; [0,0] when none
	Pair     [2]string `json:"pair"`
	Label    string    `json:"label,omitempty"`
	Note     string    `json:"note,omitempty"` // the labeller's reason, in their words
}

// Line is one line of `attache eval tone` input, rebuilt from a Ref.
type Line struct {
	ID      string    `json:"id"`
	Text    string    `json:"text"`
	Context string    `json:"context"`
	Pair    [2]string `json:"pair"`
	Label   string    `json:"label,omitempty"`
	// Group is the article: cross-validation never splits one.
	Group     string `json:"group,omitempty"`
	Published string `json:"published,omitempty"`
}

// LineID is the id of the line for a sentence of an article.
func LineID(article string, sentence int) string {
	return article + "#" + strconv.Itoa(sentence)
}

// ReadRefs reads labels.jsonl.
func ReadRefs(r io.Reader) ([]Ref, error) {
	return readLines(r, "labels", func(ref *Ref) error {
		if ref.Label == "" {
			return nil
		}
		_, err := tone.ParseClass(ref.Label)
		return err
	})
}

// readLines reads a file of JSON objects, one a line, blank lines aside,
// each checked by check; an error names the file (what) and the line.
func readLines[T any](r io.Reader, what string, check func(*T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("devset: %s line %d: %w", what, line, err)
		}
		if err := check(&v); err != nil {
			return nil, fmt.Errorf("devset: %s line %d: %w", what, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("devset: %s: %w", what, err)
	}
	return out, nil
}

// Rebuild turns references into eval lines with the corpora's text. A
// reference whose offsets no longer fit its article is an error: the
// corpora changed under the labels.
func Rebuild(refs []Ref, arts map[string]*Article) ([]Line, error) {
	out := make([]Line, 0, len(refs))
	for _, r := range refs {
		a, ok := arts[r.Article]
		if !ok {
			return nil, fmt.Errorf("devset: no article %s in the corpora", r.Article)
		}
		text, ok := slice(a.Text, r.Span)
		if !ok || text == "" {
			return nil, fmt.Errorf("devset: %s: sentence span %v outside the article", r.Article, r.Span)
		}
		ctx, ok := slice(a.Text, r.Context)
		if !ok {
			return nil, fmt.Errorf("devset: %s: context span %v outside the article", r.Article, r.Context)
		}
		out = append(out, Line{
			ID: LineID(r.Article, r.Sentence), Text: normalise(text), Context: normalise(ctx),
			Pair: r.Pair, Label: r.Label, Group: r.Article, Published: a.Published.Format(time.RFC3339),
		})
	}
	return out, nil
}

func slice(s string, span [2]int) (string, bool) {
	if span[0] < 0 || span[1] < span[0] || span[1] > len(s) {
		return "", false
	}
	return s[span[0]:span[1]], true
}

// normalise folds runs of white space (a sentence may span a line break)
// into one space.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// Candidate is a sentence that names two parties: a line to label.
type Candidate struct {
	Ref
	Text, Prev, Title string
	Source            string
}

// Candidates lists, for every article, the sentences that name at least
// two distinct parties, with one pair each: the first two distinct codes
// the sentence names. Where the article carries Reuters' place labels, only
// parties it is filed under count, so that the pair is one the story is
// about and not a currency or a venue.
func Candidates(arts map[string]*Article, f *tone.Finder, gaz *geo.Gazetteer) []Candidate {
	ids := make([]string, 0, len(arts))
	for id := range arts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out []Candidate
	for _, id := range ids {
		a := arts[id]
		var places []string
		for _, p := range a.Places {
			if c := PlaceCode(gaz, p); c != "" {
				places = append(places, c)
			}
		}
		sents := sentence.Split(a.Text)
		for i, s := range sents {
			if s.Heading {
				continue
			}
			ps := f.Parties(s.Text, a.Published)
			if len(a.Places) > 0 {
				ps = slices.DeleteFunc(ps, func(p tone.Party) bool {
					return !slices.ContainsFunc(places, func(c string) bool { return tone.SameParty(c, p.Code) })
				})
			}
			pair, ok := firstPair(ps)
			if !ok {
				continue
			}
			c := Candidate{Ref: Ref{Article: id, Sentence: s.Index, Span: [2]int{s.Start, s.End}, Pair: pair},
				Text: normalise(s.Text), Title: a.Title, Source: a.Source}
			if i > 0 && !sents[i-1].Heading {
				p := sents[i-1]
				c.Context = [2]int{p.Start, p.End}
				c.Prev = normalise(p.Text)
			}
			out = append(out, c)
		}
	}
	return out
}

// placeNames are Reuters' place names that are not a country's name today.
var placeNames = map[string]string{
	"usa": "US", "uk": "GB", "ussr": "SU", "west-germany": "DE", "east-germany": "DD",
	"yugoslavia": "YU", "czechoslovakia": "CS", "kampuchea": "KH", "burma": "MM", "zaire": "CD",
	"ivory-coast": "CI", "uae": "AE", "yemen-arab-republic": "YE", "yemen-demo-republic": "YD",
	"us-virgin-islands": "VI", "guam": "GU", "congo": "CG", "aruba": "AW", "trinidad-tobago": "TT",
}

// PlaceCode turns a Reuters place name into a code, "" when it names none.
func PlaceCode(gaz *geo.Gazetteer, name string) string {
	if c, ok := placeNames[name]; ok {
		return c
	}
	p := gaz.ParseWords(strings.Split(name, "-"), time.Time{})
	if len(p.Codes) == 1 && len(p.Rest) == 0 {
		return p.Codes[0]
	}
	return ""
}

func firstPair(ps []tone.Party) ([2]string, bool) {
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if !tone.SameParty(ps[i].Code, ps[j].Code) {
				return [2]string{ps[i].Code, ps[j].Code}, true
			}
		}
	}
	return [2]string{}, false
}

// SampleOptions shape a draw of candidates.
type SampleOptions struct {
	N    int
	Seed uint64
	// Exclude holds the line ids (and articles) already drawn: a draw
	// never takes a sentence already in the set, nor any sentence of an
	// article Exclude names.
	Exclude map[string]bool
	// TitleWords, when set, keeps articles whose title holds one of the
	// words (lower case): a way to enrich a draw in rarer kinds of story
	// without choosing the sentence by its words.
	TitleWords []string
	// Source keeps one corpus ("reuters", "bbc") when set.
	Source string
	// PerPair caps the sentences of one pair in a draw.
	PerPair int
}

// Sample draws up to o.N candidates: at most one per article, at most
// o.PerPair per pair, in an order fixed by the seed.
func Sample(cands []Candidate, o SampleOptions) []Candidate {
	byArticle := map[string][]Candidate{}
	var arts []string
	for _, c := range cands {
		if o.Source != "" && c.Source != o.Source {
			continue
		}
		if o.Exclude[c.Article] || o.Exclude[LineID(c.Article, c.Sentence)] || !titleHas(c.Title, o.TitleWords) {
			continue
		}
		if _, ok := byArticle[c.Article]; !ok {
			arts = append(arts, c.Article)
		}
		byArticle[c.Article] = append(byArticle[c.Article], c)
	}
	slices.SortFunc(arts, func(a, b string) int {
		return cmp.Or(cmp.Compare(mix(a, o.Seed), mix(b, o.Seed)), cmp.Compare(a, b))
	})
	perPair := map[[2]string]int{}
	var out []Candidate
	for _, id := range arts {
		if len(out) >= o.N {
			break
		}
		cs := byArticle[id]
		c := cs[mix(id+"/sentence", o.Seed)%uint64(len(cs))]
		key := c.Pair
		if key[1] < key[0] {
			key[0], key[1] = key[1], key[0]
		}
		if o.PerPair > 0 && perPair[key] >= o.PerPair {
			continue
		}
		perPair[key]++
		out = append(out, c)
	}
	return out
}

func titleHas(title string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	t := " " + strings.ToLower(title) + " "
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// mix is a seeded FNV-1a hash: a fixed pseudo-random order.
func mix(s string, seed uint64) uint64 {
	h := uint64(14695981039346656037) ^ seed*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}
