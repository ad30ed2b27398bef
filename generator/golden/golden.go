// Package golden compares test output with golden files, the way the Go
// standard library does: `go test ./... -update` rewrites the files, and a
// mismatch prints a line-by-line diff.
//
// The -update flag is defined here, once, for every test binary of the
// module: each package with tests imports golden (a blank import where it
// compares nothing itself), so that `go test ./... -update` is understood by
// every package. TestEveryTestPackageHasTheUpdateFlag guards that.
package golden

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files from the output of the tests (then review the diff)")

// Update reports whether the tests run with -update: golden files, and the
// expected output of test scripts, are to be rewritten rather than compared.
func Update() bool { return *update }

// Check compares got with the golden file at path, or rewrites the file when
// the tests run with -update. A missing golden fails with the command that
// creates it.
func Check(t testing.TB, path, got string) {
	t.Helper()
	Compare(t, path, got, *update)
}

// Compare is Check with the choice to rewrite made by the caller.
func Compare(t testing.TB, path, got string, rewrite bool) {
	t.Helper()
	if rewrite {
		if b, err := os.ReadFile(path); err == nil && string(b) == got {
			return // unchanged: leave the file (and its time stamp) alone
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file %s (run go test ./... -update to create it): %v", path, err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("output differs from %s: if the change is intended, run go test ./... -update and review the diff of the golden files (-golden +now):\n%s", path, diff)
	}
}
