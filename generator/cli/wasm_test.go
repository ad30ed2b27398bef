package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kefu-hr/handbook/generator/bundle"
	"github.com/kefu-hr/handbook/generator/calculator"
	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/engine"
	"github.com/kefu-hr/handbook/generator/inputs"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/report"
)

// The calculator's WebAssembly, built once for the tests below.
var (
	wasmOnce  sync.Once
	wasmDir   string
	wasmError error
)

// builtCalculator builds cmd/calculator as handbook build does, into a
// directory with its memory image and wasm_exec.js beside it.
func builtCalculator(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the WebAssembly calculator: skipped under -short")
	}
	wasmOnce.Do(func() {
		wasmDir, wasmError = os.MkdirTemp("", "calculator-wasm")
		if wasmError != nil {
			return
		}
		var image, execJS []byte
		image, execJS, wasmError = buildCalculatorWasm("../..", filepath.Join(wasmDir, calculatorWasm))
		if wasmError == nil {
			wasmError = os.WriteFile(filepath.Join(wasmDir, calculatorExec), execJS, 0o644)
		}
		if wasmError == nil {
			wasmError = os.WriteFile(filepath.Join(wasmDir, calculatorMem), image, 0o644)
		}
	})
	if wasmError != nil {
		t.Fatal(wasmError)
	}
	return wasmDir
}

// TestCalculatorWasmDependencies: the calculator's WebAssembly links none
// of the TOML, JSON Schema and Markdown libraries, no encoding/json, no net
// and no regexp (whose Unicode tables cost ~70 KB gzipped); nor fmt,
// reflect, os, math/big or runtime/debug (fmt brings reflect and os, and
// with them about 150 KB gzipped: the packages it links format with
// generator/internal/printf, exact computes on its own natural numbers,
// the bundle's codec is generated, and the page sets GOGC).
func TestCalculatorWasmDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("go list of the wasm build: skipped under -short")
	}
	cmd := exec.Command("go", "list", "-deps", "./cmd/calculator")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed only %q", deps)
	}
	for _, dep := range deps {
		for _, bad := range []string{"BurntSushi/toml", "pelletier/go-toml", "santhosh-tekuri/jsonschema", "yuin/goldmark", "generator/load", "generator/schema", "generator/tomlpos"} {
			if strings.Contains(dep, bad) {
				t.Errorf("the calculator's wasm links %s", dep)
			}
		}
		switch {
		case dep == "encoding/json", dep == "net", strings.HasPrefix(dep, "net/"), dep == "regexp",
			dep == "fmt", dep == "reflect", dep == "os", dep == "math/big", dep == "runtime/debug":
			t.Errorf("the calculator's wasm links %s", dep)
		case dep == "time", dep == "internal/godebug", dep == "internal/bisect":
			// Dates are civil.Date: time and the godebug settings it
			// reads cost about 70 KB gzipped.
			t.Errorf("the calculator's wasm links %s", dep)
		}
	}
}

// TestCalculatorWasmSymbols: the calculator's WebAssembly reaches none of
// the standard library's code that whole packages it links do not show:
// no instantiation of slices' sorts (its packages sort through
// generator/internal/sorted: sort.Sort and sort.Stable, one copy each),
// no sort.Slice or sort.SliceStable and no errors.As (reflectlite's
// swapper, ValueOf and Set), no sync.Pool, no float formatting in printf,
// no Unicode case mapping (strings.ToLower and its tables).
// It asks the linker which symbols it reaches (-dumpdep prints an edge
// "from -> to" for each).
func TestCalculatorWasmSymbols(t *testing.T) {
	if testing.Short() {
		t.Skip("links the WebAssembly calculator: skipped under -short")
	}
	args := []string{"build"}
	for _, f := range calculatorFlags {
		if strings.HasPrefix(f, "-ldflags=") {
			f += " -dumpdep"
		}
		args = append(args, f)
	}
	cmd := exec.Command("go", append(args, "-o", os.DevNull, "./cmd/calculator")...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var deps bytes.Buffer
	cmd.Stderr = &deps
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build -ldflags=-dumpdep: %v\n%.2000s", err, deps.String())
	}
	forbidden := []string{
		"slices.pdqsort", "slices.stable", "slices.insertionSort",
		"sort.Slice", "sort.Strings", "sort.Ints", "errors.As", "errors.as",
		"internal/reflectlite.Swapper", "internal/reflectlite.ValueOf",
		"sync.(*Pool)", "strings.ToLower", "unicode.ToLower",
		"github.com/kefu-hr/handbook/generator/internal/printf.(*printer).fmtFloat",
	}
	// The linker also lists a function's auxiliary data (argument and
	// defer information) under edges of unrelated functions that share it.
	aux := []string{".arginfo", ".argliveinfo", ".opendefer", ".stkobj", ".wrapinfo"}
	reached := 0
lines:
	for _, line := range strings.Split(deps.String(), "\n") {
		_, to, ok := strings.Cut(line, " -> ")
		if !ok {
			continue
		}
		reached++
		for _, a := range aux {
			if strings.Contains(to, a) {
				continue lines
			}
		}
		for _, bad := range forbidden {
			if strings.HasPrefix(to, bad) {
				t.Errorf("the calculator's wasm reaches %s (%s)", to, line)
			}
		}
	}
	if reached < 1000 {
		t.Fatalf("the linker printed only %d edges", reached)
	}
}

// sizeBaseline is where the calculator's recorded size is kept.
const sizeBaseline = "../../cmd/calculator/testdata/size.txt"

// TestCalculatorWasmSize: the calculator's WebAssembly, its module and its
// memory image together, each gzipped at the best compression as the site
// ships it, is not more than 5% larger than the size recorded in
// cmd/calculator/testdata/size.txt. A change that makes it larger must say
// so by raising the recorded size, in review.
func TestCalculatorWasmSize(t *testing.T) {
	dir := builtCalculator(t)
	data, err := os.ReadFile(filepath.Join(dir, calculatorWasm))
	if err != nil {
		t.Fatal(err)
	}
	image, err := os.ReadFile(filepath.Join(dir, calculatorMem))
	if err != nil {
		t.Fatal(err)
	}
	code, memory := len(gzipBest(data)), len(gzipBest(image))
	got := code + memory
	text, err := os.ReadFile(sizeBaseline)
	if err != nil {
		t.Fatal(err)
	}
	var recorded int
	for _, line := range strings.Split(string(text), "\n") { // "# …" lines are comments
		if v, ok := strings.CutPrefix(line, "gzip "); ok {
			recorded, err = strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("%s: %v", sizeBaseline, err)
			}
		}
	}
	if recorded == 0 {
		t.Fatalf("%s records no \"gzip N\" line", sizeBaseline)
	}
	t.Logf("calculator.wasm and calculator.mem: %d bytes, %d gzipped (recorded %d): the module %d bytes, %d gzipped; its memory %d bytes, %d gzipped",
		len(data)+len(image), got, recorded, len(data), code, len(image), memory)
	if got*100 > recorded*105 {
		t.Errorf("calculator.wasm and calculator.mem are %d bytes gzipped, more than 5%% over the recorded %d: shed what grew them, or raise the record in %s with the reason", got, recorded, sizeBaseline)
	}
	if got*100 < recorded*95 {
		t.Logf("calculator.wasm and calculator.mem shrank by more than 5%%: lower the record in %s to %d", sizeBaseline, got)
	}
}

// TestWorkedCasesInTheWasmCalculator: one corpus, two engines. Every worked
// case of testdata/cases, entered as the calculator's form values, runs
// through the WebAssembly calculator under Node the way the page calls it;
// its report is the native engine's byte for byte (every number and the
// trace; package cases holds that report equal to the case's golden), and the whole answer — items, parts, totals, K, grade, pay
// lines, ledger, sentences, what it takes — equals the native calculator's.
func TestWorkedCasesInTheWasmCalculator(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (CI installs it): the wasm calculator is not run")
	}
	dir := builtCalculator(t)
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bundle.bin"), bundle.Encode(h), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../../testdata/cases/*.toml")
	if len(paths) == 0 {
		t.Fatal("no worked cases")
	}
	type request struct {
		Role   string            `json:"role"`
		Period string            `json:"period"`
		Values map[string]string `json:"values"`
		Title  string            `json:"title"`
	}
	var requests []request
	var natives []any
	var goldens []string
	calc := calculator.New(h)
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, diags := cases.Read(load.File{Path: "testdata/cases/" + filepath.Base(path), Data: src}, h)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", path, diags)
		}
		values := inputs.Encode(c.Case)
		sort.Slice(values, func(i, j int) bool { return values[i].Path < values[j].Path })
		r := request{Role: c.Case.Role, Period: c.Case.Period.String(), Values: map[string]string{}, Title: c.Title}
		for _, v := range values {
			r.Values[v.Path] = v.Text
		}
		requests = append(requests, r)
		native := calculator.AppendAnswer(nil, calc.Compute(calculator.Request{Role: r.Role, Period: c.Case.Period, Values: values, Title: c.Title, Report: true, Next: true}))
		var v any
		if err := json.Unmarshal(native, &v); err != nil {
			t.Fatal(err)
		}
		natives = append(natives, v)
		// The native report, which package cases checks against the case's
		// golden file (not read here: go test ./... -update may be
		// rewriting it meanwhile).
		res, err := engine.Compute(h, c.Case)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var golden bytes.Buffer
		report.Text(&golden, c.Title, res)
		goldens = append(goldens, golden.String())
	}
	reqJSON, _ := json.Marshal(requests)
	if err := os.WriteFile(filepath.Join(dir, "requests.json"), reqJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	runner, err := filepath.Abs("../../cmd/calculator/testdata/node.cjs")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, runner, filepath.Join(dir, calculatorExec), filepath.Join(dir, calculatorWasm), filepath.Join(dir, calculatorMem), filepath.Join(dir, "bundle.bin"), filepath.Join(dir, "requests.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var got struct {
		ReadyMs float64   `json:"readyMs"`
		FirstMs []float64 `json:"firstMs"`
		AgainMs []float64 `json:"againMs"`
		NextMs  []float64 `json:"nextMs"`
		Answers []any     `json:"answers"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node's output: %v", err)
	}
	t.Logf("under Node: ready (instantiate, run, decode and compile the bundle) in %.0f ms", got.ReadyMs)
	for i, path := range paths {
		if i < len(got.FirstMs) && i < len(got.AgainMs) && i < len(got.NextMs) {
			t.Logf("  %-52s first (all) %6.1f ms, result %5.1f ms, with what it takes %6.1f ms", filepath.Base(path), got.FirstMs[i], got.AgainMs[i], got.NextMs[i])
		}
	}
	if len(got.Answers) != len(paths) {
		t.Fatalf("%d answers for %d cases", len(got.Answers), len(paths))
	}
	for i, path := range paths {
		name := filepath.Base(path)
		a, _ := got.Answers[i].(map[string]any)
		if report, _ := a["report"].(string); report != goldens[i] {
			t.Errorf("%s: the wasm calculator's report differs from the native one (the golden's):\n%s", name, cmp.Diff(strings.Split(goldens[i], "\n"), strings.Split(report, "\n")))
		}
		if d := cmp.Diff(natives[i], got.Answers[i]); d != "" {
			t.Errorf("%s: the wasm answer differs from the native one (-native +wasm):\n%s", name, d)
		}
	}
}
