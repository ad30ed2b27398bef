package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoFloatInMoneyPath guards the rule that money is never a float: no
// source file of the packages that compute (engine, exact, formula, policy)
// may name float32, float64, complex types, package math or strconv's float
// functions. Tests are included: a float in a test can hide a float result.
func TestNoFloatInMoneyPath(t *testing.T) {
	banned := map[string]bool{"float32": true, "float64": true, "complex64": true, "complex128": true,
		"ParseFloat": true, "FormatFloat": true, "AppendFloat": true}
	for _, dir := range []string{".", "../exact", "../formula", "../policy"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "nofloat_test.go") {
				continue
			}
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				if imp.Path.Value == `"math"` {
					t.Errorf("%s imports math", fset.Position(imp.Pos()))
				}
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					if banned[n.Name] {
						t.Errorf("%s: %s in the money path", fset.Position(n.Pos()), n.Name)
					}
				case *ast.BasicLit:
					if n.Kind == token.FLOAT {
						t.Errorf("%s: float literal %s in the money path", fset.Position(n.Pos()), n.Value)
					}
				}
				return true
			})
		}
	}
}
