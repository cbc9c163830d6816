package geo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// document is the shape of gazetteer.json and of the extra documents:
// entities (countries, territories, bodies), people (terms of office) and
// places (names that contain a country's name but name no state, such as
// "South China Sea" or "Washington state"; a place shadows the country
// name inside it).
type document struct {
	Entities []entityDoc `json:"entities" yaml:"entities"`
	People   []personDoc `json:"people" yaml:"people"`
	Places   []string    `json:"places" yaml:"places"`
}

// entityDoc is one country, territory or body. A list left out (nil) keeps
// the list of the entity being overridden; an empty list clears it.
type entityDoc struct {
	Code     string   `json:"code" yaml:"code"`
	Kind     string   `json:"kind,omitempty" yaml:"kind,omitempty"` // "country" (default) or "body"
	Name     string   `json:"name" yaml:"name"`
	The      *bool    `json:"the,omitempty" yaml:"the,omitempty"` // "the" before the name in roles
	Official string   `json:"official,omitempty" yaml:"official,omitempty"`
	Names    []string `json:"names,omitempty" yaml:"names,omitempty"`
	Demonyms []string `json:"demonyms,omitempty" yaml:"demonyms,omitempty"`
	Capitals []string `json:"capitals,omitempty" yaml:"capitals,omitempty"`
	// Successor is the code of the state that continues a historical
	// one ("RU" for the Soviet Union); empty for a state of today.
	Successor string `json:"successor,omitempty" yaml:"successor,omitempty"`
	Remove    bool   `json:"remove,omitempty" yaml:"remove,omitempty"`
}

// personDoc is one term of office. Short lists the surname-like forms that
// stand for the person alone; left out, it is the last word of the name;
// an empty list means the name is used only in full.
type personDoc struct {
	Name   string    `json:"name" yaml:"name"`
	Also   []string  `json:"also,omitempty" yaml:"also,omitempty"`
	Short  *[]string `json:"short,omitempty" yaml:"short,omitempty"`
	Office string    `json:"office" yaml:"office"`
	Role   string    `json:"role,omitempty" yaml:"role,omitempty"` // replaces "<office> of <country>"
	Code   string    `json:"code" yaml:"code"`
	From   string    `json:"from" yaml:"from"`                 // YYYY-MM-DD
	To     string    `json:"to,omitempty" yaml:"to,omitempty"` // YYYY-MM-DD, empty while in office
	Remove bool      `json:"remove,omitempty" yaml:"remove,omitempty"`
}

func decodeJSON(b []byte) (document, error) {
	var doc document
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return document{}, fmt.Errorf("decode json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return document{}, errors.New("decode json: data after the document")
	}
	return doc, nil
}

func decodeExtra(b []byte) (document, error) {
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return document{}, nil
	}
	if t[0] == '{' {
		return decodeJSON(t)
	}
	var doc document
	dec := yaml.NewDecoder(bytes.NewReader(t))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return document{}, fmt.Errorf("decode yaml: %w", err)
	}
	return doc, nil
}

// merge applies more on top of d.
func (d *document) merge(more document) {
	pos := map[string]int{}
	for i, e := range d.Entities {
		pos[normCode(e.Code)] = i
	}
	removed := map[string]bool{}
	for _, e := range more.Entities {
		code := normCode(e.Code)
		i, ok := pos[code]
		switch {
		case e.Remove:
			if ok {
				d.Entities[i].Remove = true
			}
			removed[code] = true
		case !ok:
			pos[code] = len(d.Entities)
			d.Entities = append(d.Entities, e)
		default:
			old := &d.Entities[i]
			if e.Kind != "" {
				old.Kind = e.Kind
			}
			if e.Name != "" {
				old.Name = e.Name
			}
			if e.The != nil {
				old.The = e.The
			}
			if e.Official != "" {
				old.Official = e.Official
			}
			if e.Names != nil {
				old.Names = e.Names
			}
			if e.Demonyms != nil {
				old.Demonyms = e.Demonyms
			}
			if e.Capitals != nil {
				old.Capitals = e.Capitals
			}
			if e.Successor != "" {
				old.Successor = e.Successor
			}
		}
	}
	key := func(p personDoc) string {
		return strings.ToLower(p.Name) + "\x00" + strings.ToLower(p.Office) + "\x00" + normCode(p.Code) + "\x00" + p.From
	}
	ppos := map[string]int{}
	for i, p := range d.People {
		ppos[key(p)] = i
	}
	for _, p := range more.People {
		if i, ok := ppos[key(p)]; ok {
			d.People[i] = p
			continue
		}
		if p.Remove {
			continue
		}
		ppos[key(p)] = len(d.People)
		d.People = append(d.People, p)
	}
	kept := d.People[:0]
	for _, p := range d.People {
		if !p.Remove && !removed[normCode(p.Code)] {
			kept = append(kept, p)
		}
	}
	d.People = kept
	d.Places = append(d.Places, more.Places...)
}

func normCode(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

func validCode(c string) bool {
	if c == "" || len(c) > 16 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if !(c[i] >= 'A' && c[i] <= 'Z' || c[i] >= '0' && c[i] <= '9') {
			return false
		}
	}
	return true
}

func parseDate(s string) (time.Time, error) {
	return time.Parse("2006-01-02", strings.TrimSpace(s))
}

// load checks the merged document and builds the gazetteer from it.
func (g *Gazetteer) load(doc document) error {
	for i, e := range doc.Entities {
		if e.Remove {
			continue
		}
		code := normCode(e.Code)
		if !validCode(code) {
			return fmt.Errorf("entity %d (%q): code %q is not 1-16 letters or digits", i+1, e.Name, e.Code)
		}
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("entity %s: name is empty", code)
		}
		var kind Kind
		switch strings.ToLower(e.Kind) {
		case "", "country", "territory":
			kind = Country
		case "body":
			kind = Body
		default:
			return fmt.Errorf("entity %s: kind %q is not country or body", code, e.Kind)
		}
		if _, dup := g.byCode[code]; dup {
			return fmt.Errorf("entity %s: code given twice", code)
		}
		ent := Entity{Code: code, Name: strings.TrimSpace(e.Name), Kind: kind, Official: strings.TrimSpace(e.Official), Successor: normCode(e.Successor)}
		if ent.Official == "" {
			ent.Official = ent.Name
		}
		ent.Names = uniqueStrings(append([]string{ent.Name, ent.Official}, e.Names...))
		ent.Demonyms = uniqueStrings(e.Demonyms)
		ent.Capitals = uniqueStrings(e.Capitals)
		g.byCode[code] = len(g.entities)
		g.entities = append(g.entities, ent)
		g.the = append(g.the, e.The != nil && *e.The)
	}
	for _, e := range g.entities {
		if e.Successor == "" {
			continue
		}
		s, ok := g.byCode[e.Successor]
		if !ok || e.Successor == e.Code {
			return fmt.Errorf("entity %s: successor %q is not another entity", e.Code, e.Successor)
		}
		if g.entities[s].Successor != "" {
			return fmt.Errorf("entity %s: successor %s has a successor of its own", e.Code, e.Successor)
		}
	}
	for i, p := range doc.People {
		code := normCode(p.Code)
		ei, ok := g.byCode[code]
		if !ok {
			return fmt.Errorf("person %d (%q): unknown code %q", i+1, p.Name, p.Code)
		}
		if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Office) == "" {
			return fmt.Errorf("person %d: name and office are required", i+1)
		}
		from, err := parseDate(p.From)
		if err != nil {
			return fmt.Errorf("person %q: from %q: %w", p.Name, p.From, err)
		}
		var to time.Time
		if strings.TrimSpace(p.To) != "" {
			if to, err = parseDate(p.To); err != nil {
				return fmt.Errorf("person %q: to %q: %w", p.Name, p.To, err)
			}
			if !to.After(from) {
				return fmt.Errorf("person %q: term ends %s before it starts %s", p.Name, p.To, p.From)
			}
		}
		role := strings.TrimSpace(p.Role)
		if role == "" {
			the := ""
			if g.the[ei] {
				the = "the "
			}
			role = strings.TrimSpace(p.Office) + " of " + the + g.entities[ei].Name
		}
		name := strings.TrimSpace(p.Name)
		var short []string
		if p.Short == nil {
			if f := strings.Fields(name); len(f) > 1 {
				short = []string{f[len(f)-1]}
			}
		} else {
			short = *p.Short
		}
		g.people = append(g.people, person{
			Person: Person{Name: name, Role: role, Code: code, From: from, To: to},
			office: strings.TrimSpace(p.Office),
			full:   uniqueStrings(append([]string{name}, p.Also...)),
			short:  uniqueStrings(short),
		})
	}
	g.buildIndex(doc.Places)
	g.buildChoices()
	g.buildSuggest()
	return nil
}

// uniqueStrings trims, drops empty strings and repeats, keeping order.
func uniqueStrings(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
