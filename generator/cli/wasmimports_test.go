package cli

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// notYet are the imports of fmt, reflect and os that other changes remove
// from the packages the calculator links, and that
// TestCalculatorPackagesImportNoFmt lets through meanwhile: package →
// imports.
var notYet = map[string][]string{
	"github.com/kefu-hr/handbook/generator/exact":  {"fmt"},            // math/big goes, then fmt
	"github.com/kefu-hr/handbook/generator/bundle": {"fmt", "reflect"}, // the bundle's decoder without reflect
	"github.com/kefu-hr/handbook/generator/policy": {"reflect"},        // lookup.go, with the bundle's
}

// TestCalculatorPackagesImportNoFmt: no package of the module that the
// calculator's WebAssembly links imports fmt, reflect or os. fmt brings
// reflect and os, and with them about 150 KB gzipped, into the calculator;
// its packages format with generator/internal/printf instead.
func TestCalculatorPackagesImportNoFmt(t *testing.T) {
	if testing.Short() {
		t.Skip("go list of the wasm build: skipped under -short")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}} {{join .Imports \" \"}}{{end}}", "./cmd/calculator")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 10 {
		t.Fatalf("go list -deps listed only %q", lines)
	}
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, " ")
		for _, imp := range strings.Fields(imports) {
			switch imp {
			case "fmt", "reflect", "os":
				if !slices.Contains(notYet[pkg], imp) {
					t.Errorf("%s imports %s, and the calculator links it", pkg, imp)
				}
			}
		}
	}
}
