package tone

import "strings"

// mood is how a sentence holds a cue: as done, intended, negated...
type mood uint8

const (
	done         mood = iota // it happened or is in force
	intended                 // will, may, plans to, threatened to, agreed to
	negated                  // not, no, never, without
	refused                  // refused to, rejected, declined to, failed to
	denied                   // denied
	hypothetical             // if, unless, whether
	reversed                 // lifted, eased, ended (a measure)
	opposed                  // opposed, criticised, protested (a measure)
	demanded                 // forced to, pressed to, told to (cooperation wrung out)
	speculative              // expected to, likely to, believes (an outsider's guess)
	considered               // considering, weighing, studying (an option, not a decision)
)

// Word sets the reading rules use (base forms).
var (
	modalWords = set("will would may might could shall should can must 'll")
	negWords   = set("not no never without nor neither none cannot nothing fail failed fails failing failure")
	// intentWords govern an infinitive or a noun as something not yet
	// done: "agreed to lend", "plans to impose", "threat of sanctions".
	intentWords = set("agree plan threaten want seek offer propose intend expect hope aim prepare ready likely " +
		"set due go promise pledge vow consider try ask urge call demand wish need able willing prepared study " +
		"weigh mull contemplate discuss negotiate recommend favour favor support back plans intention bid " +
		"effort attempt possibility option proposal idea threat warning fear risk move press push decide-against " +
		"expected could possible unlikely considering planning proposing threatening seeking mulling weighing " +
		"studying contemplating examining preparing talk talks negotiation negotiations request appeal")
	// doneWords govern an infinitive as something done: "decided to
	// impose", "began to withdraw".
	doneWords   = set("decide begin start continue vote resume proceed step steps measure measures action")
	refuseWords = set("refuse decline reject oppose resist unwilling unwillingness reluctant reluctance")
	// guessWords make a cue someone's guess: "is expected to get
	// approval", "believes Brazil will strike an agreement".
	guessWords = set("expected likely unlikely believe believes believed predicted predicts speculation speculated rumour rumours rumor rumors possibility expects")
	// considerWords hold an act as an option: "is considering sanctions"
	// threatens, "considering buying" decides nothing.
	considerWords = set("consider considering considered mull mulling weigh weighing study studying examine examining contemplate contemplating")
	// demandWords wring an act out of the other: "force Tokyo to open".
	demandWords = set("force compel press pressure push urge demand tell told coerce oblige require")
	hypoWords   = set("if unless whether")
	// reverseWords undo a measure: "lifted sanctions", "eased curbs".
	reverseWords = set("lift ease relax end remove scrap drop waive abolish eliminate cut reduce lower suspend rescind " +
		"withdraw revoke phase dismantle loosen exempt exemption lifting easing removal end")
	// stopWords undo cooperation: "suspended aid", "cut off credit".
	stopWords = set("suspend halt cut stop freeze cancel withdraw end terminate block bar ban deny")
	// opposeWords turn a measure into the words against it: "protested
	// against the tariffs", "opposed the ban".
	opposeWords = set("oppose reject criticise criticize condemn protest fight resist challenge attack deplore " +
		"denounce complain dispute question appeal retaliate")
	// clauseBreaks end the stretch of words that modify a cue.
	clauseBreaks = set("; : ( ) \" “ ” but while although though whereas however after before because since when which who despite that")
)

// moodOf reads how the sentence holds the cue at m: the words between the
// start of its clause and its trigger, nearest first. A noun's own words
// are near it ("no talks", "threat of sanctions"); a verb's reach back to
// its subject ("Japan said it would not impose").
func moodOf(ws []word, m match) mood {
	t := m.trigger()
	noun := m.cue.kind == measure || m.cue.kind == state
	if t > 0 && !noun {
		// A verb's form used as a noun: "the U.S. attack on Iran", "a
		// raid".
		p := ws[t-1].Lower
		noun = p == "the" || p == "a" || p == "an" || p == "its" || p == "their" || ws[t-1].Cap && strings.HasSuffix(p, ".")
	}
	reach := 8
	if noun {
		reach = 4
	}
	from := t - reach
	if from < 0 {
		from = 0
	}
	for i := t - 1; i >= from; i-- {
		w := &ws[i]
		if clauseBreaks[w.Lower] || w.Lower == "," && !(i > 0 && modalWords[ws[i-1].Lower]) {
			break
		}
		near := t-i <= 2
		switch {
		case hypoWords[w.Lower]:
			return hypothetical
		case guessWords[w.Lower]:
			return speculative
		case near && anyBase(w, considerWords):
			return considered
		case negWords[w.Lower] || strings.HasSuffix(w.Lower, "n't"):
			if i+1 < t && ws[i+1].is("only") {
				continue
			}
			return negated
		case w.is("deny") || w.Lower == "denial":
			return denied
		case anyBase(w, refuseWords):
			return refused
		case w.Lower == "rule" || w.Lower == "ruled" || w.Lower == "rules":
			if i+1 < len(ws) && ws[i+1].Lower == "out" {
				return refused
			}
		case m.cue.kind == measure && anyBase(w, reverseWords) && m.cue.class.Conflict():
			return reversed
		case m.cue.kind == measure && anyBase(w, stopWords) && m.cue.class.Cooperation():
			return reversed
		case m.cue.kind == measure && anyBase(w, opposeWords):
			return opposed
		case modalWords[w.Lower]:
			return guessedOr(ws, from, i, intended)
		case w.Lower == "to" && (i == t-1 || i == t-2 && (ws[t-1].Lower == "be" || strings.HasSuffix(ws[t-1].Lower, "ly"))):
			// The word governing the infinitive decides: "decided to
			// impose" is done, "refused to sign" refused, "forced Tokyo
			// to open" demanded, "agreed to lend" intended.
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				g := &ws[j]
				if g.Punct {
					break
				}
				if j == i-1 && (negWords[g.Lower] || strings.HasSuffix(g.Lower, "n't")) {
					return negated
				}
				if guessWords[g.Lower] {
					return speculative
				}
				if j == i-1 && anyBase(g, considerWords) {
					return considered
				}
				if anyBase(g, demandWords) {
					return demanded
				}
				if j < i-1 && !ws[i-1].Punct && (g.is("want") || g.is("call") && ws[j+1].Lower == "on") {
					// "wants Japan to open", "called on Tokyo to cut":
					// what one asks of another, not its own intent.
					return demanded
				}
				if j == i-1 && anyBase(g, doneWords) {
					return done
				}
				if anyBase(g, refuseWords) {
					return refused
				}
			}
			return intended
		case near && anyBase(w, intentWords):
			return guessedOr(ws, from, i, intended)
		}
	}
	if strings.HasSuffix(ws[t].Lower, "ing") && t > 0 && anyBase(&ws[t-1], intentWords) {
		return intended
	}
	if m.cue.yieldable && m.cue.class.Conflict() && liftedAfter(ws, m.last()) {
		return reversed
	}
	// A condition anywhere in the clause holds what it governs: "a
	// question whether the U.S. should expand the programme to cover grain
	// sales to the Soviet Union".
	for i := t - 1; i >= 0 && i >= t-14; i-- {
		w := ws[i].Lower
		if clauseBreaks[w] && w != "that" || w == ";" {
			break
		}
		if hypoWords[w] {
			return hypothetical
		}
	}
	return done
}

// liftedAfter reports whether a measure is said, after it, to have been
// undone: "sanctions imposed in 1998 ... were lifted", "the ban has been
// eased". Only a deed done counts; "will be lifted" is not yet one.
func liftedAfter(ws []word, last int) bool {
	for i := last + 1; i+1 < len(ws) && i <= last+10; i++ {
		w := ws[i].Lower
		if w == "," || w == ";" || w == ":" || w == "(" || w == "but" {
			return false
		}
		if w != "was" && w != "were" && w != "is" && w != "are" && w != "been" {
			continue
		}
		if modalWords[ws[i-1].Lower] {
			return false
		}
		if n := &ws[i+1]; strings.HasSuffix(n.Lower, "ed") && anyBase(n, reverseWords) {
			return true
		}
	}
	return false
}

// guessedOr looks further back than an intent for a guess or a condition
// that holds it ("he believes Brazil will strike an agreement", "if it
// would ..."), and returns md when there is none.
func guessedOr(ws []word, from, i int, md mood) mood {
	for j := i - 1; j >= from; j-- {
		w := ws[j].Lower
		if clauseBreaks[w] && w != "that" {
			break
		}
		switch {
		case hypoWords[w]:
			return hypothetical
		case guessWords[w]:
			return speculative
		}
	}
	return md
}

func anyBase(w *word, s map[string]bool) bool {
	for i := 0; i < w.n; i++ {
		if s[w.lemmas[i]] {
			return true
		}
	}
	return false
}

// shift moves a cue's plain class by the mood it is held in.
func shift(c Class, k cueKind, md mood) Class {
	switch md {
	case done:
		return c
	case hypothetical:
		return Neither
	case intended:
		switch c {
		case MaterialCooperation:
			return VerbalCooperation
		case MaterialConflict:
			return VerbalConflict
		}
		return c
	case negated:
		return Neither
	case refused:
		if c.Cooperation() {
			return VerbalConflict
		}
		return Neither
	case denied:
		if c.Conflict() {
			return VerbalConflict
		}
		return Neither
	case reversed:
		switch c {
		case MaterialConflict, VerbalConflict:
			return MaterialCooperation
		case MaterialCooperation, VerbalCooperation:
			return MaterialConflict
		}
	case opposed:
		return VerbalConflict
	case demanded:
		if c.Cooperation() {
			return VerbalConflict
		}
		return shift(c, k, intended)
	case speculative:
		return Neither
	case considered:
		if c.Conflict() {
			return VerbalConflict
		}
		return Neither
	}
	return c
}
