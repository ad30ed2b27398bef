package site

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/kefu-hr/handbook/generator/load"
)

// TestSiteScripts builds the site of each testdata/site/*.txtar, in the
// manner of Hugo's integration tests: the archive's policy files are laid
// over the minimal handbook (testdata/valid/minimal.txtar, same path
// replaces), the site is built, and each want:PAGE section lists text that
// must occur in PAGE (a line "N× text" must occur exactly N times) and each
// not:PAGE section text that must not.
func TestSiteScripts(t *testing.T) {
	scripts, _ := filepath.Glob("../../testdata/site/*.txtar")
	if len(scripts) == 0 {
		t.Fatal("no site scripts")
	}
	base, err := txtar.ParseFile("../../testdata/valid/minimal.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range scripts {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string][]byte{}
			var order []string
			put := func(name string, data []byte) {
				if _, ok := files[name]; !ok {
					order = append(order, name)
				}
				files[name] = data
			}
			for _, f := range base.Files {
				put(f.Name, f.Data)
			}
			type check struct {
				page  string
				lines []string
				want  bool
			}
			var checks []check
			for _, f := range a.Files {
				kind, page, ok := strings.Cut(f.Name, ":")
				if !ok {
					put(f.Name, f.Data)
					continue
				}
				if kind != "want" && kind != "not" {
					t.Fatalf("section %q: want want:PAGE, not:PAGE or a policy file", f.Name)
				}
				var lines []string
				for _, l := range strings.Split(string(f.Data), "\n") {
					if l != "" {
						lines = append(lines, l)
					}
				}
				checks = append(checks, check{page, lines, kind == "want"})
			}
			var in []load.File
			for _, name := range order {
				in = append(in, load.File{Path: name, Data: files[name]})
			}
			h, diags := load.Load(in)
			if len(diags) > 0 {
				t.Fatalf("the script's policies do not load:\n%s", diags.Error())
			}
			pages, err := Build(Input{Handbook: h, Origin: "script"})
			if err != nil {
				t.Fatal(err)
			}
			m := byPath(pages)
			for _, c := range checks {
				page, ok := m[c.page]
				if !ok {
					t.Errorf("no page %s", c.page)
					continue
				}
				for _, l := range c.lines {
					n, text := -1, l
					if k, rest, ok := strings.Cut(l, "× "); ok && c.want {
						if v, err := strconv.Atoi(k); err == nil {
							n, text = v, rest
						}
					}
					got := strings.Count(page, text)
					switch {
					case !c.want && got > 0:
						t.Errorf("%s contains %q", c.page, text)
					case c.want && n < 0 && got == 0:
						t.Errorf("%s does not contain %q", c.page, text)
					case c.want && n >= 0 && got != n:
						t.Errorf("%s contains %q %d times, want %d", c.page, text, got, n)
					}
				}
			}
		})
	}
}
