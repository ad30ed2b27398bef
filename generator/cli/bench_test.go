package cli

import (
	"fmt"
	"io"
	"os"
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

// BenchmarkServeRebuild measures what handbook serve does when one file
// changes: load the policies (the one file changed decoded again, the
// others from the cache), check and compile them all, compute the worked
// cases and build the site, in a copy of the checkout where each round
// edits a comment of one pay plan (nothing is written: serve keeps the
// pages in memory).
func BenchmarkServeRebuild(b *testing.B) {
	root := b.TempDir()
	for _, d := range []string{"policies", "roles", "site", "testdata/cases", "generator/schema"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			b.Fatal(err)
		}
	}
	edited := filepath.Join(root, "policies", "pay", "kefu-zongjian-pay.toml")
	orig, err := os.ReadFile(edited)
	if err != nil {
		b.Fatal(err)
	}
	s := newServer(root, "", io.Discard)
	if _, err := s.build(io.Discard); err != nil { // the first build fills the cache
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n++
		if err := os.WriteFile(edited, append(orig, fmt.Sprintf("# edit %d\n", n)...), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := s.build(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
