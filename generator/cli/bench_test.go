package cli

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkValidateCommand measures a whole `handbook validate` process on
// the shipped policies, as a person or CI runs it: process start, schema
// compilation, loading and every check. The binary is built once, outside
// the timed loop (go run adds the compilation, which the build cache makes
// a one-off).
func BenchmarkValidateCommand(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "handbook")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/handbook")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "validate")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("handbook validate: %v\n%s", err, out)
		}
	}
}
