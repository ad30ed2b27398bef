package load

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/kefu-hr/handbook/generator/civil"
	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/policy"
)

// archiveFiles returns the files of a txtar archive as policy files.
func archiveFiles(t testing.TB, path string) []File {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files := make([]File, len(a.Files))
	for i, f := range a.Files {
		files[i] = File{Path: f.Name, Data: f.Data}
	}
	return files
}

func TestValidFixtures(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/valid/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no valid fixtures")
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			h, diags := Load(archiveFiles(t, p))
			if len(diags) > 0 {
				t.Fatalf("want no problems, got:\n%s", diags.Error())
			}
			if len(h.All()) == 0 {
				t.Fatal("empty handbook")
			}
		})
	}
}

// overlay returns the minimal valid handbook with the files of the fixture at
// path laid over it: a file of the fixture replaces the file of the same path,
// a new path is added, and an empty file named DELETE:path removes path.
func overlay(t *testing.T, path string) []File {
	t.Helper()
	base := archiveFiles(t, "../../testdata/valid/minimal.txtar")
	for _, f := range archiveFiles(t, path) {
		if del, ok := strings.CutPrefix(f.Path, "DELETE:"); ok {
			n := len(base)
			for i := range base {
				if base[i].Path == del {
					base = append(base[:i], base[i+1:]...)
					break
				}
			}
			if len(base) == n {
				t.Fatalf("DELETE:%s names no file of the base", del)
			}
			continue
		}
		replaced := false
		for i := range base {
			if base[i].Path == f.Path {
				base[i], replaced = f, true
			}
		}
		if !replaced {
			base = append(base, f)
		}
	}
	return base
}

// TestInvalidFixtures loads every fixture under testdata/invalid (laid over
// the minimal valid handbook) and compares the problems reported with its
// golden file. Each fixture must be refused; a fixture without a golden, or a
// golden without a fixture, fails.
func TestInvalidFixtures(t *testing.T) {
	fixtures, _ := filepath.Glob("../../testdata/invalid/*.txtar")
	goldens, _ := filepath.Glob("../../testdata/invalid/*.golden")
	have := map[string]bool{}
	for _, f := range fixtures {
		have[strings.TrimSuffix(f, ".txtar")] = true
	}
	for _, g := range goldens {
		if !have[strings.TrimSuffix(g, ".golden")] {
			t.Errorf("%s has no fixture", g)
		}
	}
	for _, fx := range fixtures {
		name := strings.TrimSuffix(filepath.Base(fx), ".txtar")
		t.Run(name, func(t *testing.T) {
			for _, f := range archiveFiles(t, fx) {
				if IsCase(f) {
					t.Skip("holds a worked case: checked by generator/cases TestInvalidFixturesWithCases, where the checks of a case are")
				}
			}
			_, diags := Load(overlay(t, fx))
			if len(diags) == 0 {
				t.Fatal("the fixture was accepted; every invalid fixture must be refused")
			}
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
				if zh := d.In(diag.Chinese); zh != d.String() {
					b.WriteString(zh + "\n") // what a reader in Chinese sees (the default)
				}
			}
			got := b.String()
			golden.Check(t, strings.TrimSuffix(fx, ".txtar")+".golden", got)
		})
	}
}

// TestSourceForms loads the minimal handbook with the source of one file
// rewritten in each accepted form, and checks what the policy records: a
// seed and its section, or a document by title and date (a civil day).
func TestSourceForms(t *testing.T) {
	const seedSource = `source = [{ seed = "001_3156d675e02cc058.txt", section = "客服总监" }]`
	day := civil.Of(2027, 3, 4)
	tests := []struct {
		name string
		toml string
		want []policy.Source
	}{
		{"seed", seedSource, []policy.Source{{Seed: "001_3156d675e02cc058.txt", Section: "客服总监"}}},
		{"document", `source = [{ title = "某次会议纪要", date = 2027-03-04 }]`, []policy.Source{{Title: "某次会议纪要", Date: day}}},
		{"document with section", `source = [{ title = "某份通知", date = 2027-03-04, section = "二" }]`, []policy.Source{{Title: "某份通知", Date: day, Section: "二"}}},
		{"seed and document", "source = [\n  { seed = \"001_3156d675e02cc058.txt\", section = \"客服总监\" },\n  { title = \"某次会议纪要\", date = 2027-03-04 },\n]",
			[]policy.Source{{Seed: "001_3156d675e02cc058.txt", Section: "客服总监"}, {Title: "某次会议纪要", Date: day}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := archiveFiles(t, "../../testdata/valid/minimal.txtar")
			found := false
			for i, f := range files {
				if f.Path == "roles/boss.toml" {
					if !strings.Contains(string(f.Data), seedSource) {
						t.Fatal("the minimal handbook's roles/boss.toml changed its source")
					}
					files[i].Data = []byte(strings.Replace(string(f.Data), seedSource, tt.toml, 1))
					found = true
				}
			}
			if !found {
				t.Fatal("no roles/boss.toml in the minimal handbook")
			}
			h, diags := Load(files)
			if len(diags) > 0 {
				t.Fatalf("want no problems, got:\n%s", diags.Error())
			}
			got := h.At(policy.KindRole, "boss", day).Head().Source
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("source = %+v, want %+v", got, tt.want)
			}
		})
	}
}
