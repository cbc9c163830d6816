package extract

import (
	"encoding/json"
	"strings"
)

// ldInfo is what the page's JSON-LD says about its article.
type ldInfo struct {
	headline  string
	published string
	authors   []string
	publisher string
	lang      string
	url       string
	// body is the article's text as the page's JSON-LD gives it
	// (articleBody), or "".
	body string
	// ingredients are the items of a recipe's recipeIngredient list.
	ingredients []string
}

// maxLDBytes bounds the JSON-LD read from one page.
const maxLDBytes = 1 << 20

// pageTypes are the schema.org types that describe the page rather than
// its article; they fill only what article types left empty.
var pageTypes = map[string]bool{
	"webpage": true, "itempage": true, "creativework": true, "medicalwebpage": true,
	"collectionpage": false,
}

// parseJSONLD reads the page's JSON-LD scripts. Broken scripts are skipped;
// the first article-like object supplies each field, and an object typed as
// an article outranks a generic web page.
func parseJSONLD(scripts []string) ldInfo {
	var objs []map[string]any
	total := 0
	for _, s := range scripts {
		total += len(s)
		if total > maxLDBytes {
			break
		}
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "<![CDATA[")
		s = strings.TrimSuffix(s, "]]>")
		s = strings.TrimSuffix(strings.TrimSpace(s), ";")
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			// Raw newlines and tabs inside strings are the usual fault.
			fixed := strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
			if json.Unmarshal([]byte(fixed), &v) != nil {
				continue
			}
		}
		collectObjects(v, &objs, 0)
	}
	var info ldInfo
	for _, o := range objs {
		if len(info.ingredients) == 0 {
			info.ingredients = strs(o["recipeIngredient"], 200)
		}
	}
	// Two passes: real article types first, then web pages and other works.
	for pass := 0; pass < 2; pass++ {
		for _, o := range objs {
			strong, known := objectType(o)
			if !known || (pass == 0) != strong {
				continue
			}
			info.fill(o)
		}
	}
	return info
}

// collectObjects gathers the objects of a JSON-LD value, looking into
// arrays and @graph, to a bounded depth.
func collectObjects(v any, out *[]map[string]any, depth int) {
	if depth > 4 || len(*out) > 200 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectObjects(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collectObjects(g, out, depth+1)
		}
		if e, ok := t["mainEntity"]; ok {
			collectObjects(e, out, depth+1)
		}
	}
}

// objectType reports whether an object is typed as an article (strong) or
// as a web page or creative work (weak); known is false for other types.
func objectType(o map[string]any) (strong, known bool) {
	var types []string
	switch t := o["@type"].(type) {
	case string:
		types = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	for _, t := range types {
		t = strings.ToLower(t)
		if i := strings.LastIndexAny(t, "/:"); i >= 0 {
			t = t[i+1:]
		}
		if strings.HasSuffix(t, "article") || strings.HasSuffix(t, "posting") || t == "report" {
			return true, true
		}
		if pageTypes[t] {
			known = true
		}
	}
	return false, known
}

func (info *ldInfo) fill(o map[string]any) {
	if info.headline == "" {
		info.headline = str(o["headline"])
		if info.headline == "" {
			if _, strong := objectType(o); strong {
				info.headline = str(o["name"])
			}
		}
	}
	if info.published == "" {
		info.published = str(o["datePublished"])
		if info.published == "" {
			info.published = str(o["dateCreated"])
		}
	}
	if len(info.authors) == 0 {
		info.authors = names(o["author"])
		if len(info.authors) == 0 {
			info.authors = names(o["creator"])
		}
	}
	if info.publisher == "" {
		if p := names(o["publisher"]); len(p) > 0 {
			info.publisher = p[0]
		}
	}
	if info.lang == "" {
		info.lang = str(o["inLanguage"])
	}
	if info.body == "" {
		if _, strong := objectType(o); strong {
			info.body = str(o["articleBody"])
		}
	}
	if info.url == "" {
		info.url = str(o["url"])
		if info.url == "" {
			if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
				info.url = str(m["@id"])
			} else {
				info.url = str(o["mainEntityOfPage"])
			}
		}
	}
}

// str returns a JSON string value trimmed, or "".
func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

// names reads a person or organisation field: a string, an object with a
// name, or a list of either.
func names(v any) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !strings.Contains(s, "://") {
			out = append(out, s)
		}
	}
	switch t := v.(type) {
	case string:
		add(t)
	case map[string]any:
		add(str(t["name"]))
	case []any:
		for i, e := range t {
			if i >= 10 {
				break
			}
			out = append(out, names(e)...)
		}
	}
	return out
}

// strs reads a list of strings, at most max of them.
func strs(v any, max int) []string {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range list {
		if s := str(e); s != "" && len(out) < max {
			out = append(out, s)
		}
	}
	return out
}
