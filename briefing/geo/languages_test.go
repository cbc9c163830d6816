package geo

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// languageCase is a sentence in one language and the countries it names.
type languageCase struct {
	text string
	want []string // sorted
}

// Each language of newsLanguages, with names that count and words that
// look like names and do not.
func TestCountryNamesInOtherLanguages(t *testing.T) {
	g := mustNew(t)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string][]languageCase{
		"zh": {
			{"日本和意大利外长周一举行会谈，并讨论了印度尼西亚局势。", []string{"ID", "IT", "JP"}},
			{"美国与中国就贸易问题进行磋商。", []string{"CN", "US"}},
			{"朝鲜半岛局势和日本海渔业问题受到关注。", nil}, // places named after states
			{"中非合作论坛部长级会议在北京开幕。", nil},   // 中非: China and Africa, not the Central African Republic
		},
		"ja": {
			{"日本とイタリアの首脳が会談し、インドネシアとインドの情勢についても話し合った。", []string{"ID", "IN", "IT", "JP"}},
			{"北朝鮮のミサイル発射を受け、韓国が対応を協議した。", []string{"KP", "KR"}},
			{"マリアさんはインドア派で、日本海に近い町に住んでいる。", nil}, // マリ in マリア, インド in インドア
		},
		"ko": {
			{"일본과 이탈리아는 정상회담에서 중국의 역할을 논의했다.", []string{"CN", "IT", "JP"}},
			{"북한이 미사일을 발사하자 미국은 규탄했다.", []string{"KP", "US"}},
			{"정부는 인도적 지원을 약속했다.", nil}, // 인도적: humanitarian
			{"인도는 인도양에서 훈련을 했다.", []string{"IN"}},
		},
		"de": {
			{"Die Regierungen Japans und Italiens vereinbarten am Montag eine engere Zusammenarbeit mit Frankreich.", []string{"FR", "IT", "JP"}},
			{"Die Türkei und Griechenland haben sich auf Gespräche über die Zukunft der Insel geeinigt.", []string{"GR", "TR"}},
		},
		"fr": {
			{"Le Japon et l'Italie ont signé un accord avec la Corée du Sud pour un avion de combat.", []string{"IT", "JP", "KR"}},
			{"Maurice Papon a été jugé pour son rôle dans la déportation des juifs de la région.", nil}, // a person
		},
		"es": {
			{"Los ministros de Japón y Corea del Sur se reunieron con la delegación de Estados Unidos para hablar del comercio.", []string{"JP", "KR", "US"}},
			{"Mauricio Pérez visitó la sede del partido con los dirigentes de la provincia.", nil}, // a person
		},
		"pt": {
			{"O Brasil e a Índia assinaram um acordo com a Alemanha para ampliar o comércio.", []string{"BR", "DE", "IN"}},
		},
		"it": {
			{"Il governo e il Giappone hanno firmato un accordo con la Germania per il caccia di nuova generazione.", []string{"DE", "JP"}},
			{"Gli Stati Uniti e la Cina sono al centro del vertice, che si è aperto con un appello della Francia.", []string{"CN", "FR", "US"}},
		},
		"ru": {
			{"Министры иностранных дел России и Китая встретились в Японии.", []string{"CN", "JP", "RU"}},
			{"Переговоры с Украиной продолжатся, заявили в Германии.", []string{"DE", "UA"}},
			{"Того же мнения придерживается министр.", nil}, // того: of that
		},
		"hi": {
			{"भारत और जापान के प्रधानमंत्रियों ने इटली में मुलाकात की।", []string{"IN", "IT", "JP"}},
			{"फ्रांस और चीन के बीच बातचीत हुई।", []string{"CN", "FR"}}, // फ्रांस written without the nukta
			{"माली ने बगीचे में नए पौधे लगाए।", nil},                   // माली: the gardener
		},
	}
	for _, lang := range newsLanguages {
		if len(cases[lang]) == 0 {
			t.Errorf("no test for %s", lang)
		}
		for _, c := range cases[lang] {
			if got := g.Tag(c.text, at); !slices.Equal(got, c.want) {
				t.Errorf("%s: Tag(%q) = %v, want %v", lang, c.text, got, c.want)
			}
		}
	}
}

// Every function word fits latinLanguage's buffer: a longer one would
// never be counted.
func TestFunctionWordsFitTheBuffer(t *testing.T) {
	for l, words := range latinFunctionWords {
		for _, w := range words {
			if len(w) > maxFunctionWord {
				t.Errorf("%s function word %q is %d bytes, more than maxFunctionWord (%d)", latinLanguages[l], w, len(w), maxFunctionWord)
			}
		}
	}
}

// Names from the other languages never tag English text: German "Island"
// is Iceland, French "Maurice" is Mauritius.
func TestOtherLanguagesLeaveEnglishAlone(t *testing.T) {
	g := mustNew(t)
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, text := range []string{
		"Rhode Island and Long Island were hit by the storm, and the governor said the damage was the worst in years.",
		"Maurice Greene, who won the race, said the crowd was with him from the start.",
		"The Corea restaurant group and the Alemania bakery were both in the news on Monday, the owners said.",
	} {
		if got := g.Tag(text, at); len(got) != 0 {
			t.Errorf("Tag(%q) = %v, want nothing", text, got)
		}
	}
}

// The mentions of a foreign name are where the name is written.
func TestForeignMentionOffsets(t *testing.T) {
	g := mustNew(t)
	text := "日本とイタリアが会談した。"
	ms := g.Mentions(text, time.Time{})
	var got []string
	for _, m := range ms {
		got = append(got, m.Code+"="+text[m.Start:m.End])
	}
	if strings.Join(got, " ") != "JP=日本 IT=イタリア" {
		t.Errorf("Mentions = %v, want JP=日本 IT=イタリア", got)
	}
}

// BenchmarkForeignScanProse measures what the other languages add to
// tagging English prose (compare BenchmarkTagProse, which includes it).
func BenchmarkForeignScanProse(b *testing.B) {
	g := mustNew(b)
	set := readLabelled(b)
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(set[i%len(set)].text)
		for k := 0; k < 6; k++ {
			sb.WriteByte(' ')
			sb.WriteString(filler[(i+k)%len(filler)])
		}
		sb.WriteString("\n\n")
	}
	text := sb.String()
	g.foreignOnce.Do(func() { g.foreign = newForeignIndex(g.entities) })
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if len(g.foreign.scan(text)) != 0 {
			b.Fatal("foreign names in English prose")
		}
	}
}
