package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/kefu-hr/handbook/generator/internal/wasmdata"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/site"
)

// calculatorFlags are the flags the calculator's WebAssembly is built with:
// no paths of this machine (-trimpath), no symbol table or DWARF (-s -w),
// and no inlining (-l), which makes the module about 8% smaller gzipped
// (1.36 MB → 1.24 MB when measured) and costs the calculator nothing it
// can notice: a recompute is microseconds of engine work either way.
var calculatorFlags = []string{"-trimpath", "-gcflags=all=-l", "-ldflags=-s -w"}

// calculatorFiles are the calculator's files in the site, under calc/.
const (
	calculatorWasm   = "calculator.wasm"
	calculatorWasmJS = "calculator.wasm.js" // the module as base64, for file://
	calculatorMem    = "calculator.mem"     // the module's initial memory (wasmdata.Split), fetched beside it
	calculatorMemJS  = "calculator.mem.js"  // the same as base64, for file://
	calculatorExec   = "wasm_exec.js"
	calculatorBundle = "bundle.js"  // the policy bundle as base64, for file://
	calculatorRaw    = "bundle.bin" // the policy bundle's bytes, fetched from a server
)

// buildCalculatorWasm compiles cmd/calculator of the checkout root to
// WebAssembly at out, with the Go toolchain that runs (the build cache
// keeps a rebuild fast), its memory cut out (see splitMemory), and returns
// that memory's image and the toolchain's matching wasm_exec.js.
func buildCalculatorWasm(root, out string) (image, execJS []byte, err error) {
	args := append([]string{"build"}, calculatorFlags...)
	args = append(args, "-o", out, "./cmd/calculator")
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, nil, errors.New("building the calculator: " + err.Error() + ": " + strings.TrimSpace(stderr.String()))
	}
	if image, err = splitMemory(out); err != nil {
		return nil, nil, err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, nil, errors.New("go env GOROOT: " + err.Error())
	}
	execJS, err = os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	return image, execJS, err
}

// dataSegmentGap is the longest run of zeros between two of the module's
// data segments that mergeDataSegments writes out to join them. Measured
// on the calculator (Go 1.26): joining across runs of up to 8 bytes saves
// 3 KB gzipped, up to 32 bytes 97 KB, and from 512 bytes on nothing more
// (the module then has 5 segments instead of about 57,000).
const dataSegmentGap = 512

// splitMemory rewrites the module at path without its initial memory and
// returns that memory as an image (see generator/internal/wasmdata): its
// data segments merged first, which makes them about a tenth smaller
// gzipped, then cut out. The page fetches the module and the image at once
// and writes the image into memory before the program runs: the module
// compiles as it streams in and is done only with its last byte, and the
// data section, at its end, is about 40% of its bytes. Measured in
// headless Chromium on localhost (7 fresh visits each, a page that only
// compiles): the whole module compiled 177 ms after navigation, the module
// without its data 145, and that with the image fetched beside it 153. In
// the calculator's page the module is compiled 6-8 ms sooner, but the
// first result did not move measurably (16 rounds of A/B, 306 and 307 ms
// on first visits): what follows the compile, V8 compiling each function
// on its first call, decides it.
func splitMemory(path string) ([]byte, error) {
	module, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	merged, err := wasmdata.Merge(module, dataSegmentGap)
	if err != nil {
		return nil, errors.New("building the calculator: " + err.Error())
	}
	code, image, err := wasmdata.Split(merged)
	if err != nil {
		return nil, errors.New("building the calculator: " + err.Error())
	}
	return image, os.WriteFile(path, code, 0o644)
}

// gzipBest compresses data at the best compression, for the pre-compressed
// copies a host serves with Content-Encoding: gzip.
func gzipBest(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// calculatorPages builds the calculator of the checkout the working
// directory is in and returns its files (see checkoutCalculatorPages).
// Outside a checkout (a built binary without the sources) there is nothing
// to build: it says so, gives no files, and the calculator pages say that
// the calculator cannot load.
func calculatorPages(bundleData []byte, stderr io.Writer) ([]site.Page, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	root, ok := load.FindRoot(cwd)
	if !ok {
		printf(stderr, "handbook build: not in a checkout: the calculator's WebAssembly is not built (its pages will say so)\n")
		return nil, nil
	}
	return checkoutCalculatorPages(root, bundleData, stderr)
}

// checkoutCalculatorPages builds cmd/calculator of the checkout at root and
// returns its files, under calc/, with the policy bundle given: the module,
// its pre-compressed copy, the module in base64 for file:// (where a page
// cannot fetch), the same three of its initial memory, the toolchain's
// wasm_exec.js, and the bundle: its bytes
// (and their pre-compressed copy), which a page served over HTTP fetches,
// and the same in base64 for file://. A
// checkout without cmd/calculator (the fixture handbooks of the tests)
// gives no files, and says so.
func checkoutCalculatorPages(root string, bundleData []byte, stderr io.Writer) ([]site.Page, error) {
	if fi, err := os.Stat(filepath.Join(root, "cmd", "calculator")); err != nil || !fi.IsDir() {
		printf(stderr, "handbook build: no cmd/calculator in the checkout: the calculator is not built\n")
		return nil, nil
	}
	tmp, err := os.MkdirTemp("", "handbook-calculator-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	wasmPath := filepath.Join(tmp, calculatorWasm)
	image, execJS, err := buildCalculatorWasm(root, wasmPath)
	if err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, err
	}
	return []site.Page{
		{Path: "calc/" + calculatorWasm, Data: wasm},
		{Path: "calc/" + calculatorWasm + ".gz", Data: gzipBest(wasm)},
		{Path: "calc/" + calculatorWasmJS, Data: base64Script("HANDBOOK_WASM", wasm)},
		{Path: "calc/" + calculatorMem, Data: image},
		{Path: "calc/" + calculatorMem + ".gz", Data: gzipBest(image)},
		{Path: "calc/" + calculatorMemJS, Data: base64Script("HANDBOOK_MEMORY", image)},
		{Path: "calc/" + calculatorExec, Data: execJS},
		{Path: "calc/" + calculatorBundle, Data: base64Script("HANDBOOK_BUNDLE", bundleData)},
		{Path: "calc/" + calculatorRaw, Data: bundleData},
		{Path: "calc/" + calculatorRaw + ".gz", Data: gzipBest(bundleData)},
	}, nil
}

// base64Script is a script that sets window.NAME to data in base64.
func base64Script(name string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("// Generated by handbook build: do not edit.\nwindow." + name + " = \"")
	b.WriteString(base64.StdEncoding.EncodeToString(data))
	b.WriteString("\";\n")
	return b.Bytes()
}
