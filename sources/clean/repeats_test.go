package clean

import (
	"reflect"
	"testing"

	"attache/sources/doc"
)

func TestDropRepeats(t *testing.T) {
	const (
		a = "Japan and Italy agreed on Monday to hold joint naval drills in the western Pacific this summer, the first between the two navies in a decade."
		b = "The ministers also agreed to hold their first consultation on export controls in April and to share satellite data on shipping."
		c = "Analysts in Tokyo said the timing mattered as much as the content of the agreement, with the G7 presidency about to change hands."
	)
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"exact repeat", []string{a, b, a}, []string{a, b}},
		{"repeat with other spacing and case", []string{a, b, "JAPAN and Italy  agreed on Monday to hold joint naval drills in the western Pacific this summer, the first between the two navies in a decade."}, []string{a, b}},
		{"reworded in a few places", []string{a, b, c,
			"Japan and Italy decided on Monday to stage joint naval drills in the western Pacific this summer, the first between the two navies in a decade."},
			[]string{a, b, c}},
		{"re-told in two pieces", []string{
			"During their meeting, the leaders of Japan and Italy agreed to work for the success of the Group of Seven summit, which Italy will chair this year. The meeting became a handover of the G7 presidency. The Japanese prime minister said the two nations plan to deepen their cooperation in defence and security, and will hold their first consultations in March.",
			b, c,
			"At their recent meeting, the two leaders reached an agreement to collaborate towards the success of the upcoming Group of Seven summit, which Italy will chair this year, taking over from Japan. The meeting served as a handover of the G7 presidency.",
			"The Japanese prime minister announced that the two nations decided to deepen their cooperation in defence and security. Their first consultations are scheduled for March.",
		}, []string{
			"During their meeting, the leaders of Japan and Italy agreed to work for the success of the Group of Seven summit, which Italy will chair this year. The meeting became a handover of the G7 presidency. The Japanese prime minister said the two nations plan to deepen their cooperation in defence and security, and will hold their first consultations in March.",
			b, c,
		}},
		{"distinct paragraphs on one topic stay", []string{a, b, c,
			"Italy's navy last sent a ship to Japan in June, when an offshore patrol vessel called at Yokosuka for the first time in 27 years."},
			[]string{a, b, c, "Italy's navy last sent a ship to Japan in June, when an offshore patrol vessel called at Yokosuka for the first time in 27 years."}},
		{"list lines repeat freely", []string{"Lunch: 1 cup rice, 2 eggs, 1 tsp oil, 3 oz chicken.", b, "Lunch: 1 cup rice, 2 eggs, 1 tsp oil, 3 oz chicken."},
			[]string{"Lunch: 1 cup rice, 2 eggs, 1 tsp oil, 3 oz chicken.", b, "Lunch: 1 cup rice, 2 eggs, 1 tsp oil, 3 oz chicken."}},
		{"short lines repeat freely", []string{"He said no.", b, "He said no."}, []string{"He said no.", b, "He said no."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(dropRepeats(paras(tc.in...)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("dropRepeats =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestDropRepeatsLeavesHeadings(t *testing.T) {
	in := []doc.Block{{Kind: doc.Heading, Text: "Background"}, {Kind: doc.Paragraph, Text: "Text."}, {Kind: doc.Heading, Text: "Background"}}
	if got := dropRepeats(in); !reflect.DeepEqual(got, in) {
		t.Errorf("dropRepeats = %v, want %v", got, in)
	}
}

func TestContentTerms(t *testing.T) {
	got := contentTerms("The leaders agreed an agreement in Tokyo 東京都")
	want := []string{"leade", "agree", "agree", "tokyo", "東京", "京都"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contentTerms = %q, want %q", got, want)
	}
}
