package feed

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name, body, contentType, want string // want "" means not a feed
	}{
		{"rss by root", `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>`, "text/xml", "RSS"},
		{"rss served as html", `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>`, "text/html; charset=utf-8", "RSS"},
		{"rss with entities", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "ee"><!ENTITY f "&e;&e;">]><rss version="2.0"><channel><title>&f;</title></channel></rss>`, "application/xml", "RSS"},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>`, "", "RSS"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title></feed>`, "application/atom+xml", "Atom"},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","title":"W","items":[]}`, "application/json", "JSON Feed"},
		{"feed type, odd body", `<channel><title>W</title></channel>`, "application/rss+xml", "RSS"},
		{"html page", `<!doctype html><html><head><title>W</title></head><body><p>Hi</p></body></html>`, "text/html", ""},
		{"html labelled rss", `<!doctype html><html><body><p>Hi</p></body></html>`, "application/rss+xml", ""},
		{"plain json", `{"title":"W"}`, "application/json", ""},
		{"sitemap", `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`, "application/xml", ""},
		{"empty", ``, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, ok := Sniff([]byte(tt.body), tt.contentType)
			if ok != (tt.want != "") || kind != tt.want {
				t.Errorf("Sniff = %q %v, want %q", kind, ok, tt.want)
			}
		})
	}
}
