package geo

import (
	"encoding/binary"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Country names in other languages come from the Unicode CLDR data that
// golang.org/x/text/language/display carries, not from lists of our own,
// for the languages of the largest news markets after the English-speaking
// ones: Chinese, Japanese, Korean, German, French, Spanish, Portuguese,
// Italian, Russian and Hindi. Arabic is left out: without its short
// vowels, several of its country names are also everyday words ("مالي"
// Mali and "financial", "عمان" Oman and Amman), which only a dictionary
// could tell apart. Only the names are tagged (CLDR has no demonyms for
// most of these languages), and each language by the habits of its
// script:
//   - Chinese and Japanese are written without spaces: a name matches
//     anywhere, the longest first ("印度尼西亚" before "印度"), but not
//     when a place word follows ("日本海", "朝鲜半岛", "印度洋", "佐治亚州"),
//     and a name in katakana only as a whole katakana word ("マリ" is not
//     in "マリア");
//   - Korean attaches particles: a name matches alone or followed by one
//     ("일본과", "미국의"), so that "인도적" (humanitarian) is not India;
//   - Russian declines: the case forms of a one-word name match too
//     ("России", "Китаю", "Ирака");
//   - German adds -s in the genitive ("Japans", "Frankreichs");
//   - the Latin-script languages are read only in text written in that
//     language (told by its commonest words), so that German "Island"
//     (Iceland) never tags an English island; and in French, Spanish,
//     Italian and Portuguese a name followed by a capitalised word is a
//     person's or a firm's ("Mauricio Macri", "Perú Libre").
//
// A name that CLDR gives to two countries ("刚果" before "（金）" and
// "（布）"), or that English reads by a rule of its own ("Georgia",
// "Jordan"), is left out, as are the few that are also common words.
var newsLanguages = [...]string{"zh", "ja", "ko", "de", "fr", "es", "pt", "it", "ru", "hi"}

// commonWordNames are CLDR country names that are also everyday words of
// their language and would tag them.
var commonWordNames = map[string]bool{
	"Того": true, // Russian "того" (of that), capitalised at a sentence's start
	"माली": true, // Hindi "gardener"
}

// latinLanguages are the Latin-script languages told apart by their
// commonest words, English first.
var latinLanguages = [...]string{"en", "de", "fr", "es", "it", "pt"}

// latinFunctionWords are the commonest words of each of latinLanguages,
// by which a text's language is told.
var latinFunctionWords = [len(latinLanguages)][]string{
	{"the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "said", "by", "has", "have", "are", "it", "were", "will"},
	{"der", "die", "und", "das", "den", "nicht", "mit", "ist", "sich", "auf", "für", "dem", "ein", "eine", "von", "wird", "des", "zu"},
	{"le", "la", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "sur", "pas", "au", "aux", "avec", "ont", "été"},
	{"el", "los", "las", "del", "y", "que", "por", "con", "una", "para", "es", "se", "su", "al", "como", "fue", "más", "este"},
	{"il", "della", "che", "di", "e", "per", "una", "gli", "sono", "alla", "delle", "dei", "nel", "ha", "è", "non", "anche", "stato"},
	{"o", "os", "da", "do", "em", "para", "com", "uma", "não", "dos", "das", "ao", "no", "na", "é", "foi", "pelo", "pela"},
}

// Words after a Chinese or Japanese name that make it part of a place
// (a sea, a strait, a peninsula, an ocean, a state of a federation).
var hanPlaceWords = [...]string{"半岛", "半島", "海峡", "海", "洋", "州"}

// koreanParticles may follow a name in Korean.
var koreanParticles = [...]string{
	"은", "는", "이", "가", "을", "를", "의", "과", "와", "에", "에서", "에게", "으로", "로", "도", "만",
	"과의", "와의", "에서의", "으로서", "으로부터", "로부터", "까지", "부터", "보다", "처럼", "과도", "와도",
	"에도", "에는", "에선", "이나", "나", "측", "산", "간", "이라는", "라는", "이며", "이고", "였다", "이다",
}

// foreignIndex finds the CLDR country names of newsLanguages in text.
type foreignIndex struct {
	han    map[rune][]hanName // by first rune, longest first
	latin  map[string]*wordTable
	hangul *wordTable
	cyril  *wordTable
	deva   *wordTable
	// functionWords gives, for each of latinFunctionWords, the indexes
	// of its languages in latinLanguages.
	functionWords map[string][]int
}

// hanName is a Chinese or Japanese name, matched as a substring.
type hanName struct {
	text string
	code string
	kana bool // written in katakana only: matched as a whole word
}

// wordTable holds the names of one language written with spaces, by
// their first word.
type wordTable struct {
	first map[string][]wordName // longest first
	// person: a name followed by a capitalised word is a person's or a
	// firm's (French, Spanish, Italian, Portuguese).
	person bool
}

type wordName struct {
	words []string
	code  string
}

// newForeignIndex builds the index from CLDR for the countries of the
// gazetteer, leaving out the names that English reads by rule and those
// that two countries share.
func newForeignIndex(entities []Entity) *foreignIndex {
	fx := &foreignIndex{han: map[rune][]hanName{}, latin: map[string]*wordTable{}, functionWords: map[string][]int{}}
	for l, words := range latinFunctionWords {
		for _, w := range words {
			fx.functionWords[w] = append(fx.functionWords[w], l)
		}
	}
	english := display.Regions(language.English)
	for _, lang := range newsLanguages {
		namer := display.Regions(language.MustParse(lang))
		byName := map[string]map[string]bool{} // name -> codes
		add := func(name, code string) {
			name = strings.TrimSpace(name)
			if name == "" || commonWordNames[name] || ruleFor[name] != ruleNone {
				return
			}
			if byName[name] == nil {
				byName[name] = map[string]bool{}
			}
			byName[name][code] = true
		}
		for _, e := range entities {
			if e.Kind != Country || len(e.Code) != 2 {
				continue
			}
			// A withdrawn code (DD, SU, YU, CS) is named by CLDR as the
			// state that replaced it, or as another that took the code.
			region, err := language.ParseRegion(e.Code)
			if err != nil || !region.IsCountry() || region.Canonicalize() != region {
				continue
			}
			// A code that CLDR gives to another state than ours (CS:
			// Serbia and Montenegro to CLDR, Czechoslovakia here).
			if !shareAWord(english.Name(region), append([]string{e.Official}, e.Names...)) {
				continue
			}
			name := namer.Name(region)
			if name == "" || name == e.Code {
				continue
			}
			add(name, e.Code)
			// "コンゴ民主共和国(キンシャサ)": the name before the
			// parenthesis is one too.
			if i := strings.IndexAny(name, "(（"); i > 0 {
				add(name[:i], e.Code)
			}
		}
		for name, codes := range byName {
			if len(codes) != 1 {
				continue // shared by two countries
			}
			var code string
			for c := range codes {
				code = c
			}
			fx.add(lang, name, code)
		}
	}
	for r := range fx.han {
		sortHan(fx.han[r])
	}
	for _, t := range []*wordTable{fx.hangul, fx.cyril, fx.deva} {
		t.sort()
	}
	for _, t := range fx.latin {
		t.sort()
	}
	return fx
}

func (fx *foreignIndex) add(lang, name, code string) {
	switch lang {
	case "zh", "ja":
		r, _ := utf8.DecodeRuneInString(name)
		fx.han[r] = append(fx.han[r], hanName{text: name, code: code, kana: allKatakana(name)})
	case "ko":
		fx.hangul = fx.hangul.with(foreignWords(name), code)
	case "ru":
		words := foreignWords(name)
		for _, form := range russianForms(words[len(words)-1]) {
			w := append(append([]string(nil), words[:len(words)-1]...), form)
			fx.cyril = fx.cyril.with(w, code)
		}
	case "hi":
		fx.deva = fx.deva.with(foreignWords(stripNukta(name)), code)
	default:
		t := fx.latin[lang].with(foreignWords(name), code)
		t.person = lang != "de"
		if lang == "de" {
			words := foreignWords(name)
			if last := words[len(words)-1]; germanGenitiveS(last) {
				t = t.with(append(append([]string(nil), words[:len(words)-1]...), last+"s"), code)
			}
		}
		fx.latin[lang] = t
	}
}

func (t *wordTable) with(words []string, code string) *wordTable {
	if t == nil {
		t = &wordTable{first: map[string][]wordName{}}
	}
	if len(words) > 0 {
		t.first[words[0]] = append(t.first[words[0]], wordName{words: words, code: code})
	}
	return t
}

func (t *wordTable) sort() {
	if t == nil {
		return
	}
	for _, names := range t.first {
		sort.SliceStable(names, func(i, j int) bool { return len(names[i].words) > len(names[j].words) })
	}
}

func sortHan(names []hanName) {
	sort.SliceStable(names, func(i, j int) bool { return len(names[i].text) > len(names[j].text) })
}

// shareAWord reports whether name has a word of four letters or more in
// common with one of names.
func shareAWord(name string, names []string) bool {
	for _, w := range foreignWords(name) {
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		for _, n := range names {
			for _, v := range foreignWords(n) {
				if strings.EqualFold(v, w) {
					return true
				}
			}
		}
	}
	return false
}

// russianForms are the case forms of a Russian name's word: its endings by
// the declension that its last letters call for; an indeclinable word
// (ending in о, е, и, у, ю) has one form.
func russianForms(w string) []string {
	forms := []string{w}
	stem := func(n int) string {
		r := []rune(w)
		return string(r[:len(r)-n])
	}
	plus := func(s string, ends ...string) {
		for _, e := range ends {
			forms = append(forms, s+e)
		}
	}
	switch {
	case strings.HasSuffix(w, "ия"):
		plus(stem(1), "и", "ю", "ей", "ею")
	case strings.HasSuffix(w, "а"):
		plus(stem(1), "ы", "и", "е", "у", "ой", "ою")
	case strings.HasSuffix(w, "я"):
		plus(stem(1), "и", "ю", "е", "ей")
	case strings.HasSuffix(w, "й"):
		plus(stem(1), "я", "ю", "ем", "е")
	case strings.HasSuffix(w, "ь"):
		plus(stem(1), "и", "ью", "я", "ю", "ем", "е")
	default:
		last, _ := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune("оеиуюэы", last) && unicode.Is(unicode.Cyrillic, last) {
			plus(w, "а", "у", "ом", "е")
		}
	}
	return forms
}

// germanGenitiveS says whether a German country name takes -s in the
// genitive: neuter names do ("Japans"), feminine ones in -ei or -e and
// names ending in a sibilant do not ("der Türkei", "der Schweiz").
func germanGenitiveS(w string) bool {
	for _, end := range []string{"s", "z", "x", "ß", "e", "ei"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// foreignWords splits a name into words as the text is split: letters,
// marks and digits; everything else separates.
func foreignWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
	})
}

// stripNukta drops the Devanagari nukta, which writers add or leave out
// ("फ़्रांस", "फ्रांस").
func stripNukta(s string) string {
	if !strings.ContainsRune(s, '\u093c') {
		return s
	}
	return strings.ReplaceAll(s, "\u093c", "")
}

// isKatakana reports whether r is a katakana letter or the prolonged
// sound mark, full or half width.
func isKatakana(r rune) bool {
	return unicode.Is(unicode.Katakana, r) || r == 'ー' || r == 'ｰ'
}

func allKatakana(s string) bool {
	for _, r := range s {
		if !isKatakana(r) && r != '・' {
			return false
		}
	}
	return s != ""
}

// scan returns the foreign names in text, in text order.
func (fx *foreignIndex) scan(text string) []found {
	// Which scripts the text uses: a tight loop over ASCII, the bulk of
	// English text, and a look at each other letter.
	var han, hangul, cyril, deva bool
	for i := 0; i < len(text); {
		if i+8 <= len(text) && binary.LittleEndian.Uint64([]byte(text[i:i+8]))&0x8080808080808080 == 0 {
			i += 8 // eight ASCII bytes
			continue
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r < 0x0400: // Latin letters with accents, Greek
		case r <= 0x052f:
			cyril = true
		case r >= 0x0900 && r <= 0x097f:
			deva = true
		case r < 0x1100 || (r >= 0x2000 && r < 0x2e80): // other scripts, punctuation
		case unicode.Is(unicode.Han, r) || isKatakana(r):
			han = true
		case unicode.Is(unicode.Hangul, r):
			hangul = true
		}
	}
	var out []found
	if han {
		out = append(out, fx.scanHan(text)...)
	}
	if hangul {
		out = append(out, fx.hangul.scan(text, unicode.Hangul, koreanParticles[:])...)
	}
	if cyril {
		out = append(out, fx.cyril.scan(text, unicode.Cyrillic, nil)...)
	}
	if deva {
		out = append(out, fx.deva.scan(text, unicode.Devanagari, nil)...)
	}
	if lang := fx.latinLanguage(text); lang != "" {
		out = append(out, fx.latin[lang].scan(text, unicode.Latin, nil)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// scanHan finds Chinese and Japanese names.
func (fx *foreignIndex) scanHan(text string) []found {
	var out []found
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		matched := false
		for _, n := range fx.han[r] {
			if !strings.HasPrefix(text[i:], n.text) {
				continue
			}
			end := i + len(n.text)
			next, _ := utf8.DecodeRuneInString(text[end:])
			if n.kana && (isKatakana(prev) || isKatakana(next)) {
				continue
			}
			if placeFollows(text[end:]) {
				continue
			}
			out = append(out, found{Code: n.code, Start: int32(i), End: int32(end), via: viaIndex(ViaName)})
			last, _ := utf8.DecodeLastRuneInString(n.text)
			prev, i, matched = last, end, true
			break
		}
		if !matched {
			prev, i = r, i+size
		}
	}
	return out
}

func placeFollows(rest string) bool {
	for _, w := range hanPlaceWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// span is one word of text in a script, by byte offsets.
type span struct{ start, end int }

// scriptWords splits text into the words written in one script.
func scriptWords(text string, script *unicode.RangeTable) []span {
	var out []span
	start := -1
	for i, r := range text {
		in := unicode.Is(script, r) || (start >= 0 && (unicode.IsMark(r) || unicode.IsDigit(r)))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// scan finds the table's names in the words of one script; particles are
// endings that may follow a name's last word (Korean).
func (t *wordTable) scan(text string, script *unicode.RangeTable, particles []string) []found {
	if t == nil {
		return nil
	}
	words := scriptWords(text, script)
	word := func(i int) string { return stripNukta(text[words[i].start:words[i].end]) }
	var out []found
	for i := 0; i < len(words); i++ {
		w := word(i)
		cands := t.first[w]
		if particles != nil {
			for _, p := range particles {
				if stem, ok := strings.CutSuffix(w, p); ok && stem != "" {
					cands = append(cands, t.first[stem]...)
				}
			}
		}
		for _, n := range cands {
			k := len(n.words)
			if i+k > len(words) || !onlySpaceBetween(text, words[i:i+k]) {
				continue
			}
			ok := true
			for j, nw := range n.words {
				got := word(i + j)
				if got == nw {
					continue
				}
				if j == k-1 && particles != nil && hasParticle(got, nw, particles) {
					continue
				}
				ok = false
				break
			}
			if !ok {
				continue
			}
			if t.person && i+k < len(words) && onlySpaceBetween(text, words[i+k-1:i+k+1]) && startsUpper(word(i+k)) {
				continue // "Mauricio Macri", "Perú Libre"
			}
			out = append(out, found{Code: n.code, Start: int32(words[i].start), End: int32(words[i+k-1].end), via: viaIndex(ViaName)})
			i += k - 1
			break
		}
	}
	return out
}

func hasParticle(got, name string, particles []string) bool {
	rest, ok := strings.CutPrefix(got, name)
	if !ok {
		return false
	}
	for _, p := range particles {
		if rest == p {
			return true
		}
	}
	return false
}

// onlySpaceBetween reports whether consecutive words are separated by
// spaces or hyphens only ("Guinea-Bissau", "Corée du Sud"), not by a
// sentence's end or a comma.
func onlySpaceBetween(text string, ws []span) bool {
	for i := 1; i < len(ws); i++ {
		gap := text[ws[i-1].end:ws[i].start]
		if strings.TrimLeft(gap, " \u00a0-‐–") != "" || len(gap) > 4 {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// latinLanguage tells the language of a Latin-script text by its
// commonest words, in its first latinSample bytes: the language with the
// most, if not English, with at least three and more than English has;
// else "". It reads a word at a time without allocating and stops once
// the text is plainly English: every article pays it at ingest.
func (fx *foreignIndex) latinLanguage(text string) string {
	if len(text) > latinSample {
		text = text[:latinSample]
	}
	var counts [len(latinLanguages)]int
	var buf [maxFunctionWord]byte
	for i := 0; i < len(text); {
		// The next word: a run of letters.
		c := text[i]
		if c < utf8.RuneSelf && !isASCIILetter(c) {
			i++
			continue
		}
		start, n := i, 0
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				if n < len(buf) {
					buf[n] = c | 0x20
				}
				n++
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			if n+size <= len(buf) {
				n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
			} else {
				n += size
			}
			i += size
		}
		if i == start {
			i++ // a mark or symbol that is no letter
			continue
		}
		if n > len(buf) {
			continue // longer than any function word
		}
		if i == len(text) && len(text) == latinSample {
			break // a word the sample cut
		}
		for _, l := range fx.functionWords[string(buf[:n])] {
			counts[l]++
		}
		if counts[0] >= englishEnough && counts[0] >= 4*maxOther(counts[1:]) {
			return "" // English, and no other language close
		}
	}
	best := 0
	for l := 1; l < len(latinLanguages); l++ {
		if counts[l] > counts[best] || best == 0 {
			best = l
		}
	}
	if counts[best] < 3 || counts[best] <= counts[0] {
		return ""
	}
	return latinLanguages[best]
}

// englishEnough is how many English function words, four times as many as
// any other language's, tell latinLanguage that the text is English
// without reading on: about the first forty words of English prose.
const englishEnough = 12

func maxOther(counts []int) int {
	m := 0
	for _, c := range counts {
		m = max(m, c)
	}
	return m
}

// latinSample is how much of a text latinLanguage reads.
const latinSample = 4096

// maxFunctionWord is the longest of latinFunctionWords, in bytes; longer
// words are skipped unread.
const maxFunctionWord = 6
