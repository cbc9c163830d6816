package clean

import (
	"reflect"
	"strings"
	"testing"

	"attache/sources/doc"
)

func paras(texts ...string) []doc.Block {
	out := make([]doc.Block, len(texts))
	for i, t := range texts {
		out[i] = doc.Block{Kind: doc.Paragraph, Text: t}
	}
	return out
}

func texts(blocks []doc.Block) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Text
	}
	return out
}

// Two real paragraphs that surround the furniture under test.
const (
	lead = "Japan and Italy agreed on Monday to hold joint naval drills in the western Pacific, officials in Tokyo said."
	body = "The ministers also agreed to share satellite data on shipping, a step that analysts described as modest but overdue."
)

func TestBlocksRemovesFurniture(t *testing.T) {
	cases := []struct {
		name      string
		furniture []string
	}{
		{"share counter", []string{"0"}},
		{"counter with a word", []string{"12 Comments", "1.2K shares"}},
		{"comments closed", []string{"Comments are closed."}},
		{"comment prompt", []string{"Leave a Reply", "Post Comment"}},
		{"copyright", []string{"Copyright © 2024 Harbour Ledger. All Rights Reserved"}},
		{"copyright sign inside", []string{"Via Example Wire © 2019 Example Arab"}},
		{"exit mobile version", []string{"Exit mobile version"}},
		{"skip link", []string{"Skip to content"}},
		{"cookie prompt", []string{"This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt out if you wish. Accept Read More"}},
		{"newsletter prompt", []string{"Sign up for our free daily newsletter, delivered to your inbox every morning."}},
		{"newsletter prompt", []string{"Sign up for our newsletter to get the day's top stories in your inbox."}},
		{"related list in German", []string{"Mehr zum Thema", "Japan erhöht den Verteidigungsetat", "Meloni trifft Kishida in Rom"}},
		{"read also inline in French", []string{"À lire aussi : Ce que l'Italie attend de sa présidence du G7"}},
		{"read also inline in German", []string{"Lesen Sie auch: Was Italien vom G7-Vorsitz erwartet"}},
		{"see also inline in Spanish", []string{"VEA TAMBIÉN: Japón eleva su presupuesto de defensa"}},
		{"related marker with an exclamation", []string{"Das könnte Sie auch interessieren!", "Japan erhöht den Verteidigungsetat"}},
		{"dateline in German", []string{"Aktualisiert: 03.04.2020, 14:12 Uhr"}},
		{"comment form note", []string{"Your email address will not be published. Required fields are marked *"}},
		{"comment form note in German", []string{"Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"}},
		{"dateline in French", []string{"Mis à jour le 12 mars 2024 à 08h15"}},
		{"app prompt", []string{"CLICK HERE TO GET THE LEDGER APP"}},
		{"read more inline", []string{"Read more: What Italy wants from its G7 year"}},
		{"related inline", []string{"RELATED: Japan lifts defence budget to record high"}},
		{"related post inline", []string{"Related post: Pickled Onion Recipe"}},
		{"related list", []string{"Related", "Japan lifts defence budget to record high", "Meloni and Kishida meet in Rome"}},
		{"recommended list", []string{"You may also like", "Ten ports to watch this year", "Why frigates matter"}},
		{"photo credit", []string{"Photo: Aiko Mori/Harbour Ledger"}},
		{"caption with credit", []string{"Naval officers from both countries at the Yokosuka pier. (AP Photo/Jane Roe, File)"}},
		{"caption with slash credit", []string{"Smoke rises over the harbour at dawn. Jane Roe/Getty Images"}},
		{"caption with agency after pipe", []string{"Delegates arrive for the talks. Jane Roe | Bloomberg | Getty Images"}},
		{"caption glued to credit", []string{"The hospital where patients were treatedCredit: EPA"}},
		{"image copyright caption", []string{"Image copyright Getty Images Image caption The minister spoke after the talks"}},
		{"advertisement", []string{"Advertisement", "ADVERTISEMENT", "Story continues below advertisement"}},
		{"byline", []string{"By Marta Bellini and Kenji Arai"}},
		{"dateline", []string{"Published 11:34 PM EST Nov 19, 2019"}},
		{"dateline with wire name", []string{"Example Wire Services Published 11:11 PM EST Nov 19, 2019"}},
		{"posted on", []string{"Posted on March 30, 2015 by Admin"}},
		{"bare date", []string{"November 20, 2019 15:23"}},
		{"share bar", []string{"Share Tweet Pin Email"}},
		{"social follow", []string{"Follow the Ledger on Twitter, Facebook and Instagram"}},
		{"click to tweet", []string{"Click To Tweet"}},
		{"wire credits", []string{"(Reporting by Jane Roe; Editing by John Doe)"}},
		{"contributed", []string{"John Doe contributed reporting from Hong Kong."}},
		{"affiliate note", []string{"This post may contain affiliate and/or referral links. Please see my disclosure page."}},
		{"bare url", []string{"https://www.example.com/news/article-14847854.php"}},
		{"punctuation only", []string{"***", "___"}},
		// prompts to install a site's app, in a sentence of its own
		{"app prompt in a sentence", []string{"Get every harbour story first, straight to your phone with the Ledger app."}},
		{"app prompt naming the stores", []string{"For the tide tables and every harbour story, download the Ledger apps for iOS and Android."}},
		{"app prompt in Spanish", []string{"Descarga nuestra app gratuita para iOS y Android."}},
		{"newsletter prompt, signing up", []string{"Don't miss a tide table again by signing up to our weekly newsletter."}},
		// the notes of a comment form, in the languages of the corpus
		{"login to comment in German", []string{"Um diesen Beitrag kommentieren zu können, müssen Sie angemeldet sein."}},
		{"login to comment", []string{"You must be logged in to post a comment."}},
		{"login to comment in Spanish", []string{"Debes estar registrado para publicar un comentario."}},
		{"comments closed in German", []string{"Keine Kommentare Kommentare sind geschlossen."}},
		{"comments closed in French", []string{"Les commentaires sont fermés."}},
		{"dateline in Swiss German", []string{"Publiziert: 12.03.2024, 08:15"}},
		// figure labels in the text, in the corpus's languages
		{"figure label in German", []string{"Abbildung 2: Der Hafen bei Ebbe, von der Mole aus gesehen."}},
		{"figure label", []string{"Figure 3: Tide heights over one week in March."}},
		{"title image in German", []string{"Titelbild: der Hafen im Morgennebel, vom Leuchtturm aus"}},
		{"illustration in French", []string{"Image illustrative : des bateaux de pêche au port de Sète"}},
		// a date and the section the article was filed in
		{"date and section", []string{"02.02.2022 | Frauen-Team"}},
		{"date and kind", []string{"14.03.2024 Meldung"}},
		// list markers that name their topic, and their lists
		{"topic marker in German", []string{"Mehr zu Hafen und Fähren", "Neue Fähre ab Mai", "Hafenfest abgesagt"}},
		{"read also the following", []string{"Lesen Sie auch die folgenden Beiträge:", "Neue Fähre ab Mai"}},
		{"topic marker in French", []string{"Articles et vidéos sur le sujet", "Le port en hiver"}},
		{"more on a topic", []string{"More on the harbour:", "A new ferry from May"}},
		// teasers for other pages, cut short
		{"teaser with a more link in German", []string{"Wie der Hafen im Winter eisfrei bleibt… mehr •••"}},
		{"teaser closed by a blog engine", []string{"The old lighthouse keeper's cottage opens to visitors this summer, and we went to see it before the crowds arrive, with a thermos and [...]"}},
		// prompts to follow the site on a network or channel
		{"follow prompt in German", []string{"Folgt uns auch auf Instagram, dort gibt es jeden Tag ein Foto aus dem Hafen."}},
		{"channel prompt in Spanish", []string{"¡Síguenos en nuestro canal de Telegram para no perderte nada!"}},
		{"group prompt", []string{"Join our harbour walkers' Facebook group to meet other readers."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := paras(append(append([]string{lead}, c.furniture...), body)...)
			got := texts(Blocks(in))
			want := []string{lead, body}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Blocks kept %q, want %q", got, want)
			}
		})
	}
}

func TestBlocksRemovesTrailingFooter(t *testing.T) {
	cases := []struct {
		name   string
		footer []string
	}{
		{"tags", []string{"Tags: Japan, Italy, defence"}},
		{"filed under", []string{"Filed under World"}},
		{"source", []string{"SOURCE: News agencies"}},
		{"via", []string{"Via Example Wire"}},
		{"author note", []string{"Jane Roe is a reporter for The Harbour Ledger covering Asia."}},
		{"author note with address", []string{"Jane Roe (jane@example.com) is the editor of The Harbour Ledger."}},
		{"site footer", []string{"Comments are closed.", "Copyright © 2024 Harbour Ledger. All Rights Reserved", "Exit mobile version"}},
		// the lines that blog engines' themes print under a post
		{"entry posted in", []string{"This entry was posted in Harbour news. Bookmark the permalink."}},
		{"entry posted in German", []string{"Erstellt am Montag 4. März 2024 um 09:10 und abgelegt unter Hafen, Fähren. Kommentare zu diesem Eintrag im RSS 2.0 Feed."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := paras(append([]string{lead, body}, c.footer...)...)
			got := texts(Blocks(in))
			want := []string{lead, body}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Blocks kept %q, want %q", got, want)
			}
		})
	}
}

// Article text that shares words with furniture must stay.
func TestBlocksKeepsArticleText(t *testing.T) {
	keep := []string{
		"Residents can log in to the council's portal to comment on the plan until Friday.",
		"Mehr als 300 Bürger hatten sich angemeldet, um die Pläne zu kommentieren.",
		"Users can download the new ferry app from Monday, the port authority said.",
		"12.03.2024 war ein besonderer Tag für den Hafen, denn die neue Fähre legte zum ersten Mal an.",
		"Supporters were urged to join the candidate's Telegram channel before the vote.",
		"Mehr zu zahlen als im Vorjahr, klagten viele Fährgäste.",
		"„Wir machen weiter […]“",
		"Foto- und Filmaufnahmen sind im Hafen nur mit einer Genehmigung erlaubt.",
		"The court ruled on copyright law in a case brought by photographers.",
		"The deal was first reported by Reuters.",
		"Analysts told Bloomberg the agreement was modest.",
		"Voters can sign up for the new programme until March.",
		"Users can download the new app from Monday, the ministry said.",
		"Talks may resume in May, a spokesperson said.",
		"Related costs rose by a fifth, the report found.",
		"Read the full statement on the ministry's website, officials said in a post on Monday.",
		"Google said it would stop tracking users with third-party cookies next year.",
		"The photo showed the two leaders shaking hands: neither smiled.",
		"Sources said the deal was close.",
		"Updated figures released by the ministry show exports rising.",
		"By the numbers, the summit was the largest in a decade.",
		"Copyright holders welcomed the ruling on Tuesday.",
		"Kishida said: \"We welcome Italy's presence in the region.\"",
	}
	for _, k := range keep {
		t.Run(k, func(t *testing.T) {
			in := paras(lead, k, body)
			got := texts(Blocks(in))
			want := []string{lead, k, body}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Blocks kept %q, want %q", got, want)
			}
		})
	}
}

func TestBlocksKeepsHeadingsAndKinds(t *testing.T) {
	in := []doc.Block{
		{Kind: doc.Paragraph, Text: lead},
		{Kind: doc.Heading, Text: "The Defense Partnership"},
		{Kind: doc.Paragraph, Text: body},
		{Kind: doc.Heading, Text: "Related Stories"},
		{Kind: doc.Paragraph, Text: "Japan lifts defence budget to record high"},
	}
	got := Blocks(in)
	want := in[:3]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks = %v, want %v", got, want)
	}
}

func TestBlocksFoldsWhitespaceAndDropsEmpty(t *testing.T) {
	in := paras("  Japan and   Italy\n agreed. ", "", "   ")
	got := texts(Blocks(in))
	want := []string{"Japan and Italy agreed."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks = %q, want %q", got, want)
	}
	if in[0].Text != "  Japan and   Italy\n agreed. " {
		t.Errorf("Blocks changed its input: %q", in[0].Text)
	}
}

func TestBlocksEmpty(t *testing.T) {
	if got := Blocks(nil); len(got) != 0 {
		t.Errorf("Blocks(nil) = %v, want none", got)
	}
}

func TestIsCaption(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Photo: Getty", true},
		{"Main image credit: Getty", true},
		{"Hanwha Q Cells was the largest maker. Image: Hanwha Q cells", true},
		{"The minister at the pier (Photo by Jane Roe/Getty Images)", true},
		{"Traders work on the floor. REUTERS/Jane Roe", true},
		{"Image 1 of 5", true},
		{"He said in a video: \"We will win\"", false},
		{"Tensions rose between the two camps.", false},
		{"It ran 24/7 through the summer.", false},
		{"The report was shared by the AP.", false},
	}
	for _, c := range cases {
		if got := isCaption(c.text); got != c.want {
			t.Errorf("isCaption(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestIsDateline(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"November 19, 2019 at 9:45 am", true},
		{"Updated: 2 hours ago", true},
		{"First Published: Tuesday, November 19, 2019 08:38 AM", true},
		{"Talks may resume on Monday", false},
		{"Updated figures show growth", false},
		{"The G7 summit opens on June 13, 2024 in Apulia with eleven leaders", false},
	}
	for _, c := range cases {
		if got := isDateline(c.text); got != c.want {
			t.Errorf("isDateline(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	got := words("Hello, WORLD — 2024! Ünïcode 東京")
	want := []string{"hello", "world", "2024", "ünïcode", "東京"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
	if k := key("  Exit   mobile version! "); k != "exit mobile version" {
		t.Errorf("key = %q", k)
	}
	if !strings.Contains(tail(strings.Repeat("a ", 200)+"end", 20), "end") {
		t.Error("tail lost the end")
	}
}

func TestBlocksRemoveInvisibleCharacters(t *testing.T) {
	in := paras("Im Mit\u00adtel\u00adal\u00adter lag der Ha\u00adfen vor der Stadt\u200b.", "\ufeffZweiter Absatz.")
	got := texts(Blocks(in))
	want := []string{"Im Mittelalter lag der Hafen vor der Stadt.", "Zweiter Absatz."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks = %q, want %q", got, want)
	}
}

// A page may spell an accented letter as the base letter and a combining
// mark (u + U+0308) where a reader, a search or a quote sees "ü": the text
// comes out composed (NFC), as it reads.
func TestBlocksComposeAccents(t *testing.T) {
	in := paras("Vor der Fahrt sollte gepru\u0308ft werden, ob der Gurt lang genug ist.", "Cafe\u0301 au lait, s\u0327a va.")
	got := texts(Blocks(in))
	want := []string{"Vor der Fahrt sollte geprüft werden, ob der Gurt lang genug ist.", "Café au lait, şa va."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks = %q, want %q", got, want)
	}
}
