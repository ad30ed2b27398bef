package bundle

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kefu-hr/handbook/generator/bundle/internal/gen"
	"github.com/kefu-hr/handbook/generator/golden"
)

// TestGeneratedCode: codec_gen.go and ../policy/lookup_gen.go are what the
// generator writes from the policy model now, so that a field added to (or
// changed in) generator/source without `go generate ./generator/bundle`
// fails here rather than being left out of bundles, out of the
// fingerprint, or out of NumberRef's paths. With -update the files are
// rewritten, as go generate would.
func TestGeneratedCode(t *testing.T) {
	files, err := gen.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		path := filepath.FromSlash(f.Path)
		old, err := os.ReadFile(path)
		if err == nil && string(old) == string(f.Data) {
			continue
		}
		if golden.Update() {
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v: run go generate ./generator/bundle", f.Path, err)
			continue
		}
		t.Errorf("%s is not what the generator writes from the policy model now: run go generate ./generator/bundle (- committed, + now):\n%s", f.Path, golden.Diff(string(old), string(f.Data)))
	}
}
