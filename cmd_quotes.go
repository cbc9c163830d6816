package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"attache/briefing"
	"attache/briefing/quote"
)

// maxQuotesInput caps the article that `quotes --article` reads.
const maxQuotesInput = 64 << 20

// quotesUsage is the argument line of `attache quotes`.
const quotesUsage = "[--since 30d] [--format text|markdown|json] WORDS... | --speaker NAME | by NAME [since 3y] | --article FILE|-"

// cmdQuotes prints what people said: about countries or topics
// ("quotes japan italy"), by one person ("quotes --speaker meloni --since
// 3y", or "quotes by meloni since 3y" as in a DM), or in one article file
// ("quotes --article story.txt", "-" for stdin).
func cmdQuotes(ctx context.Context, app *App, args []string) error {
	app.quiet()
	fs := newFlags("quotes", app.stderr)
	since := fs.String("since", "", "time window, e.g. 7d, 2w, 3m (months), 1y; default 30d, widened when empty")
	format := fs.String("format", "text", "text, markdown or json")
	speaker := fs.String("speaker", "", "quotes by this person, e.g. meloni or \"giorgia meloni\"")
	article := fs.String("article", "", "the quotations in one article `file` (\"-\" reads stdin), with their speakers")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: attache quotes %s\n", quotesUsage)
		fs.PrintDefaults()
	}
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *article != "" {
		if len(words) > 0 {
			return usagef("quotes: --article takes no other words (got %q)", briefing.ClipWord(words[0]))
		}
		return quotesInArticle(app, *article)
	}
	if err := checkFormat("quotes", *format, "text", "markdown", "json"); err != nil {
		return err
	}
	*speaker = strings.TrimSpace(*speaker)
	if len(words) == 0 && *speaker == "" {
		return usagef("quotes: name countries or a person, e.g. attache quotes japan italy, or attache quotes --speaker meloni")
	}
	eng, err := app.Engine(ctx)
	if err != nil {
		return err
	}
	now := app.now()
	var req briefing.Request
	byWords, isBy, err := briefing.ParseSpeakerWords(words, now)
	switch {
	case err != nil:
		return userFacing(err)
	case isBy:
		if *speaker != "" {
			return usagef("quotes: give the person once, with --speaker or with by")
		}
		req = byWords
	case len(words) > 0:
		asking := briefing.Asking{What: "quotes take", Example: "Name the countries, e.g. `attache quotes japan italy`, or a person with --speaker."}
		if req, err = eng.ParseWordsFor(ctx, asking, words); err != nil {
			return userFacing(err)
		}
		req.Speaker = *speaker
	default:
		req.Speaker = *speaker
	}
	if *since != "" {
		d, err := briefing.ParseWindow(*since)
		if err != nil {
			return userFacing(err)
		}
		req.Since = now.Add(-d)
	}
	b, err := eng.Quotes(ctx, req)
	if err != nil {
		return userFacing(err)
	}
	return render(app, b, *format)
}

// quotesInArticle prints the quotations the finder reads in one article.
func quotesInArticle(app *App, path string) error {
	var r io.Reader = app.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		defer f.Close()
		r = f
	}
	text, err := io.ReadAll(io.LimitReader(r, maxQuotesInput+1))
	if err != nil {
		return fmt.Errorf("quotes: read %s: %w", path, err)
	}
	if len(text) > maxQuotesInput {
		return fmt.Errorf("quotes: %s: article longer than %d bytes", path, maxQuotesInput)
	}
	return printQuotes(app.stdout, quote.Find(string(text)))
}

// printQuotes writes quotations for a person to read, each with its
// speaker, role and how sure the finder is of the speaker.
func printQuotes(w io.Writer, qs []quote.Quote) error {
	bw := bufio.NewWriter(w)
	if len(qs) == 0 {
		fmt.Fprintln(bw, "No quotations found.")
	}
	for i, q := range qs {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		speaker := q.Speaker
		if speaker == "" {
			speaker = "(speaker unknown)"
		}
		if q.Role != "" {
			speaker += ", " + q.Role
		}
		kind := ""
		if q.Partial {
			kind = " (partial)"
		}
		fmt.Fprintf(bw, "%s%s:\n  “%s”\n", speaker, kind, q.Text)
	}
	return bw.Flush()
}
