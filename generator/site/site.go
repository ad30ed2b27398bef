package site

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"

	"github.com/kefu-hr/handbook/generator/policy"
	assets "github.com/kefu-hr/handbook/site"
)

// pages are the templates of site/templates, parsed once.
var pages = template.Must(template.ParseFS(assets.FS, "templates/*.html"))

// Page is one generated file of the site.
type Page struct {
	Path string // relative to the site's root, slash-separated
	Data []byte
}

// Build renders the site of a handbook; origin says where its policies
// came from (shown on the home page). It writes nothing: Write does.
func Build(h *policy.Handbook, origin string) ([]Page, error) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, "index.html", indexData(h, origin)); err != nil {
		return nil, err
	}
	return []Page{{Path: "index.html", Data: b.Bytes()}}, nil
}

// Write writes pages under dir, making directories as needed.
func Write(dir string, pages []Page) error {
	for _, p := range pages {
		path := filepath.Join(dir, filepath.FromSlash(p.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, p.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// indexRow is one policy version in the home page's table.
type indexRow struct {
	Kind, ID, Title, File, From, Until string
	Version                            int
	Notes                              int
}

// indexData lists every policy version, by kind in handbook order, then id
// and version.
func indexData(h *policy.Handbook, origin string) map[string]any {
	var rows []indexRow
	for _, p := range h.All() { // ordered by kind, id and version
		hd := p.Head()
		until := ""
		if hd.EffectiveUntil != nil {
			until = hd.EffectiveUntil.Format("2006-01-02")
		}
		rows = append(rows, indexRow{Kind: string(hd.Kind), ID: hd.ID, Title: hd.Title, File: hd.File, Version: hd.Version,
			From: hd.EffectiveFrom.Format("2006-01-02"), Until: until, Notes: len(hd.Note)})
	}
	return map[string]any{"Rows": rows, "Origin": origin}
}
