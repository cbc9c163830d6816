package extract

import (
	"fmt"
	"strings"
	"testing"
)

// Text that the extractor left outside its pick, and the page shows as the
// article's: each page is of our own words, in the markup of common
// templates, and each case lost the text before the reading was completed
// from its surroundings.
func TestSurroundingsOfTheReading(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s+" ", 3) }
	body := `<div class="article-text">
<p>` + long("The ferry company will add two crossings a day from May, its director told the island council on Tuesday.") + `</p>
<p>` + long("Islanders had asked for an earlier boat for years, so that pupils of the secondary school need not stay on the mainland all week.") + `</p>
<p>` + long("The new timetable starts on the first of May and runs until the end of September, when the winter service returns.") + `</p>
</div>`
	// A table of the streets swept, long enough to outweigh any one
	// paragraph.
	var rows string
	for i, street := range strings.Split("Mill Lane, Church Street, Quay Road, Station Hill, Market Square, Bridge Street, School Lane, Chapel Row, Harbour Row, Castle Walk, Orchard Close, Ferry Lane, Kiln Yard, Rope Walk, Tannery Lane, Well Street, Abbey Road, Beacon Hill, Cross Street, Dock Road", ", ") {
		rows += fmt.Sprintf("<tr><td>%s, the whole length of it from end to end</td><td>crew %d of the morning round</td><td>%d bags of leaves, wet and dry together</td></tr>", street, i%4+1, 10+i)
	}
	cases := []struct {
		name string
		page string
		want []string
		not  []string
	}{
		{
			// A lead paragraph in a box of its own between the headline
			// and the body, in words of its own (not the description).
			name: "lead box",
			page: `<html><head><title>Two more ferries a day</title>
<meta name="description" content="The island gets two more crossings a day from May."></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><header><h1>Two more ferries a day</h1>
<div class="intro"><p>After years of petitions, the morning boat that pupils and nurses asked for will finally sail at a quarter to seven.</p></div>
<div class="meta">12 March 2024</div></header>` + body + `</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Harbour wall repaired</a></li><li><a href="/b">Puffins return</a></li></ul></aside>
</body></html>`,
			want: []string{"After years of petitions, the morning boat", "The ferry company will add two crossings"},
			not:  []string{"Harbour wall repaired", "12 March 2024"},
		},
		{
			// A recipe whose ingredients, declared in its JSON-LD, stand
			// in a list above the method.
			name: "recipe ingredients",
			page: `<html><head><title>Harbour fish stew</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Harbour fish stew",
"recipeIngredient":["500 g white fish","2 leeks, sliced","1 litre fish stock","a pinch of saffron"]}</script></head><body>
<div class="recipe"><h1>Harbour fish stew</h1>
<div class="ingredients"><h2>Ingredients</h2><ul><li>500 g white fish</li><li>2 leeks, sliced</li><li>1 litre fish stock</li><li>a pinch of saffron</li></ul></div>
<div class="method"><h2>Method</h2>
<p>` + long("Soften the leeks in a little butter over a low heat for ten minutes, without letting them brown.") + `</p>
<p>` + long("Pour in the stock with the saffron, bring it to a simmer, and add the fish in large pieces.") + `</p>
<p>` + long("Cook for six or seven minutes until the fish flakes, then serve at once with bread.") + `</p></div></div>
</body></html>`,
			want: []string{"500 g white fish", "a pinch of saffron", "Soften the leeks"},
		},
		{
			// A body marked with itemprop="articleBody" whose paragraphs
			// each sit in wrappers of their own, and a table of figures in
			// it that outweighs any one paragraph.
			name: "marked article body",
			page: `<html><head><title>Leaves into pellets</title></head><body>
<article itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Leaves into pellets</h1>
<div itemprop="articleBody">
<div><div class="paragraph"><h2>A pilot in the barn</h2><div class="paragraph-text"><div><p>` + long("In a barn behind the town hall, volunteers dry the autumn leaves that the street sweepers bring in every morning.") + `</p></div></div></div></div>
<div><div class="paragraph"><h2>Ground and pressed</h2><div class="paragraph-text"><div><p>` + long("Once dry, the leaves are ground into a coarse flour and pressed into pellets the size of a fingertip.") + `</p></div></div></div></div>
<div><div class="paragraph"><h2>Ten percent less heat</h2><div class="paragraph-text"><div><p>` + long("The pellets burn in ordinary stoves and give about a tenth less heat than pellets of wood, the engineers say.") + `</p></div></div></div></div>
<table><tr><th>Street</th><th>Sweeper</th><th>Collected</th></tr>` + rows + `</table>
</div></article>
<footer><p>Forest news, published by the growers' association.</p></footer></body></html>`,
			want: []string{"In a barn behind the town hall", "Once dry, the leaves are ground", "The pellets burn in ordinary stoves"},
			not:  []string{"published by the growers' association"},
		},
		{
			// A lead box between the headline and the body whose words
			// open the page's description, which runs on into the body
			// and is cut short: the lead is the article's, not a
			// standfirst repeated from the description.
			name: "lead opening a longer description",
			page: `<html><head><title>Two more ferries a day</title>
<meta property="og:description" content="After years of petitions, the morning boat that pupils and nurses asked for will finally sail at a quarter to seven. The ferry company will add two crossings a day from May, its director [&hellip;]"></head><body>
<main><article><header><h1>Two more ferries a day</h1></header>
<div class="chapo"><p>After years of petitions, the morning boat that pupils and nurses asked for will finally sail at a quarter to seven.</p>
<span class="date">12.03.2024</span></div>` + body + `</article></main>
</body></html>`,
			want: []string{"After years of petitions, the morning boat", "The ferry company will add two crossings"},
		},
		{
			// A paragraph of the body that a script folds away behind a
			// "read more" toggle: the class names the toggle, the text is
			// the article's.
			name: "paragraph behind a read-more toggle",
			page: `<html><head><title>A farmhouse in the hills</title></head><body>
<main><h1>A farmhouse in the hills</h1>
<div class="box"><h2>In short</h2>
<p>We turned our old farmhouse into a holiday home for up to nine guests, with four bedrooms, two bathrooms and a garden with a barbecue.</p>
<p>Dogs are welcome, and the nearest shop is a short drive away in the valley.</p>
<p>` + long("The kitchen has a dishwasher, a microwave and a large fridge, and the living room opens onto a terrace that looks down the valley.") + `</p>
<p>` + long("Children will find a playground, a table-tennis table and a football table in the barn, which stays dry whatever the weather.") + `</p>
<p>` + long("Bed linen and towels are provided, and a washing machine and a dryer stand in the utility room beside the back door.") + `</p></div>
<div class="box"><h2>Where it is</h2><ul><li>Motorway: 6 km</li><li>Station: 30 km</li></ul>
<p class="box-text js_readmore">The village lies among meadows, fields and woods at the edge of the hills, where three countries meet. Footpaths and two long cycle routes start at the door, and the old abbey town is half an hour away by car.</p></div>
</main></body></html>`,
			want: []string{"We turned our old farmhouse", "The village lies among meadows", "the old abbey town is half an hour away"},
		},
		{
			// Places named by a link on their own line, each followed on
			// the next by how to get there, and an address to write to
			// given as a mail link.
			name: "lines of links and mail",
			page: `<html><head><title>Three days out by train</title></head><body><article><h1>Three days out by train</h1>
<p>` + long("You do not need a car for a good day out: every one of these places is a short walk from a station.") + `</p>
<p><a href="https://gardens.example/">The glasshouse gardens</a><br>
ten minutes on foot from the north station</p>
<p><a href="https://climbing.example/">The climbing hall</a><br>
three minutes from the river stop</p>
<p>Tell us your own favourites at:</p>
<p><a href="mailto:daysout@paper.example">daysout@paper.example</a></p>
</article></body></html>`,
			want: []string{"The glasshouse gardens", "The climbing hall", "three minutes from the river stop", "daysout@paper.example"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, err := Extract([]byte(c.page), "https://paper.example/news/1", "text/html")
			if err != nil {
				t.Fatal(err)
			}
			text := page.Text()
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in\n%s", w, text)
				}
			}
			for _, n := range c.not {
				if strings.Contains(text, n) {
					t.Errorf("kept %q in\n%s", n, text)
				}
			}
		})
	}
}
