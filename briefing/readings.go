package briefing

import (
	"crypto/sha256"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"attache/briefing/geo"
	"attache/briefing/tone"
	"attache/sources"
)

// PairReader reads an article for the pairs of countries it is about: for
// each pair of its tagged countries that the relevance rule finds it
// about, how much, and the tone of its sentences about the pair (the
// story's tone, its sentences' counts by tone and the evidence). The
// ingester stores what it finds (sources.Reader), so that a timeline reads
// small rows rather than every article; the engine reads the articles the
// store has no reading of, with the same rules, so both agree.
type PairReader struct {
	rel     *Relevance
	cls     *tone.Classifier
	finder  *tone.Finder
	version int64
}

// NewPairReader returns a reader with the gazetteer and the relevance
// rule (zero fields take the defaults).
func NewPairReader(gaz *geo.Gazetteer, rule RelevanceRule) *PairReader {
	p := &PairReader{rel: NewRelevance(gaz, rule), cls: tone.New(), finder: tone.NewFinder(gaz)}
	p.version = readingVersion(p.rel.Rule())
	return p
}

// readingFormat numbers the record kept per article and pair (storedTone)
// and the way it is read; a change to either bumps it.
const readingFormat = 1

// readingRules are the files of this package whose rules a reading
// applies.
//
//go:embed relevance.go readings.go
var readingRules embed.FS

// readingVersion names the rules a reading applies: the record's format,
// the relevance rule's thresholds and code, and the tone rules
// (tone.Fingerprint). Readings stored under another version are read
// again. (The gazetteer's data and the sentence splitter are left out, as
// the country tags stored at ingest are not made again when they change.)
func readingVersion(rule RelevanceRule) int64 {
	h := sha256.New()
	fmt.Fprintf(h, "format %d\nrule %d %d %d\ntone %s\n", readingFormat, rule.Lead, rule.Mentions, rule.Together, tone.Fingerprint())
	for _, name := range []string{"relevance.go", "readings.go"} {
		b, _ := readingRules.ReadFile(name)
		h.Write(b)
	}
	v := int64(binary.BigEndian.Uint64(h.Sum(nil)) >> 1)
	if v == 0 {
		v = 1
	}
	return v
}

// Version names the rules the reader applies.
func (p *PairReader) Version() int64 { return p.version }

// Reader is the reader as the ingester and sources.ReadUnread take it.
func (p *PairReader) Reader() *sources.Reader {
	return &sources.Reader{Version: p.version, Read: p.ReadPairs}
}

// ReadPairs reads an article for every pair of its tagged countries that
// it is about.
func (p *PairReader) ReadPairs(a sources.Article) []sources.PairReading {
	if len(a.Countries) < 2 {
		return nil
	}
	// Only pairs whose headline or lede names both can be about the pair
	// (Relevance.Prominent, a necessary condition of About): the article
	// is read in full only when one is.
	prominent := p.rel.ProminentCodes(a.Title, a.Text, a.Published, a.Countries)
	var pairs [][2]string
	for i, x := range a.Countries {
		for j := i + 1; j < len(a.Countries); j++ {
			if y := a.Countries[j]; x != y && prominent[i] && prominent[j] {
				pairs = append(pairs, sortedPair(x, y))
			}
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	rd := p.rel.Read(a.Title, a.Text, a.Published)
	parties := p.partiesOf(rd, a.Published)
	var out []sources.PairReading
	for _, pair := range pairs {
		r := p.readPair(rd, pair, parties)
		if r.strength == 0 {
			continue
		}
		out = append(out, sources.PairReading{Pair: pair, Strength: r.strength, Data: encodeTone(r.st)})
	}
	return out
}

// read reads an article for one pair.
func (p *PairReader) read(a sources.Article, pair [2]string) toneRead {
	if !p.rel.Prominent(a.Title, a.Text, a.Published, pair[:]) {
		return toneRead{} // not about the pair: the headline and lede say so, cheaply
	}
	rd := p.rel.Read(a.Title, a.Text, a.Published)
	return p.readPair(rd, sortedPair(pair[0], pair[1]), p.partiesOf(rd, a.Published))
}

// partiesOf returns the parties of sentence i of rd, found once each.
func (p *PairReader) partiesOf(rd *Reading, at time.Time) func(i int) []tone.Party {
	sents := rd.Sentences()
	found := make([][]tone.Party, len(sents))
	done := make([]bool, len(sents))
	return func(i int) []tone.Party {
		if !done[i] {
			found[i], done[i] = p.finder.Parties(sents[i].Text, at), true
		}
		return found[i]
	}
}

// readPair reads one pair (sorted: the tone of a sentence does not depend
// on the order, and who acts on whom is the sentence's order) of an
// article read for relevance.
func (p *PairReader) readPair(rd *Reading, pair [2]string, parties func(i int) []tone.Party) toneRead {
	codes := pair[:]
	strength := rd.Strength(codes)
	if strength == 0 {
		return toneRead{}
	}
	sents := rd.Sentences()
	var tags []tone.Tag
	for i, s := range sents {
		if !rd.SentenceAbout(i, codes) {
			continue
		}
		in := tone.Sentence{Text: s.Text, Pair: pair, Parties: parties(i)}
		if i > 0 && !sents[i-1].Heading {
			in.Context, in.ContextParties = sents[i-1].Text, parties(i-1)
		}
		tags = append(tags, p.cls.Classify(in))
	}
	return toneRead{st: tone.Story(tags), strength: strength}
}

func sortedPair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// A story's tone for a pair is kept as a short record: the class, the
// counts of its sentences about the pair by class, and the evidence (who
// acts on whom, the sentence with its white space folded, and the words
// that decided), in this order: a byte for the class, an unsigned varint
// per count, then each string as a varint length and its bytes.

func encodeTone(st tone.StoryTone) []byte {
	b := make([]byte, 0, 32)
	b = append(b, byte(st.Class))
	for _, n := range st.Counts {
		b = binary.AppendUvarint(b, uint64(n))
	}
	if st.Class == tone.Neither {
		return b
	}
	for _, f := range []string{st.Evidence.Actor, st.Evidence.Target, strings.Join(strings.Fields(st.Evidence.Sentence), " "), st.Evidence.Cue} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

// errStoredTone is a record that encodeTone did not write.
var errStoredTone = errors.New("briefing: stored tone unreadable")

func decodeTone(b []byte) (tone.StoryTone, error) {
	var st tone.StoryTone
	if len(b) == 0 || int(b[0]) >= len(tone.Classes) {
		return st, errStoredTone
	}
	st.Class, b = tone.Class(b[0]), b[1:]
	for i := range st.Counts {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > 1<<20 {
			return st, errStoredTone
		}
		st.Counts[i], b = int(n), b[k:]
	}
	if st.Class == tone.Neither {
		if len(b) != 0 {
			return st, errStoredTone
		}
		return st, nil
	}
	var fs [4]string
	for i := range fs {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return st, errStoredTone
		}
		fs[i], b = string(b[k:k+int(n)]), b[k+int(n):]
	}
	if len(b) != 0 {
		return st, errStoredTone
	}
	st.Evidence = tone.Tag{Class: st.Class, Actor: fs[0], Target: fs[1], Sentence: fs[2], Cue: fs[3]}
	return st, nil
}
