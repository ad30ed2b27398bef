package bundle

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/load"
)

// BenchmarkDecode splits what the calculator's "bundle loaded" costs (Decode
// of the shipped bundle) into reading the policies and compiling them.
func BenchmarkDecode(b *testing.B) {
	h, err := load.ShippedHandbook()
	if err != nil {
		b.Fatal(err)
	}
	data := Encode(h)
	b.Run("policies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodePolicies(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			ps, err := DecodePolicies(data)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, problems := compile.Compile(ps, nil); len(problems) > 0 {
				b.Fatal(problems)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, problems, err := Decode(data); err != nil || len(problems) > 0 {
				b.Fatal(err, problems)
			}
		}
	})
}

// BenchmarkEncode is the encoding of the shipped handbook, as handbook
// build writes the site's bundle.
func BenchmarkEncode(b *testing.B) {
	h, err := load.ShippedHandbook()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Encode(h)
	}
}

// TestDecodeTimeInWasm says how the calculator's "bundle loaded" splits in
// the browser's engine: testdata/loadsplit, built to WebAssembly as the
// calculator is, decodes and compiles the shipped bundle under Node, each
// run in a fresh process (the first load, the one a page waits for, runs
// code V8 has not optimized yet), then 20 times more. Times are noisy: run
// it on a quiet machine, and compare changes interleaved.
//
//	HANDBOOK_WASM_DECODE=1 go test ./generator/bundle -run DecodeTimeInWasm -v
func TestDecodeTimeInWasm(t *testing.T) {
	if os.Getenv("HANDBOOK_WASM_DECODE") == "" {
		t.Skip("a measurement for the person speeding up the calculator's load: set HANDBOOK_WASM_DECODE=1")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	wasm := filepath.Join(dir, "loadsplit.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-gcflags=all=-l", "-ldflags=-s -w", "-o", wasm, "./testdata/loadsplit")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	execJS := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	bundlePath := filepath.Join(dir, "bundle.bin")
	if err := os.WriteFile(bundlePath, Encode(h), 0o644); err != nil {
		t.Fatal(err)
	}
	var first, again [3][]float64
	for range 10 {
		out, err := exec.Command(node, "testdata/loadsplit/run.cjs", execJS, wasm, bundlePath, "20").Output()
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			First [3]float64
			Again [][3]float64
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			first[i] = append(first[i], r.First[i])
			for _, a := range r.Again[5:] {
				again[i] = append(again[i], a[i])
			}
		}
	}
	spread := func(v []float64) string {
		slices.Sort(v)
		return strconv.FormatFloat(v[0], 'f', 1, 64) + " / " + strconv.FormatFloat(v[len(v)/2], 'f', 1, 64) + " / " + strconv.FormatFloat(v[len(v)-1], 'f', 1, 64)
	}
	for i, step := range []string{"bundle.DecodePolicies", "compile.Compile", "calculator.New"} {
		t.Logf("%-22s first load (min / median / max ms) %s; once optimized %s", step, spread(first[i]), spread(again[i]))
	}
}
