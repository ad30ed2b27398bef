package bundle

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kefu-hr/handbook/generator/cases"
	"github.com/kefu-hr/handbook/generator/compile"
	"github.com/kefu-hr/handbook/generator/engine"
	_ "github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/internal/fixture"
	"github.com/kefu-hr/handbook/generator/load"
	"github.com/kefu-hr/handbook/generator/policy"
	"github.com/kefu-hr/handbook/generator/report"
	"github.com/kefu-hr/handbook/generator/source"
)

// TestShippedCasesFromABundle computes every worked case with the handbook
// decoded from a bundle of the shipped policies: each report is byte for
// byte the report from the files (which package cases checks against the
// case's golden), and the decoded handbook encodes to the same bundle.
func TestShippedCasesFromABundle(t *testing.T) {
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	data := Encode(h)
	t.Logf("bundle of %d policies: %d bytes", len(h.All()), len(data))
	b, problems, err := Decode(data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("decode: %v %v", err, problems)
	}
	if again := Encode(b); !bytes.Equal(again, data) {
		t.Fatal("the decoded handbook encodes to another bundle")
	}
	paths, _ := filepath.Glob("../../testdata/cases/*.toml")
	if len(paths) == 0 {
		t.Fatal("no worked cases")
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, diags := cases.Read(load.File{Path: "testdata/cases/" + filepath.Base(path), Data: src}, b)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", path, diags)
		}
		r, err := engine.Compute(b, c.Case)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var got bytes.Buffer
		report.Text(&got, c.Title, r)
		// The same case computed with the handbook loaded from the files
		// (whose report is the case's golden, checked by package cases).
		lc, diags := cases.Read(load.File{Path: "testdata/cases/" + filepath.Base(path), Data: src}, h)
		if len(diags) > 0 {
			t.Fatalf("%s: %v", path, diags)
		}
		lr, err := engine.Compute(h, lc.Case)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var want bytes.Buffer
		report.Text(&want, lc.Title, lr)
		if got.String() != want.String() {
			t.Errorf("%s: the report from the bundle differs from the report from the files", filepath.Base(path))
		}
	}
}

// TestMalformedBundles: every truncation of a bundle, a bundle of another
// version or model, and trailing bytes are refused with an error, never a
// panic or a handbook.
func TestMalformedBundles(t *testing.T) {
	data := Encode(fixture.Handbook(t))
	step := max(1, len(data)/300)
	for n := 0; n < len(data); n += step {
		if _, err := DecodePolicies(data[:n]); err == nil {
			t.Fatalf("a bundle cut at %d of %d bytes is accepted", n, len(data))
		}
	}
	head := len(magic) + len(binary.AppendUvarint(nil, Version))
	fp := binary.AppendUvarint(nil, Fingerprint())
	other := append(append([]byte(magic), binary.AppendUvarint(nil, Version)...), binary.AppendUvarint(nil, Fingerprint()+1)...)
	bad := map[string][]byte{
		"other model":    append(other, data[head+len(fp):]...),
		"not a bundle":   []byte("#:schema x"),
		"other version":  append([]byte(magic+"\x02"), data[len(magic)+1:]...),
		"trailing bytes": append(bytes.Clone(data), 0),
	}
	for name, b := range bad {
		if _, err := DecodePolicies(b); err == nil {
			t.Errorf("%s: accepted", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}

// TestCompileChecksADecodedBundle: a bundle is checked again when decoded,
// so a bundle whose policies are not a valid handbook gives problems.
func TestCompileChecksADecodedBundle(t *testing.T) {
	h := fixture.Handbook(t)
	ps, err := DecodePolicies(Encode(h))
	if err != nil {
		t.Fatal(err)
	}
	// Drop every band table: the scorecards' references break.
	var kept []source.Doc
	for _, p := range ps {
		if p.Kind != policy.KindBands {
			kept = append(kept, p)
		}
	}
	_, problems := compile.Compile(kept, nil)
	if len(problems) == 0 {
		t.Fatal("a handbook without its band tables compiles")
	}
	for _, p := range problems {
		if !strings.Contains(p.String(), "unknown") {
			t.Errorf("unexpected problem: %s", p)
		}
	}
}

// TestWasmDependencies: the packages the browser calculator is built from
// (engine, compile, bundle, inputs) link none of the TOML, JSON Schema or
// Markdown libraries, nor net; and neither this package nor package policy
// imports reflect (their walks of the policy model are generated), nor does
// this package import fmt, encoding/binary or hash/fnv.
func TestWasmDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("go list of the wasm build: skipped under -short")
	}
	cmd := exec.Command("go", "list", "-deps", ".", "../engine", "../compile", "../inputs")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range []string{"BurntSushi/toml", "pelletier/go-toml", "santhosh-tekuri/jsonschema", "yuin/goldmark", "generator/load", "generator/tomlpos", "generator/schema"} {
			if strings.Contains(dep, bad) {
				t.Errorf("the wasm build links %s", dep)
			}
		}
		if dep == "net" || strings.HasPrefix(dep, "net/") {
			t.Errorf("the wasm build links %s", dep)
		}
	}
	cmd = exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".", "../policy")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err = cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, " ")
		bad := []string{"reflect"}
		if strings.HasSuffix(pkg, "/bundle") {
			bad = append(bad, "fmt", "encoding/binary", "hash/fnv")
		}
		for _, imp := range strings.Fields(imports) {
			if slices.Contains(bad, imp) {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
}

// FuzzDecode: no input makes the decoder panic, and what decodes encodes
// back to the same bytes.
func FuzzDecode(f *testing.F) {
	f.Add(Encode(fixture.Handbook(f)))
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := DecodePolicies(data)
		if err != nil {
			return
		}
		h, problems := compile.Compile(ps, nil)
		if len(problems) > 0 {
			return
		}
		if again := Encode(h); !bytes.Equal(again, data) {
			// Reordered policies encode in the handbook's order; only a
			// bundle already in that order must round-trip.
			if ps2, err := DecodePolicies(again); err != nil || len(ps2) != len(ps) {
				t.Fatalf("a decoded bundle does not encode back: %v", err)
			}
		}
	})
}
