package golden

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	Compare(t, path, "a\nb\n", true)
	if b, _ := os.ReadFile(path); string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q", b)
	}
	r := &recorder{TB: t}
	Compare(r, path, "a\nb\n", false)
	if r.failed {
		t.Error("equal output failed")
	}
	Compare(r, path, "a\nc\n", false)
	if !r.failed {
		t.Error("different output passed")
	}
	r.failed = false
	Compare(r, path+".missing", "a", false)
	if !r.failed {
		t.Error("missing golden passed")
	}
}

// TestEveryTestPackageHasTheUpdateFlag guards `go test ./... -update`: a
// test binary that does not define -update fails with "flag provided but
// not defined", so every package with tests must import this package.
func TestEveryTestPackageHasTheUpdateFlag(t *testing.T) {
	const self = "github.com/kefu-hr/handbook/generator/golden"
	// The tests of a directory, of the package and of its _test package,
	// make one test binary.
	imports := map[string]bool{} // directory → some test file imports golden
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != "../.." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(filepath.Dir(p))
		has := slices.ContainsFunc(f.Imports, func(s *ast.ImportSpec) bool { return s.Path.Value == `"`+self+`"` })
		imports[key] = imports[key] || has || key == "../../generator/golden" // defines it
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 5 {
		t.Fatalf("found the tests of %d packages only", len(imports))
	}
	for key, ok := range imports {
		if !ok {
			t.Errorf("the tests of %s do not import %s: go test ./... -update fails there with \"flag provided but not defined: -update\"; add import _ %q", key, self, self)
		}
	}
}

func TestDiff(t *testing.T) {
	for _, tt := range []struct{ old, new, want string }{
		{"a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n", "@@ line 2 @@\n  b\n  c\n- d\n+ D\n  e\n  f\n"},
		{"合计 11750.00 元\n", "合计 11950.00 元\n", "@@ line 1 @@\n- 合计 11750.00 元\n+ 合计 11950.00 元\n  \n"},
		{"a\nb\n", "a\nx\nb\n", "@@ line 1 @@\n  a\n+ x\n  b\n  \n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "0\n2\n3\n4\n5\n6\n7\n8\n9x\n", "@@ line 1 @@\n- 1\n+ 0\n  2\n  3\n@@ line 7 @@\n  7\n  8\n- 9\n+ 9x\n  \n"},
	} {
		if got := Diff(tt.old, tt.new); got != tt.want {
			t.Errorf("Diff(%q, %q) =\n%s\nwant\n%s", tt.old, tt.new, got, tt.want)
		}
	}
}
