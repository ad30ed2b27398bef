package printf_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/internal/msgcheck"
)

// The module, and the functions of this package that take a format.
const (
	module = "github.com/kefu-hr/handbook"
	self   = module + "/generator/internal/printf"
)

var roots = []string{self + ".Sprintf", self + ".Fprintf", self + ".Appendf"}

// slices are the functions that pass a wrapper arguments they build as a
// slice, which TestCallSites cannot check, and why their types are right.
var slices = map[string]string{
	module + "/generator/cli.flagError":                    "the submatches of a regexp: strings",
	module + "/generator/internal/msgcheck.printfProblems": "its samples: an int, a bool or a string, or a float64 for %f, which it then reports printf does not format",
}

// goPackage is a package as go list describes it, with its files parsed
// and type-checked.
type goPackage struct {
	ImportPath, Dir, Export string
	GoFiles                 []string
	Module                  *struct{ Path string }
	files                   []*ast.File
	info                    *types.Info
}

// TestCallSites: every call in the module (tests aside) of Sprintf,
// Fprintf or Appendf, or of a function that passes its format and
// arguments on to one of them — diag.Catalog.Sprintf and Errorf,
// diag.List.Add, the packages' errf, add, fieldProblem, … found as vet
// finds printf wrappers — has a constant format, and gives each verb an
// argument of a static type printf formats as fmt does: string, bool, an
// int kind, []string, or (for %v, %s and %q) a type with an Error
// or String method. Vet checks verbs against types as fmt takes them; this
// test checks what fmt does through reflect and printf cannot do: a named
// string type without a String method, a struct, an any. The Chinese
// formats of the catalogs take the same arguments with the same verbs (see
// msgcheck.Problems), so they are checked here too.
func TestCallSites(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the module: skipped under -short")
	}
	pkgs, fset := loadModule(t)
	wrappers := findWrappers(pkgs)
	for _, want := range []string{
		"(" + module + "/generator/diag.Catalog).Sprintf",
		"(" + module + "/generator/diag.Catalog).Errorf",
		"(*" + module + "/generator/diag.List).Add",
		"(*" + module + "/generator/compile.compiler).verrf",
		"(" + module + "/generator/compile.itemChecker).Errorf",
	} {
		if !wrappers[want] {
			t.Errorf("%s is not found to pass its format on to printf", want)
		}
	}
	checked := 0
	for _, p := range pkgs {
		for _, f := range p.files {
			checkFile(t, fset, p, f, wrappers, &checked)
		}
	}
	if checked < 1000 {
		t.Errorf("only %d arguments checked: the scan misses calls", checked)
	}
}

// loadModule lists the module's packages with go list, parses their Go
// files (tests aside) and type-checks them, importing every package from
// its export data.
func loadModule(t *testing.T) ([]*goPackage, *token.FileSet) {
	t.Helper()
	cmd := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Dir,Export,GoFiles,Module", "./...")
	cmd.Dir = "../../.."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	exports := map[string]string{}
	var mine []*goPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(goPackage)
		if err := dec.Decode(p); err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.Module != nil && p.Module.Path == module {
			mine = append(mine, p)
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) { return os.Open(exports[path]) })
	for _, p := range mine {
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			p.files = append(p.files, f)
		}
		p.info = &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check(p.ImportPath, fset, p.files, p.info); err != nil {
			t.Fatalf("%s: %v", p.ImportPath, err)
		}
	}
	return mine, fset
}

// findWrappers returns the root functions and the functions that pass
// their format and arguments (format string, args ...any) on to one of
// them, as vet's printf check infers wrappers: functions, methods and
// function literals assigned to a variable; an interface method when a
// method of the module with its name is one.
func findWrappers(pkgs []*goPackage) map[string]bool {
	wrappers := map[string]bool{}
	for _, r := range roots {
		wrappers[r] = true
	}
	for changed := true; changed; {
		changed = false
		for _, p := range pkgs {
			for _, f := range p.files {
				ast.Inspect(f, func(n ast.Node) bool {
					key, ft, body := funcOf(p, n)
					if key == "" || wrappers[key] {
						return true
					}
					format, args := formatParams(p.info, ft)
					if format == nil {
						return true
					}
					ast.Inspect(body, func(m ast.Node) bool {
						call, ok := m.(*ast.CallExpr)
						if !ok || !call.Ellipsis.IsValid() || len(call.Args) < 2 {
							return true
						}
						if !isWrapper(p.info, call, wrappers) {
							return true
						}
						if usesParam(p.info, call.Args[len(call.Args)-2], format) && usesParam(p.info, call.Args[len(call.Args)-1], args) {
							wrappers[key] = true
							changed = true
						}
						return true
					})
					return true
				})
			}
		}
	}
	return wrappers
}

// funcOf returns the key, type and body of a function declaration or of a
// function literal assigned to a variable.
func funcOf(p *goPackage, n ast.Node) (string, *ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		if n.Body != nil {
			return p.info.Defs[n.Name].(*types.Func).Origin().FullName(), n.Type, n.Body
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			lit, ok := n.Rhs[0].(*ast.FuncLit)
			id, ok2 := n.Lhs[0].(*ast.Ident)
			if ok && ok2 {
				obj := p.info.Defs[id]
				if obj == nil {
					obj = p.info.Uses[id]
				}
				return varKey(obj), lit.Type, lit.Body
			}
		}
	}
	return "", nil, nil
}

// varKey names a variable holding a function literal by its name and the
// position of its declaration.
func varKey(obj types.Object) string {
	if obj == nil {
		return ""
	}
	return "var " + obj.Name() + " at " + strconv.Itoa(int(obj.Pos()))
}

// formatParams returns the last two parameters of a function when they are
// (format string, args ...any).
func formatParams(info *types.Info, ft *ast.FuncType) (types.Object, types.Object) {
	var names []*ast.Ident
	for _, f := range ft.Params.List {
		names = append(names, f.Names...)
	}
	if len(names) < 2 {
		return nil, nil
	}
	format, args := info.Defs[names[len(names)-2]], info.Defs[names[len(names)-1]]
	if format == nil || args == nil {
		return nil, nil
	}
	if b, ok := format.Type().(*types.Basic); !ok || b.Kind() != types.String {
		return nil, nil
	}
	if s, ok := args.Type().(*types.Slice); !ok || !types.IsInterface(s.Elem()) {
		return nil, nil
	}
	return format, args
}

func usesParam(info *types.Info, e ast.Expr, param types.Object) bool {
	id, ok := e.(*ast.Ident)
	return ok && info.Uses[id] == param
}

// callee returns the object a call calls, if it is named.
func callee(info *types.Info, call *ast.CallExpr) types.Object {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return info.Uses[fn]
	case *ast.SelectorExpr:
		return info.Uses[fn.Sel]
	}
	return nil
}

// isWrapper reports whether a call is to a root or a wrapper.
func isWrapper(info *types.Info, call *ast.CallExpr, wrappers map[string]bool) bool {
	obj := callee(info, call)
	if obj == nil {
		return false
	}
	fn, isFunc := obj.(*types.Func)
	if !isFunc {
		return wrappers[varKey(obj)]
	}
	if wrappers[fn.Origin().FullName()] {
		return true
	}
	// An interface method of the module: a wrapper when a method of its
	// name is (compile's itemChecker implements policy.ItemChecker).
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) || fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), module) {
		return false
	}
	for w := range wrappers {
		if strings.HasSuffix(w, ")."+fn.Name()) && (strings.HasPrefix(w, "("+module) || strings.HasPrefix(w, "(*"+module)) {
			return true
		}
	}
	return false
}

// checkFile checks the calls of wrappers in one file.
func checkFile(t *testing.T, fset *token.FileSet, p *goPackage, f *ast.File, wrappers map[string]bool, checked *int) {
	t.Helper()
	// The wrappers' bodies, where a call may pass arguments on as a slice,
	// and those of the functions listed in slices.
	var inWrapper []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if key, _, body := funcOf(p, n); key != "" && (wrappers[key] || slices[key] != "") {
			inWrapper = append(inWrapper, body)
		}
		return true
	})
	within := func(n ast.Node) bool {
		for _, b := range inWrapper {
			if b.Pos() <= n.Pos() && n.End() <= b.End() {
				return true
			}
		}
		return false
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isWrapper(p.info, call, wrappers) {
			return true
		}
		at := fset.Position(call.Pos())
		where := filepath.Base(at.Filename) + ":" + strconv.Itoa(at.Line)
		where = strings.TrimPrefix(p.ImportPath, module+"/") + "/" + where
		sig, ok := p.info.TypeOf(call.Fun).(*types.Signature)
		if !ok || !sig.Variadic() || sig.Params().Len() < 2 {
			t.Errorf("%s: %s is not a printf-like function", where, types.ExprString(call.Fun))
			return true
		}
		fi := sig.Params().Len() - 2
		if call.Ellipsis.IsValid() {
			if !within(call) {
				t.Errorf("%s: the arguments are passed as a slice: their types cannot be checked", where)
			}
			return true
		}
		if fi >= len(call.Args) {
			return true // a compile error
		}
		tv := p.info.Types[call.Args[fi]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			if len(call.Args) > fi+1 {
				t.Errorf("%s: the format is not a constant: its verbs cannot be checked", where)
			}
			return true
		}
		format := constant.StringVal(tv.Value)
		args := call.Args[fi+1:]
		uses, err := msgcheck.Verbs(format)
		if err != nil {
			t.Errorf("%s: %q: %v", where, format, err)
			return true
		}
		if len(uses) != len(args) {
			t.Errorf("%s: %q takes %d arguments, the call passes %d", where, format, len(uses), len(args))
			return true
		}
		for i, a := range args {
			typ := p.info.TypeOf(a)
			for _, verb := range uses[i] {
				*checked++
				if why := unsupported(typ, verb); why != "" {
					t.Errorf("%s: %q: %%%c of %s (%s): %s", where, format, verb, types.ExprString(a), types.TypeString(typ, nil), why)
				}
			}
		}
		return true
	})
}

// unsupported says why printf cannot format a value of static type typ
// with a verb as fmt does, or "" when it can.
func unsupported(typ types.Type, verb rune) string {
	if b, ok := typ.(*types.Basic); ok {
		var verbs string
		switch {
		case b.Info()&types.IsString != 0:
			verbs = "vsq"
		case b.Info()&types.IsInteger != 0:
			verbs = "vdq"
		case b.Info()&types.IsBoolean != 0:
			verbs = "vt"
		case b.Info()&types.IsFloat != 0:
			return "printf formats no floats: pass strconv.FormatFloat's string"
		default:
			return "printf does not format " + b.String()
		}
		if !strings.ContainsRune(verbs, verb) {
			return "printf takes only %" + strings.Join(strings.Split(verbs, ""), ", %") + " for it"
		}
		return ""
	}
	if types.Identical(typ, types.NewSlice(types.Typ[types.String])) {
		if !strings.ContainsRune("vsq", verb) {
			return "printf takes only %v, %s and %q for a []string"
		}
		return ""
	}
	ms := types.NewMethodSet(typ)
	if hasMethod(ms, "Format") {
		return "it has a Format method, which fmt would call"
	}
	if hasMethod(ms, "Error") || hasMethod(ms, "String") {
		if !strings.ContainsRune("vsq", verb) {
			return "printf formats it by its Error or String method, for %v, %s and %q only"
		}
		return ""
	}
	return "it has no Error or String method: fmt prints it through reflect, printf cannot (convert it, e.g. string(x), or give it a String method)"
}

// hasMethod reports whether a method set has a method name() string.
func hasMethod(ms *types.MethodSet, name string) bool {
	for i := 0; i < ms.Len(); i++ {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok || fn.Name() != name {
			continue
		}
		sig := fn.Signature()
		if name == "Format" {
			return true
		}
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
			return true
		}
	}
	return false
}

// TestUnsupported: the types and verbs TestCallSites lets through.
func TestUnsupported(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p")
	named := func(name string, under types.Type, methods ...string) types.Type {
		tn := types.NewTypeName(token.NoPos, pkg, name, nil)
		nt := types.NewNamed(tn, under, nil)
		for _, m := range methods {
			sig := types.NewSignatureType(types.NewVar(token.NoPos, pkg, "x", nt), nil, nil, nil,
				types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Typ[types.String])), false)
			nt.AddMethod(types.NewFunc(token.NoPos, pkg, m, sig))
		}
		return nt
	}
	errorType := types.Universe.Lookup("error").Type()
	tests := []struct {
		typ   types.Type
		verbs string // the verbs it takes of v, s, q, d, f, t
	}{
		{types.Typ[types.String], "vsq"},
		{types.Typ[types.UntypedString], "vsq"},
		{types.Typ[types.Int], "vqd"},
		{types.Typ[types.Int32], "vqd"},
		{types.Typ[types.Uint64], "vqd"},
		{types.Typ[types.UntypedInt], "vqd"},
		{types.Typ[types.UntypedRune], "vqd"},
		{types.Typ[types.Bool], "vt"},
		{types.Typ[types.Float64], ""},
		{types.Typ[types.UntypedFloat], ""},
		{types.Typ[types.Float32], ""},
		{types.NewSlice(types.Typ[types.String]), "vsq"},
		{types.NewSlice(types.Typ[types.Int]), ""},
		{errorType, "vsq"},
		{named("Decimal", types.NewStruct(nil, nil), "String"), "vsq"},
		{named("Kind", types.Typ[types.String]), ""},
		{named("Type", types.Typ[types.Int], "String"), "vsq"},
		{named("Fancy", types.Typ[types.String], "String", "Format"), ""},
		{types.NewInterfaceType(nil, nil), ""},
	}
	for _, tt := range tests {
		var got []rune
		for _, verb := range "vsqdft" {
			if unsupported(tt.typ, verb) == "" {
				got = append(got, verb)
			}
		}
		want := []rune(tt.verbs)
		sort.Slice(want, func(i, j int) bool {
			return strings.IndexRune("vsqdft", want[i]) < strings.IndexRune("vsqdft", want[j])
		})
		if string(got) != string(want) {
			t.Errorf("%s takes %q, want %q", tt.typ, string(got), string(want))
		}
	}
}
