// Package synth generates a corpus of realistic-looking articles for
// benchmarks: about 600 words each in paragraphs, words drawn from a Zipf
// distribution over a large vocabulary, one to three countries named by
// name, demonym or capital, a quotation or two, and dates spread over two
// years. The same seed gives the same corpus.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"attache/sources"
)

// Place is a country as the generator names it.
type Place struct{ Name, Demonym, Capital string }

// Places are the countries the generator writes about; the first ones come
// up most often, as in real news.
var Places = []Place{
	{"United States", "American", "Washington"}, {"China", "Chinese", "Beijing"}, {"Russia", "Russian", "Moscow"},
	{"Ukraine", "Ukrainian", "Kyiv"}, {"Japan", "Japanese", "Tokyo"}, {"Italy", "Italian", "Rome"},
	{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"India", "Indian", "New Delhi"},
	{"United Kingdom", "British", "London"}, {"Brazil", "Brazilian", "Brasilia"}, {"Turkey", "Turkish", "Ankara"},
	{"South Korea", "South Korean", "Seoul"}, {"Australia", "Australian", "Canberra"}, {"Canada", "Canadian", "Ottawa"},
	{"Israel", "Israeli", "Jerusalem"}, {"Iran", "Iranian", "Tehran"}, {"Egypt", "Egyptian", "Cairo"},
	{"Saudi Arabia", "Saudi", "Riyadh"}, {"Indonesia", "Indonesian", "Jakarta"}, {"Mexico", "Mexican", "Mexico City"},
	{"Poland", "Polish", "Warsaw"}, {"Spain", "Spanish", "Madrid"}, {"Nigeria", "Nigerian", "Abuja"},
	{"South Africa", "South African", "Pretoria"}, {"Vietnam", "Vietnamese", "Hanoi"}, {"Philippines", "Philippine", "Manila"},
	{"Pakistan", "Pakistani", "Islamabad"}, {"Argentina", "Argentine", "Buenos Aires"}, {"Kenya", "Kenyan", "Nairobi"},
}

var (
	onsets  = []string{"b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "st", "tr", "gr", "pl", "cl"}
	nuclei  = []string{"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"}
	codas   = []string{"", "n", "r", "s", "t", "l", "nd", "st", "rt", "m"}
	verbs   = []string{"said", "told reporters", "said in a statement", "added"}
	titles  = []string{"Foreign Minister", "Prime Minister", "President", "Defence Minister", "Trade Minister", "Ambassador"}
	firsts  = []string{"Anna", "Marco", "Yuki", "Li", "Olga", "Pierre", "Ravi", "Sarah", "Kemal", "Ana", "Jonas", "Mei"}
	lasts   = []string{"Rossi", "Tanaka", "Wang", "Ivanova", "Dubois", "Sharma", "Cohen", "Yilmaz", "Silva", "Weber", "Kim", "Novak"}
	topical = []string{"talks", "summit", "agreement", "sanctions", "trade", "security", "defence", "visit", "ministers", "cooperation", "treaty", "border", "energy", "tariffs", "aid", "envoy"}
)

// Generator makes articles.
type Generator struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	start time.Time
	span  time.Duration
	n     int
}

// New returns a generator with a vocabulary of 20,000 invented words,
// dates from start over span.
func New(seed uint64, start time.Time, span time.Duration) *Generator {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	g := &Generator{rng: rng, start: start, span: span}
	seen := map[string]bool{}
	for len(g.vocab) < 20000 {
		var b strings.Builder
		for s := 0; s < 1+rng.IntN(3); s++ {
			b.WriteString(onsets[rng.IntN(len(onsets))] + nuclei[rng.IntN(len(nuclei))] + codas[rng.IntN(len(codas))])
		}
		w := b.String()
		if !seen[w] && len(w) > 1 {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	// Common English glue words head the Zipf ranking.
	g.vocab = append(strings.Fields("the of and to in a that for on with as by was is at from it said its has be were their have will an not which"), g.vocab...)
	g.zipf = rand.NewZipf(rng, 1.07, 2, uint64(len(g.vocab)-1))
	return g
}

// Article returns the next article.
func (g *Generator) Article() sources.Article {
	g.n++
	places := g.places()
	published := g.start.Add(time.Duration(g.rng.Int64N(int64(g.span)))).UTC().Truncate(time.Second)
	var paras []string
	words := 0
	for words < 600 {
		p := g.paragraph(places)
		words += len(strings.Fields(p))
		paras = append(paras, p)
	}
	topic := topical[g.rng.IntN(len(topical))]
	title := fmt.Sprintf("%s and %s hold %s on %s", places[0].Name, places[len(places)-1].Name, topic, g.word())
	if len(places) == 1 {
		title = fmt.Sprintf("%s %s %s %s", places[0].Name, g.word(), topic, g.word())
	}
	return sources.Article{
		Title:     title,
		URL:       fmt.Sprintf("https://news%d.example/%s/%d", g.n%40, published.Format("2006/01/02"), g.n),
		Source:    fmt.Sprintf("Outlet %d", g.n%40),
		Published: published,
		Fetched:   published.Add(time.Hour),
		Text:      strings.Join(paras, "\n\n"),
	}
}

func (g *Generator) places() []Place {
	n := 1 + g.rng.IntN(3)
	out := make([]Place, 0, n)
	for len(out) < n {
		// Skewed towards the first places.
		i := int(float64(len(Places)) * g.rng.Float64() * g.rng.Float64())
		dup := false
		for _, p := range out {
			if p == Places[i] {
				dup = true
			}
		}
		if !dup {
			out = append(out, Places[i])
		}
	}
	return out
}

func (g *Generator) word() string { return g.vocab[g.zipf.Uint64()] }

func (g *Generator) sentence(places []Place) string {
	n := 8 + g.rng.IntN(20)
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	// Name a place in most sentences, in one of three ways.
	if g.rng.IntN(3) > 0 {
		p := places[g.rng.IntN(len(places))]
		name := [...]string{p.Name, p.Demonym, p.Capital}[g.rng.IntN(3)]
		ws[g.rng.IntN(n)] = name
	}
	ws[g.rng.IntN(n)] = topical[g.rng.IntN(len(topical))]
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *Generator) paragraph(places []Place) string {
	var ss []string
	for i := 0; i < 2+g.rng.IntN(3); i++ {
		ss = append(ss, g.sentence(places))
	}
	if g.rng.IntN(5) == 0 {
		p := places[g.rng.IntN(len(places))]
		q := strings.TrimSuffix(g.sentence(places), ".")
		ss = append(ss, fmt.Sprintf("“%s,” %s %s %s %s %s.", q, verbs[g.rng.IntN(len(verbs))], p.Demonym,
			strings.ToLower(titles[g.rng.IntN(len(titles))]), firsts[g.rng.IntN(len(firsts))], lasts[g.rng.IntN(len(lasts))]))
	}
	return strings.Join(ss, " ")
}
