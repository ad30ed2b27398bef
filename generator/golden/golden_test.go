package golden

import (
	"os"
	"path/filepath"
	"testing"
)

type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	Check(t, path, "a\nb\n", true)
	if b, _ := os.ReadFile(path); string(b) != "a\nb\n" {
		t.Fatalf("update wrote %q", b)
	}
	r := &recorder{TB: t}
	Check(r, path, "a\nb\n", false)
	if r.failed {
		t.Error("equal output failed")
	}
	Check(r, path, "a\nc\n", false)
	if !r.failed {
		t.Error("different output passed")
	}
	r.failed = false
	Check(r, path+".missing", "a", false)
	if !r.failed {
		t.Error("missing golden passed")
	}
}
