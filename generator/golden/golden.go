// Package golden compares test output with golden files, the way the Go
// standard library does: `go test ./... -update` rewrites the files, and a
// mismatch prints a line-by-line diff.
package golden

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check compares got with the golden file at path, or rewrites the file when
// update is set. A missing golden fails with the command that creates it.
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file (run go test with -update): %v", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}
