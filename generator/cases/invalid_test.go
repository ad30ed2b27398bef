package cases

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/load"
)

// archive returns the files of a txtar archive, named as in a checkout.
func archive(t *testing.T, path string) []load.File {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files := make([]load.File, len(a.Files))
	for i, f := range a.Files {
		files[i] = load.File{Path: f.Name, Data: f.Data}
	}
	return files
}

// TestInvalidFixturesWithCases runs the fixtures under testdata/invalid that
// hold worked cases (files whose #:schema line names case.schema.json; the
// loader's TestInvalidFixtures runs the others): their policies laid over
// the minimal valid handbook are loaded, each case is checked as handbook
// validate checks it (Validate), and every problem is compared with the
// fixture's golden. Each fixture must be refused.
func TestInvalidFixturesWithCases(t *testing.T) {
	fixtures, _ := filepath.Glob("../../testdata/invalid/*.txtar")
	ran := 0
	for _, fx := range fixtures {
		var policies, worked []load.File
		for _, f := range archive(t, fx) {
			if load.IsCase(f) {
				worked = append(worked, f)
			} else {
				policies = append(policies, f)
			}
		}
		if len(worked) == 0 {
			continue
		}
		ran++
		t.Run(strings.TrimSuffix(filepath.Base(fx), ".txtar"), func(t *testing.T) {
			files := archive(t, "../../testdata/valid/minimal.txtar")
			for _, f := range policies {
				replaced := false
				for i := range files {
					if files[i].Path == f.Path {
						files[i], replaced = f, true
					}
				}
				if !replaced {
					files = append(files, f)
				}
			}
			h, diags := load.Load(files)
			for _, f := range worked {
				diags = append(diags, Validate(f, h)...)
			}
			if len(diags) == 0 {
				t.Fatal("the fixture was accepted; every invalid fixture must be refused")
			}
			diags.Sort()
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
				if zh := d.In(diag.Chinese); zh != d.String() {
					b.WriteString(zh + "\n") // what a reader in Chinese sees (the default)
				}
			}
			golden.Check(t, strings.TrimSuffix(fx, ".txtar")+".golden", b.String())
		})
	}
	if ran == 0 {
		t.Fatal("no invalid fixture holds a worked case")
	}
}
