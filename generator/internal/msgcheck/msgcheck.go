package msgcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/diag"
)

// Call names a function whose argument at Arg is a message format: a
// method or function called Name (zh.Sprintf is written "zh.Sprintf").
type Call struct {
	Name string
	Arg  int
}

// Formats returns, by format, the places (file:line) of the calls in the
// Go files (not tests) matching glob whose format is a string literal.
func Formats(glob string, calls []Call) (map[string][]string, error) {
	files, err := filepath.Glob(glob)
	if err != nil {
		return nil, err
	}
	want := map[string]int{}
	for _, c := range calls {
		want[c.Name] = c.Arg
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "zh" {
					name = "zh." + name
				}
			case *ast.Ident:
				name = fn.Name
			}
			i, ok := want[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err == nil {
					p := fset.Position(lit.Pos())
					out[s] = append(out[s], fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line))
				}
			}
			return true
		})
	}
	return out, nil
}

// Problems compares the formats used with a catalog: a format without its
// Chinese, a translation whose verbs do not take the English one's
// arguments, an entry no call uses (unless allowed lists it).
func Problems(used map[string][]string, cat diag.Catalog, allowed ...string) []string {
	var out []string
	for f, at := range used {
		if _, ok := cat[f]; !ok {
			out = append(out, fmt.Sprintf("%s: %q has no Chinese in the catalog", strings.Join(at, ", "), f))
		}
	}
	for en, zh := range cat {
		if _, ok := used[en]; !ok && !contains(allowed, en) {
			out = append(out, fmt.Sprintf("the catalog's %q is used nowhere", en))
		}
		args := make([]any, strings.Count(strings.ReplaceAll(en, "%%", ""), "%"))
		for i := range args {
			args[i] = arg(i)
		}
		if got := fmt.Sprintf(en, args...); strings.Contains(got, "%!") {
			out = append(out, fmt.Sprintf("%q does not format: %s", en, got))
		}
		got := fmt.Sprintf(zh, args...)
		if strings.Contains(got, "%!") {
			out = append(out, fmt.Sprintf("the Chinese of %q does not take its arguments: %s", en, got))
		}
		for i := range args {
			if !strings.Contains(got, fmt.Sprintf("<%d>", i)) {
				out = append(out, fmt.Sprintf("the Chinese of %q leaves out argument %d: %s", en, i+1, got))
			}
		}
	}
	sort.Strings(out)
	return out
}

// Check is a package's TestEveryMessageIsInChinese once its formats are
// found: it fails t for each of Problems, and when the scan found fewer
// than min formats (a scan that misses its calls would pass on nothing).
func Check(t testing.TB, used map[string][]string, min int, cat diag.Catalog, allowed ...string) {
	t.Helper()
	if len(used) < min {
		t.Fatalf("found only %d formats: the scan misses calls", len(used))
	}
	for _, p := range Problems(used, cat, allowed...) {
		t.Error(p)
	}
}

// arg is an argument every verb takes: only a missing, extra or badly
// numbered argument shows in the result.
type arg int

func (a arg) Format(f fmt.State, _ rune) { fmt.Fprintf(f, "<%d>", int(a)) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
