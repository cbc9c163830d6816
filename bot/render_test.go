package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"attache/briefing"
	"attache/sources"

	"github.com/bwmarrin/discordgo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// limitProblems lists every Discord limit a page breaks.
func limitProblems(p page) []string {
	var out []string
	if runes(p.content) > maxContent {
		out = append(out, "content")
	}
	if p.embed == nil {
		if p.content == "" {
			out = append(out, "empty message")
		}
		return out
	}
	e := p.embed
	total := runes(e.Title) + runes(e.Description)
	if runes(e.Title) > maxTitle {
		out = append(out, "title")
	}
	if runes(e.Description) > maxDescription {
		out = append(out, "description")
	}
	if len(e.Fields) > maxFields {
		out = append(out, "field count")
	}
	for _, f := range e.Fields {
		if f.Name == "" || f.Value == "" || runes(f.Name) > maxFieldName || runes(f.Value) > maxFieldValue {
			out = append(out, "field "+f.Name)
		}
		total += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		if runes(e.Footer.Text) > maxFooter {
			out = append(out, "footer")
		}
		total += runes(e.Footer.Text)
	}
	if total > maxEmbedTotal {
		out = append(out, "6000 in all")
	}
	if e.Description == "" && len(e.Fields) == 0 {
		out = append(out, "empty page")
	}
	return out
}

func TestRepliesStayWithinLimits(t *testing.T) {
	huge := strings.Repeat("Ministers said the talks would go on. ", 400) // ~15,000 characters
	tests := []struct {
		name      string
		reply     Reply
		wantPages int // 0: any
	}{
		{"sample brief", BriefReply{Brief: sampleBrief(briefing.Request{})}, 1},
		{"nil brief", BriefReply{}, 1},
		{"empty brief", BriefReply{Brief: &briefing.Brief{}}, 1},
		{"long brief", BriefReply{Brief: longBrief(40, 12)}, 0},
		{"no sentences or quotes", BriefReply{Brief: longBrief(0, 0)}, 1},
		{"one enormous sentence", BriefReply{Brief: &briefing.Brief{Title: strings.Repeat("T", 400), Summary: []briefing.Sentence{{Text: huge, URL: "https://x.example/a"}}}}, 1},
		{"enormous quote and speaker", BriefReply{Brief: &briefing.Brief{Quotes: []briefing.Quote{{Text: huge, Speaker: strings.Repeat("S", 300), Role: strings.Repeat("R", 300), URL: "https://x.example/a"}}}}, 1},
		{"hundred sources", BriefReply{Brief: longBrief(100, 0)}, 0},
		{"huge text", TextReply{Text: huge}, 1},
		{"empty text", TextReply{}, 1},
		{"search", searchReply{query: "japan italy", articles: longBrief(60, 0).Articles}, 0},
		{"feeds", feedsReply{feeds: []sources.Feed{{ID: 1, URL: "https://a.example/rss", Failures: 2, LastError: strings.Repeat("timeout ", 100)}}, now: day}, 1},
		{"no feeds", feedsReply{}, 1},
	}
	// Quotes only: a brief with 30 quotes needs more than 25 fields.
	many := longBrief(30, 30)
	many.Summary = nil
	tests = append(tests, struct {
		name      string
		reply     Reply
		wantPages int
	}{"thirty quotes", BriefReply{Brief: many}, 0})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := tt.reply.pages()
			if len(pages) == 0 {
				t.Fatal("no pages")
			}
			if tt.wantPages > 0 && len(pages) != tt.wantPages {
				t.Errorf("got %d pages, want %d", len(pages), tt.wantPages)
			}
			for i, p := range pages {
				if probs := limitProblems(p); len(probs) > 0 {
					t.Errorf("page %d breaks Discord limits: %v", i+1, probs)
				}
			}
		})
	}
}

func TestLongBriefKeepsEverything(t *testing.T) {
	br := longBrief(40, 12)
	var all strings.Builder
	for _, p := range (BriefReply{Brief: br}).pages() {
		all.WriteString(p.embed.Description)
		for _, f := range p.embed.Fields {
			all.WriteString(f.Name + f.Value)
		}
	}
	text := all.String()
	for i, s := range br.Summary {
		head := strings.SplitN(s.Text, ":", 2)[0] + ":"
		if strings.Count(text, head+" ") != 1 {
			t.Errorf("summary sentence %d (%q) appears %d times, want once", i+1, head, strings.Count(text, head+" "))
		}
	}
	if !strings.Contains(text, "Speaker 12, Minister") {
		t.Error("the last quote is missing")
	}
}

func TestBriefGolden(t *testing.T) {
	br := sampleBrief(briefing.Request{Countries: []string{"JP", "IT"}})
	br.Notes = []string{"Nothing in the last 7 days, so this covers 30."}
	br.Summary = append(br.Summary, briefing.Sentence{Text: "A sample-corpus sentence with no web address.", ArticleID: 9, URL: "sample:9", Source: "Sample"})
	got, err := json.MarshalIndent((BriefReply{Brief: br}).pages()[0].embed, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "brief.golden.json")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
		t.Errorf("rendered brief differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"**bold** and _it_", `\*\*bold\*\* and \_it\_`},
		{"~~gone~~ ||spoiler|| `code`", "\\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`"},
		{"[click](https://evil.example)", `\[click\]\(https://evil.example\)`},
		{"@everyone look", "@\u200beveryone look"},
		{"<@&123> and <#456>", "\\<@\u200b&123\\> and \\<#456\\>"},
		{"# Heading", `\# Heading`},
		{"- item", `\- item`},
		{"> quoted", `\> quoted`},
		{"1. first", `1\. first`},
		{"2026 was long", "2026 was long"},
		{"a\\b", `a\\b`},
		{"  lots \n\t of\r\nspace  ", "lots of space"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly", 7, "exactly"},
		{"a longer sentence", 8, "a longe…"},
		{"ends with space here", 10, "ends with…"},
		{`escaped \* star`, 10, "escaped…"},
		{`two \\ slashes`, 6, `two…`},
		{"日本とイタリア", 4, "日本と…"},
		{"anything", 0, ""},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.max); got != tt.want || runes(got) > max(tt.max, 0) {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://news.example.org/a", "https://news.example.org/a"},
		{"https://x.example/wiki/Foo_(bar)", "https://x.example/wiki/Foo_%28bar%29"},
		{"sample:12", ""},
		{"file:///etc/passwd", ""},
		{"javascript:alert(1)", ""},
		{"", ""},
		{"http://", ""},
	}
	for _, tt := range tests {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzEscapeAndTruncate(f *testing.F) {
	for _, s := range []string{"**x**", "@everyone", "1. a", "\\", "\xff\xfe", "日本 <@1>"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n % 5000
		e := escapeMarkdown(s)
		if strings.ContainsAny(e, "\n\r\t") {
			t.Fatalf("escapeMarkdown(%q) kept a line break or tab: %q", s, e)
		}
		got := truncate(e, n)
		if runes(got) > max(n, 0) {
			t.Fatalf("truncate(%q, %d) has %d characters", e, n, runes(got))
		}
		p := (BriefReply{Brief: &briefing.Brief{Title: s, Summary: []briefing.Sentence{{Text: s, URL: s}}, Quotes: []briefing.Quote{{Text: s, Speaker: s, Role: s, URL: s}}}}).pages()
		for _, pg := range p {
			if probs := limitProblems(pg); len(probs) > 0 {
				t.Fatalf("brief from %q breaks limits: %v", s, probs)
			}
		}
	})
}

func TestHelpListsEveryCommand(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Prefix = "?"
	b := &Bot{cfg: cfg, commands: newCommandSet()}
	r, _ := runHelp(nil, b, &invocation{trigger: triggerPrefix})
	text := r.pages()[0].embed.Description
	for _, want := range []string{"`?brief japan italy [topic words] [since 7d] [new:true]`", "`?timeline japan italy", "`?forget`", "`?feeds add https://example.org/feed.xml`", "`?feeds remove ID`", "`?quotes ", "`?search ", "`?help`"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %s:\n%s", want, text)
		}
	}
}

func TestSlashDefinitions(t *testing.T) {
	defs := newCommandSet().slashDefinitions()
	byName := map[string]*discordgo.ApplicationCommand{}
	for _, d := range defs {
		byName[d.Name] = d
		if d.Description == "" || runes(d.Description) > 100 {
			t.Errorf("/%s description %q: want 1 to 100 characters", d.Name, d.Description)
		}
	}
	feeds := byName["feeds"]
	if feeds == nil || len(feeds.Options) != 3 {
		t.Fatalf("/feeds = %+v, want three subcommands", feeds)
	}
	for i, want := range []string{"list", "add", "remove"} {
		if feeds.Options[i].Name != want || feeds.Options[i].Type != discordgo.ApplicationCommandOptionSubCommand {
			t.Errorf("/feeds option %d = %s, want subcommand %s", i, feeds.Options[i].Name, want)
		}
	}
}

func TestSlashWords(t *testing.T) {
	cs := newCommandSet()
	tests := []struct {
		cmd  *command
		opts []*discordgo.ApplicationCommandInteractionDataOption
		want string
	}{
		{cs.byName("brief", ""), []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "since", Type: discordgo.ApplicationCommandOptionString, Value: "7d"},
			{Name: "countries", Type: discordgo.ApplicationCommandOptionString, Value: "japan  italy"},
			{Name: "topic", Type: discordgo.ApplicationCommandOptionString, Value: `"fighter jet"`},
		}, "japan|italy|fighter jet|since|7d"},
		{cs.byName("quotes", ""), []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "person", Type: discordgo.ApplicationCommandOptionString, Value: "Aiko Tanaka"},
		}, "by|Aiko|Tanaka"},
		{cs.byName("feeds", "remove"), []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "id", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(12)},
		}, "12"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd.fullName(), func(t *testing.T) {
			if got := strings.Join(tt.cmd.slashWords(tt.opts), "|"); got != tt.want {
				t.Errorf("words = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseWindow(t *testing.T) {
	now := day
	tests := []struct {
		words []string
		want  time.Time
		err   bool
	}{
		{[]string{"since", "30d"}, now.AddDate(0, 0, -30), false},
		{[]string{"since", "2w"}, now.AddDate(0, 0, -14), false},
		{[]string{"since", "3m"}, now.AddDate(0, 0, -90), false}, // months of 30 days, as in every other window
		{[]string{"since", "2026-05-01"}, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), false},
		{[]string{"since", "soon"}, time.Time{}, true},
		{[]string{"since", "0d"}, time.Time{}, true},
		{[]string{"since"}, time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := parseWindow(tt.words, now)
		if (err != nil) != tt.err || !got.Equal(tt.want) {
			t.Errorf("parseWindow(%v) = %v, %v; want %v, error %v", tt.words, got, err, tt.want, tt.err)
		}
	}
}
