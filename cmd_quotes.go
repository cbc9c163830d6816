package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"attache/briefing/quote"
)

// maxQuotesInput caps what the quotes command reads: one article on stdin,
// or one line of a JSON Lines file.
const maxQuotesInput = 64 << 20

// runQuotes is `attache quotes`: without flags it reads one article on
// stdin and prints its quotations readably; with --jsonl FILE it reads
// {"id", "text"} per line and writes {"id", "quotes": [{"quote",
// "speaker", "role"}]} per line, the shape the evaluation script scores.
func runQuotes(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.String("jsonl", "", "read articles from this JSON Lines `file` ({\"id\", \"text\"} per line) and write their quotes as JSON Lines")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: attache quotes [--jsonl FILE] < article.txt")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("quotes: unexpected argument %q", fs.Arg(0))
	}
	if *jsonl != "" {
		return quotesJSONL(ctx, *jsonl, stdout)
	}
	text, err := io.ReadAll(io.LimitReader(stdin, maxQuotesInput+1))
	if err != nil {
		return fmt.Errorf("quotes: read stdin: %w", err)
	}
	if len(text) > maxQuotesInput {
		return fmt.Errorf("quotes: article longer than %d bytes", maxQuotesInput)
	}
	return printQuotes(stdout, quote.Find(string(text)))
}

// printQuotes writes quotations for a person to read.
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

type quotesIn struct {
	ID   json.RawMessage `json:"id"`
	Text string          `json:"text"`
}

type quoteOut struct {
	Quote   string `json:"quote"`
	Speaker string `json:"speaker"`
	Role    string `json:"role"`
}

type quotesOut struct {
	ID     json.RawMessage `json:"id"`
	Quotes []quoteOut      `json:"quotes"`
}

// quotesJSONL reads articles from path and writes one line of quotations
// per article.
func quotesJSONL(ctx context.Context, path string, stdout io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer f.Close()
	err = mapJSONL(ctx, f, stdout, maxQuotesInput, func(raw []byte) (any, error) {
		var in quotesIn
		if err := json.Unmarshal(raw, &in); err != nil {
			return nil, err
		}
		if len(in.ID) == 0 {
			return nil, errNoID
		}
		out := quotesOut{ID: in.ID, Quotes: []quoteOut{}}
		for _, q := range quote.Find(in.Text) {
			out.Quotes = append(out.Quotes, quoteOut{Quote: q.Text, Speaker: q.Speaker, Role: q.Role})
		}
		return out, nil
	})
	var le *jsonlLineError
	if errors.As(err, &le) {
		return fmt.Errorf("quotes: %s:%d: %w", path, le.Line, le.Err)
	}
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}

var errNoID = errors.New(`line has no "id"`)
