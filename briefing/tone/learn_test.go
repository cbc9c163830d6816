package tone

import (
	"bytes"
	"fmt"
	"testing"

	"attache/briefing/geo"
)

func TestEmbeddedModel(t *testing.T) {
	m := embeddedModel()
	if m == nil {
		t.Fatal("model.json is not a model")
	}
	if len(m.Weights) < 1000 || m.Options.LinkDistance <= 0 || m.Trained == "" {
		t.Errorf("embedded model: %d features, options %+v, trained %q", len(m.Weights), m.Options, m.Trained)
	}
	if c := New(); c.model != m {
		t.Error("New does not decide with the embedded model")
	}
}

// trainingSet is a small labelled set written for the tests: each class
// said in several ways, about several pairs.
func trainingSet(t *testing.T) ([]Sentence, []Class) {
	t.Helper()
	pairs := [][3]string{{"Japan", "the United States", "JP US"}, {"France", "Germany", "FR DE"}, {"Brazil", "Canada", "BR CA"}, {"India", "China", "IN CN"}}
	kinds := []struct {
		format string
		class  Class
	}{
		{"%s held talks with %s on trade.", VerbalCooperation},
		{"%s praised %s for its help.", VerbalCooperation},
		{"%s signed a trade treaty with %s on Monday.", MaterialCooperation},
		{"%s bought 50,000 tonnes of wheat from %s.", MaterialCooperation},
		{"%s accused %s of dumping steel.", VerbalConflict},
		{"%s threatened %s with sanctions.", VerbalConflict},
		{"%s imposed tariffs on goods from %s.", MaterialConflict},
		{"%s expelled two diplomats of %s.", MaterialConflict},
		{"Rain fell in %s and in %s last week.", Neither},
		{"%s and %s are large markets.", Neither},
	}
	var sents []Sentence
	var gold []Class
	for _, p := range pairs {
		var pair [2]string
		fmt.Sscan(p[2], &pair[0], &pair[1])
		for _, k := range kinds {
			sents = append(sents, sentence(t, fmt.Sprintf(k.format, p[0], p[1]), pair))
			gold = append(gold, k.class)
		}
	}
	return sents, gold
}

func TestTrainIsReproducibleAndLearns(t *testing.T) {
	sents, gold := trainingSet(t)
	o := DefaultTrainOptions()
	o.Prior = 0 // learn from the features alone
	x := Featurize(sents, DefaultOptions())
	a, err := MarshalModel(Train(x, gold, DefaultOptions(), o))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := MarshalModel(Train(x, gold, DefaultOptions(), o))
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same sentences wrote different models")
	}
	m, err := ParseModel(a)
	if err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for i := range x {
		if m.Predict(x[i]) != gold[i] {
			wrong++
		}
	}
	if wrong > len(x)/10 {
		t.Errorf("%d of %d training sentences tagged wrong", wrong, len(x))
	}
	// A sentence it has not seen, said as the training sentences say it.
	c := NewLearned(m)
	got := c.Classify(sentence(t, "Italy accused Spain of dumping steel.", [2]string{"IT", "ES"}))
	if got.Class != VerbalConflict {
		t.Errorf("an unseen accusation: %s", got.Class)
	}
}

func TestParseModelRefusesEmpty(t *testing.T) {
	for _, in := range []string{``, `{}`, `{"weights":{}}`, `[1,2]`} {
		if _, err := ParseModel([]byte(in)); err == nil {
			t.Errorf("ParseModel(%q): want an error", in)
		}
	}
}

// A class that no rule cue stands for is evidenced by its sentence alone:
// no word is shown as its cue and no one as its actor, and it says it was
// learned.
func TestLearnedEvidenceWithoutACue(t *testing.T) {
	m := &Model{Options: DefaultOptions(), Weights: map[string][len(Classes)]float64{
		"w:snub": {0, 0, 0, 5, 0},
		"bias":   {1, 0, 0, 0, 0},
	}}
	text := "Japan snubbed the United States over rice."
	tag := NewLearned(m).Classify(sentence(t, text, [2]string{"JP", "US"}))
	if tag.Class != VerbalConflict || tag.Reading != "learned" || tag.Sentence != text {
		t.Errorf("tag = %+v, want verbal conflict learned, evidenced by its sentence", tag)
	}
	if tag.Cue != "" || tag.CueStart != 0 || tag.CueEnd != 0 || tag.Actor != "" || tag.Target != "" {
		t.Errorf("tag = %+v, want no cue and no roles", tag)
	}
}

// Where the model's class is one a rule cue stands for, the tag keeps that
// cue and its reading.
func TestLearnedEvidenceIsTheRuleCue(t *testing.T) {
	text := "Washington imposed tariffs of 100 pct on Japanese computers on Friday."
	tag := New().Classify(sentence(t, text, [2]string{"US", "JP"}))
	if tag.Class != MaterialConflict || tag.Cue != "imposed tariffs" || tag.Reading != "done" {
		t.Errorf("tag = %+v", tag)
	}
}

func TestChooseTrainingPicksFromTheGrid(t *testing.T) {
	sents, gold := trainingSet(t)
	x := Featurize(sents, DefaultOptions())
	folds := make([]int, len(x))
	for i := range folds {
		folds[i] = i % 4
	}
	g := Grid{L2: []float64{1e-3}, Balance: []float64{0.5}, Prior: []float64{2}, WordL2: []float64{1}, Margins: []float64{0, 1}}
	o := ChooseTraining(x, gold, folds, g)
	if o.L2 != 1e-3 || o.Balance != 0.5 || o.Prior != 2 || o.WordL2 != 1 || (o.Margin != 0 && o.Margin != 1) {
		t.Errorf("chose %s, not a point of the grid", o)
	}
}

// TestChooseTrainingKeepsTheSeed: the grid's seed is the order of the
// training runs the choices are made with, and so of the model's runs.
func TestChooseTrainingKeepsTheSeed(t *testing.T) {
	sents, gold := trainingSet(t)
	x := Featurize(sents, DefaultOptions())
	folds := make([]int, len(x))
	for i := range folds {
		folds[i] = i % 4
	}
	g := Grid{L2: []float64{1e-3}, Balance: []float64{0.5}, Seed: 7}
	if o := ChooseTraining(x, gold, folds, g); o.Seed != 7 {
		t.Errorf("chose %s with seed %d, want the grid's 7", o, o.Seed)
	}
	g.Seed = 0
	if o := ChooseTraining(x, gold, folds, g); o.Seed != DefaultTrainOptions().Seed {
		t.Errorf("no seed in the grid: chose seed %d, want the default %d", o.Seed, DefaultTrainOptions().Seed)
	}
}

func BenchmarkClassify(b *testing.B) {
	f := NewFinder(mustGaz(b))
	texts := []string{
		"Washington imposed tariffs of 100 pct on Japanese computers on Friday, the White House said.",
		"Japanese crushers bought 5,000 tonnes of Canadian rapeseed for May shipment, trade sources said.",
		"U.S. Trade Representative Clayton Yeutter said he doubted Japan could avoid the April 17 imposition of U.S. tariffs on its semiconductor products.",
		"Rain fell over the wheat areas of France and West Germany last week, the report said.",
	}
	pairs := [][2]string{{"US", "JP"}, {"JP", "CA"}, {"US", "JP"}, {"FR", "DE"}}
	sents := make([]Sentence, len(texts))
	for i, s := range texts {
		sents[i] = Sentence{Text: s, Pair: pairs[i], Parties: f.Parties(s, zeroTime)}
	}
	c := New()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		c.Classify(sents[i%len(sents)])
	}
	b.ReportMetric(float64((processCPU()-cpu).Nanoseconds())/1e3/float64(b.N), "cpu_µs/op")
}

func mustGaz(tb testing.TB) *geo.Gazetteer {
	tb.Helper()
	g, err := geo.New()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// TestFingerprintNamesTheModel: retraining the model alone changes the
// rules' fingerprint, so readings stored by the old model are read again.
func TestFingerprintNamesTheModel(t *testing.T) {
	if Fingerprint() != fingerprintOf(modelJSON) {
		t.Fatal("Fingerprint is not the fingerprint of the embedded model")
	}
	other := append([]byte(nil), modelJSON...)
	other = append(other, ' ')
	if fingerprintOf(other) == Fingerprint() {
		t.Error("a different model gives the same fingerprint")
	}
}

// TestTrainRunsAreAveraged: a model of several runs weighs each feature
// by the mean of the runs', each run visiting the sentences in its own
// order.
func TestTrainRunsAreAveraged(t *testing.T) {
	sents, gold := trainingSet(t)
	x := Featurize(sents, DefaultOptions())
	o := DefaultTrainOptions()
	o.Runs = 3
	mean := Train(x, gold, DefaultOptions(), o)
	var singles []*Model
	for r := range 3 {
		so := DefaultTrainOptions()
		so.Seed = o.Seed + uint64(r)
		singles = append(singles, Train(x, gold, DefaultOptions(), so))
	}
	if len(mean.Weights) == 0 {
		t.Fatal("no weights")
	}
	differ := false
	for f, row := range mean.Weights {
		for c := range row {
			want := 0.0
			for _, m := range singles {
				want += m.Weights[f][c]
			}
			want /= 3
			// Each model's weights are rounded to 1e-4 when stored.
			if d := row[c] - want; d > 2e-4 || d < -2e-4 {
				t.Fatalf("%s[%d] = %.4f, want the runs' mean %.4f", f, c, row[c], want)
			}
			if singles[0].Weights[f][c] != singles[1].Weights[f][c] {
				differ = true
			}
		}
	}
	if !differ {
		t.Error("runs in other orders gave the same weights: the seed does not reach the order")
	}
}
