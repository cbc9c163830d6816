package tone

import (
	"math"
	"testing"
)

// pinned are sentences written for this test, with the tags the
// classifier gave them when it read its features by name: a change made
// for speed must leave every one as it is (class, roles, cue, reading).
// They pin what ships, not what is right.
var pinned = []struct {
	text, context string
	pair          [2]string
	class         Class
	actor, target string
	cue           string
}{
	// Material conflict by the guide. The model trained on the 2,430
	// lines of the fourth labelling round weighs "shipped" towards
	// cooperation (0.24 against 1.33 for material conflict), and its
	// hedge of 1.5, chosen on the dev set, makes the sentence neither: a
	// known miss of the model as it ships (the model before gave
	// material conflict, "slapped duties").
	{"Canada slapped duties on steel shipped from China after a long inquiry.", "", [2]string{"CA", "CN"}, Neither, "", "", ""},
	{"The Indian prime minister welcomed his Japanese counterpart warmly in New Delhi on Tuesday.", "", [2]string{"IN", "JP"}, VerbalCooperation, "IN", "JP", "welcomed"},
	{"Brazil sold 200,000 tonnes of soybeans to China for June delivery, traders said.", "", [2]string{"BR", "CN"}, MaterialCooperation, "BR", "CN", "sold"},
	{"Germany sharply criticised Russia over the arrest of the two reporters.", "", [2]string{"DE", "RU"}, VerbalConflict, "DE", "RU", "criticised"},
	{"Kenya and Ethiopia signed a pact to share water from the river.", "", [2]string{"KE", "ET"}, MaterialCooperation, "", "", "signed a pact"},
	{"Mexico did not impose new tariffs on American corn, officials said.", "", [2]string{"MX", "US"}, Neither, "", "", ""},
	{"Turkish troops shelled positions held by Syrian forces near the border overnight.", "", [2]string{"TR", "SY"}, MaterialConflict, "TR", "SY", "shelled"},
	{"Australia may ban some imports from Indonesia if the dispute drags on.", "", [2]string{"AU", "ID"}, VerbalConflict, "AU", "ID", "ban"},
	{"Snow fell across Norway and Sweden over the weekend.", "", [2]string{"NO", "SE"}, Neither, "", "", ""},
	{"They also agreed to open talks on a fishing accord next month.", "Officials from Chile and Peru met in Lima on Monday.", [2]string{"CL", "PE"}, VerbalCooperation, "", "", "agreed"},
	{"Egypt denied that it had attacked a Libyan convoy.", "", [2]string{"EG", "LY"}, VerbalConflict, "EG", "LY", "denied"},
	{"France lent Senegal 50 mln euros to build a new port.", "", [2]string{"FR", "SN"}, MaterialCooperation, "FR", "SN", "lent"},
	{"South Korea protested to Japan about the new textbooks.", "", [2]string{"KR", "JP"}, VerbalConflict, "KR", "JP", "protested"},
	{"Poland expelled three Belarusian diplomats on Thursday.", "", [2]string{"PL", "BY"}, MaterialConflict, "PL", "BY", "expelled three Belarusian diplomats"},
}

func pinnedSentence(t *testing.T, k int) Sentence {
	p := pinned[k]
	f := finder(t)
	return Sentence{Text: p.text, Context: p.context, Pair: p.pair, Parties: f.Parties(p.text, zeroTime), ContextParties: f.Parties(p.context, zeroTime)}
}

func TestPinnedTags(t *testing.T) {
	c := New()
	for k, p := range pinned {
		tag := c.Classify(pinnedSentence(t, k))
		if tag.Class != p.class || tag.Actor != p.actor || tag.Target != p.target || tag.Cue != p.cue {
			t.Errorf("%q: got %s (%s on %s) “%s”, want %s (%s on %s) “%s”", p.text, tag.Class, tag.Actor, tag.Target, tag.Cue, p.class, p.actor, p.target, p.cue)
		}
	}
}

// byNames is the learned decision as it reads the features by name (the
// names Featurize gives and Model.Predict weighs): what decideLearned,
// reading them by the model's ids, must match tag for tag.
func byNames(c *Classifier, s Sentence) Tag {
	r := c.analyse(s)
	names := c.features(r)
	cl := c.model.Predict(names)
	if cl == Neither {
		return Tag{Sentence: r.s.Text}
	}
	best, bestScore := -1, math.Inf(-1)
	for k, cd := range r.cands {
		if cd.class == cl && cd.dist <= c.opt.LinkDistance {
			if sc := c.ruleScore(cd); sc > bestScore {
				best, bestScore = k, sc
			}
		}
	}
	if best >= 0 {
		return c.tagFrom(r, r.cands[best])
	}
	return Tag{Sentence: r.evidence(), Class: cl, Reading: "learned"}
}

// The model read by ids gives every sentence the tag it gives when read by
// names: the embedded model, and one trained here whose word features
// decide some sentences with no rule cue ("learned").
func TestIndexedModelReadsAsNames(t *testing.T) {
	sents, gold := trainingSet(t)
	for k := range pinned {
		sents = append(sents, pinnedSentence(t, k))
	}
	o := DefaultTrainOptions()
	o.Prior = 0
	trained := Train(Featurize(sents[:len(gold)], DefaultOptions()), gold, DefaultOptions(), o)
	learned := 0
	for _, c := range []*Classifier{New(), NewLearned(trained)} {
		for _, s := range sents {
			// Read each twice, so that the reused buffers of the first
			// reading are seen by the second.
			for range 2 {
				got, want := c.Classify(s), byNames(c, s)
				if got != want {
					t.Errorf("%q: by ids %+v, by names %+v", s.Text, got, want)
				}
				if got.Reading == "learned" {
					learned++
				}
			}
		}
	}
	if learned == 0 {
		t.Log("no sentence was decided by its words alone")
	}
}
