package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCalculatorWasmBreakdown says where the calculator's bytes go: the
// module built as handbook build does but with its name section (no -s),
// its code gzipped package by package, and its data. Run it when shedding
// size:
//
//	HANDBOOK_WASM_BREAKDOWN=1 go test ./generator/cli -run Breakdown -v
func TestCalculatorWasmBreakdown(t *testing.T) {
	if os.Getenv("HANDBOOK_WASM_BREAKDOWN") == "" {
		t.Skip("a size breakdown for the person shedding bytes: set HANDBOOK_WASM_BREAKDOWN=1")
	}
	out := filepath.Join(t.TempDir(), "calculator.wasm")
	var flags []string
	for _, f := range calculatorFlags {
		if f != "-ldflags=-s -w" {
			flags = append(flags, f)
		}
	}
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", out, "./cmd/calculator")...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	code, data2, names, imports, err := wasmSections(data)
	if err != nil {
		t.Fatal(err)
	}
	byPkg := map[string][]byte{}
	for i, body := range code {
		pkg := packageOf(names[imports+i])
		byPkg[pkg] = append(byPkg[pkg], body...)
	}
	type row struct {
		pkg      string
		raw, gzd int
	}
	var rows []row
	for pkg, b := range byPkg {
		rows = append(rows, row{pkg, len(b), len(gzipBest(b))})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].gzd > rows[j].gzd })
	var b strings.Builder
	fmt.Fprintf(&b, "whole module %d bytes, %d gzipped; data %d bytes, %d gzipped\n", len(data), len(gzipBest(data)), len(data2), len(gzipBest(data2)))
	fmt.Fprintf(&b, "%10s %10s  code by package (each gzipped alone)\n", "raw", "gzip")
	for _, r := range rows[:min(len(rows), 40)] {
		fmt.Fprintf(&b, "%10d %10d  %s\n", r.raw, r.gzd, r.pkg)
	}
	t.Log("\n" + b.String())
}

// wasmSections reads a WebAssembly module's function bodies, its data
// segments (joined), its function names and the count of imported
// functions (which come first in the function index space).
func wasmSections(m []byte) (code [][]byte, data []byte, names map[int]string, imports int, err error) {
	if len(m) < 8 || !bytes.HasPrefix(m, []byte("\x00asm")) {
		return nil, nil, nil, 0, fmt.Errorf("not a WebAssembly module")
	}
	names = map[int]string{}
	uv := func(b []byte, p *int) uint64 {
		x, n := binary.Uvarint(b[*p:])
		*p += n
		return x
	}
	for p := 8; p < len(m); {
		id := m[p]
		p++
		size := int(uv(m, &p))
		sec := m[p : p+size]
		p += size
		q := 0
		switch id {
		case 2: // imports
			for range uv(sec, &q) {
				q += int(uv(sec, &q))
				q += int(uv(sec, &q))
				kind := sec[q]
				q++
				if kind != 0 {
					return nil, nil, nil, 0, fmt.Errorf("import of kind %d", kind)
				}
				imports++
				uv(sec, &q)
			}
		case 10: // code
			for range uv(sec, &q) {
				l := int(uv(sec, &q))
				code = append(code, sec[q:q+l])
				q += l
			}
		case 11: // data
			data = sec
		case 0: // custom: the name section
			l := int(uv(sec, &q))
			if string(sec[q:q+l]) != "name" {
				continue
			}
			q += l
			for q < len(sec) {
				sub := sec[q]
				q++
				ss := int(uv(sec, &q))
				end := q + ss
				if sub == 1 {
					for range uv(sec, &q) {
						idx := int(uv(sec, &q))
						nl := int(uv(sec, &q))
						names[idx] = string(sec[q : q+nl])
						q += nl
					}
				}
				q = end
			}
		}
	}
	return code, data, names, imports, nil
}

// packageOf is the package of a function name as the Go linker writes it
// in a wasm name section (path/pkg.Func, with dots of the path as _).
func packageOf(name string) string {
	if rest, ok := strings.CutPrefix(name, "github.com_"); ok {
		if i := strings.Index(rest, "."); i > 0 {
			return rest[:i] // the module path with its dots and slashes as _
		}
	}
	i := strings.LastIndex(name, "/")
	rest := name[i+1:]
	if j := strings.Index(rest, "."); j >= 0 {
		return name[:i+1] + rest[:j]
	}
	return name
}
