package discordtest

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// Discord's limits on files sent with a message: 10 of them, 10 MiB each
// on a server without boosts (the limit since 2024).
const (
	MaxAttachments    = 10
	MaxAttachmentSize = 10 << 20
)

// Attachment is a file sent with a message as multipart/form-data, the way
// discordgo sends MessageSend.Files and WebhookEdit.Files.
type Attachment struct {
	Filename    string
	ContentType string
	Data        []byte
}

// splitMultipart reads a multipart/form-data body as Discord does: the
// JSON payload from the "payload_json" part and each "files[n]" part as
// an attachment. A body that is not multipart comes back as it is.
func splitMultipart(r *http.Request, raw []byte) (payload []byte, files []Attachment, err error) {
	mt, params, perr := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if perr != nil || mt != "multipart/form-data" {
		return raw, nil, nil
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("multipart: %w", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, nil, fmt.Errorf("multipart: %w", err)
		}
		switch name := part.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files["), strings.HasPrefix(name, "file"):
			files = append(files, Attachment{Filename: part.FileName(), ContentType: part.Header.Get("Content-Type"), Data: data})
		}
	}
	return payload, files, nil
}

// checkAttachments holds files to Discord's limits, and an embed that
// shows "attachment://name" to a file of that name sent with it.
func checkAttachments(p Payload) *apiError {
	if len(p.Attachments) > MaxAttachments {
		return &apiError{status: 400, code: 50035, msg: fmt.Sprintf("Invalid Form Body: files: Must be %d or fewer in length.", MaxAttachments)}
	}
	names := map[string]bool{}
	for _, a := range p.Attachments {
		if len(a.Data) > MaxAttachmentSize {
			return &apiError{status: 413, code: 40005, msg: "Request entity too large"}
		}
		names[a.Filename] = true
	}
	for _, e := range p.Embeds {
		if e == nil || e.Image == nil || !strings.HasPrefix(e.Image.URL, "attachment://") {
			continue
		}
		if !names[strings.TrimPrefix(e.Image.URL, "attachment://")] {
			return &apiError{status: 400, code: 50035, msg: "Invalid Form Body: embeds: the image names an attachment that was not sent"}
		}
	}
	return nil
}

// attachmentsJSON describes the files of a message as Discord returns
// them.
func attachmentsJSON(m *storedMessage) []map[string]any {
	out := []map[string]any{}
	for i, a := range m.payload.Attachments {
		out = append(out, map[string]any{
			"id": fmt.Sprintf("%s%d", m.id, i), "filename": a.Filename, "size": len(a.Data), "content_type": a.ContentType,
			"url": "https://cdn.discordapp.invalid/attachments/" + m.channelID + "/" + m.id + "/" + a.Filename,
		})
	}
	return out
}
