package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonlLineError is a failure on one line of a JSON Lines input.
type jsonlLineError struct {
	Line int
	Err  error
}

func (e *jsonlLineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *jsonlLineError) Unwrap() error { return e.Err }

// errJSONLWrite marks a failure to write the output.
var errJSONLWrite = errors.New("write")

// mapJSONL reads JSON Lines from r (lines up to maxLine bytes; blank lines
// skipped), hands each line to fn and writes what fn returns as one JSON
// line to w. A failure of fn or of reading is a *jsonlLineError; the
// context is checked between lines.
func mapJSONL(ctx context.Context, r io.Reader, w io.Writer, maxLine int, fn func(raw []byte) (any, error)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return err
		}
		raw := sc.Bytes()
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		out, err := fn(raw)
		if err != nil {
			return &jsonlLineError{Line: line, Err: err}
		}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("%w: %v", errJSONLWrite, err)
		}
	}
	if err := sc.Err(); err != nil {
		return &jsonlLineError{Line: line + 1, Err: err}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%w: %v", errJSONLWrite, err)
	}
	return nil
}
