package msgcheck

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kefu-hr/handbook/generator/diag"
	"github.com/kefu-hr/handbook/generator/internal/printf"
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
// arguments, an entry no call uses (unless allowed lists it). It also
// formats each entry, English and Chinese, with printf (which diag.Catalog
// formats with) and with fmt, on arguments of the kinds the English verbs
// take, and reports where the two differ, where printf reports an error
// or a verb it does not implement, and where the Chinese gives an argument
// a verb the English does not (other than %v): a call passes the English
// verbs' types, which printf's TestCallSites checks.
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
		out = append(out, printfProblems(en, zh)...)
	}
	sort.Strings(out)
	return out
}

// printfProblems formats a catalog entry with printf and with fmt.
func printfProblems(en, zh string) []string {
	enVerbs, err := Verbs(en)
	if err != nil {
		return []string{fmt.Sprintf("%q: %v", en, err)}
	}
	zhVerbs, err := Verbs(zh)
	if err != nil {
		return []string{fmt.Sprintf("the Chinese of %q: %v", en, err)}
	}
	var out []string
	samples := make([]any, len(enVerbs))
	for i, verbs := range enVerbs {
		samples[i] = sample(verbs)
		if i < len(zhVerbs) {
			for _, v := range zhVerbs[i] {
				if v != 'v' && !strings.ContainsRune(string(verbs), v) {
					out = append(out, fmt.Sprintf("the Chinese of %q gives argument %d %%%c, the English %%%s", en, i+1, v, string(verbs)))
				}
			}
		}
	}
	for _, f := range []string{en, zh} {
		got, want := printf.Sprintf(f, samples...), fmt.Sprintf(f, samples...)
		if got != want || strings.Contains(got, "%!") {
			out = append(out, fmt.Sprintf("%q formats as %q with printf, as %q with fmt", f, got, want))
		}
	}
	return out
}

// sample is an argument for the verbs a format gives it: a number for %d
// and %f, a bool for %t, else a string (printf formats a value's Error or
// String as a string).
func sample(verbs []rune) any {
	switch {
	case strings.ContainsRune(string(verbs), 'd'):
		return -1234
	case strings.ContainsRune(string(verbs), 'f'):
		return 99.95
	case strings.ContainsRune(string(verbs), 't'):
		return true
	}
	return "字\"x\" y"
}

// Verbs returns the verbs a format gives each argument, in order: the
// arguments are as many as the format takes, in turn or by index. It is an
// error for an argument to take no verb (an index skips it), for an index
// to be malformed, and for a flag other than - and 0 (those printf
// implements) or a width or precision given as * to appear.
func Verbs(format string) ([][]rune, error) {
	var uses [][]rune
	arg := 0
	index := func(i int) (int, error) {
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return i, errors.New("an unclosed [")
			}
			k, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || k < 1 {
				return i, errors.New("a bad argument index " + format[i:i+end+1])
			}
			arg = k - 1
			return i + end + 1, nil
		}
		return i, nil
	}
	digits := func(i int) int {
		for i < len(format) && '0' <= format[i] && format[i] <= '9' {
			i++
		}
		return i
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("-0+# ", format[i]) >= 0 {
			if format[i] != '-' && format[i] != '0' {
				return nil, errors.New("the flag " + format[i:i+1] + ", which printf does not implement")
			}
			i++
		}
		var err error
		if i, err = index(i); err != nil {
			return nil, err
		}
		i = digits(i)
		if i < len(format) && format[i] == '.' {
			if i, err = index(i + 1); err != nil {
				return nil, err
			}
			i = digits(i)
		}
		if i, err = index(i); err != nil {
			return nil, err
		}
		switch {
		case i >= len(format):
			return nil, errors.New("a % without a verb")
		case format[i] == '*':
			return nil, errors.New("a width or precision given as *")
		case format[i] == '%':
			continue
		}
		for len(uses) <= arg {
			uses = append(uses, nil)
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size - 1
		uses[arg] = append(uses[arg], verb)
		arg++
	}
	for i, u := range uses {
		if len(u) == 0 {
			return nil, fmt.Errorf("argument %d takes no verb", i+1)
		}
	}
	return uses, nil
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
