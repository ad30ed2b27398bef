package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/kefu-hr/handbook/generator/policy"
)

// FS holds the schema files, named KIND.schema.json.
//
//go:embed *.schema.json
var FS embed.FS

// BaseURL is the base of every schema's $id.
const BaseURL = "https://kefu-hr.github.io/handbook/schema/"

// FileName returns the schema file name of a kind.
func FileName(k policy.Kind) string { return string(k) + ".schema.json" }

// KindOf returns the kind named by a #:schema directive's target, which may
// be a relative path or a URL ending in KIND.schema.json.
func KindOf(target string) (policy.Kind, bool) {
	base := path.Base(strings.TrimSpace(target))
	name, ok := strings.CutSuffix(base, ".schema.json")
	if !ok {
		return "", false
	}
	for _, k := range policy.Kinds {
		if string(k) == name {
			return k, true
		}
	}
	return "", false
}

// CaseFile is the schema of worked cases (testdata/cases/*.toml).
const CaseFile = "case.schema.json"

// Set is the compiled schemas with their raw JSON, for looking up the allowed
// keys of an object when a key is unknown.
type Set struct {
	Schemas map[policy.Kind]*jsonschema.Schema
	Case    *jsonschema.Schema
	raw     map[string]any // URL → decoded schema document
}

var (
	once    sync.Once
	set     *Set
	loadErr error
)

// Load compiles the embedded schemas once and returns them.
func Load() (*Set, error) {
	once.Do(func() { set, loadErr = compile() })
	return set, loadErr
}

func compile() (*Set, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	s := &Set{Schemas: map[policy.Kind]*jsonschema.Schema{}, raw: map[string]any{}}
	names := []string{CaseFile}
	for _, k := range policy.Kinds {
		names = append(names, FileName(k))
	}
	for _, name := range names {
		b, err := FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		url := BaseURL + name
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if id, _ := doc.(map[string]any)["$id"].(string); id != url {
			return nil, fmt.Errorf("%s: $id is %q, want %q", name, id, url)
		}
		s.raw[url] = doc
		if err := c.AddResource(url, bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	cs, err := c.Compile(BaseURL + CaseFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", CaseFile, err)
	}
	s.Case = cs
	for _, k := range policy.Kinds {
		sc, err := c.Compile(BaseURL + FileName(k))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", FileName(k), err)
		}
		s.Schemas[k] = sc
	}
	return s, nil
}

// At returns the schema node at an absolute keyword location such as
// https://…/scorecard.schema.json#/properties/part/items, or nil.
func (s *Set) At(absLoc string) map[string]any {
	url, ptr, _ := strings.Cut(absLoc, "#")
	var cur any = s.raw[url]
	if ptr == "" {
		m, _ := cur.(map[string]any)
		return m
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[tok]
		case []any:
			i := 0
			if _, err := fmt.Sscan(tok, &i); err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	m, _ := cur.(map[string]any)
	return m
}
