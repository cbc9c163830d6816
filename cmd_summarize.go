package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"attache/briefing/summary"
	"attache/sources/doc"
)

// maxSummarizeInput bounds one article read from standard input, and one
// line of a JSONL file.
const maxSummarizeInput = 64 << 20

const summarizeUsage = `usage: attache summarize [--sentences N] < article.txt

Prints an extractive summary: sentences copied verbatim from the article,
one per line, in article order.

Standard input holds one article, in the block format (paragraphs separated
by blank lines, headings starting with "## ") or as plain text; plain text
without blank lines is read as one paragraph per line, unless its lines are
the wrapped lines of one paragraph. If the first line ends without a
sentence mark (. ! ?) and more text follows, it is taken as the title and
never summarised.

The evaluation over the BBC dev set is ` + "`attache eval summaries`" + `.
`

// runSummarize is the "summarize" command: the summary of one article from
// stdin. (The evaluation over ../shared/eval/summaries-dev.jsonl is
// `attache eval summaries`.)
func runSummarize(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("summarize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, summarizeUsage) }
	count := fs.String("sentences", "3", "number of sentences")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("summarize: %w", err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("summarize: unexpected argument %q", fs.Arg(0))
	}
	n, fromRef, err := parseSentenceCount(*count)
	if err != nil {
		return err
	}
	if fromRef {
		return errors.New("summarize: --sentences ref is for the evaluation: attache eval summaries --sentences ref")
	}
	return summarizeArticle(stdin, stdout, n)
}

// parseSentenceCount reads --sentences: a positive number or "ref".
func parseSentenceCount(s string) (n int, fromRef bool, err error) {
	if s == "ref" {
		return 0, true, nil
	}
	n, err = strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, false, fmt.Errorf("summarize: --sentences must be a positive number or ref, not %q", s)
	}
	return n, false, nil
}

func summarizeArticle(stdin io.Reader, stdout io.Writer, n int) error {
	data, err := io.ReadAll(io.LimitReader(stdin, maxSummarizeInput+1))
	if err != nil {
		return fmt.Errorf("summarize: read article: %w", err)
	}
	if len(data) > maxSummarizeInput {
		return fmt.Errorf("summarize: article longer than %d bytes", maxSummarizeInput)
	}
	w := bufio.NewWriter(stdout)
	for _, s := range summary.Summarize(asBlocks(withoutTitle(string(data))), n) {
		fmt.Fprintln(w, doc.Fold(s.Text))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("summarize: write: %w", err)
	}
	return nil
}

// withoutTitle drops the first line of text when it reads as a title: it
// ends without a sentence mark and more text follows.
func withoutTitle(text string) string {
	text = strings.TrimLeft(text, " \t\r\n")
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return text
	}
	first = strings.TrimRight(strings.TrimSpace(first), "\"'\u201d\u2019)")
	if first == "" || strings.HasPrefix(first, doc.HeadingPrefix) || strings.ContainsAny(first[len(first)-1:], ".!?") ||
		strings.HasSuffix(first, "\u2026") {
		return text
	}
	return rest
}

// asBlocks prepares plain text for the summariser. Text with a blank line
// is in the block format already, where a single line break is only a
// wrap. Text without one is either one paragraph hard-wrapped (many lines
// go on in lower case) or one paragraph per line, the way many text files
// are laid out; the second gets blank lines between its lines.
func asBlocks(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	continued := 0
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			return text
		}
		if r, _ := utf8.DecodeRuneInString(line); i > 0 && unicode.IsLower(r) {
			continued++
		}
	}
	if len(lines) < 2 || 3*continued >= len(lines)-1 {
		return text
	}
	return strings.ReplaceAll(text, "\n", "\n\n")
}
